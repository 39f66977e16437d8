// See word_index_file.h.
#include "matching/word_index_file.h"

#include <utf8proc.h>

#include <filesystem>
#include <string_view>

#include "matching/prefilter_file.h"
#include "text/mapped_file.h"

namespace postcheck {
namespace {

constexpr std::string_view kMagic = "postcheck-words1\n";
constexpr size_t kHeaderSize = kMagic.size() + 3 * 8;
constexpr uint64_t kChecksumSeed = 0xA4093822299F31D0ull;
constexpr uint64_t kKeySeed = 0x082EFA98EC4E6C89ull;
// The largest file read: far beyond the bundled packs' (a few MB).
constexpr size_t kMaxFileBytes = size_t{1} << 28;

void Put64(std::string* out, uint64_t v) {
  for (int k = 0; k < 8; ++k) out->push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}

uint64_t Get64(std::string_view bytes, size_t at) {
  uint64_t v = 0;
  for (int k = 0; k < 8; ++k) v |= uint64_t{static_cast<unsigned char>(bytes[at + k])} << (8 * k);
  return v;
}

}  // namespace

uint64_t WordIndexFileKey(uint64_t words_key) { return Hash64(utf8proc_version(), kKeySeed ^ words_key); }

bool WriteWordIndexFile(const std::string& path, uint64_t key, const WordIndex& index, std::string* error) {
  std::string payload;
  index.Encode(&payload);
  std::string header(kMagic);
  Put64(&header, key);
  Put64(&header, payload.size());
  Put64(&header, Checksum64(payload, kChecksumSeed));
  return WriteFileAtomically(path, header, payload, error);
}

WordIndexFileState ReadWordIndexFile(const std::string& path, WordIndex* index, uint64_t* key) {
  MappedFile mapping;
  if (!mapping.Open(path)) return WordIndexFileState::kMissing;
  const std::string_view bytes = mapping.bytes();
  if (bytes.size() < kHeaderSize || bytes.size() > kMaxFileBytes || bytes.substr(0, kMagic.size()) != kMagic) {
    return WordIndexFileState::kDamaged;
  }
  *key = Get64(bytes, kMagic.size());
  const std::string_view payload = bytes.substr(kHeaderSize);
  if (Get64(bytes, kMagic.size() + 8) != payload.size() ||
      Get64(bytes, kMagic.size() + 16) != Checksum64(payload, kChecksumSeed) || !index->Decode(payload)) {
    return WordIndexFileState::kDamaged;
  }
  return WordIndexFileState::kLoaded;
}

std::string DefaultWordIndexFile() {
  namespace fs = std::filesystem;
  const std::string prefilter = DefaultPrefilterFile();
  if (prefilter.empty()) return "";
  const fs::path c = fs::path(prefilter).parent_path() / "words.index";
  std::error_code ec;
  return fs::is_regular_file(c, ec) ? c.string() : "";
}

}  // namespace postcheck
