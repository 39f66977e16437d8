// Unit tests for the spell checker (spell_checker.h) with Debian's en_GB
// Hunspell dictionary (hunspell-en-gb): answers, suggestions, the bounded
// caches, prefetching and sharing between threads.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "spell_checker.h"

namespace postcheck {
namespace {

using Words = std::vector<std::string>;

std::unique_ptr<SpellChecker> OpenEnGb(const Words& accept = {}) {
  std::string error;
  auto checker = SpellChecker::Open("en_GB", SpellChecker::DefaultSearchDirs(), accept, &error);
  INFO(error);
  REQUIRE(checker != nullptr);
  return checker;
}

TEST_CASE("Correct: dictionary words, accepted words and misspellings") {
  auto checker = OpenEnGb({"postcheck"});
  CHECK(checker->Correct("burglary"));
  CHECK(checker->Correct("Burglary"));
  CHECK(checker->Correct("postcheck"));
  CHECK_FALSE(checker->Correct("burgalry"));
  CHECK_FALSE(checker->Correct("burgalry"));  // cached: the same answer
}

TEST_CASE("Suggest: typical misspellings in police posts") {
  auto checker = OpenEnGb();
  // Each word's suggestions, best first; the first is what --fix writes.
  const std::vector<std::pair<std::string, Words>> expected = {
      {"recieved", {"received", "relieved"}},
      {"burgalry", {"burglary"}},
      {"burgulery", {"burglary"}},
      {"realy", {"really", "relay", "realty"}},
      {"carefull", {"careful", "carefully", "care full"}},
      {"alot", {"a lot", "allot", "alto"}},
      {"seperate", {"separate"}},
      {"definately", {"definitely"}},
      {"neighbors", {"neighbours", "Neighbors", "NEIGHBORS"}},
      {"tommorow", {"tomorrow"}},
      {"arguement", {"argument"}},
      {"occured", {"occurred"}},
      {"untill", {"until"}},
      {"wich", {"which", "winch", "witch"}},
      {"goverment", {"government"}},
      {"suprise", {"surprise", "sunrise", "sup rise"}},
      {"beleive", {"believe"}},
      {"Recieved", {"Received", "Relieved"}},
      {"monday", {"Monday", "MONDAY"}},
  };
  for (const auto& entry : expected) {
    INFO(entry.first);  // INFO captures by reference: no structured binding for clang 14
    CHECK(checker->Suggest(entry.first, 3) == entry.second);
  }
  CHECK(checker->Suggest("recieved", 1) == Words{"received"});  // from the cache, cut to the limit
  CHECK(checker->Suggest("recieved", 0).empty());
}

TEST_CASE("Suggest falls back to Hunspell when no small edit gives a word") {
  auto checker = OpenEnGb();
  // Too long for the edits: Hunspell's answer, whatever it is, and quickly.
  std::string long_word(200, 'a');
  CHECK(checker->Suggest(long_word, 3).size() <= 3);
  // No word within two cheap edits; Hunspell's n-grams find one.
  CHECK(checker->Suggest("fizics", 3) == Words{"fiscs"});
}

TEST_CASE("the caches stay bounded (BoundedCache): answers stay right past the bound") {
  auto checker = OpenEnGb();
  for (size_t i = 0; i < SpellChecker::kMaxCachedWords + 10; ++i) {
    checker->Correct(std::string("w").append(std::to_string(i)));
  }
  CHECK(checker->Correct("burglary"));
  CHECK_FALSE(checker->Correct("w1"));
}

TEST_CASE("each thread's latest answers belong to the checker that gave them") {
  // Checkers that disagree about a word, asked in turn on one thread; then a
  // checker made after one is freed (perhaps at the same address).
  auto accepts = OpenEnGb({"zorblet"});
  auto rejects = OpenEnGb();
  for (int round = 0; round < 3; ++round) {
    CHECK(accepts->Correct("zorblet"));
    CHECK_FALSE(rejects->Correct("zorblet"));
  }
  accepts.reset();
  auto later = OpenEnGb();
  CHECK_FALSE(later->Correct("zorblet"));
}

TEST_CASE("Prefetch: Open takes the dictionary read ahead, once") {
  const Words dirs = SpellChecker::DefaultSearchDirs();
  SpellChecker::Prefetch("en_GB", dirs);
  SpellChecker::Prefetch("en_GB", dirs);  // already waiting: nothing more
  std::string error;
  auto first = SpellChecker::Open("en_GB", dirs, {"postcheck"}, &error);
  REQUIRE(first != nullptr);
  CHECK(first->Correct("postcheck"));  // accepted words are added to a prefetched one too
  auto second = SpellChecker::Open("en_GB", dirs, {}, &error);  // reads its own
  REQUIRE(second != nullptr);
  CHECK_FALSE(second->Correct("postcheck"));

  // A prefetch of a dictionary that is not there: Open reports it as usual.
  SpellChecker::Prefetch("xx_XX", dirs);
  CHECK(SpellChecker::Open("xx_XX", dirs, {}, &error) == nullptr);
  CHECK(error.find("Hunspell dictionary 'xx_XX' not found in /usr/share/hunspell") == 0);

  // Never taken: waited for and freed at exit (LeakSanitizer checks this).
  SpellChecker::Prefetch("en_GB", {"/usr/share/hunspell"});
}

TEST_CASE("one checker shared by threads") {
  auto checker = OpenEnGb();
  const Words words = {"recieved", "burgalry", "realy", "untill", "occured", "seperate"};
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (const std::string& w : words) {
          if (checker->Correct(w)) ++wrong[static_cast<size_t>(t)];
          if (checker->Suggest(w, 1).empty()) ++wrong[static_cast<size_t>(t)];
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(wrong == std::vector<int>(4, 0));
}

}  // namespace
}  // namespace postcheck
