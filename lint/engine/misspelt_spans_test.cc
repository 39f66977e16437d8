#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/misspelt_spans.h"
#include "matching/set_lexicon.h"
#include "text/tokenizer.h"

namespace postcheck {
namespace {

// The misspelt words of `text`, each as "word@offset", space-separated.
std::string Misspelt(std::string_view text, const SetLexicon& dictionary) {
  TokenizedText tokens;
  Tokenize(text, &tokens);
  std::vector<RuleSpan> spans;
  MisspeltSpans(tokens, dictionary, &spans);
  std::string out;
  for (const RuleSpan& s : spans) {
    if (!out.empty()) out += ' ';
    out += std::string(text.substr(s.begin, s.end - s.begin)) + "@" + std::to_string(s.begin);
  }
  return out;
}

TEST_CASE("words the dictionary lacks are spans, in order") {
  SetLexicon dictionary({"The", "van", "was", "parked"});
  CHECK(Misspelt("The van was parkd outsde", dictionary) == "parkd@12 outsde@18");
  CHECK(Misspelt("The van was parked", dictionary).empty());
}

TEST_CASE("a contraction or possessive is one word, with the curly apostrophe written straight") {
  SetLexicon dictionary({"don't", "officer's"});
  CHECK(Misspelt("don't", dictionary).empty());
  CHECK(Misspelt("don\xE2\x80\x99t", dictionary).empty());
  CHECK(Misspelt("officer\xE2\x80\x99s", dictionary).empty());
  CHECK(Misspelt("dont", dictionary) == "dont@0");
  CHECK(Misspelt("shouldn't", dictionary) == "shouldn't@0");
}

TEST_CASE("what is not judged: handles, hashtags, masks, digits, single letters, capitals, names, other scripts") {
  SetLexicon dictionary({"to"});
  CHECK(Misspelt("@someaccount #hashtg", dictionary).empty());
  CHECK(Misspelt("f***ing", dictionary).empty());
  CHECK(Misspelt("b4 2nite", dictionary).empty());
  CHECK(Misspelt("x", dictionary).empty());
  CHECK(Misspelt("NHS PCSO", dictionary).empty());
  // Capitalised inside a sentence: a name. At the start: judged.
  CHECK(Misspelt("Spoke to Tyrone", dictionary) == "Spoke@0");
  CHECK(Misspelt("caf\xC3\xA9 gr\xC3\xBC\xC3\x9F", dictionary).empty());
  CHECK(dictionary.asked == std::vector<std::string>{"Spoke", "to"});
}

TEST_CASE("spans overlapping a skipped range are dropped, from `first` on") {
  std::vector<RuleSpan> spans = {{0, 4, -1}, {10, 14, -1}, {20, 24, -1}, {30, 34, -1}};
  // A URL over 12..22 covers the second and third; the first is before `first`.
  DropSpansOverlapping({{0, 12, 22}}, 1, &spans);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].begin == 0);
  CHECK(spans[1].begin == 30);
  std::vector<RuleSpan> touching = {{0, 4, -1}, {4, 8, -1}};
  DropSpansOverlapping({{0, 4, 4}}, 0, &touching);  // an empty skip at 4 overlaps nothing
  CHECK(touching.size() == 2);
}

}  // namespace
}  // namespace postcheck
