#include "matching/re2_to_pcre.h"

#include <utf8proc.h>

#include <cstdio>
#include <vector>

namespace postcheck {

namespace {

// A group whose translation is longer than this, made optional or repeated
// from zero, becomes "anything": Vectorscan compiles such groups slowly, and
// the prefilter loses little.
constexpr size_t kLongOptionalGroup = 16;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The length of the escape starting at re[i] == '\\' (the backslash included).
size_t EscapeLength(std::string_view re, size_t i) {
  if (i + 1 >= re.size()) return 1;
  const char n = re[i + 1];
  if ((n == 'p' || n == 'P' || n == 'x') && i + 2 < re.size() && re[i + 2] == '{') {
    const size_t close = re.find('}', i + 3);
    return close == std::string_view::npos ? re.size() - i : close + 1 - i;
  }
  if (n == 'p' || n == 'P') return 3;
  if (n == 'x') return 4;
  size_t k = i + 2;  // an escaped character, perhaps non-ASCII
  while (k < re.size() && (static_cast<unsigned char>(re[k]) & 0xC0) == 0x80) ++k;
  return k - i;
}

// The length of the UTF-8 sequence starting at re[i] (1 for ASCII).
size_t CharLength(std::string_view re, size_t i) {
  size_t k = i + 1;
  if (static_cast<unsigned char>(re[i]) >= 0x80) {
    while (k < re.size() && (static_cast<unsigned char>(re[k]) & 0xC0) == 0x80) ++k;
  }
  return k - i;
}

// The code point of the escape \x41, \x{2019}; -1 if not one.
long HexValue(std::string_view e) {
  if (e.size() < 3 || e[1] != 'x') return -1;
  std::string digits(e[2] == '{' ? e.substr(3, e.size() - 4) : e.substr(2));
  if (digits.empty() || digits.size() > 6) return -1;
  char* end = nullptr;
  const long v = std::strtol(digits.c_str(), &end, 16);
  return *end == '\0' ? v : -1;
}

// The ASCII part of a property escape (\pL, \p{Lu}, \PN...) for a class in
// byte mode; every non-ASCII byte is added by the caller.
std::string PropertyAscii(std::string_view e) {
  std::string_view name = e.substr(2);
  if (!name.empty() && name.front() == '{') name = name.substr(1, name.size() - 2);
  if (e[1] == 'p') {
    if (name == "L" || name == "Letter") return "A-Za-z";
    if (name == "Lu") return "A-Z";
    if (name == "Ll") return "a-z";
    if (name == "N" || name == "Nd") return "0-9";
    if (name == "Greek" || name == "Han" || name == "Cyrillic" || name == "Arabic") return "";
  }
  return "\\x00-\\x7F";  // anything
}

constexpr std::string_view kNonAsciiBytes = "\\x80-\\xFF";

// Escapes byte `b` for a class or a pattern.
std::string ByteEscape(unsigned char b) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02X", b);
  return buffer;
}

// Translates the class starting at re[*i] == '[' into a byte class, moving
// *i to its ']'. Returns true if the class can match a non-ASCII character
// (then it is one byte of one, and the caller widens its repeat).
bool TranslateClass(std::string_view re, size_t* i, bool caseless, std::string* out) {
  size_t j = *i + 1;
  const bool negated = j < re.size() && re[j] == '^';
  if (negated) ++j;
  std::string body;
  bool non_ascii = false;  // a member is (or may be) non-ASCII
  bool first = true;
  while (j < re.size() && (re[j] != ']' || first)) {
    first = false;
    if (re[j] == '[' && j + 1 < re.size() && re[j + 1] == ':') {  // [:alpha:]: ASCII in RE2
      const size_t close = re.find(":]", j + 2);
      const size_t end = close == std::string_view::npos ? re.size() : close + 2;
      body.append(re.substr(j, end - j));
      j = end;
      continue;
    }
    size_t len = re[j] == '\\' ? EscapeLength(re, j) : CharLength(re, j);
    std::string_view item = re.substr(j, len);
    // A range: both ends, as one item.
    if (j + len + 1 < re.size() && re[j + len] == '-' && re[j + len + 1] != ']') {
      const size_t hi = j + len + 1;
      const size_t hi_len = re[hi] == '\\' ? EscapeLength(re, hi) : CharLength(re, hi);
      const long lo_value = item.size() == 1 ? static_cast<unsigned char>(item[0]) : HexValue(item);
      const std::string_view hi_item = re.substr(hi, hi_len);
      const long hi_value = hi_len == 1 ? static_cast<unsigned char>(re[hi]) : HexValue(hi_item);
      if (lo_value >= 0 && lo_value < 0x80 && hi_value >= 0 && hi_value < 0x80) {
        body.append(re.substr(j, hi + hi_len - j));  // an ASCII range: as written
      } else {
        non_ascii = true;
        if (lo_value >= 0 && lo_value < 0x80) body += ByteEscape(static_cast<unsigned char>(lo_value)) + "-\\x7F";
      }
      j = hi + hi_len;
      continue;
    }
    if (item[0] == '\\') {
      const char n = item.size() > 1 ? item[1] : '\\';
      if (n == 'p' || n == 'P') {
        body += PropertyAscii(item);
        non_ascii = true;
      } else if (n == 'x') {
        const long v = HexValue(item);
        if (v >= 0 && v < 0x80) {
          body += ByteEscape(static_cast<unsigned char>(v));
        } else {
          non_ascii = true;
        }
      } else if (static_cast<unsigned char>(n) >= 0x80) {
        non_ascii = true;
      } else {
        body.append(item);  // \w \d \s \. \- ...: ASCII
      }
    } else if (len > 1) {
      non_ascii = true;
    } else {
      body += item[0] == '-' && !body.empty() ? std::string("\\-") : std::string(item);
    }
    j += len;
  }
  *i = j;  // at the ']'
  if (negated) {
    // The non-ASCII members are left out: the class then excludes less, so
    // matches more; and every non-ASCII byte stays in it.
    *out += body.empty() ? "[\\x00-\\xFF]" : "[^" + body + "]";
    return true;
  }
  if (non_ascii || caseless) body += std::string(kNonAsciiBytes);  // (?i): a letter's partner may be non-ASCII
  *out += "[" + body + "]";
  return non_ascii || caseless;
}

// Whether the UTF-8 character `c` has no case partner under RE2's (?i):
// punctuation, spaces, most symbols and emoji ("’", "…", "🍆"). Letters,
// marks and numbers (Roman numerals have case) may have one; so may a symbol
// with a case mapping (circled letters). Such a character is matched by its
// own bytes even under (?i), not widened to "any letter".
bool CaseInvariant(std::string_view c) {
  utf8proc_int32_t cp = -1;
  if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(c.data()), static_cast<utf8proc_ssize_t>(c.size()),
                       &cp) != static_cast<utf8proc_ssize_t>(c.size()) ||
      cp < 0x80) {
    return false;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CO:
      return false;
    case UTF8PROC_CATEGORY_SO:
      return utf8proc_tolower(cp) == cp && utf8proc_toupper(cp) == cp && utf8proc_totitle(cp) == cp;
    default:
      return true;
  }
}

