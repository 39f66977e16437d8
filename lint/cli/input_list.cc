#include "cli/input_list.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace postcheck {
namespace {

namespace fs = std::filesystem;

bool HasExtension(const std::string& name, const std::vector<std::string>& extensions) {
  for (const std::string& e : extensions) {
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

// The matching files under `dir`, sorted; symbolic links to directories are
// not followed (they could loop).
bool ListDirectory(const std::string& dir, const std::vector<std::string>& extensions,
                   std::vector<std::string>* paths, std::string* error) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && HasExtension(it->path().filename().string(), extensions)) {
      found.push_back(it->path().string());
    }
  }
  if (ec) {
    *error = dir + ": cannot list the directory: " + ec.message();
    return false;
  }
  std::sort(found.begin(), found.end());
  paths->insert(paths->end(), found.begin(), found.end());
  return true;
}

bool Expand(const std::string& path, const std::vector<std::string>& extensions, std::vector<std::string>* paths,
            std::string* error) {
  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) return ListDirectory(path, extensions, paths, error);
  paths->push_back(path);
  return true;
}

}  // namespace

std::vector<std::string> DirectoryExtensions(const std::string& input_format) {
  if (input_format == "csv") return {".csv"};
  if (input_format == "jsonl") return {".jsonl"};
  if (input_format == "x-archive") return {".js"};
  return {".txt", ".md"};
}

bool ExpandInputs(const std::vector<std::string>& args, const std::string& files_from, std::istream& in,
                  const std::vector<std::string>& extensions, std::vector<std::string>* paths,
                  std::string* error) {
  for (const std::string& a : args) {
    if (!Expand(a, extensions, paths, error)) return false;
  }
  if (files_from.empty()) return true;
  std::ifstream file;
  std::istream* list = &in;
  if (files_from != "-") {
    file.open(files_from);
    if (!file) {
      *error = files_from + ": cannot open the list of files (--files-from)";
      return false;
    }
    list = &file;
  }
  std::string line;
  while (std::getline(*list, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (!Expand(line, extensions, paths, error)) return false;
  }
  if (list->bad()) {
    *error = files_from + ": cannot read the list of files (--files-from)";
    return false;
  }
  return true;
}

}  // namespace postcheck
