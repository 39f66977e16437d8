// A prefilter file (prefilter_file.h) loaded once per process and shared:
// every PatternSet that loads the same file while another still holds it
// gets the same Vectorscan database, as the service's per-platform engines
// do (one database, about 20 MB for the bundled packs, scanned in place in
// the file's mapping, instead of one each).
//
// Promises: LoadSharedPrefilter returns what ReadPrefilterFile and
// VectorscanPrefilter::Deserialize would give, or nullptr where they would
// fail. Two calls for the same file get the same object as long as one
// holder keeps it alive and the file has not changed (its header, size,
// modification time and inode are the key); a file changed on disk is read
// again. A database is immutable once loaded; scanning it from several
// threads is safe (each thread has its own scratch, see
// vectorscan_prefilter.h). Thread-safe: concurrent calls wait for one load.
#ifndef POSTCHECK_SHARED_PREFILTER_H_
#define POSTCHECK_SHARED_PREFILTER_H_

#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "matching/prefilter_file.h"
#include "matching/vectorscan_prefilter.h"

namespace postcheck {

struct LoadedPrefilter {
  std::vector<PatternHash> patterns;          // the database's pattern k has hash patterns[k]
  std::unique_ptr<const VectorscanPrefilter> db;  // never null

  // Whether the database holds `pattern` (its hash is among `patterns` and
  // Vectorscan did not refuse it). Such a pattern was added to a PatternSet
  // with the default memory budget, and so parsed and compiled by RE2,
  // when the file was written (tools/write_prefilter.cc): a set loading
  // the file need not check it again. No lock.
  bool Holds(std::string_view pattern) const;

  // patterns[k].a -> k, for each k the database holds (filled by the loader).
  std::unordered_map<uint64_t, uint32_t> held;
};

// The file at `path`, written under `signature`, loaded or shared; nullptr
// when it is missing, stale, damaged, or holds a database Vectorscan cannot
// load (or one whose refused ids lie beyond its patterns).
std::shared_ptr<const LoadedPrefilter> LoadSharedPrefilter(const std::string& path, std::string_view signature);

// Starts LoadSharedPrefilter(path, signature) on a thread of its own and
// returns at once, so that the file is read while the rule packs are parsed.
// The future holds the result: while the caller keeps it, a PatternSet that
// loads the same file gets the same database without reading it again (or
// waits for the read under way). Its value is what LoadSharedPrefilter
// returns; nullptr at once for an empty path, or when no thread can be
// started (the set then reads the file itself).
std::shared_future<std::shared_ptr<const LoadedPrefilter>> PrefetchSharedPrefilter(const std::string& path,
                                                                                   std::string_view signature);

}  // namespace postcheck

#endif  // POSTCHECK_SHARED_PREFILTER_H_
