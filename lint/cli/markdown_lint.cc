#include "cli/markdown_lint.h"

#include <algorithm>

#include "text/line_map.h"
#include "text/markdown_view.h"

namespace postcheck {

void LintMarkdown(const Engine& engine, std::string_view text, FileReport* report) {
  MarkdownView view = ViewMarkdown(text);
  std::vector<Finding> findings = engine.Lint(view.linted);
  auto is_length = [](const Finding& f) { return f.rule->length.has_value(); };
  LineMap lines(text);
  auto place = [&](Finding* f, size_t begin, size_t end) {
    f->offset = begin;
    f->length = end - begin;
    f->start = lines.At(begin);
    f->end = lines.At(end);
    f->match = std::string(text.substr(begin, end - begin));
  };
  // The blanked text has the file's bytes but not its columns (a hidden
  // multibyte character became several spaces): place every finding anew.
  for (Finding& f : findings) place(&f, f.offset, f.offset + f.length);
  if (std::any_of(findings.begin(), findings.end(), is_length)) {
    // Over a platform's limit with the hidden parts as spaces: measure what
    // the platform would count instead.
    findings.erase(std::remove_if(findings.begin(), findings.end(), is_length), findings.end());
    for (Finding& f : engine.Lint(view.counted)) {
      if (!is_length(f)) continue;
      place(&f, view.FileOffset(f.offset), view.FileOffset(f.offset + f.length));
      findings.push_back(std::move(f));
    }
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
      return a.offset != b.offset ? a.offset < b.offset : a.rule->full_id < b.rule->full_id;
    });
  }
  for (const MarkdownDisable& d : view.disables) {
    auto it = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) {
      return f.start.line == d.line && f.rule->full_id == d.rule;
    });
    if (it == findings.end()) continue;
    report->suppressed.push_back({std::move(*it), d.reason});
    findings.erase(it);
  }
  report->findings = std::move(findings);
}

}  // namespace postcheck
