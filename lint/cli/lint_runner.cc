#include "cli/lint_runner.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>

namespace postcheck {
namespace {

struct Slot {
  Post post;
  FileReport report;
  bool done = false;
};

void LintOne(const PostLinter& lint, Slot* slot) {
  const Post& post = slot->post;
  FileReport& report = slot->report;
  report.path = post.path;
  report.record = post.record;
  report.id = post.id;
  report.date = post.date;
  report.error = post.error;
  if (report.error.empty()) {
    report.text = post.text;
    lint(post, &report);
  }
}

}  // namespace

unsigned JobCount(unsigned requested, std::optional<size_t> posts, unsigned cores) {
  size_t jobs = requested != 0 ? requested : std::max(1u, cores);
  if (posts) jobs = std::min(jobs, std::max<size_t>(1, *posts));
  return static_cast<unsigned>(std::min<size_t>(jobs, kMaxJobs));
}

std::thread StartThread(std::function<void()> body) { return std::thread(std::move(body)); }

bool LintPosts(PostSource& source, unsigned jobs, const PostLinter& lint,
               const std::function<void(FileReport&)>& emit, std::string* error, const ThreadStarter& start) {
  jobs = JobCount(jobs, std::nullopt, std::thread::hardware_concurrency());
  if (jobs <= 1) {
    for (;;) {
      Slot slot;
      if (!source.Next(&slot.post)) return true;
      LintOne(lint, &slot);
      emit(slot.report);
    }
  }
  // Workers take posts in order into a ring of `window` slots; the caller
  // emits the done posts in order, a run at a time. A worker wakes the
  // caller only when the posts done in order from the next to emit make a
  // run of half the window, or reach every post taken (so the last posts,
  // and posts from a slow source, are emitted at once); the caller wakes
  // the workers only when it has freed slots. With small posts, waking
  // every thread for every post had them switching in and out more often
  // than they linted (64,540 context switches for 35,951 posts at -j 2 on
  // two cores).
  const size_t window = static_cast<size_t>(jobs) * 4;
  const size_t batch = window / 2;
  std::vector<Slot> slots(window);
  std::mutex mutex;
  std::condition_variable ready;  // the caller waits for posts to emit
  std::condition_variable space;  // workers wait for a free slot
  size_t taken = 0, emitted = 0;
  bool exhausted = false;
  // Whether the caller has a run of posts to emit worth waking it for
  // (under `mutex`).
  auto worth_emitting = [&] {
    size_t end = emitted;
    while (end < taken && end < emitted + batch && slots[end % window].done) ++end;
    return end == emitted + batch || (end == taken && end > emitted);
  };
  auto worker = [&] {
    for (;;) {
      Slot* slot;
      size_t index;
      {
        std::unique_lock<std::mutex> lock(mutex);
        space.wait(lock, [&] { return exhausted || taken < emitted + window; });
        if (exhausted) return;
        index = taken;
        slot = &slots[index % window];
        if (!source.Next(&slot->post)) {
          exhausted = true;
          lock.unlock();
          ready.notify_all();
          space.notify_all();
          return;
        }
        ++taken;
      }
      LintOne(lint, slot);
      bool wake;
      {
        std::lock_guard<std::mutex> lock(mutex);
        slot->done = true;
        wake = index < emitted + batch && worth_emitting();
      }
      if (wake) ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) {
    try {
      threads.push_back(start(worker));
    } catch (const std::system_error& e) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        exhausted = true;  // the started threads stop before their next post
      }
      space.notify_all();
      for (std::thread& started : threads) started.join();
      *error = "cannot start thread " + std::to_string(t + 1) + " of " + std::to_string(jobs) +
               " for -j: " + e.what() + " (try a smaller -j)";
      return false;
    }
  }
  for (;;) {
    size_t first, end;  // the run of done posts [first, end) to emit
    {
      std::unique_lock<std::mutex> lock(mutex);
      first = emitted;
      ready.wait(lock, [&] { return slots[first % window].done || (exhausted && first >= taken); });
      if (!slots[first % window].done) break;
      end = first + 1;
      while (end < taken && slots[end % window].done) ++end;
    }
    for (size_t i = first; i < end; ++i) {
      Slot& slot = slots[i % window];
      emit(slot.report);
      slot.post = Post();  // free the text; `done` is the workers' to read until `emitted` moves
      slot.report = FileReport();
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      for (size_t i = first; i < end; ++i) slots[i % window].done = false;
      emitted = end;
    }
    space.notify_all();
  }
  for (std::thread& t : threads) t.join();
  return true;
}

bool LintInputs(const Engine& engine, const std::vector<std::string>& paths, const std::string& stdin_name,
                std::istream& in, size_t max_bytes, unsigned jobs,
                const std::function<void(FileReport&)>& emit, std::string* error) {
  PostSourceOptions options;
  options.max_bytes = max_bytes;
  options.stdin_name = stdin_name;
  PostSource source(paths, in, options);
  return LintPosts(source, jobs,
                   [&](const Post&, FileReport* report) { report->findings = engine.Lint(report->text); }, emit,
                   error);
}

}  // namespace postcheck
