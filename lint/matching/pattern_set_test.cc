// Unit tests for the RE2 pattern set (pattern_set.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "matching/pattern_set.h"

namespace postcheck {
namespace {

// Compile, expecting no error.
bool Compiles(PatternSet& set) {
  std::vector<PatternSet::CompileError> errors;
  return set.Compile(&errors) && errors.empty();
}

// Every match of every pattern, in order of pattern id, then position: Find
// for each of the Candidates, as the engine does.
std::vector<PatternHit> AllHits(const PatternSet& set, std::string_view text) {
  std::vector<uint32_t> ids;
  set.Candidates(text, &ids);
  std::vector<PatternHit> hits;
  for (uint32_t id : ids) set.Find(id, text, &hits);
  return hits;
}

// Every hit as "id:'text'@begin", in the order AllHits gives them.
std::string Hits(const PatternSet& set, std::string_view text) {
  std::vector<PatternHit> hits = AllHits(set, text);
  std::string out;
  for (const PatternHit& h : hits) {
    if (!out.empty()) out += " | ";
    out += std::to_string(h.pattern) + ":'" + std::string(text.substr(h.begin, h.end - h.begin)) +
           "'@" + std::to_string(h.begin);
  }
  return out;
}

TEST_CASE("Add rejects bad patterns with a reason") {
  PatternSet set;
  std::string error;
  CHECK(set.Add("", &error) == -1);
  CHECK(error == "empty pattern");
  CHECK(set.Add("(unclosed", &error) == -1);
  CHECK(error == "invalid regex: missing ): (unclosed");
  CHECK(set.Add("a(?=b)", &error) == -1);  // look-ahead is not RE2
  CHECK(error.rfind("invalid regex: ", 0) == 0);
  CHECK(set.Add("a[b", &error) == -1);  // small: parsed by the set, not compiled
  CHECK(error == "invalid regex: missing ]: [b");
  CHECK(set.size() == 0);
}

// "id: message" for each problem Compile reports.
std::string CompileErrors(PatternSet& set) {
  std::vector<PatternSet::CompileError> errors;
  bool ok = set.Compile(&errors);
  std::string out = ok ? "ok" : "failed";
  for (const auto& e : errors) out += " | " + std::to_string(e.pattern) + ": " + e.message;
  return out;
}

TEST_CASE("Compile rejects every pattern that matches the empty string, inside text too") {
  PatternSet set;
  std::string error;
  for (const char* p : {"a*", "\\bcode\\b", "x|", "\\b", "\\bx?", "(?i)\\b(?:yes|no)?\\b", "\\d+"}) {
    REQUIRE(set.Add(p, &error) >= 0);
  }
  CHECK(CompileErrors(set) ==
        "failed | 0: pattern matches the empty string | 2: pattern matches the empty string"
        " | 3: pattern matches the empty string | 4: pattern matches the empty string"
        " | 5: pattern matches the empty string");
}

TEST_CASE("patterns are compiled on first use, and large ones when added") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("\\bfine\\b", &error) == 0);
  // Bounded as small, so only the set parsed it: still found correctly.
  REQUIRE(set.Add("(?P<match>\\d{3}) (?:miles|km)", &error) == 1);
  CHECK(CompileErrors(set) == "ok");
  CHECK(Hits(set, "fine: 120 km") == "0:'fine'@0 | 1:'120'@6");
}

TEST_CASE("compiled patterns dropped are compiled again, and find the same") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("\\bfine\\b", &error) == 0);
  REQUIRE(set.Add("(?P<match>\\d{3}) (?:miles|km)", &error) == 1);
  REQUIRE(Compiles(set));
  const std::string expected = "0:'fine'@0 | 1:'120'@6 | 1:'250'@19";
  CHECK(Hits(set, "fine: 120 km, then 250 miles") == expected);
  CHECK(set.release_count() == 0);
  set.ReleaseCompiled();
  CHECK(set.release_count() == 1);
  CHECK(Hits(set, "fine: 120 km, then 250 miles") == expected);
  set.ReleaseCompiled();
  set.ReleaseCompiled();
  CHECK(set.release_count() == 3);
  CHECK(Hits(set, "fine: 120 km, then 250 miles") == expected);
}

