// A hashed index of every word and phrase of every rule, matched against a
// tokenised draft in one pass: one hash look-up per token, whatever the
// number of rules.
//
// Matching is whole-word and, unless a phrase asks for exact case, sees
// through what FoldWord folds (case, compatibility forms, invisible
// characters, look-alike letters), letters repeated for emphasis ("shiiiit"),
// letters spelt out one by one ("f u c k", "r-a-p-e-d"), the parts of a
// CamelCase word or hashtag ("#ToriesOut", "#blacklivesmatter"), and, for
// single words, leetspeak ("sh1t", "$cum") and, with WordOptions::forms,
// inflections of a word listed in its base form ("bitch": "bitches";
// "fuck": "fucking"; but "groomed" lists that form alone), and, for
// disguised phrases, of their last word ("half breed": "half breeds").
//
// Entries added with WordOptions::disguises (strong terms: profanity and
// slurs) are also found masked with `*`, `.` or `#` inside the word ("f*ck",
// "f***ing", "sh.t"), hyphenated in pieces ("rag-heads", "mother-fucker"),
// broken in two by a space where one piece is no word ("bit ch", "f uck"),
// inside a compound the dictionary does not know
// ("fuckface", "motherfuckin"), its middle left out after its first letter
// ("f-wit"), with a few letters run on when five letters
// or more long ("abitch", "bitchlol") or with a short word run on before them
// ("acunt"), and misspelt by one edit when the dictionary does not know the
// word ("fcuk", "bich"; in a phrase, one word of five letters or more: "whte
// trash"). Other entries never match those forms: "c***" is no party name.
//
// The words of a phrase must follow each other with only spaces between
// (punctuation ends a phrase: "no, go" is not "no go"), except where the
// phrase itself has punctuation between two words ("shock, horror"): there
// the text may have punctuation or only spaces.
#ifndef POSTCHECK_WORD_INDEX_H_
#define POSTCHECK_WORD_INDEX_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "matching/lexicon.h"
#include "text/compound_split.h"
#include "text/string_id_table.h"
#include "text/tokenizer.h"

namespace postcheck {

struct WordHit {
  uint32_t owner;  // the id given to Add
  uint32_t begin;  // byte span in the original text
  uint32_t end;
};

// How an entry is matched besides its plain folded form.
struct WordOptions {
  bool match_case = false;  // exactly the case given, and no other form at all
  bool forms = true;        // inflections of a single word
  bool disguises = false;   // masks, compounds and one-edit misspellings
};

class WordIndex {
 public:
  // Adds `phrase` under `owner`, an id of the caller's choosing (each owner
  // is added once). Returns false when the phrase has no word in it.
  bool Add(std::string_view phrase, const WordOptions& options, uint32_t owner);
  // Makes room for `phrases` calls of Add in all (an estimate: more or fewer
  // change nothing but the time Add takes to grow its tables).
  void Reserve(size_t phrases);
  bool Add(std::string_view phrase, bool match_case, uint32_t owner) {
    return Add(phrase, WordOptions{match_case, !match_case, false}, owner);
  }
  // Frees what only Add needs (the tables that tell a phrase or an entry
  // added before), once every phrase is in: Match finds exactly what it
  // found before. Add must not be called after it.
  void DoneAdding();

  // Appends every occurrence of every phrase in `text` to *hits, in no
  // particular order. `lexicon` (may be null: then no compound is split and
  // no misspelling matched) tells words from disguises. Thread-safe.
  void Match(const TokenizedText& text, const Lexicon* lexicon, std::vector<WordHit>* hits) const;
  void Match(const TokenizedText& text, std::vector<WordHit>* hits) const { Match(text, nullptr, hits); }

  // The index as bytes (byte_codec.h), for a file written at build time
  // (word_index_file.h), and back (word_index_codec.cc): an index decoded
  // matches exactly what the encoded one did, at a small part of the cost of
  // adding its phrases again. Encode only after DoneAdding; Decode only into
  // an index nothing was added to. Decode checks every id and count against
  // the tables it indexes: on damaged bytes it returns false and leaves the
  // index empty.
  void Encode(std::string* out) const;
  bool Decode(std::string_view bytes);

