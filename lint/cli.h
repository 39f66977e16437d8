// The postcheck command line: parses flags with CLI11, loads the rule packs
// once, lints each input through the engine and hands the results to one
// formatter. Kept thin: matching and reporting live in the library.
#ifndef POSTCHECK_CLI_H_
#define POSTCHECK_CLI_H_

#include <iosfwd>

namespace postcheck {

// Exit codes, part of the command-line contract.
inline constexpr int kExitClean = 0;    // nothing reached --fail-on
inline constexpr int kExitFindings = 1; // a finding reached --fail-on (or a rule example failed)
inline constexpr int kExitError = 2;    // usage, config, rule or input error

// Runs the command line and returns the exit code. Reads standard input from
// `in` and writes reports to `out`, diagnostics to `err`.
int RunCli(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace postcheck

#endif  // POSTCHECK_CLI_H_
