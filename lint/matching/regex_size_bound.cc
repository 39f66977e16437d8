#include "matching/regex_size_bound.h"

#include <algorithm>

#include "text/utf8.h"

namespace postcheck {
namespace {

constexpr size_t kUnknown = kUnknownRegexSize;

// Instruction counts, each at or above what RE2 emits for the construct;
// regex_size_bound_test.cc checks the sums against RE2::ProgramSize().
constexpr size_t kProgram = 8;          // match, fail and the unanchored start
constexpr size_t kFoldedKS = 8;         // (?i)k is k, K and U+212A; s has U+017F
constexpr size_t kWideChar = 6;         // one UTF-8 sequence and its branch
constexpr size_t kWideCharFolded = 16;  // ... and its other cases
constexpr size_t kWideRange = 24;       // a range of code points above U+007F
constexpr size_t kComplement = 14;      // what a negated class adds for U+0080 up
constexpr size_t kFoldedComplement = 48;
constexpr size_t kAnyChar = 16;         // '.', \D, \S, \W
constexpr size_t kAnyCharFolded = 40;

size_t Sum(size_t a, size_t b) { return a > kUnknown - b ? kUnknown : a + b; }
size_t Product(size_t a, size_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kUnknown / b ? kUnknown : a * b;
}
bool FoldsOutsideAscii(char32_t c) { return c == 'k' || c == 'K' || c == 's' || c == 'S'; }

// A recursive-descent reader of RE2 syntax that adds up sizes instead of
// building a tree. Anything it does not model sets failed_.
class Reader {
 public:
  explicit Reader(std::string_view pattern) : p_(pattern) {}

  size_t Pattern() {
    bool fold = false;
    size_t size = Alternation(&fold);
    if (failed_ || !AtEnd()) return kUnknown;  // a ')' with no '('
    return Sum(size, kProgram);
  }

 private:
  // One character of a class or an escape, or a Perl class inside a class.
  enum class Item { kChar, kPerl, kNegatedPerl };

  bool AtEnd() const { return pos_ >= p_.size(); }
  char Peek() const { return p_[pos_]; }
  size_t Fail() {
    failed_ = true;
    pos_ = p_.size();
    return kUnknown;
  }

  // Branches up to the ')' that closes the group, or the end. *fold is the
  // group's (?i) state: a flag group such as (?i) changes it for the rest.
  size_t Alternation(bool* fold) {
    size_t size = 0;
    for (;;) {
      size = Sum(size, Sum(Concatenation(fold), 1));
      if (AtEnd() || Peek() != '|') return size;
      ++pos_;
    }
  }

  size_t Concatenation(bool* fold) {
    size_t size = 0;
    size_t last = 0;  // the last atom, repeated: an operator after a flag group applies to it
    while (!failed_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      flag_group_ = false;
      size_t atom = Atom(fold);
      if (flag_group_) {
        size_t repeated = Repeats(last);
        size = Sum(size - std::min(size, last), repeated);
        last = repeated;
      } else {
        last = Repeats(atom);
        size = Sum(size, last);
      }
    }
    return failed_ ? kUnknown : size;
  }

  size_t Atom(bool* fold) {
    switch (Peek()) {
      case '(':
        return Group(fold);
      case '[':
        return Class(*fold);
      case '\\':
        return Escape(*fold);
      case '.':
        ++pos_;
        return kAnyChar;
      case '^':
      case '$':
        ++pos_;
        return 1;
      case '*':
      case '+':
      case '?':
        return Fail();  // nothing to repeat
      default:
        return Literal(NextChar(), *fold);
    }
  }

  char32_t NextChar() {
    char32_t c = 0;
    pos_ += static_cast<size_t>(DecodeUtf8(p_, pos_, &c));
    return c;
  }

  static size_t Literal(char32_t c, bool fold) {
    if (c < 0x80) return fold && FoldsOutsideAscii(c) ? kFoldedKS : 1;
    return fold ? kWideCharFolded : kWideChar;
  }

