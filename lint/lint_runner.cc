#include "lint_runner.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
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

void LintPosts(PostSource& source, unsigned jobs, const PostLinter& lint,
               const std::function<void(FileReport&)>& emit) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  if (jobs <= 1) {
    for (;;) {
      Slot slot;
      if (!source.Next(&slot.post)) return;
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
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
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
}

void LintInputs(const Engine& engine, const std::vector<std::string>& paths, const std::string& stdin_name,
                std::istream& in, size_t max_bytes, unsigned jobs,
                const std::function<void(FileReport&)>& emit) {
  PostSourceOptions options;
  options.max_bytes = max_bytes;
  options.stdin_name = stdin_name;
  PostSource source(paths, in, options);
  LintPosts(source, jobs, [&](const Post&, FileReport* report) { report->findings = engine.Lint(report->text); },
            emit);
}

}  // namespace postcheck
