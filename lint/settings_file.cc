#include "settings_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/depthguard.h>

#include <cerrno>
#include <cstring>
#include <vector>

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

bool ParseOneYamlDocument(const std::string& file, const std::string& content, YAML::Node* root,
                          LoadError* error) {
  auto fail = [&](const YAML::Mark& mark, const std::string& message) {
    *error = {SourceMark{file, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0}, "",
              message};
    return false;
  };
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(content);
  } catch (const YAML::DeepRecursion& e) {
    return fail(e.mark, "YAML nested too deeply (more than " + std::to_string(e.depth() - 1) + " levels)");
  } catch (const YAML::Exception& e) {
    return fail(e.mark, "malformed YAML: " + e.msg);
  }
  if (documents.size() > 1) {
    // The line of the second document's '---' (or of its first node).
    YAML::Mark mark = documents[1].Mark();
    size_t at = 0, line = 0, found = 0;
    bool seen_content = false;
    for (size_t i = 0; i <= content.size(); ++i) {
      if (i == content.size() || content[i] == '\n') {
        std::string_view l(content.data() + at, i - at);
        if (l.substr(0, 3) == "---" && (l.size() == 3 || l[3] == ' ' || l[3] == '\r' || l[3] == '\t')) {
          if (seen_content) {
            found = line + 1;
            break;
          }
        } else if (!l.empty() && l[0] != '#' && l.find_first_not_of(" \t\r") != std::string_view::npos &&
                   l.substr(0, 1) != "%") {
          seen_content = true;
        }
        at = i + 1;
        ++line;
      }
    }
    if (found > 0) {
      mark.line = static_cast<int>(found) - 1;
      mark.column = 0;
    }
    return fail(mark, "a second YAML document ('---') is not allowed: a file holds one");
  }
  *root = documents.empty() ? YAML::Node() : documents[0];
  return true;
}

}  // namespace postcheck
