#include "rules/pack_files.h"

#include <algorithm>
#include <system_error>

namespace postcheck {

namespace fs = std::filesystem;

std::vector<std::string> PackFilesIn(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string OutsidePackTree(const std::string& pack_dir, const fs::path& path) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(path, ec);
  if (ec) return "";
  const fs::path base = pack_dir.empty() ? fs::path(".") : fs::path(pack_dir);
  for (const fs::path& root : {base, base / ".." / "dictionaries"}) {
    fs::path r = fs::weakly_canonical(root, ec);
    if (ec) continue;
    fs::path rel = target.lexically_relative(r);
    if (!rel.empty() && *rel.begin() != ".." && !rel.is_absolute()) return "";
  }
  return "is outside the pack's directory and its ../dictionaries (resolves to " + target.string() + ")";
}

namespace {

// Whether `target`, resolved, lies under one of `roots` (resolved).
bool Inside(const fs::path& target, const std::vector<fs::path>& roots) {
  for (const fs::path& r : roots) {
    fs::path rel = target.lexically_relative(r);
    if (!rel.empty() && *rel.begin() != ".." && !rel.is_absolute()) return true;
  }
  return false;
}

}  // namespace

PackTree::PackTree(std::string pack_dir) : pack_dir_(std::move(pack_dir)) {
  const fs::path base = pack_dir_.empty() ? fs::path(".") : fs::path(pack_dir_);
  for (const fs::path& root : {base, base / ".." / "dictionaries"}) {
    std::error_code ec;
    fs::path r = fs::weakly_canonical(root, ec);
    if (!ec) roots_.push_back(std::move(r));
  }
}

std::string PackTree::Outside(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(path, ec);
  const fs::path name = path.filename();
  if (ec || status.type() != fs::file_type::regular || name.empty() || name == "." || name == "..") {
    return OutsidePackTree(pack_dir_, path);
  }
  // A regular file resolves to its resolved folder and its own name.
  auto [it, fresh] = folders_.try_emplace(path.parent_path().string());
  if (fresh) {
    it->second = fs::canonical(path.parent_path().empty() ? fs::path(".") : path.parent_path(), ec);
    if (ec) it->second.clear();
  }
  if (it->second.empty() || !Inside(it->second / name, roots_)) return OutsidePackTree(pack_dir_, path);
  return "";
}

}  // namespace postcheck
