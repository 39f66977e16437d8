#include "word_start_prefixes.h"

#include <algorithm>
#include <array>

namespace postcheck {
namespace {

constexpr size_t kNone = std::string_view::npos;
// Longer prefixes add little: two or three bytes already rule out most words.
constexpr size_t kMaxPrefix = 16;
// A pattern with more choices than this is cheaper to search the usual way.
constexpr size_t kMaxPrefixes = 64;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The index just past the character class that opens at s[i] ('['), or kNone.
size_t ClassEnd(std::string_view s, size_t i) {
  size_t k = i + 1;
  if (k < s.size() && s[k] == '^') ++k;
  if (k < s.size() && s[k] == ']') ++k;  // a ']' first is literal
  while (k < s.size() && s[k] != ']') {
    if (s[k] == '\\') {
      k += 2;
    } else if (s.compare(k, 2, "[:") == 0) {  // [:alpha:]
      size_t close = s.find(":]", k + 2);
      if (close == kNone) return kNone;
      k = close + 2;
    } else {
      ++k;
    }
  }
  return k < s.size() ? k + 1 : kNone;
}

// Walks `s` from `i` to the end, or to the ')' that closes the group `i` is
// in. Calls on_bar(index) at each '|' at that level. Returns the index of
// the closing ')' (s.size() if none), or kNone when brackets do not balance.
template <typename OnBar>
size_t WalkLevel(std::string_view s, size_t i, OnBar on_bar) {
  int depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '[') {
      i = ClassEnd(s, i);
      if (i == kNone) return kNone;
      continue;
    }
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth == 0) return i;
      --depth;
    } else if (c == '|' && depth == 0) {
      on_bar(i);
    }
    ++i;
  }
  return depth == 0 ? s.size() : kNone;
}

// Splits `s` at its top-level '|'. False when its brackets do not balance.
bool SplitBranches(std::string_view s, std::vector<std::string_view>* out) {
  size_t begin = 0;
  size_t end = WalkLevel(s, 0, [&](size_t bar) {
    out->push_back(s.substr(begin, bar - begin));
    begin = bar + 1;
  });
  if (end != s.size()) return false;  // unbalanced, or a stray ')'
  out->push_back(s.substr(begin));
  return true;
}

// Whether what starts at s[k] repeats the item before it, and whether it
// allows none of it ("?", "*", "{0,3}", "{,3}").
bool IsRepeat(std::string_view s, size_t k) {
  return k < s.size() && (s[k] == '?' || s[k] == '*' || s[k] == '+' || s[k] == '{');
}
bool AllowsNone(std::string_view s, size_t k) {
  if (k >= s.size()) return false;
  if (s[k] == '?' || s[k] == '*') return true;
  if (s[k] != '{') return false;
  size_t d = k + 1;
  while (d < s.size() && s[d] == '0') ++d;
  return d >= s.size() || s[d] < '1' || s[d] > '9';  // "{0...", "{,..." or no number
}

// The literal byte at s[i], if s[i] starts one: a letter, digit or plain
// punctuation, or an escaped ASCII punctuation mark ("\.", "\-"). Sets *len
// to the bytes it takes in the pattern.
bool LiteralAt(std::string_view s, size_t i, char* c, size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b == '\\') {
    if (i + 1 >= s.size()) return false;
    const auto e = static_cast<unsigned char>(s[i + 1]);
    if (e >= 0x80 || IsAsciiWordByte(e) || e <= ' ') return false;  // \d, \b, \x41, \Q...
    *c = static_cast<char>(e);
    *len = 2;
    return true;
  }
  if (b >= 0x80) return false;  // RE2 may fold it to or from something else
  if (IsAsciiWordByte(b) || std::string_view(" '-,:;/!\"#&%@=<>~`").find(static_cast<char>(b)) != kNone) {
    *c = static_cast<char>(b);
    *len = 1;
    return true;
  }
  return false;
}