  // The number of distinct phrases (a phrase added by several owners counts once).
  size_t size() const { return entries_.size(); }

  // Whether the text between two tokens keeps them in one phrase: spaces,
  // hyphens, apostrophes and the like do; sentence and clause punctuation,
  // brackets, slashes, line breaks and a dash set apart by spaces (" - ",
  // " – ", "—") do not.
  static bool JoinsPhrase(std::string_view gap);

 private:
  static constexpr uint32_t kNoWord = StringIdTable::kNone;

  // One phrase, however many owners added it: a phrase in several rules (or
  // in copies of a pack) is checked once per position.
  struct Entry {
    std::vector<uint32_t> words;      // ids of the folded words
    std::vector<std::string> exact;   // original words, for match_case
    bool match_case = false;
    std::vector<uint32_t> owners;
    bool stemmed = false;    // registered under its stem
    // A disguised phrase of several words: the stem of its last word, whose
    // forms end the phrase too ("half breeds"); empty when it has none.
    std::string last_stem;
    bool disguised = false;  // registered for compounds and misspellings
    // Bit k: the phrase has punctuation between its words k and k + 1, so
    // the text may too. Phrases with the same words share an entry and
    // their bits.
    uint64_t breaks = 0;
    bool MayBreakAfter(size_t k) const { return k < 64 && (breaks >> k & 1) != 0; }
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

  // What an owner asked for, as bits of `need` in Emit.
  enum OwnerFlag : uint8_t { kForms = 1, kDisguises = 2 };

