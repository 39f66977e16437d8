// Unit tests for reading and checking drafts (input.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "text/input.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;
using namespace std::string_view_literals;

fs::path TempDir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("postcheck_input_test_" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

std::string WriteFile(const std::string& name, std::string_view content) {
  fs::path p = TempDir() / name;
  std::ofstream out(p, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return p.string();
}

TEST_CASE("CheckDraftText accepts text") {
  std::string reason = "unchanged";
  CHECK(CheckDraftText("", &reason));
  CHECK(CheckDraftText("Hello caf\xC3\xA9 \xF0\x9F\x98\x80\r\n", &reason));
  CHECK(reason == "unchanged");
}

TEST_CASE("CheckDraftText refuses NUL bytes and invalid UTF-8") {
  std::string reason;
  CHECK_FALSE(CheckDraftText("abc\0def"sv, &reason));
  CHECK(reason == "not text (NUL byte at byte 3)");
  CHECK_FALSE(CheckDraftText("\0"sv, &reason));
  CHECK(reason == "not text (NUL byte at byte 0)");
  CHECK_FALSE(CheckDraftText("caf\xE9 ok", &reason));
  CHECK(reason == "not UTF-8 text at byte 3 (byte 0xE9: it looks like Windows-1252 or Latin-1 text; save it as UTF-8)");
  CHECK_FALSE(CheckDraftText("caf\xC3\xA9 \xC0\x80", &reason));
  CHECK(reason == "not UTF-8 text at byte 6");
}

TEST_CASE("ReadDraft reads a file") {
  std::string path = WriteFile("ok.txt", "Line one\nLine two \xC3\xA9\n");
  std::istringstream in("unused");
  std::string text, error;
  REQUIRE(ReadDraft(path, "draft.txt", in, kDefaultMaxBytes, &text, &error));
  CHECK(text == "Line one\nLine two \xC3\xA9\n");
  CHECK(error.empty());
}

TEST_CASE("ReadDraft reads standard input for '-'") {
  std::istringstream in("from stdin \xF0\x9F\x98\x80");
  std::string text, error;
  REQUIRE(ReadDraft("-", "<stdin>", in, kDefaultMaxBytes, &text, &error));
  CHECK(text == "from stdin \xF0\x9F\x98\x80");
}

TEST_CASE("ReadDraft refuses a NUL byte") {
  std::string path = WriteFile("nul.bin", "ab\0cd"sv);
  std::istringstream in;
  std::string text, error;
  CHECK_FALSE(ReadDraft(path, "nul.bin", in, kDefaultMaxBytes, &text, &error));
  CHECK(error == "nul.bin: not text (NUL byte at byte 2)");
}

TEST_CASE("ReadDraft refuses invalid UTF-8, on stdin too") {
  std::string path = WriteFile("latin1.txt", "na\xEFve caf\xE9");
  std::istringstream in;
  std::string text, error;
  CHECK_FALSE(ReadDraft(path, "latin1.txt", in, kDefaultMaxBytes, &text, &error));
  CHECK(error == "latin1.txt: not UTF-8 text at byte 2 (byte 0xEF: it looks like Windows-1252 or Latin-1 text; save it as UTF-8)");

  std::istringstream bad("ok\xFF");
  CHECK_FALSE(ReadDraft("-", "<stdin>", bad, kDefaultMaxBytes, &text, &error));
  CHECK(error == "<stdin>: not UTF-8 text at byte 2 (byte 0xFF: it looks like Windows-1252 or Latin-1 text; save it as UTF-8)");
}

TEST_CASE("ReadDraft enforces max_bytes") {
  std::string path = WriteFile("big.txt", std::string(11, 'x'));
  std::istringstream in;
  std::string text, error;
  CHECK_FALSE(ReadDraft(path, "big.txt", in, 10, &text, &error));
  CHECK(error == "big.txt: larger than the limit of 10 bytes (see --max-bytes)");
  CHECK(text.empty());
  // Exactly at the limit is fine.
  CHECK(ReadDraft(path, "big.txt", in, 11, &text, &error));
  CHECK(text == std::string(11, 'x'));

  std::istringstream big(std::string(100000, 'y'));
  CHECK_FALSE(ReadDraft("-", "<stdin>", big, 65536, &text, &error));
  CHECK(error == "<stdin>: larger than the limit of 65536 bytes (see --max-bytes)");
}

TEST_CASE("ReadDraft refuses a directory and a missing file") {
  std::istringstream in;
  std::string text, error;
  CHECK_FALSE(ReadDraft(TempDir().string(), "somedir", in, kDefaultMaxBytes, &text, &error));
  CHECK(error == "somedir: is a directory, not a file");
  CHECK_FALSE(ReadDraft((TempDir() / "missing.txt").string(), "missing.txt", in, kDefaultMaxBytes,
                        &text, &error));
  CHECK(error == "missing.txt: no such file");
}

TEST_CASE("an empty file is an empty draft") {
  std::string path = WriteFile("empty.txt", "");
  std::istringstream in;
  std::string text = "stale", error;
  CHECK(ReadDraft(path, "empty.txt", in, kDefaultMaxBytes, &text, &error));
  CHECK(text.empty());
}

}  // namespace
}  // namespace postcheck
