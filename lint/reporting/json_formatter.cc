// The machine format: {"version":1,"files":[{"path","findings":[...]}],
// "summary":{...}}, streamed file by file in input order.
#include "reporting/formatter.h"
#include "reporting/json_writer.h"

namespace postcheck {

void WriteFileJson(std::ostream& out, const FileReport& report, std::string_view before_finding) {
  out << "{\"path\":";
  WriteJsonString(out, report.path);
  WriteRecordJson(out, report);
  if (!report.error.empty()) {
    out << ",\"error\":";
    WriteJsonString(out, report.error);
  }
  out << ",\"findings\":[";
  for (size_t i = 0; i < report.findings.size(); ++i) {
    if (i > 0) out << ",";
    out << before_finding;
    WriteFindingJson(out, report.findings[i]);
  }
  out << "]";
  WriteSuppressedJson(out, report);
  out << "}";
}

void WriteFindingJson(std::ostream& out, const Finding& f) {
  const std::string& message = f.message;
  const std::string& suggestion = f.suggestion;
  const std::string& match = f.match;
  out << "{\"rule\":";
  WriteJsonString(out, f.rule->full_id);
  out << ",\"category\":";
  WriteJsonString(out, f.rule->category);
  out << ",\"severity\":";
  WriteJsonString(out, SeverityName(f.severity));
  out << ",\"message\":";
  WriteJsonString(out, message);
  out << ",\"why\":";
  WriteJsonString(out, f.rule->why);
  out << ",\"suggestion\":";
  WriteJsonStringOrNull(out, suggestion);
  out << ",\"line\":" << f.start.line << ",\"column\":" << f.start.column
      << ",\"end_line\":" << f.end.line << ",\"end_column\":" << f.end.column
      << ",\"offset\":" << f.offset << ",\"length\":" << f.length << ",\"match\":";
  WriteJsonString(out, match);
  if (!f.replacement.empty()) {  // what --fix writes: a one-click fix for editors
    out << ",\"replacement\":";
    WriteJsonString(out, f.replacement);
  }
  out << "}";
}

namespace {

class JsonFormatter : public Formatter {
 public:
  explicit JsonFormatter(const FormatOptions& options) : options_(options) {}

  void Begin(std::ostream& out) override { out << "{\"version\":1,\"files\":["; }

  void File(const FileReport& report, std::ostream& out) override {
    if (files_++ > 0) out << ",";
    out << "\n";
    WriteFileJson(out, report, "\n ");
  }

  void End(const Summary& s, std::ostream& out) override {
    out << "\n],\"summary\":";
    WriteSummaryJson(out, s);
    out << "}\n";
  }

 private:
  FormatOptions options_;
  int files_ = 0;
};

}  // namespace

std::unique_ptr<Formatter> MakeJsonFormatter(const FormatOptions& options) {
  return std::make_unique<JsonFormatter>(options);
}

}  // namespace postcheck
