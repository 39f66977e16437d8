// Lints many posts with worker threads and hands the reports back strictly
// in input order, so output never depends on which thread finished first.
// At most a few posts per thread are held at once, however many there are.
#ifndef POSTCHECK_LINT_RUNNER_H_
#define POSTCHECK_LINT_RUNNER_H_

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/engine.h"
#include "reporting/formatter.h"
#include "text/post.h"
#include "cli/post_source.h"

namespace postcheck {

// Fills report->findings for one readable post (report->text is the post's
// text). Called on worker threads, so it must be safe to call concurrently.
using PostLinter = std::function<void(const Post& post, FileReport* report)>;

// The most threads a run uses, whatever -j asks: beyond it a thread only
// adds memory (each holds up to 4 posts in flight) and start-up time.
inline constexpr unsigned kMaxJobs = 256;

// How many threads lint a run: `requested` (-j; 0: `cores`, the number of
// cores, at least 1), no more than `posts` when the number of posts is known
// (one per file for --input text), and at most kMaxJobs. Always >= 1.
unsigned JobCount(unsigned requested, std::optional<size_t> posts, unsigned cores);

// Starts a thread running `body`, as std::thread's constructor does (and
// throws std::system_error, as it does, when none can be made). Tests pass
// their own to make a start fail.
using ThreadStarter = std::function<std::thread(std::function<void()> body)>;
std::thread StartThread(std::function<void()> body);

// Takes every post of `source` and lints it with `lint` on `jobs` threads
// (0: one per core), then calls `emit` once per post, in the order of the
// source, on the calling thread. A post that could not be read is emitted
// with its error set and no findings. Every thread is started before the
// first post is emitted: when one cannot be started, the ones started are
// stopped and joined, nothing is emitted, and the result is false with
// *error set to one line ("cannot start thread 3 of 8 for -j: ...").
bool LintPosts(PostSource& source, unsigned jobs, const PostLinter& lint,
               const std::function<void(FileReport&)>& emit, std::string* error,
               const ThreadStarter& start = StartThread);

// Reads and lints each of `paths` ("-" is `in`, reported as `stdin_name`)
// as one post each with engine.Lint: LintPosts over a text PostSource.
bool LintInputs(const Engine& engine, const std::vector<std::string>& paths, const std::string& stdin_name,
                std::istream& in, size_t max_bytes, unsigned jobs,
                const std::function<void(FileReport&)>& emit, std::string* error);

}  // namespace postcheck

#endif  // POSTCHECK_LINT_RUNNER_H_
