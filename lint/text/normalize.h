// Folds words to the form that word lists are matched in, so that case,
// compatibility forms, invisible characters, look-alike letters, leetspeak
// and letters repeated for emphasis do not hide a listed word.
#ifndef POSTCHECK_NORMALIZE_H_
#define POSTCHECK_NORMALIZE_H_

#include <string>
#include <string_view>

#include "text/utf8.h"

namespace postcheck {

// Appends the folded form of `word` (valid UTF-8) to *out: NFKC, case folded,
// combining marks stripped, default-ignorable characters (zero-width spaces
// and joiners, word joiner, BOM, soft hyphen) dropped, and letters of other
// scripts that look like Latin ones (Cyrillic, Greek, Armenian, Cherokee,
// small capitals) and letter-like symbols (LetterLikeSymbol) replaced by
// those Latin letters.
// ASCII input is simply lower-cased.
void FoldWord(std::string_view word, std::string* out);

// The letter an enclosed, squared or regional-indicator symbol stands for
// ("ⓕ", "🅵", "🇫": 'f'), or 0. Lower case. These are symbols, not letters,
// to Unicode, so the tokenizer asks this to keep "🅵🆄🅲🅺" one word.
char LetterLikeSymbol(char32_t cp);

// FoldWord for a word the caller knows is all ASCII: lower-cases it.
inline void FoldAsciiWord(std::string_view word, std::string* out) {
  const size_t at = out->size();
  out->resize(at + word.size());
  char* folded = out->data() + at;
  for (char c : word) *folded++ = AsciiLower(c);
}

// Sets *out to `folded` with every run of three or more identical characters
// collapsed to `keep` copies (1 or 2). Returns false, leaving *out unspecified,
// when `folded` has no such run.
bool SqueezeRepeats(std::string_view folded, int keep, std::string* out);

// Leetspeak: the letter a character stands for (0→o 1→i 3→e 4→a 5→s 7→t
// @→a $→s !→i), or 0 when it stands for none. `1` can also be `l`; callers
// try LeetAlternative for that.
char LeetLetter(char c);
inline char LeetAlternative(char c) { return c == '1' ? 'l' : 0; }

// True for the characters that mask letters inside a word: `*`, `.` and `#`.
inline bool IsMaskChar(char c) { return c == '*' || c == '.' || c == '#'; }

}  // namespace postcheck

#endif  // POSTCHECK_NORMALIZE_H_
