#include "reporting/json_writer.h"

namespace postcheck {

void WriteJsonString(std::ostream& out, std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  out.put('"');
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\n': out << "\\n"; break;
      case '\r': out << "\\r"; break;
      case '\t': out << "\\t"; break;
      case '\b': out << "\\b"; break;
      case '\f': out << "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out << "\\u00" << kHex[c >> 4] << kHex[c & 0xF];
        } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                    static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
          out << (static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
          i += 2;
        } else {
          out.put(static_cast<char>(c));
        }
    }
  }
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
