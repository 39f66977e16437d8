#include "cli/audit.h"

#include "cli/input_list.h"

#include <algorithm>
#include <iostream>

namespace postcheck {

void AddAuditOptions(CLI::App& app, AuditOptions* o) {
  app.add_option("--input", o->input, "What each FILE holds: one post (text), or many (csv, jsonl, x-archive)")
      ->check(CLI::IsMember(InputFormatNames()))
      ->capture_default_str();
  app.add_option("--text-field", o->text_field, "csv/jsonl: the column or key holding the post")
      ->capture_default_str();
  app.add_option("--id-field", o->id_field, "csv/jsonl: the column or key holding the post's id")
      ->capture_default_str();
  app.add_option("--date-field", o->date_field, "csv/jsonl: the column or key holding the post's date");
  app.add_option("--files-from", o->files_from, "Also read the files listed in FILE, one per line ('-': stdin)");
  app.add_option("--baseline", o->baseline, "Hide the findings recorded in this baseline file");
  app.add_option("--write-baseline", o->write_baseline, "Record this run's findings in a baseline file");
  app.add_option("--min-severity", o->min_severity, "Show only findings at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "suggestion"}))
      ->capture_default_str();
  app.add_flag("-q,--quiet", o->quiet, "No progress line on a terminal");
}

Audit::Audit(const AuditOptions& options, std::ostream& err)
    : options_(options), progress_(&err == &std::cerr && ProgressWanted(options.quiet), err, ProgressDelay()) {}

std::unique_ptr<Audit> Audit::Create(const AuditOptions& options, const CLI::App& app, std::ostream& err,
                                     std::string* error) {
  bool records = options.input == "csv" || options.input == "jsonl";
  for (const char* field : {"--text-field", "--id-field", "--date-field"}) {
    if (app.count(field) > 0 && !records) {
      *error = std::string(field) + " needs --input csv or --input jsonl";
      return nullptr;
    }
  }
  if (options.text_field.empty()) {
    *error = "--text-field cannot be empty";
    return nullptr;
  }
  std::unique_ptr<Audit> audit(new Audit(options, err));
  audit->minimum_ = ParseSeverity(options.min_severity).value_or(Severity::kSuggestion);
  if (!options.baseline.empty()) {
    audit->baseline_ = Baseline::Load(options.baseline, error);
    if (!audit->baseline_) return nullptr;
  }
  return audit;
}

bool Audit::Paths(const std::vector<std::string>& args, std::istream& in, std::vector<std::string>* paths,
                  std::string* error) const {
  if (args.empty() && options_.files_from.empty()) {
    paths->push_back("-");
    return true;
  }
  return ExpandInputs(args, options_.files_from, in, DirectoryExtensions(options_.input), paths, error);
}

std::unique_ptr<PostSource> Audit::Source(std::vector<std::string> paths, std::istream& in, size_t max_bytes,
                                          const std::string& stdin_name) const {
  PostSourceOptions source;
  source.format = ParseInputFormat(options_.input);
  source.fields.text = options_.text_field;
  source.fields.id = options_.id_field;
  source.fields.date = options_.date_field;
  source.max_bytes = max_bytes;
  source.stdin_name = stdin_name;
  return std::make_unique<PostSource>(std::move(paths), in, source);
}

void Audit::Reviewed(FileReport* report, Summary* summary) {
  if (!report->error.empty()) return;
  if (!options_.write_baseline.empty()) written_.Add(*report);
  if (baseline_) summary->baselined += baseline_->Hide(report);
}

void Audit::Shown(FileReport* report, Summary* summary) const {
  std::vector<Finding>& findings = report->findings;
  size_t before = findings.size();
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const Finding& f) { return f.severity < minimum_; }),
                 findings.end());
  summary->below_minimum += static_cast<int>(before - findings.size());
  if (report->record > 0) ++summary->records;
  for (const Finding& f : findings) {
    switch (f.severity) {
      case Severity::kError: ++summary->errors; break;
      case Severity::kWarning: ++summary->warnings; break;
      case Severity::kSuggestion: ++summary->suggestions; break;
    }
    ++summary->by_rule[f.rule->full_id][static_cast<int>(f.severity)];
    ++summary->by_category[f.rule->category][static_cast<int>(f.severity)];
  }
}

void Audit::Progress(const Summary& summary, const PostSource& source) {
  progress_.Update(static_cast<size_t>(summary.files), source.Fraction());
}

bool Audit::Finish(std::string* error) {
  progress_.Finish();
  if (options_.write_baseline.empty()) return true;
  return written_.Write(options_.write_baseline, error);
}

}  // namespace postcheck
