// Unit tests for word lists inside rule patterns (pattern_lists.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
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

TEST_CASE("a list becomes an alternation: quoted, no duplicates, each entry before those that begin it") {
  CHECK(ListAlternation({"asian", "asian men", "poles", "asian", ""}) == "(?:poles|asian\\ men|asian)");
  CHECK(ListAlternation({"a.b", "c+", "(d)"}) == "(?:c\\+|a\\.b|\\(d\\))");
  // In any letter case: under (?i) "Asian" begins "asian men".
  CHECK(ListAlternation({"Asian", "asian men"}) == "(?:asian\\ men|Asian)");
  CHECK(ListAlternation({}) == "");
  CHECK(ListAlternation({""}) == "");
}

TEST_CASE("entries that share a beginning are side by side, so RE2 compiles the list as a tree") {
  // A word family: 8 stems, 6 endings each.
  std::vector<std::string> words;
  for (const char* stem : {"work", "walk", "wait", "want", "warn", "wash", "watch", "wave"}) {
    for (const char* ending : {"", "s", "ed", "ing", "er", "ers"}) words.push_back(std::string(stem) + ending);
  }
  // The same entries longest first, with no shared beginnings side by side.
  std::vector<std::string> by_length = words;
  std::stable_sort(by_length.begin(), by_length.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string flat_list = "(?:";
  for (const std::string& w : by_length) flat_list += (flat_list.size() > 3 ? "|" : "") + w;
  flat_list += ")";
  RE2 tree("(?i)\\b" + ListAlternation(words) + "\\b");
  RE2 flat("(?i)\\b" + flat_list + "\\b");
  REQUIRE(tree.ok());
  REQUIRE(flat.ok());
  CHECK(tree.ProgramSize() * 4 < flat.ProgramSize() * 3);  // 146 and 228 instructions
  // The same matches, with the same spans.
  for (const char* text : {"she WALKED in", "two watchers", "waving", "a wave", "waits, wanted", "wash-ers"}) {
    re2::StringPiece a, b;
    const bool in_tree = tree.Match(text, 0, strlen(text), RE2::UNANCHORED, &a, 1);
    CHECK(in_tree == flat.Match(text, 0, strlen(text), RE2::UNANCHORED, &b, 1));
    CHECK(std::string(a) == std::string(b));
  }
}

TEST_CASE("{list:NAME} is replaced, the rest of the pattern kept") {
  CHECK(Expand("(?i)\\b(?:those|typical) {list:peoples}\\b") == "(?i)\\b(?:those|typical) (?:poles|asian\\ men|asian)\\b");
  CHECK(Expand("{list:peoples} and {list:marks}") == "(?:poles|asian\\ men|asian) and (?:c\\+|a\\.b|\\(d\\))");
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
