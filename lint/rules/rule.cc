#include "rules/rule.h"

#include <algorithm>

namespace postcheck {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kSuggestion: return "suggestion";
  }
  return "warning";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "error") return Severity::kError;
  if (name == "warning") return Severity::kWarning;
  if (name == "suggestion") return Severity::kSuggestion;
  return std::nullopt;
}

const std::vector<std::string>& KnownCategories() {
  static const std::vector<std::string> categories = {
      "personal-data", "case-details", "tone",     "discrimination",
      "impartiality",  "jargon",       "spelling", "platform"};
  return categories;
}

bool IsKnownCategory(std::string_view category) {
  const auto& all = KnownCategories();
  return std::find(all.begin(), all.end(), category) != all.end();
}

}  // namespace postcheck
