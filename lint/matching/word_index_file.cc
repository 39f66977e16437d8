// See word_index_file.h.
#include "matching/word_index_file.h"

#include <utf8proc.h>

#include <string_view>

#include "matching/prefilter_file.h"
#include "text/byte_codec.h"
#include "text/mapped_file.h"

namespace postcheck {
namespace {

constexpr std::string_view kMagic = "postcheck-words1\n";
constexpr size_t kHeaderSize = kMagic.size() + 3 * 8;
constexpr uint64_t kChecksumSeed = 0xA4093822299F31D0ull;
constexpr uint64_t kKeySeed = 0x082EFA98EC4E6C89ull;
// The largest file read: far beyond the bundled packs' (a few MB).
constexpr size_t kMaxFileBytes = size_t{1} << 28;

}  // namespace

uint64_t WordIndexFileKey(uint64_t words_key) { return Hash64(utf8proc_version(), kKeySeed ^ words_key); }

bool WriteWordIndexFile(const std::string& path, uint64_t key, const WordIndex& index, std::string* error) {
  std::string payload;
  index.Encode(&payload);
  std::string header(kMagic);
  PutFixed64(&header, key);
  PutFixed64(&header, payload.size());
  PutFixed64(&header, Checksum64(payload, kChecksumSeed));
  return WriteFileAtomically(path, header, payload, error);
}

WordIndexFileState ReadWordIndexFile(const std::string& path, WordIndex* index, uint64_t* key) {
  MappedFile mapping;
  if (!mapping.Open(path)) return WordIndexFileState::kMissing;
  const std::string_view bytes = mapping.bytes();
  if (bytes.size() < kHeaderSize || bytes.size() > kMaxFileBytes || bytes.substr(0, kMagic.size()) != kMagic) {
    return WordIndexFileState::kDamaged;
  }
  *key = GetFixed64(&bytes[kMagic.size()]);
  const std::string_view payload = bytes.substr(kHeaderSize);
  if (GetFixed64(&bytes[kMagic.size() + 8]) != payload.size() ||
      GetFixed64(&bytes[kMagic.size() + 16]) != Checksum64(payload, kChecksumSeed) || !index->Decode(payload)) {
    return WordIndexFileState::kDamaged;
  }
  return WordIndexFileState::kLoaded;
}

std::string DefaultWordIndexFile() { return DefaultFileBesidePrefilter("words.index"); }

}  // namespace postcheck
