#include "matching/word_index.h"

#include <array>

#include "text/normalize.h"
#include "text/reused_space.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

// Bit k set: punctuation between words k and k + 1 of `phrase`. Most
// phrases have none, and are not tokenised a second time to learn it.
uint64_t PhraseBreaks(std::string_view phrase) {
  if (WordIndex::JoinsPhrase(phrase)) return 0;
  TokenizedText text;
  Tokenize(phrase, &text);
  uint64_t breaks = 0;
  for (size_t k = 0; k + 1 < text.tokens.size() && k < 64; ++k) {
    const size_t gap = text.tokens[k].end;
    if (!WordIndex::JoinsPhrase(phrase.substr(gap, text.tokens[k + 1].begin - gap))) breaks |= uint64_t{1} << k;
  }
  return breaks;
}

bool HasRunOfThree(std::string_view s) {
  for (size_t i = 2; i < s.size(); ++i) {
    if (s[i] == s[i - 1] && s[i] == s[i - 2]) return true;
  }
  return false;
}

// Characters that can make up a disguised word, by byte: letters, digits,
// leetspeak symbols and masks, sorted into what the scan for runs tells
// apart. 0 for any other byte.
enum EvasionClass : unsigned char { kNotEvasion = 0, kEvasionLetter, kEvasionDot, kEvasionBang, kEvasionOther };
const std::array<unsigned char, 256> kEvasionClass = [] {
  std::array<unsigned char, 256> cls{};
  for (int c = 0; c < 256; ++c) {
    if (IsAsciiLetter(static_cast<char>(c))) cls[c] = kEvasionLetter;
    if (IsAsciiDigit(static_cast<char>(c))) cls[c] = kEvasionOther;
  }
  cls['@'] = cls['$'] = cls['*'] = cls['#'] = kEvasionOther;
  cls['.'] = kEvasionDot;
  cls['!'] = kEvasionBang;
  return cls;
}();

// Capitals followed by digits and nothing else: "A55", "M62", "N9".
bool IsCode(std::string_view run) {
  size_t k = 0;
  while (k < run.size() && run[k] >= 'A' && run[k] <= 'Z') ++k;
  if (k == 0 || k == run.size()) return false;
  for (; k < run.size(); ++k) {
    if (run[k] < '0' || run[k] > '9') return false;
  }
  return true;
}

}  // namespace

bool WordIndex::JoinsPhrase(std::string_view gap) {
  // A dash set apart by spaces (" - ", " – ", "—") breaks a clause: "the
  // Christmas do – one for the road" is no "do one". A hyphen alone joins.
  if (gap.find("\xE2\x80\x93") != std::string_view::npos || gap.find("\xE2\x80\x94") != std::string_view::npos) {
    return false;
  }
  if (gap.find('-') != std::string_view::npos && gap.find(' ') != std::string_view::npos) return false;
  for (char c : gap) {
    switch (c) {
      case '.': case ',': case ';': case ':': case '!': case '?': case '(': case ')':
      case '[': case ']': case '{': case '}': case '"': case '|': case '/': case '\n':
      case '\r':
        return false;
      default:
        break;
    }
  }
  return true;
}

