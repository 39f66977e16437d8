// Which files a directory of rule packs is loaded from: the pack files in it,
// and where the word files a pack names may lie. The YAML loader
// (rule_loader.h) and the packs' snapshot (pack_snapshot.h) both ask here,
// so that they agree on what a directory holds.
#ifndef POSTCHECK_PACK_FILES_H_
#define POSTCHECK_PACK_FILES_H_

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace postcheck {

// The regular files (after symbolic links) directly inside `dir` named
// *.yaml or *.yml, as `dir`/NAME, sorted. Empty when there are none or `dir`
// cannot be read.
std::vector<std::string> PackFilesIn(const std::string& dir);

// Empty when `path`, a word file a pack in `pack_dir` names, resolves (after
// symbolic links) inside the pack's own directory tree or its sibling
// `dictionaries` directory, where the bundled packs keep their lists;
// otherwise why it is refused. A missing file is left to the reader.
std::string OutsidePackTree(const std::string& pack_dir, const std::filesystem::path& path);

// OutsidePackTree(pack_dir, path) for many word files of one directory, with
// the same answers, faster: the directory's two places are resolved once,
// and a file that is not itself a symbolic link is resolved through its
// folder, each folder once.
class PackTree {
 public:
  explicit PackTree(std::string pack_dir);
  std::string Outside(const std::filesystem::path& path);

 private:
  std::string pack_dir_;
  std::vector<std::filesystem::path> roots_;  // resolved
  std::map<std::string, std::filesystem::path> folders_;  // as written -> resolved; empty if it fails
};

}  // namespace postcheck

#endif  // POSTCHECK_PACK_FILES_H_
