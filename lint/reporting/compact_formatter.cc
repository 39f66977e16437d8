// The compact format, for editors and CI logs that read one line per
// finding: "path:line:col: severity rule-id message" (path#N for record N
// of an export). No source lines, no summary; input errors go to stderr.
#include "reporting/formatter.h"

namespace postcheck {
namespace {

// Line breaks in a message would split its line.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

class CompactFormatter : public Formatter {
 public:
  void File(const FileReport& report, std::ostream& out) override {
    if (!report.error.empty()) return;
    const std::string location = ReportLocation(report);
    for (const Finding& f : report.findings) {
      out << location << ":" << f.start.line << ":" << f.start.column << ": " << SeverityName(f.severity) << " "
          << f.rule->full_id << " " << OneLine(f.message) << "\n";
    }
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeCompactFormatter(const FormatOptions&) {
  return std::make_unique<CompactFormatter>();
}

}  // namespace postcheck
