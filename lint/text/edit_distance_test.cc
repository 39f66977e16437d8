// Unit tests for one-edit distance and deletions (edit_distance.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/edit_distance.h"

namespace postcheck {
namespace {

TEST_CASE("the one edit between two words") {
  CHECK(OneEditBetween("fuck", "fuck") == Edit::kNone);
  CHECK(OneEditBetween("fuck", "fcuk") == Edit::kTransposition);
  CHECK(OneEditBetween("fuck", "fack") == Edit::kSubstitution);
  CHECK(OneEditBetween("fuck", "fuk") == Edit::kDeletion);
  CHECK(OneEditBetween("fuck", "fucck") == Edit::kInsertion);
  CHECK(OneEditBetween("bitch", "bich") == Edit::kDeletion);
  CHECK(OneEditBetween("bitch", "bitches") == Edit::kNone);  // two apart
  CHECK(OneEditBetween("abcd", "badc") == Edit::kNone);     // two swaps
  CHECK(OneEditBetween("", "a") == Edit::kInsertion);
  CHECK(OneEditBetween("ab", "ba") == Edit::kTransposition);
}

TEST_CASE("every deletion of a word") {
  std::vector<std::string> seen;
  ForEachDeletion("abca", [&](std::string_view d) { seen.emplace_back(d); });
  CHECK(seen == std::vector<std::string>{"bca", "aca", "aba", "abc"});
  seen.clear();
  ForEachDeletion("", [&](std::string_view d) { seen.emplace_back(d); });
  CHECK(seen.empty());
}

}  // namespace
}  // namespace postcheck
