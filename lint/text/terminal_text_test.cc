// Unit tests for terminal_text: escaping control characters and the cells
// each grapheme cluster takes.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>

#include "text/terminal_text.h"

namespace postcheck {
namespace {

TEST_CASE("EscapeControls makes control characters visible and keeps the rest") {
  CHECK(EscapeControls("plain text, caf\xC3\xA9\tok") == "plain text, caf\xC3\xA9\tok");
  CHECK(EscapeControls("\x1b]0;PWNED\x07") == "\\x1b]0;PWNED\\x07");
  CHECK(EscapeControls("a\nb\rc\x7f") == "a\\nb\\rc\\x7f");
  CHECK(EscapeControls("\xC2\x85x") == "\\u0085x");  // C1 NEL
}

int WidthOfAll(std::string_view text) {
  int cells = 0;
  for (size_t i = 0; i < text.size();) {
    size_t next = GraphemeEnd(text, i);
    cells += GraphemeWidth(text.substr(i, next - i));
    i = next;
  }
  return cells;
}

TEST_CASE("graphemes: a ZWJ emoji sequence is one character of two cells") {
  const std::string officer = "\xF0\x9F\x91\xAE\xE2\x80\x8D\xE2\x99\x80\xEF\xB8\x8F";  // 👮‍♀️
  CHECK(GraphemeEnd(officer + "x", 0) == officer.size());
  CHECK(GraphemeWidth(officer) == 2);
  CHECK(WidthOfAll(officer + officer + "ab") == 6);
  CHECK(WidthOfAll("e\xCC\x81") == 1);            // e + combining acute
  CHECK(WidthOfAll("\xE4\xB8\xAD") == 2);         // 中
  CHECK(WidthOfAll("\xE2\x9D\xA4\xEF\xB8\x8F") == 2);  // ❤️ (emoji presentation)
  CHECK(WidthOfAll("\x1b") == 4);                 // shown as \x1b
}

}  // namespace
}  // namespace postcheck
