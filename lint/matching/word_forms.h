// The word forms a Hunspell dictionary accepts, worked out ahead of time: a
// flat, read-only hash set behind a Bloom filter, laid out in one block of
// bytes, so that most words are known to be spelt right without Hunspell and
// without a lock, and most non-words are told apart in the filter alone, or
// before it by a run of four letters that no word has (128 KB: most spelling
// candidates, one edit from a word, are told apart there).
//
// The block is made at build time (tools/make_word_forms.cc) from the
// dictionary's expansion by unmunch, every form and its Capitalised and UPPER
// case checked with Hunspell spell(), and compiled into the binary
// (EmbeddedWordForms). It records the size and a hash of the .aff and .dic
// files it was made from (DictionaryStamp); a set is only to be used with
// exactly those files.
//
// Promise: Contains(word) is true only when Hunspell, with those files and no
// added words, accepts `word` as written. False means "not in the set": ask
// Hunspell (compounds, numbers, hyphenated words and the like are not here).
#ifndef POSTCHECK_WORD_FORMS_H_
#define POSTCHECK_WORD_FORMS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

// Which dictionary files a set was made from.
struct DictionaryStamp {
  uint64_t aff_size = 0, aff_hash = 0, dic_size = 0, dic_hash = 0;
  bool operator==(const DictionaryStamp& o) const {
    return aff_size == o.aff_size && aff_hash == o.aff_hash && dic_size == o.dic_size && dic_hash == o.dic_hash;
  }
  bool operator!=(const DictionaryStamp& o) const { return !(*this == o); }
};

// The stamp of a dictionary's contents.
DictionaryStamp StampOf(std::string_view aff_bytes, std::string_view dic_bytes);
// The stamp of the files at `aff_path` and `dic_path`; false when either
// cannot be read.
bool StampFiles(const std::string& aff_path, const std::string& dic_path, DictionaryStamp* stamp);

class WordForms {
 public:
  // A view of `blob` (made by BuildWordForms; it must outlive the view), or
  // nullopt when the blob is empty or malformed.
  static std::optional<WordForms> View(std::string_view blob);

  const DictionaryStamp& stamp() const { return stamp_; }
  // How many distinct keys (lower-case forms and mixed-case forms) it holds.
  size_t keys() const { return keys_; }

  // Whether Hunspell accepted `word` (UTF-8, as written) when the set was
  // made. No lock, and no allocation: ASCII words and words in lower case
  // are looked up as they are, others through a buffer each thread reuses.
  bool Contains(std::string_view word) const;

  // Whether the set records which of its lower-case forms are their own
  // Hunspell stems (made with BuildWordForms' `is_base`).
  bool has_base_words() const { return has_base_words_; }
  // Whether `word` (as written; only a lower-case form can be) is in the
  // set and among its own Hunspell stems ("information", not "bitches").
  // False when the set does not record it. No lock.
  bool IsBase(std::string_view word) const;

 private:
  // The bits kept for `key` (case bits and kBase); 0 when it is not there.
  uint8_t BitsOf(std::string_view key) const;

  WordForms() = default;
  DictionaryStamp stamp_;
  const unsigned char* filter_ = nullptr;  // uint64 each, unaligned reads
  const unsigned char* slots_ = nullptr;   // uint32 each
  uint32_t filter_log2_ = 0;
  const unsigned char* strings_ = nullptr;
  const unsigned char* runs_ = nullptr;  // one bit each: see the block's layout
  uint32_t slot_mask_ = 0;
  uint32_t strings_size_ = 0;
  uint32_t offset_bits_ = 0;
  size_t keys_ = 0;
  bool has_base_words_ = false;
};

// A word in lower case, in UPPER case and Capitalised (the lower-case form
// with its first letter upper-case), as the set's keys are made.
struct CaseForms {
  std::string lower, upper, capitalised;
};
// False for invalid UTF-8.
bool CaseFormsOf(std::string_view word, CaseForms* forms);

// Makes a set's block: every string of `forms` (any order, duplicates and
// bogus forms allowed) and its Capitalised and UPPER case that `spell`
// accepts. With `is_base`, also which of the lower-case ones it says are
// their own stems (IsBase). Empty when there are too many forms for the
// format (over 256 MB).
std::string BuildWordForms(const std::vector<std::string>& forms,
                           const std::function<bool(const std::string&)>& spell, const DictionaryStamp& stamp,
                           const std::function<bool(const std::string&)>& is_base = {});

// The block compiled into this binary for `dictionary` ("en_GB"), or empty
// when there is none (the build found no unmunch or no dictionary).
std::string_view EmbeddedWordForms(std::string_view dictionary);

// Whether the block compiled in for `dictionary` holds every word of ASCII
// letters and apostrophes that Hunspell accepts with its files (the build
// checked that the affix file makes no compounds of letters and converts
// none; tools/make_word_forms.cc): then a word of that kind that is not in
// the set is not a word, but for a few in capitals that Hunspell reaches by
// matching affixes in any case ("CMSES": see shared_dictionary.h). False
// when there is no block.
bool EmbeddedWordFormsComplete(std::string_view dictionary);

}  // namespace postcheck

#endif  // POSTCHECK_WORD_FORMS_H_
