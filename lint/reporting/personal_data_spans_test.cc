// Unit tests for FindPersonalData, and for the two users of it: RedactReport
// (--redact-output) and ApplyFixes (--fix) must reach every repeat of the
// data, and messages of other categories' findings that quote it.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "reporting/fix.h"
#include "reporting/formatter.h"
#include "reporting/personal_data_spans.h"

namespace postcheck {
namespace {

Rule MakeRule(std::string id, std::string category, bool names) {
  Rule r;
  r.pack = "p";
  r.id = id;
  r.full_id = "p." + id;
  r.category = category;
  if (names) {
    r.names.emplace();
    r.names->titles = {"Mr", "Mrs"};
  }
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

// The reference: one pass over the text per finding and per word of a name
// (as FindPersonalData was written before it searched all at once).
std::vector<PersonalDataSpan> ReferenceSpans(std::string_view text, const std::vector<Finding>& findings) {
  auto word_byte = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; };
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  std::vector<PersonalDataSpan> spans;
  auto add = [&](std::string_view needle, bool fold, const Finding* source) {
    if (needle.empty() || needle.size() > text.size()) return;
    for (size_t at = 0; at + needle.size() <= text.size(); ++at) {
      bool same = true;
      for (size_t k = 0; k < needle.size() && same; ++k) {
        same = fold ? lower(text[at + k]) == lower(needle[k]) : text[at + k] == needle[k];
      }
      if (!same) continue;
      if (word_byte(needle.front()) && at > 0 && word_byte(text[at - 1])) continue;
      size_t end = at + needle.size();
      if (word_byte(needle.back()) && end < text.size() && word_byte(text[end])) continue;
      spans.push_back({at, end, source});
    }
  };
  for (const Finding& f : findings) {
    if (f.rule->category != "personal-data" || f.offset + f.length > text.size()) continue;
    spans.push_back({f.offset, f.offset + f.length, &f});
    std::string_view data = text.substr(f.offset, f.length);
    add(data, true, &f);
    if (!f.rule->names) continue;
    for (size_t i = 0; i < data.size();) {  // the words of the name, as NameWords cuts them
      if (!word_byte(data[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < data.size() && (word_byte(data[j]) || data[j] == '\'' || data[j] == '-')) ++j;
      std::string_view word = data.substr(i, j - i);
      while (!word.empty() && (word.back() == '\'' || word.back() == '-')) word.remove_suffix(1);
      bool title = word == "Mr" || word == "Mrs" || word == "MR" || word == "MRS" || word == "mr" || word == "mrs";
      if (word.size() >= 2 && std::isupper(static_cast<unsigned char>(word[0])) && !title) add(word, false, &f);
      i = j;
    }
  }
  std::stable_sort(spans.begin(), spans.end(), [](const PersonalDataSpan& a, const PersonalDataSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  spans.erase(std::unique(spans.begin(), spans.end(),
                          [](const PersonalDataSpan& a, const PersonalDataSpan& b) {
                            return a.begin == b.begin && a.end == b.end;
                          }),
              spans.end());
  return spans;
}

TEST_CASE("FindPersonalData equals one search per finding on random drafts, sources included") {
  Fixture fx;
  Rule tone = MakeRule("tone", "tone", false);
  std::mt19937 random(11);
  const std::vector<std::string> pieces = {"Ann ", "ann", "Bo-", "Lee", " ", ", ", "07911", "Mr ", "x", "\xC3\xA9", "'"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (size_t n = random() % 30; n > 0; --n) text += pieces[random() % pieces.size()];
    std::vector<Finding> findings(random() % 8);
    for (Finding& f : findings) {
      const Rule* rules[] = {&fx.name, &fx.street, &tone};
      f.rule = rules[random() % 3];
      f.offset = text.empty() ? 0 : random() % (text.size() + 2);
      f.length = random() % 12;
    }
    std::vector<PersonalDataSpan> got = FindPersonalData(text, findings);
    std::vector<PersonalDataSpan> want = ReferenceSpans(text, findings);
    CAPTURE(text);
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].begin == want[i].begin);
      CHECK(got[i].end == want[i].end);
      CHECK(got[i].source == want[i].source);
    }
  }
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
