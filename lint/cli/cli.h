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

// What RunCli does with its rule engine when it returns.
enum class EngineTeardown {
  kDestroy,        // frees it, as usual (tests, library users)
  kLeaveForExit,   // leaves it allocated and reachable, for a caller that exits
                   // straight away: freeing the engine and its dictionary takes
                   // ~10 ms that the operating system does at no cost
};

// Runs the command line and returns the exit code. Reads standard input from
// `in` and writes reports to `out`, diagnostics to `err`. Reads the spelling
// dictionary ahead (SpellChecker::Prefetch) as soon as the rule packs name it.
int RunCli(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err,
           EngineTeardown teardown = EngineTeardown::kDestroy);

}  // namespace postcheck

#endif  // POSTCHECK_CLI_H_
