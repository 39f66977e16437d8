#include "formatter.h"

#include <cctype>

#include "utf8.h"

namespace postcheck {

const std::vector<std::string>& FormatNames() {
  static const std::vector<std::string> names = {"text", "json", "jsonl", "sarif", "html"};
  return names;
}

std::unique_ptr<Formatter> MakeFormatter(std::string_view format, const FormatOptions& options,
                                         const std::vector<const Rule*>& rules) {
  if (format == "text") return MakeTextFormatter(options);
  if (format == "json") return MakeJsonFormatter(options);
  if (format == "jsonl") return MakeJsonlFormatter(options);
  if (format == "sarif") return MakeSarifFormatter(options, rules);
  if (format == "html") return MakeHtmlFormatter(options);
  return nullptr;
}

std::string Redact(std::string_view text) {
  // Count the characters worth hiding (letters and digits, as code points).
  size_t total = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    if (cp >= 0x80 || std::isalnum(static_cast<int>(cp))) ++total;
    i += static_cast<size_t>(n);
  }
  const size_t keep = total >= 8 ? 2 : 0;
  std::string out;
  size_t seen = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    bool hideable = cp >= 0x80 || std::isalnum(static_cast<int>(cp));
    if (hideable) {
      ++seen;
      if (seen > keep && seen + keep <= total) {
        out += "\xE2\x80\xA2";  // •
      } else {
        out.append(text.substr(i, static_cast<size_t>(n)));
      }
    } else {
      out.append(text.substr(i, static_cast<size_t>(n)));
    }
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string DisplayedMatch(const Finding& finding, const FormatOptions& options) {
  if (options.redact && finding.rule->category == "personal-data") return Redact(finding.match);
  return finding.match;
}

}  // namespace postcheck
