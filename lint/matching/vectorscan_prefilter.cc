#include "matching/vectorscan_prefilter.h"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "matching/re2_to_pcre.h"

namespace postcheck {

namespace {

constexpr unsigned kFlags = HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH;  // bytes: see re2_to_pcre.h
// Bumped whenever Re2ToPcre or the flags change what a database holds.
constexpr const char* kTranslationVersion = "re2_to_pcre/3";

std::atomic<uint64_t> next_serial{1};

// More than Vectorscan's database header (104 bytes in 5.4), read before its
// size is known; any database is longer.
constexpr size_t kHeaderBytes = 128;

// Vectorscan 5.4.9 (Debian bookworm) built with a fat runtime picks hs_scan's
// AVX-512 build on CPUs that have it, and that build misses matches: with the
// two patterns "@.*police\\.uk" and "@.*abcdefghijklmno", the first is not
// reported in a 140-byte text where it matches (and bundled patterns were
// missed the same way); the AVX2 and SSE4.2 builds report it. So the
// databases are compiled for, and scanned with, the AVX2 build when the CPU
// has AVX2, else the SSE4.2 or the plain build. Where the library has no such
// builds (another architecture, no fat runtime), hs_scan is used.
using ScanFunction = hs_error_t (*)(const hs_database_t*, const char*, unsigned, unsigned, hs_scratch_t*,
                                    match_event_handler, void*);
extern "C" {
__attribute__((weak)) hs_error_t avx2_hs_scan(const hs_database_t*, const char*, unsigned, unsigned,
                                              hs_scratch_t*, match_event_handler, void*);
__attribute__((weak)) hs_error_t corei7_hs_scan(const hs_database_t*, const char*, unsigned, unsigned,
                                                hs_scratch_t*, match_event_handler, void*);
__attribute__((weak)) hs_error_t core2_hs_scan(const hs_database_t*, const char*, unsigned, unsigned,
                                               hs_scratch_t*, match_event_handler, void*);
}

struct ScanBuild {
  ScanFunction scan;
  unsigned long long cpu_features;  // for the compile's hs_platform_info
  const char* name;                 // part of the signature of a serialised database
};

const ScanBuild& ChosenScan() {
  static const ScanBuild chosen = [] {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (avx2_hs_scan && __builtin_cpu_supports("avx2")) return ScanBuild{avx2_hs_scan, HS_CPU_FEATURES_AVX2, "avx2"};
    if (corei7_hs_scan && __builtin_cpu_supports("sse4.2") && __builtin_cpu_supports("popcnt")) {
      return ScanBuild{corei7_hs_scan, 0, "corei7"};
    }
    if (core2_hs_scan) return ScanBuild{core2_hs_scan, 0, "core2"};
#endif
    return ScanBuild{hs_scan, ~0ull, "host"};  // ~0: the host's platform
  }();
  return chosen;
}

// The platform databases are compiled for: the chosen build's.
hs_platform_info_t* CompilePlatform(hs_platform_info_t* info) {
  const ScanBuild& b = ChosenScan();
  if (b.cpu_features == ~0ull) return nullptr;
  info->tune = HS_TUNE_FAMILY_GENERIC;
  info->cpu_features = b.cpu_features;
  info->reserved1 = info->reserved2 = 0;
  return info;
}

// This thread's scratch space, and the databases it has been grown for.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<uint64_t> fitted;  // serials of databases it fits
  ~ThreadScratch() {
    if (scratch) hs_free_scratch(scratch);
  }
  hs_scratch_t* For(const hs_database_t* db, uint64_t serial) {
    if (std::find(fitted.begin(), fitted.end(), serial) != fitted.end()) return scratch;
    if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) return nullptr;
    if (fitted.size() >= 64) fitted.clear();  // growing again is cheap; the list stays short
    fitted.push_back(serial);
    return scratch;
  }
};

int OnMatch(unsigned id, unsigned long long, unsigned long long, unsigned, void* context) {
  static_cast<std::vector<uint32_t>*>(context)->push_back(id);
  return 0;
}

