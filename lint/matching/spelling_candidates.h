// Cheap spelling corrections: the words one or two small edits away from a
// misspelling, ranked by how people usually mistype, each checked against the
// dictionary by the caller. SpellChecker tries these before Hunspell's own
// suggestions, whose n-gram pass reads the whole dictionary (~27 ms a word);
// these cost about a millisecond.
#ifndef POSTCHECK_SPELLING_CANDIDATES_H_
#define POSTCHECK_SPELLING_CANDIDATES_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace postcheck {

// What a Hunspell dictionary says about likely edits.
struct EditHints {
  // Lower-case letters to insert and substitute, commonest first (the .aff
  // file's TRY line, upper-case and non-letters left out).
  std::u32string letters;
  // Whether TRY has an apostrophe: then a missing one is a cheap edit.
  bool apostrophe = false;
  // Common misspellings from the .aff file's REP lines, e.g. {"f", "ph"}.
  // "^" and "$" anchor `from` to the start or end of the word; "_" in `to` is
  // a space, as in Hunspell.
  std::vector<std::pair<std::string, std::string>> replacements;
};

// Reads TRY and REP from the Hunspell affix file at `aff_path`. A file that
// cannot be read, is not UTF-8 (SET) or has no TRY line gives a to z, an
// apostrophe and no replacements.
EditHints ReadEditHints(const std::string& aff_path);

// Longer words get no corrections: no dictionary word is that long, and the
// work grows with the square of the length.
inline constexpr size_t kMaxEditedLength = 40;

// Says whether a candidate (UTF-8, already in the case it would be written)
// is a word. Called once per distinct candidate; the view lasts the call.
using IsWord = std::function<bool(std::string_view)>;

// Up to `limit` corrections of `word` (UTF-8, as written) that `is_word`
// accepts, best first. Edits and their costs (lower is better):
//
//   2  a one-letter vowel word run into the next (alot -> a lot) when no
//      split into longer words exists, a doubled letter undoubled (untill), a
//      letter doubled (occured), two neighbours swapped (recieved), a missing
//      apostrophe (dont)
//   3  a REP replacement, one vowel for another (seperate)
//   4  a letter left out (goverment), one wrong (polive -> police), one too
//      many (arguement), two words run together (infact -> in fact; a
//      one-letter first word last)
//   5  the case alone (monday -> Monday)
//
// An edit at the first letter costs 2 more: people seldom get it wrong.
// Equal costs keep the order of the list above, then the position in the
// word, then the order of hints.letters. Only when no single edit gives a
// word are pairs of the cheap edits tried (undouble, double, swap, vowel for
// vowel, a vowel left out: burgulery -> burglary), with their costs added.
// The word is edited in lower case and the case it was written in
// (Capitalised, UPPER) is put back. Empty when nothing is found, and for
// words longer than kMaxEditedLength code points. At most `max_checks`
// distinct candidates are passed to `is_word`; past that the search stops
// and the best found so far are returned (a bound on the time a word takes).
std::vector<std::string> RankedCorrections(std::string_view word, const EditHints& hints,
                                           const IsWord& is_word, size_t limit,
                                           size_t max_checks = static_cast<size_t>(-1));

}  // namespace postcheck

#endif  // POSTCHECK_SPELLING_CANDIDATES_H_
