// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for code
// scanning dashboards and SARIF viewers: one run whose tool.driver lists every
// reported rule, one result per finding, and inputs that could not be linted
// as tool execution notifications.
//
// Columns are Unicode code points (run.columnKind "unicodeCodePoints"), as in
// every other format; byteOffset/byteLength give the exact bytes. Streamed:
// the header and rules in Begin, results per file, invocations in End.
//
// Each result's contextRegion is the whole line(s) of the finding; when those
// hold more than kMaxContextBytes, a window of kContextBytes either side of
// the finding (with its columns and bytes), so that many findings on one long
// line do not each repeat the line.
#include <algorithm>
#include <map>
#include <sstream>

#include "reporting/formatter.h"
#include "reporting/json_writer.h"
#include "text/line_map.h"
#include "rules/template.h"

#ifndef POSTCHECK_VERSION
#define POSTCHECK_VERSION "0"
#endif
#ifndef POSTCHECK_INFORMATION_URI
#define POSTCHECK_INFORMATION_URI "file:///usr/local/share/doc/postcheck/README.md"
#endif

namespace postcheck {
namespace {

constexpr size_t kMaxContextBytes = 400;  // longer context lines are cut to a window
constexpr size_t kContextBytes = 160;     // of the line either side of the finding, in such a window

const char* Level(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kSuggestion: return "note";
  }
  return "warning";
}

// A path as a URI reference: relative paths stay relative (resolved against
// the directory postcheck ran in), absolute ones become file:// URIs; every
// byte but unreserved characters and '/' is percent-encoded.
std::string PathToUri(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string uri = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xF];
    }
  }
  return uri;
}

// "personal-data.uk-phone" -> "PersonalDataUkPhone": SARIF's friendly rule name.
std::string PascalName(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '.' || c == '_') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

void WriteText(std::ostream& out, std::string_view text) {
  out << "{\"text\":";
  WriteJsonString(out, text);
  out << "}";
}

class SarifFormatter : public Formatter {
 public:
  SarifFormatter(const FormatOptions& options, const std::vector<const Rule*>& rules)
      : options_(options) {
    for (const Rule* r : rules) {
      if (!r->report || index_.count(r)) continue;
      index_[r] = static_cast<int>(rules_.size());
      rules_.push_back(r);
    }
  }

  void Begin(std::ostream& out) override {
    out << "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
           "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"postcheck\",\"fullName\":";
    WriteJsonString(out, std::string("postcheck ") + POSTCHECK_VERSION +
                             ": a linter for UK police officers' and staff's social-media drafts");
    out << ",\"informationUri\":";
    WriteJsonString(out, POSTCHECK_INFORMATION_URI);
    out << ",\"version\":";
    WriteJsonString(out, POSTCHECK_VERSION);
    out << ",\"semanticVersion\":";
    WriteJsonString(out, POSTCHECK_VERSION);
    out << ",\"rules\":[";
    for (size_t i = 0; i < rules_.size(); ++i) {
      if (i > 0) out << ",";
      WriteRule(*rules_[i], out);
    }
    out << "]}},\"automationDetails\":{\"id\":\"postcheck/\"},\"columnKind\":\"unicodeCodePoints\",\"results\":[";
  }

  void File(const FileReport& report, std::ostream& out) override {
    if (!report.error.empty()) {
      failures_.emplace_back(report.path, report.error);
      return;
    }
    LineMap lines(report.text);
    for (const Finding& f : report.findings) {
      if (results_++ > 0) out << ",";
      WriteResult(report, lines, f, out);
    }
    // Findings suppressed in the draft: results with an inSource suppression.
    for (const Suppression& s : report.suppressed) {
      if (results_++ > 0) out << ",";
      WriteResult(report, lines, s.finding, out, &s.reason);
    }
  }

  void End(const Summary& summary, std::ostream& out) override {
    out << "\n],\"invocations\":[{\"executionSuccessful\":"
        << (failures_.empty() ? "true" : "false");
    if (!failures_.empty()) {
      out << ",\"toolExecutionNotifications\":[";
      for (size_t i = 0; i < failures_.size(); ++i) {
        if (i > 0) out << ",";
        out << "\n{\"level\":\"error\",\"message\":";
        WriteText(out, failures_[i].second);
        out << ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":";
        WriteJsonString(out, PathToUri(failures_[i].first));
        out << "}}}]}";
      }
      out << "]";
    }
    if (!summary.config_file.empty()) {
      out << ",\"properties\":{\"configFile\":";
      WriteJsonString(out, summary.config_file);
      out << "}";
    }
    out << "}]}]}\n";
  }

