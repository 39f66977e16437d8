// How the pattern matchers read words the dictionary does not know: the
// constructions of the packs (a first person, a violent verb, a group) must
// hold when one of their words is misspelt or run together, as disguised
// profanity does for word lists (word_index.h).
//
// A WordReader holds the packs' risk vocabulary (the words of the risk
// rules' word lists and patterns that the dictionary knows, less the strong
// terms whose disguises the word index matches) and finds, in a
// tokenised draft, the words to read otherwise (MatchView::Reread):
//   - a word the dictionary does not know that splits into exactly two words
//     it knows, of three letters or more ("a" and "I" aside), one of them in
//     the vocabulary, as the two: "stabthose" stab those (tried first). With
//     "a" or "I", the other must be a word of a list, not only of a pattern,
//     or the two a listed phrase: "Ihate" I hate, but not "Iwould"; a strong
//     term as one of the two only when it has four letters or more and the
//     other three or more ("absolutefilth", not "faggit"). A two-letter
//     word that opens a phrase ("so", "is", "be", "to") may be the first
//     part, before a vocabulary word of four letters or more: "sostupid"
//     so stupid, but not "trotin" (a short last part) or "onto"; such a
//     word, "a" or "I" before a strong term of four letters or more is
//     read too ("offags": of fags);
//   - else, a word the dictionary does not know that is one edit (a letter
//     swapped with its neighbour, missing, added or replaced) from exactly one
//     vocabulary word and from no strong term, as that word: "klil" kill,
//     "Deaht" Death, "immigrnts" immigrants. As the word index reads
//     misspelt strong terms: a word of up to four letters only by a swap,
//     one of five by a swap or a missing letter;
//   - a word of letters and digits, begun with a letter, whose digits
//     stand for letters ("h4te", "k1ll", "s1ck"; "8" for "ate": "h8") that
//     make a vocabulary word or a strong term, as that word ("porch m0nkey":
//     porch monkey); a word all in capitals only from six characters on
//     (shorter ones are codes: "G4S", "SW1A", "S1CK") and only as a
//     vocabulary word ("C0N5ERVAT1VES": Conservatives);
//   - a word the dictionary does not know, of three letters or more, with
//     the word before or after it, one space apart, when the two make a
//     vocabulary word (not a strong term: the word index reads those): "stu
//     pid" stupid, "pat hetic" pathetic, "imm igrants" immigrants. Both
//     parts of two letters or more, in lower case (a capital at a
//     sentence's start, or inside one for a word known only capitalised:
//     "Mus lims", not "Mr Stu Pid"); also two letters that are no word
//     with the word after them: "ki ll" kill;
//   - a word with a letter written three times or more for stress, as the
//     word it stretches: "sooo" so, "patheeetic" pathetic (each such run
//     twice or once; a vocabulary word first, then any word the dictionary
//     knows; never a strong term, which the word index reads);
//   - a word with one or two of its letters masked by stars, letters on
//     both sides, in lower case (a capital at a sentence's start, or
//     inside one for a word known only capitalised: "the Musl*ms"), as
//     the one vocabulary word it may hide: "p*ople" people,
//     "path**ic" pathetic. Not when it may hide two vocabulary words or any
//     strong term ("f*ck": the word index's to match);
//   - letters written apart by one dot, hyphen or underscore, the same
//     throughout, all in lower case but the first, that make a vocabulary
//     word of four letters or more: "p.a.t.h.e.t.i.c" pathetic (capitals,
//     "R.I.P." and "e.g." are not read);
//   - single letters spelt out with spaces whose letters make a word the
//     dictionary knows, as that word: "h a t e" hate, "I h a t e" I hate. A
//     strong term (AddDisguised) only with a word's letter run on ("a b i t
//     c h"): alone ("c o o n") the word index matches it as a disguise.
// Never read: words the dictionary knows, in lower case words it knows
// capitalised (names of peoples written small: "nigerians" is no misspelt
// "nigerian"), words one edit from a strong
// term, words any rule lists that the dictionary does not know ("wetback",
// "alot") and their forms ("wetbacks"), capitalised words inside a sentence
// (names; a misspelt one only when the word meant is known only capitalised,
// "a Muslm"; a run-together word only when its first part is a vocabulary word
// the dictionary knows only capitalised: "Muslimsdisgust", not "Jimkill" or
// "Penistone"), words in capitals and words with digits (but for
// leetspeak, above), words of other than ASCII letters, words longer than
// kMaxSplitLength,
// @handles, #hashtags, URLs,
// e-mail addresses and masked words otherwise ("f***ing", "b*tch*s").
//
// Promises: a draft whose words the dictionary all knows costs one
// dictionary look-up per word of three letters or more and per word of two
// outside the commonest ("is", "to", "Mr"), and nothing is allocated for
// it; with SetFill, the vocabulary is collected only when a first draft has
// a word to read. Thread-safe once built.
#ifndef POSTCHECK_WORD_READING_H_
#define POSTCHECK_WORD_READING_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "matching/lexicon.h"
#include "text/compound_split.h"
#include "text/match_view.h"
#include "text/string_id_table.h"
#include "text/tokenizer.h"

