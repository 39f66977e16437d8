// A whole file mapped read-only into memory, for the large files written at
// build time and read at every start-up (the prefilter database, the packs'
// snapshot): their bytes are read in place from the page cache, not copied
// into a buffer that must first be allocated and zeroed. And the way those
// files are written: whole, or not at all.
//
// Promises: bytes() is the file's content as it was when mapped, for as long
// as the MappedFile lives, provided nobody truncates the file meanwhile (the
// build replaces these files by renaming a new one over them, which leaves a
// mapping of the old one intact). Opening never blocks (a FIFO is refused,
// not waited on).
#ifndef POSTCHECK_MAPPED_FILE_H_
#define POSTCHECK_MAPPED_FILE_H_

#include <string>
#include <string_view>

namespace postcheck {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  // Maps the regular file at `path`, replacing what was mapped before.
  // False, with empty bytes, when it cannot be opened, is not a regular file
  // or cannot be mapped. An empty file gives true and empty bytes.
  bool Open(const std::string& path);

  std::string_view bytes() const { return {data_, size_}; }

  // Lets the pages read so far leave this process's memory (its RSS): the
  // kernel maps them again from the page cache when they are next read,
  // with the same bytes. For a file read whole once (to check it) and then
  // only in part.
  void ReleasePages() const;

 private:
  void Close();

  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Writes `head` then `body` to a temporary file beside `path` and renames
// it over `path`, so that a reader (a mapping included) sees the old file or
// the new one, never a part. False, with *error naming the file, when it
// cannot be written or renamed.
bool WriteFileAtomically(const std::string& path, std::string_view head, std::string_view body, std::string* error);

}  // namespace postcheck

#endif  // POSTCHECK_MAPPED_FILE_H_