// `n` rounded up to a multiple of kImageAlignment.
size_t RoundUpToImageAlignment(size_t n) {
  constexpr size_t a = VectorscanPrefilter::kImageAlignment;
  return (n + a - 1) / a * a;
}

// Memory for a database of `size` bytes at an address it may lie at;
// std::free releases it. Null when there is none.
void* AllocateImage(size_t size) {
  return std::aligned_alloc(VectorscanPrefilter::kImageAlignment, RoundUpToImageAlignment(size));
}

void PutU32(std::string* out, uint32_t v) {
  for (int k = 0; k < 4; ++k) out->push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}

bool GetU32(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  *v = 0;
  for (int k = 0; k < 4; ++k) *v |= uint32_t{static_cast<unsigned char>((*in)[static_cast<size_t>(k)])} << (8 * k);
  in->remove_prefix(4);
  return true;
}

}  // namespace

VectorscanPrefilter::VectorscanPrefilter() : serial_(next_serial.fetch_add(1)) {}

VectorscanPrefilter::~VectorscanPrefilter() {
  if (db_ && storage_ == Storage::kVectorscan) hs_free_database(db_);
  if (db_ && storage_ == Storage::kHeap) std::free(db_);
}

std::string VectorscanPrefilter::CompileSignature() {
  return std::string("vectorscan ") + hs_version() + "; scan " + ChosenScan().name + "; flags " +
         std::to_string(kFlags) + "; " + kTranslationVersion;
}

std::unique_ptr<VectorscanPrefilter> VectorscanPrefilter::Compile(const std::vector<std::string>& patterns) {
  std::unique_ptr<VectorscanPrefilter> p(new VectorscanPrefilter());
  std::vector<std::string> translated;
  std::vector<unsigned> ids;
  std::string pcre, why;
  for (size_t k = 0; k < patterns.size(); ++k) {
    if (Re2ToPcre(patterns[k], &pcre, &why)) {
      translated.push_back(pcre);
      ids.push_back(static_cast<unsigned>(k));
    } else {
      p->refused_.push_back(static_cast<uint32_t>(k));
    }
  }
  // Compile all; a pattern Vectorscan refuses is named in the error, left
  // out, and the rest compiled again.
  while (!ids.empty()) {
    std::vector<const char*> expressions;
    expressions.reserve(translated.size());
    for (const std::string& t : translated) expressions.push_back(t.c_str());
    std::vector<unsigned> flags(ids.size(), kFlags);
    hs_compile_error_t* error = nullptr;
    hs_database_t* db = nullptr;
    hs_platform_info_t platform;
    if (hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned>(ids.size()),
                         HS_MODE_BLOCK, CompilePlatform(&platform), &db, &error) == HS_SUCCESS) {
      p->db_ = db;
      break;
    }
    const int bad = error ? error->expression : -1;
    hs_free_compile_error(error);
    if (bad < 0 || static_cast<size_t>(bad) >= ids.size()) {  // the whole database failed: none in it
      p->refused_.insert(p->refused_.end(), ids.begin(), ids.end());
      break;
    }
    p->refused_.push_back(ids[static_cast<size_t>(bad)]);
    ids.erase(ids.begin() + bad);
    translated.erase(translated.begin() + bad);
  }
  std::sort(p->refused_.begin(), p->refused_.end());
  return p;
}

// The payload: the number of refused ids and the ids (4 bytes each), zeros
// up to the next multiple of kImageAlignment, then the database as it lies in
// memory at an address that is such a multiple (none when no pattern was
// accepted).
bool VectorscanPrefilter::Serialize(std::string* out) const {
  out->clear();
  PutU32(out, static_cast<uint32_t>(refused_.size()));
  for (uint32_t id : refused_) PutU32(out, id);
  if (!db_) return true;
  char* bytes = nullptr;
  size_t length = 0, image_size = 0;
  if (hs_serialize_database(db_, &bytes, &length) != HS_SUCCESS) return false;
  std::unique_ptr<char, decltype(&std::free)> serialised(bytes, &std::free);  // the default allocator's
  if (hs_serialized_database_size(bytes, length, &image_size) != HS_SUCCESS) return false;
  // Laid out at an aligned address, so that it is valid at any other.
  std::unique_ptr<void, decltype(&std::free)> image(AllocateImage(image_size), &std::free);
  if (!image || hs_deserialize_database_at(bytes, length, static_cast<hs_database_t*>(image.get())) != HS_SUCCESS) {
    return false;
  }
  out->resize(RoundUpToImageAlignment(out->size()), '\0');
  out->append(static_cast<const char*>(image.get()), image_size);
  return true;
}

