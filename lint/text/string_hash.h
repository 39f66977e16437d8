// Hashing of short strings (words), and hash and equality for unordered
// containers keyed by std::string that can be looked up with a
// std::string_view, without building a string per look-up.
#ifndef POSTCHECK_STRING_HASH_H_
#define POSTCHECK_STRING_HASH_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace postcheck {

// A hash made for words: a general-purpose hash costs more than the rest of a
// word's look-up. Up to 8 bytes are read in at most two loads (overlapping
// when the string is shorter than 8), longer strings 8 bytes at a time, and
// each step is one multiply; a last multiply spreads every byte over every
// bit, low and high, so that strings one edit apart (a misspelling's
// candidates) land far apart in a table indexed by any of its bits.
// Unseeded, like std::hash.
inline uint64_t HashShortString(std::string_view s) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  auto load32 = [](const char* p) {
    uint32_t w;
    std::memcpy(&w, p, 4);
    return uint64_t{w};
  };
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = n * kMul;
  for (; n > 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  uint64_t w;
  if (n >= 4) {
    w = load32(p) << 32 | load32(p + n - 4);
  } else if (n > 0) {
    w = uint64_t{static_cast<unsigned char>(p[0])} << 16 |
        uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 | static_cast<unsigned char>(p[n - 1]);
  } else {
    w = 0;
  }
  h = (h ^ w ^ (uint64_t{n} << 56)) * kMul;
  // A multiply carries a byte's bits only upwards: without this step a byte
  // in the upper half of `w` never reached the low bits, nor the bits just
  // above 32 that pick StringIdTable's slot, and a word's one-letter edits
  // piled up in runs of slots (7 probes a look-up at half full, not 1.7).
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ULL;
  return h ^ (h >> 32);
}

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return static_cast<size_t>(HashShortString(s)); }
};

struct StringViewEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

}  // namespace postcheck

#endif  // POSTCHECK_STRING_HASH_H_
