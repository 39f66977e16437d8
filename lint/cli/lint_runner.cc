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
  // emits each as soon as it and every post before it are done.
  const size_t window = static_cast<size_t>(jobs) * 4;
  std::vector<Slot> slots(window);
  std::mutex mutex;
  std::condition_variable changed;
  size_t taken = 0, emitted = 0;
  bool exhausted = false;
  auto worker = [&] {
    for (;;) {
      Slot* slot;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return exhausted || taken < emitted + window; });
        if (exhausted) return;
        slot = &slots[taken % window];
        if (!source.Next(&slot->post)) {
          exhausted = true;
          changed.notify_all();
          return;
        }
        ++taken;
      }
      LintOne(lint, slot);
      {
        std::lock_guard<std::mutex> lock(mutex);
        slot->done = true;
      }
      changed.notify_all();
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
      changed.notify_all();
      for (std::thread& started : threads) started.join();
      *error = "cannot start thread " + std::to_string(t + 1) + " of " + std::to_string(jobs) +
               " for -j: " + e.what() + " (try a smaller -j)";
      return false;
    }
  }
  for (size_t i = 0;; ++i) {
    Slot& slot = slots[i % window];
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return slot.done || (exhausted && i >= taken); });
      if (!slot.done) break;
    }
    emit(slot.report);
    slot = Slot();  // free the text
    {
      std::lock_guard<std::mutex> lock(mutex);
      emitted = i + 1;
    }
    changed.notify_all();
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