namespace postcheck {

// Calls fn(word) for each run of three or more ASCII letters written as
// literal text in RE2 pattern `pattern`: not an escape's letter ("\b",
// "\p{Lu}"), a flag ("(?i)"), a group's name ("(?P<match>") or a class's
// range ("[a-z]"). Over-collecting is harmless: WordReader keeps only words
// the dictionary knows.
void ForEachPatternWord(std::string_view pattern, const std::function<void(std::string_view)>& fn);

class WordReader {
 public:
  // Adds the ASCII-letter words of `phrase` (three letters or more) to the
  // vocabulary: `listed`, an entry of a risk rule's word list (a listed
  // word when it is one word of letters); otherwise a pattern's literal
  // words. `exception`: a word of an unless condition only ("dead heat"):
  // a misspelling one edit from it and from a word a rule looks for
  // ("haet": heat, hate) is read as the latter. Call before Finish.
  void AddPhrase(std::string_view phrase, bool listed = true, bool exception = false);
  // Adds the words of `phrase` of any rule's list, or its swap terms: a
  // word the dictionary does not know among them ("alot", "wetback") is
  // never read as another (Finish). Call before Finish.
  void AddListed(std::string_view phrase);
  // Leaves `word` out of the vocabulary: a strong term whose disguises the
  // word index sees through itself, and tells from innocent words
  // ("c o o n" is a slur; "coon" alone may be an animal). Call before Finish.
  void AddDisguised(std::string_view word);
  // Makes `fill` add the words (AddPhrase, AddListed, AddDisguised) the
  // first time a draft has a word to read, and Finish: a process whose
  // drafts are all known words never collects the vocabulary.
  void SetFill(std::function<void(WordReader*)> fill) { fill_ = std::move(fill); }
  // Keeps the words `lexicon` knows (as listed lower-case, or capitalised:
  // "muslims" as "Muslims") as the vocabulary; the others, and their stems,
  // as words never to read. Call once.
  void Finish(const Lexicon& lexicon);

  // Whether lower-case `word` is in the vocabulary.
  bool InVocabulary(std::string_view word) const { return words_.Find(word) != StringIdTable::kNone; }
  // Whether it is, from a word list.
  bool ListedInVocabulary(std::string_view word) const {
    const uint32_t id = words_.Find(word);
    return id != StringIdTable::kNone && from_list_[id];
  }
  size_t size() const { return words_.size(); }

  // Appends to *out (emptied first) the readings of `text`'s words, in order
  // of position, not overlapping. Returns whether there is any.
  bool Read(const TokenizedText& text, const Lexicon& lexicon, std::vector<ViewReading>* out) const;

