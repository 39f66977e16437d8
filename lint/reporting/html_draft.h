// The draft of the HTML report (html_formatter.cc) with every finding's span
// highlighted: the text is cut at each finding's start and end, each piece is
// coloured by the innermost finding covering it (striped with a second
// category where findings of different categories overlap) and followed by
// the numbers of the findings that end there.
//
// Promises: the time is O((n + p) log n + output) for n findings and p
// pieces, never n times p, so a draft with 100,000 findings is written in
// about the time its JSON takes.
#ifndef POSTCHECK_HTML_DRAFT_H_
#define POSTCHECK_HTML_DRAFT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"

namespace postcheck {

// The CSS class suffix for a category: its name when it has a colour in the
// report, else "other". Defined in html_formatter.cc, beside the colours.
std::string HtmlCategoryClass(std::string_view category);

// Writes <div class="draft">...</div> for `text` and its `findings`. With
// `redact`, personal data (the spans of personal-data findings, merged where
// they overlap) is never cut: it is already masked in `text` and stays one
// piece. Finding i (0-based) links to the anchor "f<file_no>-<i+1>".
void WriteHighlightedDraft(std::string_view text, const std::vector<Finding>& findings, bool redact, int file_no,
                           std::ostream& out);

}  // namespace postcheck

#endif  // POSTCHECK_HTML_DRAFT_H_
