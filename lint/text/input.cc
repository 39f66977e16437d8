#include "text/input.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "text/encoding_hint.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

// Reads at most max_bytes + 1 bytes, so that an input over the limit is seen
// without reading all of it.
bool ReadLimited(std::istream& in, size_t max_bytes, std::string* text) {
  text->clear();
  char buffer[65536];
  while (in) {
    in.read(buffer, sizeof buffer);
    text->append(buffer, static_cast<size_t>(in.gcount()));
    if (text->size() > max_bytes) return false;
  }
  return true;
}

}  // namespace

bool CheckDraftText(std::string_view text, std::string* reason) {
  if (std::string utf16 = DescribeUtf16(text); !utf16.empty()) {
    *reason = utf16;
    return false;
  }
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    *reason = "not text (NUL byte at byte " + std::to_string(nul) + ")";
    return false;
  }
  if (size_t bad = FindInvalidUtf8(text); bad != kValidUtf8) {
    *reason = "not UTF-8 text at byte " + std::to_string(bad) + Cp1252Hint(text, bad);
    return false;
  }
  return true;
}

bool ReadDraft(const std::string& path, const std::string& name, std::istream& in,
               size_t max_bytes, std::string* text, std::string* error) {
  auto fail = [&](const std::string& reason) {
    *error = name + ": " + reason;
    return false;
  };
  bool within_limit;
  if (path == "-") {
    within_limit = ReadLimited(in, max_bytes, text);
    if (in.bad()) return fail("cannot read standard input");
  } else {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) return fail("cannot open: " + ec.message());
    if (!fs::exists(status)) return fail("no such file");
    if (fs::is_directory(status)) return fail("is a directory, not a file");
    std::ifstream file(path, std::ios::binary);
    if (!file) return fail(std::string("cannot open: ") + std::strerror(errno));
    within_limit = ReadLimited(file, max_bytes, text);
    if (file.bad()) return fail(std::string("cannot read: ") + std::strerror(errno));
  }
  if (!within_limit) {
    text->clear();
    return fail("larger than the limit of " + std::to_string(max_bytes) + " bytes (see --max-bytes)");
  }
  std::string reason;
  if (!CheckDraftText(*text, &reason)) return fail(reason);
  return true;
}

}  // namespace postcheck