  size_t Group(bool* fold) {
    ++pos_;  // '('
    bool capture = true;
    bool inner_fold = *fold;
    if (!AtEnd() && Peek() == '?') {
      ++pos_;
      if (p_.compare(pos_, 2, "P<") == 0 || (!AtEnd() && Peek() == '<')) {
        size_t close = p_.find('>', pos_);
        if (close == std::string_view::npos) return Fail();
        pos_ = close + 1;
      } else {
        bool negated = false;
        while (!AtEnd() && (Peek() == 'i' || Peek() == 'm' || Peek() == 's' || Peek() == 'U' || Peek() == '-')) {
          if (Peek() == '-') negated = true;
          if (Peek() == 'i') inner_fold = !negated;
          ++pos_;
        }
        if (AtEnd()) return Fail();
        if (Peek() == ')') {  // (?i): flags for the rest of the enclosing group
          ++pos_;
          *fold = inner_fold;
          flag_group_ = true;
          return 0;
        }
        if (Peek() != ':') return Fail();  // look-around and the like
        ++pos_;
        capture = false;
      }
    }
    size_t size = Alternation(&inner_fold);
    if (AtEnd() || Peek() != ')') return Fail();
    ++pos_;
    flag_group_ = false;  // a group, even if a flag group ended it
    return capture ? Sum(size, 2) : size;
  }

  // Applies the repetition operators after an atom of `size`.
  size_t Repeats(size_t size) {
    while (!failed_ && !AtEnd()) {
      char c = Peek();
      if (c == '*' || c == '+' || c == '?') {
        ++pos_;
        size = Sum(size, 4);
      } else if (c == '{') {
        size_t lo = 0, hi = 0;
        bool unbounded = false;
        if (!Count(&lo, &hi, &unbounded)) break;  // a literal '{': the next atom
        size = Sum(unbounded ? Product(Sum(lo, 1), Sum(size, 4)) : Product(hi, Sum(size, 2)), 2);
      } else {
        break;
      }
      if (!AtEnd() && Peek() == '?') ++pos_;  // non-greedy
    }
    return size;
  }

  // Reads {n}, {n,} or {n,m}. Leaves pos_ alone and returns false if the
  // text is not one (RE2 then reads '{' as a literal).
  bool Count(size_t* lo, size_t* hi, bool* unbounded) {
    size_t i = pos_ + 1;
    auto number = [&](size_t* out) {
      size_t start = i;
      *out = 0;
      while (i < p_.size() && IsAsciiDigit(p_[i])) *out = Sum(Product(*out, 10), static_cast<size_t>(p_[i++] - '0'));
      return i > start;
    };
    if (!number(lo)) return false;
    *hi = *lo;
    if (i < p_.size() && p_[i] == ',') {
      ++i;
      *unbounded = !number(hi);
    }
    if (i >= p_.size() || p_[i] != '}') return false;
    pos_ = i + 1;
    return true;
  }

  size_t Escape(bool fold) {
    if (pos_ + 1 >= p_.size()) return Fail();
    char c = p_[pos_ + 1];
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        pos_ += 2;
        return 1;
      case 'C':
        pos_ += 2;
        return 2;
      case 'd':
        pos_ += 2;
        return 2;
      case 'w':
      case 's':
        pos_ += 2;
        return fold ? 16 : 10;
      case 'D':
      case 'W':
      case 'S':
        pos_ += 2;
        return fold ? kAnyCharFolded : kAnyChar;
      case 'Q': {
        pos_ += 2;
        size_t end = p_.find("\\E", pos_);
        if (end == std::string_view::npos) end = p_.size();
        size_t size = 0;
        while (pos_ < end) size = Sum(size, Literal(NextChar(), fold));
        if (end < p_.size()) pos_ = end + 2;
        return size;
      }
      default: {
        char32_t ch = 0;
        Item item = Item::kChar;
        if (!ClassChar(&ch, &item)) return Fail();
        return Literal(ch, fold);
      }
    }
  }

