// Every RE2 pattern of every rule behind an RE2::Set prefilter: a draft is
// scanned once by the set, and a pattern's own regex runs only on drafts the
// set says it matches, and only when the caller asks where it matched.
//
// A pattern whose program is large (long alternations under counted gaps such
// as "[^\n]{1,50}") gets a set of its own: in the shared set its states would
// multiply with everyone else's and the DFA would spend its time rebuilding
// its cache instead of matching.
//
// A pattern may mark the part of its match that a finding covers with a group
// named `match`, e.g. "DOB:? (?P<match>\d\d/\d\d/\d{4})".
#ifndef POSTCHECK_PATTERN_SET_H_
#define POSTCHECK_PATTERN_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
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
  PatternSet();
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;

  // Adds `pattern` and returns its id, or -1 with *error set when it is not
  // valid RE2, is empty, or matches the empty string. Adding a pattern already
  // added returns the same id: it is compiled and matched once.
  int Add(std::string_view pattern, std::string* error);

  // Builds the prefilter. Call once, after every Add. Returns false with
  // *error set on failure.
  bool Compile(std::string* error);

  // Sets *ids to the ids of the patterns that match somewhere in `text`, in
  // increasing order. One pass of each set's DFA. Thread-safe after Compile.
  void Candidates(std::string_view text, std::vector<uint32_t>* ids) const;

  // Appends every non-overlapping match of pattern `id` in `text` to *hits,
  // in order of position. Thread-safe after Compile.
  void Find(uint32_t id, std::string_view text, std::vector<PatternHit>* hits) const;

  // Candidates then Find for each of them: every match of every pattern, in
  // order of pattern id, then position. Thread-safe after Compile.
  void Match(std::string_view text, std::vector<PatternHit>* hits) const;

  // How many RE2::Sets the patterns were split into (after Compile).
  size_t set_count() const { return sets_.size(); }

  // A pattern whose RE2 program has more instructions than this gets a set of
  // its own.
  static constexpr int kOwnSetProgramSize = 1000;

  size_t size() const { return patterns_.size(); }

 private:
  struct Pattern {
    std::unique_ptr<RE2> re;
    int match_group = 0;  // 0: the whole match
  };
  struct Set {
    std::unique_ptr<RE2::Set> set;
    std::vector<uint32_t> ids;  // pattern id of each of the set's entries
  };

  RE2::Options options_;
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, int> ids_;  // pattern text -> id
  std::vector<Set> sets_;
};

}  // namespace postcheck

#endif  // POSTCHECK_PATTERN_SET_H_
