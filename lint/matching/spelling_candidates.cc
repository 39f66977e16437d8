#include "matching/spelling_candidates.h"

#include <utf8proc.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "text/string_hash.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

// Costs, as documented in the header.
constexpr int kCheap = 2;
constexpr int kLikely = 3;
constexpr int kPlain = 4;
constexpr int kCaseOnly = 5;
constexpr int kFirstLetter = 2;

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += static_cast<size_t>(DecodeUtf8(s, i, &cp));
    out.push_back(cp);
  }
  return out;
}

std::string Encode(std::u32string_view s) {
  std::string out;
  for (char32_t cp : s) AppendUtf8(cp, &out);
  return out;
}

char32_t Lower(char32_t c) { return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))); }
char32_t Upper(char32_t c) { return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c))); }
bool IsLetter(char32_t c) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
      return true;
    default:
      return false;
  }
}
bool IsVowel(char32_t c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
constexpr std::u32string_view kVowels = U"aeiouy";

// How the word was written, so corrections are written the same way.
enum class Shape { kAsWritten, kCapitalised, kUpper };

Shape ShapeOf(const std::u32string& word) {
  bool first_upper = !word.empty() && Upper(word[0]) == word[0] && Lower(word[0]) != word[0];
  bool rest_lower = true, rest_upper = true;
  for (size_t i = 1; i < word.size(); ++i) {
    if (Lower(word[i]) != word[i]) rest_lower = false;
    if (Upper(word[i]) != word[i]) rest_upper = false;
  }
  if (first_upper && rest_upper && word.size() > 1) return Shape::kUpper;
  if (first_upper && rest_lower) return Shape::kCapitalised;
  return Shape::kAsWritten;
}

std::u32string Reshape(std::u32string s, Shape shape) {
  if (shape == Shape::kUpper) {
    for (char32_t& c : s) c = Upper(c);
  } else if (shape == Shape::kCapitalised && !s.empty()) {
    s[0] = Upper(s[0]);
  }
  return s;
}

// Collects corrections: each distinct candidate is checked once and keeps
// the lowest cost it was reached at; `order` breaks ties by generation order.
class Collector {
 public:
  // `expected`: about how many distinct candidates will be checked, to size
  // the table of those checked once (growing it cost a quarter of Known).
  Collector(const IsWord& is_word, Shape shape, std::string original, size_t max_checks, size_t expected)
      : is_word_(is_word), shape_(shape), original_(std::move(original)), checks_left_(max_checks) {
    size_t size = 256;
    while (size < 2 * std::min(expected, max_checks)) size <<= 1;
    keys_.assign(size, 0);
    verdicts_.assign(size, false);
  }

  // A candidate in the word's lower-case form.
  void Word(const std::u32string& lower, int cost) {
    if (lower.size() > kMaxWordBytes / 4) {  // longer than any edit of a word of kMaxEditedLength
      scratch_.clear();
      for (size_t i = 0; i < lower.size(); ++i) {
        const bool upper = shape_ == Shape::kUpper || (shape_ == Shape::kCapitalised && i == 0);
        AppendUtf8(upper ? Upper(lower[i]) : lower[i], &scratch_);
      }
      Offer(scratch_, cost, nullptr);
      return;
    }
    // Encoded into a buffer of fixed size: no capacity check per byte.
    char* out = word_bytes_;
    for (size_t i = 0; i < lower.size(); ++i) {
      char32_t c = lower[i];
      const bool upper = shape_ == Shape::kUpper || (shape_ == Shape::kCapitalised && i == 0);
      if (c < 0x80) {  // most letters: ASCII's case map is utf8proc's there
        *out++ = static_cast<char>(upper && c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
        continue;
      }
      if (upper) c = Upper(c);
      if (c < 0x80) {  // 'ı' and 'ſ' have ASCII capitals
        *out++ = static_cast<char>(c);
        continue;
      }
      if (c < 0x800) {
        *out++ = static_cast<char>(0xC0 | (c >> 6));
      } else {
        if (c < 0x10000) {
          *out++ = static_cast<char>(0xE0 | (c >> 12));
        } else {
          *out++ = static_cast<char>(0xF0 | (c >> 18));
          *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        }
        *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      }
      *out++ = static_cast<char>(0x80 | (c & 0x3F));
    }
    Offer(std::string_view(word_bytes_, static_cast<size_t>(out - word_bytes_)), cost, nullptr);
  }

  // Whether `first` and `second` (lower-case forms) are both words.
  bool SplitIsWords(const std::u32string& first, const std::u32string& second) {
    auto [a, b] = SplitParts(first, second);
    return Known(a) && Known(b);
  }

  // Two words, `first` then `second`, that SplitIsWords accepted.
  void Split(const std::u32string& first, const std::u32string& second, int cost) {
    auto [a, b] = SplitParts(first, second);
    std::string both = a + " " + b;
    Offer(both, cost, &both);
  }

  // A candidate already in its final case.
  void Written(const std::string& text, int cost) { Offer(text, cost, nullptr); }

  bool empty() const { return found_.empty(); }
  // Whether the budget of checks is spent: nothing more can be found.
  bool spent() const { return checks_left_ == 0; }

  std::vector<std::string> Best(size_t limit) {
    std::stable_sort(found_.begin(), found_.end(),
                     [](const Found& a, const Found& b) { return a.cost < b.cost; });
    std::vector<std::string> out;
    for (size_t i = 0; i < found_.size() && out.size() < limit; ++i) out.push_back(found_[i].text);
    return out;
  }

 private:
  struct Found {
    std::string text;
    int cost;
  };

  std::pair<std::string, std::string> SplitParts(const std::u32string& first, const std::u32string& second) const {
    return {Encode(Reshape(first, shape_)), Encode(shape_ == Shape::kUpper ? Reshape(second, shape_) : second)};
  }

  // Whether `text` is a word: is_word_'s answer, asked once per distinct
  // text while the budget lasts. Texts are told apart by a 64-bit hash,
  // kept in an open-addressed table (no allocation per candidate).
  bool Known(std::string_view text) {
    const uint64_t key = HashShortString(text) | 1;  // 0 marks an empty slot
    size_t mask = keys_.size() - 1, i = SlotOf(key) & mask;
    for (; keys_[i] != 0; i = (i + 1) & mask) {
      if (keys_[i] == key) return verdicts_[i];
    }
    if (checks_left_ == 0) return false;
    --checks_left_;
    const bool word = is_word_(text);
    keys_[i] = key;
    verdicts_[i] = word;
    if (++used_ * 2 > keys_.size()) Grow();
    return word;
  }

  // Where a key's probe starts: from its high bits, as its lowest is always
  // set (starting from it, keys started only at odd slots and piled up).
  static size_t SlotOf(uint64_t key) { return static_cast<size_t>(key >> 32); }

  void Grow() {
    std::vector<uint64_t> keys(keys_.size() * 2, 0);
    std::vector<bool> verdicts(keys.size(), false);
    const size_t mask = keys.size() - 1;
    for (size_t k = 0; k < keys_.size(); ++k) {
      if (keys_[k] == 0) continue;
      size_t i = SlotOf(keys_[k]) & mask;
      while (keys[i] != 0) i = (i + 1) & mask;
      keys[i] = keys_[k];
      verdicts[i] = verdicts_[k];
    }
    keys_.swap(keys);
    verdicts_.swap(verdicts);
  }

  // `accepted` is non-null when the caller already checked the parts.
  void Offer(std::string_view text, int cost, const std::string* accepted) {
    if (text.empty() || text == original_) return;
    // A text found before was known to be a word, so asking first changes
    // nothing but skips the index for the many candidates that are not.
    if (!accepted && !Known(text)) return;
    if (auto it = index_.find(text); it != index_.end()) {
      found_[it->second].cost = std::min(found_[it->second].cost, cost);
      return;
    }
    index_.emplace(std::string(text), found_.size());
    found_.push_back({std::string(text), cost});
  }

  const IsWord& is_word_;
  Shape shape_;
  std::string original_;
  size_t checks_left_;
  std::string scratch_;  // the candidate being offered
  static constexpr size_t kMaxWordBytes = 4 * (kMaxEditedLength + 8);
  char word_bytes_[kMaxWordBytes];  // the same, when it fits (Word)
  std::vector<uint64_t> keys_;  // Known's table: hash | 1, or 0 when empty
  std::vector<bool> verdicts_;
  size_t used_ = 0;
  std::unordered_map<std::string, size_t, StringViewHash, StringViewEqual> index_;
  std::vector<Found> found_;
};

int AtFirst(size_t i) { return i == 0 ? kFirstLetter : 0; }

// The cheap edits of `w`, each passed to `emit(candidate, cost)`: used
// alone in the first pass and in pairs in the second.
// `emit` gets a string it must copy to keep: one buffer is reused for every
// edit, so the edits cost no allocation each.
template <typename Emit>
void CheapEdits(const std::u32string& w, bool vowel_deletions, Emit emit) {
  std::u32string s;
  auto without = [&](size_t i) -> const std::u32string& {  // w less its letter i
    s.assign(w, 0, i);
    s.append(w, i + 1, std::u32string::npos);
    return s;
  };
  for (size_t i = 1; i < w.size(); ++i) {  // undouble
    if (w[i] == w[i - 1]) emit(without(i), kCheap);
  }
  for (size_t i = 0; i < w.size(); ++i) {  // double
    if (IsLetter(w[i]) && (i + 1 == w.size() || w[i + 1] != w[i])) {
      s.assign(w, 0, i + 1);
      s.append(w, i, std::u32string::npos);
      emit(s, kCheap + AtFirst(i));
    }
  }
  for (size_t i = 0; i + 1 < w.size(); ++i) {  // swap neighbours
    if (w[i] == w[i + 1]) continue;
    s = w;
    std::swap(s[i], s[i + 1]);
    emit(s, kCheap + AtFirst(i));
  }
  for (size_t i = 0; i < w.size(); ++i) {  // one vowel for another
    if (!IsVowel(w[i])) continue;
    for (char32_t v : kVowels) {
      if (v == w[i]) continue;
      s = w;
      s[i] = v;
      emit(s, kLikely + AtFirst(i));
    }
  }
  if (vowel_deletions) {
    for (size_t i = 0; i < w.size(); ++i) {
      if (IsVowel(w[i]) && w.size() > 2) emit(without(i), kPlain + AtFirst(i));
    }
  }
}

// Applies each REP pair of `hints` once at each place it matches `w`.
template <typename Emit>
void Replacements(const std::string& w, const EditHints& hints, Emit emit) {
  for (const auto& [rule_from, rule_to] : hints.replacements) {
    std::string from = rule_from, to = rule_to;
    bool at_start = !from.empty() && from.front() == '^';
    if (at_start) from.erase(0, 1);
    bool at_end = !from.empty() && from.back() == '$';
    if (at_end) from.pop_back();
    if (from.empty()) continue;
    std::replace(to.begin(), to.end(), '_', ' ');
    for (size_t pos = w.find(from); pos != std::string::npos; pos = w.find(from, pos + 1)) {
      if (at_start && pos != 0) break;
      if (at_end && pos + from.size() != w.size()) continue;
      emit(w.substr(0, pos) + to + w.substr(pos + from.size()));
    }
  }
}

}  // namespace

EditHints ReadEditHints(const std::string& aff_path) {
  EditHints hints;
  std::ifstream in(aff_path, std::ios::binary);
  std::string line, try_line;
  bool utf8 = false;
  while (in && std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Only three keys matter; the thousands of affix lines are skipped unparsed.
    if (line.rfind("SET", 0) != 0 && line.rfind("TRY", 0) != 0 && line.rfind("REP", 0) != 0) continue;
    std::istringstream fields(line);
    std::string key, a, b;
    fields >> key;
    if (key == "SET") {
      fields >> a;
      utf8 = a == "UTF-8";
    } else if (key == "TRY") {
      fields >> try_line;
    } else if (key == "REP" && (fields >> a >> b)) {
      hints.replacements.emplace_back(a, b);
    }
  }
  if (!utf8 || try_line.empty() || FindInvalidUtf8(try_line) != kValidUtf8) {
    hints.letters = U"etaoinshrdlcumwfgypbvkjxqz";
    hints.apostrophe = true;
    hints.replacements.clear();
    return hints;
  }
  for (char32_t c : Decode(try_line)) {
    if (c == '\'') hints.apostrophe = true;
    if (!IsLetter(c) || Lower(c) != c) continue;
    if (hints.letters.find(c) == std::u32string::npos) hints.letters.push_back(c);
  }
  for (auto& [from, to] : hints.replacements) {
    if (FindInvalidUtf8(from) != kValidUtf8 || FindInvalidUtf8(to) != kValidUtf8) from.clear();
  }
  return hints;
}

std::vector<std::string> RankedCorrections(std::string_view word, const EditHints& hints,
                                           const IsWord& is_word, size_t limit, size_t max_checks) {
  if (word.empty() || limit == 0 || FindInvalidUtf8(word) != kValidUtf8) return {};
  if (CountCodePoints(word) > kMaxEditedLength) return {};
  std::u32string written = Decode(word);
  Shape shape = ShapeOf(written);
  std::u32string w = written;
  if (shape != Shape::kAsWritten) {
    for (char32_t& c : w) c = Lower(c);
  }
  // The first pass's candidates: a letter inserted or replaced at each
  // place, and a few dozen more a letter.
  const size_t expected = (2 * w.size() + 1) * hints.letters.size() + 16 * w.size() + 64;
  Collector found(is_word, shape, std::string(word), max_checks, expected);

  // One edit, in the order of the header's table. Splits are looked up
  // first: a one-letter word split off is cheap only when no split into
  // longer words exists (aswell -> "as well" rather than "a swell").
  std::vector<size_t> splits;
  bool long_split = false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (i == 1 && (!IsVowel(w[0]) || w.size() < 3)) continue;
    if (i + 1 == w.size()) continue;
    if (!found.SplitIsWords(w.substr(0, i), w.substr(i))) continue;
    splits.push_back(i);
    long_split |= i > 1;
  }
  auto cheap = [&](const std::u32string& s, int cost) { found.Word(s, cost); };
  auto split = [&](size_t i, int cost) { found.Split(w.substr(0, i), w.substr(i), cost); };
  // Costs sort the candidates; the order they are made in breaks ties, so
  // REP (3) goes before the vowels (3) though the cheap edits (2) follow it.
  Replacements(Encode(w), hints, [&](const std::string& s) {
    if (shape == Shape::kAsWritten) {
      found.Written(s, kLikely);
    } else if (FindInvalidUtf8(s) == kValidUtf8) {
      found.Word(Decode(s), kLikely);
    }
  });
  if (!long_split && !splits.empty()) split(splits[0], kCheap);
  CheapEdits(w, /*vowel_deletions=*/false, cheap);
  std::u32string edited;  // reused: no allocation per candidate
  if (hints.apostrophe) {
    for (size_t i = 1; i < w.size(); ++i) {
      if (w[i - 1] == '\'' || w[i] == '\'') continue;
      edited.assign(w, 0, i);
      edited.push_back('\'');
      edited.append(w, i, std::u32string::npos);
      cheap(edited, kCheap);
    }
  }
  for (size_t i = 0; i <= w.size(); ++i) {  // one left out
    for (char32_t c : hints.letters) {
      edited.assign(w, 0, i);
      edited.push_back(c);
      edited.append(w, i, std::u32string::npos);
      cheap(edited, kPlain + AtFirst(i));
    }
  }
  for (size_t i = 0; i < w.size(); ++i) {  // one wrong
    edited = w;
    for (char32_t c : hints.letters) {
      if (c == w[i]) continue;
      edited[i] = c;
      cheap(edited, kPlain + AtFirst(i));
    }
  }
  for (size_t i = 0; i < w.size() && w.size() > 1; ++i) {  // one too many
    edited.assign(w, 0, i);
    edited.append(w, i + 1, std::u32string::npos);
    cheap(edited, kPlain + AtFirst(i));
  }
  for (size_t i : splits) {  // two words run together (longer first part first)
    if (i > 1) split(i, kPlain);
  }
  if (!splits.empty() && splits[0] == 1) split(1, kPlain);
  if (shape == Shape::kAsWritten) {  // the case alone
    found.Word(Reshape(w, Shape::kCapitalised), kCaseOnly);
    found.Word(Reshape(w, Shape::kUpper), kCaseOnly);
  }
  if (!found.empty() || found.spent()) return found.Best(limit);

  // Two cheap edits.
  std::unordered_map<std::u32string, int> first;
  CheapEdits(w, /*vowel_deletions=*/true, [&](const std::u32string& s, int cost) {
    auto [it, fresh] = first.emplace(s, cost);
    if (!fresh) it->second = std::min(it->second, cost);
  });
  std::vector<std::pair<std::u32string, int>> ordered(first.begin(), first.end());
  std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second < b.second : a.first < b.first;
  });
  for (const auto& edited : ordered) {
    const int cost = edited.second;  // a plain variable: clang 14 cannot capture a structured binding
    if (found.spent()) break;
    CheapEdits(edited.first, /*vowel_deletions=*/true, [&](const std::u32string& t, int more) {
      if (t != w) found.Word(t, cost + more);
    });
  }
  return found.Best(limit);
}

}  // namespace postcheck
