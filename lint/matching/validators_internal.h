// Helpers shared by the validator implementations (validators_*.cc): ASCII
// conversions and a fixed-size buffer for a candidate with its separators removed.
// Not part of the validators' interface (validators.h).
#ifndef POSTCHECK_VALIDATORS_INTERNAL_H_
#define POSTCHECK_VALIDATORS_INTERNAL_H_

#include <cstddef>
#include <string_view>

#include "text/utf8.h"

namespace postcheck {

// Helpers shared by validators_*.cc. Not part of the interface: do not use
// them elsewhere.
namespace validators_internal {

// A small fixed-capacity ASCII buffer, so validators never allocate.
struct AsciiBuffer {
  static constexpr size_t kCapacity = 64;
  char data[kCapacity];
  size_t size = 0;
  std::string_view view() const { return std::string_view(data, size); }
};

// Copies `candidate` into `out` with leading and trailing whitespace removed,
// tabs, U+00A0, U+2009 and U+202F mapped to ' ' and U+2010 and U+2011 mapped
// to '-'. Returns false if any other non-ASCII byte or ASCII control character
// remains, or the result does not fit.
bool ToAscii(std::string_view candidate, AsciiBuffer* out);

// Copies `text` into `out` without the characters in `separators`. Returns
// false if a separator is first, last or next to another separator, or the
// result does not fit.
bool RemoveSeparators(std::string_view text, std::string_view separators,
                      AsciiBuffer* out);

inline char ToAsciiUpper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}
inline bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
  }
  return !s.empty();
}

// IsUkPhoneNumber's verdict with the number read by libphonenumber's Parse
// throughout, as it was before IsUkPhoneNumber read the common forms itself:
// the reference its tests compare it with.
bool IsUkPhoneNumberByParsing(std::string_view candidate);

}  // namespace validators_internal
}  // namespace postcheck

#endif  // POSTCHECK_VALIDATORS_INTERNAL_H_