 private:
  void WriteRule(const Rule& r, std::ostream& out) const {
    out << "\n{\"id\":";
    WriteJsonString(out, r.full_id);
    out << ",\"name\":";
    WriteJsonString(out, PascalName(r.full_id));
    out << ",\"shortDescription\":";
    WriteText(out, r.message);
    if (!r.why.empty()) {
      out << ",\"fullDescription\":";
      WriteText(out, r.why);
    }
    std::string help = r.why;
    if (!r.suggest.empty()) help += (help.empty() ? "" : "\n\n") + std::string("Try: ") + r.suggest;
    if (!help.empty()) {
      out << ",\"help\":";
      WriteText(out, help);
    }
    out << ",\"defaultConfiguration\":{\"level\":\"" << Level(r.severity) << "\"}";
    out << ",\"properties\":{\"category\":";
    WriteJsonString(out, r.category);
    out << ",\"tags\":[";
    WriteJsonString(out, r.category);
    out << "]}}";
  }

  // The text of bytes [begin, end) of the draft (already masked when
  // redacting: see RedactReport).
  static std::string Shown(const FileReport& report, size_t begin, size_t end) {
    return std::string(report.text.substr(begin, end - begin));
  }

  void WriteResult(const FileReport& report, const LineMap& lines, const Finding& f, std::ostream& out,
                   const std::string* suppression_reason = nullptr) const {
    const std::string& message = f.message;
    const std::string& suggestion = f.suggestion;
    std::string uri = PathToUri(report.path);
    out << "\n{\"ruleId\":";
    WriteJsonString(out, f.rule->full_id);
    auto it = index_.find(f.rule);
    if (it != index_.end()) out << ",\"ruleIndex\":" << it->second;
    out << ",\"level\":\"" << Level(f.severity) << "\",\"message\":";
    WriteText(out, message);
    out << ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":";
    WriteJsonString(out, uri);
    out << "},\"region\":{\"startLine\":" << f.start.line << ",\"startColumn\":" << f.start.column
        << ",\"endLine\":" << f.end.line << ",\"endColumn\":" << f.end.column
        << ",\"byteOffset\":" << f.offset << ",\"byteLength\":" << f.length << ",\"snippet\":";
    WriteText(out, f.match);
    // The whole lines around the finding, for viewers that show context.
    size_t context_begin = lines.LineStart(f.start.line);
    std::string_view last = lines.LineText(f.end.line);
    size_t context_end = static_cast<size_t>(last.data() - report.text.data()) + last.size();
    if (context_end < f.offset + f.length) context_end = f.offset + f.length;
    if (context_end - context_begin > kMaxContextBytes) {
      const std::string_view text = report.text;
      context_begin = std::max(context_begin, f.offset > kContextBytes ? f.offset - kContextBytes : 0);
      context_end = std::min(context_end, std::max(context_begin, f.offset + f.length) + kContextBytes);
      while (context_begin > 0 && context_begin < text.size() && (static_cast<unsigned char>(text[context_begin]) & 0xC0) == 0x80) --context_begin;
      while (context_end < text.size() && (static_cast<unsigned char>(text[context_end]) & 0xC0) == 0x80) ++context_end;
      const Position from = lines.At(context_begin), to = lines.At(context_end);
      out << "},\"contextRegion\":{\"startLine\":" << from.line << ",\"startColumn\":" << from.column
          << ",\"endLine\":" << to.line << ",\"endColumn\":" << to.column << ",\"byteOffset\":" << context_begin
          << ",\"byteLength\":" << context_end - context_begin << ",\"snippet\":";
    } else {
      out << "},\"contextRegion\":{\"startLine\":" << f.start.line << ",\"endLine\":" << f.end.line
          << ",\"snippet\":";
    }
    WriteText(out, Shown(report, context_begin, context_end));
    out << "}}}]";
    if (!f.replacement.empty()) {
      out << ",\"fixes\":[{\"description\":";
      WriteText(out, suggestion.empty() ? "Replace with '" + f.replacement + "'" : suggestion);
      out << ",\"artifactChanges\":[{\"artifactLocation\":{\"uri\":";
      WriteJsonString(out, uri);
      out << "},\"replacements\":[{\"deletedRegion\":{\"byteOffset\":" << f.offset
          << ",\"byteLength\":" << f.length << "},\"insertedContent\":";
      WriteText(out, f.replacement);
      out << "}]}]}]";
    }
    if (suppression_reason) {
      out << ",\"suppressions\":[{\"kind\":\"inSource\"";
      if (!suppression_reason->empty()) {
        out << ",\"justification\":";
        WriteJsonString(out, *suppression_reason);
      }
      out << "}]";
    }
    out << ",\"properties\":{\"category\":";
    WriteJsonString(out, f.rule->category);
    WriteRecordJson(out, report);  // record, id, date of a record of an export
    if (!suggestion.empty()) {
      out << ",\"suggestion\":";
      WriteJsonString(out, suggestion);
    }
    out << "}}";
  }

  FormatOptions options_;
  std::vector<const Rule*> rules_;  // reported rules, in load order
  std::map<const Rule*, int> index_;
  std::vector<std::pair<std::string, std::string>> failures_;  // path, error
  int results_ = 0;
};

}  // namespace

std::unique_ptr<Formatter> MakeSarifFormatter(const FormatOptions& options,
                                              const std::vector<const Rule*>& rules) {
  return std::make_unique<SarifFormatter>(options, rules);
}

}  // namespace postcheck
