#include "engine/names_finder.h"

#include <algorithm>
#include <iterator>

#include "text/normalize.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

std::string Fold(const std::string& word) {
  std::string out;
  FoldWord(word, &out);
  return out;
}

// The text between tokens a and b is only spaces (and at most one '.' right
// after token a, for "Mr. Jones" and initials).
bool SpaceBetween(const TokenizedText& text, size_t a, size_t b, bool allow_dot) {
  std::string_view gap = text.text.substr(text.tokens[a].end, text.tokens[b].begin - text.tokens[a].end);
  if (allow_dot && !gap.empty() && gap[0] == '.') gap.remove_prefix(1);
  if (gap.empty()) return false;
  for (char c : gap) {
    if (c != ' ') return false;
  }
  return gap.size() <= 2;
}

// The text between token `i` and the next one.
std::string_view GapAfter(const TokenizedText& text, size_t i) {
  return text.text.substr(text.tokens[i].end, text.tokens[i + 1].begin - text.tokens[i].end);
}

// Whether the text at byte `at` gives an age the way a press release does:
// ", 15," ", 15 " ", 15." or ", aged 15", or in brackets: " (15)", "(15)".
bool AgeFollows(std::string_view text, size_t at) {
  std::string_view rest = text.substr(at, 12);
  // " (15)" and "(15)", as tabloids and loose posts give one
  if (rest.starts_with(" (")) rest.remove_prefix(1);
  if (rest.starts_with("(")) {
    size_t digits = 1;
    while (digits < rest.size() && IsAsciiDigit(rest[digits])) ++digits;
    return digits >= 2 && digits <= 3 && digits < rest.size() && rest[digits] == ')';
  }
  if (rest.size() < 3 || rest[0] != ',' || rest[1] != ' ') return false;
  rest.remove_prefix(2);
  if (rest.substr(0, 5) == "aged " || rest.substr(0, 5) == "AGED ") rest.remove_prefix(5);
  size_t digits = 0;
  while (digits < rest.size() && IsAsciiDigit(rest[digits])) ++digits;
  if (digits == 0 || digits > 2) return false;
  return digits == rest.size() || rest[digits] == ',' || rest[digits] == ' ' || rest[digits] == '.' ||
         rest[digits] == ')';
}

// Whether the words just before token `i` introduce a name: "named as",
// "called", "known as", "name is".
bool IntroducedAt(const TokenizedText& text, size_t i) {
  if (i == 0) return false;
  auto folded = [&](size_t k) { return text.Folded(text.tokens[k]); };
  const std::string_view previous = folded(i - 1);
  if (previous == "called" || previous == "named") return true;
  if (i >= 2 && previous == "as" && (folded(i - 2) == "named" || folded(i - 2) == "known")) return true;
  if (i >= 2 && previous == "is" && folded(i - 2) == "name") return true;
  return false;
}

// Whether `word` is one of `words`.
template <size_t N>
bool IsOneOf(std::string_view word, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// Titles that, written in lower case, still introduce a name ("mr jones");
// "dr" (drive) and "miss" (the verb) do not.
bool IsLowerTitle(std::string_view word) { return word == "mr" || word == "mrs" || word == "ms" || word == "mx"; }

// Words that follow a lower-case title without being a name ("mr and mrs").
bool IsFunctionWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he",
      "her", "his", "in", "is", "it", "mr", "mrs", "ms", "mx", "no", "not", "of", "on", "or", "said", "says",
      "she", "that", "the", "their", "they", "this", "to", "was", "were", "who", "will", "with", "would"};
  return IsOneOf(word, kWords);
}

// Words after which a capitalised first name is a place, a pub or a thing:
// "the Rose", "in Chester", "from Preston".
bool IsBeforePlace(std::string_view word) {
  static constexpr std::string_view kWords[] = {"the", "a", "an", "in", "at", "from", "to", "near", "of",
                                                "into", "via", "towards", "outside", "around", "round"};
  return IsOneOf(word, kWords);
}

