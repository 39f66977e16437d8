// The comms team's side of a run: where the posts come from (--input and its
// field names, directories, --files-from), which findings are shown
// (--baseline, --min-severity), what is recorded (--write-baseline) and the
// progress line (--quiet). The CLI registers these options with
// AddAuditOptions and passes every report through an Audit before counting
// and formatting it.
#ifndef POSTCHECK_AUDIT_H_
#define POSTCHECK_AUDIT_H_

#include <CLI/CLI.hpp>

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "reporting/baseline.h"
#include "reporting/formatter.h"
#include "cli/post_source.h"
#include "reporting/progress.h"

namespace postcheck {

struct AuditOptions {
  std::string input = "text";
  std::string text_field = "text";
  std::string id_field = "id";
  std::string date_field;
  std::string files_from;
  std::string baseline;
  std::string write_baseline;
  std::string min_severity = "suggestion";
  bool quiet = false;
};

void AddAuditOptions(CLI::App& app, AuditOptions* options);

class Audit {
 public:
  // Checks the options against each other and loads --baseline. On failure
  // returns nullptr with *error set (one line).
  // The progress line goes to `err` when it is std::cerr on a terminal.
  static std::unique_ptr<Audit> Create(const AuditOptions& options, const CLI::App& app, std::ostream& err,
                                       std::string* error);

  // The files to read for `args` (directories expanded, --files-from added);
  // `args` empty and no --files-from: standard input. False with *error set.
  bool Paths(const std::vector<std::string>& args, std::istream& in, std::vector<std::string>* paths,
             std::string* error) const;

  // The source of the posts in `paths`.
  std::unique_ptr<PostSource> Source(std::vector<std::string> paths, std::istream& in, size_t max_bytes,
                                     const std::string& stdin_name) const;

  // Before --fail-on is applied: records the report for --write-baseline and
  // hides what --baseline lists (counted in summary->baselined).
  void Reviewed(FileReport* report, Summary* summary);

  // After --fail-on is applied: hides findings below --min-severity (counted
  // in summary->below_minimum), then counts the rest in the summary by
  // severity, rule and category.
  void Shown(FileReport* report, Summary* summary) const;

  // Progress after each report; Finish erases the line and writes
  // --write-baseline. False with *error set when the write failed.
  void Progress(const Summary& summary, const PostSource& source);
  // Erases the progress line, if shown, before another message on stderr.
  void ClearProgress() { progress_.Finish(); }
  bool Finish(std::string* error);

 private:
  Audit(const AuditOptions& options, std::ostream& err);

  AuditOptions options_;
  Severity minimum_ = Severity::kSuggestion;
  std::optional<Baseline> baseline_;
  Baseline written_;
  postcheck::Progress progress_;
};

}  // namespace postcheck

#endif  // POSTCHECK_AUDIT_H_
