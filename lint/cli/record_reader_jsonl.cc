// JSON Lines exports: one JSON object per line, each one post. Parsed by
// nlohmann-json one line at a time; blank lines are skipped and do not count
// as records. A broken line is a malformed record; the next line is read.
#include <nlohmann/json.hpp>

#include "reporting/record_fields_json.h"
#include "cli/record_reader.h"

namespace postcheck {
namespace {

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::istream& in, const std::string& name, const RecordFields& fields, size_t max_bytes)
      : in_(in), name_(name), fields_(fields), max_bytes_(max_bytes) {}

  bool Next(Post* post) override {
    std::string line;
    for (;;) {
      if (!std::getline(in_, line)) {
        if (in_.bad() && !reported_bad_) {
          reported_bad_ = true;
          *post = Post();
          post->path = name_;
          post->error = name_ + ": cannot read";
          return true;
        }
        return false;
      }
      bytes_read_ += line.size() + 1;
      ++line_no_;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line_no_ == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
      if (line.find_first_not_of(" \t") != std::string::npos) break;
    }
    *post = Post();
    post->path = name_;
    post->record = ++records_;
    Read(line, post);
    return true;
  }

  size_t BytesRead() const override { return bytes_read_; }

 private:
  void Read(const std::string& line, Post* post) const {
    std::string where = " (line " + std::to_string(line_no_) + ")";
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      // nlohmann's own message quotes the input; a draft must not reach a log.
      // Bytes count from 0, as in every other postcheck message.
      post->error = RecordError(*post, "not valid JSON at byte " + std::to_string(e.byte - 1) + " of line " +
                                           std::to_string(line_no_));
      return;
    }
    if (!record.is_object()) {
      post->error = RecordError(*post, "not a JSON object" + where);
      return;
    }
    auto text = record.find(fields_.text);
    if (text == record.end() || !text->is_string()) {
      post->error = RecordError(*post, (text == record.end() ? "no \"" : "not a string: \"") + fields_.text +
                                           "\" field" + where);
      return;
    }
    for (auto [field, out] : {std::pair{&fields_.id, &post->id}, std::pair{&fields_.date, &post->date}}) {
      if (!field->empty() && !JsonFieldString(record, *field, out)) {
        post->error = RecordError(*post, "\"" + *field + "\" is not a string or number" + where);
        return;
      }
    }
    SetRecordText(text->get<std::string>(), max_bytes_, post);
  }

  std::istream& in_;
  std::string name_;
  RecordFields fields_;
  size_t max_bytes_;
  size_t line_no_ = 0, records_ = 0, bytes_read_ = 0;
  bool reported_bad_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> MakeJsonlReader(std::istream& in, const std::string& name,
                                              const RecordFields& fields, size_t max_bytes) {
  return std::make_unique<JsonlReader>(in, name, fields, max_bytes);
}

}  // namespace postcheck
