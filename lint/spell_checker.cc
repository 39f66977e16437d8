#include "spell_checker.h"

#include <hunspell/hunspell.hxx>

#include <filesystem>

namespace postcheck {

SpellChecker::SpellChecker(std::unique_ptr<Hunspell> hunspell) : hunspell_(std::move(hunspell)) {}
SpellChecker::~SpellChecker() = default;

std::vector<std::string> SpellChecker::DefaultSearchDirs() {
  return {"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"};
}

std::unique_ptr<SpellChecker> SpellChecker::Open(const std::string& dictionary,
                                                 const std::vector<std::string>& search_dirs,
                                                 const std::vector<std::string>& accept,
                                                 std::string* error) {
  namespace fs = std::filesystem;
  for (const std::string& dir : search_dirs) {
    fs::path aff = fs::path(dir) / (dictionary + ".aff");
    fs::path dic = fs::path(dir) / (dictionary + ".dic");
    std::error_code ec;
    if (!fs::is_regular_file(aff, ec) || !fs::is_regular_file(dic, ec)) continue;
    auto hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    for (const std::string& word : accept) hunspell->add(word);
    return std::unique_ptr<SpellChecker>(new SpellChecker(std::move(hunspell)));
  }
  std::string dirs;
  for (const std::string& dir : search_dirs) dirs += (dirs.empty() ? "" : ", ") + dir;
  *error = "Hunspell dictionary '" + dictionary + "' not found in " + dirs +
           " (install hunspell-en-gb)";
  return nullptr;
}

bool SpellChecker::Correct(std::string_view word) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key(word);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  bool ok = hunspell_->spell(key);
  cache_.emplace(std::move(key), ok);
  return ok;
}

std::vector<std::string> SpellChecker::Suggest(std::string_view word, size_t limit) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> all = hunspell_->suggest(std::string(word));
  if (all.size() > limit) all.resize(limit);
  return all;
}

}  // namespace postcheck