  // The id of folded word `word`, kNoWord if no phrase has it.
  uint32_t WordId(std::string_view word) const;
  // Words and phrases at every token of `text`, and single words' forms,
  // for the owners that have every bit of `need`.
  void MatchTokens(const TokenizedText& text, const Lexicon* lexicon, uint8_t need,
                   std::vector<WordHit>* hits) const;
  void MatchAt(const TokenizedText& text, const std::vector<TokenWords>& words, size_t first,
               uint32_t first_id, const Lexicon* lexicon, uint8_t need, std::vector<WordHit>* hits) const;
  // Whether token `t` is an inflection of the last word of phrase `entry`
  // (word_index_forms.cc).
  bool EndsInForm(const TokenizedText& text, const Token& t, const Entry& entry, const Lexicon* lexicon) const;
  // The single words that token `t` is an inflection of: a longer word with
  // the same stem, which the lexicon (if any) does not know as a word of its
  // own (word_index_forms.cc).
  void MatchForms(const TokenizedText& text, const Token& t, const TokenWords& w, const Lexicon* lexicon,
                  uint8_t need, std::vector<WordHit>* hits) const;
  // Words disguised with leetspeak or masks ("sh1t", "f**k"); capitals then
  // digits are a road or a code ("A55"), never leetspeak.
  void MatchEvasions(const TokenizedText& text, std::vector<WordHit>* hits) const;
  // Letters spelt out one by one, CamelCase, hashtags and compounds
  // (word_index_split.cc).
  void MatchSpelledOut(const TokenizedText& text, const Lexicon* lexicon, std::vector<WordHit>* hits) const;
  // Tokens [first, end) read as one word, their folded forms joined.
  void MatchJoined(const TokenizedText& text, size_t first, size_t end, const Lexicon* lexicon, uint8_t need,
                   std::vector<WordHit>* hits) const;
  // Tokens [first, end) read as the one word `folded` (MatchJoined's, or a
  // word with letters left out: MatchInitialElided).
  void MatchReadAs(const TokenizedText& text, size_t first, size_t end, std::string_view folded,
                   const Lexicon* lexicon, uint8_t need, std::vector<WordHit>* hits) const;
  // A disguised entry hyphenated in two or three pieces of two letters or
  // more ("rag-heads"): only disguised entries, as the pieces may be words.
  void MatchHyphenated(const TokenizedText& text, const Lexicon* lexicon, std::vector<WordHit>* hits) const;
  // A disguised one-word entry written as its first letter, a hyphen for
  // kMinElidedLetters letters or more left out, and its last
  // kMinElidedTail letters or more: "f-wit" (fuckwit), "s-head" (shithead),
  // "a-hole". Not a piece of a longer hyphenated run ("f-u-c-k" is spelt
  // out), nor a tail with no entry ending in it ("e-scooter", "t-shirt").
  void MatchInitialElided(const TokenizedText& text, const Lexicon* lexicon, std::vector<WordHit>* hits) const;
  static constexpr size_t kMinElidedLetters = 2;
  static constexpr size_t kMinElidedTail = 3;
  // A disguised one-word entry broken in two by one space, perhaps with up to
  // kMaxBrokenSuffix letters of an ending after it, where the dictionary does
  // not know one of the two pieces as a word: "bit ch", "fu ck", "f uck",
  // "fa ggots"; not "as set", "a bitch", "nigga he" (a piece that is itself
  // a disguised word, unless the two are exactly another: "dat nigga") or
  // the end of a contraction ("what's hit").
  void MatchBroken(const TokenizedText& text, const Lexicon& lexicon, std::vector<WordHit>* hits) const;
  // A broken word has at least this many letters, and at most this many
  // more than the longest disguised word (its forms: "bit ches").
  static constexpr size_t kMinBrokenWord = 4;
  static constexpr size_t kMaxBrokenSuffix = 3;
  void MatchSplits(const TokenizedText& text, const Lexicon* lexicon, std::vector<WordHit>* hits) const;
  // Whether folded word `folded` is a disguised word of kMinLongDisguised
  // letters or more with up to kMaxRunOnLetters letters run on after it
  // ("bitchlol") or up to kMaxRunOnLettersBefore before it ("abitch",
  // "lilbitch"); if so, appends the disguised word's place to *parts.
  bool LongDisguisedEnd(std::string_view folded, std::vector<WordPart>* parts) const;
  static constexpr size_t kMinLongDisguised = 5;
  static constexpr size_t kMaxRunOnLetters = 4;
  static constexpr size_t kMaxRunOnLettersBefore = 3;
  // Whether folded word `folded` is a disguised word of kMinRunOnDisguised
  // letters or more with a word of one or two letters of running English
  // (IsShortWord) run on before it: "acunt", "yocunt"; if so, appends the
  // disguised word's place to *parts. Not after it ("assa" of "assa ulted"),
  // and not a shorter term ("acum" of "acum en", "ahoe").
  bool ShortWordRunOn(std::string_view folded, std::vector<WordPart>* parts) const;
  static constexpr size_t kMinRunOnDisguised = 4;
  // The words of token `t`, a word of letters that is not CamelCase, when
  // it is words run together that MatchSplits reads: a compound of a
  // disguised word (or, in a hashtag, of any words), a disguised word with
  // letters run on (LongDisguisedEnd, ShortWordRunOn). Sets *parts and the
  // owners' flags it needs (*need); false when it is not such a word.
  bool SplitRunTogether(const TokenizedText& text, const Token& t, const Lexicon& lexicon,
                        std::vector<WordPart>* parts, uint8_t* need) const;
  bool HasDisguisedPart(std::string_view folded) const;
  // Whether token `t` is a piece of a masked word, next to a `*` ("s" and
  // "spicion" of "s*spicion", "ckers" of "st*ckers"): no word of its own.
  static bool IsMaskPiece(const TokenizedText& text, const Token& t) {
    return (t.begin > 0 && text.text[t.begin - 1] == '*') || (t.end < text.text.size() && text.text[t.end] == '*');
  }
  // Unknown words one edit from a disguised entry (word_index_forms.cc);
  // not a piece of a word split by a stray space ("jewe llery").
  void MatchMisspellings(const TokenizedText& text, const Lexicon& lexicon, std::vector<WordHit>* hits) const;
  // A disguised phrase of several words with one word of
  // kMinMisspeltPhraseWord letters or more misspelt by one edit, as a single
  // word is (MatchMisspellings), where the dictionary does not know the word
  // as written ("whte trash", "white trsah"), or written in two pieces one
  // space apart, one of them no word ("whi te trash"), or with one letter
  // masked between two pieces ("wh*te trash"). Its other words must be as
  // listed (word_index_forms.cc).
  void MatchMisspeltPhrases(const TokenizedText& text, const Lexicon& lexicon, std::vector<WordHit>* hits) const;
  static constexpr size_t kMinMisspeltPhraseWord = 5;
  struct PhraseWord;
  // Whether the words of `entry` but the one at `place` are the tokens of
  // `text` from `first` on, joined as a phrase, where the word at `place`
  // takes `width` tokens (1, or 2 for a word in two pieces).
  bool PhraseAround(const TokenizedText& text, const Entry& entry, size_t first, size_t place, size_t width) const;
  // Appends to *candidates the phrase words indexed under `key`, each once.
  void CollectPhraseWords(std::string_view key, std::vector<PhraseWord>* candidates) const;
  // Emits phrase word `c` read at tokens [i, i + width) when the rest of
  // its phrase is around it (PhraseAround).
  void EmitPhrase(const TokenizedText& text, const PhraseWord& c, size_t i, size_t width,
                  std::vector<WordHit>* hits) const;
  // Token `t`, a dropped-g form whose -ing word `with_g` the lexicon knows
  // ("wankin"): the single-word entries that word is, or is a form of
  // (word_index_forms.cc).
  void MatchDroppedG(const Token& t, std::string_view with_g, const Lexicon& lexicon,
                     std::vector<WordHit>* hits) const;
  // Emits, over token `t`, every entry that `word` (lower-case ASCII) is a
  // longer form of by its stem, unless the lexicon knows `word` as a base
  // word; entries the token `w` already is (if given) are left to the exact
  // match (word_index_forms.cc).
  void EmitFormsOf(std::string_view word, const Token& t, const TokenWords* w, const Lexicon* lexicon, uint8_t need,
                   std::vector<WordHit>* hits) const;