// Words after which a listed village or suburb is that place ("in Harold
// Wood"); not "to" or "of" ("spoke to Jack Hill", "the arrest of ...").
bool IsPlaceWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {"in", "at", "from", "near", "into", "via", "towards", "outside",
                                                "around", "round", "through", "across"};
  return IsOneOf(word, kWords);
}

// A place name's folded words joined by single spaces: "king s lynn".
std::string PlaceKey(const std::string& place) {
  std::string key;
  for (const auto& w : FoldedWords(place)) {
    if (!key.empty()) key += ' ';
    key += w;
  }
  return key;
}

// Capitalised words that go before a first name as part of what people call
// someone, not as another name or a place: "Big Sue", "Little Jimmy",
// "Special Sarah" (a special constable), "Auntie Pat".
bool IsNicknameWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {"big", "little", "lil", "young", "old", "our", "special",
                                                "auntie", "aunty", "uncle", "nana", "nanna", "grandad", "granny"};
  return IsOneOf(word, kWords);
}

// Whether token `t` is a single capital letter, as an initial is: "Shannon R".
bool IsInitial(const TokenizedText& text, const Token& t) {
  const std::string_view w = text.Original(t);
  return w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z';
}

}  // namespace

FirstNames MakeFirstNames(const NamesMatcher::Words& first_names) {
  auto table = std::make_shared<StringIdTable>();
  table->Reserve(first_names.size());
  for (const auto& n : first_names) table->Intern(Fold(n));
  return table;
}

NamesFinder::NamesFinder(const NamesMatcher& config, FirstNames first_names) : first_names_(std::move(first_names)) {
  for (const auto& t : config.titles) titles_.Intern(Fold(t));
  for (const auto& n : config.not_surnames) {
    not_surnames_.Intern(Fold(n));
    // Written in lower case in the list: a place word in lower case too.
    if (!n.empty() && n[0] >= 'a' && n[0] <= 'z') places_in_lower_case_.Intern(Fold(n));
  }
  for (const auto& n : config.not_alone) not_alone_.Intern(Fold(n));
  for (const auto& n : config.towns) towns_.Intern(PlaceKey(n));
  for (const auto& n : config.places) places_.Intern(PlaceKey(n));
}

bool NamesFinder::InPlace(const TokenizedText& text, size_t i) const {
  if (towns_.size() == 0 && places_.size() == 0) return false;
  constexpr size_t kMostWords = 5;  // "Ottery St Mary", "King's Lynn": the longest keys
  const auto& tokens = text.tokens;
  std::string key;
  for (size_t s = i >= kMostWords - 1 ? i - (kMostWords - 1) : 0; s <= i; ++s) {
    key.clear();
    for (size_t e = s; e < tokens.size() && e < s + kMostWords; ++e) {
      if (e > s) {
        const std::string_view gap = GapAfter(text, e - 1);
        if (gap != " " && gap != "-" && !IsApostrophe(gap)) break;
        key += ' ';
      }
      key += text.Folded(tokens[e]);
      if (e <= s || e < i) continue;  // the place must take in token i and a word next to it
      if (Has(towns_, key)) return true;
      if (Has(places_, key) && (s < i || (s > 0 && IsPlaceWord(text.Folded(tokens[s - 1]))))) return true;
    }
  }
  return false;
}

bool NamesFinder::IsSurname(const TokenizedText& text, size_t i) const {
  if (i >= text.tokens.size()) return false;
  const Token& t = text.tokens[i];
  if (!t.capitalised || t.has_digit) return false;
  if (t.end - t.begin < 2) {  // only the O of O'Brien, the D of D'Souza
    return SurnameEnd(text, i) > i;
  }
  if (!Has(not_surnames_, text.Folded(t))) return true;
  // A street word is still a surname in the press-release form "Jessica Lane, 22,".
  std::string_view after = text.text.substr(t.end, 5);
  return after.size() >= 3 && after[0] == ',' && after[1] == ' ' && after[2] >= '0' && after[2] <= '9';
}

