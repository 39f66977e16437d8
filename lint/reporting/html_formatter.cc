// A self-contained HTML report for trainers to project: totals, a legend and
// a table of findings per category, then each draft with every finding's span
// highlighted in its category's colour and the findings listed with severity,
// rule, message, why and a safer wording.
//
// One file, inline CSS only: no scripts, fonts, images or network (a
// Content-Security-Policy forbids them too). Every piece of draft or rule text
// is HTML-escaped. Buffered: the summary at the top needs every file first.
#include <algorithm>
#include <array>
#include <map>
#include <sstream>

#include "reporting/formatter.h"
#include "reporting/html_draft.h"
#include "text/html_escape.h"
#include "rules/template.h"
#include "text/utf8.h"

#ifndef POSTCHECK_VERSION
#define POSTCHECK_VERSION "0"
#endif

namespace postcheck {
namespace {

struct CategoryStyle {
  const char* name;
  const char* background;  // the highlight
  const char* strong;      // underline, badges, list border
};

// A fixed colour per category, light enough that black text on it reads well
// on a projector, and distinct from its neighbours.
constexpr CategoryStyle kCategoryStyles[] = {
    {"personal-data", "#fecaca", "#b91c1c"},
    {"case-details", "#fed7aa", "#c2410c"},
    {"tone", "#fef08a", "#a16207"},
    {"discrimination", "#f5d0fe", "#a21caf"},
    {"impartiality", "#bfdbfe", "#1d4ed8"},
    {"jargon", "#99f6e4", "#0f766e"},
    {"spelling", "#d9f99d", "#4d7c0f"},
    {"platform", "#cbd5e1", "#334155"},
};
constexpr CategoryStyle kOtherStyle = {"other", "#e5e7eb", "#4b5563"};

const CategoryStyle& StyleOf(std::string_view category) {
  for (const CategoryStyle& s : kCategoryStyles) {
    if (category == s.name) return s;
  }
  return kOtherStyle;
}

std::string ClassOf(std::string_view category) { return HtmlCategoryClass(category); }

// "personal-data" -> "Personal data".
std::string Label(std::string_view category) {
  std::string label(category);
  for (char& c : label) {
    if (c == '-') c = ' ';
  }
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}


std::string Plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

constexpr const char* kStyleSheet = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.2em 2em 3em; font: 20px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif; color: #111827; background: #f3f4f6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 68em; margin: 0 auto; }
h1 { font-size: 1.6em; margin: 0; }
h2 { font-size: 1.35em; margin: 0 0 .5em; }
.totals { font-size: 1.15em; margin: 0 0 .8em; color: #374151; }
.totals b { color: #111827; }
.panel { background: #fff; border: 1px solid #d1d5db; border-radius: 10px; padding: 1em 1.3em; margin: 0 0 1.2em; }
.swatch { display: inline-block; width: 1em; height: 1em; vertical-align: -.15em; margin-right: .3em; border-radius: 3px; background: var(--bg); border-bottom: 4px solid var(--fg); }
.legend h2, .legend .key { display: inline; }
.legend h2 { font-size: 1em; margin-right: .6em; }
ul.key { list-style: none; margin: 0; padding: 0; }
ul.key li { display: inline-block; margin: .15em .5em .15em 0; }
.legend .meta { margin-top: .4em; }
.scroll { overflow-x: auto; }
table.summary { border-collapse: collapse; width: 100%; font-size: .85em; }
table.summary th, table.summary td { padding: .2em .5em; border-bottom: 1px solid #e5e7eb; text-align: center; }
table.summary th[scope=row] { text-align: left; white-space: nowrap; }
table.summary thead th { border-bottom: 2px solid #9ca3af; vertical-align: bottom; font-weight: 600; }
table.summary thead th .swatch { display: block; margin: 0 auto .2em; width: 1.4em; height: 1.1em; }
table.summary thead th.none { color: #9ca3af; }
table.summary td.zero { color: #c0c4cc; }
table.summary tfoot th, table.summary tfoot td { font-weight: 700; border-top: 2px solid #9ca3af; border-bottom: 0; }
table.summary tbody td:last-child, table.summary tfoot td:last-child, table.summary thead th:last-child { border-left: 2px solid #e5e7eb; font-weight: 700; }
ol.toc { margin: 0; padding-left: 1.6em; columns: 22em; column-gap: 2.5em; }
ol.toc li { break-inside: avoid; }
ol.toc a { color: #1d4ed8; }
.file h2 { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2em .8em; }
.path { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; word-break: break-all; }
.counts { font-size: .75em; font-weight: 400; color: #4b5563; }
.draft { font-size: 1.3em; line-height: 1.85; white-space: pre-wrap; overflow-wrap: anywhere; background: #fffef8; border: 1px solid #e5e7eb; border-left: 6px solid #9ca3af; border-radius: 6px; padding: .5em .8em; margin: 0 0 .8em; }
mark.hl { color: inherit; background: var(--bg); border-bottom: 3px solid var(--fg); border-radius: 3px; padding: .05em .05em; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.hl.multi { background: repeating-linear-gradient(135deg, var(--bg) 0 .3em, var(--bg2) .3em .6em); border-bottom-style: double; border-bottom-width: 5px; }
sup.ref { font-size: .55em; line-height: 0; vertical-align: .9em; margin: 0 .1em; }
sup.ref a { display: inline-block; min-width: 1.5em; padding: .05em .35em; border-radius: 1em; background: var(--fg); color: #fff; text-align: center; text-decoration: none; font-weight: 700; line-height: 1.4; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { border-left: 8px solid var(--fg); background: #fff; border-radius: 6px; padding: .5em .9em; margin: 0 0 .6em; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
li.finding:target { outline: 3px solid #1d4ed8; }
.fhead { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2em .6em; }
.num { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 1em; background: var(--fg); color: #fff; font-weight: 700; }
.sev { font-size: .8em; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: .05em .5em; border-radius: 4px; color: #fff; }
.sev-error { background: #b91c1c; }
.sev-warning { background: #b45309; }
.sev-suggestion { background: #475569; }
.msg { font-weight: 600; font-size: 1.1em; }
.meta { font-size: .85em; color: #4b5563; margin: .15em 0 0; }
.meta code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; color: #111827; background: #f3f4f6; padding: 0 .3em; border-radius: 3px; }
.meta .quote { color: #111827; }
.why, .try { margin: .3em 0 0; }
.why b, .try b { display: inline-block; min-width: 2.6em; }
.try { color: #065f46; }
.clean { color: #065f46; font-weight: 600; margin: 0; }
.failed { color: #991b1b; background: #fef2f2; border: 1px solid #fecaca; border-radius: 6px; padding: .5em .8em; margin: 0; }
footer { max-width: 68em; margin: 2em auto 0; color: #6b7280; font-size: .8em; }
@media print { body { background: #fff; font-size: 12pt; } .panel, li.finding { break-inside: avoid; box-shadow: none; } }
)css";

class HtmlFormatter : public Formatter {
 public:
  explicit HtmlFormatter(const FormatOptions& options) : options_(options) {}

  void File(const FileReport& report, std::ostream&) override {
    ++file_no_;
    std::string id = "file-" + std::to_string(file_no_);
    std::array<int, 3> counts{};
    for (const Finding& f : report.findings) {
      ++counts[static_cast<int>(f.severity)];
      ++by_category_[f.rule->category][static_cast<int>(f.severity)];
    }
    toc_ << "<li><a href=\"#" << id << "\"><span class=\"path\">" << HtmlEscape(ReportLocation(report))
         << "</span></a> &mdash; " << CountsText(counts, report) << "</li>\n";

    std::ostream& out = body_;
    out << "<section class=\"file panel\" id=\"" << id << "\">\n<h2><span class=\"path\">"
        << HtmlEscape(ReportLocation(report)) << "</span> <span class=\"counts\">" << CountsText(counts, report)
        << "</span></h2>\n";
    if (!report.id.empty() || !report.date.empty()) {  // a record of an export
      out << "<p class=\"meta\">Post" << (report.id.empty() ? "" : " id <code>" + HtmlEscape(report.id) + "</code>")
          << (report.date.empty() ? "" : " of " + HtmlEscape(report.date)) << "</p>\n";
    }
    if (!report.error.empty()) {
      out << "<p class=\"failed\"><b>Not checked:</b> " << HtmlEscape(report.error) << "</p>\n</section>\n";
      return;
    }
    WriteHighlightedDraft(report.text, report.findings, options_.redact, file_no_, out);
    if (report.findings.empty()) {
      out << "<p class=\"clean\">No problems found.</p>\n";
    } else {
      out << "<ol class=\"findings\">\n";
      for (size_t i = 0; i < report.findings.size(); ++i) Item(report.findings[i], i + 1, out);
      out << "</ol>\n";
    }
    out << "</section>\n";
  }

  void End(const Summary& s, std::ostream& out) override {
    out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"postcheck " POSTCHECK_VERSION "\">\n"
           "<title>postcheck report</title>\n<style>"
        << kStyleSheet;
    for (const CategoryStyle& c : kCategoryStyles) CategoryCss(c, out);
    CategoryCss(kOtherStyle, out);
    out << "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>postcheck report</h1>\n"
        << "<p class=\"totals\"><b>" << Plural(s.files, "draft") << "</b> checked: <b>"
        << Plural(s.errors, "error") << "</b>, <b>" << Plural(s.warnings, "warning") << "</b>, <b>"
        << Plural(s.suggestions, "suggestion") << "</b>";
    if (s.failed_inputs > 0) out << "; <b>" << s.failed_inputs << "</b> could not be checked";
    if (options_.redact) out << " (personal data masked)";
    out << ".</p>\n";
    if (!s.config_file.empty()) out << "<p class=\"config\">Config: <span class=\"path\">" << HtmlEscape(s.config_file) << "</span></p>\n";
    out << "</header>\n";

    Legend(out);
    SummaryTable(s, out);
    if (file_no_ > 1) {
      out << "<nav class=\"panel\" aria-label=\"Drafts\">\n<h2>Drafts</h2>\n<ol class=\"toc\">\n";
      Drain(toc_, out);
      out << "</ol>\n</nav>\n";
    }
    if (file_no_ == 0) out << "<p class=\"panel\">No drafts were checked.</p>\n";
    Drain(body_, out);
    out << "</main>\n<footer>Generated by postcheck " POSTCHECK_VERSION
           ". Highlight colours show each finding&#39;s category; numbers link to the findings."
           "</footer>\n</body>\n</html>\n";
  }

 private:
  // Moves what `buffer` holds to `out` without a copy of it all.
  static void Drain(std::stringstream& buffer, std::ostream& out) {
    if (buffer.tellp() > 0) out << buffer.rdbuf();
    buffer.str(std::string());
  }

  static void CategoryCss(const CategoryStyle& c, std::ostream& out) {
    out << ".c-" << c.name << "{--bg:" << c.background << ";--fg:" << c.strong << "}"
        << ".and-" << c.name << "{--bg2:" << c.background << "}\n";
  }

  static std::string CountsText(const std::array<int, 3>& counts, const FileReport& report) {
    if (!report.error.empty()) return "not checked";
    int total = counts[0] + counts[1] + counts[2];
    if (total == 0) return "no problems";
    std::string text;
    const int order[] = {2, 1, 0};
    const char* words[] = {"suggestion", "warning", "error"};
    for (int sev : order) {
      if (counts[sev] == 0) continue;
      if (!text.empty()) text += ", ";
      text += Plural(counts[sev], words[sev]);
    }
    return text;
  }

  // The key to the highlights: each category's colour as it looks in a
  // draft, and what stripes and numbers mean.
  void Legend(std::ostream& out) const {
    out << "<section class=\"panel legend\" aria-label=\"Legend\">\n<h2>Legend</h2>\n<ul class=\"key\">\n";
    for (const CategoryStyle& c : kCategoryStyles) {
      out << "<li><mark class=\"hl c-" << c.name << "\">" << Label(c.name) << "</mark></li>\n";
    }
    out << "</ul>\n<p class=\"meta\"><mark class=\"hl c-tone multi and-jargon\">Stripes</mark> where "
           "findings overlap; <sup class=\"ref c-platform\"><a>1</a></sup> after a highlight: "
           "finding 1 in the list below the draft.</p>\n</section>\n";
  }

  // Findings by category (columns) and severity (rows).
  void SummaryTable(const Summary& s, std::ostream& out) const {
    std::vector<std::string> categories;
    for (const CategoryStyle& c : kCategoryStyles) categories.push_back(c.name);
    for (const auto& [category, counts] : by_category_) {
      if (std::find(categories.begin(), categories.end(), category) == categories.end()) {
        categories.push_back(category);
      }
    }
    std::vector<std::array<int, 3>> counts;
    std::array<int, 3> totals{};
    for (const std::string& category : categories) {
      auto it = by_category_.find(category);
      counts.push_back(it == by_category_.end() ? std::array<int, 3>{} : it->second);
      for (int i = 0; i < 3; ++i) totals[i] += counts.back()[i];
    }
    out << "<section class=\"panel\" aria-label=\"Findings by category\">\n<h2>Findings by category</h2>\n"
           "<div class=\"scroll\"><table class=\"summary\">\n<thead><tr><th scope=\"col\">Severity</th>";
    for (size_t i = 0; i < categories.size(); ++i) {
      int total = counts[i][0] + counts[i][1] + counts[i][2];
      out << "<th scope=\"col\" class=\"c-" << ClassOf(categories[i]) << (total == 0 ? " none" : "")
          << "\"><span class=\"swatch\"></span>" << HtmlEscape(Label(categories[i])) << "</th>";
    }
    out << "<th scope=\"col\">All</th></tr></thead>\n<tbody>\n";
    const char* rows[] = {"Errors", "Warnings", "Suggestions"};
    for (int row = 0; row < 3; ++row) {
      int sev = 2 - row;
      out << "<tr><th scope=\"row\"><span class=\"sev sev-" << SeverityName(static_cast<Severity>(sev)) << "\">"
          << rows[row] << "</span></th>";
      for (size_t i = 0; i < categories.size(); ++i) Cell(counts[i][sev], out);
      Cell(totals[sev], out);
      out << "</tr>\n";
    }
    out << "</tbody>\n<tfoot><tr><th scope=\"row\">Total</th>";
    for (size_t i = 0; i < categories.size(); ++i) Cell(counts[i][0] + counts[i][1] + counts[i][2], out);
    Cell(totals[0] + totals[1] + totals[2], out);
    out << "</tr></tfoot>\n</table></div>\n</section>\n";
  }

  static void Cell(int n, std::ostream& out) {
    out << "<td" << (n == 0 ? " class=\"zero\"" : "") << ">" << n << "</td>";
  }

  std::string Anchor(size_t n) const {
    return std::string("f").append(std::to_string(file_no_)).append("-").append(std::to_string(n));
  }

  void Item(const Finding& f, size_t n, std::ostream& out) const {
    const std::string& message = f.message;
    const std::string& suggestion = f.suggestion;
    std::string severity(SeverityName(f.severity));
    out << "<li class=\"finding c-" << ClassOf(f.rule->category) << "\" id=\"" << Anchor(n) << "\">\n"
        << "<div class=\"fhead\"><span class=\"num\">" << n << "</span><span class=\"sev sev-" << severity
        << "\">" << severity << "</span><span class=\"msg\">" << HtmlEscape(message) << "</span></div>\n"
        << "<p class=\"meta\"><span class=\"swatch\"></span>" << HtmlEscape(Label(f.rule->category))
        << " &middot; <code class=\"rule\">" << HtmlEscape(f.rule->full_id) << "</code> &middot; line "
        << f.start.line << ", column " << f.start.column << " &middot; <span class=\"quote\">&ldquo;"
        << HtmlEscape(f.match) << "&rdquo;</span></p>\n";
    if (!f.rule->why.empty()) out << "<p class=\"why\"><b>Why:</b> " << HtmlEscape(f.rule->why) << "</p>\n";
    if (!suggestion.empty()) out << "<p class=\"try\"><b>Try:</b> " << HtmlEscape(suggestion) << "</p>\n";
    out << "</li>\n";
  }

  FormatOptions options_;
  int file_no_ = 0;
  std::map<std::string, std::array<int, 3>> by_category_;  // counts by severity index
  // Read back once, straight into the output (no copy: with 20 posts of many
  // findings the page can be hundreds of MB).
  std::stringstream toc_;
  std::stringstream body_;
};

}  // namespace

std::string HtmlCategoryClass(std::string_view category) { return StyleOf(category).name; }

std::unique_ptr<Formatter> MakeHtmlFormatter(const FormatOptions& options) {
  return std::make_unique<HtmlFormatter>(options);
}

}  // namespace postcheck
