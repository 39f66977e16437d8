#include "reporting/html_draft.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <set>
#include <utility>

#include "text/html_escape.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

std::string Anchor(int file_no, size_t n) {
  return std::string("f").append(std::to_string(file_no)).append("-").append(std::to_string(n));
}

}  // namespace

void WriteHighlightedDraft(std::string_view text, const std::vector<Finding>& findings, bool redact, int file_no,
                           std::ostream& out) {
  const size_t begin = BomLength(text), size = text.size();
  auto clamp = [&](size_t v) { return std::min(std::max(v, begin), size); };

  // Merged [from, to) runs of personal data, sorted and disjoint.
  std::vector<std::pair<size_t, size_t>> masked;
  if (redact) {
    for (const Finding& f : findings) {
      if (f.rule->category == "personal-data" && f.length > 0) {
        masked.emplace_back(clamp(f.offset), clamp(f.offset + f.length));
      }
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
  // A cut strictly inside a run is dropped. The runs are disjoint and sorted,
  // so only the last run starting before the cut can hold it.
  auto inside_mask = [&](size_t cut) {
    auto after = std::lower_bound(masked.begin(), masked.end(), cut,
                                  [](const std::pair<size_t, size_t>& run, size_t c) { return run.first < c; });
    return after != masked.begin() && cut < std::prev(after)->second;
  };

  std::vector<size_t> cuts = {begin, size};
  cuts.reserve(2 * findings.size() + 2);
  for (const Finding& f : findings) {
    cuts.push_back(clamp(f.offset));
    cuts.push_back(clamp(f.offset + f.length));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  cuts.erase(std::remove_if(cuts.begin(), cuts.end(), inside_mask), cuts.end());

  // The findings that cover a piece [a, b) are those with a span, starting
  // before b and ending after a. The pieces come in order, so findings join
  // the covering set by start and leave it by end, each once.
  std::vector<size_t> by_start, by_end;  // findings with a span; all findings
  for (size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].length > 0) by_start.push_back(i);
    by_end.push_back(i);
  }
  std::sort(by_start.begin(), by_start.end(),
            [&](size_t x, size_t y) { return findings[x].offset != findings[y].offset ? findings[x].offset < findings[y].offset : x < y; });
  auto clamped_end = [&](size_t i) { return clamp(findings[i].offset + findings[i].length); };
  std::sort(by_end.begin(), by_end.end(), [&](size_t x, size_t y) {
    size_t ex = clamped_end(x), ey = clamped_end(y);
    return ex != ey ? ex < ey : x < y;
  });
  // Innermost first: shortest span, then the more severe, then input order.
  auto innermost = [&](size_t x, size_t y) {
    if (findings[x].length != findings[y].length) return findings[x].length < findings[y].length;
    if (findings[x].severity != findings[y].severity) return findings[x].severity > findings[y].severity;
    return x < y;
  };
  std::set<size_t, decltype(innermost)> covering(innermost);
  using EndOf = std::pair<size_t, size_t>;  // (end, finding)
  std::priority_queue<EndOf, std::vector<EndOf>, std::greater<EndOf>> leaving;
  size_t next_start = 0, next_end = 0;
  std::vector<size_t> ending;

  out << "<div class=\"draft\">";
  for (size_t c = 0; c + 1 < cuts.size(); ++c) {
    const size_t a = cuts[c], b = cuts[c + 1];
    for (; next_start < by_start.size() && findings[by_start[next_start]].offset < b; ++next_start) {
      const size_t i = by_start[next_start];
      covering.insert(i);
      leaving.emplace(findings[i].offset + findings[i].length, i);
    }
    while (!leaving.empty() && leaving.top().first <= a) {
      covering.erase(leaving.top().second);
      leaving.pop();
    }
    std::string_view piece = text.substr(a, b - a);  // personal data is already masked (RedactReport)
    if (covering.empty()) {
      out << HtmlEscape(piece);
    } else {
      const Finding& top = findings[*covering.begin()];
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
      out << "<mark class=\"" << classes << "\" title=\"" << HtmlEscape(title) << "\">" << HtmlEscape(piece)
          << "</mark>";
    }
    // Numbers of the findings that end here, in input order.
    ending.clear();
    for (; next_end < by_end.size() && clamped_end(by_end[next_end]) <= b; ++next_end) ending.push_back(by_end[next_end]);
    std::sort(ending.begin(), ending.end());
    for (size_t i : ending) {
      out << "<sup class=\"ref c-" << HtmlCategoryClass(findings[i].rule->category) << "\"><a href=\"#"
          << Anchor(file_no, i + 1) << "\">" << (i + 1) << "</a></sup>";
    }
  }
  out << "</div>\n";
}

}  // namespace postcheck
