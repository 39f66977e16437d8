// Text as the text format shows it on a terminal: control characters
// escaped so that a draft or a file name cannot move the cursor, retitle the
// window or fake output (ESC, BEL, CR, newlines in names), and the width in
// cells of each user-perceived character (grapheme cluster), so that the
// caret line stays under the span after emoji sequences such as 👮‍♀️.
#ifndef POSTCHECK_TERMINAL_TEXT_H_
#define POSTCHECK_TERMINAL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace postcheck {

// Valid UTF-8 `text` with each C0 control character other than tab, DEL and
// each C1 control character written as a visible escape: "\x1b", "\x7f",
// "\u0085"; "\n" and "\r" as such. Everything else is kept.
std::string EscapeControls(std::string_view text);

// The end (byte offset) of the grapheme cluster that starts at byte `i` of
// valid UTF-8 `text`, by Unicode's extended grapheme rules (utf8proc).
size_t GraphemeEnd(std::string_view text, size_t i);

// Cells a terminal gives one grapheme cluster: the width of its first code
// point of non-zero width (wide CJK and emoji: 2), 2 for a sequence shown as
// emoji (with U+FE0F or a zero-width joiner after a wide base), 0 for
// nothing visible. Control characters count as their EscapeControls form.
int GraphemeWidth(std::string_view grapheme);

}  // namespace postcheck

#endif  // POSTCHECK_TERMINAL_TEXT_H_