bool NamesFinder::IsLowerCaseWord(const TokenizedText& text, const Token& t) const {
  return !t.capitalised && t.has_letter && !t.has_digit && t.end - t.begin >= 2 &&
         !IsFunctionWord(text.Folded(t)) && !Has(not_surnames_, text.Folded(t));
}

size_t NamesFinder::LowerCaseNameEnd(const TokenizedText& text, size_t i, const Lexicon* dictionary) const {
  const auto& tokens = text.tokens;
  if (i + 1 >= tokens.size()) return 0;
  const Token& first = tokens[i];
  // The first-name lookup first: it rules out almost every token.
  if (first.capitalised || !Has(*first_names_, text.Folded(first)) || !IsLowerCaseWord(text, first) ||
      !SpaceBetween(text, i, i + 1, false)) {
    return 0;
  }
  // The surname: one word, or o'/d' and a word ("o'connor"), or words
  // joined by hyphens ("smith-jones").
  size_t last = i + 1;
  const std::string_view head = text.Original(tokens[last]);
  if ((head == "o" || head == "d") && last + 1 < tokens.size() && IsApostrophe(GapAfter(text, last)) &&
      IsLowerCaseWord(text, tokens[last + 1])) {
    ++last;
  } else if (!IsLowerCaseWord(text, tokens[last])) {
    return 0;
  }
  while (last + 1 < tokens.size() && GapAfter(text, last) == "-" && IsLowerCaseWord(text, tokens[last + 1])) {
    ++last;
  }
  if (AgeFollows(text.text, tokens[last].end)) return last;
  if (dictionary && IntroducedAt(text, i) && last == i + 1 && !dictionary->Knows(text.Original(tokens[last]))) {
    return last;
  }
  return 0;
}

bool NamesFinder::IsFirstNameAlone(const TokenizedText& text, size_t i, const Lexicon* dictionary) const {
  const auto& tokens = text.tokens;
  const Token& t = tokens[i];
  if (!t.capitalised || t.all_caps || t.has_digit || t.end - t.begin < 3) return false;
  const std::string_view folded = text.Folded(t);
  if (!Has(*first_names_, folded) || Has(not_alone_, folded)) return false;
  if (t.begin > 0) {  // not in a #tag, an @handle or a word_joined_up
    const char before = text.text[t.begin - 1];
    if (before == '#' || before == '@' || before == '_' || IsAsciiDigit(before) || IsAsciiLetter(before)) return false;
  }
  // Another capitalised word next to it makes it part of another name or a
  // place ("Amy Centre", "Port Darren"); a surname's initial after it, or a
  // nickname word before it, does not ("Shannon R", "Big Sue").
  if (i + 1 < tokens.size() && tokens[i + 1].capitalised && SpaceBetween(text, i, i + 1, false) &&
      !IsInitial(text, tokens[i + 1])) {
    return false;
  }
  if (i > 0 && SpaceBetween(text, i - 1, i, false)) {
    if (tokens[i - 1].capitalised && !tokens[i - 1].sentence_start && !IsNicknameWord(text.Folded(tokens[i - 1]))) {
      return false;
    }
    if (IsBeforePlace(text.Folded(tokens[i - 1]))) return false;
  }
  if (t.sentence_start) return dictionary != nullptr && !dictionary->IsBaseWord(folded);
  return true;
}

