// See lint_response.h.
#include "lint_response.h"

#include <sstream>

#include "reporting/fix.h"
#include "reporting/formatter.h"
#include "reporting/json_writer.h"
#include "rules/platform.h"

namespace postcheck {

std::string LintResponseJson(const Engine& engine, std::string_view platform, std::string_view text) {
  std::vector<Finding> findings = engine.Lint(text);
  int errors = 0, warnings = 0, suggestions = 0;
  std::ostringstream out;
  out << "{\"findings\":[";
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (i > 0) out << ",";
    WriteFindingJson(out, f);
    switch (f.severity) {
      case Severity::kError: ++errors; break;
      case Severity::kWarning: ++warnings; break;
      case Severity::kSuggestion: ++suggestions; break;
    }
  }
  out << "],\"summary\":{\"error\":" << errors << ",\"warning\":" << warnings << ",\"suggestion\":" << suggestions
      << "},\"fix\":";
  WriteJsonString(out, ApplyFixes(text, findings));
  out << ",\"platform\":";
  if (platform.empty()) {
    out << "null";
  } else {
    out << "{\"name\":";
    WriteJsonString(out, platform);
    out << ",\"lengths\":[";
    bool first = true;
    for (const Rule* rule : engine.rules()) {
      if (!rule->length || rule->platform != platform || !engine.IsEnabled(*rule)) continue;
      Measurement m = Measure(text, rule->length->measure, rule->length->limit);
      out << (first ? "" : ",") << "{\"rule\":";
      WriteJsonString(out, rule->full_id);
      out << ",\"measure\":";
      WriteJsonString(out, LengthMeasureNames()[static_cast<size_t>(rule->length->measure)]);
      out << ",\"count\":" << m.total << ",\"limit\":" << rule->length->limit << "}";
      first = false;
    }
    out << "]}";
  }
  out << "}";
  return out.str();
}

}  // namespace postcheck
