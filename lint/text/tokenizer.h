// Splits a draft into word tokens, each with its span in the original text and
// its folded form (normalize.h), plus the sentence it belongs to.
//
// A token is a run of letters, digits and combining marks; default-ignorable
// characters (zero-width spaces, soft hyphens) inside a run do not break it.
// Apostrophes, hyphens and everything else separate tokens, so "Mary's" is the
// tokens "Mary" and "s" - word lists are tokenised the same way.
#ifndef POSTCHECK_TOKENIZER_H_
#define POSTCHECK_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

struct Token {
  uint32_t begin = 0;         // byte offset in the original text
  uint32_t end = 0;           // one past the last byte
  uint32_t folded_begin = 0;  // into TokenizedText::folded
  uint32_t folded_size = 0;
  uint32_t sentence = 0;      // index of the sentence the token is in
  bool capitalised = false;   // first letter is upper or title case
  bool all_caps = false;      // has letters, none of them lower case
  bool has_digit = false;
  bool has_letter = false;
  bool sentence_start = false;  // first token of its sentence
};

// A tokenised draft. `text` must outlive it.
struct TokenizedText {
  std::string_view text;
  std::vector<Token> tokens;
  std::string folded;  // the folded forms of every token, back to back

  std::string_view Original(const Token& t) const { return text.substr(t.begin, t.end - t.begin); }
  std::string_view Folded(const Token& t) const {
    return std::string_view(folded).substr(t.folded_begin, t.folded_size);
  }

  // Index of the first token that ends after byte `offset` (tokens.size() if none).
  size_t TokenAtOrAfter(size_t offset) const;
  // Index of the sentence containing byte `offset`.
  uint32_t SentenceAt(size_t offset) const;

  // Byte offsets where each sentence starts; sentence_starts[0] == 0.
  std::vector<uint32_t> sentence_starts;
};

// Tokenises valid UTF-8 `text`. Sentences end after '.', '!', '?' or '|'
// followed by white space, and at every line break.
void Tokenize(std::string_view text, TokenizedText* out);

// The folded tokens of a word-list phrase, e.g. "Bang to rights" ->
// {"bang", "to", "rights"}.
std::vector<std::string> FoldedWords(std::string_view phrase);

// The original-text tokens of a phrase, unfolded (for case-sensitive lists).
std::vector<std::string> PhraseWords(std::string_view phrase);

// The apostrophes that split a contraction or possessive into tokens
// ("you're", "officer’s"): straight, and curly (U+2019, here as UTF-8).
inline constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";
// Whether `s` is one apostrophe (the gap between two tokens of "don't").
inline bool IsApostrophe(std::string_view s) { return s == "'" || s == kCurlyApostrophe; }
// Whether an apostrophe starts at byte `i` of `s`.
inline bool IsApostropheAt(std::string_view s, size_t i) {
  return i < s.size() && (s[i] == '\'' || s.compare(i, kCurlyApostrophe.size(), kCurlyApostrophe) == 0);
}
// Whether an apostrophe ends right before byte `end` (<= s.size()) of `s` (a
// token there is the end of a contraction: the "s" of "what's").
inline bool IsApostropheBefore(std::string_view s, size_t end) {
  return (end >= 1 && s[end - 1] == '\'') || s.substr(0, end).ends_with(kCurlyApostrophe);
}

}  // namespace postcheck

#endif  // POSTCHECK_TOKENIZER_H_