 private:
  // Records the letters of vocabulary word or strong term `word` by place.
  void NoteLetters(std::string_view word);
  // The letters (bit 0: 'a') that some vocabulary word or strong term of
  // `length` letters has at `place`.
  uint32_t LettersAt(size_t length, size_t place) const;
  // Fills and finishes the reader once, if that was left to a draft
  // (SetFill). Thread-safe.
  void Ready(const Lexicon& lexicon) const;
  // Whether lower-case `word` or its stem is a listed word the dictionary
  // does not know.
  bool IsListed(std::string_view word) const;
  // The one vocabulary word one edit from unknown lower-case `word`, or
  // kNone when there is none, more than one (but one word a rule looks for
  // beside words only exceptions name is that word), or a strong term one
  // edit away.
  // *near_strong: whether a strong term is one edit away.
  uint32_t MisspeltWord(std::string_view word, bool* near_strong) const;
  // Appends the reading of token `t`, letters and digits, as the vocabulary
  // word its digits stand for ("h4te" hate, "k1ll" kill, "h8" hate), if it
  // is one and no strong term (the word index reads those).
  bool ReadLeet(const TokenizedText& text, const Token& t, const Lexicon& lexicon,
                std::vector<ViewReading>* out) const;
  // Appends the reading of tokens `first` and `first` + 1, one space apart,
  // as the vocabulary word they make together ("stu pid": stupid), if they
  // do and it is no strong term. The caller knows one of them is unknown.
  bool ReadSplitInTwo(const TokenizedText& text, size_t first, const Lexicon& lexicon,
                      std::vector<ViewReading>* out) const;
  // Appends the reading of token `i` as two known words, if it is one.
  bool ReadRunTogether(const TokenizedText& text, size_t i, const Lexicon& lexicon,
                       std::vector<ViewReading>* out) const;
  // Appends the reading of token `t` (`written`), a word with a letter
  // written three times or more ("sooo", "patheeetic"), as the word it
  // stretches: each such run written twice or once, the first that is a
  // vocabulary word, else the first the dictionary knows; not when one is
  // a strong term.
  bool ReadStretched(const Token& t, std::string_view written, const Lexicon& lexicon,
                     std::vector<ViewReading>* out) const;
  // Appends the reading of token `i`, one or two stars and token `i` + 1
  // ("p*ople") as the one vocabulary word they may hide, if there is exactly
  // one and no strong term among the words they may hide.
  bool ReadMasked(const TokenizedText& text, size_t i, const Lexicon& lexicon, std::vector<ViewReading>* out) const;
  // Appends the reading of letters written apart by one dot, hyphen or
  // underscore from token `i` ("p.a.t.h.e.t.i.c"), the same between every
  // two, all in lower case but the first, when they make a vocabulary word
  // of four letters or more that is no strong term; returns how many
  // tokens after `i` the run goes on (0 when there is none).
  size_t ReadSeparated(const TokenizedText& text, size_t i, const Lexicon& lexicon,
                       std::vector<ViewReading>* out) const;
  // Appends the reading of the letters spelt out from token `i`, if any;
  // returns how many tokens after `i` the run of single letters goes on.
  size_t ReadSpeltOut(const TokenizedText& text, size_t i, const Lexicon& lexicon,
                      std::vector<ViewReading>* out) const;

  std::function<void(WordReader*)> fill_;
  bool finished_ = false;
  mutable std::once_flag once_;
  mutable std::atomic<bool> ready_{false};
  // Before Finish: the words added, whether each is a listed word, and
  // whether only unless conditions named it; the strong terms.
  StringIdTable collected_;
  std::vector<bool> collected_listed_;
  std::vector<bool> collected_exception_;
  StringIdTable disguised_;
  StringIdTable words_;                        // the vocabulary, lower case
  std::vector<bool> from_list_;                // by id in words_: from a word list
  std::vector<bool> exception_only_;           // by id in words_: only from unless conditions
  StringIdTable phrases_;                      // listed two-word phrases, lower case
  // Every vocabulary word and strong term, for MisspeltWord: by id in
  // targets_, the word's id in words_, or kStrongTarget.
  static constexpr uint32_t kStrongTarget = StringIdTable::kNone - 1;
  StringIdTable targets_;
  std::vector<uint32_t> target_words_;
  std::vector<uint32_t> letters_at_;           // by length and place: LettersAt
  size_t longest_ = 0;                         // the longest word of words_ and strong_
  StringIdTable strong_;                       // AddDisguised's words: never spelt out
  StringIdTable listed_;                       // listed words the dictionary does not know, and stems
};

}  // namespace postcheck

#endif  // POSTCHECK_WORD_READING_H_
