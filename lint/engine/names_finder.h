// Finds people's names in a tokenised draft: a title and a capitalised
// surname ("Mr Jones", "Mrs A. Patel"), or a known first name and a
// capitalised surname ("Darren Whitley", "Amy Smith-Jones", "Sean O'Brien",
// "Darren McDonald"). Any capitalised pair, in capitals or not, is a name
// when an age follows it ("TYLER JONES, 15,", "Oluwaseun Adeyemi, 23,") or
// words introduce it ("named as", "called", "known as"); a lower-case title
// and surname ("mr jones") is one too, and so is a known first name in lower
// case with a surname after it when an age follows ("tyler jones, 15,") or,
// given a dictionary, when words introduce it and the dictionary does not
// know the surname as a word ("named as tyler jones", not "called amy
// yesterday"). A name followed by a
// word of not_surnames (Road, Way, Hospital) is a place named after someone
// ("Sir Matt Busby Way") and not reported; a word the list writes in lower
// case ("area") does this in lower case too ("the Lon Cilgwyn area").
//
// A first name and a surname that are a listed place are no name: a town
// ("Milton Keynes", `towns`) always; a village or suburb (`places`: "Harold
// Wood", which is someone's name too) after a place word ("in Harold Wood")
// or when the place begins before the first name ("Fort William Alerts").
// An age after the pair still makes it a name ("Harold Wood, 45,").
//
// A known first name written on its own, capitalised, with an age after it
// ("Chloe, 19,") is a name. Asked for them, it also finds such a first name
// with no age: "Jenny who rings from the Spar", "Laura, your husband rang".
// Officers name the public they know this way; the rules that take such
// names (`alone: true`) ask for a second sign (a health condition, a street,
// a prison term) close by.
#ifndef POSTCHECK_NAMES_FINDER_H_
#define POSTCHECK_NAMES_FINDER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "matching/lexicon.h"
#include "rules/rule.h"
#include "text/string_id_table.h"
#include "text/tokenizer.h"

namespace postcheck {

// A set of first names, folded: the largest list a names finder holds, made
// once for every finder that names the same list (MakeFirstNames).
using FirstNames = std::shared_ptr<const StringIdTable>;
FirstNames MakeFirstNames(const NamesMatcher::Words& first_names);

class NamesFinder {
 public:
  // `first_names` must be MakeFirstNames(*config.first_names).
  NamesFinder(const NamesMatcher& config, FirstNames first_names);
  explicit NamesFinder(const NamesMatcher& config) : NamesFinder(config, MakeFirstNames(*config.first_names)) {}

  // Appends the byte span of every name found in `text`. `dictionary` may be
  // null (no spelling pack): lower-case names then need an age after them.
  // If `alone` is not null, appends there each known first name on its own
  // (see IsFirstNameAlone), which is in no span of *spans.
  void Find(const TokenizedText& text, const Lexicon* dictionary,
            std::vector<std::pair<uint32_t, uint32_t>>* spans,
            std::vector<std::pair<uint32_t, uint32_t>>* alone = nullptr) const;

 private:
  // Whether token `t` can be part of a name written in lower case: a word of
  // at least two letters, no digit, neither a function word ("and", "the")
  // nor a word of not_surnames.
  bool IsLowerCaseWord(const TokenizedText& text, const Token& t) const;
  // The end of a lower-case "first-name surname" pair starting at token `i`,
  // or 0 when there is none (see the comment at the top).
  size_t LowerCaseNameEnd(const TokenizedText& text, size_t i, const Lexicon* dictionary) const;
  // Whether capitalised token `i` is a known first name on its own (and not
  // one of not_alone, a place, faith or brand as often as a person): not in
  // capitals, no capitalised word right before or after it ("Big Sue",
  // "Victoria Road"), not after "the", "a" or a place word ("the Rose", "in
  // Chester", "from Preston"), not in a #tag or @handle, and at the start of
  // a sentence only when the dictionary does not know it in lower case
  // ("Jack", "Holly"; with no dictionary, never there).
  bool IsFirstNameAlone(const TokenizedText& text, size_t i, const Lexicon* dictionary) const;
  // Whether a listed place covers first-name token `i` and a word next to
  // it, as the comment at the top says.
  bool InPlace(const TokenizedText& text, size_t i) const;
  // Whether token `i` can be (part of) a surname.
  bool IsSurname(const TokenizedText& text, size_t i) const;
  // The last token of the surname starting at `i` (hyphenated and O'/D'
  // surnames span several tokens).
  size_t SurnameEnd(const TokenizedText& text, size_t i) const;

  // Folded words, each list a set: looked up by view, with no string built
  // per capitalised token.
  static bool Has(const StringIdTable& set, std::string_view folded) {
    return set.Find(folded) != StringIdTable::kNone;
  }
  StringIdTable titles_;
  FirstNames first_names_;
  StringIdTable not_surnames_;
  // The words of not_surnames written there in lower case ("area"): after a
  // name they make it a place in lower case too.
  StringIdTable places_in_lower_case_;
  StringIdTable not_alone_;
  // Place names, their folded words joined by single spaces.
  StringIdTable towns_;
  StringIdTable places_;
};

}  // namespace postcheck

#endif  // POSTCHECK_NAMES_FINDER_H_
