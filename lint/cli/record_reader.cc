// The parts the record readers share: format names and checking a record's text.
#include "cli/record_reader.h"

#include "text/input.h"

namespace postcheck {

const std::vector<std::string>& InputFormatNames() {
  static const std::vector<std::string> names = {"text", "csv", "jsonl", "x-archive"};
  return names;
}

InputFormat ParseInputFormat(std::string_view name) {
  if (name == "csv") return InputFormat::kCsv;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "x-archive") return InputFormat::kXArchive;
  return InputFormat::kText;
}

std::string RecordError(const Post& post, std::string_view reason) {
  return post.path + ": record " + std::to_string(post.record) + ": " + std::string(reason);
}

bool SetRecordText(std::string text, size_t max_bytes, Post* post) {
  if (text.size() > max_bytes) {
    post->error = RecordError(*post, "the text is larger than the limit of " + std::to_string(max_bytes) +
                                         " bytes (see --max-bytes)");
    return false;
  }
  std::string reason;
  for (auto [what, field] : {std::pair{"id", &post->id}, std::pair{"date", &post->date}}) {
    if (!CheckDraftText(*field, &reason)) {
      post->error = RecordError(*post, std::string("the ") + what + " is " + reason);
      post->id.clear();
      post->date.clear();
      return false;
    }
  }
  if (!CheckDraftText(text, &reason)) {
    post->error = RecordError(*post, "the text is " + reason);
    return false;
  }
  post->text = std::move(text);
  return true;
}

}  // namespace postcheck
