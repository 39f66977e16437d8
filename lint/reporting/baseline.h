// Baselines: findings a comms team has reviewed, so that the next audit
// shows only what is new (gitleaks' --baseline-path is the model).
//
// A finding is known by its rule, its post (the record's id; else the file,
// and the record number for a record without an id) and a hash of its match
// and the line it is on, so that it stays known when other posts or other
// lines change. The file is versioned JSON, sorted for stable diffs:
//   {"postcheck_baseline": 1,
//    "findings": [{"rule": "...", "post": "id:123", "hash": "0f3c..."}, ...]}
// The same key twice means the finding occurred twice: a baseline hides as
// many occurrences as it lists.
#ifndef POSTCHECK_BASELINE_H_
#define POSTCHECK_BASELINE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reporting/formatter.h"

namespace postcheck {

inline constexpr int kBaselineVersion = 1;

struct BaselineKey {
  std::string rule;  // full rule id
  std::string post;  // "id:123", "path:drafts/a.txt" or "path:posts.csv#3"
  std::string hash;  // 16 hex digits: FNV-1a 64 of the match and its line(s)
  bool operator<(const BaselineKey& o) const {
    return std::tie(rule, post, hash) < std::tie(o.rule, o.post, o.hash);
  }
};

// The key of a finding of a report (report.text is the post).
BaselineKey KeyOf(const FileReport& report, const Finding& finding);

class Baseline {
 public:
  // Reads a baseline file. On failure returns nullopt with *error set to one
  // line naming the file: not found, not JSON (with the byte), not a
  // postcheck baseline, another version, a malformed entry (with its number).
  static std::optional<Baseline> Load(const std::string& path, std::string* error);

  // Removes from report->findings those the baseline lists (each listed
  // occurrence hides one) and returns how many it removed.
  int Hide(FileReport* report);

  // Records every finding of `report`, for Write.
  void Add(const FileReport& report);

  // Writes the recorded findings to `path` (through a temporary file, so a
  // failed write leaves no half file). On failure returns false with *error.
  bool Write(const std::string& path, std::string* error) const;

  size_t size() const;

 private:
  std::map<BaselineKey, int> counts_;
};

}  // namespace postcheck

#endif  // POSTCHECK_BASELINE_H_
