#include "reporting/json_writer.h"

namespace postcheck {
namespace {

// The escape for byte `c`, or nullptr when it is written as it is. U+2028
// and U+2029 (three bytes) are handled apart.
const char* EscapeOf(unsigned char c, char (&hex)[7]) {
  static const char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\b': return "\\b";
    case '\f': return "\\f";
    default:
      if (c < 0x20 || c == 0x7F) {
        hex[0] = '\\', hex[1] = 'u', hex[2] = '0', hex[3] = '0', hex[4] = kHex[c >> 4], hex[5] = kHex[c & 0xF];
        hex[6] = '\0';
        return hex;
      }
      return nullptr;
  }
}

}  // namespace

void WriteJsonString(std::ostream& out, std::string_view text) {
  // Runs of bytes that need no escape are written whole: a stream call per
  // byte cost more than the rest of the JSON output.
  out.put('"');
  size_t run = 0;  // start of the bytes not yet written
  auto flush = [&](size_t end) {
    if (end > run) out.write(text.data() + run, static_cast<std::streamsize>(end - run));
  };
  char hex[7];
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && c != 0xE2) continue;
    if (c == 0xE2) {
      if (i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
        flush(i);
        out << (static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
        i += 2;
        run = i + 1;
      }
      continue;
    }
    flush(i);
    out << EscapeOf(c, hex);
    run = i + 1;
  }
  flush(text.size());
  out.put('"');
}

void WriteJsonStringOrNull(std::ostream& out, std::string_view text) {
  if (text.empty()) {
    out << "null";
  } else {
    WriteJsonString(out, text);
  }
}

}  // namespace postcheck