// Appends to *out the prefixes of branch `b`, a sequence of items; a word
// boundary has been seen just before it when `word_start`. False when the
// branch shows no prefix at a word start.
bool BranchPrefixes(std::string_view b, bool word_start, std::vector<std::string>* out) {
  size_t i = 0;
  while (i < b.size()) {
    if (b.compare(i, 2, "\\b") == 0) {
      word_start = true;
      i += 2;
      continue;
    }
    if (b[i] == '(') {
      size_t body = i + 1;
      if (b.compare(i, 2, "(?") == 0) {
        size_t k = i + 2;
        while (k < b.size() && ((b[k] >= 'a' && b[k] <= 'z') || (b[k] >= 'A' && b[k] <= 'Z') || b[k] == '-')) ++k;
        if (k < b.size() && b[k] == ')') {  // flags alone, "(?i)": zero-width
          i = k + 1;
          continue;
        }
        if (k < b.size() && b[k] == ':') {
          body = k + 1;
        } else if (b.compare(i, 4, "(?P<") == 0) {
          body = b.find('>', i);
          if (body == kNone) return false;
          ++body;
        } else {
          return false;
        }
      }
      const size_t close = WalkLevel(b, body, [](size_t) {});
      if (close == kNone || close >= b.size()) return false;
      if (AllowsNone(b, close + 1)) return false;
      std::vector<std::string_view> branches;
      if (!SplitBranches(b.substr(body, close - body), &branches)) return false;
      for (std::string_view branch : branches) {
        if (!BranchPrefixes(branch, word_start, out)) return false;
      }
      return true;
    }
    // A run of literal characters.
    std::string prefix;
    char c;
    size_t len;
    while (i < b.size() && prefix.size() < kMaxPrefix && LiteralAt(b, i, &c, &len)) {
      if (AllowsNone(b, i + len)) break;  // "colou?r": the 'u' may be missing
      prefix.push_back(Lower(c));
      if (IsRepeat(b, i + len)) break;  // "a+": at least one 'a', then who knows
      i += len;
    }
    if (prefix.empty() || !word_start || !IsAsciiWordByte(static_cast<unsigned char>(prefix[0]))) return false;
    out->push_back(std::move(prefix));
    return true;
  }
  return false;  // nothing but zero-width items: the match may be empty
}

}  // namespace

std::vector<std::string> WordStartPrefixes(std::string_view pattern) {
  std::vector<std::string_view> branches;
  std::vector<std::string> prefixes;
  if (!SplitBranches(pattern, &branches)) return {};
  for (std::string_view branch : branches) {
    if (!BranchPrefixes(branch, false, &prefixes)) return {};
  }
  std::sort(prefixes.begin(), prefixes.end());
  prefixes.erase(std::unique(prefixes.begin(), prefixes.end()), prefixes.end());
  if (prefixes.size() > kMaxPrefixes) return {};
  return prefixes;
}

namespace {

// Bytes by what WordStarts::Reset does with them.
enum ByteKind : unsigned char { kOtherByte = 0, kWordByte, kFoldLeadByte };
const std::array<unsigned char, 256> kByteKind = [] {
  std::array<unsigned char, 256> kind{};
  for (int c = 0; c < 256; ++c) {
    if (IsAsciiWordByte(static_cast<unsigned char>(c))) kind[c] = kWordByte;
  }
  kind[0xC5] = kind[0xE2] = kFoldLeadByte;  // LONG S is C5 BF, KELVIN SIGN E2 84 AA
  return kind;
}();

}  // namespace

void WordStarts::Reset(std::string_view text) {
  text_ = text;
  starts_.clear();
  ascii_folding_ = true;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Past the bytes that are not word characters...
    unsigned char kind;
    while (i < n && (kind = kByteKind[bytes[i]]) != kWordByte) {
      if (kind == kFoldLeadByte && ((bytes[i] == 0xC5 && i + 1 < n && bytes[i + 1] == 0xBF) ||
                                    (bytes[i] == 0xE2 && i + 2 < n && bytes[i + 1] == 0x84 && bytes[i + 2] == 0xAA))) {
        ascii_folding_ = false;
      }
      ++i;
    }
    if (i == n) break;
    // ...to a word start, then past its word.
    const char second = i + 1 < n ? Lower(text[i + 1]) : '\0';
    starts_.push_back({static_cast<uint32_t>(i), PairKey(Lower(text[i]), second)});
    ++i;
    while (i < n && kByteKind[bytes[i]] == kWordByte) ++i;
  }
}

}  // namespace postcheck
