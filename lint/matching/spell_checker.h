// Says whether a word is spelt right and offers corrections, for one engine:
// a dictionary shared by the whole process (SharedDictionary: Hunspell and
// its precomputed word forms) plus this checker's own accepted words. The
// dictionary is read only when spelling is enabled, and can be read ahead
// (Prefetch) while the rules are still loading.
#ifndef POSTCHECK_SPELL_CHECKER_H_
#define POSTCHECK_SPELL_CHECKER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <unordered_map>

#include "text/bounded_cache.h"
#include "matching/lexicon.h"
#include "matching/shared_dictionary.h"
#include "matching/spelling_candidates.h"
#include "text/string_hash.h"

namespace postcheck {

class SpellChecker : public Lexicon {
 public:
  // Opens `dictionary` (e.g. "en_GB": en_GB.aff and en_GB.dic) from the first
  // of `search_dirs` that has it, and accepts the words in `accept` as well.
  // Returns nullptr with *error set when no directory has the dictionary.
  // Every checker of the same dictionary and search dirs shares one
  // SharedDictionary (one Hunspell, one word-form set) for the life of the
  // process; the accepted words are this checker's own. If Prefetch was
  // called, waits for that load instead of reading the files again.
  static std::unique_ptr<SpellChecker> Open(const std::string& dictionary,
                                            const std::vector<std::string>& search_dirs,
                                            const std::vector<std::string>& accept,
                                            std::string* error);
  // The same over a dictionary already loaded (tests: one with a set of
  // their own, or none).
  static std::unique_ptr<SpellChecker> Open(std::shared_ptr<const SharedDictionary> dictionary,
                                            const std::vector<std::string>& accept);

  // Starts reading `dictionary` from `search_dirs` on a thread of its own and
  // returns at once: reading en_GB takes ~25 ms, which can overlap with
  // parsing the rule packs. Open of the same dictionary and search dirs
  // then waits for it. Prefetching a dictionary already loaded or loading
  // does nothing. Thread-safe.
  static void Prefetch(const std::string& dictionary, const std::vector<std::string>& search_dirs);

  ~SpellChecker() override;

  // Lexicon: Correct.
  bool Knows(std::string_view word) const override { return Correct(word); }
  // Lexicon: `word` is among its own Hunspell stems. Thread-safe and cached.
  bool IsBaseWord(std::string_view word) const override;

  // Whether `word` (UTF-8, as written) is spelt right: exactly Hunspell's
  // answer with the accepted words added. Thread-safe. Words in the
  // dictionary's word-form set and accepted words are answered without a
  // lock; others ask Hunspell under the shared dictionary's lock, and the
  // answers are cached. Each thread also keeps its latest 1024 or so
  // answers about words the set lacks, read without a lock.
  bool Correct(std::string_view word) const;

  // Up to `limit` suggested spellings for `word`, best first. Thread-safe and
  // cached. The words a small edit or two away that the dictionary accepts
  // (RankedCorrections), each candidate looked up in the word-form set and
  // the accepted words, without Hunspell: tens of microseconds a word. No
  // more than kMaxCandidateChecks candidates are looked up per word, so no
  // word costs more than about a millisecond; Hunspell's own suggest() is
  // never called, so a word with no such correction has none. At most
  // kMaxSuggestions are kept per word.
  std::vector<std::string> Suggest(std::string_view word, size_t limit) const;

  // The dictionary this checker shares with the others of the same name.
  const std::shared_ptr<const SharedDictionary>& dictionary() const { return dictionary_; }

  // Where Debian installs Hunspell dictionaries.
  static std::vector<std::string> DefaultSearchDirs();

  // Bounds on the caches (BoundedCache: emptied when full), so memory stays
  // flat however many drafts are linted.
  static constexpr size_t kMaxCachedWords = 1 << 16;        // Correct answers
  static constexpr size_t kMaxCachedSuggestions = 1 << 12;  // Suggest answers
  static constexpr size_t kMaxSuggestions = 8;              // per word
  static constexpr size_t kMaxCandidateChecks = 4000;       // per word (Suggest)

 private:
  explicit SpellChecker(std::shared_ptr<const SharedDictionary> dictionary);
  bool Accepted(std::string_view word) const;

  const uint64_t id_;  // this checker's number, never reused (for the per-thread answers)
  std::shared_ptr<const SharedDictionary> dictionary_;
  // The strings Hunspell accepts because of the accepted words (each word
  // and its case variants, as a Hunspell holding only them answers), mapped
  // to whether the string is its own stem (IsBaseWord).
  std::unordered_map<std::string, bool, StringViewHash, StringViewEqual> accepted_;
  // A filter of accepted_'s strings, two bits each in one 64-bit word (32
  // bits a string): a word with either bit clear is not among them. Empty
  // when there are none.
  std::vector<uint64_t> accepted_filter_;
  // The filter's word for `word` (accepted_filter_ sized), and its two bits.
  size_t AcceptedFilterWord(std::string_view word, uint64_t* bits) const;
  mutable BoundedCache<std::vector<std::string>> suggestions_{kMaxCachedSuggestions};
};

}  // namespace postcheck

#endif  // POSTCHECK_SPELL_CHECKER_H_