struct Group {
  size_t out_start;      // where its "(" is in the output
  bool caseless_before;  // the flag outside it, restored at its ")"
};

// After an atom that matches one byte of a (perhaps) multi-byte character:
// its repeat, widened to count bytes. Moves *i past the repeat read.
void WidenRepeat(std::string_view re, size_t* i, std::string* out) {
  size_t q = *i + 1;
  if (q < re.size() && (re[q] == '*' || re[q] == '+')) {
    *out += re[q];
    ++q;
  } else if (q < re.size() && re[q] == '?') {
    *out += '*';
    ++q;
  } else if (q < re.size() && re[q] == '{') {
    size_t k = q + 1;
    while (k < re.size() && IsDigit(re[k])) ++k;
    const std::string low(re.substr(q + 1, k - q - 1));
    while (k < re.size() && (IsDigit(re[k]) || re[k] == ',')) ++k;
    if (!low.empty() && k < re.size() && re[k] == '}') {
      *out += low == "0" ? "*" : "{" + low + ",}";
      q = k + 1;
    } else {
      *out += '+';
    }
  } else {
    *out += '+';
  }
  if (q < re.size() && (re[q] == '?' || re[q] == '+') && q > *i + 1) ++q;  // lazy or possessive
  *i = q - 1;
}

}  // namespace

