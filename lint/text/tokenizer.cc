#include "text/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "text/normalize.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

enum class CharKind { kOther, kWord, kIgnorable, kSentenceEnd, kLineBreak, kSpace };

struct CharInfo {
  CharKind kind;
  bool upper;
  bool lower;
  bool digit;
  bool letter = false;  // any letter, cased or not
};

CharInfo Classify(char32_t cp) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'a' && c <= 'z') return {CharKind::kWord, false, true, false, true};
    if (c >= 'A' && c <= 'Z') return {CharKind::kWord, true, false, false, true};
    if (c >= '0' && c <= '9') return {CharKind::kWord, false, false, true};
    if (c == '.' || c == '!' || c == '?' || c == '|') return {CharKind::kSentenceEnd, false, false, false};
    if (c == '\n' || c == '\r') return {CharKind::kLineBreak, false, false, false};
    if (c == ' ' || c == '\t') return {CharKind::kSpace, false, false, false};
    return {CharKind::kOther, false, false, false};
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return {CharKind::kWord, true, false, false, true};
    case UTF8PROC_CATEGORY_LL:
      return {CharKind::kWord, false, true, false, true};
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return {CharKind::kWord, false, false, false, true};
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return {CharKind::kWord, false, false, false};
    case UTF8PROC_CATEGORY_ND:
      return {CharKind::kWord, false, false, true};
    case UTF8PROC_CATEGORY_ZS:
      return {CharKind::kSpace, false, false, false};
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return {CharKind::kLineBreak, false, false, false};
    default:
      break;
  }
  if (utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->ignorable) {
    return {CharKind::kIgnorable, false, false, false};
  }
  if (LetterLikeSymbol(cp)) return {CharKind::kWord, false, false, false, true};  // "🅵🆄🅲🅺" is a word
  return {CharKind::kOther, false, false, false};
}

// Classify of every ASCII character, looked up rather than worked out.
const std::array<CharInfo, 0x80> kAsciiInfo = [] {
  std::array<CharInfo, 0x80> info{};
  for (char32_t c = 0; c < 0x80; ++c) info[c] = Classify(c);
  return info;
}();

// ASCII letters and digits, by byte: which of the three each is (0 for any
// other byte).
constexpr unsigned kUpperBit = 1, kLowerBit = 2, kDigitBit = 4;
const std::array<unsigned char, 256> kAsciiWordBits = [] {
  std::array<unsigned char, 256> bits{};
  for (int c = 'A'; c <= 'Z'; ++c) bits[c] = kUpperBit;
  for (int c = 'a'; c <= 'z'; ++c) bits[c] = kLowerBit;
  for (int c = '0'; c <= '9'; ++c) bits[c] = kDigitBit;
  return bits;
}();

}  // namespace

size_t TokenizedText::TokenAtOrAfter(size_t offset) const {
  auto it = std::upper_bound(tokens.begin(), tokens.end(), offset,
                             [](size_t off, const Token& t) { return off < t.end; });
  return static_cast<size_t>(it - tokens.begin());
}

uint32_t TokenizedText::SentenceAt(size_t offset) const {
  auto it = std::upper_bound(sentence_starts.begin(), sentence_starts.end(), offset);
  return static_cast<uint32_t>(it - sentence_starts.begin()) - 1;
}

