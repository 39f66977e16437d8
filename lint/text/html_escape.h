// Text for HTML: the one escaping the HTML report and the audit report share.
#ifndef POSTCHECK_HTML_ESCAPE_H_
#define POSTCHECK_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace postcheck {

// `text` (valid UTF-8) escaped for HTML text and attribute values (& < > " '
// as entities); control characters other than tab and newlines become U+FFFD.
std::string HtmlEscape(std::string_view text);

}  // namespace postcheck

#endif  // POSTCHECK_HTML_ESCAPE_H_
