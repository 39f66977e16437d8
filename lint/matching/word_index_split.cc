// WordIndex: words written in pieces or run together. Letters spelt out one
// by one ("f u c k", "c.u.n.t"), a disguised word hyphenated in pieces
// ("rag-heads", "mother-fucker"), its middle left out after its first letter
// ("f-wit"), or broken in two by a space ("bit ch",
// "f uck"), CamelCase and hashtags split into their
// words, and compounds of a disguised word that the dictionary does not know
// ("fuckface", "shitbag").
#include <algorithm>
#include <iterator>

#include "text/compound_split.h"
#include "text/normalize.h"
#include "text/utf8.h"
#include "matching/word_index.h"

namespace postcheck {
namespace {

bool IsAsciiLetterRun(std::string_view s) {
  for (char c : s) {
    if (!IsAsciiLetter(c)) return false;
  }
  return !s.empty();
}

// The separators that spell a word out letter by letter.
bool IsSpellingSeparator(char c) { return c == ' ' || c == '-' || c == '_' || c == '.'; }

// A token right after one of these is part of a handle ("@semper_fiibitch")
// or a link.
bool IsNotWrittenWords(char before) {
  return before == '@' || before == '_' || before == '/' || before == '=' || before == '.';
}

// A compound outside a hashtag: at most this many parts, none of one letter.
constexpr size_t kMaxCompoundParts = 3;

bool IsPlausibleCompound(const std::vector<WordPart>& parts) {
  if (parts.size() > kMaxCompoundParts) return false;
  for (const WordPart& p : parts) {
    if (p.end - p.begin < 2) return false;
  }
  return true;
}

// Letters spelt out: at least this many one-letter tokens in a row.
constexpr size_t kMinSpelledOut = 3;
// A word hyphenated in pieces: at most this many pieces.
constexpr size_t kMaxHyphenPieces = 3;

// The words of one or two letters in running English. The dictionary knows
// many more ("ck", "fu", "sh": abbreviations, interjections), and a broken
// word's short piece is one of those: "fu ck", "sh it".
bool IsShortWord(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "a",  "i",  "ad", "ah", "am", "an", "as", "at", "aw", "be", "by", "do", "eh", "go", "ha", "he", "hi",
      "if", "in", "is", "it", "ma", "me", "mr", "ms", "my", "no", "of", "oh", "ok", "on", "or", "ow", "ox",
      "pa", "so", "to", "uh", "um", "up", "us", "we", "ye", "yo"};
  return std::find(std::begin(kWords), std::end(kWords), folded) != std::end(kWords);
}

}  // namespace

bool WordIndex::HasDisguisedPart(std::string_view folded) const {
  const size_t n = folded.size();
  for (size_t len = disguised_min_; len <= disguised_max_ && len + 2 <= n; ++len) {
    if (disguised_words_.Find(folded.substr(0, len)) != StringIdTable::kNone ||
        disguised_words_.Find(folded.substr(n - len)) != StringIdTable::kNone) {
      return true;
    }
  }
  return false;
}

void WordIndex::MatchJoined(const TokenizedText& text, size_t first, size_t end, const Lexicon* lexicon,
                            uint8_t need, std::vector<WordHit>* hits) const {
  std::string folded;
  for (size_t k = first; k < end; ++k) folded.append(text.Folded(text.tokens[k]));
  MatchReadAs(text, first, end, folded, lexicon, need, hits);
}

void WordIndex::MatchReadAs(const TokenizedText& text, size_t first, size_t end, std::string_view folded,
                            const Lexicon* lexicon, uint8_t need, std::vector<WordHit>* hits) const {
  TokenizedText as_one;
  as_one.text = text.text;
  Token word = text.tokens[first];
  word.end = text.tokens[end - 1].end;
  word.folded_begin = 0;
  as_one.folded.assign(folded);
  word.folded_size = static_cast<uint32_t>(folded.size());
  as_one.tokens.push_back(word);
  MatchTokens(as_one, lexicon, need, hits);
}