  // Reads one character, escape or Perl class at pos_ (inside a class, or an
  // escaped character outside one). False for what the bound does not model.
  bool ClassChar(char32_t* ch, Item* item) {
    *item = Item::kChar;
    if (Peek() != '\\') {
      *ch = NextChar();
      return true;
    }
    if (pos_ + 1 >= p_.size()) return false;
    char c = p_[pos_ + 1];
    pos_ += 2;
    switch (c) {
      case 'a': *ch = 7; return true;
      case 'f': *ch = 12; return true;
      case 't': *ch = 9; return true;
      case 'n': *ch = 10; return true;
      case 'r': *ch = 13; return true;
      case 'v': *ch = 11; return true;
      case 'd':
      case 'w':
      case 's':
        *item = Item::kPerl;
        return true;
      case 'D':
      case 'W':
      case 'S':
        *item = Item::kNegatedPerl;
        return true;
      case 'x': {
        char32_t value = 0;
        if (!AtEnd() && Peek() == '{') {
          size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos || close == pos_ + 1) return false;
          for (size_t i = pos_ + 1; i < close; ++i) {
            if (!Hex(p_[i], &value) || value > 0x10FFFF) return false;
          }
          pos_ = close + 1;
        } else {
          if (pos_ + 2 > p_.size() || !Hex(p_[pos_], &value) || !Hex(p_[pos_ + 1], &value)) return false;
          pos_ += 2;
        }
        *ch = value;
        return true;
      }
      default:
        // Escaped punctuation stands for itself; letters and digits not
        // listed above are \p classes, octal or errors.
        if (static_cast<unsigned char>(c) >= 0x80 || IsAsciiLetter(static_cast<unsigned char>(c)) || IsAsciiDigit(c)) {
          return false;
        }
        *ch = static_cast<unsigned char>(c);
        return true;
    }
  }

  static bool Hex(char c, char32_t* value) {
    int digit = IsAsciiDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (digit < 0) return false;
    *value = *value * 16 + static_cast<char32_t>(digit);
    return true;
  }

  size_t Class(bool fold) {
    ++pos_;  // '['
    bool negated = false;
    if (!AtEnd() && Peek() == '^') {
      negated = true;
      ++pos_;
    }
    size_t ascii = 0, wide = 0, wide_ranges = 0;
    bool letters = false;      // something (?i) gives other cases to
    bool complement = negated;  // some part covers the code points above U+007F
    bool first = true;
    while (!AtEnd() && (Peek() != ']' || first)) {
      first = false;
      if (p_.compare(pos_, 2, "[:") == 0) {  // [:alpha:] or [:^alpha:]
        size_t close = p_.find(":]", pos_ + 2);
        if (close == std::string_view::npos) return Fail();
        if (p_[pos_ + 2] == '^') complement = true;
        pos_ = close + 2;
        ascii = Sum(ascii, 6);
        letters = true;
        continue;
      }
      char32_t lo = 0;
      Item item = Item::kChar;
      if (!ClassChar(&lo, &item)) return Fail();
      if (item != Item::kChar) {
        ascii = Sum(ascii, 6);
        letters = true;
        if (item == Item::kNegatedPerl) complement = true;
        continue;
      }
      char32_t hi = lo;
      if (pos_ + 1 < p_.size() && Peek() == '-' && p_[pos_ + 1] != ']') {
        ++pos_;
        if (!ClassChar(&hi, &item) || item != Item::kChar) return Fail();
      }
      if (hi < 0x80) {
        ascii = Sum(ascii, 1);
        if (IsAsciiLetter(lo) || IsAsciiLetter(hi) || (lo < 'A' && hi > 'z')) letters = true;
      } else if (lo == hi) {
        wide = Sum(wide, 1);
        letters = true;
      } else {
        if (fold) return Fail();  // the cases of a range can scatter widely
        if (lo < 0x80) ascii = Sum(ascii, 1);
        wide_ranges = Sum(wide_ranges, 1);
      }
    }
    if (AtEnd()) return Fail();
    ++pos_;  // ']'
    const bool folded = fold && letters;
    size_t size = Sum(Product(ascii, folded ? 4 : 2), 2);
    size = Sum(size, Product(wide, folded || complement ? kWideCharFolded : kWideChar));
    size = Sum(size, Product(wide_ranges, kWideRange));
    if (complement) size = Sum(size, folded ? kFoldedComplement : kComplement);
    if (folded) size = Sum(size, 2 * kFoldedKS);
    return size;
  }

  std::string_view p_;
  size_t pos_ = 0;
  bool failed_ = false;
  bool flag_group_ = false;  // the atom just read was a flag group such as (?i)
};

}  // namespace

size_t RegexSizeBound(std::string_view pattern) {
  if (FindInvalidUtf8(pattern) != kValidUtf8) return kUnknown;
  return Reader(pattern).Pattern();
}

}  // namespace postcheck
