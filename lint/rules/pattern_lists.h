// Word lists inside rule patterns: a pattern may name a list the pack
// declares (`word_lists: {peoples: ../dictionaries/x.txt}`) as
// `{list:peoples}`, and the loader puts an alternation of the list's entries
// in its place, so that a construction is written once over a maintained
// list instead of over a copy of it typed into the regex.
//
// Promises: the alternation is `(?:e1|e2|...)`, each entry quoted
// (RE2::QuoteMeta: it matches itself, letter case as the pattern's flags
// say), duplicates dropped, and every entry before the entries that begin
// it, in any letter case (an alternation tries its branches in order, so
// "asian men" is matched before "asian", and "Asian men" before "asian").
// Entries are in reverse order of their folded form (normalize.h), so that
// entries sharing a beginning are side by side: RE2 then factors that
// beginning out ("asian(?:\ men|)"), and a long list compiles to a tree:
// a third fewer instructions for the bundled lists, and smaller DFA
// states. Nothing else in the pattern changes. `{list:` can appear in no
// pattern as written text: RE2 would read it as the literal characters,
// which no rule means.
#ifndef POSTCHECK_PATTERN_LISTS_H_
#define POSTCHECK_PATTERN_LISTS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

// Whether `name` can name a list: letters, digits, '-' and '_', at least one.
bool IsListName(std::string_view name);

// The alternation that stands for `words` (see above); "" when `words`
// has no non-empty entry.
std::string ListAlternation(const std::vector<std::string>& words);

// The words of the list called `name`, or nullptr when there is none.
using ListLookup = std::function<const std::vector<std::string>*(std::string_view name)>;

// Sets *out to `pattern` with each `{list:NAME}` (NAME: letters, digits,
// '-' and '_') replaced by the alternation of lookup(NAME). Returns false,
// with *error set, when a name is unknown, its list is empty, or a `{list:`
// is not closed. A pattern with no `{list:` is copied as it is.
bool ExpandPatternLists(std::string_view pattern, const ListLookup& lookup, std::string* out, std::string* error);

}  // namespace postcheck

#endif  // POSTCHECK_PATTERN_LISTS_H_
