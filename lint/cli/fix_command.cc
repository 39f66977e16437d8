#include "cli/fix_command.h"

#include "cli/cli.h"
#include "reporting/fix.h"
#include "reporting/formatter.h"
#include "reporting/json_writer.h"
#include "text/terminal_text.h"

namespace postcheck {

int RunFix(const Engine& engine, const std::string& name, const std::string& text, const std::string& format,
           std::optional<Severity> fail_level, bool redact, std::ostream& out, std::ostream& err) {
  if (format != "text" && format != "json") {
    err << "postcheck: --fix writes text or json, not " << format << "\n";
    return kExitError;
  }
  const std::string fixed = ApplyFixes(text, engine.Lint(text));
  FileReport left;
  left.path = name;
  left.text = fixed;
  left.findings = engine.Lint(fixed);
  std::string masked;
  if (redact) {
    masked = RedactReport(&left);
    left.text = masked;
  }
  int unfixed = 0;
  for (const Finding& f : left.findings) {
    if (!fail_level || f.severity < *fail_level) continue;
    ++unfixed;
    err << "postcheck: --fix could not fix " << EscapeControls(name) << ":" << f.start.line << ":"
        << f.start.column << " (in the rewrite): " << SeverityName(f.severity) << " " << f.rule->full_id << " "
        << EscapeControls(f.message) << "\n";
  }
  if (unfixed > 0) {
    err << "postcheck: --fix left " << unfixed << " problem" << (unfixed == 1 ? "" : "s")
        << " that need rewording by hand\n";
  }
  if (format == "json") {
    out << "{\"version\":1,\"path\":";
    WriteJsonString(out, name);
    out << ",\"fixed\":";
    WriteJsonString(out, left.text);
    out << ",\"remaining\":[";
    for (size_t i = 0; i < left.findings.size(); ++i) {
      out << (i ? ",\n " : "\n ");
      WriteFindingJson(out, left.findings[i]);
    }
    out << "]}\n";
  } else {
    out << left.text;  // the rewrite, masked too under --redact-output
  }
  return unfixed > 0 ? kExitFindings : kExitClean;
}

}  // namespace postcheck
