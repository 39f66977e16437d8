// Unit tests for encoding_hint: naming UTF-16 and likely Windows-1252 drafts.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>

#include "text/encoding_hint.h"
#include "text/input.h"

namespace postcheck {
namespace {

using namespace std::string_literals;

TEST_CASE("UTF-16 with a byte-order mark, either order, and without one") {
  CHECK(DescribeUtf16("\xFF\xFEH\0i\0"s).rfind("UTF-16 text (byte-order mark FF FE)", 0) == 0);
  CHECK(DescribeUtf16("\xFE\xFF\0H\0i"s).rfind("UTF-16 text (byte-order mark FE FF)", 0) == 0);
  CHECK(DescribeUtf16("H\0e\0l\0l\0o\0"s).rfind("UTF-16 text without a byte-order mark", 0) == 0);
  CHECK(DescribeUtf16("Hello there") == "");
  CHECK(DescribeUtf16("ab\0cd"s) == "");  // one stray NUL is not UTF-16
}

TEST_CASE("CheckDraftText names UTF-16 and hints at Windows-1252") {
  std::string reason;
  CHECK_FALSE(CheckDraftText("\xFF\xFEH\0i\0"s, &reason));
  CHECK(reason.rfind("UTF-16 text (byte-order mark FF FE): postcheck reads UTF-8", 0) == 0);
  CHECK_FALSE(CheckDraftText("Caf\xE9 open", &reason));
  CHECK(reason == "not UTF-8 text at byte 3 (byte 0xE9: it looks like Windows-1252 or Latin-1 text; save it as UTF-8)");
  CHECK_FALSE(CheckDraftText("ab\xE2\x82", &reason));  // cut UTF-8: no Windows hint
  CHECK(reason == "not UTF-8 text at byte 2");
}

}  // namespace
}  // namespace postcheck