void WordIndex::MatchSpelledOut(const TokenizedText& text, const Lexicon* lexicon,
                                std::vector<WordHit>* hits) const {
  const auto& tokens = text.tokens;
  auto single_letter = [&](size_t i) { return tokens[i].end - tokens[i].begin == 1 && tokens[i].has_letter; };
  for (size_t i = 0; i < tokens.size();) {
    if (!single_letter(i)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    char separator = 0;
    bool separator_changed = false;
    for (; j < tokens.size() && single_letter(j); ++j) {
      if (tokens[j].begin != tokens[j - 1].end + 1) break;
      const char c = text.text[tokens[j - 1].end];
      separator_changed = separator && c != separator;
      if (!IsSpellingSeparator(c) || separator_changed) break;
      separator = c;
    }
    if (j - i >= kMinSpelledOut) {
      MatchJoined(text, i, j, lexicon, 0, hits);
      // Another separator may start a run at the last letter: "s a n.i.g.g.e.r"
      // (after "she's") is "s a n" and "n.i.g.g.e.r".
      i = separator_changed ? j - 1 : j;
    } else {
      ++i;  // a run cut short by another separator may start at the next letter
    }
  }
}

void WordIndex::MatchHyphenated(const TokenizedText& text, const Lexicon* lexicon,
                                std::vector<WordHit>* hits) const {
  if (disguised_words_.size() == 0) return;
  const auto& tokens = text.tokens;
  auto piece = [&](size_t i) {
    return tokens[i].end - tokens[i].begin >= 2 && IsAsciiLetterRun(text.Original(tokens[i]));
  };
  auto hyphen_before = [&](size_t j) {
    return tokens[j].begin == tokens[j - 1].end + 1 && text.text[tokens[j - 1].end] == '-';
  };
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!piece(i) || (i > 0 && hyphen_before(i))) continue;  // only from a run's first piece
    if (tokens[i].begin > 0 && IsNotWrittenWords(text.text[tokens[i].begin - 1])) continue;
    size_t j = i + 1;
    while (j < tokens.size() && j - i < kMaxHyphenPieces && hyphen_before(j) && piece(j)) ++j;
    if (j - i < 2 || (j < tokens.size() && hyphen_before(j))) continue;  // a longer run is not one word
    MatchJoined(text, i, j, lexicon, kDisguises, hits);
  }
}

void WordIndex::MatchInitialElided(const TokenizedText& text, const Lexicon* lexicon,
                                   std::vector<WordHit>* hits) const {
  if (disguised_words_.size() == 0) return;
  const std::string_view s = text.text;
  const auto& tokens = text.tokens;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    const Token& initial = tokens[i];
    const Token& tail = tokens[i + 1];
    if (initial.end - initial.begin != 1 || !IsAsciiLetter(s[initial.begin])) continue;
    if (tail.begin != initial.end + 1 || s[initial.end] != '-') continue;
    // Only a word of its own: not after a letter, a digit or a hyphen of a
    // longer run ("x-f-wit"), a handle or a link ('_', '.', '/', '@', '=').
    if (initial.begin > 0) {
      const char before = s[initial.begin - 1];
      if (IsAsciiLetter(before) || IsAsciiDigit(before) || before == '-' || IsNotWrittenWords(before)) {
        continue;
      }
    }
    if (tail.end < s.size() && (s[tail.end] == '-' || IsAsciiLetter(s[tail.end]))) continue;
    const std::string_view ending = text.Folded(tail);
    if (ending.size() < kMinElidedTail || !IsAsciiLetterRun(text.Original(tail))) continue;
    for (uint32_t id : disguised_by_initial_[AsciiLower(s[initial.begin]) - 'a']) {
      const std::string_view word = disguised_words_.Get(id);
      if (word.size() < 1 + kMinElidedLetters + ending.size() || !word.ends_with(ending)) continue;
      MatchReadAs(text, i, i + 2, word, lexicon, kDisguises, hits);
    }
  }
}

