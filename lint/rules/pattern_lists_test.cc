// Unit tests for word lists inside rule patterns (pattern_lists.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <map>
#include <string>
#include <vector>

#include "rules/pattern_lists.h"

namespace postcheck {
namespace {

const std::map<std::string, std::vector<std::string>, std::less<>> kLists = {
    {"peoples", {"asian", "asian men", "poles", "asian", ""}},
    {"marks", {"a.b", "c+", "(d)"}},
    {"empty", {""}},
};

const std::vector<std::string>* Lookup(std::string_view name) {
  auto it = kLists.find(name);
  return it == kLists.end() ? nullptr : &it->second;
}

std::string Expand(std::string_view pattern) {
  std::string out, error;
  REQUIRE_MESSAGE(ExpandPatternLists(pattern, Lookup, &out, &error), error);
  return out;
}

std::string ErrorOf(std::string_view pattern) {
  std::string out, error;
  CHECK_FALSE(ExpandPatternLists(pattern, Lookup, &out, &error));
  return error;
}

TEST_CASE("list names") {
  CHECK(IsListName("peoples"));
  CHECK(IsListName("a-b_2"));
  CHECK_FALSE(IsListName(""));
  CHECK_FALSE(IsListName("a b"));
  CHECK_FALSE(IsListName("a.b"));
}

TEST_CASE("a list becomes an alternation: quoted, no duplicates, longer entries first") {
  CHECK(ListAlternation({"asian", "asian men", "poles", "asian", ""}) == "(?:asian\\ men|asian|poles)");
  CHECK(ListAlternation({"a.b", "c+", "(d)"}) == "(?:\\(d\\)|a\\.b|c\\+)");
  CHECK(ListAlternation({}) == "");
  CHECK(ListAlternation({""}) == "");
}

TEST_CASE("{list:NAME} is replaced, the rest of the pattern kept") {
  CHECK(Expand("(?i)\\b(?:those|typical) {list:peoples}\\b") == "(?i)\\b(?:those|typical) (?:asian\\ men|asian|poles)\\b");
  CHECK(Expand("{list:peoples} and {list:marks}") == "(?:asian\\ men|asian|poles) and (?:\\(d\\)|a\\.b|c\\+)");
  CHECK(Expand("x{2,3} {n} \\{list") == "x{2,3} {n} \\{list");  // no list named: as written
}

TEST_CASE("the expanded pattern matches the entries and nothing more") {
  RE2 re(Expand("(?i)\\btypical {list:peoples}\\b"));
  REQUIRE(re.ok());
  CHECK(RE2::PartialMatch("Typical Asian men, eh", re));
  CHECK(RE2::PartialMatch("typical poles", re));
  CHECK_FALSE(RE2::PartialMatch("typical polesters", re));
  CHECK_FALSE(RE2::PartialMatch("typical behaviour", re));
  std::string m;
  RE2 longest(Expand("(?i)\\b({list:peoples})"));
  REQUIRE(RE2::PartialMatch("asian men", longest, &m));
  CHECK(m == "asian men");
  RE2 literal(Expand("{list:marks}"));
  CHECK(RE2::PartialMatch("see a.b", literal));
  CHECK_FALSE(RE2::PartialMatch("see axb", literal));
}

TEST_CASE("unknown, empty and unclosed lists are errors that say which") {
  CHECK(ErrorOf("{list:nope}") == "'{list:nope}': the pack declares no word list 'nope' (word_lists)");
  CHECK(ErrorOf("a {list:empty}") == "'{list:empty}': the word list is empty");
  CHECK(ErrorOf("a {list:peoples") == "'{list:' at byte 2 is not '{list:NAME}'");
  CHECK(ErrorOf("{list:}") == "'{list:' at byte 0 is not '{list:NAME}'");
  CHECK(ErrorOf("{list:a b}") == "'{list:' at byte 0 is not '{list:NAME}'");
}

}  // namespace
}  // namespace postcheck
