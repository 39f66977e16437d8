// CSV exports (RFC 4180, as social-media management tools write them): the
// first row names the columns, each later row is one post. Parsed by libcsv
// in strict mode, fed 64 KiB at a time. A row with bad quoting is reported as
// a malformed record and reading resumes at the next line.
#include <csv.h>

#include <algorithm>
#include <deque>

#include "cli/record_reader.h"

namespace postcheck {
namespace {

constexpr size_t kChunk = 64 * 1024;

class CsvReader : public RecordReader {
 public:
  CsvReader(std::istream& in, const std::string& name, const RecordFields& fields, size_t max_bytes)
      : in_(in), name_(name), fields_(fields), max_bytes_(max_bytes) {
    csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI);
  }
  ~CsvReader() override { csv_free(&parser_); }

  bool Next(Post* post) override {
    while (ready_.empty() && !done_) Feed();
    if (ready_.empty()) return false;
    *post = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }

  size_t BytesRead() const override { return bytes_read_; }

 private:
  static void OnField(void* data, size_t size, void* self) {
    static_cast<CsvReader*>(self)->row_.emplace_back(static_cast<const char*>(data), data ? size : 0);
  }
  static void OnRow(int, void* self) { static_cast<CsvReader*>(self)->EndRow(); }

  // Reads and parses the next chunk, queueing the posts it completes.
  void Feed() {
    if (failed_) {
      done_ = true;
      return;
    }
    char buffer[kChunk];
    in_.read(buffer, sizeof buffer);
    size_t got = static_cast<size_t>(in_.gcount());
    bytes_read_ += got;
    std::string_view chunk(buffer, got);
    if (!started_ && got > 0) {
      started_ = true;
      if (chunk.substr(0, 3) == "\xEF\xBB\xBF") chunk.remove_prefix(3);  // a byte-order mark
    }
    while (!chunk.empty() && !failed_) {
      if (skipping_line_) {  // after a malformed row: resume at the next line
        size_t nl = chunk.find('\n');
        if (nl == std::string_view::npos) break;
        chunk.remove_prefix(nl + 1);
        skipping_line_ = false;
        continue;
      }
      size_t parsed = csv_parse(&parser_, chunk.data(), chunk.size(), OnField, OnRow, this);
      if (parsed == chunk.size()) break;
      Malformed("bad CSV quoting");
      chunk.remove_prefix(parsed);
      skipping_line_ = true;
    }
    if (got == 0 || !in_) {
      if (in_.bad()) {
        FileError("cannot read");
      } else if (!skipping_line_ && !failed_ && csv_fini(&parser_, OnField, OnRow, this) != 0) {
        Malformed("bad CSV quoting (a quoted field is not closed)");
      }
      done_ = true;
    }
  }

  // Reports the row being parsed as malformed and starts a fresh parser.
  void Malformed(const char* reason) {
    row_.clear();
    if (failed_) return;
    csv_free(&parser_);
    csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI);
    if (!header_read_) {
      FileError(std::string("the header row has ") + reason);
      return;
    }
    Post post = NewPost();
    post.error = RecordError(post, reason);
    ready_.push_back(std::move(post));
  }

  void FileError(const std::string& reason) {
    Post post;
    post.path = name_;
    post.error = name_ + ": " + reason;
    ready_.push_back(std::move(post));
    failed_ = true;
  }

  Post NewPost() {
    Post post;
    post.path = name_;
    post.record = ++records_;
    return post;
  }

  void EndRow() {
    std::vector<std::string> row;
    row.swap(row_);
    if (failed_) return;
    if (!header_read_) {
      header_read_ = true;
      ReadHeader(row);
      return;
    }
    Post post = NewPost();
    size_t needed = std::max({text_col_, id_col_ == kNone ? 0 : id_col_, date_col_ == kNone ? 0 : date_col_});
    if (row.size() <= needed) {
      post.error = RecordError(post, "has " + std::to_string(row.size()) + " fields; the header has " +
                                         std::to_string(columns_));
    } else {
      if (id_col_ != kNone) post.id = row[id_col_];
      if (date_col_ != kNone) post.date = row[date_col_];
      SetRecordText(std::move(row[text_col_]), max_bytes_, &post);
    }
    ready_.push_back(std::move(post));
  }

  void ReadHeader(const std::vector<std::string>& header) {
    columns_ = header.size();
    auto column = [&](const std::string& field) {
      auto it = std::find(header.begin(), header.end(), field);
      return it == header.end() ? kNone : static_cast<size_t>(it - header.begin());
    };
    std::string names;
    for (const std::string& h : header) names += (names.empty() ? "" : ", ") + h;
    auto missing = [&](const std::string& what, const std::string& field) {
      FileError("no column named \"" + field + "\" for the " + what + " (the header has: " + names + ")");
    };
    text_col_ = column(fields_.text);
    if (text_col_ == kNone) return missing("text", fields_.text);
    if (!fields_.id.empty()) {
      id_col_ = column(fields_.id);
      // The default id column is optional; one asked for by name is not.
      if (id_col_ == kNone && fields_.id != RecordFields().id) return missing("id", fields_.id);
    }
    if (!fields_.date.empty()) {
      date_col_ = column(fields_.date);
      if (date_col_ == kNone) return missing("date", fields_.date);
    }
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);
  std::istream& in_;
  std::string name_;
  RecordFields fields_;
  size_t max_bytes_;
  csv_parser parser_;
  std::vector<std::string> row_;
  std::deque<Post> ready_;
  bool started_ = false, header_read_ = false, skipping_line_ = false, failed_ = false, done_ = false;
  size_t columns_ = 0, text_col_ = kNone, id_col_ = kNone, date_col_ = kNone;
  size_t records_ = 0, bytes_read_ = 0;
};

}  // namespace

std::unique_ptr<RecordReader> MakeCsvReader(std::istream& in, const std::string& name,
                                            const RecordFields& fields, size_t max_bytes) {
  return std::make_unique<CsvReader>(in, name, fields, max_bytes);
}

}  // namespace postcheck
