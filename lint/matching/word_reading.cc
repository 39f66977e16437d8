#include "matching/word_reading.h"

#include <algorithm>
#include <bit>

#include "text/compound_split.h"
#include "text/edit_distance.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "text/word_stem.h"

namespace postcheck {
namespace {

constexpr size_t kMinWord = 3;        // shorter words are not read, nor vocabulary
constexpr size_t kMaxSwapOnly = 4;    // words this short are read only by a swap
// Capitals with digits shorter than this are codes ("G4S", "SW1A", "M62"):
// only longer ones are read as a word in leetspeak ("LAB0UR").
constexpr size_t kMinCapitalsLeet = 6;
// As the word index reads a strong term's misspellings: a word of five
// letters may miss one ("hate" is no misspelt "hat"), a word of six or more
// may have one added, missing or replaced ("thots" is no "trots").
constexpr size_t kMinMissingLetter = 5;
// Letters written apart by dots, hyphens or underscores ("p.a.t.h.e.t.i.c")
// make a word of at least this many: "R.I.P" and "e.g." are no such words.
constexpr size_t kMinSeparatedLetters = 4;
// A mask inside a word ("p*ople") hides at most this many letters.
constexpr size_t kMaxMaskedLetters = 2;
// A word with more runs of a letter written three times or more is no word
// stretched for stress.
constexpr size_t kMaxStretchedRuns = 3;
constexpr size_t kMinOtherEdit = 6;

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Two-letter words that open a phrase and are run on to the next word
// ("sostupid", "isfilth"): read as a first part only, before a vocabulary
// word of kMinAfterShortPart letters or more. As a last part ("trotin":
// "trot in") they would make too many innocent splits.
constexpr std::string_view kShortFirstParts[] = {"an", "as", "at", "be", "by", "do", "go", "he", "in", "is", "me",
                                                 "my", "no", "of", "on", "or", "so", "to", "up", "us", "we"};
constexpr size_t kMinAfterShortPart = 4;

bool IsShortFirstPart(std::string_view part) {
  return std::find(std::begin(kShortFirstParts), std::end(kShortFirstParts), part) != std::end(kShortFirstParts);
}

// Those and the other two-letter words of most drafts, which need no
// dictionary look-up to be known as words.
bool IsCommonTwoLetterWord(std::string_view word) {
  static constexpr std::string_view kOthers[] = {"am", "if", "it", "ok", "oh", "hi", "mr", "ms", "dr", "st"};
  const std::string lower{AsciiLower(word[0]), AsciiLower(word[1])};
  return IsShortFirstPart(lower) || std::find(std::begin(kOthers), std::end(kOthers), lower) != std::end(kOthers);
}

// Whether the white-space-delimited chunk around [begin, end) is a URL, an
// address, a handle or a hashtag, or a domain ("klil.com").
bool InLink(std::string_view s, size_t begin, size_t end) {
  size_t from = begin, to = end;
  while (from > 0 && !IsAsciiSpace(s[from - 1])) --from;
  while (to < s.size() && !IsAsciiSpace(s[to])) ++to;
  const std::string_view chunk = s.substr(from, to - from);
  if (chunk.find_first_of("/@#\\_") != std::string_view::npos) return true;
  for (size_t k = 1; k + 1 < chunk.size(); ++k) {
    if (chunk[k] == '.' && IsAsciiLetter(chunk[k - 1]) && IsAsciiLetter(chunk[k + 1])) return true;
  }
  return false;
}

// How token `t` may be read: not at all, as a word of its own (lower case, or
// capitalised at a sentence's start), or only as a run-together word whose
// first part is a capitalised word (capitalised inside a sentence).
enum class Readable { kNo, kWord, kInnerCapital };

// Whether token `t` is ASCII letters, in lower case but perhaps the first
// (not other letters or CamelCase), of `shortest` letters or more, standing
// as a word of its own: not in a link, handle, hashtag, mask or contraction.
bool IsPlainWord(const TokenizedText& text, const Token& t, size_t shortest) {
  const std::string_view s = text.text;
  const std::string_view word = text.Original(t);
  if (word.size() < shortest || word.size() > kMaxSplitLength || t.has_digit) return false;
  if (!IsAsciiLetter(word[0]) || !std::all_of(word.begin() + 1, word.end(), IsLower)) return false;
  if (t.begin > 0) {
    const char before = s[t.begin - 1];
    if (before == '@' || before == '#' || before == '*' || IsApostropheBefore(s, t.begin)) return false;
  }
  if (t.end < s.size() && (s[t.end] == '*' || IsApostropheAt(s, t.end))) return false;
  return !InLink(s, t.begin, t.end);
}

Readable ReadableToken(const TokenizedText& text, const Token& t) {
  if (t.all_caps || !IsPlainWord(text, t, kMinWord)) return Readable::kNo;
  if (t.capitalised && !t.sentence_start) return Readable::kInnerCapital;
  return Readable::kWord;
}

// Whether token `t` may be a fragment of a word split by a space: two
// letters or more, lower case (the first may be a capital at a sentence's
// start, or anywhere if `capital_inside_sentence`), not in a link, handle,
// hashtag, mask or contraction.
bool IsWordFragment(const TokenizedText& text, const Token& t, bool capital_inside_sentence) {
  return IsPlainWord(text, t, 2) &&
         (IsLower(text.text[t.begin]) || t.sentence_start || capital_inside_sentence);
}

// Whether the dictionary knows lower-case `word` only capitalised
// ("muslims": Muslims): a capital inside a sentence may open it, where it
// would otherwise open a name.
bool KnownOnlyCapitalised(const Lexicon& lexicon, std::string_view word) {
  if (word.empty() || lexicon.Knows(word)) return false;
  std::string capitalised(word);
  capitalised[0] = AsciiUpper(capitalised[0]);
  return lexicon.Knows(capitalised);
}

}  // namespace

void ForEachPatternWord(std::string_view pattern, const std::function<void(std::string_view)>& fn) {
  size_t i = 0;
  bool in_class = false;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\\') {
      i += 2;  // the escaped character: never the start of a word
      if (i - 1 < pattern.size() && (pattern[i - 1] == 'p' || pattern[i - 1] == 'P' || pattern[i - 1] == 'x') &&
          i < pattern.size() && pattern[i] == '{') {
        while (i < pattern.size() && pattern[i] != '}') ++i;
      }
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (c == '(' && pattern.compare(i, 2, "(?") == 0) {
      // Flags "(?i)", "(?i:", a name "(?P<match>".
      i += 2;
      while (i < pattern.size() && pattern[i] != ')' && pattern[i] != ':' && pattern[i] != '>') ++i;
      continue;
    }
    if (!IsAsciiLetter(c)) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < pattern.size() && IsAsciiLetter(pattern[i])) ++i;
    if (!in_class && i - begin >= kMinWord) fn(pattern.substr(begin, i - begin));
  }
}

