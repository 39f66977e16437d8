// Unit tests for byte offset -> line/column mapping (line_map.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "text/line_map.h"

namespace postcheck {
namespace {

// "line:column" of `offset`, for readable failures.
std::string Pos(const LineMap& map, size_t offset) {
  Position p = map.At(offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

TEST_CASE("ASCII single line") {
  const std::string text = "hello world";
  LineMap map(text);
  CHECK(map.line_count() == 1);
  CHECK(Pos(map, 0) == "1:1");
  CHECK(Pos(map, 6) == "1:7");
  CHECK(Pos(map, 11) == "1:12");  // end of text
  CHECK(map.LineText(1) == "hello world");
  CHECK(map.LineStart(1) == 0);
}

TEST_CASE("empty text") {
  LineMap map("");
  CHECK(map.line_count() == 1);
  CHECK(Pos(map, 0) == "1:1");
  CHECK(map.LineText(1) == "");
}

TEST_CASE("LF, CRLF and lone CR line endings") {
  // line 1 "ab" LF, line 2 "cd" CRLF, line 3 "ef" CR, line 4 "gh"
  const std::string text = "ab\ncd\r\nef\rgh";
  LineMap map(text);
  CHECK(map.line_count() == 4);
  CHECK(map.LineStart(2) == 3);
  CHECK(map.LineStart(3) == 7);
  CHECK(map.LineStart(4) == 10);
  CHECK(Pos(map, 1) == "1:2");
  CHECK(Pos(map, 3) == "2:1");
  CHECK(Pos(map, 4) == "2:2");
  CHECK(Pos(map, 7) == "3:1");
  CHECK(Pos(map, 10) == "4:1");
  CHECK(Pos(map, 12) == "4:3");
  CHECK(map.LineText(1) == "ab");
  CHECK(map.LineText(2) == "cd");
  CHECK(map.LineText(3) == "ef");
  CHECK(map.LineText(4) == "gh");
}

TEST_CASE("LF followed by CR is two line breaks; trailing newline makes an empty last line") {
  const std::string text = "a\n\rb\n";
  LineMap map(text);
  CHECK(map.line_count() == 4);
  CHECK(Pos(map, 3) == "3:1");  // 'b'
  CHECK(Pos(map, 5) == "4:1");
  CHECK(map.LineText(2) == "");
  CHECK(map.LineText(3) == "b");
  CHECK(map.LineText(4) == "");
}

TEST_CASE("columns count code points, not bytes") {
  // "é" 2 bytes, "日" 3 bytes, U+1F600 4 bytes, "e" + U+0301 combining = 2 code points.
  const std::string text = "\xC3\xA9x \xE6\x97\xA5y \xF0\x9F\x98\x80z e\xCC\x81w";
  LineMap map(text);
  CHECK(Pos(map, 2) == "1:2");   // x after é
  CHECK(Pos(map, 4) == "1:4");   // 日
  CHECK(Pos(map, 7) == "1:5");   // y
  CHECK(Pos(map, 9) == "1:7");   // emoji
  CHECK(Pos(map, 13) == "1:8");  // z
  CHECK(Pos(map, 15) == "1:10"); // e
  CHECK(Pos(map, 16) == "1:11"); // the combining mark has its own column
  CHECK(Pos(map, 18) == "1:12"); // w
  CHECK(Pos(map, 19) == "1:13"); // end
}

TEST_CASE("an offset inside a multibyte character counts as that character") {
  const std::string text = "a\xF0\x9F\x98\x80" "b";
  LineMap map(text);
  CHECK(Pos(map, 1) == "1:2");
  CHECK(Pos(map, 2) == "1:2");
  CHECK(Pos(map, 3) == "1:2");
  CHECK(Pos(map, 4) == "1:2");
  CHECK(Pos(map, 5) == "1:3");
}

TEST_CASE("a BOM takes bytes but no column") {
  const std::string text = "\xEF\xBB\xBFhi\nyo";
  LineMap map(text);
  CHECK(map.LineStart(1) == 3);
  CHECK(Pos(map, 0) == "1:1");
  CHECK(Pos(map, 1) == "1:1");
  CHECK(Pos(map, 3) == "1:1");
  CHECK(Pos(map, 4) == "1:2");
  CHECK(Pos(map, 6) == "2:1");
  CHECK(map.LineText(1) == "hi");
  CHECK(map.LineText(2) == "yo");
}

TEST_CASE("a tab is one column") {
  const std::string text = "\t\tx";
  LineMap map(text);
  CHECK(Pos(map, 1) == "1:2");
  CHECK(Pos(map, 2) == "1:3");
}

TEST_CASE("offsets past the end clamp to the end") {
  const std::string text = "ab\ncd";
  LineMap map(text);
  CHECK(Pos(map, 5) == "2:3");
  CHECK(Pos(map, 500) == "2:3");
}

}  // namespace
}  // namespace postcheck
