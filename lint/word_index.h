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

#include "string_id_table.h"
#include "tokenizer.h"

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
  static constexpr uint32_t kNoWord = StringIdTable::kNone;

  // One phrase, however many owners added it: a phrase in several rules (or
  // in copies of a pack) is checked once per position.
  struct Entry {
    std::vector<uint32_t> words;      // ids of the folded words
    std::vector<std::string> exact;   // original words, for match_case
    bool match_case = false;
    std::vector<uint32_t> owners;
  };
  // What Match knows of one token before trying phrases: the ids of its
  // folded form and of that form with runs of three or more letters squeezed
  // to one and to two ("shiiiit": "shit", "shiit"), kNoWord when no phrase
  // has such a word; and whether the gap after it keeps a phrase going.
  struct TokenWords {
    uint32_t ids[3];
    bool joins_next;
    // Whether word `id` is one of the token's forms.
    bool Has(uint32_t id) const { return ids[0] == id || ids[1] == id || ids[2] == id; }
  };

  // The id of folded word `word`, kNoWord if no phrase has it.
  uint32_t WordId(std::string_view word) const;
  void MatchAt(const TokenizedText& text, const std::vector<TokenWords>& words, size_t first,
               uint32_t first_id, std::vector<WordHit>* hits) const;
  void MatchEvasions(const TokenizedText& text, std::vector<WordHit>* hits) const;

  // Appends a hit for every owner of `entry`.
  static void Emit(const Entry& entry, uint32_t begin, uint32_t end, std::vector<WordHit>* hits);

  std::vector<Entry> entries_;
  std::unordered_map<std::string, uint32_t> entry_ids_;  // phrase key -> entry
  // Every folded word of every phrase, by id: a token is hashed once and its
  // phrases are compared word by word as integers.
  StringIdTable word_ids_;
  // An entry as listed under its first word: enough to rule most entries
  // out at a token without reading the entry itself.
  struct Head {
    uint32_t entry;
    uint32_t second;  // id of the entry's second word; kNoWord for one word
    uint32_t size;    // number of words
    bool match_case;
  };
  std::vector<std::vector<Head>> by_first_word_;  // word id -> entries starting with it
  std::vector<std::vector<uint32_t>> single_by_length_;  // one-word, foldable entries by length
};

}  // namespace postcheck

#endif  // POSTCHECK_WORD_INDEX_H_