namespace {

// Calls fn(word) for each run of three or more ASCII letters of `phrase`,
// lower-cased, that is no part of a contraction ("don't").
template <typename Fn>
void ForEachLetterWord(std::string_view phrase, Fn fn) {
  std::string word;
  for (size_t i = 0; i < phrase.size();) {
    if (!IsAsciiLetter(phrase[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < phrase.size() && IsAsciiLetter(phrase[i])) ++i;
    if (i - begin < kMinWord) continue;
    if ((begin > 0 && phrase[begin - 1] == '\'') || (i < phrase.size() && phrase[i] == '\'')) continue;
    word.assign(phrase.substr(begin, i - begin));
    for (char& ch : word) ch = AsciiLower(ch);
    fn(word);
  }
}

// What may stand before and after a letter spelt out on its own: a space,
// the start or end of a line, and the punctuation around a word. Not an
// apostrophe ("It's"), a mask ("c***"), a letter or a digit.
bool StandsApartBefore(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '"'; }
bool StandsApartAfter(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '.' || c == ',' || c == '!' || c == '?' ||
         c == ';' || c == ':' || c == ')' || c == '"';
}

}  // namespace

void WordReader::AddPhrase(std::string_view phrase, bool listed, bool exception) {
  // A word of a longer entry ("would" of "I would smash") is no listed word
  // of its own.
  const bool one_word = std::all_of(phrase.begin(), phrase.end(), [](char c) { return IsAsciiLetter(c); });
  ForEachLetterWord(phrase, [&](const std::string& word) {
    const uint32_t id = collected_.Intern(word);
    if (id == collected_listed_.size()) {
      collected_listed_.push_back(false);
      collected_exception_.push_back(true);
    }
    if (listed && one_word) collected_listed_[id] = true;
    if (!exception) collected_exception_[id] = false;
  });
  // A listed phrase of two words, for reading them run together ("i hate").
  const size_t space = phrase.find(' ');
  if (listed && space != std::string_view::npos && phrase.find(' ', space + 1) == std::string_view::npos &&
      std::all_of(phrase.begin(), phrase.end(), [](char c) { return IsAsciiLetter(c) || c == ' '; })) {
    std::string lower(phrase);
    for (char& ch : lower) ch = AsciiLower(ch);
    phrases_.Intern(lower);
  }
}

void WordReader::AddListed(std::string_view phrase) {
  // Only a word the dictionary does not know is ever looked up in listed_:
  // no need to ask the dictionary about these.
  ForEachLetterWord(phrase, [&](const std::string& word) { listed_.Intern(word); });
}

void WordReader::AddDisguised(std::string_view word) {
  // One word of letters: a phrase ("bottom-feeders") is not matched by a
  // word's disguises.
  if (word.size() < kMinWord || !std::all_of(word.begin(), word.end(), [](char c) { return IsAsciiLetter(c); })) {
    return;
  }
  std::string lower(word);
  for (char& ch : lower) ch = AsciiLower(ch);
  disguised_.Intern(lower);
}

void WordReader::Ready(const Lexicon& lexicon) const {
  if (ready_.load(std::memory_order_acquire)) return;
  std::call_once(once_, [&] {
    auto* self = const_cast<WordReader*>(this);
    if (!finished_) {
      if (fill_) fill_(self);
      self->Finish(lexicon);
    }
    ready_.store(true, std::memory_order_release);
  });
}

void WordReader::Finish(const Lexicon& lexicon) {
  finished_ = true;
  std::string capitalised;
  // A listed word the dictionary does not know ("wetback"): never read as
  // another, nor its forms ("wetbacks").
  auto list = [&](std::string_view word) {
    listed_.Intern(word);
    if (StemWord(word, &capitalised)) listed_.Intern(capitalised);
  };
  for (uint32_t c = 0; c < collected_.size(); ++c) {
    const std::string_view word = collected_.Get(c);
    if (disguised_.Find(word) != StringIdTable::kNone) continue;  // below
    capitalised.assign(word);
    capitalised[0] = AsciiUpper(capitalised[0]);
    if (!lexicon.Knows(word) && !lexicon.Knows(capitalised)) {
      list(word);
      continue;
    }
    NoteLetters(word);
    const uint32_t id = words_.Intern(word);
    targets_.Intern(word);
    target_words_.push_back(id);
    from_list_.push_back(collected_listed_[c]);
    exception_only_.push_back(collected_exception_[c]);
    longest_ = std::max(longest_, word.size());
  }
  for (uint32_t d = 0; d < disguised_.size(); ++d) {
    const std::string_view word = disguised_.Get(d);
    NoteLetters(word);
    strong_.Intern(word);
    if (targets_.Intern(word) == target_words_.size()) target_words_.push_back(kStrongTarget);
    longest_ = std::max(longest_, word.size());
    if (!lexicon.Knows(word)) list(word);
  }
  collected_ = StringIdTable();
  collected_listed_ = {};
  collected_exception_ = {};
  disguised_ = StringIdTable();
}

void WordReader::NoteLetters(std::string_view word) {
  if (word.size() > kMaxSplitLength + 1) return;
  if (letters_at_.empty()) letters_at_.assign((kMaxSplitLength + 2) * (kMaxSplitLength + 2), 0);
  for (size_t k = 0; k < word.size(); ++k) {
    letters_at_[word.size() * (kMaxSplitLength + 2) + k] |= uint32_t{1} << (word[k] - 'a');
  }
}

uint32_t WordReader::LettersAt(size_t length, size_t place) const {
  if (letters_at_.empty() || length > kMaxSplitLength + 1) return 0;
  return letters_at_[length * (kMaxSplitLength + 2) + place];
}

bool WordReader::IsListed(std::string_view word) const {
  if (listed_.size() == 0) return false;
  if (listed_.Find(word) != StringIdTable::kNone) return true;
  thread_local std::string stem;
  return StemWord(word, &stem) && listed_.Find(stem) != StringIdTable::kNone;
}

uint32_t WordReader::MisspeltWord(std::string_view word, bool* near_strong) const {
  *near_strong = false;
  const size_t n = word.size();
  if (n > longest_ + 1) return StringIdTable::kNone;
  uint32_t found = StringIdTable::kNone;
  bool ambiguous = false, strong = false;
  // The same for the words a rule looks for, leaving out those only an
  // unless condition names.
  uint32_t found_sought = StringIdTable::kNone;
  bool ambiguous_sought = false;
  std::string edited;
  // `candidate` is one edit from the word; `allowed`: an edit this word and
  // candidate may differ by.
  auto consider = [&](std::string_view candidate, bool allowed) {
    const uint32_t at = targets_.Find(candidate);
    if (at == StringIdTable::kNone) return;
    const uint32_t id = target_words_[at];
    if (id == kStrongTarget) {
      // One edit from a strong term too: the word index matches it as that
      // term's disguise ("dyked": "dyke"); not ours to read.
      strong = true;
      return;
    }
    if (!allowed || id == found || id == found_sought) return;
    if (found != StringIdTable::kNone) ambiguous = true;
    found = id;
    if (exception_only_[id]) return;
    if (found_sought != StringIdTable::kNone) ambiguous_sought = true;
    found_sought = id;
  };
  // Only candidates whose every letter some vocabulary word or strong term
  // of their length has at that place are looked up. fit_before[k]:
  // word[0, k) fits a word of n letters; fit_after[k]: word[k, n) does. The
  // same for n + 1 letters with word[k, n) a place on (a letter inserted
  // before it), and for n - 1 with word[k, n) a place back (word[k - 1]
  // deleted).
  auto fits = [&](size_t length, size_t place, char c) {
    return (LettersAt(length, place) >> (c - 'a') & 1) != 0;
  };
  constexpr size_t kSize = kMaxSplitLength + 2;
  bool fit_before[kSize], fit_after[kSize], fit_before_long[kSize], fit_after_long[kSize];
  bool fit_before_short[kSize], fit_after_short[kSize];
  fit_before[0] = fit_before_long[0] = fit_before_short[0] = true;
  for (size_t k = 0; k < n; ++k) {
    fit_before[k + 1] = fit_before[k] && fits(n, k, word[k]);
    fit_before_long[k + 1] = fit_before_long[k] && fits(n + 1, k, word[k]);
    fit_before_short[k + 1] = fit_before_short[k] && k < n - 1 && fits(n - 1, k, word[k]);
  }
  fit_after[n] = fit_after_long[n] = fit_after_short[n] = true;
  for (size_t k = n; k-- > 0;) {
    fit_after[k] = fit_after[k + 1] && fits(n, k, word[k]);
    fit_after_long[k] = fit_after_long[k + 1] && fits(n + 1, k + 1, word[k]);
    fit_after_short[k] = fit_after_short[k + 1] && k > 0 && fits(n - 1, k - 1, word[k]);
  }
  const bool short_word = n <= kMaxSwapOnly;
  // Two neighbours swapped: any word.
  for (size_t k = 0; k + 1 < n; ++k) {
    if (word[k] == word[k + 1] || !fit_before[k] || !fit_after[k + 2]) continue;
    if (!fits(n, k, word[k + 1]) || !fits(n, k + 1, word[k])) continue;
    edited.assign(word);
    std::swap(edited[k], edited[k + 1]);
    consider(edited, true);
  }
  // A letter added, to a word of six letters or more: delete it.
  for (size_t k = 0; k < n; ++k) {
    if (k > 0 && word[k] == word[k - 1]) continue;  // the same deletion
    if (!fit_before_short[k] || !fit_after_short[k + 1]) continue;
    edited.assign(word.substr(0, k));
    edited.append(word.substr(k + 1));
    consider(edited, !short_word && n - 1 >= kMinOtherEdit);
  }
  // A letter missing from a word of five letters or more: insert it; a
  // letter replaced in a word of six or more: put it back.
  for (size_t k = 0; k <= n; ++k) {
    if (fit_before_long[k] && fit_after_long[k]) {
      for (uint32_t letters = LettersAt(n + 1, k); letters != 0; letters &= letters - 1) {
        edited.assign(word.substr(0, k));
        edited.push_back(static_cast<char>('a' + std::countr_zero(letters)));
        edited.append(word.substr(k));
        consider(edited, !short_word && n + 1 >= kMinMissingLetter);
      }
    }
    if (k < n && fit_before[k] && fit_after[k + 1]) {
      for (uint32_t letters = LettersAt(n, k); letters != 0; letters &= letters - 1) {
        const char c = static_cast<char>('a' + std::countr_zero(letters));
        if (c == word[k]) continue;
        edited.assign(word);
        edited[k] = c;
        consider(edited, !short_word && n >= kMinOtherEdit);
      }
    }
  }
  *near_strong = strong;
  if (strong) return StringIdTable::kNone;
  if (!ambiguous) return found;
  return ambiguous_sought ? StringIdTable::kNone : found_sought;
}

bool WordReader::ReadSplitInTwo(const TokenizedText& text, size_t first, const Lexicon& lexicon,
                                std::vector<ViewReading>* out) const {
  if (first + 1 >= text.tokens.size()) return false;
  const Token& a = text.tokens[first];
  const Token& b = text.tokens[first + 1];
  if (b.begin != a.end + 1 || text.text[a.end] != ' ') return false;
  if (!IsWordFragment(text, a, true) || !IsWordFragment(text, b, false) || b.sentence_start) return false;
  if (!out->empty() && out->back().end > a.begin) return false;  // read already
  const std::string_view left = text.Original(a), right = text.Original(b);
  if (left.size() + right.size() > kMaxSplitLength) return false;
  char joined[kMaxSplitLength];
  std::copy(left.begin(), left.end(), joined);
  std::copy(right.begin(), right.end(), joined + left.size());
  joined[0] = AsciiLower(joined[0]);
  const std::string_view word(joined, left.size() + right.size());
  // A vocabulary word; a strong term split so is the word index's to match.
  if (!InVocabulary(word) || strong_.Find(word) != StringIdTable::kNone) return false;
  // A capital inside a sentence opens a name ("Mr Stu Pid"), unless the word
  // is one the dictionary knows only capitalised: "Mus lims", "Roma nians".
  if (a.capitalised && !a.sentence_start && !KnownOnlyCapitalised(lexicon, word)) return false;
  ViewReading r;
  r.begin = a.begin;
  r.end = b.end;
  r.text.assign(left);
  r.text.append(right);
  r.whole = false;
  out->push_back(std::move(r));
  return true;
}

bool WordReader::ReadRunTogether(const TokenizedText& text, size_t i, const Lexicon& lexicon,
                                 std::vector<ViewReading>* out) const {
  const Token& t = text.tokens[i];
  const std::string_view written = text.Original(t);
  const bool inner_capital = t.capitalised && !t.sentence_start;
  std::string lower(written);
  lower[0] = AsciiLower(lower[0]);
  std::string part_word;
  auto is_word = [&](std::string_view part) {
    const auto at = static_cast<size_t>(part.data() - lower.data());
    if (at == 0 && t.capitalised) {
      // The first part as written: "I", "Muslims" (and for a capital inside
      // a sentence, a word known only capitalised: "Penis" in "Penistone" is
      // no such word).
      const std::string_view as_written = written.substr(0, part.size());
      if (part.size() < kMinWord && part != "i" && part != "a" && !IsShortFirstPart(part)) return false;
      if (!lexicon.Knows(as_written)) return false;
      return !inner_capital || !lexicon.Knows(part);
    }
    if (part == "a" || part == "i" || (at == 0 && IsShortFirstPart(part))) return true;
    // Other two-letter parts make too many innocent splits ("trotin": "trot in").
    return part.size() >= kMinWord && lexicon.Knows(part);
  };
  // Most unknown words (slang, names) have no vocabulary word at either
  // end: no split of theirs can be read, and the dictionary need not be
  // asked about their parts.
  bool vocabulary_end = false;
  for (size_t k = 1; k < lower.size() && !vocabulary_end; ++k) {
    const std::string_view head = std::string_view(lower).substr(0, k), tail = std::string_view(lower).substr(k);
    vocabulary_end = InVocabulary(head) || InVocabulary(tail) || (k == 1 && (head == "i" || head == "a")) ||
                     (k <= 2 && strong_.Find(tail) != StringIdTable::kNone);  // "offags"
  }
  if (!vocabulary_end) return false;
  std::vector<WordPart> parts;
  if (!SplitIntoWords(lower, is_word, &parts) || parts.size() != 2) return false;
  const std::string_view first = std::string_view(lower).substr(parts[0].begin, parts[0].end - parts[0].begin);
  const std::string_view second = std::string_view(lower).substr(parts[1].begin, parts[1].end - parts[1].begin);
  // A short strong term in it is the word index's to match ("faggit" is no
  // "fag git", but a misspelt "faggot"); one of four letters or more beside
  // a word of three or more is read, so that constructions see it ("are
  // absolutefilth": "are absolute filth"), while the word index still
  // matches the strong term in the compound itself.
  // So is one after "a", "I" or a short word that opens a phrase ("afaggot",
  // "offags"): the other part says nothing of its own.
  const auto strong_part = [&](std::string_view part) { return strong_.Find(part) != StringIdTable::kNone; };
  const bool strong_second = strong_part(second);
  if ((strong_part(first) && (first.size() < 4 || second.size() < kMinWord)) ||
      (strong_second && second.size() < 4)) {
    return false;
  }
  // Inside a sentence the first part must be a risk word itself ("Muslims"),
  // not a name ("Jim").
  if (inner_capital && !InVocabulary(first)) return false;
  if (strong_second && first.size() < kMinWord) {
    // "a faggot", "of fags": read.
  } else if (first.size() == 2) {
    // "so" and the like: the other must be a vocabulary word long enough
    // to tell ("sostupid": "so stupid"; not "onto", "isle" or "bemoan").
    if (second.size() < kMinAfterShortPart || !InVocabulary(second)) return false;
  } else if (first.size() == 1) {
    // "I" or "a" and a word: the word must be one of a list, or the two a
    // listed phrase ("Ihate": "i hate"); a word only of a pattern is too
    // common a word ("Iwould").
    char joined[kMaxSplitLength + 2];
    joined[0] = first[0];
    joined[1] = ' ';
    std::copy(second.begin(), second.end(), joined + 2);  // the word is at most kMaxSplitLength long
    if (!ListedInVocabulary(second) && phrases_.Find(std::string_view(joined, second.size() + 2)) == StringIdTable::kNone) {
      return false;
    }
  } else if (!InVocabulary(first) && !InVocabulary(second)) {
    return false;
  }
  ViewReading r;
  r.begin = t.begin;
  r.end = t.end;
  r.text.assign(written.substr(0, parts[0].end));
  r.text.push_back(' ');
  r.text.append(written.substr(parts[1].begin));
  r.whole = false;
  out->push_back(std::move(r));
  return true;
}

size_t WordReader::ReadSpeltOut(const TokenizedText& text, size_t i, const Lexicon& lexicon,
                                std::vector<ViewReading>* out) const {
  const auto& tokens = text.tokens;
  // A letter standing alone: not the "s" of "It's", nor the "c" of a
  // masked "c***", which only look like one to the tokeniser.
  auto single_letter = [&](size_t k) {
    const Token& t = tokens[k];
    if (t.end - t.begin != 1 || !IsAsciiLetter(text.text[t.begin])) return false;
    const bool free_before = t.begin == 0 || StandsApartBefore(text.text[t.begin - 1]);
    const bool free_after = t.end == text.text.size() || StandsApartAfter(text.text[t.end]);
    return free_before && free_after;
  };
  auto spaces_between = [&](size_t k) {  // between tokens k and k + 1
    const std::string_view gap = text.text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end);
    return !gap.empty() && gap.size() <= 2 && gap.find_first_not_of(' ') == std::string_view::npos;
  };
  if (const size_t separated = ReadSeparated(text, i, lexicon, out); separated > 0) return separated;
  if (!single_letter(i)) return 0;
  size_t last = i;
  while (last + 1 < tokens.size() && spaces_between(last) && single_letter(last + 1)) ++last;
  const size_t n = last - i + 1;
  if (n < kMinWord) return 0;
  Ready(lexicon);
  // The whole run, or it without a first or last letter that is a word of
  // its own ("I h a t e", "a c a n c e r"), longest first.
  const std::pair<size_t, size_t> windows[] = {{i, last}, {i + 1, last}, {i, last - 1}, {i + 1, last - 1}};
  std::string joined;
  for (auto [from, to] : windows) {
    if (to < from || to - from + 1 < kMinWord) continue;
    joined.clear();
    for (size_t k = from; k <= to; ++k) joined.push_back(AsciiLower(text.text[tokens[k].begin]));
    if (strong_.Find(joined) != StringIdTable::kNone) {
      // A strong term spelt out alone is the word index's ("s c u m", not
      // "s cum"); with a word's letter run on ("a b i t c h") it is read.
      if (from == i && to == last) break;
    } else if (!lexicon.Knows(joined)) {
      continue;
    }
    ViewReading r;
    r.begin = tokens[from].begin;
    r.end = tokens[to].end;
    r.text.clear();
    for (size_t k = from; k <= to; ++k) r.text.push_back(text.text[tokens[k].begin]);
    r.whole = false;
    r.unknown_word = false;  // single letters: no word for spelling to judge
    out->push_back(std::move(r));
    break;
  }
  return last - i;
}

size_t WordReader::ReadSeparated(const TokenizedText& text, size_t i, const Lexicon& lexicon,
                                 std::vector<ViewReading>* out) const {
  const auto& tokens = text.tokens;
  const std::string_view s = text.text;
  auto letter = [&](size_t k, bool first) {
    const Token& t = tokens[k];
    if (t.end - t.begin != 1) return false;
    const char c = s[t.begin];
    return first ? IsAsciiLetter(c) : IsLower(c);
  };
  if (i + 1 >= tokens.size() || !letter(i, true) || (tokens[i].begin > 0 && !StandsApartBefore(s[tokens[i].begin - 1]))) {
    return 0;
  }
  // The one character between the first two letters, and between every two.
  const auto gap = [&](size_t k) { return s.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end); };
  const std::string_view separator = gap(i);
  if (separator.size() != 1 || std::string_view(".-_").find(separator[0]) == std::string_view::npos) return 0;
  size_t last = i;
  while (last + 1 < tokens.size() && gap(last) == separator && letter(last + 1, false)) ++last;
  const size_t n = last - i + 1;
  const Token& end = tokens[last];
  if (n < kMinSeparatedLetters || n > kMaxSplitLength ||
      (end.end < s.size() && !StandsApartAfter(s[end.end]) && s[end.end] != separator[0])) {
    return 0;
  }
  if (end.end + 1 < s.size() && s[end.end] == separator[0] && IsAsciiLetter(s[end.end + 1])) return 0;  // more than one letter
  std::string joined;
  for (size_t k = i; k <= last; ++k) joined.push_back(AsciiLower(s[tokens[k].begin]));
  Ready(lexicon);
  // A vocabulary word; a strong term so written is the word index's.
  if (!InVocabulary(joined) || strong_.Find(joined) != StringIdTable::kNone) return last - i;
  ViewReading r;
  r.begin = tokens[i].begin;
  r.end = end.end;
  for (size_t k = i; k <= last; ++k) r.text.push_back(s[tokens[k].begin]);
  // Whole: the separators are no spaces, so the letters of the reading are
  // not the span's bytes in order, and a match in it covers the whole span.
  r.unknown_word = false;  // single letters: no word for spelling to judge
  out->push_back(std::move(r));
  return last - i;
}

