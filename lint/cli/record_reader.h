// Readers of exports that hold many posts in one file: CSV with a header
// row, JSON Lines, and the tweets file of an X (Twitter) archive
// (`window.YTD.tweets.part0 = [...]`). Each hands out one Post per record,
// in file order, without holding the whole file (X archives excepted: the
// file is parsed once and only the posts' texts are kept).
//
// A malformed record (bad CSV quoting, broken JSON, no text field, text that
// is not UTF-8) comes out as a Post with `error` set, naming the file and the
// record number; the records after it are still read. A file that cannot be
// read at all (missing, not an export of that kind, no text column) comes out
// as one Post with `error` set and record 0, and ends that file.
#ifndef POSTCHECK_RECORD_READER_H_
#define POSTCHECK_RECORD_READER_H_

#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/post.h"

namespace postcheck {

enum class InputFormat { kText, kCsv, kJsonl, kXArchive };

// "text", "csv", "jsonl", "x-archive": the names --input accepts.
const std::vector<std::string>& InputFormatNames();
InputFormat ParseInputFormat(std::string_view name);  // a name from InputFormatNames()

// Which fields of a CSV or JSON Lines record hold the post, its id and its
// date. An empty id or date field name means the records have none.
struct RecordFields {
  std::string text = "text";
  std::string id = "id";
  std::string date;
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Fills *post (path, record, id, date, text or error) and returns true, or
  // returns false when the file has no more records.
  virtual bool Next(Post* post) = 0;
  // How many bytes of the file have been read so far.
  virtual size_t BytesRead() const = 0;
};

// `in` stays owned by the caller and must outlive the reader. `name` is what
// posts and errors call the file. A post whose text is longer than
// `max_bytes` is an error record.
std::unique_ptr<RecordReader> MakeCsvReader(std::istream& in, const std::string& name,
                                            const RecordFields& fields, size_t max_bytes);
std::unique_ptr<RecordReader> MakeJsonlReader(std::istream& in, const std::string& name,
                                              const RecordFields& fields, size_t max_bytes);
std::unique_ptr<RecordReader> MakeXArchiveReader(std::istream& in, const std::string& name, size_t max_bytes);

// Shared by the readers: sets post->text to `text` when it is a draft
// postcheck can lint (valid UTF-8, no NUL, within max_bytes) and post->id and
// post->date are valid UTF-8 too; otherwise sets post->error to
// "name: record N: the text is <reason>" (or "the id is ..."). Returns which.
bool SetRecordText(std::string text, size_t max_bytes, Post* post);

// "name: record N: reason", the one-line error of a malformed record.
std::string RecordError(const Post& post, std::string_view reason);

}  // namespace postcheck

#endif  // POSTCHECK_RECORD_READER_H_
