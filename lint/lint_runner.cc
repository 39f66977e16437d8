#include "lint_runner.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "input.h"

namespace postcheck {
namespace {

struct Slot {
  std::string text;
  FileReport report;
  bool done = false;
};

void LintOne(const Engine& engine, const std::string& path, const std::string& name, std::istream& in,
             size_t max_bytes, Slot* slot) {
  slot->report.path = name;
  if (ReadDraft(path, name, in, max_bytes, &slot->text, &slot->report.error)) {
    slot->report.text = slot->text;
    slot->report.findings = engine.Lint(slot->text);
  }
}

}  // namespace

void LintInputs(const Engine& engine, const std::vector<std::string>& paths, const std::string& stdin_name,
                std::istream& in, size_t max_bytes, unsigned jobs,
                const std::function<void(FileReport&)>& emit) {
  auto name_of = [&](const std::string& p) { return p == "-" ? stdin_name : p; };
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, paths.size()));
  if (jobs <= 1) {
    for (const std::string& p : paths) {
      Slot slot;
      LintOne(engine, p, name_of(p), in, max_bytes, &slot);
      emit(slot.report);
    }
    return;
  }
  // Workers take inputs in order; the caller emits each as soon as it and
  // every input before it are done. At most `window` inputs are held at once.
  const size_t window = static_cast<size_t>(jobs) * 4;
  std::vector<Slot> slots(paths.size());
  std::mutex mutex;
  std::condition_variable changed;
  size_t next = 0, emitted = 0;
  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return next >= paths.size() || next < emitted + window; });
        if (next >= paths.size()) return;
        i = next++;
      }
      LintOne(engine, paths[i], name_of(paths[i]), in, max_bytes, &slots[i]);
      {
        std::lock_guard<std::mutex> lock(mutex);
        slots[i].done = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (size_t i = 0; i < paths.size(); ++i) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return slots[i].done; });
    }
    emit(slots[i].report);
    slots[i] = Slot();  // free the text
    {
      std::lock_guard<std::mutex> lock(mutex);
      emitted = i + 1;
    }
    changed.notify_all();
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace postcheck