bool WordReader::ReadStretched(const Token& t, std::string_view written, const Lexicon& lexicon,
                               std::vector<ViewReading>* out) const {
  // The runs of three letters or more, at most kMaxStretchedRuns of them.
  std::pair<size_t, size_t> runs[kMaxStretchedRuns];  // begin, length
  size_t n = 0;
  for (size_t k = 0; k < written.size();) {
    size_t end = k + 1;
    while (end < written.size() && AsciiLower(written[end]) == AsciiLower(written[k])) ++end;
    if (end - k >= 3) {
      if (n == kMaxStretchedRuns) return false;
      runs[n++] = {k, end - k};
    }
    k = end;
  }
  if (n == 0) return false;
  // Each run written twice or once, twice first; the first vocabulary word,
  // else the first word the dictionary knows. A strong term is the word
  // index's to match.
  std::string word, known;
  bool vocabulary = false;
  for (size_t choice = 0; choice < (size_t{1} << n) && !vocabulary; ++choice) {
    word.clear();
    size_t at = 0;
    for (size_t r = 0; r < n; ++r) {
      word.append(written.substr(at, runs[r].first - at));
      word.append((choice >> r & 1) ? 1 : 2, written[runs[r].first]);
      at = runs[r].first + runs[r].second;
    }
    word.append(written.substr(at));
    std::string lower = word;
    lower[0] = AsciiLower(lower[0]);
    if (strong_.Find(lower) != StringIdTable::kNone) return false;
    if (InVocabulary(lower)) {
      known = word;
      vocabulary = true;
    } else if (known.empty() && lower.size() >= 2 && lexicon.Knows(word)) {
      known = word;
    }
  }
  if (known.empty()) return false;
  ViewReading r;
  r.begin = t.begin;
  r.end = t.end;
  r.text = known;
  out->push_back(std::move(r));
  return true;
}

