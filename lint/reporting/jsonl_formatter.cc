// JSON Lines: one object per input, one line each, in input order:
// {"path":...,"findings":[...]} with the same finding objects as the json
// format, plus "error" for an input that could not be linted, and record, id
// and date for a record of an export. The last line is the summary:
// {"summary":{...}}, the json format's summary object.
#include "reporting/formatter.h"
#include "reporting/json_writer.h"

namespace postcheck {
namespace {

class JsonlFormatter : public Formatter {
 public:
  explicit JsonlFormatter(const FormatOptions& options) : options_(options) {}

  void File(const FileReport& report, std::ostream& out) override {
    WriteFileJson(out, report, "");
    out << "\n";
  }

  void End(const Summary& summary, std::ostream& out) override {
    out << "{\"summary\":";
    WriteSummaryJson(out, summary);
    out << "}\n";
  }

 private:
  FormatOptions options_;
};

}  // namespace

std::unique_ptr<Formatter> MakeJsonlFormatter(const FormatOptions& options) {
  return std::make_unique<JsonlFormatter>(options);
}

}  // namespace postcheck
