// Unit tests for WriteHighlightedDraft: on random drafts with many
// overlapping findings (with and without redaction, with a byte-order mark,
// findings past the end), its output equals that of the straightforward
// algorithm it replaced, which looks at every finding for every piece.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "reporting/html_draft.h"
#include "text/html_escape.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

// The reference: the draft as html_formatter.cc wrote it before, in
// O(pieces x findings).
std::string Reference(std::string_view text, const std::vector<Finding>& findings, bool redact, int file_no) {
  std::ostringstream out;
  const size_t begin = BomLength(text), size = text.size();
  auto clamp = [&](size_t v) { return std::min(std::max(v, begin), size); };
  std::vector<std::pair<size_t, size_t>> masked;
  if (redact) {
    for (const Finding& f : findings) {
      if (f.rule->category == "personal-data" && f.length > 0) masked.emplace_back(clamp(f.offset), clamp(f.offset + f.length));
    }
    std::sort(masked.begin(), masked.end());
    std::vector<std::pair<size_t, size_t>> merged;
    for (const auto& run : masked) {
      if (!merged.empty() && run.first < merged.back().second) {
        merged.back().second = std::max(merged.back().second, run.second);
      } else {
        merged.push_back(run);
      }
    }
    masked = std::move(merged);
  }
  auto inside_mask = [&](size_t cut) {
    for (const auto& [from, to] : masked) {
      if (cut > from && cut < to) return true;
    }
    return false;
  };
  std::vector<size_t> cuts = {begin, size};
  for (const Finding& f : findings) {
    cuts.push_back(clamp(f.offset));
    cuts.push_back(clamp(f.offset + f.length));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  cuts.erase(std::remove_if(cuts.begin(), cuts.end(), inside_mask), cuts.end());
  std::vector<bool> numbered(findings.size(), false);
  out << "<div class=\"draft\">";
  for (size_t c = 0; c + 1 < cuts.size(); ++c) {
    const size_t a = cuts[c], b = cuts[c + 1];
    std::string shown(text.substr(a, b - a));
    std::vector<size_t> covering;
    for (size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      if (f.length > 0 && f.offset < b && f.offset + f.length > a) covering.push_back(i);
    }
    if (covering.empty()) {
      out << HtmlEscape(shown);
    } else {
      std::sort(covering.begin(), covering.end(), [&](size_t x, size_t y) {
        if (findings[x].length != findings[y].length) return findings[x].length < findings[y].length;
        if (findings[x].severity != findings[y].severity) return findings[x].severity > findings[y].severity;
        return x < y;
      });
      const Finding& top = findings[covering[0]];
      std::string classes = "hl c-" + HtmlCategoryClass(top.rule->category);
      if (covering.size() > 1) {
        std::string second = top.rule->category;
        for (size_t i : covering) {
          if (findings[i].rule->category != top.rule->category) {
            second = findings[i].rule->category;
            break;
          }
        }
        classes += " multi and-" + HtmlCategoryClass(second);
      }
      std::string title;
      for (size_t i : covering) {
        if (!title.empty()) title += "; ";
        title += std::to_string(i + 1) + ": " + findings[i].rule->full_id;
      }
      out << "<mark class=\"" << classes << "\" title=\"" << HtmlEscape(title) << "\">" << HtmlEscape(shown) << "</mark>";
    }
    for (size_t i = 0; i < findings.size(); ++i) {
      if (numbered[i] || clamp(findings[i].offset + findings[i].length) > b) continue;
      numbered[i] = true;
      out << "<sup class=\"ref c-" << HtmlCategoryClass(findings[i].rule->category) << "\"><a href=\"#f" << file_no
          << "-" << (i + 1) << "\">" << (i + 1) << "</a></sup>";
    }
  }
  out << "</div>\n";
  return out.str();
}

Rule MakeRule(std::string id, std::string category) {
  Rule r;
  r.pack = "p";
  r.id = id;
  r.full_id = "p." + id;
  r.category = category;
  return r;
}

std::string Written(std::string_view text, const std::vector<Finding>& findings, bool redact, int file_no) {
  std::ostringstream out;
  WriteHighlightedDraft(text, findings, redact, file_no, out);
  return out.str();
}

TEST_CASE("WriteHighlightedDraft equals the reference on random drafts") {
  const std::vector<Rule> rules = {MakeRule("a", "personal-data"), MakeRule("b", "tone"), MakeRule("c", "jargon"),
                                   MakeRule("d", "personal-data"), MakeRule("e", "made-up")};
  std::mt19937 random(19);
  for (int round = 0; round < 400; ++round) {
    std::string text = round % 3 == 0 ? std::string(kUtf8Bom) : "";
    const size_t length = random() % 120;
    for (size_t i = 0; i < length; ++i) text += "ab <&\n"[random() % 6];
    std::vector<Finding> findings(random() % 25);
    for (Finding& f : findings) {
      f.rule = &rules[random() % rules.size()];
      f.severity = static_cast<Severity>(random() % 3);
      f.offset = random() % (text.size() + 4);   // a few past the end
      f.length = random() % 5 == 0 ? 0 : random() % 30;
    }
    for (bool redact : {false, true}) {
      CAPTURE(round);
      CAPTURE(redact);
      CHECK(Written(text, findings, redact, round) == Reference(text, findings, redact, round));
    }
  }
}

TEST_CASE("WriteHighlightedDraft on 3,000 findings equals the reference") {
  const std::vector<Rule> rules = {MakeRule("a", "personal-data"), MakeRule("b", "tone"), MakeRule("c", "jargon")};
  std::mt19937 random(7);
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "word <b> & "[random() % 11];
  std::vector<Finding> findings(3000);
  for (Finding& f : findings) {
    f.rule = &rules[random() % rules.size()];
    f.severity = static_cast<Severity>(random() % 3);
    f.offset = random() % text.size();
    f.length = random() % 12;
  }
  std::sort(findings.begin(), findings.end(), [](const Finding& x, const Finding& y) { return x.offset < y.offset; });
  for (bool redact : {false, true}) CHECK(Written(text, findings, redact, 1) == Reference(text, findings, redact, 1));
}

}  // namespace
}  // namespace postcheck
