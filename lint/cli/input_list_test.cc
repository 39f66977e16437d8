// Unit tests for input_list.h: directories expanded recursively in sorted
// order by extension, --files-from, and errors.
#include "cli/input_list.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace postcheck {
namespace {

namespace fs = std::filesystem;

struct Tree {
  fs::path root = fs::temp_directory_path() / "postcheck_input_list_test";
  Tree() {
    fs::remove_all(root);
    for (const char* f : {"b.txt", "a.md", "notes.json", "sub/z.txt", "sub/deeper/c.md", "Sub2/x.csv"}) {
      fs::create_directories((root / f).parent_path());
      std::ofstream(root / f) << "x";
    }
  }
  ~Tree() { fs::remove_all(root); }
  std::string operator()(const char* f) const { return (root / f).string(); }
};

TEST_CASE("a directory becomes its matching files, recursively, in byte order") {
  Tree t;
  std::vector<std::string> paths;
  std::string error;
  std::istringstream none;
  REQUIRE(ExpandInputs({t.root.string(), "-", "missing.txt"}, "", none, DirectoryExtensions("text"), &paths, &error));
  CHECK(paths == std::vector<std::string>{t("a.md"), t("b.txt"), t("sub/deeper/c.md"), t("sub/z.txt"), "-",
                                          "missing.txt"});
  paths.clear();
  REQUIRE(ExpandInputs({t.root.string()}, "", none, DirectoryExtensions("csv"), &paths, &error));
  CHECK(paths == std::vector<std::string>{t("Sub2/x.csv")});
}

TEST_CASE("--files-from: one path a line, blank lines skipped, CRLF allowed, directories expanded") {
  Tree t;
  std::istringstream list(t("b.txt") + "\r\n\n" + t("sub") + "\n");
  std::vector<std::string> paths;
  std::string error;
  REQUIRE(ExpandInputs({t("a.md")}, "-", list, DirectoryExtensions("text"), &paths, &error));
  CHECK(paths == std::vector<std::string>{t("a.md"), t("b.txt"), t("sub/deeper/c.md"), t("sub/z.txt")});
  std::istringstream none;
  CHECK_FALSE(ExpandInputs({}, t("no-list.txt"), none, DirectoryExtensions("text"), &paths, &error));
  CHECK(error == t("no-list.txt") + ": cannot open the list of files (--files-from)");
}

}  // namespace
}  // namespace postcheck
