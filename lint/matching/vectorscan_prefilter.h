// One Vectorscan (Hyperscan) database over many RE2 patterns, used as a
// prefilter: Scan reports every pattern that may match a text, in one pass
// whose speed does not depend on having seen similar text before (unlike a
// lazily built DFA such as RE2::Set's).
//
// Patterns are compiled with HS_FLAG_PREFILTER (constructs Vectorscan cannot
// match exactly are widened), HS_FLAG_UTF8 and HS_FLAG_SINGLEMATCH, after
// Re2ToPcre (which widens some more, to keep compiling fast). Promise: if RE2 finds pattern k in a
// valid UTF-8 text, Scan reports k. Scan may also report patterns that do
// not match; the caller confirms with RE2. A pattern Vectorscan refuses is
// left out and named in refused(): the caller matches it some other way.
//
// A database can be serialised and loaded back (Serialize, Deserialize), so
// that the bundled packs' database is built once at build time. The bytes
// are the database as it lies in memory (Vectorscan's deserialised form,
// laid out for a 64-byte aligned address), not hs_serialize_database's: a
// database loaded from a read-only file mapping is scanned where it lies:
// loading copies nothing, and its pages are the page cache's, shared by
// every process that maps the file. (They still count in each process's
// RSS once touched; where the page cache holds the file in large folios,
// as Linux 6.18 on ext4 does, a first scan maps nearly all of it.)
//
// Scan is thread-safe and takes no lock: each thread has its own scratch
// space, grown on first use to fit every database it has scanned with.
#ifndef POSTCHECK_VECTORSCAN_PREFILTER_H_
#define POSTCHECK_VECTORSCAN_PREFILTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct hs_database;

namespace postcheck {

class VectorscanPrefilter {
 public:
  // Compiles a database over `patterns` (valid RE2), where pattern k gets
  // id k. Never fails as a whole: patterns refused are listed in refused().
  static std::unique_ptr<VectorscanPrefilter> Compile(const std::vector<std::string>& patterns);

  // A database Serialize wrote, for the same patterns. Returns nullptr with
  // *error set if the bytes are not one this library can load (corrupt,
  // another Vectorscan version or mode). When the bytes lie at an address
  // that is a multiple of kImageAlignment from the start of what Serialize
  // wrote (as a file mapped at a page boundary does), the database is
  // scanned in place and `owner` (the mapping) is kept alive with it;
  // otherwise it is copied. The caller's checksum vouches for the bytes:
  // only the header is checked here.
  static std::unique_ptr<VectorscanPrefilter> Deserialize(std::string_view bytes, std::shared_ptr<const void> owner,
                                                          std::string* error);
  static constexpr size_t kImageAlignment = 64;

  ~VectorscanPrefilter();
  VectorscanPrefilter(const VectorscanPrefilter&) = delete;
  VectorscanPrefilter& operator=(const VectorscanPrefilter&) = delete;

  // The database and the refused list, as bytes for Deserialize.
  bool Serialize(std::string* out) const;

  // Appends to *ids the id of every pattern that may match in `text` (valid
  // UTF-8), each once, in no particular order, and returns true. Returns
  // false if the scan could not be done (no memory for scratch space, a
  // text over 4 GiB) or may not be trusted (the text holds U+212A KELVIN
  // SIGN or U+017F LONG S, see re2_to_pcre.h): then any pattern may match.
  bool Scan(std::string_view text, std::vector<uint32_t>* ids) const;

  // The ids left out of the database, in increasing order.
  const std::vector<uint32_t>& refused() const { return refused_; }
  // The size of the compiled database in bytes (0 if it holds no pattern).
  size_t database_size() const;
  // Whether the database is scanned where Deserialize's bytes lie (in a
  // file's mapping), not in memory of its own.
  bool in_place() const { return storage_ == Storage::kBorrowed; }

  // The flags every pattern is compiled with, and the translation, as one
  // string: part of the key of a serialised database.
  static std::string CompileSignature();

 private:
  VectorscanPrefilter();

  hs_database* db_ = nullptr;  // null when no pattern was accepted
  enum class Storage { kVectorscan, kHeap, kBorrowed } storage_ = Storage::kVectorscan;  // who frees db_
  std::shared_ptr<const void> owner_;  // keeps a borrowed db_'s bytes alive
  uint64_t serial_ = 0;        // tells this database from any other in the process
  std::vector<uint32_t> refused_;
};

}  // namespace postcheck

#endif  // POSTCHECK_VECTORSCAN_PREFILTER_H_
