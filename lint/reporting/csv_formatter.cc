// The csv format, for spreadsheets: a header row, then one row per finding:
// path,record,id,date,line,column,rule,category,severity,match,message.
// Fields are quoted by libcsv (csv_write: RFC 4180 quoting). A field from the
// draft or the record that starts with = + - @ or a tab is prefixed with an
// apostrophe, so that a spreadsheet shows it as text instead of running it
// as a formula. Inputs that could not be read are not rows (they go to
// stderr and set the exit code).
#include <csv.h>

#include "reporting/formatter.h"

namespace postcheck {
namespace {

void Field(std::ostream& out, std::string_view value, bool first = false) {
  // A leading quote keeps a spreadsheet from running the field as a formula
  // (built by appending: GCC 12 warns falsely about insert(0, ...)).
  const bool formula = !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                                          value[0] == '@' || value[0] == '\t' || value[0] == '\r');
  std::string text(formula ? "'" : "");
  text.append(value);
  std::string quoted(text.size() * 2 + 2, '\0');
  size_t n = csv_write(quoted.data(), quoted.size(), text.data(), text.size());
  quoted.resize(n);
  if (!first) out << ',';
  out << quoted;
}

class CsvFormatter : public Formatter {
 public:
  void Begin(std::ostream& out) override {
    out << "path,record,id,date,line,column,rule,category,severity,match,message\r\n";
  }

  void File(const FileReport& report, std::ostream& out) override {
    if (!report.error.empty()) return;
    for (const Finding& f : report.findings) {
      Field(out, report.path, true);
      Field(out, report.record ? std::to_string(report.record) : "");
      Field(out, report.id);
      Field(out, report.date);
      Field(out, std::to_string(f.start.line));
      Field(out, std::to_string(f.start.column));
      Field(out, f.rule->full_id);
      Field(out, f.rule->category);
      Field(out, SeverityName(f.severity));
      Field(out, f.match);
      Field(out, f.message);
      out << "\r\n";
    }
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeCsvFormatter(const FormatOptions&) { return std::make_unique<CsvFormatter>(); }

}  // namespace postcheck
