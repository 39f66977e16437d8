// Translates an RE2 pattern into a PCRE pattern for Vectorscan (Hyperscan)
// in byte mode that matches wherever it does, or more: the prefilter of
// pattern_set.h.
//
// Promise: when Re2ToPcre succeeds, for every valid UTF-8 text that holds
// neither U+212A KELVIN SIGN nor U+017F LONG S, if RE2 finds the input in the
// text then Vectorscan (without HS_FLAG_UTF8 or HS_FLAG_UCP) finds the output
// in it. The output may match more, never less. What cannot keep that
// promise is refused, and the caller keeps the pattern in RE2.
//
// Why byte mode: Vectorscan's UTF-8 mode with (?i) adds KELVIN SIGN to every
// k and LONG S to every s, and Unicode properties; compiling the bundled
// packs then takes tens of seconds instead of about one. The two characters
// are the only ones RE2's case folding maps to ASCII letters; the prefilter
// leaves texts with them to RE2.
//
// What is changed:
//   (?P<name>...)  (?<name>...)  (?:...): the prefilter has no captures.
//   (?U)           RE2's ungreedy flag is dropped; (?i), (?s), (?m) kept
//                  (Vectorscan folds ASCII case; RE2's \w \d \s \b are ASCII).
//   . [^...] \W \S \D \pL [’'] \x{2019}   an atom that can match a non-ASCII
//                  character matches one of its bytes ([^...] leaves its
//                  non-ASCII members out; \pL -> [A-Za-z\x80-\xFF]), and its
//                  repeat counts bytes: none -> +, ? -> *, {m,n} -> {m,}.
//   é (literal)    its bytes; under (?i), any non-ASCII bytes or a letter,
//                  unless it has no case partner (punctuation, emoji: "’",
//                  "🍆"), which stays its bytes.
//   {m,n}          {m,}: long bounded gaps ("[^.!?]{0,60}") are costly and
//                  tell the prefilter little.
//   (...)? (...)*  A long group matched from zero times becomes (?s:.*).
//   \C \Q...\E     refused.
#ifndef POSTCHECK_RE2_TO_PCRE_H_
#define POSTCHECK_RE2_TO_PCRE_H_

#include <string>
#include <string_view>

namespace postcheck {

// Sets *pcre to the translation of valid RE2 `re2` and returns true, or
// returns false with *why set when the pattern must stay in RE2.
bool Re2ToPcre(std::string_view re2, std::string* pcre, std::string* why);

}  // namespace postcheck

#endif  // POSTCHECK_RE2_TO_PCRE_H_
