// For tests: a directory of the test's own under the system's temporary
// directory. Its name is made unique by mkdtemp, so that tests running at the
// same time (two build trees, ctest -j) never share one; it is removed with
// everything in it when the object goes. Throws std::runtime_error when it
// cannot be made.
#ifndef POSTCHECK_TEMP_DIR_TEST_UTIL_H_
#define POSTCHECK_TEMP_DIR_TEST_UTIL_H_

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace postcheck {

class TempDir {
 public:
  // `prefix` names the test in the directory's name, for whoever finds one
  // left behind by a test that crashed.
  explicit TempDir(std::string_view prefix = "postcheck_test") {
    std::string name = (std::filesystem::temp_directory_path() / prefix).string() + ".XXXXXX";
    if (mkdtemp(name.data()) == nullptr) throw std::runtime_error("cannot make a temporary directory " + name);
    path_ = name;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // path()/name, as a string.
  std::string File(std::string_view name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace postcheck

#endif  // POSTCHECK_TEMP_DIR_TEST_UTIL_H_