bool WordIndex::Add(std::string_view phrase, const WordOptions& options, uint32_t owner) {
  const bool match_case = options.match_case;
  const auto flags = static_cast<uint8_t>((!match_case && options.forms ? kForms : 0) |
                                          (!match_case && options.disguises ? kDisguises : 0));
  // The same phrase with the same case setting as before: the same entry,
  // without folding its words again (lists are shared by many rules).
  thread_local std::string added_key;
  added_key.clear();
  added_key.push_back(match_case ? '1' : '0');
  added_key.append(phrase);
  const uint32_t added = added_phrases_.Intern(added_key);
  if (added < added_entries_.size()) {
    if (added_entries_[added] == kNoEntry) return false;
    if (owner_flags_.size() <= owner) owner_flags_.resize(owner + 1);
    owner_flags_[owner] = flags;
    entries_[added_entries_[added]].owners.push_back(owner);
    AddForms(added_entries_[added], flags & kDisguises);
    return true;
  }
  std::vector<std::string> folded = FoldedWords(phrase);
  if (folded.empty()) {
    added_entries_.push_back(kNoEntry);
    return false;
  }
  if (owner_flags_.size() <= owner) owner_flags_.resize(owner + 1);
  owner_flags_[owner] = flags;
  std::vector<std::string> exact;
  if (match_case) exact = PhraseWords(phrase);
  // The same words the same way: one more owner of the existing entry.
  thread_local std::string key;
  key.clear();
  key.push_back(match_case ? '1' : '0');
  for (const auto& w : match_case ? exact : folded) key.append("\x1f").append(w);
  const uint32_t known = entry_keys_.Intern(key);
  added_entries_.push_back(known);
  if (known < entries_.size()) {
    entries_[known].breaks |= PhraseBreaks(phrase);
    entries_[known].owners.push_back(owner);
    AddForms(known, owner_flags_[owner] & kDisguises);
    return true;
  }
  Entry entry;
  entry.match_case = match_case;
  entry.owners = {owner};
  entry.exact = std::move(exact);
  entry.breaks = PhraseBreaks(phrase);
  for (const std::string& w : folded) entry.words.push_back(word_ids_.Intern(w));
  auto id = static_cast<uint32_t>(entries_.size());
  if (by_first_word_.size() < word_ids_.size()) by_first_word_.resize(word_ids_.size());
  by_first_word_[entry.words[0]].push_back(
      {id, entry.words.size() > 1 ? entry.words[1] : kNoWord, static_cast<uint32_t>(entry.words.size()), match_case});
  if (!match_case && folded.size() == 1) {
    size_t len = folded[0].size();
    if (single_by_length_.size() <= len) single_by_length_.resize(len + 1);
    single_by_length_[len].push_back(id);
  }
  entries_.push_back(std::move(entry));
  AddForms(id, owner_flags_[owner] & kDisguises);
  return true;
}

void WordIndex::Reserve(size_t phrases) {
  entries_.reserve(phrases);
  entry_keys_.Reserve(phrases);
  owner_flags_.reserve(phrases);
  word_ids_.Reserve(phrases);
  added_phrases_.Reserve(phrases);
  added_entries_.reserve(phrases);
  by_first_word_.reserve(phrases);
  stem_ids_.Reserve(phrases);
}

void WordIndex::DoneAdding() {
  entry_keys_ = StringIdTable();
  added_phrases_ = StringIdTable();
  std::vector<uint32_t>().swap(added_entries_);
  entries_.shrink_to_fit();
  owner_flags_.shrink_to_fit();
  by_first_word_.shrink_to_fit();
}

uint32_t WordIndex::WordId(std::string_view word) const { return word_ids_.Find(word); }

void WordIndex::Emit(const Entry& entry, uint32_t begin, uint32_t end, uint8_t need,
                     std::vector<WordHit>* hits) const {
  for (uint32_t owner : entry.owners) {
    if ((owner_flags_[owner] & need) == need) hits->push_back({owner, begin, end});
  }
}

