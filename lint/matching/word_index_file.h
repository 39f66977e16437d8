// The word index (word_index.h) of the bundled packs, written at build time
// (tools/write_prefilter.cc) and read at start-up instead of adding every
// phrase of every list again, which was most of building an engine.
//
// The file is only a cache, keyed by the engine's words key (a hash of every
// phrase added, in order, with its options and owner: Engine::Impl's
// words_key) and by the version of utf8proc, which folds the words: an
// engine uses it only when it would add exactly those phrases (it reads the
// file, and its key, while it works out its own), and the index read then
// matches exactly what the one built would. A file that is missing, made
// for other phrases, truncated or damaged (a checksum over it) is not used,
// and the engine builds its index as before: the file never changes what
// postcheck reports.
//
// Layout: "postcheck-words1\n" (17 bytes), the key, the payload's length and
// the checksum of the payload (8 bytes each), the payload
// (WordIndex::Encode).
#ifndef POSTCHECK_WORD_INDEX_FILE_H_
#define POSTCHECK_WORD_INDEX_FILE_H_

#include <cstdint>
#include <string>

#include "matching/word_index.h"

namespace postcheck {

// The key a file for an engine with words key `words_key` is written and
// read under: that key with this build's utf8proc version mixed in.
uint64_t WordIndexFileKey(uint64_t words_key);

// Writes `index` (after DoneAdding) atomically under `key`.
bool WriteWordIndexFile(const std::string& path, uint64_t key, const WordIndex& index, std::string* error);

enum class WordIndexFileState {
  kLoaded,   // *index holds the file's index, *key the key it was written under
  kMissing,  // no file there (or not readable)
  kDamaged,  // not this format, truncated, a checksum mismatch, or an index that does not decode
};
// Reads the file at `path` into *index (which must be empty), and the key it
// was written under into *key; *index stays empty unless kLoaded. The
// caller compares the key with its own.
WordIndexFileState ReadWordIndexFile(const std::string& path, WordIndex* index, uint64_t* key);

// The file beside the bundled packs' prefilter (DefaultPrefilterFile):
// share/postcheck/words.index. Empty if none exists.
std::string DefaultWordIndexFile();

}  // namespace postcheck

#endif  // POSTCHECK_WORD_INDEX_FILE_H_
