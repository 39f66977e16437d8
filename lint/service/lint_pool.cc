// See lint_pool.h.
#include "lint_pool.h"

#include <algorithm>
#include <exception>

namespace postcheck {

// One submitted piece of work, on the submitting thread's stack: Run waits
// for it to be done before returning, so it outlives its time in the queue.
struct LintPool::Job {
  const std::function<std::string()>* work;
  std::string result;
  std::exception_ptr error;
  bool done = false;
  std::condition_variable finished;
};

LintPool::LintPool(size_t workers) {
  if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
  threads_.reserve(workers);
  try {
    for (size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { Work(); });
  } catch (...) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : threads_) t.join();
    throw;
  }
}

LintPool::~LintPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

std::string LintPool::Run(const std::function<std::string()>& work) {
  Job job;
  job.work = &work;
  std::unique_lock<std::mutex> lock(mutex_);
  queue_.push_back(&job);
  ready_.notify_one();
  job.finished.wait(lock, [&] { return job.done; });
  if (job.error) std::rethrow_exception(job.error);
  return std::move(job.result);
}

void LintPool::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left to do
    Job* job = queue_.front();
    queue_.pop_front();
    lock.unlock();
    std::string result;
    std::exception_ptr error;
    try {
      result = (*job->work)();
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    job->result = std::move(result);
    job->error = error;
    job->done = true;
    job->finished.notify_one();
  }
}

}  // namespace postcheck
