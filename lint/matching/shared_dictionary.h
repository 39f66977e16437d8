// One Hunspell dictionary per process, shared by every spell checker that
// opens it (the CLI's engine, the service's per-platform engines), with its
// word-form set (word_forms.h) when one was made from the same files.
//
// Promises: Knows(word) is Hunspell's spell() with the dictionary's own
// words (no added ones), with one documented exception below. A word in the
// word-form set is answered without a lock, and so is any word of ASCII
// letters and apostrophes when the set is complete for such words
// (EmbeddedWordFormsComplete): a word of letters the set lacks is no word.
// The exception: Hunspell also accepts a few words in capitals that are no
// accepted form's capitals, matching their affixes in any case ("CMSES",
// "SMSES", "NIMBIES": 8 of 6.8 million strings tested); Knows says no to
// them. The spelling stage never judges words in capitals, so its verdicts
// are Hunspell's. Any other word (digits, hyphens, other letters) asks
// Hunspell under the dictionary's mutex (answers cached). Hunspell itself
// (~40 ms and ~18 MB for en_GB) is read the first time a word or
// IsBaseWord needs it, so a draft of words of letters never reads it. With
// no set, or a set made from other files than those opened (a newer
// hunspell-en-gb), every word goes to Hunspell: slower, never wrong.
#ifndef POSTCHECK_SHARED_DICTIONARY_H_
#define POSTCHECK_SHARED_DICTIONARY_H_

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/bounded_cache.h"
#include "matching/spelling_candidates.h"
#include "matching/word_forms.h"

class Hunspell;

namespace postcheck {

class SharedDictionary {
 public:
  // The dictionary `name` (name.aff and name.dic) from the first of
  // `search_dirs` that has both, loaded once per process for each name and
  // search dirs and shared from then on; nullptr when no directory has it
  // (then the next call looks again). `forms` is the word-form set to use
  // when its stamp matches the files (by default the one compiled in, see
  // EmbeddedWordForms). Thread-safe: concurrent calls wait for one load.
  static std::shared_ptr<const SharedDictionary> Get(const std::string& name,
                                                     const std::vector<std::string>& search_dirs);
  // Starts Get's load on a thread of its own and returns at once.
  static void Prefetch(const std::string& name, const std::vector<std::string>& search_dirs);
  // Loads a dictionary of its own, not shared, with the set in `forms` (tests);
  // `forms_complete`: the set holds every word of letters (see above).
  static std::shared_ptr<const SharedDictionary> LoadUnshared(const std::string& name,
                                                              const std::vector<std::string>& search_dirs,
                                                              std::string_view forms, bool forms_complete = false);

  ~SharedDictionary();

  // Hunspell's verdict on `word` (UTF-8, as written), but for the exception
  // above. Thread-safe.
  bool Knows(std::string_view word) const;
  // Whether the word-form set has `word`: true means Hunspell accepts it;
  // false means "not in the set". Without a set: Knows. No lock when there
  // is a set.
  bool InForms(std::string_view word) const;
  // Whether the word-form set has `word` (false without a set). No lock.
  bool InSet(std::string_view word) const { return forms_ && forms_->Contains(word); }
  // Whether `word` is among its own Hunspell stems. Thread-safe, cached. A
  // lower-case word of letters is answered from a complete set that
  // records stems (WordForms::IsBase), without Hunspell.
  bool IsBaseWord(std::string_view word) const;
  // Whether a word-form set matching the files is in use.
  bool has_forms() const { return forms_.has_value(); }
  // Whether Hunspell has been read (some word needed it). Thread-safe.
  bool hunspell_loaded() const { return hunspell_loaded_.load(); }

  const EditHints& hints() const { return hints_; }
  // The affix file's path (for small Hunspells of accepted words).
  const std::string& aff_path() const { return aff_path_; }

  static constexpr size_t kMaxCachedWords = 1 << 16;

 private:
  SharedDictionary() = default;
  static std::shared_ptr<const SharedDictionary> Load(const std::string& name,
                                                      const std::vector<std::string>& search_dirs,
                                                      std::string_view forms, bool forms_complete);
  // Hunspell, read on first use. Call with hunspell_mutex_ held.
  Hunspell& LoadedHunspell() const;

  mutable std::unique_ptr<Hunspell> hunspell_;  // LoadedHunspell
  mutable std::atomic<bool> hunspell_loaded_{false};
  std::optional<WordForms> forms_;
  bool forms_complete_ = false;  // forms_ holds every word of letters
  EditHints hints_;
  std::string aff_path_, dic_path_;
  mutable std::mutex hunspell_mutex_;  // Hunspell itself is not thread-safe
  mutable BoundedCache<bool> known_{kMaxCachedWords};
  mutable BoundedCache<bool> base_words_{kMaxCachedWords};
};

}  // namespace postcheck

#endif  // POSTCHECK_SHARED_DICTIONARY_H_
