#include "rules/rules_location.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace postcheck {

std::string DefaultRulesDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("POSTCHECK_RULES_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::vector<fs::path> candidates;
  if (!ec) {
    fs::path dir = exe.parent_path();
    candidates.push_back(dir / ".." / "rules");
    candidates.push_back(dir / ".." / "share" / "postcheck" / "rules");
  }
  candidates.push_back(fs::path(POSTCHECK_SOURCE_DIR) / "rules");
  for (const fs::path& c : candidates) {
    if (fs::is_directory(c, ec)) return fs::weakly_canonical(c, ec).string();
  }
  return "";
}

}  // namespace postcheck
