// The one reporting layer: every output format (text, json, ...) is a
// Formatter fed the same FileReports in input order, then a Summary.
#ifndef POSTCHECK_FORMATTER_H_
#define POSTCHECK_FORMATTER_H_

#include <array>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "rules/rule.h"

namespace postcheck {

// A finding a Markdown comment (postcheck-disable-next-line) suppressed.
struct Suppression {
  Finding finding;
  std::string reason;  // may be empty
};

// What linting one input produced.
struct FileReport {
  std::string path;               // as given, or the --stdin-filename name
  std::string_view text;          // the draft (empty when error is set)
  std::vector<Finding> findings;
  std::string error;              // one line when the input could not be linted
  // Set when the post is one record of an export (--input csv|jsonl|x-archive).
  size_t record = 0;              // 1-based record number in the file; 0: the whole file
  std::string id;                 // the record's id ("" when none)
  std::string date;               // the record's date as given ("" when none)
  std::vector<Suppression> suppressed;  // findings suppressed in the source, with reasons
};

// "path" for a whole file, "path#3" for record 3 of an export: where the
// text-like formats say a finding is.
std::string ReportLocation(const FileReport& report);

struct Summary {
  int files = 0;        // inputs linted or refused
  int errors = 0;       // findings by severity
  int warnings = 0;
  int suggestions = 0;
  int failed_inputs = 0;
  int records = 0;      // of the inputs, records of exports (so "posts", not "files")
  int baselined = 0;    // findings hidden by --baseline
  int below_minimum = 0;  // findings hidden by --min-severity
  int suppressed = 0;   // findings suppressed by comments in the drafts
  // Findings shown, per rule id and per category, each by severity index.
  std::map<std::string, std::array<int, 3>> by_rule, by_category;
  std::string config_file;  // the config file used (every format names it); empty: none
};

struct FormatOptions {
  bool color = false;   // ANSI colour (text format only)
  bool redact = false;  // mask matched personal data in every format
};

class Formatter {
 public:
  virtual ~Formatter() = default;
  virtual void Begin(std::ostream& out) {}
  virtual void File(const FileReport& report, std::ostream& out) = 0;
  virtual void End(const Summary& summary, std::ostream& out) {}
};

// The names MakeFormatter accepts.
const std::vector<std::string>& FormatNames();

// A formatter for `format`, or nullptr for an unknown name. `rules` are all
// loaded rules (formats that describe the rule set use them). With
// FormatOptions::redact, every report passes through RedactReport first, so
// no format ever sees the personal data.
std::unique_ptr<Formatter> MakeFormatter(std::string_view format, const FormatOptions& options,
                                         const std::vector<const Rule*>& rules);

// Each format's constructor, in its own file.
std::unique_ptr<Formatter> MakeTextFormatter(const FormatOptions& options);
std::unique_ptr<Formatter> MakeJsonFormatter(const FormatOptions& options);
std::unique_ptr<Formatter> MakeJsonlFormatter(const FormatOptions& options);
std::unique_ptr<Formatter> MakeSarifFormatter(const FormatOptions& options,
                                              const std::vector<const Rule*>& rules);
std::unique_ptr<Formatter> MakeHtmlFormatter(const FormatOptions& options);
std::unique_ptr<Formatter> MakeCompactFormatter(const FormatOptions& options);
// The html format: the trainers' page (MakeHtmlFormatter) for up to 20 posts,
// the audit report for more (audit_html_formatter.cc).
std::unique_ptr<Formatter> MakeAuditHtmlFormatter(const FormatOptions& options);
std::unique_ptr<Formatter> MakeCsvFormatter(const FormatOptions& options);

// One finding as the JSON object the json and jsonl formats report, on one
// line: {"rule","category","severity","message","why","suggestion","line",
// "column","end_line","end_column","offset","length","match"}. Defined in
// json_formatter.cc.
void WriteFindingJson(std::ostream& out, const Finding& finding);

// One input as the JSON object of the json and jsonl formats:
// {"path",["error",]"findings":[...]}, with `before_finding` written before
// each finding. Defined in json_formatter.cc.
void WriteFileJson(std::ostream& out, const FileReport& report, std::string_view before_finding);

// For a record of an export: ,"record":N,"id":...,"date":... (id and date
// null when the record has none); nothing for a whole file. Defined in
// summary_json.cc.
void WriteRecordJson(std::ostream& out, const FileReport& report);

// When findings were suppressed: ,"suppressed":[{"reason":...,"finding":{...}}]
// (reason null when none was given); nothing otherwise. In summary_json.cc.
void WriteSuppressedJson(std::ostream& out, const FileReport& report);

// The summary object of the json format and of the jsonl summary record:
// {"files","error","warning","suggestion","baselined","below_minimum","suppressed",
// "by_category":{name:{"error","warning","suggestion"}},"by_rule":{...}}
// (plus "posts" when records were read). Defined in summary_json.cc.
void WriteSummaryJson(std::ostream& out, const Summary& summary);

// `text` masked: all but the first two and last two letters or digits
// hidden ("07911 123456" -> "07*** ****56"), short texts fully. Each hidden
// character becomes a mask of the same UTF-8 length ('*', '·', '•'), so
// offsets and columns stay right. Masking masked text changes nothing.
std::string Redact(std::string_view text);

// Returns the report's text with flagged personal data masked wherever it
// is written (every place FindPersonalData gives: repeats of it and a flagged
// name's words included), and masks that data in every finding's match,
// message, suggestion and replacement, whatever the finding's category
// ("'Jones, 15,': a named child" quotes a name). The caller keeps the
// returned string alive and points report->text at it. MakeFormatter applies
// it for FormatOptions::redact.
std::string RedactReport(FileReport* report);

}  // namespace postcheck

#endif  // POSTCHECK_FORMATTER_H_
