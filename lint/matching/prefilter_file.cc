#include "matching/prefilter_file.h"

#include <cstdio>
#include <cstring>
#include <filesystem>

#include "text/byte_codec.h"
#include "text/mapped_file.h"

namespace postcheck {

namespace {

constexpr std::string_view kMagic = "postcheck-prefilter4\n";
constexpr size_t kHeaderSize = 21 + 4 * 8;
constexpr uint64_t kChecksumSeed = 0x452821E638D01377ull;

// Where the payload of a file of `count` patterns begins.
uint64_t PayloadOffset(uint64_t count) {
  return (kHeaderSize + count * 16 + kPayloadAlignment - 1) / kPayloadAlignment * kPayloadAlignment;
}

}  // namespace

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = seed ^ (bytes.size() * kMul);
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h ^= w * 0xC2B2AE3D27D4EB4Full;
    h = ((h << 31) | (h >> 33)) * kMul;
  }
  uint64_t tail = 0;
  if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  h ^= tail * 0x165667B19E3779F9ull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return h;
}

PatternHash PatternHashOf(std::string_view pattern) {
  return {Hash64(pattern, 0x243F6A8885A308D3ull), Hash64(pattern, 0x13198A2E03707344ull)};
}

uint64_t Checksum64(std::string_view bytes, uint64_t seed) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull, kLane = 0xC2B2AE3D27D4EB4Full;
  uint64_t lanes[4] = {seed, seed ^ kMul, seed ^ kLane, seed ^ (kMul * kLane)};
  size_t i = 0;
  for (; i + 32 <= bytes.size(); i += 32) {
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, bytes.data() + i + 8 * k, 8);
      lanes[k] ^= w * kLane;
      lanes[k] = ((lanes[k] << 31) | (lanes[k] >> 33)) * kMul;
    }
  }
  uint64_t h = Hash64(bytes.substr(i), seed ^ bytes.size());
  for (uint64_t lane : lanes) h = Hash64(std::string_view(reinterpret_cast<const char*>(&lane), 8), h);
  return h;
}

bool WritePrefilterFile(const std::string& path, std::string_view signature, const PrefilterFile& file,
                        std::string* error) {
  std::string body;
  for (const PatternHash& h : file.patterns) {
    PutFixed64(&body, h.a);
    PutFixed64(&body, h.b);
  }
  body.resize(PayloadOffset(file.patterns.size()) - kHeaderSize, '\0');
  body += file.payload;
  std::string header(kMagic);
  PutFixed64(&header, Hash64(signature, kChecksumSeed));
  PutFixed64(&header, file.patterns.size());
  PutFixed64(&header, Checksum64(body, kChecksumSeed));
  PutFixed64(&header, file.payload.size());
  return WriteFileAtomically(path, header, body, error);
}

PrefilterFileState ReadPrefilterFile(const std::string& path, std::string_view signature, MappedPrefilterFile* file) {
  auto mapping = std::make_shared<MappedFile>();
  if (!mapping->Open(path)) return PrefilterFileState::kMissing;
  const std::string_view bytes = mapping->bytes();
  if (bytes.size() < kHeaderSize || bytes.substr(0, kMagic.size()) != kMagic) return PrefilterFileState::kDamaged;
  const char* p = bytes.data() + kMagic.size();
  if (GetFixed64(p) != Hash64(signature, kChecksumSeed)) return PrefilterFileState::kStale;
  const uint64_t count = GetFixed64(p + 8), checksum = GetFixed64(p + 16), payload_size = GetFixed64(p + 24);
  if (count > (uint64_t{1} << 24) || payload_size > (uint64_t{1} << 32)) return PrefilterFileState::kDamaged;
  const std::string_view body = bytes.substr(kHeaderSize);
  const uint64_t payload_offset = PayloadOffset(count);
  if (bytes.size() != payload_offset + payload_size || Checksum64(body, kChecksumSeed) != checksum) {
    return PrefilterFileState::kDamaged;
  }
  mapping->ReleasePages();  // read whole for the checksum; from here on, only in part
  file->patterns.resize(count);
  for (uint64_t k = 0; k < count; ++k) file->patterns[k] = {GetFixed64(&body[k * 16]), GetFixed64(&body[k * 16 + 8])};
  file->payload = bytes.substr(payload_offset);
  file->mapping = std::move(mapping);
  return PrefilterFileState::kLoaded;
}

std::string DefaultPrefilterFile() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  const fs::path dir = exe.parent_path();
  // The binary's folder, its parent (an install's BINDIR/..) and the one
  // above (a test or fuzzer in BUILD/tests/ or BUILD/tests/fuzz/). A file
  // found is used only if its signature and pattern hashes match.
  for (const fs::path& c : {dir / "share" / "postcheck" / "patterns.hsdb",
                            dir / ".." / "share" / "postcheck" / "patterns.hsdb",
                            dir / ".." / ".." / "share" / "postcheck" / "patterns.hsdb"}) {
    if (fs::is_regular_file(c, ec)) return c.lexically_normal().string();
  }
  return "";
}

std::string DefaultFileBesidePrefilter(std::string_view name) {
  namespace fs = std::filesystem;
  const std::string prefilter = DefaultPrefilterFile();
  if (prefilter.empty()) return "";
  const fs::path file = fs::path(prefilter).parent_path() / name;
  std::error_code ec;
  return fs::is_regular_file(file, ec) ? file.string() : "";
}

}  // namespace postcheck
