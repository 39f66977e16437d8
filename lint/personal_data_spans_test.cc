// Unit tests for FindPersonalData, and for the two users of it: RedactReport
// (--redact-output) and ApplyFixes (--fix) must reach every repeat of the
// data, and messages of other categories' findings that quote it.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fix.h"
#include "formatter.h"
#include "personal_data_spans.h"

namespace postcheck {
namespace {

Rule MakeRule(std::string id, std::string category, bool names) {
  Rule r;
  r.pack = "p";
  r.id = id;
  r.full_id = "p." + id;
  r.category = category;
  if (names) r.names = NamesMatcher{{"Mr", "Mrs"}, {}, {}};
  return r;
}

Finding At(const Rule& rule, std::string_view text, std::string_view match, std::string message,
           std::string replacement = "", size_t from = 0) {
  Finding f;
  f.rule = &rule;
  f.offset = text.find(match, from);
  REQUIRE(f.offset != std::string_view::npos);
  f.length = match.size();
  f.match = std::string(match);
  f.message = std::move(message);
  f.replacement = std::move(replacement);
  return f;
}

struct Fixture {
  Rule name = MakeRule("name-victim", "personal-data", true);
  Rule street = MakeRule("street", "personal-data", false);
  Rule youth = MakeRule("youth-named", "case-details", false);
};

TEST_CASE("every repeat of a flagged name, and its words on their own, are found") {
  Fixture fx;
  std::string text = "Chloe Smith lives here. Thanks to all who helped CHLOE SMITH and Mrs Smith; Smithy is fine.";
  std::vector<Finding> findings = {At(fx.name, text, "Chloe Smith", "Names Chloe Smith")};
  std::vector<PersonalDataSpan> spans = FindPersonalData(text, findings);
  std::vector<std::string> found;
  for (const auto& s : spans) found.push_back(text.substr(s.begin, s.end - s.begin));
  // The finding, its words, the upper-case repeat (whole match, any case),
  // and the surname after a title; never "Smithy" or "Mrs".
  CHECK(found == std::vector<std::string>{"Chloe Smith", "Chloe", "Smith", "CHLOE SMITH", "Smith"});
  for (const auto& s : spans) CHECK(s.source == &findings[0]);
}

TEST_CASE("data of rules without names is found again only as a whole") {
  Fixture fx;
  std::string text = "Lives on Mill Street. Mill Streets and a mill are fine; mill street is not.";
  std::vector<Finding> findings = {At(fx.street, text, "Mill Street", "street")};
  std::vector<PersonalDataSpan> spans = FindPersonalData(text, findings);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "mill street");
}

TEST_CASE("findings of other categories are not personal data") {
  Fixture fx;
  std::string text = "Tyler Jones, 15, was arrested.";
  std::vector<Finding> findings = {At(fx.youth, text, "Jones, 15,", "x")};
  CHECK(FindPersonalData(text, findings).empty());
}

TEST_CASE("redaction masks every repeat and the quotes in other categories' messages") {
  Fixture fx;
  std::string text = "Tyler Jones, 15, was arrested. Everyone knows Tyler Jones and Jones's mum.";
  FileReport report;
  report.text = text;
  report.findings = {At(fx.name, text, "Tyler Jones", "Names Tyler Jones"),
                     At(fx.youth, text, "Jones, 15,", "'Jones, 15,': a named child")};
  std::string masked = RedactReport(&report);
  CHECK(masked.size() == text.size());
  CHECK(masked.find("Tyler") == std::string::npos);
  CHECK(masked.find("Jones") == std::string::npos);
  CHECK(masked == "Ty*** ***es, 15, was arrested. Everyone knows Ty*** ***es and *****'s mum.");
  CHECK(report.findings[0].message == "Names Ty*** ***es");
  CHECK(report.findings[1].match == "***es, 15,");
  CHECK(report.findings[1].message == "'***es, 15,': a named child");
}

TEST_CASE("--fix rewrites every occurrence of flagged personal data") {
  Fixture fx;
  std::string text = "Chloe Smith, who reported it, lives on Mill Street. Thanks to all who helped Chloe Smith today.";
  std::vector<Finding> findings = {At(fx.name, text, "Chloe Smith", "n", "a person"),
                                   At(fx.street, text, "Mill Street", "s", "[street]")};
  CHECK(ApplyFixes(text, findings) ==
        "A person, who reported it, lives on [street]. Thanks to all who helped a person today.");
}

}  // namespace
}  // namespace postcheck
