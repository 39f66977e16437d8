// The bundled rule packs as loaded, in one file written at build time
// (tools/write_pack_snapshot.cc) and read at start-up instead of their YAML,
// whose parsing was most of a cold start.
//
// The YAML stays the one source of truth; the snapshot is only a cache,
// keyed by the exact bytes of every file the packs were loaded from: the
// pack files in the directory and every word file they name, all held in
// the snapshot. LoadPackSnapshot gives packs only when the directory holds
// exactly those pack files (PackFilesIn), each word file is where a pack may
// name it (OutsidePackTree) and every one of them has the same bytes as
// when the snapshot was written; then the packs are equal to what
// LoadPackDir gives for the directory with the same options (paths and
// source marks included, examples only with LoadOptions::read_examples),
// and on_rule is called for each rule, spelling rules first. Otherwise, or
// for a damaged or truncated snapshot (a checksum over it), it gives no
// packs and says why, and the caller parses the YAML: a snapshot never
// changes what postcheck reports.
//
// Layout: "postcheck-packs4\n", the length of the rest and a checksum of it
// (8 bytes each), then the rest: the pack files (name in the directory,
// bytes), the word files (path from the directory, bytes), and
// EncodePacks's bytes (pack_codec.h).
#ifndef POSTCHECK_PACK_SNAPSHOT_H_
#define POSTCHECK_PACK_SNAPSHOT_H_

#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/rule_loader.h"

namespace postcheck {

// Loads the packs in `dir` from their YAML (LoadPackDir with examples, then
// CheckPacks) and writes their snapshot to `path` atomically (a temporary
// file renamed over it). False, with *error, when a pack does not load
// cleanly or the file cannot be written.
bool WritePackSnapshot(const std::string& dir, const std::string& path, std::string* error);

enum class PackSnapshotState {
  kLoaded,   // *packs holds the packs
  kMissing,  // no snapshot at `path` (or not readable)
  kStale,    // made from other files than those in `dir` now
  kDamaged,  // not this format, truncated, or a checksum mismatch
};

// The packs of `dir` from the snapshot at `path`, appended to *packs when
// kLoaded (nothing appended otherwise).
PackSnapshotState LoadPackSnapshot(const std::string& path, const std::string& dir, const LoadOptions& options,
                                   std::vector<Pack>* packs);

// The snapshot of the bundled packs beside the binary, where
// DefaultPrefilterFile looks (share/postcheck/packs.snapshot). Empty if
// none exists.
std::string DefaultPackSnapshotFile();

}  // namespace postcheck

#endif  // POSTCHECK_PACK_SNAPSHOT_H_