bool Re2ToPcre(std::string_view re, std::string* pcre, std::string* why) {
  std::string& out = *pcre;
  out.clear();
  out.reserve(re.size() * 2);
  bool caseless = false;
  std::vector<Group> groups;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      const size_t len = EscapeLength(re, i);
      const std::string_view e = re.substr(i, len);
      const char n = len > 1 ? e[1] : '\\';
      i += len - 1;
      if (n == 'C') {
        *why = "\\C (any byte) has no safe translation";
        return false;
      }
      if (n == 'Q') {
        *why = "\\Q...\\E is not translated";
        return false;
      }
      if (n == 'p' || n == 'P') {
        // Appended piece by piece: GCC 12 sees a false overlap (-Wrestrict)
        // in the chain of temporaries that "[" + ... + "]" makes.
        out += '[';
        out += PropertyAscii(e);
        out += kNonAsciiBytes;
        out += ']';
        WidenRepeat(re, &i, &out);
      } else if (n == 'x') {
        const long v = HexValue(e);
        if (v >= 0 && v < 0x80) {
          out += ByteEscape(static_cast<unsigned char>(v));
        } else {
          out += "[\\x80-\\xFF]";
          WidenRepeat(re, &i, &out);
        }
      } else if (n == 'W' || n == 'S' || n == 'D') {
        out.append(e);
        WidenRepeat(re, &i, &out);
      } else if (static_cast<unsigned char>(n) >= 0x80) {  // an escaped non-ASCII character
        if (caseless && !CaseInvariant(e.substr(1))) {
          out += "(?:[\\x80-\\xFF]+|[A-Za-z])";
        } else {
          for (size_t k = 1; k < e.size(); ++k) out += ByteEscape(static_cast<unsigned char>(e[k]));
        }
      } else {
        out.append(e);
      }
      continue;
    }
    if (c == '[') {
      if (TranslateClass(re, &i, caseless, &out)) WidenRepeat(re, &i, &out);
      continue;
    }
    if (c == '.') {
      out += c;
      WidenRepeat(re, &i, &out);
      continue;
    }
    if (c == '(') {
      groups.push_back({out.size(), caseless});
      if (i + 1 < re.size() && re[i + 1] == '?') {
        // A named group: (?P<name> or (?<name>.
        size_t name = std::string_view::npos;
        if (re.compare(i + 2, 2, "P<") == 0) {
          name = i + 4;
        } else if (i + 3 < re.size() && re[i + 2] == '<' && re[i + 3] != '=' && re[i + 3] != '!') {
          name = i + 3;
        }
        if (name != std::string_view::npos) {
          const size_t close = re.find('>', name);
          if (close == std::string_view::npos) {
            *why = "unterminated group name";
            return false;
          }
          out += "(?:";
          i = close;
          continue;
        }
        // Flags: (?flags) or (?flags:...). U is dropped (greediness does not
        // change whether a pattern matches); i, s and m are kept.
        size_t j = i + 2;
        bool on = true, now_caseless = caseless;
        std::string kept_on, kept_off;
        while (j < re.size() && re[j] != ')' && re[j] != ':') {
          const char f = re[j];
          if (f == '-') {
            on = false;
          } else if (f == 'i' || f == 's' || f == 'm') {
            if (f == 'i') now_caseless = on;
            (on ? kept_on : kept_off) += f;
          } else if (f != 'U') {
            break;  // not a flag group: "(?" something RE2 would have refused
          }
          ++j;
        }
        if (j < re.size() && (re[j] == ')' || re[j] == ':')) {
          const std::string flags = kept_on + (kept_off.empty() ? "" : "-" + kept_off);
          if (re[j] == ')') {  // (?flags): for the rest of the enclosing group
            groups.pop_back();
            if (!flags.empty()) out += "(?" + flags + ")";
          } else {
            out += "(?" + flags + ":";
          }
          caseless = now_caseless;
          i = j;
          continue;
        }
      }
      out += c;
      continue;
    }
    if (c == ')') {
      if (groups.empty()) {  // unbalanced: RE2 would have refused it
        out += c;
        continue;
      }
      const Group g = groups.back();
      groups.pop_back();
      caseless = g.caseless_before;
      out += c;
      // (...)? or (...)* or (...){0,n} (lazy too) of a long group: anything.
      const size_t q = i + 1;
      bool from_zero = q < re.size() && (re[q] == '?' || re[q] == '*');
      size_t q_end = q + 1;
      if (!from_zero && re.compare(q, 3, "{0,") == 0) {
        const size_t close = re.find('}', q);
        from_zero = close != std::string_view::npos;
        q_end = from_zero ? close + 1 : q_end;
      }
      if (from_zero && out.size() - g.out_start > kLongOptionalGroup) {
        if (q_end < re.size() && re[q_end] == '?') ++q_end;  // lazy
        out.resize(g.out_start);
        out += "(?s:.*)";
        i = q_end - 1;
      }
      continue;
    }
    if (c == '{') {
      // {m,n}: {m,}. The prefilter may match more, and long bounded repeats
      // are what cost Vectorscan (and RE2::Set) most.
      size_t j = i + 1;
      while (j < re.size() && IsDigit(re[j])) ++j;
      if (j > i + 1 && j < re.size() && re[j] == ',') {
        size_t k = j + 1;
        while (k < re.size() && IsDigit(re[k])) ++k;
        if (k > j + 1 && k < re.size() && re[k] == '}') {
          out.append(re.substr(i, j + 1 - i));
          out += '}';
          i = k;
          continue;
        }
      }
      out += c;
      continue;
    }
    const size_t len = CharLength(re, i);
    if (len > 1 && caseless && !CaseInvariant(re.substr(i, len))) {
      // A non-ASCII letter's case partners (or the ASCII letter KELVIN SIGN
      // folds to): any non-ASCII character, or an ASCII letter.
      out += "(?:[\\x80-\\xFF]+|[A-Za-z])";
    } else {
      out.append(re.substr(i, len));  // its bytes
    }
    i += len - 1;
  }
  return true;
}

}  // namespace postcheck
