// Hunspell behind a thread-safe, bounded cache: says whether a word is spelt
// right and offers corrections. The dictionary is read only when spelling is
// enabled, and can be read ahead (Prefetch) while the rules are still loading.
#ifndef POSTCHECK_SPELL_CHECKER_H_
#define POSTCHECK_SPELL_CHECKER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "bounded_cache.h"
#include "lexicon.h"
#include "spelling_candidates.h"

class Hunspell;

namespace postcheck {

class SpellChecker : public Lexicon {
 public:
  // Opens `dictionary` (e.g. "en_GB": en_GB.aff and en_GB.dic) from the first
  // of `search_dirs` that has it, and accepts the words in `accept` as well.
  // Returns nullptr with *error set when no directory has the dictionary.
  // If Prefetch was called with the same dictionary and search dirs, takes
  // that copy (waiting for it to finish loading) instead of reading the files.
  static std::unique_ptr<SpellChecker> Open(const std::string& dictionary,
                                            const std::vector<std::string>& search_dirs,
                                            const std::vector<std::string>& accept,
                                            std::string* error);

  // Starts reading `dictionary` from `search_dirs` on a thread of its own and
  // returns at once: reading en_GB takes ~25 ms, which can overlap with
  // parsing the rule packs. The next Open of the same dictionary and search
  // dirs takes it over; each prefetch is taken at most once. Prefetching a
  // dictionary already waiting to be taken does nothing. A prefetch that is
  // never taken is waited for and freed at exit. Thread-safe.
  static void Prefetch(const std::string& dictionary, const std::vector<std::string>& search_dirs);

  ~SpellChecker() override;

  // Lexicon: Correct.
  bool Knows(std::string_view word) const override { return Correct(word); }
  // Lexicon: `word` is among its own Hunspell stems. Thread-safe and cached.
  bool IsBaseWord(std::string_view word) const override;

  // Whether `word` (UTF-8, as written) is spelt right. Thread-safe; answers
  // are cached per word, and cached answers are read without blocking other
  // threads. Each thread also keeps its latest 2048 or so answers, read
  // without a lock.
  bool Correct(std::string_view word) const;

  // Up to `limit` suggested spellings for `word`, best first. Thread-safe and
  // cached. The words a small edit or two away that the dictionary accepts
  // come first (RankedCorrections, ~1 ms a word); only when there are none
  // does Hunspell's own suggest run (~27 ms a word). At most kMaxSuggestions
  // are kept per word.
  std::vector<std::string> Suggest(std::string_view word, size_t limit) const;

  // Where Debian installs Hunspell dictionaries.
  static std::vector<std::string> DefaultSearchDirs();

  // Bounds on the caches (BoundedCache: emptied when full), so memory stays
  // flat however many drafts are linted.
  static constexpr size_t kMaxCachedWords = 1 << 16;        // Correct answers
  static constexpr size_t kMaxCachedSuggestions = 1 << 12;  // Suggest answers
  static constexpr size_t kMaxSuggestions = 8;              // per word

 private:
  SpellChecker(std::unique_ptr<Hunspell> hunspell, EditHints hints);

  const uint64_t id_;  // this checker's number, never reused (for the per-thread answers)
  std::unique_ptr<Hunspell> hunspell_;
  const EditHints hints_;
  mutable std::mutex hunspell_mutex_;  // Hunspell itself is not thread-safe
  mutable BoundedCache<bool> correct_{kMaxCachedWords};
  mutable BoundedCache<bool> base_words_{kMaxCachedWords};
  mutable BoundedCache<std::vector<std::string>> suggestions_{kMaxCachedSuggestions};
};

}  // namespace postcheck

#endif  // POSTCHECK_SPELL_CHECKER_H_