void WordIndex::MatchBroken(const TokenizedText& text, const Lexicon& lexicon, std::vector<WordHit>* hits) const {
  if (disguised_words_.size() == 0) return;
  const auto& tokens = text.tokens;
  auto letters = [&](size_t i) { return IsAsciiLetterRun(text.Original(tokens[i])); };
  // Whether token `i` stands as a word: a short word, one of three letters
  // or more that the dictionary knows (as written, or in lower case), or a
  // word of an entry.
  auto stands_alone = [&](size_t i) {
    std::string_view folded = text.Folded(tokens[i]);
    if (WordId(folded) != kNoWord) return true;
    if (folded.size() <= 2) return IsShortWord(folded);
    return lexicon.Knows(text.Original(tokens[i])) || lexicon.Knows(folded);
  };
  std::string joined;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    const Token& a = tokens[i];
    const Token& b = tokens[i + 1];
    const size_t length = (a.end - a.begin) + (b.end - b.begin);
    if (b.begin != a.end + 1 || text.text[a.end] != ' ' || length < kMinBrokenWord ||
        length > disguised_max_ + kMaxBrokenSuffix || !letters(i) || !letters(i + 1)) {
      continue;
    }
    if (a.begin > 0 && IsNotWrittenWords(text.text[a.begin - 1])) continue;
    // The end of a contraction is no piece of a word: "what's hit", "ain't wat".
    if (IsApostropheBefore(text.text, a.begin)) continue;
    // A piece that is itself a disguised word is found as itself ("nigga
    // he" is no "niggah", "bitch y" no "bitchy"), unless the two, of three
    // letters or more each, are exactly another ("dat nigga": "datnigga").
    const std::string_view first = text.Folded(a), second = text.Folded(b);
    const bool piece_is_word = disguised_words_.Find(first) != StringIdTable::kNone ||
                               disguised_words_.Find(second) != StringIdTable::kNone;
    if (piece_is_word && (first.size() < 3 || second.size() < 3)) continue;
    // The break is inside a disguised word, perhaps with an ending after it
    // ("bit ches"), not between a word and one.
    joined.assign(first);
    joined.append(second);
    bool inside = false;
    const size_t max_cut = piece_is_word ? 0 : kMaxBrokenSuffix;
    for (size_t cut = 0; cut <= max_cut && cut < joined.size() && !inside; ++cut) {
      const std::string_view word = std::string_view(joined).substr(0, joined.size() - cut);
      inside = word.size() > first.size() && disguised_words_.Find(word) != StringIdTable::kNone;
    }
    // Two words are two words ("pus" "sy" may be a broken word; "as" "set" not).
    if (!inside || (stands_alone(i) && stands_alone(i + 1))) continue;
    MatchJoined(text, i, i + 2, &lexicon, kDisguises, hits);
  }
}

bool WordIndex::LongDisguisedEnd(std::string_view folded, std::vector<WordPart>* parts) const {
  const size_t n = folded.size();
  for (size_t rest = 1; rest <= kMaxRunOnLetters && rest + kMinLongDisguised <= n; ++rest) {
    if (disguised_words_.Find(folded.substr(0, n - rest)) != StringIdTable::kNone) {
      parts->push_back({0, static_cast<uint32_t>(n - rest)});
      return true;
    }
    if (rest <= kMaxRunOnLettersBefore && disguised_words_.Find(folded.substr(rest)) != StringIdTable::kNone) {
      parts->push_back({static_cast<uint32_t>(rest), static_cast<uint32_t>(n)});
      return true;
    }
  }
  return false;
}

