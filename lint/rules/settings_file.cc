#include "rules/settings_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

namespace postcheck {

bool ReadSettingsFile(const std::string& path, std::string* text, std::string* reason, size_t max_bytes) {
  text->clear();
  // O_NONBLOCK: opening a FIFO with no writer must not wait for one.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *reason = errno == ENOENT ? "no such file" : std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *reason = S_ISDIR(st.st_mode) ? "is a directory, not a file" : "not a regular file";
    ::close(fd);
    return false;
  }
  // Room for the whole file at once (it may still grow while read).
  text->reserve(std::min(static_cast<size_t>(std::max<off_t>(st.st_size, 0)), max_bytes) + 1);
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *reason = std::string("cannot read: ") + std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    text->append(buffer, static_cast<size_t>(n));
    if (text->size() > max_bytes) {
      *reason = "larger than the limit of " + std::to_string(max_bytes) + " bytes";
      text->clear();
      ::close(fd);
      return false;
    }
  }
  ::close(fd);
  return true;
}

namespace {

// The 1-based line where a second YAML document starts in `content`, or 0.
// Document markers ("---", and "..." ending one) can only stand at the start
// of a line, inside any construct, so a line scan finds them: a "---" after
// content, or anything but comments after a "...".
size_t SecondDocumentLine(std::string_view content) {
  bool seen_content = false, ended = false;
  size_t line = 0;
  for (size_t at = 0; at < content.size();) {
    size_t end = content.find('\n', at);
    if (end == std::string_view::npos) end = content.size();
    std::string_view l = content.substr(at, end - at);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    ++line;
    at = end + 1;
    auto marker = [&](std::string_view m) {
      return l.substr(0, 3) == m && (l.size() == 3 || l[3] == ' ' || l[3] == '\t');
    };
    const size_t first = l.find_first_not_of(" \t");
    const bool blank = first == std::string_view::npos || l[first] == '#';
    if (marker("---")) {
      if (seen_content || ended) return line;
      seen_content = true;  // "--- value" starts the first document
      continue;
    }
    if (marker("...")) {
      ended = true;
      continue;
    }
    if (blank || (!seen_content && l[0] == '%')) continue;  // comments, directives
    if (ended) return line;
    seen_content = true;
  }
  return 0;
}

}  // namespace

bool ParseOneYamlDocument(const std::string& file, const std::string& content, YAML::Node* root,
                          LoadError* error) {
  auto fail = [&](int line, int column, const std::string& message) {
    *error = {SourceMark{file, std::max(line, 0), std::max(column, 0)}, "", message};
    return false;
  };
  // YAML::LoadAll can loop forever on some broken input (yaml-cpp 0.7, found
  // by loader_fuzzer): the first document is parsed with Load, and a second
  // one found by its marker.
  if (size_t line = SecondDocumentLine(content); line > 0) {
    return fail(static_cast<int>(line), 1, "a second YAML document ('---') is not allowed: a file holds one");
  }
  try {
    *root = YAML::Load(content);
  } catch (const YAML::DeepRecursion& e) {
    return fail(e.mark.line + 1, e.mark.column + 1,
                "YAML nested too deeply (more than " + std::to_string(e.depth() - 1) + " levels)");
  } catch (const YAML::Exception& e) {
    return fail(e.mark.line + 1, e.mark.column + 1, "malformed YAML: " + e.msg);
  }
  return true;
}

}  // namespace postcheck
