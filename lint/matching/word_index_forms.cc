// WordIndex: inflections of listed words (by stem) and misspellings of
// disguised ones (one edit, symmetric delete).
#include <algorithm>

#include "text/edit_distance.h"
#include "text/utf8.h"
#include "matching/word_index.h"
#include "text/word_stem.h"

namespace postcheck {
namespace {

bool IsLowerAsciiWord(std::string_view s) {
  for (char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return !s.empty();
}

// The bit of a word's first three letters in stem_starts_.
size_t StartBit(std::string_view word) {
  return static_cast<size_t>(word[0] - 'a') * 676 + static_cast<size_t>(word[1] - 'a') * 26 +
         static_cast<size_t>(word[2] - 'a');
}

// Whether `word` is the base its forms are made from: its own stem, but for
// a final y that the stemmer writes as i ("pussy": "pussi"). A listed form
// ("groomed") is not: the list chose that form, and "grooming" need not be
// meant.
bool IsOwnStem(std::string_view word, std::string_view stem) {
  if (stem == word) return true;
  return word.size() == stem.size() && word.back() == 'y' && stem.back() == 'i' &&
         word.substr(0, word.size() - 1) == stem.substr(0, stem.size() - 1);
}

// Disguised entries shorter than this are not matched misspelt.
constexpr size_t kMinMisspeltLength = 4;
// Entries up to this long match misspelt only with two letters swapped
// ("fcuk") or one left out ("bich"): a changed or added letter turns too many
// short words into others ("squak" is no "squaw", "boone" no "boong").
constexpr size_t kMaxShortLength = 5;

// Whether `written` reads as a misspelling of listed word `word`: one edit
// apart, and for a short word one of the edits above. The one rule for
// single words and for a word of a phrase.
bool MisspeltAs(std::string_view word, std::string_view written) {
  const Edit edit = OneEditBetween(word, written);
  if (edit == Edit::kNone) return false;
  if (word.size() == kMinMisspeltLength && edit != Edit::kTransposition) return false;
  return word.size() > kMaxShortLength || edit == Edit::kTransposition || edit == Edit::kDeletion;
}

}  // namespace

void WordIndex::AddForms(uint32_t id, bool disguised) {
  Entry& entry = entries_[id];
  if (entry.match_case) return;
  if (entry.words.size() > 1) {
    // A strong term's last word's stem, when the word is its own base:
    // "half breed" ends in "breeds" too. Other phrases keep the form listed:
    // "one brain cell" is mockery, "brain cells" need not be.
    if (!disguised) return;
    if (!entry.disguised) {
      entry.disguised = true;
      for (size_t k = 0; k < entry.words.size(); ++k) {
        const std::string_view word = word_ids_.Get(entry.words[k]);
        if (word.size() < kMinMisspeltPhraseWord || !IsLowerAsciiWord(word)) continue;
        phrase_word_max_ = std::max(phrase_word_max_, word.size());
        auto add = [&](std::string_view key) {
          const uint32_t did = phrase_deletion_ids_.Intern(key);
          if (phrase_words_by_deletion_.size() <= did) phrase_words_by_deletion_.resize(did + 1);
          auto& list = phrase_words_by_deletion_[did];
          const PhraseWord at{id, static_cast<uint32_t>(k)};
          if (list.empty() || list.back().entry != id || list.back().place != at.place) list.push_back(at);
        };
        add(word);
        ForEachDeletion(std::string(word), add);
      }
    }
    const std::string last(word_ids_.Get(entry.words.back()));
    std::string stem;
    if (entry.last_stem.empty() && last.size() >= 3 && IsLowerAsciiWord(last) && StemWord(last, &stem) &&
        stem.size() >= 3 && IsOwnStem(last, stem)) {
      entry.last_stem = stem;
    }
    return;
  }
  const std::string word(word_ids_.Get(entry.words[0]));
  if (!IsLowerAsciiWord(word)) return;
  if (!entry.stemmed && word.size() >= 3) {
    std::string stem;
    if (StemWord(word, &stem) && stem.size() >= 3 && IsLowerAsciiWord(stem) && IsOwnStem(word, stem)) {
      const uint32_t sid = stem_ids_.Intern(stem);
      if (entries_by_stem_.size() <= sid) entries_by_stem_.resize(sid + 1);
      entries_by_stem_[sid].push_back(id);
      if (stem_starts_.empty()) stem_starts_.assign(26 * 26 * 26, false);
      stem_starts_[StartBit(stem)] = true;
    }
    entry.stemmed = true;
  }
  if (disguised && !entry.disguised) {
    entry.disguised = true;
    const size_t known_words = disguised_words_.size();
    const uint32_t wid = disguised_words_.Intern(word);
    // A word interned for the first time (another entry may share it); a
    // lower-case ASCII word (above), so its first letter is a to z.
    if (disguised_words_.size() > known_words) {
      disguised_by_initial_[word[0] - 'a'].push_back(wid);
    }
    disguised_min_ = std::min(disguised_min_, word.size());
    disguised_max_ = std::max(disguised_max_, word.size());
    if (word.size() >= kMinMisspeltLength) {
      auto add = [&](std::string_view key) {
        const uint32_t did = deletion_ids_.Intern(key);
        if (entries_by_deletion_.size() <= did) entries_by_deletion_.resize(did + 1);
        auto& list = entries_by_deletion_[did];
        if (list.empty() || list.back() != id) list.push_back(id);
      };
      add(word);
      ForEachDeletion(word, add);
    }
  }
}

bool WordIndex::EndsInForm(const TokenizedText& text, const Token& t, const Entry& entry,
                           const Lexicon* lexicon) const {
  std::string_view folded = text.Folded(t);
  // An inflection is longer than its word: "breed" is no form of "breeds".
  if (folded.size() <= word_ids_.Get(entry.words.back()).size() || !IsLowerAsciiWord(folded)) return false;
  thread_local std::string stem;
  if (!StemWord(folded, &stem) || stem != entry.last_stem) return false;
  return !lexicon || !lexicon->IsBaseWord(folded);
}

void WordIndex::MatchForms(const TokenizedText& text, const Token& t, const TokenWords& w,
                           const Lexicon* lexicon, uint8_t need, std::vector<WordHit>* hits) const {
  std::string_view folded = text.Folded(t);
  if (folded.size() < 3 || !IsLowerAsciiWord(folded)) return;
  EmitFormsOf(folded, t, &w, lexicon, need, hits);
}

void WordIndex::EmitFormsOf(std::string_view word, const Token& t, const TokenWords* w, const Lexicon* lexicon,
                            uint8_t need, std::vector<WordHit>* hits) const {
  if (stem_starts_.empty() || !stem_starts_[StartBit(word)]) return;  // no stem at all, or none starts so
  thread_local std::string stem;
  if (!StemWord(word, &stem)) return;
  const uint32_t sid = stem_ids_.Find(stem);
  if (sid == kNoWord) return;
  bool asked = false;
  for (uint32_t e : entries_by_stem_[sid]) {
    const Entry& entry = entries_[e];
    if (w && w->Has(entry.words[0])) continue;  // the token is the word itself: matched already
    // An inflection is longer than its word: "grass" is no form of "grassed".
    if (word.size() <= word_ids_.Get(entry.words[0]).size()) continue;
    if (lexicon && !asked) {
      if (lexicon->IsBaseWord(word)) return;  // "crappie" is no form of "crappy"
      asked = true;
    }
    Emit(entry, t.begin, t.end, need | kForms, hits);
  }
}

void WordIndex::MatchDroppedG(const Token& t, std::string_view with_g, const Lexicon& lexicon,
                              std::vector<WordHit>* hits) const {
  if (const uint32_t id = WordId(with_g); id != kNoWord && id < by_first_word_.size()) {
    for (const Head& head : by_first_word_[id]) {
      if (head.size == 1 && !head.match_case) Emit(entries_[head.entry], t.begin, t.end, 0, hits);
    }
  }
  EmitFormsOf(with_g, t, nullptr, &lexicon, 0, hits);
}

namespace {

// Whether token `i` is followed, one space on, by a word in lower case, as a
// name is when it qualifies a noun ("boer families", "fukushima disaster").
bool QualifiesNextWord(const TokenizedText& text, size_t i) {
  if (i + 1 >= text.tokens.size()) return false;
  const Token& next = text.tokens[i + 1];
  return text.tokens[i].end + 1 == next.begin && text.text[text.tokens[i].end] == ' ' && !next.capitalised &&
         next.has_letter && !next.has_digit;
}

// Whether token `i` and the token one space before or after it, written
// together, make a word the dictionary knows.
bool JoinsKnownWord(const TokenizedText& text, size_t i, const Lexicon& lexicon) {
  const auto joined_known = [&](size_t a) {
    const Token& left = text.tokens[a];
    const Token& right = text.tokens[a + 1];
    if (left.end + 1 != right.begin || text.text[left.end] != ' ') return false;
    std::string word(text.Original(left));
    word.append(text.Original(right));
    return lexicon.Knows(word);
  };
  return (i > 0 && joined_known(i - 1)) || (i + 1 < text.tokens.size() && joined_known(i));
}

}  // namespace

void WordIndex::MatchMisspellings(const TokenizedText& text, const Lexicon& lexicon,
                                  std::vector<WordHit>* hits) const {
  thread_local std::vector<uint32_t> candidates;
  for (size_t i = 0; i < text.tokens.size(); ++i) {
    const Token& t = text.tokens[i];
    std::string_view folded = text.Folded(t);
    if (folded.size() < kMinMisspeltLength || folded.size() > disguised_max_ + 1) continue;
    if (t.capitalised && !t.sentence_start && !t.all_caps) continue;  // a name, most likely
    if (!IsLowerAsciiWord(folded) || WordId(folded) != kNoWord || IsMaskPiece(text, t)) continue;
    candidates.clear();
    auto collect = [&](std::string_view key) {
      const uint32_t did = deletion_ids_.Find(key);
      if (did == kNoWord) return;
      for (uint32_t e : entries_by_deletion_[did]) {
        if (std::find(candidates.begin(), candidates.end(), e) == candidates.end()) candidates.push_back(e);
      }
    };
    collect(folded);
    ForEachDeletion(folded, collect);
    bool asked = false, known = false;
    for (uint32_t e : candidates) {
      const Entry& entry = entries_[e];
      if (!MisspeltAs(word_ids_.Get(entry.words[0]), folded)) continue;
      if (!asked) {
        // Known as written, or as a name written in lower case before the
        // word it qualifies ("boer families"): no misspelling of a listed
        // word. A name on its own stays suspect: "you niger" is no country.
        known = lexicon.Knows(text.Original(t));
        // A dialect form that drops the g of a word the dictionary knows
        // ("missin'", "duckin"): that word, however close to a listed one
        // ("pissin", "fuckin"), and reported only if that word is listed
        // ("wankin").
        if (!known && folded.size() > 4 && folded.substr(folded.size() - 2) == "in") {
          std::string with_g(folded);
          with_g += 'g';
          known = lexicon.Knows(with_g);
          if (known) MatchDroppedG(t, with_g, lexicon, hits);
        }
        if (!known && QualifiesNextWord(text, i)) {
          std::string capitalised(text.Original(t));
          capitalised[0] = AsciiUpper(capitalised[0]);
          known = lexicon.Knows(capitalised);
        }
        // A piece of a word split by a stray space: "rele ased", "jewe
        // llery". The two pieces make a word the dictionary knows.
        if (!known) known = JoinsKnownWord(text, i, lexicon);
        asked = true;
      }
      if (known) break;
      Emit(entry, t.begin, t.end, kDisguises, hits);
    }
  }
}

bool WordIndex::PhraseAround(const TokenizedText& text, const Entry& entry, size_t first, size_t place,
                             size_t width) const {
  const size_t n = entry.words.size();
  if (first + n + width - 1 > text.tokens.size()) return false;
  // The token of word k (the first of the disguised word's, at `place`).
  const auto token_of = [&](size_t k) { return first + k + (k > place ? width - 1 : 0); };
  for (size_t k = 0; k < n; ++k) {
    if (k + 1 < n) {
      const Token& a = text.tokens[token_of(k + 1) - 1];
      const Token& b = text.tokens[token_of(k + 1)];
      if (!JoinsPhrase(text.text.substr(a.end, b.begin - a.end)) && !entry.MayBreakAfter(k)) return false;
    }
    if (k != place && WordId(text.Folded(text.tokens[token_of(k)])) != entry.words[k]) return false;
  }
  return true;
}

void WordIndex::CollectPhraseWords(std::string_view key, std::vector<PhraseWord>* candidates) const {
  const uint32_t did = phrase_deletion_ids_.Find(key);
  if (did == kNoWord) return;
  for (const PhraseWord& w : phrase_words_by_deletion_[did]) {
    const bool seen = std::any_of(candidates->begin(), candidates->end(), [&](const PhraseWord& c) {
      return c.entry == w.entry && c.place == w.place;
    });
    if (!seen) candidates->push_back(w);
  }
}

void WordIndex::EmitPhrase(const TokenizedText& text, const PhraseWord& c, size_t i, size_t width,
                           std::vector<WordHit>* hits) const {
  const Entry& entry = entries_[c.entry];
  if (c.place > i || !PhraseAround(text, entry, i - c.place, c.place, width)) return;
  const size_t first = i - c.place;
  Emit(entry, text.tokens[first].begin, text.tokens[first + entry.words.size() + width - 2].end, kDisguises, hits);
}

void WordIndex::MatchMisspeltPhrases(const TokenizedText& text, const Lexicon& lexicon,
                                     std::vector<WordHit>* hits) const {
  std::vector<PhraseWord> candidates;
  const auto plausible = [&](const Token& t) {
    const std::string_view folded = text.Folded(t);
    return !(t.capitalised && !t.sentence_start && !t.all_caps) && IsLowerAsciiWord(folded);  // else a name, most likely
  };
  for (size_t i = 0; i < text.tokens.size(); ++i) {
    const Token& t = text.tokens[i];
    std::string_view folded = text.Folded(t);
    if (folded.size() + 1 < kMinMisspeltPhraseWord || folded.size() > phrase_word_max_ + 1) continue;
    if (!plausible(t) || WordId(folded) != kNoWord || IsMaskPiece(text, t)) continue;
    candidates.clear();
    CollectPhraseWords(folded, &candidates);
    ForEachDeletion(folded, [&](std::string_view key) { CollectPhraseWords(key, &candidates); });
    bool asked = false, known = false;
    for (const PhraseWord& c : candidates) {
      if (!MisspeltAs(word_ids_.Get(entries_[c.entry].words[c.place]), folded)) continue;
      if (!asked) {
        known = lexicon.Knows(text.Original(t));
        asked = true;
      }
      if (known) break;
      EmitPhrase(text, c, i, 1, hits);
    }
  }
  // A word of a phrase written in two pieces, one space or one `*` apart,
  // where the dictionary does not know one piece: "whi te trash", "wh*te
  // trash".
  std::string joined;
  for (size_t i = 0; i + 1 < text.tokens.size(); ++i) {
    const Token& a = text.tokens[i];
    const Token& b = text.tokens[i + 1];
    const std::string_view gap = text.text.substr(a.end, b.begin - a.end);
    if (gap != " " && gap != "*") continue;
    const std::string_view left = text.Folded(a), right = text.Folded(b);
    if (left.size() + right.size() + (gap == "*") < kMinMisspeltPhraseWord ||
        left.size() + right.size() > phrase_word_max_ || !plausible(a) || !plausible(b)) {
      continue;
    }
    joined.assign(left);
    joined.append(right);
    candidates.clear();
    CollectPhraseWords(joined, &candidates);
    bool asked = false, pieces_known = false;
    for (const PhraseWord& c : candidates) {
      const std::string_view word = word_ids_.Get(entries_[c.entry].words[c.place]);
      // A space: the two pieces make the word. A mask: it stands for the
      // one letter between them.
      const bool makes_word = gap == " " ? word == joined
                                         : word.size() == joined.size() + 1 && word.substr(0, left.size()) == left &&
                                               word.substr(left.size() + 1) == right;
      if (!makes_word) continue;
      if (!asked && gap == " ") {
        // Two words the dictionary knows are two words: "as set".
        pieces_known = lexicon.Knows(text.Original(a)) && lexicon.Knows(text.Original(b));
        asked = true;
      }
      if (pieces_known) break;
      EmitPhrase(text, c, i, 2, hits);
    }
  }
}

}  // namespace postcheck
