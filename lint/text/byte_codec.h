// Writing a structure as bytes and reading it back, for the caches written at
// build time and read at every start-up (the word index's file,
// word_index_file.h): counts as LEB128 varints, arrays of plain values
// copied whole, in the host's byte order (the bytes are this build's own,
// not a format to keep across versions or machines). And the fixed 8-byte
// little-endian numbers of those files' headers (PutFixed64, GetFixed64).
//
// Promises: ByteReader reads back exactly what ByteWriter wrote, in the same
// order. On damaged bytes it never reads past the end, never allocates more
// than the bytes left could hold, and once anything fails every later read
// gives an empty or zero value and ok() stays false.
#ifndef POSTCHECK_BYTE_CODEC_H_
#define POSTCHECK_BYTE_CODEC_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace postcheck {

// Appends `v` as 8 bytes, least significant first.
inline void PutFixed64(std::string* out, uint64_t v) {
  for (int k = 0; k < 8; ++k) out->push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}

// The number PutFixed64 wrote at `p` (8 bytes there).
inline uint64_t GetFixed64(const char* p) {
  uint64_t v = 0;
  for (int k = 0; k < 8; ++k) v |= uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
  return v;
}

class ByteWriter {
 public:
  explicit ByteWriter(std::string* out) : out_(out) {}

  void Number(uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  void Text(std::string_view s) {
    Number(s.size());
    out_->append(s);
  }
  template <typename T>
  void Array(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    Number(values.size());
    out_->append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  template <typename T>
  void Arrays(const std::vector<std::vector<T>>& lists) {
    Number(lists.size());
    for (const auto& list : lists) Array(list);
  }

 private:
  std::string* out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  uint64_t Number() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && ok_; shift += 7) {
      if (bytes_.empty()) break;
      const auto byte = static_cast<unsigned char>(bytes_[0]);
      bytes_.remove_prefix(1);
      v |= uint64_t{byte & 0x7Fu} << shift;
      if (!(byte & 0x80)) return v;
    }
    return Fail();
  }
  bool Bool() {
    const uint64_t v = Number();
    if (v > 1) Fail();
    return v == 1;
  }
  std::string_view Bytes() {
    const uint64_t n = Number();
    if (!ok_ || n > bytes_.size()) {
      Fail();
      return {};
    }
    std::string_view s = bytes_.substr(0, n);
    bytes_.remove_prefix(n);
    return s;
  }
  std::string Text() { return std::string(Bytes()); }
  template <typename T>
  std::vector<T> Array() {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint64_t n = Number();
    if (!ok_ || n > bytes_.size() / sizeof(T)) {
      Fail();
      return {};
    }
    std::vector<T> values(static_cast<size_t>(n));
    if (n > 0) std::memcpy(values.data(), bytes_.data(), values.size() * sizeof(T));
    bytes_.remove_prefix(values.size() * sizeof(T));
    return values;
  }
  // A list of arrays: each takes at least one byte (its count), so a count
  // beyond the bytes left is damage, not a reason to allocate.
  template <typename T>
  std::vector<std::vector<T>> Arrays() {
    const uint64_t n = Number();
    if (!ok_ || n > bytes_.size()) {
      Fail();
      return {};
    }
    std::vector<std::vector<T>> lists(static_cast<size_t>(n));
    for (auto& list : lists) {
      list = Array<T>();
      if (!ok_) return {};
    }
    return lists;
  }

  // Marks the bytes as not what was expected (a value out of range).
  uint64_t Fail() {
    ok_ = false;
    bytes_ = {};
    return 0;
  }
  bool ok() const { return ok_; }
  // How many bytes are left to read.
  size_t left() const { return bytes_.size(); }
  // Whether every byte was read, and nothing failed.
  bool done() const { return ok_ && bytes_.empty(); }

 private:
  std::string_view bytes_;
  bool ok_ = true;
};

}  // namespace postcheck

#endif  // POSTCHECK_BYTE_CODEC_H_
