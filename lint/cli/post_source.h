// Hands out the posts of a run one at a time, in input order: each file as
// one post (--input text, read with ReadDraft), or each record of each file
// (--input csv, jsonl or x-archive, read with a RecordReader). Only one
// record file is open at a time, so memory does not grow with the number of
// posts. Not thread-safe: one caller at a time (LintPosts holds a lock).
#ifndef POSTCHECK_POST_SOURCE_H_
#define POSTCHECK_POST_SOURCE_H_

#include <atomic>
#include <fstream>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "text/post.h"
#include "cli/record_reader.h"

namespace postcheck {

struct PostSourceOptions {
  InputFormat format = InputFormat::kText;
  RecordFields fields;                 // csv and jsonl only
  size_t max_bytes = 10 * 1024 * 1024; // per file for text, per post for records
  std::string stdin_name = "<stdin>";  // what "-" is called in reports
};

class PostSource {
 public:
  // `paths` as given ("-" is `in`); `in` must outlive the source.
  PostSource(std::vector<std::string> paths, std::istream& in, PostSourceOptions options);
  ~PostSource();

  // Fills *post with the next post (or a file or record that could not be
  // read, with post->error set) and returns true; false at the end.
  bool Next(Post* post);

  // How much of the input has been read, from 0 to 1: files started for
  // text, bytes for records (standard input counts as nothing). As of the
  // last Next; safe to call from another thread while Next runs.
  double Fraction() const { return fraction_.load(std::memory_order_relaxed); }

 private:
  bool OpenNextRecordFile(Post* error);
  bool Take(Post* post);
  double Measure() const;

  std::vector<std::string> paths_;
  std::istream& in_;
  PostSourceOptions options_;
  size_t next_path_ = 0;
  std::vector<size_t> sizes_;  // of each path, for Fraction (records only)
  size_t total_bytes_ = 0, done_bytes_ = 0;
  std::ifstream file_;
  std::unique_ptr<RecordReader> reader_;
  std::atomic<double> fraction_{0.0};
};

}  // namespace postcheck

#endif  // POSTCHECK_POST_SOURCE_H_