bool WordReader::ReadMasked(const TokenizedText& text, size_t i, const Lexicon& lexicon,
                            std::vector<ViewReading>* out) const {
  const auto& tokens = text.tokens;
  const std::string_view s = text.text;
  if (i + 1 >= tokens.size()) return false;
  const Token& a = tokens[i];
  const Token& b = tokens[i + 1];
  const std::string_view stars = s.substr(a.end, b.begin - a.end);
  if (stars.empty() || stars.size() > kMaxMaskedLetters || stars.find_first_not_of('*') != std::string_view::npos) {
    return false;
  }
  const std::string_view left = text.Original(a), right = text.Original(b);
  const size_t length = left.size() + stars.size() + right.size();
  if (length < kMinWord + 1 || length > kMaxSplitLength) return false;
  // Letters on both sides, in lower case but the first, and nothing more
  // run on: not "f*ck*ng", "@j*hn" or "it's".
  if (!IsAsciiLetter(left[0]) || !std::all_of(left.begin() + 1, left.end(), IsLower) ||
      !std::all_of(right.begin(), right.end(), IsLower)) {
    return false;
  }
  if (a.begin > 0 && !StandsApartBefore(s[a.begin - 1])) return false;
  if (b.end < s.size() && !StandsApartAfter(s[b.end])) return false;
  Ready(lexicon);
  // Every word the mask may hide: exactly one vocabulary word, and no
  // strong term (those are the word index's to match, masked or not).
  std::string word(length, '\0');
  std::copy(left.begin(), left.end(), word.begin());
  word[0] = AsciiLower(word[0]);
  std::copy(right.begin(), right.end(), word.begin() + static_cast<std::ptrdiff_t>(left.size() + stars.size()));
  uint32_t found = StringIdTable::kNone;
  const size_t fills = stars.size() == 1 ? 26 : 26 * 26;
  for (size_t fill = 0; fill < fills; ++fill) {
    word[left.size()] = static_cast<char>('a' + fill % 26);
    if (stars.size() == 2) word[left.size() + 1] = static_cast<char>('a' + fill / 26);
    if (strong_.Find(word) != StringIdTable::kNone) return false;
    const uint32_t id = words_.Find(word);
    if (id == StringIdTable::kNone) continue;
    if (found != StringIdTable::kNone) return false;  // two words: either
    found = id;
  }
  if (found == StringIdTable::kNone) return false;
  const std::string_view meant = words_.Get(found);
  const bool capital = left[0] != AsciiLower(left[0]);
  // A capital inside a sentence opens a name ("Mrs J*nes"), unless the word
  // is one the dictionary knows only capitalised ("the Musl*ms").
  if (capital && !a.sentence_start && !KnownOnlyCapitalised(lexicon, meant)) return false;
  ViewReading r;
  r.begin = a.begin;
  r.end = b.end;
  r.text.assign(meant);
  if (capital) r.text[0] = AsciiUpper(r.text[0]);
  r.unknown_word = false;  // a mask: no word for spelling to judge
  out->push_back(std::move(r));
  return true;
}

