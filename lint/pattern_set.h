// Every RE2 pattern of every rule behind an RE2::Set prefilter: a draft is
// scanned once by the set, and a pattern's own regex runs only on drafts the
// set says it matches, and only when the caller asks where it matched.
//
// A pattern whose program is large (long alternations under counted gaps such
// as "[^\n]{1,50}") gets a set of its own: in the shared set its states would
// multiply with everyone else's and the DFA would spend its time rebuilding
// its cache instead of matching.
//
// A pattern's own RE2 is compiled the first time Find needs it: a cold start
// that lints one short draft compiles the few patterns its draft touches, not
// all of them. Only patterns that may be large (RegexSizeBound) are compiled
// when added, to learn which set they belong in.
//
// A pattern may mark the part of its match that a finding covers with a group
// named `match`, e.g. "DOB:? (?P<match>\d\d/\d\d/\d{4})".
#ifndef POSTCHECK_PATTERN_SET_H_
#define POSTCHECK_PATTERN_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace postcheck {

struct PatternHit {
  uint32_t pattern;  // id returned by Add
  uint32_t begin;    // byte span in the text
  uint32_t end;
};

class PatternSet {
 public:
  // `max_mem`: RE2's memory budget for each regex and set (tests make it
  // small to see a set fail).
  explicit PatternSet(int64_t max_mem = int64_t{64} << 20);
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;

  // Adds `pattern` and returns its id, or -1 with *error set when it is
  // empty or not valid RE2. Adding a pattern already added returns the same
  // id: it is compiled and matched once.
  int Add(std::string_view pattern, std::string* error);

  struct CompileError {
    int pattern;          // the pattern's id, or -1 when none can be named
    std::string message;  // e.g. "pattern matches the empty string"
  };

  // Builds the prefilter, then rejects every pattern that can match the
  // empty string (only the patterns the prefilter reports on a few short
  // probe texts are compiled to check). Call once, after every Add. Returns
  // false with the problems appended to *errors. A set that does not fit in
  // memory is reported against its largest pattern, so that the error can
  // name a file and rule.
  bool Compile(std::vector<CompileError>* errors);

  // Sets *ids to the ids of the patterns that match somewhere in `text`, in
  // increasing order. One pass of each set's DFA. Thread-safe after Compile.
  void Candidates(std::string_view text, std::vector<uint32_t>* ids) const;

  // Appends every non-overlapping match of pattern `id` in `text` to *hits,
  // in order of position. Thread-safe after Compile.
  void Find(uint32_t id, std::string_view text, std::vector<PatternHit>* hits) const;

  // How many RE2::Sets the patterns were split into (after Compile).
  size_t set_count() const { return sets_.size(); }

  // A pattern whose RE2 program has more instructions than this gets a set of
  // its own.
  static constexpr size_t kOwnSetProgramSize = 1000;

  size_t size() const { return patterns_.size(); }

 private:
  struct Pattern {
    std::string text;
    mutable std::once_flag compiled;
    mutable std::unique_ptr<RE2> re;  // set when added if it may be large, else on first use
    mutable int match_group = 0;      // 0: the whole match
  };
  struct Set {
    std::unique_ptr<RE2::Set> set;
    std::vector<uint32_t> ids;  // pattern id of each of the set's entries
  };

  // The pattern's RE2, compiled on first use. Cannot fail: the text parsed
  // when added, and its program is known to fit.
  const Pattern& Compiled(uint32_t id) const;
  // True if pattern `id` matches the empty string somewhere in `probe`.
  bool MatchesEmpty(uint32_t id, std::string_view probe) const;
  // The set for a pattern of `program_size` instructions (0 if not known to
  // be large): the shared set, made on first use, or a new set of its own.
  size_t SetFor(size_t program_size);

  RE2::Options options_;
  std::vector<std::unique_ptr<Pattern>> patterns_;
  std::unordered_map<std::string_view, int> ids_;  // Pattern::text -> id
  std::vector<Set> sets_;
};

}  // namespace postcheck

#endif  // POSTCHECK_PATTERN_SET_H_