bool WordIndex::ShortWordRunOn(std::string_view folded, std::vector<WordPart>* parts) const {
  const size_t n = folded.size();
  for (size_t k = 1; k <= 2 && k + kMinRunOnDisguised <= n; ++k) {
    if (IsShortWord(folded.substr(0, k)) && disguised_words_.Find(folded.substr(k)) != StringIdTable::kNone) {
      parts->push_back({static_cast<uint32_t>(k), static_cast<uint32_t>(n)});
      return true;
    }
  }
  return false;
}

bool WordIndex::SplitRunTogether(const TokenizedText& text, const Token& t, const Lexicon& lexicon,
                                 std::vector<WordPart>* parts, uint8_t* need) const {
  const std::string_view original = text.Original(t);
  const std::string_view folded = text.Folded(t);
  if (WordId(folded) != kNoWord) return false;
  // Known as written or capitalised: "cocktail", "Penistone".
  const auto known = [&] {
    if (lexicon.Knows(original)) return true;
    std::string capitalised(original);
    capitalised[0] = AsciiUpper(capitalised[0]);
    return lexicon.Knows(capitalised);
  };
  const bool hashtag = t.begin > 0 && text.text[t.begin - 1] == '#';
  if (folded.size() < 6) {
    // A short strong term with a word of one or two letters before it, in a
    // word not capitalised: "acunt", "yocunt".
    if (hashtag || t.capitalised || disguised_words_.size() == 0 || !ShortWordRunOn(folded, parts)) return false;
    *need = kDisguises;
    return !known();
  }
  // Outside a hashtag: a disguised word and a word or two run together
  // ("fuckface", "fuckthepolice"), or, in a word not capitalised, a long
  // disguised word with a few letters run on ("abitch", "bitchlol") or one
  // with a short word before it ("yocunt").
  std::vector<WordPart> long_end;
  if (!hashtag) {
    if (disguised_words_.size() == 0) return false;
    if (!t.capitalised && !LongDisguisedEnd(folded, &long_end)) ShortWordRunOn(folded, &long_end);
    if (long_end.empty() && !HasDisguisedPart(folded)) return false;
    *need = kDisguises;
  }
  if (known()) return false;
  auto is_word = [&](std::string_view part) { return WordId(part) != kNoWord || lexicon.Knows(part); };
  // A compound is no name cut into scraps around a disguised word
  // ("Fukushima": fuk, us, him, a).
  if (!SplitIntoWords(folded, is_word, parts) || (!hashtag && !IsPlausibleCompound(*parts))) *parts = long_end;
  return !parts->empty();
}

void WordIndex::MatchSplits(const TokenizedText& text, const Lexicon* lexicon, std::vector<WordHit>* hits) const {
  std::vector<WordPart> parts;
  for (const Token& t : text.tokens) {
    std::string_view original = text.Original(t);
    if (original.size() < 4 || !IsAsciiLetterRun(original)) continue;
    // A handle ("@TheRandomBoner") names an account, and a link's path or
    // query ("watch?v=AbCd") was not written as words: neither is split.
    if (t.begin > 0 && IsNotWrittenWords(text.text[t.begin - 1])) continue;
    // Nor is a piece of a masked word: "s*spicion" is no "spic" and "ion".
    if (IsMaskPiece(text, t)) continue;
    parts.clear();
    uint8_t need = 0;
    if (!SplitCamelCase(original, &parts) && (!lexicon || !SplitRunTogether(text, t, *lexicon, &parts, &need))) {
      continue;
    }
    TokenizedText split;
    split.text = text.text;
    for (const WordPart& p : parts) {
      Token part = t;
      part.begin = t.begin + p.begin;
      part.end = t.begin + p.end;
      part.folded_begin = static_cast<uint32_t>(split.folded.size());
      FoldAsciiWord(original.substr(p.begin, p.end - p.begin), &split.folded);
      part.folded_size = p.end - p.begin;
      split.tokens.push_back(part);
    }
    MatchTokens(split, lexicon, need, hits);
  }
}

}  // namespace postcheck