bool WordReader::ReadLeet(const TokenizedText& text, const Token& t, const Lexicon& lexicon,
                          std::vector<ViewReading>* out) const {
  const std::string_view written = text.Original(t);
  if (written.size() < 2 || written.size() > kMaxSplitLength) return false;
  bool letter = false;
  for (char c : written) {
    if (IsAsciiLetter(c)) {
      letter = true;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  // A word begun with a letter: "2nd", "10am" and "4x4" are no words.
  // Short capitals with digits are codes ("G4S", "A1M", "SW1A"); from six
  // characters on they may be a word shouted ("LAB0UR"), read only as a
  // vocabulary word, never a strong term (the word index reads those).
  if (!letter || !IsAsciiLetter(written[0])) return false;
  const bool capitals = std::none_of(written.begin(), written.end(), [](char c) { return IsLower(c); });
  if (capitals && written.size() < kMinCapitalsLeet) return false;
  // A digit inside the word ("h4te"), or an "8" for "ate" at its end ("h8"):
  // letters and then digits are a code ("IC3", "M62", "B4").
  bool inside = written.back() == '8';
  for (size_t k = 0; k + 1 < written.size(); ++k) inside |= !IsAsciiLetter(written[k]) && IsAsciiLetter(written[k + 1]);
  if (!inside) return false;
  if (t.begin > 0) {
    const char before = text.text[t.begin - 1];
    if (before == '@' || before == '#' || before == '/' || before == '=' || before == '.') return false;
  }
  if (InLink(text.text, t.begin, t.end)) return false;
  // Each digit as its letter; "1" is "i" or "l" ("k1ll", "b1ke").
  thread_local std::string form, alternative;
  form.clear();
  alternative.clear();
  bool has_one = false;
  for (char c : written) {
    if (IsAsciiLetter(c)) {
      form.push_back(AsciiLower(c));
      alternative.push_back(AsciiLower(c));
    } else if (c == '8') {
      form.append("ate");
      alternative.append("ate");
    } else if (const char l = LeetLetter(c)) {
      form.push_back(l);
      alternative.push_back(c == '1' ? 'l' : l);
      has_one |= c == '1';
    } else {
      return false;
    }
  }
  Ready(lexicon);
  for (const std::string* candidate : {&form, &alternative}) {
    if (candidate == &alternative && !has_one) break;
    if (candidate->size() < kMinWord) continue;
    // A strong term too ("m0nkey"), so that a phrase and the words around
    // it read on ("porch m0nkey"): the word index matches the term itself
    // however it is written.
    const uint32_t strong_id = strong_.Find(*candidate);
    if (capitals && strong_id != StringIdTable::kNone) continue;  // capitals: a vocabulary word only
    const StringIdTable& table = strong_id != StringIdTable::kNone ? strong_ : words_;
    const uint32_t id = strong_id != StringIdTable::kNone ? strong_id : words_.Find(*candidate);
    if (id == StringIdTable::kNone) continue;
    ViewReading r;
    r.begin = t.begin;
    r.end = t.end;
    r.text.assign(table.Get(id));
    if (written[0] != AsciiLower(written[0])) r.text[0] = AsciiUpper(r.text[0]);  // "H4te": Hate
    r.unknown_word = false;  // digits: no word for spelling to judge
    out->push_back(std::move(r));
    return true;
  }
  return false;
}

bool WordReader::Read(const TokenizedText& text, const Lexicon& lexicon, std::vector<ViewReading>* out) const {
  out->clear();
  if (ready_.load(std::memory_order_acquire) && words_.size() == 0) return false;
  thread_local std::string lower;
  for (size_t i = 0; i < text.tokens.size(); ++i) {
    const Token& t = text.tokens[i];
    if (t.end < text.text.size() && text.text[t.end] == '*' && ReadMasked(text, i, lexicon, out)) {
      ++i;  // the part after the mask too
      continue;
    }
    if (t.end - t.begin == 1) {
      i += ReadSpeltOut(text, i, lexicon, out);
      continue;
    }
    if (t.has_digit) {
      ReadLeet(text, t, lexicon, out);
      continue;
    }
    // A word split after its first two letters ("ki ll", "tr ash"): two
    // letters that are no word, and the word after them.
    if (t.end - t.begin == 2 && IsWordFragment(text, t, false) && !IsCommonTwoLetterWord(text.Original(t)) &&
        !lexicon.Knows(text.Original(t))) {
      Ready(lexicon);
      if (ReadSplitInTwo(text, i, lexicon, out)) ++i;
      continue;
    }
    const Readable readable = ReadableToken(text, t);
    if (readable == Readable::kNo) continue;
    const std::string_view written = text.Original(t);
    lower.assign(written);
    lower[0] = AsciiLower(lower[0]);
    // A vocabulary word is known: most words of most drafts are ("the",
    // "all", "people"), and need no dictionary look-up.
    if ((ready_.load(std::memory_order_acquire) && InVocabulary(lower)) || lexicon.Knows(written)) continue;
    Ready(lexicon);
    if (IsListed(lower)) continue;
    // A letter written three times or more, for stress: "sooo", "patheeetic".
    if (ReadStretched(t, written, lexicon, out)) continue;
    // A name written in lower case ("hispanics", "nigerians") is the word
    // the dictionary knows capitalised, not a misspelling of another word.
    {
      std::string capitalised(lower);
      capitalised[0] = AsciiUpper(capitalised[0]);
      if (lexicon.Knows(capitalised)) continue;
    }
    // A word split by a space, this its unknown part: "stu pid", "pat hetic".
    if (ReadSplitInTwo(text, i, lexicon, out)) {
      ++i;
      continue;
    }
    if (i > 0 && ReadSplitInTwo(text, i - 1, lexicon, out)) continue;
    // A strong term's misspelling is the word index's to match ("faggit").
    bool near_strong = false;
    const uint32_t id = MisspeltWord(lower, &near_strong);
    if (near_strong) continue;
    // Two words run together before one misspelt: "Ihate" is "I hate", not
    // "hate" with a letter added.
    if (ReadRunTogether(text, i, lexicon, out)) continue;
    // A capitalised word inside a sentence is a name, unless the word it
    // is one edit from is itself known only capitalised ("a Muslm": Muslim).
    bool proper = false;
    if (readable == Readable::kInnerCapital && id != StringIdTable::kNone) {
      proper = KnownOnlyCapitalised(lexicon, words_.Get(id));
    }
    if ((readable == Readable::kWord || proper) && id != StringIdTable::kNone) {
      ViewReading r;
      r.begin = t.begin;
      r.end = t.end;
      r.text.assign(words_.Get(id));
      if (t.capitalised) r.text[0] = AsciiUpper(r.text[0]);
      out->push_back(std::move(r));
    }
  }
  return !out->empty();
}

}  // namespace postcheck
