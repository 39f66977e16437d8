// A serialised prefilter database on disk (vectorscan_prefilter.h), with the
// list of the patterns it was compiled from, each as a hash.
//
// The build writes the bundled packs' database once (tools/); at start-up
// PatternSet loads it and matches its patterns to the ones being compiled by
// hash: the patterns it holds are scanned from it, and only the others (user
// packs, --rules, a config's rule directories) are compiled. A file that is
// missing, of another Vectorscan version, flags or translation, truncated or
// damaged is not loaded: its signature and a checksum over its content say
// so. A damaged pattern hash that passed the checksum could only leave a
// pattern unmatched to the file, and so compiled.
//
// Layout: "postcheck-prefilter4\n" (21 bytes), the signature hash, the
// number of patterns N, the checksum of what follows, the payload's length
// (8 bytes each), N pattern hashes (16 bytes each), zeros up to the next
// multiple of kPayloadAlignment, the payload. A file mapped at a page
// boundary so has its payload at one too, as a database scanned in place
// needs (vectorscan_prefilter.h).
#ifndef POSTCHECK_PREFILTER_FILE_H_
#define POSTCHECK_PREFILTER_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/mapped_file.h"

namespace postcheck {

struct PatternHash {
  uint64_t a = 0, b = 0;  // two independent 64-bit hashes
  bool operator==(const PatternHash&) const = default;
};

// 64-bit hash of `bytes`, not cryptographic: to tell one pattern or payload
// from another.
uint64_t Hash64(std::string_view bytes, uint64_t seed);

PatternHash PatternHashOf(std::string_view pattern);

// 64-bit checksum of `bytes`, not cryptographic: to tell a large file that
// is intact from one that is damaged or truncated. Four times the speed of
// Hash64 on megabytes (four independent lanes).
uint64_t Checksum64(std::string_view bytes, uint64_t seed);

struct PrefilterFile {
  std::vector<PatternHash> patterns;  // the database's pattern k has hash patterns[k]
  std::string payload;                // VectorscanPrefilter::Serialize's bytes
};

constexpr size_t kPayloadAlignment = 4096;

// A file as read: its payload in place in the mapped file, not copied. The
// whole file was read to check it, and its pages then released (see
// MappedFile::ReleasePages): only what is read again comes back into memory.
struct MappedPrefilterFile {
  std::vector<PatternHash> patterns;  // the database's pattern k has hash patterns[k]
  std::string_view payload;           // within `mapping`
  std::shared_ptr<const MappedFile> mapping;
};

// Writes the file atomically (a temporary file renamed over `path`).
bool WritePrefilterFile(const std::string& path, std::string_view signature, const PrefilterFile& file,
                        std::string* error);

enum class PrefilterFileState {
  kLoaded,   // *file is the file's content, intact
  kMissing,  // no file there (or not readable)
  kStale,    // a file for another Vectorscan version, flags or translation
  kDamaged,  // not this format, truncated, or a checksum mismatch
};
// Reads the file at `path` if it was written under `signature`.
PrefilterFileState ReadPrefilterFile(const std::string& path, std::string_view signature, MappedPrefilterFile* file);

// Where the bundled packs' database is, beside the binary: in a build tree
// (BINDIR/share/postcheck/patterns.hsdb, or two folders up for the tests
// and fuzzers in BUILD/tests/ and BUILD/tests/fuzz/) or an install
// (BINDIR/../share/postcheck/patterns.hsdb). Empty if none exists.
std::string DefaultPrefilterFile();

// The file named `name` in the folder of DefaultPrefilterFile, where the
// build writes its other files for the bundled packs (the packs' snapshot,
// the word index). Empty if there is no such regular file.
std::string DefaultFileBesidePrefilter(std::string_view name);

}  // namespace postcheck

#endif  // POSTCHECK_PREFILTER_FILE_H_
