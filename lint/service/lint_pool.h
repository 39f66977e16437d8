// A fixed set of threads that run the lints of `postcheck serve`, so that
// the per-thread state of linting (Vectorscan scratch, reused buffers)
// exists once per worker, not once per connection: memory stays bounded
// by the number of workers (the number of cores by default), however many
// connections are open, and no more lints compete for the cores than there
// are cores.
//
// Promises: Run returns what `work` returned (or rethrows what it threw),
// after running it on one of the workers; work is started in order of
// submission. Every Run must have returned before the pool is destroyed
// (the server joins its connections first); the destructor joins the
// workers. Thread-safe.
#ifndef POSTCHECK_SERVICE_LINT_POOL_H_
#define POSTCHECK_SERVICE_LINT_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace postcheck {

class LintPool {
 public:
  // `workers` threads; 0 means the number of cores (at least 1). Throws
  // std::system_error when a thread cannot be started.
  explicit LintPool(size_t workers = 0);
  ~LintPool();
  LintPool(const LintPool&) = delete;
  LintPool& operator=(const LintPool&) = delete;

  // Runs `work` on a worker and returns its result; the calling thread waits.
  std::string Run(const std::function<std::string()>& work);

  size_t size() const { return threads_.size(); }

 private:
  struct Job;
  void Work();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job*> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace postcheck

#endif  // POSTCHECK_SERVICE_LINT_POOL_H_
