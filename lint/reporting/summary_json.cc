// The JSON pieces the json and jsonl formats share for archive audits: a
// record's number, id and date, and the summary with counts per severity,
// category and rule.
#include "reporting/formatter.h"
#include "reporting/json_writer.h"

namespace postcheck {

void WriteRecordJson(std::ostream& out, const FileReport& report) {
  if (report.record == 0) return;
  out << ",\"record\":" << report.record << ",\"id\":";
  WriteJsonStringOrNull(out, report.id);
  out << ",\"date\":";
  WriteJsonStringOrNull(out, report.date);
}

void WriteSuppressedJson(std::ostream& out, const FileReport& report) {
  if (report.suppressed.empty()) return;
  out << ",\"suppressed\":[";
  for (size_t i = 0; i < report.suppressed.size(); ++i) {
    out << (i ? "," : "") << "{\"reason\":";
    WriteJsonStringOrNull(out, report.suppressed[i].reason);
    out << ",\"finding\":";
    WriteFindingJson(out, report.suppressed[i].finding);
    out << "}";
  }
  out << "]";
}

namespace {

void WriteCounts(std::ostream& out, const std::map<std::string, std::array<int, 3>>& counts) {
  out << "{";
  bool first = true;
  for (const auto& [name, by_severity] : counts) {
    if (!first) out << ",";
    first = false;
    WriteJsonString(out, name);
    out << ":{\"error\":" << by_severity[2] << ",\"warning\":" << by_severity[1]
        << ",\"suggestion\":" << by_severity[0] << "}";
  }
  out << "}";
}

}  // namespace

void WriteSummaryJson(std::ostream& out, const Summary& s) {
  out << "{\"files\":" << s.files;
  if (s.records > 0) out << ",\"posts\":" << s.records;
  out << ",\"error\":" << s.errors << ",\"warning\":" << s.warnings << ",\"suggestion\":" << s.suggestions
      << ",\"baselined\":" << s.baselined << ",\"below_minimum\":" << s.below_minimum << ",\"suppressed\":" << s.suppressed
      << ",\"by_category\":";
  WriteCounts(out, s.by_category);
  out << ",\"by_rule\":";
  WriteCounts(out, s.by_rule);
  if (!s.config_file.empty()) {
    out << ",\"config\":";
    WriteJsonString(out, s.config_file);
  }
  out << "}";
}

}  // namespace postcheck
