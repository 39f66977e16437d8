// Unit tests for splitting CamelCase and run-together words (compound_split.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "text/compound_split.h"

namespace postcheck {
namespace {

std::string Parts(std::string_view word, const std::vector<WordPart>& parts) {
  std::string out;
  for (const WordPart& p : parts) {
    if (!out.empty()) out += '|';
    out.append(word.substr(p.begin, p.end - p.begin));
  }
  return out;
}

std::string Camel(std::string_view word) {
  std::vector<WordPart> parts;
  if (!SplitCamelCase(word, &parts)) return "-";
  return Parts(word, parts);
}

std::string Split(std::string_view word, const std::set<std::string, std::less<>>& words) {
  std::vector<WordPart> parts;
  if (!SplitIntoWords(word, [&](std::string_view w) { return words.count(w) > 0; }, &parts)) return "-";
  return Parts(word, parts);
}

TEST_CASE("CamelCase splits before a capital that follows a lower-case letter") {
  CHECK(Camel("ToriesOut") == "Tories|Out");
  CHECK(Camel("BlackLivesMatter") == "Black|Lives|Matter");
  CHECK(Camel("iPhone") == "i|Phone");
  CHECK(Camel("Tories") == "-");
  CHECK(Camel("ACAB") == "-");
  CHECK(Camel("NHSFunding") == "-");  // capitals after capitals: no boundary read
}

TEST_CASE("a run of letters splits into the fewest known words") {
  const std::set<std::string, std::less<>> words{"fuck", "the", "police", "fucking", "idiot", "fuc", "king",
                                                 "a", "i", "s", "tories", "out", "tor", "ies"};
  CHECK(Split("fuckthepolice", words) == "fuck|the|police");
  CHECK(Split("fuckingidiot", words) == "fucking|idiot");
  CHECK(Split("toriesout", words) == "tories|out");
  CHECK(Split("police", words) == "-");          // one word is no split
  CHECK(Split("fuckthepolicex", words) == "-");  // a leftover letter
  CHECK(Split("sfuck", words) == "-");           // one-letter parts only "a" and "i"
  CHECK(Split("afuck", words) == "a|fuck");
  CHECK(Split(std::string(kMaxSplitLength + 2, 'a'), words) == "-");
}

}  // namespace
}  // namespace postcheck