  // Whether every id the tables hold is in range (word_index_codec.cc).
  bool Consistent() const;

  // Appends a hit for every owner of `entry` that has every bit of `need`.
  void Emit(const Entry& entry, uint32_t begin, uint32_t end, uint8_t need, std::vector<WordHit>* hits) const;
  // Registers entry `id` for its stem and, when `disguised`, its deletions.
  void AddForms(uint32_t id, bool disguised);

  std::vector<Entry> entries_;
  StringIdTable entry_keys_;  // phrase key; its id is its entry's index
  // Each phrase as given to Add, with "1" or "0" for match_case in front,
  // and its entry (kNoEntry for one with no word in it).
  static constexpr uint32_t kNoEntry = UINT32_MAX;
  StringIdTable added_phrases_;
  std::vector<uint32_t> added_entries_;
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

  std::vector<uint8_t> owner_flags_;  // by owner id: OwnerFlag bits
  // Word forms: one-word entries by the stem of their word, and which
  // three-letter starts any such stem has (a token whose start is not among
  // them need not be stemmed).
  StringIdTable stem_ids_;
  std::vector<std::vector<uint32_t>> entries_by_stem_;
  std::vector<bool> stem_starts_;  // 26 * 26 * 26 bits
  // Disguised one-word entries: their words (for compounds), and by each
  // string one deletion away from their word, and by the word itself (for
  // misspellings).
  StringIdTable disguised_words_;
  size_t disguised_min_ = SIZE_MAX, disguised_max_ = 0;
  // The ids in disguised_words_ of the words that start with each letter
  // a-z (for MatchInitialElided: "f-wit" looks only at words in f).
  std::array<std::vector<uint32_t>, 26> disguised_by_initial_;
  StringIdTable deletion_ids_;
  std::vector<std::vector<uint32_t>> entries_by_deletion_;
  // The words of disguised phrases of several words, by each string one
  // deletion away from the word and by the word itself: the phrase and the
  // word's place in it (for misspelt phrases).
  StringIdTable phrase_deletion_ids_;
  size_t phrase_word_max_ = 0;  // the longest such word
  struct PhraseWord {
    uint32_t entry;
    uint32_t place;
  };
  std::vector<std::vector<PhraseWord>> phrase_words_by_deletion_;
};

}  // namespace postcheck

#endif  // POSTCHECK_WORD_INDEX_H_