TEST_CASE("patterns dropped while other threads search: every search finds what it should") {
  PatternSet set;
  std::string error;
  const std::vector<std::string> patterns = {"\\bfine\\b", "(?P<match>\\d{3}) (?:miles|km)", "(?i)\\bsergeant \\w+",
                                             "[^.!?]{0,60}\\barrested\\b"};
  for (const std::string& p : patterns) REQUIRE(set.Add(p, &error) >= 0);
  REQUIRE(Compiles(set));
  const std::string text = "Sergeant Jones was fine: 120 km away. A man was arrested.";
  const std::string expected = Hits(set, text);
  REQUIRE(expected.find("arrested") != std::string::npos);
  std::atomic<bool> stop{false};
  std::atomic<int> wrong{0};
  std::vector<std::thread> searchers;
  for (int t = 0; t < 3; ++t) {
    searchers.emplace_back([&] {
      for (int k = 0; k < 2000; ++k) {
        if (Hits(set, text) != expected) ++wrong;
      }
    });
  }
  std::thread releaser([&] {
    while (!stop.load()) set.ReleaseCompiled();
  });
  for (auto& t : searchers) t.join();
  stop.store(true);
  releaser.join();
  CHECK(wrong.load() == 0);
  CHECK(set.release_count() > 0);
}

// A heap whose size the test sets.
std::atomic<size_t> fake_heap{0};
size_t FakeHeap() { return fake_heap.load(); }

TEST_CASE("past the budget's growth of the heap, compiled patterns are dropped; below it, kept") {
  PatternSet set;
  set.set_cache_budget(1000, &FakeHeap);
  std::string error;
  REQUIRE(set.Add("\\bfine\\b", &error) == 0);
  fake_heap = 5000;
  REQUIRE(Compiles(set));  // the heap at 5000 when compiled
  std::vector<PatternHit> hits;
  // Each search counts toward the next look at the heap, one every
  // kBudgetCheckEvery searches of this thread.
  auto search = [&](uint32_t times) {
    for (uint32_t k = 0; k < times; ++k) set.Find(0, "fine", &hits);
  };
  fake_heap = 6000;  // grown by the budget, not more
  search(2 * PatternSet::kBudgetCheckEvery);
  CHECK(set.release_count() == 0);
  fake_heap = 6001;
  search(PatternSet::kBudgetCheckEvery);
  CHECK(set.release_count() == 1);
  // Measured again when dropped (6001): grown from there.
  search(2 * PatternSet::kBudgetCheckEvery);
  CHECK(set.release_count() == 1);
  fake_heap = 7002;
  search(PatternSet::kBudgetCheckEvery);
  CHECK(set.release_count() == 2);
  CHECK(hits.size() == 6 * PatternSet::kBudgetCheckEvery);  // every search found it, dropped or not
  // No budget: never dropped.
  PatternSet unbounded;
  unbounded.set_cache_budget(0, &FakeHeap);
  REQUIRE(unbounded.Add("\\bfine\\b", &error) == 0);
  fake_heap = 0;
  REQUIRE(Compiles(unbounded));
  fake_heap = size_t{1} << 40;
  for (uint32_t k = 0; k < 2 * PatternSet::kBudgetCheckEvery; ++k) unbounded.Find(0, "fine", &hits);
  CHECK(unbounded.release_count() == 0);
}

TEST_CASE("the heap meter counts the bytes allocated and not freed") {
  const size_t before = PatternSet::HeapInUse();
  std::vector<char> held(8 << 20, 'x');
  const size_t during = PatternSet::HeapInUse();
  CHECK(during >= before + (8 << 20));
  CHECK(held[12345] == 'x');
}

TEST_CASE("a fallback set out of memory is reported against its largest pattern, so the error can name a rule") {
  // \C (any byte) keeps these patterns out of the prefilter, in RE2::Sets.
  PatternSet set(/*max_mem=*/int64_t{1} << 16);
  std::string error;
  for (int i = 0; i < 60; ++i) {
    const std::string n = std::to_string(i);
    REQUIRE(set.Add("w" + n + "\\C[a-z]{2,9}x\\d{1,4}", &error) == i);
  }
  REQUIRE(set.Add("big\\C[a-z]{2,40}y\\d{1,9}", &error) == 60);
  REQUIRE(set.Add("w0\\C[a-z]{2,9}z", &error) == 61);
  std::vector<PatternSet::CompileError> errors;
  CHECK_FALSE(set.Compile(&errors));
  CHECK(set.fallback_count() == 62);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pattern == 60);
  CHECK(errors[0].message == "the pattern set of 62 patterns does not fit in memory; its largest pattern is this one");
}

TEST_CASE("patterns Vectorscan refuses are matched by RE2, beside the prefilter's") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("\\bcode\\b", &error) == 0);
  REQUIRE(set.Add("x\\Cy", &error) == 1);
  REQUIRE(set.Add("\\d+", &error) == 2);
  REQUIRE(Compiles(set));
  CHECK(set.fallback_count() == 1);
  CHECK(set.set_count() == 1);
  CHECK(Hits(set, "code x-y 12") == "0:'code'@0 | 1:'x-y'@5 | 2:'12'@9");
  CHECK(Hits(set, "x\xC3\xA9y") == "");  // \C is one byte, and \xC3\xA9 two
}

