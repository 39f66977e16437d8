#include "engine/rule_tests.h"

namespace postcheck {

std::string ExampleFailure::ToString() const {
  std::string out = example->mark.file + ":" + std::to_string(example->mark.line) + ":" +
                    std::to_string(example->mark.column) + ": rule '" + rule->full_id + "': ";
  out += is_flag ? "flag example not flagged" : "pass example flagged";
  out += ": \"" + example->text + "\"";
  if (!detail.empty()) out += " (" + detail + ")";
  return out;
}

ExampleResults RunRuleExamples(const Engine& engine) {
  ExampleResults results;
  const auto& rules = engine.rules();
  for (size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = *rules[r];
    // Platform rules are tested whatever --platform says.
    if (rule.report && !engine.IsEnabled(rule) && rule.platform.empty()) continue;
    ++results.rules;
    auto spans_of = [&](const std::string& text) { return engine.MatchAll(text)[r]; };
    for (const Example& ex : rule.flag) {
      ++results.examples;
      auto spans = spans_of(ex.text);
      if (spans.empty()) {
        results.failures.push_back({&rule, &ex, true, ""});
        continue;
      }
      if (!ex.match.empty()) {
        bool found = false;
        std::string seen;
        for (const RuleSpan& s : spans) {
          std::string m = ex.text.substr(s.begin, s.end - s.begin);
          found |= m == ex.match;
          seen += (seen.empty() ? "matched \"" : "\", \"") + m;
        }
        if (!found) results.failures.push_back({&rule, &ex, true, seen + "\", expected \"" + ex.match + "\""});
      }
    }
    for (const Example& ex : rule.pass) {
      ++results.examples;
      auto spans = spans_of(ex.text);
      if (!spans.empty()) {
        const RuleSpan& s = spans[0];
        results.failures.push_back({&rule, &ex, false, "matched \"" + ex.text.substr(s.begin, s.end - s.begin) + "\""});
      }
    }
  }
  return results;
}

}  // namespace postcheck
