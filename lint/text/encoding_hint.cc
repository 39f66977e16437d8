#include "text/encoding_hint.h"

#include <algorithm>
#include <cstdio>

namespace postcheck {

std::string DescribeUtf16(std::string_view text) {
  if (text.size() >= 2) {
    const auto b0 = static_cast<unsigned char>(text[0]), b1 = static_cast<unsigned char>(text[1]);
    if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
      return std::string("UTF-16 text (byte-order mark ") + (b0 == 0xFF ? "FF FE" : "FE FF") +
             "): postcheck reads UTF-8; save it as UTF-8 (in Notepad: Save As, Encoding UTF-8)";
    }
  }
  // No mark: ASCII text in UTF-16 has a NUL at every other byte.
  const size_t n = std::min<size_t>(text.size(), 512) & ~size_t{1};
  if (n < 4) return "";
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_nul += text[i] == '\0';
    odd_nul += text[i + 1] == '\0';
  }
  const size_t pairs = n / 2;
  if ((odd_nul * 10 >= pairs * 9 && even_nul == 0) || (even_nul * 10 >= pairs * 9 && odd_nul == 0)) {
    return "UTF-16 text without a byte-order mark: postcheck reads UTF-8; save it as UTF-8";
  }
  return "";
}

std::string Cp1252Hint(std::string_view text, size_t bad) {
  if (bad >= text.size()) return "";
  const auto c = static_cast<unsigned char>(text[bad]);
  if (c < 0x80) return "";
  // A UTF-8 sequence would go on with continuation bytes; a single-byte
  // encoding has an ASCII byte (or the end) next.
  const bool lone = bad + 1 >= text.size() || static_cast<unsigned char>(text[bad + 1]) < 0x80;
  if (!lone) return "";
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", c);
  return std::string(" (byte ") + hex + ": it looks like Windows-1252 or Latin-1 text; save it as UTF-8)";
}

}  // namespace postcheck
