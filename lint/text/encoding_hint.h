// Names the encoding of a draft that is not UTF-8, when it is one that
// Windows tools save by default, so that the refusal says what to do:
// Notepad's "Unicode" (UTF-16, with or without a byte-order mark) and
// Windows-1252 / Latin-1 text.
#ifndef POSTCHECK_ENCODING_HINT_H_
#define POSTCHECK_ENCODING_HINT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace postcheck {

// When `text` is UTF-16 (a UTF-16 byte-order mark, or NUL bytes at every
// other byte of mostly ASCII text), the reason to refuse it, e.g.
// "UTF-16 text (byte-order mark FF FE): save it as UTF-8"; else empty.
std::string DescribeUtf16(std::string_view text);

// For text whose first ill-formed UTF-8 byte is at `bad`: a hint to append
// to the refusal when that byte looks like Windows-1252 or Latin-1 (a lone
// byte from 0x80 up, between ASCII bytes), e.g. " (byte 0xE9: it looks like
// Windows-1252 or Latin-1 text; save it as UTF-8)"; else empty.
std::string Cp1252Hint(std::string_view text, size_t bad);

}  // namespace postcheck

#endif  // POSTCHECK_ENCODING_HINT_H_
