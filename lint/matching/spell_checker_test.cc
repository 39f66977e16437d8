// Unit tests for the spell checker (spell_checker.h) with Debian's en_GB
// Hunspell dictionary (hunspell-en-gb): answers, suggestions, the bounded
// caches, prefetching, one dictionary shared by checkers and threads, and
// the fallback to plain Hunspell when the word-form set does not match.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <hunspell/hunspell.hxx>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "matching/spell_checker.h"
#include "matching/word_forms.h"

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

TEST_CASE("Suggest: the misspellings people make most") {
  auto checker = OpenEnGb();
  CHECK(checker->Suggest("recieved", 1) == Words{"received"});
  CHECK(checker->Suggest("goverment", 1) == Words{"government"});
  CHECK(checker->Suggest("seperate", 1) == Words{"separate"});
  CHECK(checker->Suggest("untill", 1) == Words{"until"});
  CHECK(checker->Suggest("alot", 1) == Words{"a lot"});
  CHECK(checker->Suggest("dont", 1) == Words{"don't"});
  CHECK(checker->Suggest("Dont", 1) == Words{"Don't"});
}

TEST_CASE("Suggest never calls Hunspell's suggest: no correction beyond two small edits") {
  auto checker = OpenEnGb();
  REQUIRE(checker->dictionary()->has_forms());
  // Hunspell's n-grams would offer "fiscs"; no word is two cheap edits away.
  CHECK(checker->Suggest("fizics", 3).empty());
  // Too long for the edits.
  CHECK(checker->Suggest(std::string(200, 'a'), 3).empty());
}

