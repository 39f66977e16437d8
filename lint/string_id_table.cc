#include "string_id_table.h"

#include <cstring>

namespace postcheck {

uint64_t StringIdTable::Hash(std::string_view s) {
  // Words are short, and a general-purpose hash costs more than the rest of
  // the look-up: up to 8 bytes are read in at most two loads (overlapping
  // when the key is shorter than 8), longer keys 8 bytes at a time, and each
  // step is one multiply.
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
  return h ^ (h >> 32);
}

size_t StringIdTable::SlotOf(std::string_view s, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const auto hash32 = static_cast<uint32_t>(hash);
  for (size_t i = static_cast<size_t>(hash >> 32) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kNone || (slot.hash == hash32 && Get(slot.id) == s)) return i;
  }
}

uint32_t StringIdTable::Find(std::string_view s) const {
  if (slots_.empty()) return kNone;
  return slots_[SlotOf(s, Hash(s))].id;
}

uint32_t StringIdTable::Intern(std::string_view s) {
  if (2 * (size() + 1) > slots_.size()) Grow();
  const uint64_t hash = Hash(s);
  Slot& slot = slots_[SlotOf(s, hash)];
  if (slot.id != kNone) return slot.id;
  slot = {static_cast<uint32_t>(hash), static_cast<uint32_t>(size())};
  chars_.append(s);
  offsets_.push_back(static_cast<uint32_t>(chars_.size()));
  return slot.id;
}

void StringIdTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kNone) continue;
    size_t i = static_cast<size_t>(Hash(Get(s.id)) >> 32) & mask;
    while (slots_[i].id != kNone) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace postcheck
