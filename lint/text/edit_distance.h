// One edit apart: the test behind matching a misspelt strong term ("fcuk",
// "biatch" is not one, "bich" is) and the deletions that index such terms
// (symmetric delete: a word and a term one edit apart share a deletion, or
// one is a deletion of the other).
#ifndef POSTCHECK_EDIT_DISTANCE_H_
#define POSTCHECK_EDIT_DISTANCE_H_

#include <string>
#include <string_view>

namespace postcheck {

// What separates two different strings that are one edit apart.
enum class Edit { kNone, kInsertion, kDeletion, kSubstitution, kTransposition };

// The single edit that turns `from` into `to` (an inserted, deleted or
// substituted byte, or two neighbours swapped), or kNone when they are equal
// or further apart.
Edit OneEditBetween(std::string_view from, std::string_view to);

// Calls fn(deleted) for each string made by deleting one byte of `word`
// (duplicates included).
template <typename Fn>
void ForEachDeletion(std::string_view word, Fn fn) {
  std::string deleted;
  for (size_t i = 0; i < word.size(); ++i) {
    deleted.assign(word.substr(0, i));
    deleted.append(word.substr(i + 1));
    fn(std::string_view(deleted));
  }
}

}  // namespace postcheck

#endif  // POSTCHECK_EDIT_DISTANCE_H_
