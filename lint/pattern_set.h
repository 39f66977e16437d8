// Every RE2 pattern of every rule behind one RE2::Set prefilter: a draft is
// scanned once by the set, and a pattern's own regex runs only on drafts the
// set says it matches.
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

  // Appends every non-overlapping match of every pattern to *hits, in order
  // of pattern id, then position. Thread-safe after Compile.
  void Match(std::string_view text, std::vector<PatternHit>* hits) const;

  size_t size() const { return patterns_.size(); }

 private:
  struct Pattern {
    std::unique_ptr<RE2> re;
    int match_group = 0;  // 0: the whole match
  };
  void MatchOne(uint32_t id, std::string_view text, std::vector<PatternHit>* hits) const;

  RE2::Options options_;
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, int> ids_;  // pattern text -> id
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace postcheck

#endif  // POSTCHECK_PATTERN_SET_H_
