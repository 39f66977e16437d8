// Dense ids for a set of strings that is built once and then only read: an
// open-addressing hash table over one buffer of keys, looked up by
// string_view without allocating. Made for word look-ups on the hot path
// (the word index, the names finder's lists), where every token of every
// draft is a look-up and a node-based map spent its time chasing pointers.
//
// A small filter (one byte for each slot, two bits a key, in one 64-bit word)
// answers most look-ups of strings that are not there without touching the
// slots: on the hot path most look-ups miss (a misspelling's candidate
// edits, a draft's words in a list of names), and the slots of a large
// table are a cache miss each.
//
// Intern is not thread-safe; Find and Get are, once interning is done.
#ifndef POSTCHECK_STRING_ID_TABLE_H_
#define POSTCHECK_STRING_ID_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/byte_codec.h"

namespace postcheck {

class StringIdTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The id of `s`, adding it first if it is new: ids are 0, 1, 2... in order
  // of first interning.
  uint32_t Intern(std::string_view s);

  // Makes room for `keys` keys in all, so that interning up to that many
  // does not grow the table again (each growth hashes every key again).
  void Reserve(size_t keys);

  // The id of `s`, or kNone if it was never interned.
  uint32_t Find(std::string_view s) const;

  // The string with id `id` (< size()).
  std::string_view Get(uint32_t id) const {
    return std::string_view(chars_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }

  size_t size() const { return offsets_.size() - 1; }

  // The table as bytes (byte_codec.h), and back: a table decoded finds and
  // gets exactly what the encoded one did, without hashing a key again.
  // Decode checks the bytes for what lookups rely on (sizes, ids in range, a
  // free slot to end every probe); on damaged bytes it returns false and
  // the table is left empty.
  void Encode(ByteWriter* out) const;
  bool Decode(ByteReader* in);

 private:
  struct Slot {
    uint32_t hash = 0;  // the key's hash, low 32 bits
    uint32_t id = kNone;
  };

  // Index of the slot holding `s`, or of the empty slot where it would go.
  size_t SlotOf(std::string_view s, uint64_t hash) const;
  // Doubles the slots, or makes at least `min_slots` of them.
  void Grow(size_t min_slots = 0);
  // The filter's word for `hash`, and the two bits of it that a key of that
  // hash sets.
  size_t FilterWord(uint64_t hash) const { return static_cast<size_t>(hash >> 40) & (filter_.size() - 1); }
  static uint64_t FilterBits(uint64_t hash) { return uint64_t{1} << (hash & 63) | uint64_t{1} << ((hash >> 6) & 63); }

  std::vector<Slot> slots_;           // size a power of two, at most half full
  std::vector<uint64_t> filter_;      // slots_.size() / 8 words: the keys' FilterBits
  std::string chars_;                 // every key, back to back
  std::vector<uint32_t> offsets_{0};  // key `id` is chars_[offsets_[id], offsets_[id + 1])
};

}  // namespace postcheck

#endif  // POSTCHECK_STRING_ID_TABLE_H_
