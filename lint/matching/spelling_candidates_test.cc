// Unit tests for the cheap spelling corrections (spelling_candidates.h),
// against small made-up dictionaries so that every ranking is exact.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "matching/spelling_candidates.h"

namespace postcheck {
namespace {

using Words = std::vector<std::string>;

EditHints Latin() {
  EditHints hints;
  hints.letters = U"etaoinshrdlcumwfgypbvkjxqz";
  hints.apostrophe = true;
  return hints;
}

// Corrections of `word` from a dictionary of `known`, counting look-ups.
Words Correct(const std::string& word, const std::set<std::string>& known, size_t limit = 5,
              const EditHints& hints = Latin(), int* lookups = nullptr) {
  IsWord is_word = [&](std::string_view w) {
    if (lookups) ++*lookups;
    return known.count(std::string(w)) > 0;
  };
  return RankedCorrections(word, hints, is_word, limit);
}

TEST_CASE("each kind of edit finds its word") {
  CHECK(Correct("untill", {"until"}) == Words{"until"});          // undouble
  CHECK(Correct("occured", {"occurred"}) == Words{"occurred"});   // double
  CHECK(Correct("recieved", {"received"}) == Words{"received"});  // swap
  CHECK(Correct("dont", {"don't"}) == Words{"don't"});            // apostrophe
  CHECK(Correct("seperate", {"separate"}) == Words{"separate"});  // vowel
  CHECK(Correct("goverment", {"government"}) == Words{"government"});  // left out
  CHECK(Correct("polive", {"police"}) == Words{"police"});        // wrong letter
  CHECK(Correct("arguement", {"argument"}) == Words{"argument"});  // one too many
  CHECK(Correct("infact", {"in", "fact"}) == Words{"in fact"});    // run together
  CHECK(Correct("monday", {"Monday"}) == Words{"Monday"});         // case alone
}

TEST_CASE("cheaper edits rank first; ties keep the documented order") {
  // Doubling (2) before a swap (2, listed later) before a deletion (4).
  CHECK(Correct("realy", {"really", "relay", "real"}) == Words{"really", "relay", "real"});
  // An undoubled letter (2) before two words (4).
  CHECK(Correct("carefull", {"careful", "care", "full"}) == Words{"careful", "care full"});
  // A vowel for a vowel (3) before another letter (4).
  CHECK(Correct("bat", {"bet", "cat"}) == Words{"bet", "cat"});
  // A letter left out before one wrong, then position, then letter order.
  CHECK(Correct("wich", {"with", "which", "witch", "winch"}) == Words{"which", "witch", "winch", "with"});
  // The first letter is seldom wrong: a later edit of the same kind wins.
  CHECK(Correct("suprise", {"uprise", "surprise"}) == Words{"surprise", "uprise"});
  // The case alone (5) comes after the letter edits (4).
  CHECK(Correct("neighbors", {"neighbours", "Neighbors"}) == Words{"neighbours", "Neighbors"});
}

TEST_CASE("a one-letter word run into the next") {
  CHECK(Correct("alot", {"a", "lot", "allot", "alto"}) == Words{"a lot", "allot", "alto", "lot"});
  // A split into longer words is preferred, and the one-letter split is last.
  CHECK(Correct("aswell", {"a", "as", "well", "swell"}) == Words{"as well", "a swell", "swell"});
  // Only a vowel stands alone: "untill" is not "until l".
  CHECK(Correct("untill", {"until", "l"}) == Words{"until"});
}

TEST_CASE("max_checks bounds the look-ups; within it the answer is the same") {
  const std::set<std::string> known = {"burglary", "until"};
  int unbounded = 0;
  const Words all = Correct("burgulery", known, 5, Latin(), &unbounded);
  REQUIRE(all == Words{"burglary"});
  for (size_t budget : {size_t{1}, size_t{10}, size_t{100}}) {
    size_t checked = 0;
    RankedCorrections("burgulery", Latin(), [&](std::string_view w) { ++checked; return known.count(std::string(w)) > 0; },
                      5, budget);
    CHECK(checked == budget);
  }
  size_t checked = 0;
  CHECK(RankedCorrections("burgulery", Latin(), [&](std::string_view w) { ++checked; return known.count(std::string(w)) > 0; },
                          5, static_cast<size_t>(unbounded)) == all);
  CHECK(checked == static_cast<size_t>(unbounded));
}

TEST_CASE("two cheap edits only when one edit finds nothing") {
  CHECK(Correct("burgulery", {"burglary"}) == Words{"burglary"});
  CHECK(Correct("tommorow", {"tomorrow"}) == Words{"tomorrow"});
  CHECK(Correct("burgulery", {"burglary", "burgulary"}) == Words{"burgulary"});
  CHECK(Correct("xqzv", {"burglary"}).empty());
}

TEST_CASE("the case the word was written in is kept") {
  CHECK(Correct("Recieved", {"received", "Received"}) == Words{"Received"});
  CHECK(Correct("RECIEVED", {"RECEIVED"}) == Words{"RECEIVED"});
  CHECK(Correct("Alot", {"A", "lot"}) == Words{"A lot"});
}

TEST_CASE("REP replacements from the dictionary") {
  EditHints hints = Latin();
  hints.replacements = {{"f", "ph"}, {"^k", "c"}, {"ie$", "y"}};
  // A REP replacement before a vowel for a vowel, though both cost 3.
  CHECK(Correct("fone", {"phone", "fine"}, 5, hints) == Words{"phone", "fine"});
  CHECK(Correct("kat", {"cat"}, 5, hints) == Words{"cat"});
  CHECK(Correct("babie", {"baby"}, 5, hints) == Words{"baby"});
}

TEST_CASE("limits: count, word length, empty and invalid input") {
  CHECK(Correct("realy", {"really", "relay", "real"}, 1) == Words{"really"});
  CHECK(Correct("realy", {"really"}, 0).empty());
  CHECK(Correct("", {"a"}).empty());
  CHECK(Correct("\xff", {"a"}).empty());
  int lookups = 0;
  CHECK(Correct(std::string(kMaxEditedLength + 1, 'a'), {"a"}, 5, Latin(), &lookups).empty());
  CHECK(lookups == 0);
  // Each distinct candidate is looked up once.
  lookups = 0;
  Correct("realy", {}, 5, Latin(), &lookups);
  std::set<std::string> distinct;
  IsWord collect = [&](std::string_view w) { return distinct.insert(std::string(w)), false; };
  RankedCorrections("realy", Latin(), collect, 5);
  CHECK(lookups == static_cast<int>(distinct.size()));
}

TEST_CASE("ReadEditHints reads TRY and REP") {
  namespace fs = std::filesystem;
  fs::path aff = fs::temp_directory_path() / ("postcheck_hints_" + std::to_string(getpid()) + ".aff");
  std::ofstream(aff) << "SET UTF-8\nTRY esiaéESI'-\nREP 2\nREP f ph\nREP k_c kc\n";
  EditHints hints = ReadEditHints(aff.string());
  CHECK(hints.letters == U"esia\u00e9");
  CHECK(hints.apostrophe);
  CHECK(hints.replacements == std::vector<std::pair<std::string, std::string>>{{"f", "ph"}, {"k_c", "kc"}});
  std::ofstream(aff) << "SET ISO8859-1\nTRY esia\n";
  hints = ReadEditHints(aff.string());
  CHECK(hints.letters.size() == 26);
  CHECK(hints.replacements.empty());
  fs::remove(aff);
  CHECK(ReadEditHints(aff.string()).letters.size() == 26);
}

}  // namespace
}  // namespace postcheck
