// Hunspell behind a thread-safe cache: says whether a word is spelt right and
// offers corrections. The dictionary is read only when spelling is enabled.
#ifndef POSTCHECK_SPELL_CHECKER_H_
#define POSTCHECK_SPELL_CHECKER_H_

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "string_hash.h"

class Hunspell;

namespace postcheck {

class SpellChecker {
 public:
  // Opens `dictionary` (e.g. "en_GB": en_GB.aff and en_GB.dic) from the first
  // of `search_dirs` that has it, and accepts the words in `accept` as well.
  // Returns nullptr with *error set when no directory has the dictionary.
  static std::unique_ptr<SpellChecker> Open(const std::string& dictionary,
                                            const std::vector<std::string>& search_dirs,
                                            const std::vector<std::string>& accept,
                                            std::string* error);
  ~SpellChecker();

  // Whether `word` (UTF-8, as written) is spelt right. Thread-safe; answers
  // are cached per word, and cached answers are read without blocking other
  // threads.
  bool Correct(std::string_view word) const;

  // Up to `limit` suggested spellings for `word`. Thread-safe and cached:
  // Hunspell's suggestions cost milliseconds.
  std::vector<std::string> Suggest(std::string_view word, size_t limit) const;

  // Where Debian installs Hunspell dictionaries.
  static std::vector<std::string> DefaultSearchDirs();

 private:
  explicit SpellChecker(std::unique_ptr<Hunspell> hunspell);


  std::unique_ptr<Hunspell> hunspell_;
  mutable std::mutex hunspell_mutex_;     // Hunspell itself is not thread-safe
  mutable std::shared_mutex cache_mutex_;  // guards both caches
  mutable std::unordered_map<std::string, bool, StringViewHash, StringViewEqual> correct_;
  mutable std::unordered_map<std::string, std::vector<std::string>, StringViewHash, StringViewEqual> suggestions_;
};

}  // namespace postcheck

#endif  // POSTCHECK_SPELL_CHECKER_H_