size_t NamesFinder::SurnameEnd(const TokenizedText& text, size_t i) const {
  const auto& tokens = text.tokens;
  while (i + 1 < tokens.size()) {
    std::string_view gap = GapAfter(text, i);
    std::string_view word = text.Original(tokens[i]);
    bool hyphen = gap == "-";
    bool apostrophe = IsApostrophe(gap) && (word == "O" || word == "D");
    if ((hyphen || apostrophe) && tokens[i + 1].capitalised && !tokens[i + 1].has_digit) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

void NamesFinder::Find(const TokenizedText& text, const Lexicon* dictionary,
                       std::vector<std::pair<uint32_t, uint32_t>>* spans,
                       std::vector<std::pair<uint32_t, uint32_t>>* alone) const {
  const auto& tokens = text.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (i + 1 == tokens.size()) {  // no surname, nor an age, can follow
      if (alone && IsFirstNameAlone(text, i, dictionary)) alone->emplace_back(t.begin, t.end);
      break;
    }
    std::string_view folded = text.Folded(t);
    if (!t.capitalised) {
      // A title in lower case and a surname in lower case: "mr jones".
      const Token& next = tokens[i + 1];
      if (t.has_letter && !t.has_digit && IsLowerTitle(folded) && Has(titles_, folded) &&
          SpaceBetween(text, i, i + 1, true) && IsLowerCaseWord(text, next)) {
        spans->emplace_back(t.begin, next.end);
        ++i;
      } else if (size_t end = LowerCaseNameEnd(text, i, dictionary); end > 0) {
        // A first name and surname in lower case: "tyler jones, 15,".
        spans->emplace_back(t.begin, tokens[end].end);
        i = end;
      }
      continue;
    }
    size_t last = 0;
    if (Has(titles_, folded)) {
      // Title, optional initial or first name, surname.
      size_t j = i + 1;
      if (!SpaceBetween(text, i, j, true)) continue;
      std::string_view next = text.Original(tokens[j]);
      bool initial = next.size() == 1 && tokens[j].capitalised;
      if ((initial || Has(*first_names_, text.Folded(tokens[j]))) && j + 1 < tokens.size() &&
          SpaceBetween(text, j, j + 1, true) && IsSurname(text, j + 1)) {
        last = SurnameEnd(text, j + 1);
      } else if (IsSurname(text, j)) {
        last = SurnameEnd(text, j);
      } else {
        continue;
      }
    } else if (!t.all_caps && Has(*first_names_, folded) && SpaceBetween(text, i, i + 1, false) &&
               IsSurname(text, i + 1)) {
      last = SurnameEnd(text, i + 1);
      // "Sean O'BRIEN" is fine, "Jamie COLE" is shouting, not a name we can judge
      // - unless an age follows, as in a press release ("JAMIE COLE, 27,").
      const bool age = AgeFollows(text.text, tokens[last].end);
      if (tokens[last].all_caps && !age) continue;
      if (!age && InPlace(text, i)) continue;  // "in Milton Keynes", "Fort William Alerts"
    } else if (!t.has_digit && t.end - t.begin >= 2 && !Has(not_surnames_, folded) &&
               SpaceBetween(text, i, i + 1, false) && IsSurname(text, i + 1) &&
               !Has(not_surnames_, text.Folded(tokens[i + 1])) && t.all_caps == tokens[i + 1].all_caps &&
               (AgeFollows(text.text, tokens[SurnameEnd(text, i + 1)].end) ||
                (IntroducedAt(text, i) && !t.sentence_start))) {
      // Any capitalised pair (in capitals or not) with an age after it
      // ("TYLER JONES, 15,", "Oluwaseun Adeyemi, 23,") or introduced as a
      // name ("named as Kai Barnes", "a lad called Jayden Smith").
      last = SurnameEnd(text, i + 1);
    } else {
      if (IsFirstNameAlone(text, i, dictionary)) {
        // With an age after it, as a press release gives one ("Chloe, 19,"),
        // a first name alone is a name for every rule.
        if (AgeFollows(text.text, t.end)) {
          spans->emplace_back(t.begin, t.end);
        } else if (alone) {
          alone->emplace_back(t.begin, t.end);
        }
      }
      continue;
    }
    // A name followed by a street or place word is the place named after
    // someone: "Sir Matt Busby Way", "Charlotte Despard Av", "the Lon
    // Cilgwyn area" (a word the list writes in lower case).
    if (last + 1 < tokens.size() && SpaceBetween(text, last, last + 1, false) &&
        (tokens[last + 1].capitalised ? Has(not_surnames_, text.Folded(tokens[last + 1]))
                                      : Has(places_in_lower_case_, text.Folded(tokens[last + 1])))) {
      i = last;
      continue;
    }
    spans->emplace_back(t.begin, tokens[last].end);
    i = last;
  }
}

}  // namespace postcheck
