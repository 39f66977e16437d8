#include "text/string_id_table.h"

#include "text/string_hash.h"

namespace postcheck {

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
  const uint64_t hash = HashShortString(s);
  const uint64_t bits = FilterBits(hash);
  if ((filter_[FilterWord(hash)] & bits) != bits) return kNone;
  return slots_[SlotOf(s, hash)].id;
}

uint32_t StringIdTable::Intern(std::string_view s) {
  if (2 * (size() + 1) > slots_.size()) Grow();
  const uint64_t hash = HashShortString(s);
  Slot& slot = slots_[SlotOf(s, hash)];
  if (slot.id != kNone) return slot.id;
  slot = {static_cast<uint32_t>(hash), static_cast<uint32_t>(size())};
  filter_[FilterWord(hash)] |= FilterBits(hash);
  chars_.append(s);
  offsets_.push_back(static_cast<uint32_t>(chars_.size()));
  return slot.id;
}

void StringIdTable::Reserve(size_t keys) {
  if (2 * keys > slots_.size()) Grow(2 * keys);
  offsets_.reserve(keys + 1);
}

void StringIdTable::Grow(size_t min_slots) {
  std::vector<Slot> old = std::move(slots_);
  size_t size = old.empty() ? 16 : 2 * old.size();
  while (size < min_slots) size *= 2;
  slots_.assign(size, Slot{});
  filter_.assign(slots_.size() / 8, 0);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kNone) continue;
    const uint64_t hash = HashShortString(Get(s.id));
    filter_[FilterWord(hash)] |= FilterBits(hash);
    size_t i = static_cast<size_t>(hash >> 32) & mask;
    while (slots_[i].id != kNone) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void StringIdTable::Encode(ByteWriter* out) const {
  out->Array(slots_);
  out->Array(filter_);
  out->Text(chars_);
  out->Array(offsets_);
}

bool StringIdTable::Decode(ByteReader* in) {
  StringIdTable t;
  t.slots_ = in->Array<Slot>();
  t.filter_ = in->Array<uint64_t>();
  t.chars_ = in->Text();
  t.offsets_ = in->Array<uint32_t>();
  bool ok = in->ok() && !t.offsets_.empty() && t.offsets_.front() == 0 && t.offsets_.back() == t.chars_.size() &&
            (t.slots_.size() & (t.slots_.size() - 1)) == 0 && (t.slots_.empty() || t.slots_.size() >= 16) &&
            t.filter_.size() == t.slots_.size() / 8 &&
            t.size() < t.slots_.size() + (t.slots_.empty() ? 1 : 0);
  for (size_t k = 1; ok && k < t.offsets_.size(); ++k) ok = t.offsets_[k - 1] <= t.offsets_[k];
  size_t used = 0;
  for (const Slot& slot : t.slots_) {
    if (!ok) break;
    if (slot.id == kNone) continue;
    ok = slot.id < t.size();
    ++used;
  }
  if (!ok || used != t.size()) {
    *this = StringIdTable();
    in->Fail();
    return false;
  }
  *this = std::move(t);
  return true;
}

}  // namespace postcheck
