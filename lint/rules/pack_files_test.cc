// Unit tests for what a directory of packs is loaded from (pack_files.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "rules/pack_files.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

struct Tree {
  Tree() : root(fs::temp_directory_path() / ("postcheck_pack_files_test_" + std::to_string(getpid()))) {
    fs::remove_all(root);
    for (const char* d : {"rules/sub", "dictionaries", "elsewhere"}) fs::create_directories(root / d);
    for (const char* f : {"rules/b.yaml", "rules/a.yml", "rules/notes.txt", "rules/sub/c.yaml", "rules/words.txt",
                          "dictionaries/list.txt", "elsewhere/list.txt"}) {
      std::ofstream(root / f) << "x\n";
    }
    fs::create_directories(root / "rules" / "dir.yaml");
    fs::create_symlink(root / "elsewhere" / "list.txt", root / "dictionaries" / "link.txt");
    fs::create_symlink(root / "dictionaries" / "list.txt", root / "rules" / "inner-link.txt");
    fs::create_directory_symlink(root / "elsewhere", root / "rules" / "out");
    fs::create_symlink(root / "rules" / "b.yaml", root / "rules" / "linked.yaml");
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string rules() const { return (root / "rules").string(); }
  const fs::path root;
};

TEST_CASE("pack files are the *.yaml and *.yml regular files directly inside, linked ones too, sorted") {
  Tree tree;
  const std::string d = tree.rules();
  CHECK(PackFilesIn(d) == std::vector<std::string>{d + "/a.yml", d + "/b.yaml", d + "/linked.yaml"});
  CHECK(PackFilesIn((tree.root / "none").string()).empty());
}

TEST_CASE("PackTree answers as OutsidePackTree does, for files in, out, linked and missing") {
  Tree tree;
  const std::string d = tree.rules();
  PackTree cached(d);
  for (const char* name : {"words.txt", "../dictionaries/list.txt", "../dictionaries/link.txt", "inner-link.txt",
                           "out/list.txt", "../elsewhere/list.txt", "missing.txt", "../dictionaries/missing.txt",
                           "sub/../words.txt", "../rules/words.txt"}) {
    const fs::path path = fs::path(d) / name;
    INFO(name);
    CHECK(cached.Outside(path) == OutsidePackTree(d, path));
  }
  CHECK(OutsidePackTree(d, fs::path(d) / "words.txt").empty());
  CHECK(OutsidePackTree(d, fs::path(d) / "../dictionaries/list.txt").empty());
  CHECK(OutsidePackTree(d, fs::path(d) / "../dictionaries/link.txt").find("is outside the pack's directory") == 0);
  CHECK_FALSE(OutsidePackTree(d, fs::path(d) / "out/list.txt").empty());
  CHECK_FALSE(OutsidePackTree(d, fs::path(d) / "../elsewhere/list.txt").empty());
}

}  // namespace
}  // namespace postcheck
