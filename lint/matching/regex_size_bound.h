// An upper bound on the size of the program RE2 compiles a pattern to, read
// from the pattern's text alone.
//
// Compiling a pattern costs tens of microseconds; a cold start compiles about
// two hundred. PatternSet needs the size only to decide whether a pattern is
// small enough to share the prefilter set, so it compiles a pattern up front
// only when this bound is over its limit, and every other pattern on first use.
//
// Contract: for every pattern RE2 accepts (UTF-8, Perl classes, non-POSIX
// syntax, the options PatternSet uses), RE2::ProgramSize() <= RegexSizeBound().
// Constructs the bound does not model (Unicode classes \p and \P, octal
// escapes, look-around and other syntax RE2 rejects) give kUnknownRegexSize.
// The bound says nothing about validity: RE2 still parses the pattern.
#ifndef POSTCHECK_REGEX_SIZE_BOUND_H_
#define POSTCHECK_REGEX_SIZE_BOUND_H_

#include <cstddef>
#include <string_view>

namespace postcheck {

inline constexpr size_t kUnknownRegexSize = static_cast<size_t>(-1);

size_t RegexSizeBound(std::string_view pattern);

}  // namespace postcheck

#endif  // POSTCHECK_REGEX_SIZE_BOUND_H_
