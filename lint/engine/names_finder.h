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
// ("Sir Matt Busby Way") and not reported.
#ifndef POSTCHECK_NAMES_FINDER_H_
#define POSTCHECK_NAMES_FINDER_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "matching/lexicon.h"
#include "rules/rule.h"
#include "text/string_id_table.h"
#include "text/tokenizer.h"

namespace postcheck {

class NamesFinder {
 public:
  explicit NamesFinder(const NamesMatcher& config);

  // Appends the byte span of every name found in `text`. `dictionary` may be
  // null (no spelling pack): lower-case names then need an age after them.
  void Find(const TokenizedText& text, const Lexicon* dictionary,
            std::vector<std::pair<uint32_t, uint32_t>>* spans) const;

 private:
  // Whether token `t` can be part of a name written in lower case: a word of
  // at least two letters, no digit, neither a function word ("and", "the")
  // nor a word of not_surnames.
  bool IsLowerCaseWord(const TokenizedText& text, const Token& t) const;
  // The end of a lower-case "first-name surname" pair starting at token `i`,
  // or 0 when there is none (see the comment at the top).
  size_t LowerCaseNameEnd(const TokenizedText& text, size_t i, const Lexicon* dictionary) const;
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
  StringIdTable first_names_;
  StringIdTable not_surnames_;
};

}  // namespace postcheck

#endif  // POSTCHECK_NAMES_FINDER_H_
