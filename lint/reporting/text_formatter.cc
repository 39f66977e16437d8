// The human format: "path:line:col: severity rule-id message", the source
// line with the span underlined, why it matters and a safer wording, then a
// summary. Colour only when FormatOptions::color is set.
#include <utf8proc.h>

#include <algorithm>

#include "reporting/formatter.h"
#include "text/line_map.h"
#include "rules/template.h"
#include "text/terminal_text.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

constexpr size_t kMaxShownColumns = 200;  // longer lines are shown as a window around the span
constexpr size_t kContextBytes = 60;       // of the line either side of the span in such a window

// Whether `line` has more than `n` code points: counts no further than it
// needs, so a finding on a 1 MB line costs a window, not the line.
bool MoreCodePointsThan(std::string_view line, size_t n) {
  if (line.size() <= n) return false;  // each code point takes a byte at least
  size_t count = 0;
  for (unsigned char c : line) {
    if (!IsUtf8Continuation(c) && ++count > n) return true;
  }
  return false;
}

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError: return "\x1b[1;31m";
    case Severity::kWarning: return "\x1b[1;33m";
    case Severity::kSuggestion: return "\x1b[1;36m";
  }
  return "";
}

class TextFormatter : public Formatter {
 public:
  explicit TextFormatter(const FormatOptions& options) : options_(options) {}

  void File(const FileReport& report, std::ostream& out) override {
    if (!report.error.empty()) return;  // input errors go to stderr, from the CLI
    LineMap lines(report.text);
    for (const Finding& f : report.findings) Print(report, lines, f, out);
  }

  void End(const Summary& s, std::ostream& out) override {
    int total = s.errors + s.warnings + s.suggestions;
    auto plural = [](int n, const char* word) {
      return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    const char* unit = s.records > 0 ? "post" : "file";  // records of exports are posts
    std::string files = s.failed_inputs == 0
                            ? plural(s.files, unit)
                            : std::to_string(s.files - s.failed_inputs) + " of " + plural(s.files, unit);
    std::string refused =
        s.failed_inputs == 0 ? "" : "; " + std::to_string(s.failed_inputs) + " could not be checked";
    if (!s.config_file.empty()) out << "Config: " << EscapeControls(s.config_file) << "\n";
    if (s.files > 0 && s.failed_inputs == s.files) {
      out << "Nothing checked: "
          << (s.files == 1 ? "the file could not" : "none of the " + plural(s.files, "file") + " could")
          << " be read as a draft.\n";
      return;
    }
    if (total == 0) {
      out << Style(s.failed_inputs ? "" : "\x1b[1;32m") << "No problems found" << Reset() << " in " << files
          << refused << ".\n";
      return;
    }
    out << plural(s.errors, "error") << ", " << plural(s.warnings, "warning") << ", "
        << plural(s.suggestions, "suggestion") << " in " << files << refused << ".\n";
  }

 private:
  std::string Style(const char* code) const { return options_.color ? code : ""; }
  std::string Reset() const { return options_.color ? "\x1b[0m" : ""; }

  void Print(const FileReport& report, const LineMap& lines, const Finding& f, std::ostream& out) const {
    // Drafts and file names may hold terminal escapes: shown, never obeyed.
    const std::string message = EscapeControls(f.message);
    out << Style("\x1b[1m") << EscapeControls(ReportLocation(report)) << ":" << f.start.line << ":" << f.start.column << ":"
        << Reset() << " " << Style(SeverityColor(f.severity)) << SeverityName(f.severity) << Reset()
        << " " << Style("\x1b[2m") << f.rule->full_id << Reset() << " " << message << "\n";

    // The line, cut to a window when long, with the span underlined.
    std::string_view line = lines.LineText(f.start.line);
    size_t line_start = lines.LineStart(f.start.line);
    size_t span_begin = f.offset - line_start;
    size_t span_end = f.end.line == f.start.line ? span_begin + f.length : line.size();
    size_t window_begin = 0, window_end = line.size();
    if (MoreCodePointsThan(line, kMaxShownColumns)) {
      window_begin = span_begin > kContextBytes ? span_begin - kContextBytes : 0;
      window_end = std::min(line.size(), std::max(span_end, span_begin + kContextBytes) + kContextBytes);
      while (window_begin > 0 && IsUtf8Continuation(static_cast<unsigned char>(line[window_begin]))) --window_begin;
      while (window_end < line.size() && IsUtf8Continuation(static_cast<unsigned char>(line[window_end]))) ++window_end;
    }
    std::string shown, marks;
    if (window_begin > 0) {
      shown += "...";
      marks += "   ";
    }
    for (size_t i = window_begin; i < window_end;) {
      // One user-perceived character at a time, so that an emoji sequence
      // (👮‍♀️) takes the cells a terminal gives it.
      size_t next = std::min(GraphemeEnd(line, i), window_end);
      std::string_view grapheme = line.substr(i, next - i);
      bool inside = i < span_end && next > span_begin;
      if (grapheme == "\t") {
        shown += grapheme;
        marks += inside ? "^" : "\t";
      } else {
        shown += EscapeControls(grapheme);
        marks.append(static_cast<size_t>(GraphemeWidth(grapheme)), inside ? '^' : ' ');
      }
      i = next;
    }
    if (window_end < line.size()) shown += "...";
    while (!marks.empty() && marks.back() == ' ') marks.pop_back();
    std::string number = std::to_string(f.start.line);
    std::string pad(number.size(), ' ');
    out << " " << number << " | " << shown << "\n";
    out << " " << pad << " | " << Style(SeverityColor(f.severity)) << marks << Reset() << "\n";
    if (!report.id.empty() || !report.date.empty()) {  // a record of an export
      out << " " << pad << " = post:" << (report.id.empty() ? "" : " id " + report.id)
          << (report.date.empty() ? "" : " of " + report.date) << "\n";
    }
    if (!f.rule->why.empty()) out << " " << pad << " = " << Style("\x1b[1m") << "why:" << Reset() << " " << f.rule->why << "\n";
    if (!f.suggestion.empty()) {
      out << " " << pad << " = " << Style("\x1b[1;32m") << "try:" << Reset() << " " << EscapeControls(f.suggestion) << "\n";
    }
    out << "\n";
  }

  FormatOptions options_;
};

}  // namespace

std::unique_ptr<Formatter> MakeTextFormatter(const FormatOptions& options) {
  return std::make_unique<TextFormatter>(options);
}

}  // namespace postcheck
