#include "cli/post_source.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "text/input.h"

namespace postcheck {

PostSource::PostSource(std::vector<std::string> paths, std::istream& in, PostSourceOptions options)
    : paths_(std::move(paths)), in_(in), options_(std::move(options)) {
  if (options_.format == InputFormat::kText) return;
  for (const std::string& p : paths_) {
    std::error_code ec;
    size_t size = p == "-" ? 0 : static_cast<size_t>(std::filesystem::file_size(p, ec));
    sizes_.push_back(ec ? 0 : size);
    total_bytes_ += sizes_.back();
  }
}

PostSource::~PostSource() = default;

double PostSource::Measure() const {
  if (options_.format == InputFormat::kText) {
    return paths_.empty() ? 1.0 : static_cast<double>(next_path_) / static_cast<double>(paths_.size());
  }
  if (total_bytes_ == 0) return 0.0;
  size_t done = done_bytes_ + (reader_ ? reader_->BytesRead() : 0);
  return std::min(1.0, static_cast<double>(done) / static_cast<double>(total_bytes_));
}

bool PostSource::OpenNextRecordFile(Post* error) {
  const std::string& path = paths_[next_path_];
  const std::string name = path == "-" ? options_.stdin_name : path;
  ++next_path_;
  std::istream* stream = &in_;
  if (path != "-") {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    std::string reason;
    if (ec && ec != std::errc::no_such_file_or_directory) {
      reason = "cannot open: " + ec.message();
    } else if (!fs::exists(status)) {
      reason = "no such file";
    } else if (fs::is_directory(status)) {
      reason = "is a directory, not a file";
    } else {
      file_ = std::ifstream(path, std::ios::binary);
      if (!file_) reason = std::string("cannot open: ") + std::strerror(errno);
    }
    if (!reason.empty()) {
      *error = Post();
      error->path = name;
      error->error = name + ": " + reason;
      return false;
    }
    stream = &file_;
  }
  switch (options_.format) {
    case InputFormat::kCsv: reader_ = MakeCsvReader(*stream, name, options_.fields, options_.max_bytes); break;
    case InputFormat::kJsonl: reader_ = MakeJsonlReader(*stream, name, options_.fields, options_.max_bytes); break;
    default: reader_ = MakeXArchiveReader(*stream, name, options_.max_bytes); break;
  }
  return true;
}

bool PostSource::Next(Post* post) {
  bool more = Take(post);
  fraction_.store(more ? Measure() : 1.0, std::memory_order_relaxed);
  return more;
}

bool PostSource::Take(Post* post) {
  if (options_.format == InputFormat::kText) {
    if (next_path_ >= paths_.size()) return false;
    const std::string& path = paths_[next_path_++];
    *post = Post();
    post->path = path == "-" ? options_.stdin_name : path;
    ReadDraft(path, post->path, in_, options_.max_bytes, &post->text, &post->error);
    return true;
  }
  for (;;) {
    if (reader_) {
      if (reader_->Next(post)) return true;
      done_bytes_ += sizes_[next_path_ - 1];
      reader_.reset();
      file_ = std::ifstream();
    }
    if (next_path_ >= paths_.size()) return false;
    if (!OpenNextRecordFile(post)) {
      done_bytes_ += sizes_[next_path_ - 1];
      return true;
    }
  }
}

}  // namespace postcheck