void WordIndex::MatchAt(const TokenizedText& text, const std::vector<TokenWords>& words, size_t first,
                        uint32_t first_id, const Lexicon* lexicon, uint8_t need,
                        std::vector<WordHit>* hits) const {
  const auto& tokens = text.tokens;
  for (const Head& head : by_first_word_[first_id]) {
    const size_t n = head.size;
    if (first + n > tokens.size()) continue;
    const Entry& entry = entries_[head.entry];
    if (n > 1 && !head.match_case) {
      if (!words[first].joins_next && !entry.MayBreakAfter(0)) continue;
      // A two-word phrase may end in a form of its last word.
      if (!words[first + 1].Has(head.second) && (n > 2 || entry.last_stem.empty())) continue;
    }
    if (entry.match_case && text.Original(tokens[first]) != entry.exact[0]) continue;
    bool ok = true;
    for (size_t k = 1; k + 1 < n && ok; ++k) {
      ok = (words[first + k - 1].joins_next || entry.MayBreakAfter(k - 1)) &&
           (entry.match_case ? text.Original(tokens[first + k]) == entry.exact[k]
                             : words[first + k].Has(entry.words[k]));
    }
    if (!ok) continue;
    if (n == 1) {
      Emit(entry, tokens[first].begin, tokens[first].end, need, hits);
      continue;
    }
    const size_t last = first + n - 1;
    if (!words[last - 1].joins_next && !entry.MayBreakAfter(n - 2)) continue;
    if (entry.match_case ? text.Original(tokens[last]) == entry.exact[n - 1] : words[last].Has(entry.words[n - 1])) {
      Emit(entry, tokens[first].begin, tokens[last].end, need, hits);
    } else if (!entry.last_stem.empty() && EndsInForm(text, tokens[last], entry, lexicon)) {
      Emit(entry, tokens[first].begin, tokens[last].end, need | kForms, hits);
    }
  }
}

void WordIndex::Match(const TokenizedText& text, const Lexicon* lexicon, std::vector<WordHit>* hits) const {
  if (entries_.empty()) return;
  MatchTokens(text, lexicon, 0, hits);
  MatchSpelledOut(text, lexicon, hits);
  MatchHyphenated(text, lexicon, hits);
  MatchInitialElided(text, lexicon, hits);
  MatchEvasions(text, hits);
  MatchSplits(text, lexicon, hits);
  if (lexicon) MatchBroken(text, *lexicon, hits);
  if (lexicon && !entries_by_deletion_.empty()) MatchMisspellings(text, *lexicon, hits);
  if (lexicon && !phrase_words_by_deletion_.empty()) MatchMisspeltPhrases(text, *lexicon, hits);
}

void WordIndex::MatchTokens(const TokenizedText& text, const Lexicon* lexicon, uint8_t need,
                            std::vector<WordHit>* hits) const {
  const auto& tokens = text.tokens;
  thread_local std::vector<TokenWords> reused;
  std::vector<TokenWords> fresh;
  std::vector<TokenWords>& words = text.text.size() <= kReusedSpaceMaxDraft ? reused : fresh;
  words.resize(tokens.size());
  std::string squeezed;
  for (size_t i = 0; i < tokens.size(); ++i) {
    TokenWords& w = words[i];
    std::string_view folded = text.Folded(tokens[i]);
    w.ids[0] = WordId(folded);
    w.ids[1] = w.ids[2] = kNoWord;
    if (HasRunOfThree(folded)) {
      for (int keep = 1; keep <= 2; ++keep) {
        if (SqueezeRepeats(folded, keep, &squeezed)) w.ids[keep] = WordId(squeezed);
      }
    }
    w.joins_next = i + 1 < tokens.size() &&
                   JoinsPhrase(text.text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end));
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    const TokenWords& w = words[i];
    for (int k = 0; k < 3; ++k) {
      // A squeezed form equal to one already tried adds nothing.
      if (w.ids[k] == kNoWord || (k > 0 && w.ids[k] == w.ids[0]) || (k == 2 && w.ids[2] == w.ids[1])) continue;
      MatchAt(text, words, i, w.ids[k], lexicon, need, hits);
    }
    if (stem_ids_.size() != 0) MatchForms(text, tokens[i], w, lexicon, need, hits);
  }
}

