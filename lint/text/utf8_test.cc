// Unit tests for UTF-8 validation, decoding and encoding (utf8.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "text/utf8.h"

namespace postcheck {
namespace {

using namespace std::string_view_literals;

TEST_CASE("FindInvalidUtf8 accepts well-formed text") {
  CHECK(FindInvalidUtf8("") == kValidUtf8);
  CHECK(FindInvalidUtf8("plain ASCII\n") == kValidUtf8);
  CHECK(FindInvalidUtf8("caf\xC3\xA9") == kValidUtf8);                  // é
  CHECK(FindInvalidUtf8("\xE6\x97\xA5\xE6\x9C\xAC") == kValidUtf8);      // 日本
  CHECK(FindInvalidUtf8("\xF0\x9F\x98\x80") == kValidUtf8);              // U+1F600
  CHECK(FindInvalidUtf8("\xF4\x8F\xBF\xBF") == kValidUtf8);              // U+10FFFF
  CHECK(FindInvalidUtf8("\xEF\xBB\xBFtext") == kValidUtf8);              // BOM
  CHECK(FindInvalidUtf8("a\0b"sv) == kValidUtf8);                        // NUL is valid UTF-8
}

TEST_CASE("FindInvalidUtf8 returns the offset of the first bad sequence") {
  CHECK(FindInvalidUtf8("abc\xFF") == 3);
  CHECK(FindInvalidUtf8("\x80") == 0);                                    // lone continuation
  CHECK(FindInvalidUtf8("ab\xC3") == 2);                                  // truncated 2-byte
  CHECK(FindInvalidUtf8("ab\xE6\x97") == 2);                              // truncated 3-byte
  CHECK(FindInvalidUtf8("ab\xE6\x97x") == 2);                             // bad continuation
  CHECK(FindInvalidUtf8("x\xC0\x80") == 1);                               // overlong NUL
  CHECK(FindInvalidUtf8("xy\xE0\x80\xAF") == 2);                          // overlong '/'
  CHECK(FindInvalidUtf8("\xED\xA0\x80") == 0);                            // surrogate U+D800
  CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0);                        // U+110000
  CHECK(FindInvalidUtf8("caf\xC3\xA9 caf\xE9") == 9);                     // Latin-1 é after UTF-8 é
}

TEST_CASE("DecodeUtf8 decodes each length") {
  char32_t cp = 0;
  std::string_view s = "a\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80";
  CHECK(DecodeUtf8(s, 0, &cp) == 1);
  CHECK(cp == U'a');
  CHECK(DecodeUtf8(s, 1, &cp) == 2);
  CHECK(cp == 0xE9);
  CHECK(DecodeUtf8(s, 3, &cp) == 3);
  CHECK(cp == 0x65E5);
  CHECK(DecodeUtf8(s, 6, &cp) == 4);
  CHECK(cp == 0x1F600);
}

TEST_CASE("AppendUtf8 encodes each length and round-trips") {
  std::string out;
  AppendUtf8(U'A', &out);
  CHECK(out == "A");
  out.clear();
  AppendUtf8(0xE9, &out);
  CHECK(out == "\xC3\xA9");
  out.clear();
  AppendUtf8(0x2028, &out);
  CHECK(out == "\xE2\x80\xA8");
  out.clear();
  AppendUtf8(0x1F600, &out);
  CHECK(out == "\xF0\x9F\x98\x80");
  for (char32_t cp : {char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800},
                      char32_t{0xFFFF}, char32_t{0x10000}, char32_t{0x10FFFF}}) {
    std::string s;
    AppendUtf8(cp, &s);
    CHECK(FindInvalidUtf8(s) == kValidUtf8);
    char32_t back = 0;
    CHECK(DecodeUtf8(s, 0, &back) == static_cast<int>(s.size()));
    CHECK(back == cp);
  }
}

TEST_CASE("CountCodePoints and continuation bytes") {
  CHECK(CountCodePoints("") == 0);
  CHECK(CountCodePoints("abc") == 3);
  CHECK(CountCodePoints("caf\xC3\xA9") == 4);
  CHECK(CountCodePoints("cafe\xCC\x81") == 5);  // combining acute is its own code point
  CHECK(CountCodePoints("\xF0\x9F\x98\x80!") == 2);
  CHECK(IsUtf8Continuation(0x80));
  CHECK(IsUtf8Continuation(0xBF));
  CHECK_FALSE(IsUtf8Continuation('a'));
  CHECK_FALSE(IsUtf8Continuation(0xC3));
  CHECK_FALSE(IsUtf8Continuation(0xF0));
}

TEST_CASE("BomLength") {
  CHECK(BomLength("\xEF\xBB\xBFhello") == 3);
  CHECK(BomLength("\xEF\xBB\xBF") == 3);
  CHECK(BomLength("\xEF\xBB") == 0);
  CHECK(BomLength("hello\xEF\xBB\xBF") == 0);
  CHECK(BomLength("") == 0);
}

}  // namespace
}  // namespace postcheck
