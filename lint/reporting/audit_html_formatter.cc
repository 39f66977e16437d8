// The HTML audit report, for a comms team reviewing many posts (an account's
// archive, a CSV export): `--format html` switches to it once a run has more
// than kTrainerPageLimit posts; up to that, the trainers' page
// (html_formatter.cc) is written as before.
//
// The page: totals; counts by category and severity; findings per month as
// an inline SVG bar chart (stacked by severity, from the posts' dates); the
// rules that fire most; then the riskiest posts (most errors, then warnings,
// then suggestions), each with its record, id, date, text and findings; then
// the inputs that could not be read. Self-contained and printable: inline
// CSS and SVG only, no scripts, fonts or network (a Content-Security-Policy
// forbids them). Memory is bounded: only counts and the riskiest posts are
// kept, whatever the number of posts.
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <sstream>

#include "reporting/formatter.h"
#include "text/html_escape.h"

#ifndef POSTCHECK_VERSION
#define POSTCHECK_VERSION "0"
#endif

namespace postcheck {
namespace {

constexpr int kTrainerPageLimit = 20;  // more posts than this: the audit report
constexpr size_t kRiskiestPosts = 25;
constexpr size_t kTopRules = 10;
constexpr size_t kShownFailures = 50;
constexpr size_t kShownTextBytes = 600;
constexpr size_t kMaxMonths = 240;


// At most `max` bytes of `text`, cut at a character boundary, with "…" when cut.
std::string Cut(std::string_view text, size_t max) {
  if (text.size() <= max) return std::string(text);
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "\xE2\x80\xA6";
}

std::string Plural(int n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// "2018-10-10T20:19:24Z" -> "2018-10"; "" when the date does not start YYYY-MM.
std::string MonthOf(std::string_view date) {
  if (date.size() < 7 || date[4] != '-') return "";
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (date[i] < '0' || date[i] > '9') return "";
  }
  if (date.substr(5, 2) < "01" || date.substr(5, 2) > "12") return "";
  return std::string(date.substr(0, 7));
}

// "2018-10" <-> months since year 0, for walking from one month to another.
int MonthIndex(const std::string& month) {
  return std::stoi(month.substr(0, 4)) * 12 + std::stoi(month.substr(5, 2)) - 1;
}

std::string MonthName(int index) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", index / 12, index % 12 + 1);
  return buffer;
}

const char* kSeverityColour[3] = {"#475569", "#b45309", "#b91c1c"};  // suggestion, warning, error

struct RiskyPost {
  std::array<int, 3> counts{};  // by severity index
  size_t order = 0;             // input order, for ties
  std::string location, id, date, text;
  struct Item {
    Severity severity;
    std::string rule, message, match;
    int line, column;
  };
  std::vector<Item> items;
  bool operator<(const RiskyPost& o) const {  // riskier first
    for (int s = 2; s >= 0; --s) {
      if (counts[s] != o.counts[s]) return counts[s] > o.counts[s];
    }
    return order < o.order;
  }
};

constexpr const char* kStyle = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.2em 2em 3em; font: 16px/1.5 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: #111827; background: #f3f4f6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 72em; margin: 0 auto; }
h1 { font-size: 1.7em; margin: 0 0 .2em; }
h2 { font-size: 1.25em; margin: 0 0 .6em; }
.totals { font-size: 1.1em; color: #374151; margin: 0 0 1em; }
.panel { background: #fff; border: 1px solid #d1d5db; border-radius: 10px; padding: 1em 1.3em; margin: 0 0 1.2em; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(30em, 1fr)); gap: 0 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { padding: .25em .5em; border-bottom: 1px solid #e5e7eb; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 2px solid #9ca3af; }
td.zero { color: #c0c4cc; }
tfoot td, tfoot th { font-weight: 700; border-top: 2px solid #9ca3af; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .92em; }
.sev { display: inline-block; font-size: .78em; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 0 .45em; border-radius: 4px; color: #fff; }
.sev-error { background: #b91c1c; } .sev-warning { background: #b45309; } .sev-suggestion { background: #475569; }
.chart svg { width: 100%; height: auto; display: block; }
.chart .key span { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em; margin: 0 .3em 0 .8em; }
.note { color: #4b5563; font-size: .9em; margin: .4em 0 0; }
ol.posts { list-style: none; margin: 0; padding: 0; }
li.post { border: 1px solid #e5e7eb; border-left: 6px solid #9ca3af; border-radius: 6px; padding: .6em .9em; margin: 0 0 .8em; }
li.post.worst-error { border-left-color: #b91c1c; } li.post.worst-warning { border-left-color: #b45309; }
.post h3 { font-size: 1em; margin: 0 0 .3em; display: flex; flex-wrap: wrap; gap: .2em .8em; align-items: baseline; }
.post .where { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; word-break: break-all; }
.post .when, .post .counts { color: #4b5563; font-weight: 400; font-size: .92em; }
.post blockquote { margin: 0 0 .4em; padding: .4em .7em; background: #fffef8; border: 1px solid #eee; white-space: pre-wrap; overflow-wrap: anywhere; }
.post ul { margin: 0; padding-left: 1.2em; font-size: .93em; }
.failed li { color: #991b1b; }
footer { max-width: 72em; margin: 2em auto 0; color: #6b7280; font-size: .8em; }
@media print { body { background: #fff; font-size: 10.5pt; padding: 0; } .panel, li.post { break-inside: avoid; } .grid { display: block; } }
)css";

class AuditHtmlFormatter : public Formatter {
 public:
  explicit AuditHtmlFormatter(const FormatOptions& options) : trainer_(MakeHtmlFormatter(options)), options_(options) {}

  void Begin(std::ostream& out) override {}

  void File(const FileReport& report, std::ostream& out) override {
    ++posts_;
    // Up to the limit the trainers' page is kept too (it renders as it goes).
    if (trainer_ && posts_ <= kTrainerPageLimit) trainer_->File(report, out);
    if (!report.error.empty()) {
      if (failures_.size() < kShownFailures) failures_.push_back(report.error);
      return;
    }
    // The chart spans the posts' dates, months without findings included.
    std::string post_month = MonthOf(report.date);
    if (!post_month.empty()) {
      if (first_month_.empty() || post_month < first_month_) first_month_ = post_month;
      if (post_month > last_month_) last_month_ = post_month;
    }
    RiskyPost post;
    post.order = static_cast<size_t>(posts_);
    for (const Finding& f : report.findings) {
      int sev = static_cast<int>(f.severity);
      ++post.counts[sev];
      ++by_category_[f.rule->category][sev];
      ++by_rule_[f.rule->full_id][sev];
      if (post_month.empty()) {
        ++undated_[sev];
      } else {
        ++by_month_[post_month][sev];
      }
    }
    if (report.findings.empty()) return;
    ++posts_with_findings_;
    // Keep the riskiest kRiskiestPosts: only then copy the post.
    if (riskiest_.size() == kRiskiestPosts && !(post < riskiest_.back())) return;
    post.location = ReportLocation(report);
    post.id = report.id;
    post.date = report.date;
    post.text = Cut(report.text, kShownTextBytes);
    for (const Finding& f : report.findings) {
      post.items.push_back({f.severity, f.rule->full_id, f.message, f.match, f.start.line, f.start.column});
    }
    riskiest_.insert(std::upper_bound(riskiest_.begin(), riskiest_.end(), post), std::move(post));
    if (riskiest_.size() > kRiskiestPosts) riskiest_.pop_back();
  }

  void End(const Summary& s, std::ostream& out) override {
    if (posts_ <= kTrainerPageLimit) return trainer_->End(s, out);
    trainer_.reset();
    out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"postcheck " POSTCHECK_VERSION "\">\n"
           "<title>postcheck audit</title>\n<style>"
        << kStyle << "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>postcheck audit</h1>\n<p class=\"totals\"><b>"
        << Plural(posts_, "post") << "</b> checked, <b>" << posts_with_findings_ << "</b> with findings: <b>"
        << Plural(s.errors, "error") << "</b>, <b>" << Plural(s.warnings, "warning") << "</b>, <b>"
        << Plural(s.suggestions, "suggestion") << "</b>";
    if (s.failed_inputs > 0) out << "; <b>" << s.failed_inputs << "</b> could not be checked";
    if (s.baselined > 0) out << "; " << s.baselined << " reviewed before (baseline)";
    if (options_.redact) out << " (personal data masked)";
    out << ".</p>\n</header>\n<div class=\"grid\">\n";
    Categories(out);
    TopRules(out);
    out << "</div>\n";
    Chart(out);
    Riskiest(out);
    Failures(out);
    out << "</main>\n<footer>Generated by postcheck " POSTCHECK_VERSION
           ". Counts are of findings shown (after any baseline and --min-severity).</footer>\n</body>\n</html>\n";
  }

 private:
  static void Cell(int n, std::ostream& out) { out << "<td" << (n == 0 ? " class=\"zero\"" : "") << ">" << n << "</td>"; }

  static void CountsRow(const std::array<int, 3>& c, std::ostream& out) {
    Cell(c[2], out);
    Cell(c[1], out);
    Cell(c[0], out);
    Cell(c[0] + c[1] + c[2], out);
  }

  static const char* kHead;

  void Categories(std::ostream& out) const {
    out << "<section class=\"panel\" aria-label=\"Findings by category\">\n<h2>Findings by category</h2>\n<table>"
        << kHead << "<tbody>\n";
    std::array<int, 3> total{};
    for (const auto& [category, c] : by_category_) {
      out << "<tr><td>" << HtmlEscape(category) << "</td>";
      CountsRow(c, out);
      out << "</tr>\n";
      for (int i = 0; i < 3; ++i) total[i] += c[i];
    }
    out << "</tbody><tfoot><tr><th>All</th>";
    CountsRow(total, out);
    out << "</tr></tfoot></table>\n</section>\n";
  }

  void TopRules(std::ostream& out) const {
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [rule, c] : by_rule_) ranked.emplace_back(-(c[0] + c[1] + c[2]), rule);
    std::sort(ranked.begin(), ranked.end());
    out << "<section class=\"panel\" aria-label=\"Rules that fire most\">\n<h2>Rules that fire most</h2>\n";
    if (ranked.empty()) {
      out << "<p>No findings.</p>\n</section>\n";
      return;
    }
    out << "<table>" << kHead << "<tbody>\n";
    for (size_t i = 0; i < ranked.size() && i < kTopRules; ++i) {
      const std::string& rule = ranked[i].second;
      out << "<tr><td><code>" << HtmlEscape(rule) << "</code></td>";
      CountsRow(by_rule_.at(rule), out);
      out << "</tr>\n";
    }
    out << "</tbody></table>\n";
    if (ranked.size() > kTopRules) out << "<p class=\"note\">" << ranked.size() - kTopRules << " more rules fired.</p>\n";
    out << "</section>\n";
  }

  // Findings per month, stacked by severity, every month from the first
  // post's to the last post's (the latest kMaxMonths when longer).
  void Chart(std::ostream& out) const {
    out << "<section class=\"panel chart\" aria-label=\"Findings per month\">\n<h2>Findings per month</h2>\n";
    int undated = undated_[0] + undated_[1] + undated_[2];
    if (first_month_.empty()) {
      out << "<p class=\"note\">No post has a date (YYYY-MM-...), so there is no chart.</p>\n</section>\n";
      return;
    }
    std::vector<std::string> months;
    const int last = MonthIndex(last_month_);
    const int first = std::max(MonthIndex(first_month_), last - static_cast<int>(kMaxMonths) + 1);
    for (int m = first; m <= last; ++m) months.push_back(MonthName(m));
    int peak = 1;
    for (const std::string& m : months) {
      auto it = by_month_.find(m);
      if (it != by_month_.end()) peak = std::max(peak, it->second[0] + it->second[1] + it->second[2]);
    }
    const int left = 44, top = 12, height = 200, bottom = 44;
    const int slot = std::max(8, std::min(48, 900 / static_cast<int>(months.size())));
    const int width = left + slot * static_cast<int>(months.size()) + 12;
    out << "<svg viewBox=\"0 0 " << width << " " << top + height + bottom << "\" role=\"img\" aria-label=\"Findings per month, "
        << HtmlEscape(months.front()) << " to " << HtmlEscape(months.back()) << "\" xmlns=\"http://www.w3.org/2000/svg\">\n";
    // Axis and gridlines at 0, half and the peak.
    for (int tick : {0, peak / 2, peak}) {
      if (tick == peak / 2 && (tick == 0 || tick == peak)) continue;
      int y = top + height - tick * height / peak;
      out << "<line x1=\"" << left << "\" y1=\"" << y << "\" x2=\"" << width - 8 << "\" y2=\"" << y
          << "\" stroke=\"#e5e7eb\"/><text x=\"" << left - 6 << "\" y=\"" << y + 4
          << "\" font-size=\"11\" text-anchor=\"end\" fill=\"#4b5563\">" << tick << "</text>\n";
    }
    const size_t label_every = months.size() > 24 ? (months.size() + 23) / 24 : 1;
    for (size_t i = 0; i < months.size(); ++i) {
      int x = left + static_cast<int>(i) * slot + 1;
      auto it = by_month_.find(months[i]);
      std::array<int, 3> c = it == by_month_.end() ? std::array<int, 3>{} : it->second;
      int y = top + height;
      for (int sev = 2; sev >= 0; --sev) {  // errors at the bottom
        if (c[sev] == 0) continue;
        int h = std::max(1, c[sev] * height / peak);
        y -= h;
        out << "<rect x=\"" << x << "\" y=\"" << y << "\" width=\"" << slot - 2 << "\" height=\"" << h
            << "\" fill=\"" << kSeverityColour[sev] << "\"><title>" << months[i] << ": " << c[sev] << " "
            << SeverityName(static_cast<Severity>(sev)) << (c[sev] == 1 ? "" : "s") << "</title></rect>\n";
      }
      if (i % label_every == 0) {
        out << "<text x=\"" << x + slot / 2 << "\" y=\"" << top + height + 14 << "\" font-size=\"10\" fill=\"#374151\" "
            << "text-anchor=\"end\" transform=\"rotate(-45 " << x + slot / 2 << " " << top + height + 14 << ")\">"
            << months[i] << "</text>\n";
      }
    }
    out << "<line x1=\"" << left << "\" y1=\"" << top + height << "\" x2=\"" << width - 8 << "\" y2=\"" << top + height
        << "\" stroke=\"#6b7280\"/>\n</svg>\n<p class=\"key note\"><span style=\"background:#b91c1c\"></span>errors"
           "<span style=\"background:#b45309\"></span>warnings<span style=\"background:#475569\"></span>suggestions</p>\n";
    int earlier = 0;
    for (auto it = by_month_.begin(); it != by_month_.end() && it->first < months.front(); ++it) {
      earlier += it->second[0] + it->second[1] + it->second[2];
    }
    if (earlier > 0) {
      out << "<p class=\"note\">" << Plural(earlier, "finding") << " before " << months.front()
          << " are not in the chart (it shows " << kMaxMonths / 12 << " years at most).</p>\n";
    }
    if (undated > 0) out << "<p class=\"note\">" << Plural(undated, "finding") << " in posts without a date are not in the chart.</p>\n";
    out << "</section>\n";
  }

  void Riskiest(std::ostream& out) const {
    out << "<section class=\"panel\" aria-label=\"Riskiest posts\">\n<h2>Riskiest posts</h2>\n";
    if (riskiest_.empty()) {
      out << "<p>No post has a finding.</p>\n</section>\n";
      return;
    }
    out << "<p class=\"note\">The " << riskiest_.size() << " posts with the most errors, then warnings, then "
        << "suggestions, of " << posts_with_findings_ << " with findings.</p>\n<ol class=\"posts\">\n";
    for (const RiskyPost& p : riskiest_) {
      const char* worst = p.counts[2] ? "error" : p.counts[1] ? "warning" : "suggestion";
      out << "<li class=\"post worst-" << worst << "\">\n<h3><span class=\"where\">" << HtmlEscape(p.location) << "</span>";
      if (!p.id.empty()) out << "<span class=\"when\">id " << HtmlEscape(p.id) << "</span>";
      if (!p.date.empty()) out << "<span class=\"when\">" << HtmlEscape(p.date) << "</span>";
      std::string counts;
      const char* words[] = {"suggestion", "warning", "error"};
      for (int s = 2; s >= 0; --s) {
        if (p.counts[s]) counts += (counts.empty() ? "" : ", ") + Plural(p.counts[s], words[s]);
      }
      out << "<span class=\"counts\">" << counts << "</span></h3>\n<blockquote>" << HtmlEscape(p.text)
          << "</blockquote>\n<ul>\n";
      for (const RiskyPost::Item& item : p.items) {
        std::string sev(SeverityName(item.severity));
        out << "<li><span class=\"sev sev-" << sev << "\">" << sev << "</span> " << HtmlEscape(item.message)
            << " <code>" << HtmlEscape(item.rule) << "</code> (line " << item.line << ", column " << item.column
            << ")</li>\n";
      }
      out << "</ul>\n</li>\n";
    }
    out << "</ol>\n</section>\n";
  }

  void Failures(std::ostream& out) const {
    if (failures_.empty()) return;
    out << "<section class=\"panel failed\" aria-label=\"Not checked\">\n<h2>Not checked</h2>\n<ul>\n";
    for (const std::string& f : failures_) out << "<li>" << HtmlEscape(f) << "</li>\n";
    out << "</ul>\n</section>\n";
  }

  std::unique_ptr<Formatter> trainer_;
  FormatOptions options_;
  int posts_ = 0, posts_with_findings_ = 0;
  std::map<std::string, std::array<int, 3>> by_category_, by_rule_, by_month_;
  std::array<int, 3> undated_{};
  std::string first_month_, last_month_;  // of the dated posts: the chart's span
  std::vector<RiskyPost> riskiest_;  // sorted, riskiest first
  std::vector<std::string> failures_;
};

const char* AuditHtmlFormatter::kHead =
    "<thead><tr><th></th><th>Errors</th><th>Warnings</th><th>Suggestions</th><th>All</th></tr></thead>";

}  // namespace

std::unique_ptr<Formatter> MakeAuditHtmlFormatter(const FormatOptions& options) {
  return std::make_unique<AuditHtmlFormatter>(options);
}

}  // namespace postcheck
