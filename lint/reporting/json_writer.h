// Writes JSON values to a stream: just enough for the formatters, with
// strings escaped so any valid UTF-8 text survives a round trip.
#ifndef POSTCHECK_JSON_WRITER_H_
#define POSTCHECK_JSON_WRITER_H_

#include <ostream>
#include <string_view>

namespace postcheck {

// Writes `text` (valid UTF-8) as a quoted JSON string: quotes, backslashes and
// control characters escaped, and U+2028/U+2029 too so the output is also
// safe inside a <script> block.
void WriteJsonString(std::ostream& out, std::string_view text);

// Writes `text` as a JSON string, or null when it is empty.
void WriteJsonStringOrNull(std::ostream& out, std::string_view text);

}  // namespace postcheck

#endif  // POSTCHECK_JSON_WRITER_H_
