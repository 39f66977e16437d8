// Lints many posts with worker threads and hands the reports back strictly
// in input order, so output never depends on which thread finished first.
// At most a few posts per thread are held at once, however many there are.
#ifndef POSTCHECK_LINT_RUNNER_H_
#define POSTCHECK_LINT_RUNNER_H_

#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "engine.h"
#include "formatter.h"
#include "post.h"
#include "post_source.h"

namespace postcheck {

// Fills report->findings for one readable post (report->text is the post's
// text). Called on worker threads, so it must be safe to call concurrently.
using PostLinter = std::function<void(const Post& post, FileReport* report)>;

// Takes every post of `source` and lints it with `lint` on up to `jobs`
// threads (0: one per core), then calls `emit` once per post, in the order of
// the source, on the calling thread. A post that could not be read is
// emitted with its error set and no findings.
void LintPosts(PostSource& source, unsigned jobs, const PostLinter& lint,
               const std::function<void(FileReport&)>& emit);

// Reads and lints each of `paths` ("-" is `in`, reported as `stdin_name`)
// as one post each with engine.Lint: LintPosts over a text PostSource.
void LintInputs(const Engine& engine, const std::vector<std::string>& paths, const std::string& stdin_name,
                std::istream& in, size_t max_bytes, unsigned jobs,
                const std::function<void(FileReport&)>& emit);

}  // namespace postcheck

#endif  // POSTCHECK_LINT_RUNNER_H_
