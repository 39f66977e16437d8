// Lints many inputs with worker threads and hands the reports back strictly
// in input order, so output never depends on which thread finished first.
#ifndef POSTCHECK_LINT_RUNNER_H_
#define POSTCHECK_LINT_RUNNER_H_

#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "engine.h"
#include "formatter.h"

namespace postcheck {

// Reads and lints each of `paths` ("-" is `in`, reported as `stdin_name`)
// with up to `jobs` threads (0: one per core) and calls `emit` once per
// input, in the order of `paths`, on the calling thread. An input that
// cannot be read is emitted with its error set and no findings.
void LintInputs(const Engine& engine, const std::vector<std::string>& paths, const std::string& stdin_name,
                std::istream& in, size_t max_bytes, unsigned jobs,
                const std::function<void(FileReport&)>& emit);

}  // namespace postcheck

#endif  // POSTCHECK_LINT_RUNNER_H_