TEST_CASE("ids are given in order") {
  PatternSet set;
  std::string error;
  CHECK(set.Add("a", &error) == 0);
  CHECK(set.Add("b", &error) == 1);
  CHECK(set.Add("(", &error) == -1);
  CHECK(set.Add("c", &error) == 2);
  CHECK(set.size() == 3);
}

TEST_CASE("non-overlapping hits, ordered by pattern then position") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("\\d{3}", &error) == 0);
  REQUIRE(set.Add("[a-z]+", &error) == 1);
  REQUIRE(Compiles(set));
  CHECK(Hits(set, "1234567 ab 890") == "0:'123'@0 | 0:'456'@3 | 0:'890'@11 | 1:'ab'@8");
  CHECK(Hits(set, "ABC") == "");
  CHECK(Hits(set, "") == "");
}

TEST_CASE("a group named match narrows the hit") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("DOB:? (?P<match>\\d\\d/\\d\\d/\\d{4})", &error) == 0);
  REQUIRE(set.Add("(?P<match>x)?y", &error) == 1);
  REQUIRE(Compiles(set));
  CHECK(Hits(set, "DOB: 01/02/1990, DOB 03/04/1985") == "0:'01/02/1990'@5 | 0:'03/04/1985'@21");
  // A match whose `match` group took no part gives no hit.
  CHECK(Hits(set, "xy y") == "1:'x'@0");
}

TEST_CASE("byte offsets in multibyte text") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("\xC3\xA9+", &error) == 0);  // é+
  REQUIRE(set.Add("\\p{Han}+", &error) == 1);
  REQUIRE(set.Add("(?i)caf\xC3\x89", &error) == 2);
  REQUIRE(Compiles(set));
  CHECK(Hits(set, "\xF0\x9F\x98\x80 caf\xC3\xA9\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC") ==
        "0:'\xC3\xA9\xC3\xA9'@8 | 1:'\xE6\x97\xA5\xE6\x9C\xAC'@13 | 2:'caf\xC3\xA9'@5");
}

TEST_CASE("the prefilter misses no pattern") {
  PatternSet set;
  std::string error;
  std::vector<std::string> expected;
  for (int i = 0; i < 60; ++i) {
    REQUIRE(set.Add("\\bcode" + std::to_string(i) + "x\\b", &error) == i);
  }
  REQUIRE(set.Add("^Start", &error) == 60);
  REQUIRE(set.Add("end$", &error) == 61);
  REQUIRE(set.Add("(?i)mixed CASE", &error) == 62);
  REQUIRE(set.Add("a.c", &error) == 63);
  REQUIRE(Compiles(set));
  const std::string text = "Start code7x code59x code0x MIXED case a\xC3\xA9" "c end";
  CHECK(Hits(set, text) ==
        "0:'code0x'@21 | 7:'code7x'@6 | 59:'code59x'@13 | 60:'Start'@0 | 61:'end'@44 | "
        "62:'MIXED case'@28 | 63:'a\xC3\xA9" "c'@39");
  // Every pattern alone is found too.
  for (int i = 0; i < 60; ++i) {
    std::string one = "see code" + std::to_string(i) + "x.";
    CHECK(Hits(set, one) == std::to_string(i) + ":'code" + std::to_string(i) + "x'@4");
  }
}

TEST_CASE("a long text with many hits") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("\\b07\\d{9}\\b", &error) == 0);
  REQUIRE(Compiles(set));
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "filler words 07911123456 ";
  std::vector<PatternHit> hits = AllHits(set, text);
  REQUIRE(hits.size() == 2000);
  CHECK(hits[0].begin == 13);
  CHECK(hits[1999].begin == 1999 * 25 + 13);
  CHECK(hits[1999].end == 1999 * 25 + 24);
}

// The candidates that match: what the engine keeps after Find.
std::vector<uint32_t> Matching(const PatternSet& set, std::string_view text) {
  std::vector<uint32_t> ids, out;
  set.Candidates(text, &ids);
  for (uint32_t id : ids) {
    std::vector<PatternHit> hits;
    set.Find(id, text, &hits);
    if (!hits.empty()) out.push_back(id);
  }
  return out;
}

