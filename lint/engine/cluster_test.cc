// Unit tests for runs of findings close together (cluster.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/cluster.h"
#include "text/tokenizer.h"

namespace postcheck {
namespace {

// The spans of `terms` (each found at its first occurrence in `text`), then
// the clusters, each as its text, joined by " | ".
std::string Clusters(std::string_view text, const std::vector<std::string>& terms, int min, int within) {
  TokenizedText tokens;
  Tokenize(text, &tokens);
  std::vector<Span> spans;
  for (const std::string& t : terms) {
    size_t at = text.find(t);
    REQUIRE(at != std::string_view::npos);
    spans.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + t.size())});
  }
  std::vector<Span> out;
  FindClusters(tokens, spans, min, within, &out);
  std::string joined;
  for (const Span& s : out) {
    if (!joined.empty()) joined += " | ";
    joined += std::string(text.substr(s.begin, s.end - s.begin));
  }
  return joined;
}

TEST_CASE("a run of at least min spans, each within N words of the last, is one cluster") {
  const std::string text = "RTC on the A580, ASNT, AIO on arrival. NFA.";
  CHECK(Clusters(text, {"RTC", "ASNT", "AIO", "NFA"}, 3, 4) == "RTC on the A580, ASNT, AIO on arrival. NFA");
  // Given in any order.
  CHECK(Clusters(text, {"NFA", "AIO", "RTC", "ASNT"}, 3, 4) == "RTC on the A580, ASNT, AIO on arrival. NFA");
  // ASNT is the fourth word after RTC, and NFA the third after AIO.
  CHECK(Clusters(text, {"RTC", "ASNT", "AIO", "NFA"}, 3, 3) == "ASNT, AIO on arrival. NFA");
  CHECK(Clusters(text, {"RTC", "ASNT", "AIO", "NFA"}, 3, 2) == "");
  CHECK(Clusters(text, {"RTC", "ASNT", "AIO", "NFA"}, 2, 2) == "ASNT, AIO");
  // Within 1 is the next word.
  CHECK(Clusters("GBH PNC then RUI", {"GBH", "PNC", "RUI"}, 2, 1) == "GBH PNC");
  CHECK(Clusters("GBH PNC then RUI", {"GBH", "PNC", "RUI"}, 3, 2) == "GBH PNC then RUI");
}

TEST_CASE("too few spans, or spans too far apart, make no cluster") {
  CHECK(Clusters("RTC on the M6 near junction 20", {"RTC"}, 2, 10) == "");
  CHECK(Clusters("CID and then a very long way further on the PCSO", {"CID", "PCSO"}, 2, 3) == "");
  CHECK(Clusters("", {}, 2, 3) == "");
}

TEST_CASE("overlapping spans count once") {
  // "ANPR" and "ANPR hit" are one term found by two rules.
  CHECK(Clusters("ANPR hit on the M62", {"ANPR", "ANPR hit"}, 2, 5) == "");
  CHECK(Clusters("ANPR hit on the M62 by the ARV", {"ANPR", "ANPR hit", "ARV"}, 2, 6) == "ANPR hit on the M62 by the ARV");
}

TEST_CASE("with min 1, every span is a cluster, touching ones merged") {
  CHECK(Clusters("lol the PCC haha", {"lol", "haha"}, 1, 1) == "lol | haha");
  CHECK(Clusters("what a joke lol", {"what a joke", "lol"}, 1, 1) == "what a joke lol");
  CHECK(Clusters("nothing here", {}, 1, 1) == "");
}

TEST_CASE("separate runs are separate clusters") {
  const std::string text = "GBH, PNC done. Then we went home for the day and slept well. ASB, RUI, NFA.";
  CHECK(Clusters(text, {"GBH", "PNC", "ASB", "RUI", "NFA"}, 2, 2) == "GBH, PNC | ASB, RUI, NFA");
  CHECK(Clusters(text, {"GBH", "PNC", "ASB", "RUI", "NFA"}, 3, 2) == "ASB, RUI, NFA");
}

}  // namespace
}  // namespace postcheck
