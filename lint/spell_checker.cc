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
  {
    std::shared_lock<std::shared_mutex> read(cache_mutex_);
    if (auto it = correct_.find(word); it != correct_.end()) return it->second;
  }
  bool ok;
  {
    std::lock_guard<std::mutex> lock(hunspell_mutex_);
    ok = hunspell_->spell(std::string(word));
  }
  std::unique_lock<std::shared_mutex> write(cache_mutex_);
  correct_.emplace(std::string(word), ok);
  return ok;
}

std::vector<std::string> SpellChecker::Suggest(std::string_view word, size_t limit) const {
  std::vector<std::string> all;
  bool cached = false;
  {
    std::shared_lock<std::shared_mutex> read(cache_mutex_);
    if (auto it = suggestions_.find(word); it != suggestions_.end()) {
      all = it->second;
      cached = true;
    }
  }
  if (!cached) {
    {
      std::lock_guard<std::mutex> lock(hunspell_mutex_);
      all = hunspell_->suggest(std::string(word));
    }
    std::unique_lock<std::shared_mutex> write(cache_mutex_);
    suggestions_.emplace(std::string(word), all);
  }
  if (all.size() > limit) all.resize(limit);
  return all;
}

}  // namespace postcheck
