// postcheck_bench: the WARM measurements of tests/bench/run.sh: one Engine
// built once, then the same drafts linted pass after pass in one process.
// These figures are what a long-running linter reaches once its caches hold
// the text; they are not first-sight speed (postcheck_spawn and the command
// line measure that). Needs the postcheck library and the C++ standard
// library (std::chrono, std::thread).
//
//   postcheck_bench lint --rules DIR [--rules DIR ...] --corpus FILE
//                        [--threads N] [--passes P] [--repeat R]
//                        [--max-seconds S] [--disable-pack ID] [--disable PACK.RULE]
//                        [--platform NAME]
//                        [--one-draft] [--engine-per-thread]
//     Loads the packs once, builds one Engine, then lints every draft of
//     FILE (drafts separated by the byte 0x1E) P times per measurement with N
//     std::thread workers sharing the Engine. Repeats the measurement R times
//     and reports the median. Before timing, the first ~256 KB of drafts are
//     linted once untimed (code paged in, spelling cache primed with the
//     commonest words), as a long-running linter would be. --max-seconds
//     caps the whole measurement: workers stop taking drafts when it is spent
//     and the figures cover what was linted (complete=0). --one-draft lints
//     the whole corpus as one long draft (paragraphs apart).
//
// Output is `key=value` lines so that run.sh can pick figures out with awk.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "engine/engine.h"
#include "rules/rule_loader.h"

