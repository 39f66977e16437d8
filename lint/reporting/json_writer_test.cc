// Unit tests for JSON string escaping (json_writer.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>

#include "reporting/json_writer.h"

namespace postcheck {
namespace {

using namespace std::string_view_literals;

std::string Json(std::string_view s) {
  std::ostringstream out;
  WriteJsonString(out, s);
  return out.str();
}

std::string JsonOrNull(std::string_view s) {
  std::ostringstream out;
  WriteJsonStringOrNull(out, s);
  return out.str();
}

TEST_CASE("plain text is quoted") {
  CHECK(Json("") == R"("")");
  CHECK(Json("hello world") == R"("hello world")");
  CHECK(Json("it's") == R"("it's")");
  CHECK(Json("a/b") == R"("a/b")");
}

TEST_CASE("quotes and backslashes are escaped") {
  CHECK(Json("say \"hi\"") == R"("say \"hi\"")");
  CHECK(Json("C:\\path\\") == R"("C:\\path\\")");
  CHECK(Json("\\\"") == R"("\\\"")");
}

TEST_CASE("control characters are escaped") {
  CHECK(Json("a\nb\rc\td") == R"("a\nb\rc\td")");
  CHECK(Json("\b\f") == R"("\b\f")");
  CHECK(Json("\x01") == R"("\u0001")");
  CHECK(Json("\x1F") == R"("\u001f")");
  CHECK(Json("\x7F") == R"("\u007f")");
  CHECK(Json("a\0b"sv) == R"("a\u0000b")");
  CHECK(Json("\x1B[31m") == R"("\u001b[31m")");
}

TEST_CASE("U+2028 and U+2029 are escaped, other UTF-8 passes through") {
  CHECK(Json("a\xE2\x80\xA8" "b") == R"("a\u2028b")");
  CHECK(Json("\xE2\x80\xA9") == R"("\u2029")");
  CHECK(Json("caf\xC3\xA9 \xF0\x9F\x98\x80") == "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
  // Neighbours of U+2028 are not escaped: U+2027, U+202A, U+2019.
  CHECK(Json("\xE2\x80\xA7\xE2\x80\xAA\xE2\x80\x99") == "\"\xE2\x80\xA7\xE2\x80\xAA\xE2\x80\x99\"");
}

TEST_CASE("escapes between runs of plain text keep every byte in order") {
  CHECK(Json("ab\"cd\ne\xE2\x80\xA8" "f\\") == R"("ab\"cd\ne\u2028f\\")");
  CHECK(Json("\"\"x\t\t") == R"("\"\"x\t\t")");
  CHECK(Json("\xE2\x80\xA8\xE2\x80\xA9") == R"("\u2028\u2029")");
  // A lead byte of U+2028 cut short is passed through (not valid UTF-8:
  // not promised, but not lost either).
  CHECK(Json("a\xE2\x80") == "\"a\xE2\x80\"");
}

TEST_CASE("WriteJsonStringOrNull") {
  CHECK(JsonOrNull("") == "null");
  CHECK(JsonOrNull("x\"") == R"("x\"")");
}

}  // namespace
}  // namespace postcheck