// Finds single words disguised with leetspeak or masks: maximal runs of
// letters, digits and the symbols @ $ * # . ! that are not plain words.
// Leetspeak finds every entry; masks only disguised ones.
void WordIndex::MatchEvasions(const TokenizedText& text, std::vector<WordHit>* hits) const {
  if (single_by_length_.empty()) return;
  std::string_view s = text.text;
  std::string form;
  size_t i = 0;
  auto class_of = [&](size_t k) { return kEvasionClass[static_cast<unsigned char>(s[k])]; };
  while (i < s.size()) {
    if (class_of(i) == kNotEvasion) {
      ++i;
      continue;
    }
    size_t begin = i;
    // Most runs are plain words, perhaps after or before sentence
    // punctuation (".word", "word.", "word!"): this scan is all they need.
    bool plain_word = true, seen_letter = false, seen_tail = false;
    for (unsigned char c; i < s.size() && (c = class_of(i)) != kNotEvasion; ++i) {
      if (c == kEvasionLetter) {
        plain_word &= !seen_tail;
        seen_letter = true;
      } else if (c != kEvasionOther && seen_letter) {  // '.' or '!' after a letter
        seen_tail = true;
      } else if (c != kEvasionDot) {  // digit, '@', '$', '*', '#', or '!' before any letter
        plain_word = false;
      }
    }
    if (plain_word) continue;
    size_t end = i;
    // Word boundaries: a run glued to other letters (non-ASCII) is not a word.
    if ((begin > 0 && static_cast<unsigned char>(s[begin - 1]) >= 0x80) ||
        (end < s.size() && static_cast<unsigned char>(s[end]) >= 0x80)) {
      continue;
    }
    while (end > begin && (s[end - 1] == '.' || s[end - 1] == '!')) --end;  // sentence punctuation
    while (begin < end && s[begin] == '.') ++begin;
    if (end - begin < 3) continue;
    std::string_view run = s.substr(begin, end - begin);
    int letters = 0;
    bool plain = true, masked = false, email = false;
    const size_t last_dot = run.rfind('.');  // an '@' before it makes an email address
    for (size_t k = 0; k < run.size(); ++k) {
      char c = run[k];
      if (IsAsciiLetter(c)) {
        ++letters;
        continue;
      }
      plain = false;
      if (IsMaskChar(c)) masked = true;
      if (c == '@' && k > 0 && last_dot != std::string_view::npos && last_dot > k) email = true;
    }
    if (plain || letters < 1 || email || IsMaskChar(run[0])) continue;
    if (masked) {
      if (run.size() >= single_by_length_.size()) continue;
      for (uint32_t id : single_by_length_[run.size()]) {
        std::string_view word = word_ids_.Get(entries_[id].words[0]);
        bool ok = true;
        for (size_t k = 0; k < run.size() && ok; ++k) {
          char c = AsciiLower(run[k]);
          if (IsMaskChar(c)) {
            ok = word[k] >= 'a' && word[k] <= 'z';
          } else if (IsAsciiLetter(c)) {
            ok = c == word[k];
          } else {
            ok = LeetLetter(c) == word[k] || LeetAlternative(c) == word[k];
          }
        }
        if (ok) Emit(entries_[id], static_cast<uint32_t>(begin), static_cast<uint32_t>(end), kDisguises, hits);
      }
      continue;
    }
    // Capitals then digits are a code, not leetspeak: roads ("A55", "M62"),
    // postcode districts ("N9"), grades ("IC3").
    if (IsCode(run)) continue;
    // Leetspeak: every non-letter must stand for a letter.
    form.clear();
    bool mappable = true, has_one = false;
    for (char c : run) {
      if (IsAsciiLetter(c)) {
        form.push_back(AsciiLower(c));
      } else if (char l = LeetLetter(c)) {
        form.push_back(l);
        has_one |= c == '1';
      } else {
        mappable = false;
        break;
      }
    }
    if (!mappable) continue;
    auto emit = [&](std::string_view candidate) {
      uint32_t word = WordId(candidate);
      if (word == kNoWord) return;
      for (const Head& head : by_first_word_[word]) {
        if (head.match_case || head.size != 1) continue;
        const Entry& entry = entries_[head.entry];
        Emit(entry, static_cast<uint32_t>(begin), static_cast<uint32_t>(end), 0, hits);
      }
    };
    emit(form);
    if (has_one) {
      for (size_t k = 0; k < run.size(); ++k) {
        if (run[k] == '1') form[k] = 'l';
      }
      emit(form);
    }
  }
}

}  // namespace postcheck
