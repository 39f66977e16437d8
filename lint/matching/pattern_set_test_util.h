// For tests: a compiled PatternSet over given patterns and the candidates it
// names for a text. Uses doctest's REQUIRE, so include it after doctest.
#ifndef POSTCHECK_PATTERN_SET_TEST_UTIL_H_
#define POSTCHECK_PATTERN_SET_TEST_UTIL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "matching/pattern_set.h"

namespace postcheck {

// A PatternSet over `patterns`, compiled, looking for its prefilter in
// `file`; every Add and the Compile must succeed.
inline std::unique_ptr<PatternSet> CompiledPatternSet(const std::vector<std::string>& patterns,
                                                      const std::string& file) {
  auto set = std::make_unique<PatternSet>();
  set->set_prefilter_file(file);
  std::string error;
  for (const std::string& p : patterns) REQUIRE(set->Add(p, &error) >= 0);
  std::vector<PatternSet::CompileError> errors;
  REQUIRE(set->Compile(&errors));
  return set;
}

// The candidate pattern ids the set's prefilter names for `text`.
inline std::vector<uint32_t> CandidatesOf(const PatternSet& set, std::string_view text) {
  std::vector<uint32_t> ids;
  set.Candidates(text, &ids);
  return ids;
}

}  // namespace postcheck

#endif  // POSTCHECK_PATTERN_SET_TEST_UTIL_H_