void Tokenize(std::string_view text, TokenizedText* out) {
  out->text = text;
  out->tokens.clear();
  out->folded.clear();
  out->sentence_starts.assign(1, 0);

  bool in_token = false;
  bool pending_sentence_end = false;  // saw a terminator; a space confirms it
  bool next_starts_sentence = true;
  Token current;
  size_t last_word_end = 0;  // end of the last word or ignorable char in the token
  bool token_has_lower = false;
  bool token_ascii = false;  // every character of the token so far an ASCII letter or digit

  auto finish = [&]() {
    if (!in_token) return;
    in_token = false;
    current.end = static_cast<uint32_t>(last_word_end);
    current.folded_begin = static_cast<uint32_t>(out->folded.size());
    std::string_view word = text.substr(current.begin, current.end - current.begin);
    if (token_ascii) {
      FoldAsciiWord(word, &out->folded);
    } else {
      FoldWord(word, &out->folded);
    }
    current.folded_size = static_cast<uint32_t>(out->folded.size()) - current.folded_begin;
    current.sentence = static_cast<uint32_t>(out->sentence_starts.size() - 1);
    if (current.folded_size > 0) out->tokens.push_back(current);
  };
  auto new_sentence = [&](size_t at) {
    if (out->sentence_starts.back() != at) out->sentence_starts.push_back(static_cast<uint32_t>(at));
    next_starts_sentence = true;
  };

  // Starts a token at byte `at`, unless one is under way.
  auto start_token = [&](size_t at, bool capitalised) {
    if (in_token) return;
    in_token = true;
    current = Token();
    current.begin = static_cast<uint32_t>(at);
    current.sentence_start = next_starts_sentence;
    next_starts_sentence = false;
    token_has_lower = false;
    token_ascii = true;
    current.capitalised = capitalised;
  };
  // Adds word characters with these properties to the token.
  auto add_to_token = [&](bool letter, bool lower, bool digit) {
    current.has_letter |= letter;
    token_has_lower |= lower;
    current.has_digit |= digit;
    current.all_caps = current.has_letter && !token_has_lower;
  };

  for (size_t i = 0; i < text.size();) {
    // Most of a draft is ASCII letters and digits: a run of them is taken
    // whole, with what Classify would say of each character.
    if (kAsciiWordBits[static_cast<unsigned char>(text[i])] != 0) {
      pending_sentence_end = false;
      start_token(i, (kAsciiWordBits[static_cast<unsigned char>(text[i])] & kUpperBit) != 0);
      unsigned bits = 0;
      for (unsigned b; i < text.size() && (b = kAsciiWordBits[static_cast<unsigned char>(text[i])]) != 0; ++i) bits |= b;
      add_to_token((bits & (kUpperBit | kLowerBit)) != 0, (bits & kLowerBit) != 0, (bits & kDigitBit) != 0);
      last_word_end = i;
      continue;
    }
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    const CharInfo info = cp < 0x80 ? kAsciiInfo[cp] : Classify(cp);
    if (info.kind == CharKind::kWord || (info.kind == CharKind::kIgnorable && in_token)) {
      if (pending_sentence_end) pending_sentence_end = false;  // "e.g" or "3.5": no break
      start_token(i, info.upper);
      token_ascii = false;
      if (info.kind == CharKind::kWord) add_to_token(info.letter, info.lower, info.digit);
      last_word_end = i + static_cast<size_t>(n);
    } else {
      finish();
      if (info.kind == CharKind::kSentenceEnd) {
        pending_sentence_end = true;
      } else if (info.kind == CharKind::kLineBreak) {
        pending_sentence_end = false;
        new_sentence(i + static_cast<size_t>(n));
      } else if (info.kind == CharKind::kSpace) {
        if (pending_sentence_end) new_sentence(i + static_cast<size_t>(n));
        pending_sentence_end = false;
      } else if (info.kind != CharKind::kIgnorable) {
        // Closing quotes and brackets after a terminator keep it pending.
        if (!(cp == '"' || cp == '\'' || cp == ')' || cp == 0x201D || cp == 0x2019)) pending_sentence_end = false;
      }
    }
    i += static_cast<size_t>(n);
  }
  finish();
}

std::vector<std::string> FoldedWords(std::string_view phrase) {
  TokenizedText tokens;
  Tokenize(phrase, &tokens);
  std::vector<std::string> words;
  for (const Token& t : tokens.tokens) words.emplace_back(tokens.Folded(t));
  return words;
}

std::vector<std::string> PhraseWords(std::string_view phrase) {
  TokenizedText tokens;
  Tokenize(phrase, &tokens);
  std::vector<std::string> words;
  for (const Token& t : tokens.tokens) words.emplace_back(tokens.Original(t));
  return words;
}

}  // namespace postcheck