TEST_CASE("a pattern with a large program is in the prefilter, and found exactly") {
  PatternSet set;
  std::string error;
  // Three terms within 50 characters of each other: a counted gap over a long
  // alternation, the kind of pattern that multiplies DFA states.
  std::string terms = "(?:ANPR|TWOC|NFA|ASBO|RTC|PNC|OIC|SIO|CID|ABH|GBH|RUI|VRM|FPN|PND|OCG|ARV|AFO|PCSO|CHIS)";
  std::string dense = "\\b" + terms + "\\b(?:[^\\n]{1,50}?\\b" + terms + "\\b){2}";
  REQUIRE(set.Add("\\bcode\\b", &error) == 0);
  REQUIRE(set.Add(dense, &error) == 1);
  REQUIRE(set.Add("\\bappeal\\b", &error) == 2);
  REQUIRE(Compiles(set));
  CHECK(set.set_count() == 0);
  CHECK(set.fallback_count() == 0);
  std::vector<uint32_t> ids;
  set.Candidates("ANPR hit, NFA, RUI: appeal", &ids);
  CHECK(ids == std::vector<uint32_t>{1, 2});
  // Too far apart: the prefilter may name it (it widens the gap), Find does not.
  const std::string apart = "ANPR hit, NFA, " + std::string(60, 'x') + " RUI";
  CHECK(Matching(set, apart).empty());
  CHECK(Matching(set, "ANPR hit and NFA only").empty());
  CHECK(Hits(set, "code: ANPR hit, NFA, RUI") == "0:'code'@0 | 1:'ANPR hit, NFA, RUI'@6");
}

TEST_CASE("candidates are what RE2 finds, or more, never fewer") {
  PatternSet set;
  std::string error;
  const std::vector<std::string> patterns = {
      "(?i)\\bkelvin\\b", "(?i)stra\xC3\x9F" "e", "(?i)\\bsos\\b", "[^.!?]{0,20}\\bcharged\\b", "\\bcaf\\b",
      "\\pL{3}\\d", "^only$", "(?i)\xC3\xA9t\xC3\xA9", "\\w+@\\w+"};
  for (const std::string& p : patterns) REQUIRE(set.Add(p, &error) >= 0);
  REQUIRE(Compiles(set));
  const std::vector<std::string> texts = {
      "", "\xE2\x84\xAA" "ELVIN", "STRASSE stra\xC3\x9F" "E", "\xC5\xBFo\xC5\xBF", "caf\xC3\xA9",
      "a long sentence before the man was charged", "x. charged", "\xCE\xB1\xCE\xB2\xCE\xB3" "1", "only",
      "only\n", "\xC3\x89T\xC3\x89", "a@b", "\xF0\x9F\x98\x80@x"};
  RE2::Options options;
  options.set_log_errors(false);
  for (const std::string& t : texts) {
    std::vector<uint32_t> ids, truth;
    set.Candidates(t, &ids);
    for (uint32_t id = 0; id < patterns.size(); ++id) {
      if (RE2::PartialMatch(t, RE2(patterns[id], options))) truth.push_back(id);
      if (!truth.empty() && truth.back() == id) CHECK(std::binary_search(ids.begin(), ids.end(), id));
    }
    CHECK(Matching(set, t) == truth);
  }
}

TEST_CASE("Find reports one pattern's matches, and only when asked") {
  PatternSet set;
  std::string error;
  REQUIRE(set.Add("DOB:? (?P<match>\\d\\d/\\d\\d/\\d{4})", &error) == 0);
  REQUIRE(set.Add("\\bDOB\\b", &error) == 1);
  REQUIRE(Compiles(set));
  CHECK(set.set_count() == 0);
  const std::string text = "DOB 01/02/1990 and DOB: 03/04/1985";
  std::vector<uint32_t> ids;
  set.Candidates(text, &ids);
  CHECK(ids == std::vector<uint32_t>{0, 1});
  std::vector<PatternHit> hits;
  set.Find(0, text, &hits);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].begin == 4);
  CHECK(hits[0].end == 14);
  CHECK(hits[1].begin == 24);
  CHECK(hits[1].end == 34);
}

TEST_CASE("state-hungry patterns: long programs and long bounded gaps") {
  CHECK(PatternSet::IsStateHungry("(?i)\\byou\\b[^.!?\\n]{0,60}?\\s(?P<match>\\w+)"));
  CHECK(PatternSet::IsStateHungry("a.{2,20}b"));
  std::string list = "(?i)\\b(?:";
  for (int i = 0; i < 400; ++i) list += (i ? "|w" : "w") + std::to_string(i) + "xyz";
  list += ")\\b";
  CHECK(PatternSet::IsStateHungry(list));
  CHECK_FALSE(PatternSet::IsStateHungry("(?i)\\bhello (?:there|you)\\b"));
  CHECK_FALSE(PatternSet::IsStateHungry("\\d{1,4}"));            // a short repeat
  CHECK_FALSE(PatternSet::IsStateHungry("a\\{0,60}"));           // an escaped brace is a brace
  CHECK_FALSE(PatternSet::IsStateHungry("x{3,}"));               // no upper bound: no counting
}

}  // namespace
}  // namespace postcheck
