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

}  // namespace postcheck