namespace {

using Clock = std::chrono::steady_clock;

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

[[noreturn]] void Usage(const std::string& why) {
  std::cerr << "postcheck_bench: " << why << "\n"
            << "usage: postcheck_bench lint --rules DIR... --corpus FILE [--threads N] [--passes P] [--repeat R]\n"
            << "                            [--max-seconds S] [--disable-pack ID] [--disable PACK.RULE]\n"
            << "                            [--platform NAME] [--one-draft]\n"
            << "                            [--engine-per-thread]\n";
  std::exit(2);
}

// User + system CPU seconds of this process so far.
double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

std::vector<std::string_view> SplitDrafts(const std::string& corpus) {
  std::vector<std::string_view> drafts;
  size_t start = 0;
  while (start < corpus.size()) {
    size_t end = corpus.find('\x1e', start);
    if (end == std::string::npos) end = corpus.size();
    std::string_view d(corpus.data() + start, end - start);
    while (!d.empty() && (d.front() == '\n')) d.remove_prefix(1);
    if (!d.empty()) drafts.push_back(d);
    start = end + 1;
  }
  return drafts;
}

int RunLint(int argc, char** argv) {
  std::vector<std::string> rule_dirs;
  std::string corpus_path;
  std::vector<std::string> disabled_packs, disabled_rules;
  std::string platform;
  int threads = 1, passes = 1, repeat = 1;
  double max_seconds = 0;
  bool one_draft = false, engine_per_thread = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(a + " needs a value");
      return argv[++i];
    };
    if (a == "--rules") rule_dirs.push_back(value());
    else if (a == "--corpus") corpus_path = value();
    else if (a == "--threads") threads = std::max(1, std::atoi(value().c_str()));
    else if (a == "--passes") passes = std::max(1, std::atoi(value().c_str()));
    else if (a == "--repeat") repeat = std::max(1, std::atoi(value().c_str()));
    else if (a == "--max-seconds") max_seconds = std::atof(value().c_str());
    else if (a == "--disable-pack") disabled_packs.push_back(value());
    else if (a == "--disable") disabled_rules.push_back(value());
    else if (a == "--platform") platform = value();
    else if (a == "--one-draft") one_draft = true;
    else if (a == "--engine-per-thread") engine_per_thread = true;
    else Usage("unknown argument " + a);
  }
  if (rule_dirs.empty() || corpus_path.empty()) Usage("lint needs --rules and --corpus");

  // Load and compile the rules once (once per thread with --engine-per-thread,
  // a diagnostic: does sharing one Engine cost scaling?).
  size_t pack_count = 0;
  auto make_engine = [&]() -> std::unique_ptr<postcheck::Engine> {
    std::vector<postcheck::Pack> packs;
    std::vector<postcheck::LoadError> errors;
    for (const std::string& d : rule_dirs) {
      if (std::filesystem::is_directory(d)) {
        postcheck::LoadPackDir(d, &packs, &errors);
      } else {
        postcheck::LoadPackFile(d, &packs, &errors);
      }
    }
    if (errors.empty()) postcheck::CheckPacks(packs, &errors);
    pack_count = packs.size();
    std::unique_ptr<postcheck::Engine> engine;
    postcheck::EngineOptions options;
    options.disabled_packs = disabled_packs;
    options.disabled_rules = disabled_rules;
    options.platform = platform;
    if (errors.empty()) engine = postcheck::Engine::Create(std::move(packs), options, &errors);
    for (const auto& e : errors) std::cerr << "postcheck_bench: " << e.ToString() << "\n";
    return engine;
  };
  auto t0 = Clock::now();
  std::vector<std::unique_ptr<postcheck::Engine>> engines;
  engines.push_back(make_engine());
  if (!engines[0]) return 2;
  double load_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  for (int t = 1; engine_per_thread && t < threads; ++t) engines.push_back(make_engine());
  const postcheck::Engine* engine = engines[0].get();
  size_t rules = 0, reported = 0, spelling = 0;
  for (const postcheck::Rule* r : engine->rules()) {
    ++rules;
    if (r->report) ++reported;
    if (r->spelling && engine->IsEnabled(*r)) ++spelling;
  }

  std::ifstream in(corpus_path, std::ios::binary);
  if (!in) Usage("cannot read " + corpus_path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string corpus = buffer.str();
  if (one_draft) {  // the whole corpus as one long draft, paragraphs apart
    std::replace(corpus.begin(), corpus.end(), '\x1e', '\n');
  }
  std::vector<std::string_view> drafts = SplitDrafts(corpus);
  size_t bytes = 0;
  for (auto d : drafts) bytes += d.size();
  if (drafts.empty()) Usage("no drafts in " + corpus_path);

  // Untimed warm-up.
  size_t warm_bytes = 0;
  for (size_t i = 0; i < drafts.size() && warm_bytes < 256 * 1024; ++i) {
    warm_bytes += drafts[i].size();
    for (const auto& e : engines) (void)e->Lint(drafts[i]);
  }

  // Each measurement lints every draft `passes` times; with --max-seconds the
  // workers stop taking drafts once the budget (for all repeats together) is
  // spent, and the figures are for what was linted (complete=0).
  std::vector<double> seconds, mbs;
  size_t findings_per_run = 0;
  bool complete = true;
  const auto budget_start = Clock::now();
  const double cpu_start = CpuSeconds();
  auto spent = [&] { return std::chrono::duration<double>(Clock::now() - budget_start).count(); };
  for (int r = 0; r < repeat; ++r) {
    if (r > 0 && max_seconds > 0 && spent() * (r + 1) / r > max_seconds) break;
    std::atomic<size_t> next{0};
    std::atomic<size_t> findings{0}, linted{0};
    std::atomic<bool> stop{false};
    const size_t total = drafts.size() * static_cast<size_t>(passes);
    const size_t batch = one_draft ? 1 : 16;  // small batches keep the counter off the hot path
    auto worker = [&](const postcheck::Engine* engine) {
      size_t mine = 0, mine_bytes = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        size_t begin = next.fetch_add(batch, std::memory_order_relaxed);
        if (begin >= total) break;
        size_t end = std::min(total, begin + batch);
        for (size_t k = begin; k < end; ++k) {
          std::string_view d = drafts[k % drafts.size()];
          mine += engine->Lint(d).size();
          mine_bytes += d.size();
        }
        if (max_seconds > 0 && spent() > max_seconds) stop = true;
      }
      findings.fetch_add(mine);
      linted.fetch_add(mine_bytes);
    };
    auto start = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker, engines[engines.size() > 1 ? t : 0].get());
    worker(engine);
    for (auto& t : pool) t.join();
    double sec = std::chrono::duration<double>(Clock::now() - start).count();
    double done_mb = static_cast<double>(linted.load()) / 1e6;
    complete = !stop.load();
    seconds.push_back(sec);
    mbs.push_back(done_mb / sec);
    findings_per_run = findings.load();
    if (!complete) {
      // A cut-short run only counts if it is the only one.
      if (seconds.size() > 1) {
        seconds.pop_back();
        mbs.pop_back();
        complete = true;
      }
      break;
    }
  }
  // Cores actually used while timing: well under --threads means the machine
  // was busy with other work (or the workers waited on each other).
  double cpu_used = (CpuSeconds() - cpu_start) / spent();
  double mb_per_s = Median(mbs);
  double mb = static_cast<double>(bytes) * passes / 1e6;
  double s = complete ? Median(seconds) : mb / mb_per_s;  // estimated when cut short
  std::printf("packs=%zu\nrules=%zu\nreported_rules=%zu\nspelling_rules=%zu\n", pack_count, rules, reported,
              spelling);
  std::printf("load_seconds=%.4f\n", load_seconds);
  std::printf("drafts=%zu\nbytes=%zu\npasses=%d\nthreads=%d\nrepeat=%zu\n", drafts.size(), bytes, passes,
              threads, seconds.size());
  // What the last run linted (all of it unless cut short).
  double last_mb = complete ? mb : seconds.back() * mbs.back();
  std::printf("complete=%d\nlinted_mb=%.2f\n", complete ? 1 : 0, last_mb);
  std::printf("findings=%zu\nfindings_per_kb=%.3f\n", findings_per_run,
              static_cast<double>(findings_per_run) / (last_mb * 1000));
  std::printf("seconds=%.4f\nmb_per_s=%.3f\nseconds_per_mb=%.5f\n", s, mb_per_s, 1 / mb_per_s);
  std::printf("cores_used=%.2f\n", cpu_used);
  std::printf("peak_rss_kb=%ld\n", PeakRssKb());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) Usage("no mode given");
  std::string mode = argv[1];
  if (mode == "lint") return RunLint(argc, argv);
  Usage("unknown mode " + mode);
}