std::unique_ptr<VectorscanPrefilter> VectorscanPrefilter::Deserialize(std::string_view bytes,
                                                                      std::shared_ptr<const void> owner,
                                                                      std::string* error) {
  std::unique_ptr<VectorscanPrefilter> p(new VectorscanPrefilter());
  const char* const start = bytes.data();
  uint32_t count = 0;
  if (!GetU32(&bytes, &count) || count > bytes.size() / 4) {
    *error = "truncated list of refused patterns";
    return nullptr;
  }
  p->refused_.resize(count);
  for (uint32_t& id : p->refused_) GetU32(&bytes, &id);
  if (!std::is_sorted(p->refused_.begin(), p->refused_.end())) {
    *error = "refused patterns out of order";
    return nullptr;
  }
  if (bytes.empty()) return p;  // no pattern was accepted
  const size_t used = static_cast<size_t>(bytes.data() - start);
  const size_t padding = RoundUpToImageAlignment(used) - used;
  if (bytes.size() <= padding || bytes.find_first_not_of('\0') < padding) {
    *error = "no database after the refused patterns";
    return nullptr;
  }
  bytes.remove_prefix(padding);
  // The image is valid only at an address with the alignment it was laid
  // out for: in place when the bytes have it, else in a copy that has.
  const void* image = bytes.data();
  if (reinterpret_cast<uintptr_t>(image) % kImageAlignment == 0 && owner) {
    p->storage_ = Storage::kBorrowed;
    p->owner_ = std::move(owner);
  } else {
    void* copy = AllocateImage(bytes.size());
    if (!copy) {
      *error = "no memory for the database";
      return nullptr;
    }
    std::memcpy(copy, bytes.data(), bytes.size());
    image = copy;
    p->storage_ = Storage::kHeap;
  }
  p->db_ = static_cast<hs_database_t*>(const_cast<void*>(image));
  // Its magic, version and mode, and a size that is the bytes': a database
  // of another Vectorscan or a damaged one is refused, never scanned.
  size_t size = 0;
  char* info = nullptr;
  const bool valid = bytes.size() >= kHeaderBytes && hs_database_size(p->db_, &size) == HS_SUCCESS &&
                     size == bytes.size() && hs_database_info(p->db_, &info) == HS_SUCCESS && info &&
                     std::strstr(info, "Mode: BLOCK") != nullptr;
  std::free(info);  // the default allocator's
  if (!valid) {
    *error = "Vectorscan cannot load this database (another version or mode, or corrupt)";
    return nullptr;  // the destructor frees a copy
  }
  return p;
}

size_t VectorscanPrefilter::database_size() const {
  size_t size = 0;
  if (db_ && hs_database_size(db_, &size) != HS_SUCCESS) size = 0;
  return size;
}

bool VectorscanPrefilter::Scan(std::string_view text, std::vector<uint32_t>* ids) const {
  if (!db_) return true;
  if (text.size() > UINT32_MAX) return false;  // hs_scan's length is 32 bits
  // KELVIN SIGN and LONG S are the two characters RE2's case folding maps to
  // ASCII letters (k, s); Re2ToPcre spells out case for ASCII letters only.
  // Rare enough in drafts to let RE2 decide every pattern there.
  if (text.find("\xE2\x84\xAA") != std::string_view::npos || text.find("\xC5\xBF") != std::string_view::npos) {
    return false;
  }
  thread_local ThreadScratch scratch;
  hs_scratch_t* s = scratch.For(db_, serial_);
  return s && ChosenScan().scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, s, OnMatch, ids) == HS_SUCCESS;
}

}  // namespace postcheck
