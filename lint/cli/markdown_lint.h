// Lints a Markdown draft through its MarkdownView (markdown_view.h): the
// hidden parts are not linted, length rules measure only what a platform
// would count, every position points into the file as written, and each
// postcheck-disable-next-line comment moves one finding into
// report->suppressed with its reason.
#ifndef POSTCHECK_MARKDOWN_LINT_H_
#define POSTCHECK_MARKDOWN_LINT_H_

#include <string_view>

#include "engine/engine.h"
#include "reporting/formatter.h"

namespace postcheck {

// Sets report->findings and report->suppressed for the Markdown file `text`
// (report->text must be `text`).
void LintMarkdown(const Engine& engine, std::string_view text, FileReport* report);

}  // namespace postcheck

#endif  // POSTCHECK_MARKDOWN_LINT_H_
