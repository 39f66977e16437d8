#include "rules/config_trust.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace postcheck {

std::string ConfigDistrust(const ConfigFileFacts& facts, uid_t me) {
  if (facts.file_owner != me) {
    return std::string("owned by another user (uid ").append(std::to_string(facts.file_owner)).append(")");
  }
  if (facts.file_mode & S_IWOTH) return "writable by every user";
  if (facts.dir_mode & S_IWOTH) return "in a directory every user can write to";
  return "";
}

std::string CheckFoundConfig(const std::string& path) {
  struct stat file, dir;
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) parent = std::filesystem::path(".");
  if (::stat(path.c_str(), &file) != 0 || ::stat(parent.c_str(), &dir) != 0) {
    return path + ": cannot check config file: " + std::strerror(errno);
  }
  std::string why = ConfigDistrust({file.st_uid, file.st_mode, dir.st_mode}, ::geteuid());
  if (why.empty()) return "";
  return path + ": config file found but not used: " + why +
         "; anyone could have planted it. Pass it with --config to use it, or --no-config to ignore it";
}

}  // namespace postcheck