TEST_CASE("Suggest's cap: a long word looks up no more than kMaxCandidateChecks candidates") {
  auto checker = OpenEnGb();
  // 40 letters (kMaxEditedLength) and nothing near a word: every edit and
  // every pair of cheap edits would be tens of thousands of candidates.
  const std::string word = "qwrtpsdfghjklzxcvbnmqwrtpsdfghjklzxcvbnm";
  const auto start = std::chrono::steady_clock::now();
  CHECK(checker->Suggest(word, 3).empty());
  const auto took = std::chrono::steady_clock::now() - start;
  MESSAGE("a 40-letter word: " << std::chrono::duration<double, std::micro>(took).count() << " us");
  // The bound itself: RankedCorrections stops at the budget.
  size_t checked = 0;
  RankedCorrections(word, checker->dictionary()->hints(),
                    [&](std::string_view) { ++checked; return false; }, 3, SpellChecker::kMaxCandidateChecks);
  CHECK(checked == SpellChecker::kMaxCandidateChecks);
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

TEST_CASE("Prefetch: Open waits for the dictionary read ahead") {
  const Words dirs = SpellChecker::DefaultSearchDirs();
  SpellChecker::Prefetch("en_GB", dirs);
  SpellChecker::Prefetch("en_GB", dirs);  // already loading or loaded: nothing more
  std::string error;
  auto first = SpellChecker::Open("en_GB", dirs, {"postcheck"}, &error);
  REQUIRE(first != nullptr);
  CHECK(first->Correct("postcheck"));

  // A prefetch of a dictionary that is not there: Open reports it as usual.
  SpellChecker::Prefetch("xx_XX", dirs);
  CHECK(SpellChecker::Open("xx_XX", dirs, {}, &error) == nullptr);
  CHECK(error.find("Hunspell dictionary 'xx_XX' not found in /usr/share/hunspell") == 0);

  // Never opened: waited for and freed at exit (LeakSanitizer checks this).
  SpellChecker::Prefetch("en_GB", {"/usr/share/hunspell"});
}

TEST_CASE("checkers of one dictionary share it; accepted words stay each checker's own") {
  auto first = OpenEnGb({"postcheck", "PCSO", "Merseyside"});
  auto second = OpenEnGb({"zorblet"});
  CHECK(first->dictionary() == second->dictionary());
  CHECK(first->Correct("postcheck"));
  CHECK(first->Correct("Postcheck"));  // as Hunspell: an added word Capitalised
  CHECK(first->Correct("POSTCHECK"));
  CHECK(first->Correct("PCSO"));
  CHECK_FALSE(first->Correct("pcso"));  // an upper-case word stays upper-case
  CHECK(first->Correct("Merseyside-based"));  // Hunspell breaks at hyphens
  CHECK_FALSE(first->Correct("zorblet"));
  CHECK(second->Correct("zorblet"));
  CHECK_FALSE(second->Correct("postcheck"));
  CHECK(first->IsBaseWord("postcheck"));
  CHECK_FALSE(second->IsBaseWord("postcheck"));
  // Accepted words are corrections too.
  CHECK(second->Suggest("zorbelt", 1) == Words{"zorblet"});
  CHECK(first->Suggest("zorbelt", 1).empty());
}

// Words of every kind: the answers of a checker must be Hunspell's own with
// the accepted words added, with the word-form set or without it.
const Words kVariedWords = {
    "colour", "Colour", "COLOUR", "cOLOUR", "colours", "London", "london", "LONDON", "don't", "Don't",
    "DON'T", "dont", "officer's", "o'clock", "well-known", "well-knwon", "e-mail", "1st", "22nd", "123",
    "1,000", "recieved", "Recieved", "goverment", "seperate", "untill", "alot", "café", "naïve", "iPhone",
    "Iphone", "McDonald", "tuesday", "Tuesday", "realise", "realize", "zorblet", "Zorblet", "ZORBLET",
    "PCSO", "pcso", "Pcso", "PCSOs", "Merseyside", "merseyside", "Merseyside-based", "x", "I", "i", "etc.",
    "xPhonez", "XPHONEZ", "Xphonez", "xphonez", "XPhonez"};

void CheckLikeHunspell(const SpellChecker& checker, const Words& accept) {
  Hunspell hunspell("/usr/share/hunspell/en_GB.aff", "/usr/share/hunspell/en_GB.dic");
  for (const std::string& w : accept) hunspell.add(w);
  for (const std::string& w : kVariedWords) {
    INFO(w);
    CHECK(checker.Correct(w) == static_cast<bool>(hunspell.spell(w)));
  }
}

TEST_CASE("Correct answers like Hunspell, with the word-form set") {
  const Words accept = {"zorblet", "PCSO", "Merseyside", "xPhonez"};
  auto checker = OpenEnGb(accept);
  REQUIRE(checker->dictionary()->has_forms());
  CheckLikeHunspell(*checker, accept);
}

TEST_CASE("many accepted words: each found in every case Hunspell gives it, near misses not, suggested") {
  // The accepted words sit behind a filter of two bits a string: none may be
  // hidden by it, however many there are.
  Words accept;
  for (int i = 0; i < 3000; ++i) accept.push_back("zorb" + std::to_string(i) + "lex");
  accept.push_back("Wibbleton");
  accept.push_back("QWXZ");
  auto checker = OpenEnGb(accept);
  for (const std::string& w : accept) {
    INFO(w);
    REQUIRE(checker->Correct(w));
  }
  CHECK(checker->Correct("ZORB7LEX"));     // an accepted lower-case word in capitals
  CHECK(checker->Correct("Zorb7lex"));     // and capitalised
  CHECK(checker->Correct("WIBBLETON"));
  CHECK_FALSE(checker->Correct("wibbleton"));  // added capitalised: not in lower case
  size_t wrongly = 0;
  for (int i = 0; i < 3000; ++i) {
    wrongly += checker->Correct("zorb" + std::to_string(i) + "lexx");
    wrongly += checker->Correct("zorb" + std::to_string(i + 3000) + "lex");
  }
  CHECK(wrongly == 0);
  CHECK(checker->Suggest("Wibleton", 3) == Words{"Wibbleton"});
}

TEST_CASE("a word-form set made from other files is not used: plain Hunspell, same answers") {
  // A set like en_GB's own but stamped for other files (a newer package).
  std::string_view embedded = EmbeddedWordForms("en_GB");
  REQUIRE(WordForms::View(embedded).has_value());
  static const std::string stale = [&] {
    std::string blob(embedded);
    blob[8] ^= 1;  // the .aff size in the stamp
    return blob;
  }();
  REQUIRE(WordForms::View(stale).has_value());
  const Words accept = {"zorblet", "PCSO", "Merseyside", "xPhonez"};
  auto dictionary = SharedDictionary::LoadUnshared("en_GB", SpellChecker::DefaultSearchDirs(), stale);
  REQUIRE(dictionary != nullptr);
  CHECK_FALSE(dictionary->has_forms());
  auto checker = SpellChecker::Open(dictionary, accept);
  CheckLikeHunspell(*checker, accept);
  // Suggestions are the same, found with Hunspell's spell() instead.
  auto fast = OpenEnGb();
  for (const char* w : {"recieved", "goverment", "seperate", "untill", "alot", "dont", "burgulery", "monday"}) {
    INFO(w);
    CHECK(checker->Suggest(w, 3) == fast->Suggest(w, 3));
  }
  // No set at all: the same.
  auto none = SharedDictionary::LoadUnshared("en_GB", SpellChecker::DefaultSearchDirs(), "");
  REQUIRE(none != nullptr);
  CHECK_FALSE(none->has_forms());
  CheckLikeHunspell(*SpellChecker::Open(none, accept), accept);
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
