#include "text/terminal_text.h"

#include <utf8proc.h>

#include <cstdio>

#include "text/utf8.h"

namespace postcheck {
namespace {

bool IsControl(char32_t cp) { return (cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }

std::string EscapeOne(char32_t cp) {
  if (cp == '\n') return "\\n";
  if (cp == '\r') return "\\r";
  char buffer[12];
  if (cp < 0x80) {
    std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(cp));
  } else {
    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(cp));
  }
  return buffer;
}

}  // namespace

std::string EscapeControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    if (IsControl(cp)) {
      out += EscapeOne(cp);
    } else {
      out.append(text.substr(i, static_cast<size_t>(n)));
    }
    i += static_cast<size_t>(n);
  }
  return out;
}

size_t GraphemeEnd(std::string_view text, size_t i) {
  char32_t first;
  size_t j = i + static_cast<size_t>(DecodeUtf8(text, i, &first));
  utf8proc_int32_t state = 0;
  char32_t previous = first;
  while (j < text.size()) {
    char32_t cp;
    int n = DecodeUtf8(text, j, &cp);
    if (utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(previous),
                                         static_cast<utf8proc_int32_t>(cp), &state)) {
      break;
    }
    previous = cp;
    j += static_cast<size_t>(n);
  }
  return j;
}

int GraphemeWidth(std::string_view grapheme) {
  int width = 0;
  bool emoji_sequence = false;
  for (size_t i = 0; i < grapheme.size();) {
    char32_t cp;
    int n = DecodeUtf8(grapheme, i, &cp);
    i += static_cast<size_t>(n);
    if (IsControl(cp)) {
      width += static_cast<int>(EscapeOne(cp).size());
      continue;
    }
    if (cp == 0xFE0F || cp == 0x200D) emoji_sequence = true;
    if (width == 0 || (cp == '\t')) {
      int w = cp == '\t' ? 1 : utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
      if (w > 0 && width == 0) width = w;
    }
  }
  if (emoji_sequence && width == 1) {
    // U+FE0F asks for emoji presentation: two cells. A joiner alone after a
    // narrow base (rare) keeps one.
    for (size_t i = 0; i < grapheme.size();) {
      char32_t cp;
      i += static_cast<size_t>(DecodeUtf8(grapheme, i, &cp));
      if (cp == 0xFE0F) return 2;
    }
  }
  return width;
}

}  // namespace postcheck
