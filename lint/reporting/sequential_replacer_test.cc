// Unit tests for SequentialReplacer: its result equals the plain loop over
// the pairs (find each, replace every occurrence, in order) on hand-made
// cases where order matters and on random strings and pairs.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "reporting/sequential_replacer.h"

namespace postcheck {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

std::string Loop(std::string s, const Pairs& pairs) {
  for (const auto& [from, to] : pairs) {
    if (from.empty() || from == to) continue;
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  }
  return s;
}

std::string Replaced(std::string s, const Pairs& pairs) {
  SequentialReplacer(pairs).Apply(&s);
  return s;
}

TEST_CASE("SequentialReplacer: pairs apply in order, each to the result of the ones before") {
  CHECK(Replaced("call 07911 123456 now", {{"07911 123456", "07*** ****56"}, {"123456", "12**56"}}) ==
        "call 07*** ****56 now");
  CHECK(Replaced("ab", {{"a", "b"}, {"bb", "c"}}) == "c");        // the second sees the first's result
  CHECK(Replaced("ab", {{"bb", "c"}, {"a", "b"}}) == "bb");
  CHECK(Replaced("aaa", {{"a", "aa"}}) == "aaaaaa");             // resumes after the replacement
  CHECK(Replaced("x", {{"", "y"}, {"x", "x"}}) == "x");           // empty or same: nothing
  CHECK(Replaced("", {{"a", "b"}}).empty());
  CHECK(Replaced("a", {}) == "a");
}

TEST_CASE("SequentialReplacer equals the loop on random strings and pairs") {
  std::mt19937 random(5);
  auto word = [&](size_t max) {
    std::string w;
    for (size_t n = random() % (max + 1); n > 0; --n) w += "ab*c"[random() % 4];
    return w;
  };
  for (int round = 0; round < 3000; ++round) {
    Pairs pairs(random() % 12);
    for (auto& [from, to] : pairs) {
      from = word(5);
      to = random() % 3 == 0 ? word(3) : std::string(from.size(), '*');
    }
    std::string s = word(40);
    CAPTURE(s);
    CHECK(Replaced(s, pairs) == Loop(s, pairs));
  }
}

}  // namespace
}  // namespace postcheck
