// Where an RE2 pattern's matches can begin, read from the pattern's text, so
// that a search can try only those places instead of reading the whole text.
//
// Many rule patterns begin with a word boundary and a word or a choice of
// words: "(?i)\b(?:was|were) (?:arrested|charged)\b". Every match of such a
// pattern begins at an ASCII word start (a character of [0-9A-Za-z_] with no
// such character before it) with one of a few literal prefixes ("was ",
// "were "). WordStartPrefixes finds those prefixes; WordStarts lists a text's
// word starts once, for any number of patterns to be tried at.
//
// The prefixes are compared ignoring ASCII case, which is a superset of what
// a case-sensitive pattern accepts. Under (?i), RE2 also matches two
// characters outside ASCII to ASCII letters: KELVIN SIGN to k and LATIN SMALL
// LETTER LONG S to s. A text with either is marked, and a caller then
// searches it the ordinary way.
#ifndef POSTCHECK_WORD_START_PREFIXES_H_
#define POSTCHECK_WORD_START_PREFIXES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

// The literal prefixes (ASCII, lower-cased, each beginning with a word
// character) one of which every match of `pattern` begins with, at an ASCII
// word start. Empty when the text does not show such prefixes: the pattern
// may begin anywhere ("\d+", "(?:^|#)x", "\b(?:a)?b", "[A-Z]\w+"). The
// analysis is conservative: an empty answer is always safe.
std::vector<std::string> WordStartPrefixes(std::string_view pattern);

// Whether ASCII byte `c` is a word character for RE2's \b: [0-9A-Za-z_].
inline bool IsAsciiWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

// The key of a place in a text by its first two bytes, lower-cased (the
// second 0 at the end of the text): a number below 512 that a pattern's
// prefixes can be told apart by before they are compared.
inline unsigned PairKey(char first, char second) {
  return (static_cast<unsigned char>(first) * 31u + static_cast<unsigned char>(second)) & 511u;
}

// A text's ASCII word starts, in order, each with its PairKey.
class WordStarts {
 public:
  struct Start {
    uint32_t at;
    uint32_t key;
  };

  // Lists the word starts of `text`, which must outlive the next Reset.
  void Reset(std::string_view text);

  const std::vector<Start>& starts() const { return starts_; }
  // False when the text holds a character that RE2's (?i) matches to an
  // ASCII letter (KELVIN SIGN, LONG S): prefixes cannot be trusted in it.
  bool ascii_folding() const { return ascii_folding_; }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  std::vector<Start> starts_;
  bool ascii_folding_ = true;
};

}  // namespace postcheck

#endif  // POSTCHECK_WORD_START_PREFIXES_H_
