// UTF-8 validation, decoding and encoding over byte strings.
//
// Every other layer assumes its input passed FindInvalidUtf8 first; the
// decoding helpers do not re-check validity.
#ifndef POSTCHECK_UTF8_H_
#define POSTCHECK_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace postcheck {

inline constexpr size_t kValidUtf8 = static_cast<size_t>(-1);

// Returns kValidUtf8 when `text` is well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF); otherwise the byte offset of the first
// byte of the first ill-formed sequence.
size_t FindInvalidUtf8(std::string_view text);

// Decodes the code point starting at byte `i` of valid UTF-8 `text`, stores it
// in *cp and returns its length in bytes (1 to 4). Inline: every layer
// decodes every code point of every draft with it.
inline int DecodeUtf8(std::string_view text, size_t i, char32_t* cp) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t value = c & (0x7F >> len);
  for (int k = 1; k < len && i + static_cast<size_t>(k) < text.size(); ++k) {
    value = (value << 6) | (static_cast<unsigned char>(text[i + static_cast<size_t>(k)]) & 0x3F);
  }
  *cp = value;
  return len;
}

// Appends the UTF-8 encoding of `cp` to *out.
void AppendUtf8(char32_t cp, std::string* out);

// True for bytes that do not start a code point (10xxxxxx).
inline bool IsUtf8Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Whether byte `c` is ASCII white space: space, tab, LF, CR, FF or VT.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Whether `c` (a byte or a code point) is an ASCII digit or letter.
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Byte `c` lower-cased if it is an ASCII capital, else unchanged.
inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
inline char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

// Number of code points in valid UTF-8 `text`.
size_t CountCodePoints(std::string_view text);

// The UTF-8 byte-order mark, and its length when `text` starts with it (else 0).
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
inline size_t BomLength(std::string_view text) {
  return text.substr(0, 3) == kUtf8Bom ? 3 : 0;
}

}  // namespace postcheck

#endif  // POSTCHECK_UTF8_H_
