// A hashed index of every word and phrase of every rule, matched against a
// tokenised draft in one pass: one hash look-up per token, whatever the
// number of rules.
//
// Matching is whole-word and, unless a phrase asks for exact case, sees
// through what FoldWord folds (case, compatibility forms, invisible
// characters, look-alike letters), letters repeated for emphasis ("shiiiit"),
// and, for single words, leetspeak ("sh1t", "$cum") and masking with `*` or
// `.` inside the word ("f*ck", "f***ing", "sh.t").
#ifndef POSTCHECK_WORD_INDEX_H_
#define POSTCHECK_WORD_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tokenizer.h"
#include "string_hash.h"

namespace postcheck {

struct WordHit {
  uint32_t owner;  // the id given to Add
  uint32_t begin;  // byte span in the original text
  uint32_t end;
};

class WordIndex {
 public:
  // Adds `phrase` under `owner`, an id of the caller's choosing. With
  // `match_case`, the phrase matches only with exactly the case given and no
  // evasion forms. Returns false when the phrase has no word in it.
  bool Add(std::string_view phrase, bool match_case, uint32_t owner);

  // Appends every occurrence of every phrase in `text` to *hits, in no
  // particular order. Thread-safe.
  void Match(const TokenizedText& text, std::vector<WordHit>* hits) const;

  // The number of distinct phrases (a phrase added by several owners counts once).
  size_t size() const { return entries_.size(); }

 private:
  // One phrase, however many owners added it: a phrase in several rules (or
  // in copies of a pack) is checked once per position.
  struct Entry {
    std::vector<std::string> folded;  // folded words
    std::vector<std::string> exact;   // original words, for match_case
    bool match_case = false;
    std::vector<uint32_t> owners;
  };
  using Map = std::unordered_map<std::string, std::vector<uint32_t>, StringViewHash, StringViewEqual>;

  void MatchAt(const TokenizedText& text, size_t first, std::string_view form,
               std::vector<WordHit>* hits) const;
  void MatchEvasions(const TokenizedText& text, std::vector<WordHit>* hits) const;
  bool TokenMatches(const TokenizedText& text, const Token& token, const Entry& entry,
                    size_t word) const;

  // Appends a hit for every owner of `entry`.
  static void Emit(const Entry& entry, uint32_t begin, uint32_t end, std::vector<WordHit>* hits);

  std::vector<Entry> entries_;
  std::unordered_map<std::string, uint32_t> entry_ids_;  // phrase key -> entry
  Map by_first_word_;                               // first folded word -> entries
  std::vector<std::vector<uint32_t>> single_by_length_;  // one-word, foldable entries by length
};

}  // namespace postcheck

#endif  // POSTCHECK_WORD_INDEX_H_
