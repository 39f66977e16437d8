// postcheck_spawn: times programs run from a fresh process, for
// tests/bench/run.sh. Needs only the C++ standard library and POSIX
// (fork/exec/wait4); it does not link the postcheck library, so it measures
// any build of the command line, whatever the engine inside looks like.
//
//   postcheck_spawn run [--repeat R] [--files LIST] [--cwd DIR]
//                   [--ok 0,1] [--stdin FILE] -- PROGRAM ARGS...
//                   [--vs [--ok ...] [--stdin FILE] -- PROGRAM2 ARGS...]...
//     Runs each PROGRAM R times from a cold process (fork + exec), standard
//     output and error to /dev/null, and reports per program the median, 90th
//     percentile, mean, minimum, maximum and total wall time and the median
//     and maximum peak RSS (ru_maxrss from wait4). The runs of the programs
//     alternate (round r runs PROGRAM, then PROGRAM2, ...), so that a machine
//     getting busier or quieter during the measurement weighs on all alike.
//     With --files, LIST names one file a line: round r substitutes its
//     (r mod n)-th file for every argument "{}" (and a --stdin of "{}"), and
//     an argument "{all}" becomes every file of LIST; R defaults to n.
//     --ok lists the exit statuses that count as success (default: any exit
//     but 127); anything else, or death by a signal, stops the measurement
//     with exit status 2, naming the program, the status and the file.
//     Output: `key=value` lines, each program's keys prefixed p0_, p1_, ...
//
//   postcheck_spawn spin [--threads N] [--seconds S]
//     Busy-loops N threads for S seconds and reports how many cores they got
//     (cores_used): below N, the machine is busy with other work and thread
//     scaling figures are not trustworthy.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void Usage(const std::string& why) {
  std::cerr << "postcheck_spawn: " << why << "\n"
            << "usage: postcheck_spawn run [--repeat R] [--files LIST] [--cwd DIR] [--ok S,S] [--stdin FILE]\n"
            << "                           -- PROGRAM ARGS... [--vs [--ok S,S] [--stdin FILE] -- PROGRAM2 ARGS...]...\n"
            << "       postcheck_spawn spin [--threads N] [--seconds S]\n";
  std::exit(2);
}

double Quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  if (q == 0.5) {
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
  size_t k = static_cast<size_t>(std::ceil(q * static_cast<double>(v.size())));
  return v[std::min(v.size() - 1, k > 0 ? k - 1 : 0)];
}

// One program to run from a cold process, and what its runs measured.
struct Program {
  std::string stdin_path = "/dev/null";
  std::vector<std::string> args;
  std::set<int> ok;  // empty: any exit status but 127
  std::vector<double> wall_ms, rss_kb;
};

std::vector<std::string> ReadList(const std::string& path) {
  std::ifstream in(path);
  if (!in) Usage("cannot read " + path);
  std::vector<std::string> files;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) files.push_back(line);
  }
  if (files.empty()) Usage(path + " names no file");
  return files;
}

// Runs `p` once with `file` substituted and records its wall time and peak
// RSS. False, with a message, if it failed.
bool SpawnOnce(Program* p, const std::string& cwd, const std::string& file, const std::vector<std::string>& all) {
  std::vector<std::string> args;
  for (const std::string& a : p->args) {
    if (a == "{}") args.push_back(file);
    else if (a == "{all}") args.insert(args.end(), all.begin(), all.end());
    else args.push_back(a);
  }
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string in_path = p->stdin_path == "{}" ? file : p->stdin_path;

  auto start = Clock::now();
  pid_t pid = fork();
  if (pid < 0) {
    std::perror("postcheck_spawn: fork");
    return false;
  }
  if (pid == 0) {
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    int fd = open(in_path.c_str(), O_RDONLY);
    if (fd < 0) _exit(127);
    dup2(fd, 0);
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  if (wait4(pid, &status, 0, &ru) < 0) {
    std::perror("postcheck_spawn: wait4");
    return false;
  }
  p->wall_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  p->rss_kb.push_back(static_cast<double>(ru.ru_maxrss));
  const std::string where = file.empty() ? "" : " on " + file;
  if (WIFSIGNALED(status)) {
    std::cerr << "postcheck_spawn: " << args[0] << " killed by signal " << WTERMSIG(status) << where << "\n";
    return false;
  }
  int code = WEXITSTATUS(status);
  if (code == 127 || (!p->ok.empty() && !p->ok.count(code))) {
    std::cerr << "postcheck_spawn: " << args[0] << " exited " << code << where
              << (code == 127 ? " (not found, or could not start)" : "") << "\n";
    return false;
  }
  return true;
}

void Print(const Program& p, const std::string& prefix) {
  const auto& w = p.wall_ms;
  const char* k = prefix.c_str();
  double total = std::accumulate(w.begin(), w.end(), 0.0);
  std::printf("%sruns=%zu\n", k, w.size());
  std::printf("%swall_ms_median=%.2f\n%swall_ms_p90=%.2f\n%swall_ms_mean=%.2f\n", k, Quantile(w, 0.5), k,
              Quantile(w, 0.9), k, total / static_cast<double>(w.size()));
  std::printf("%swall_ms_min=%.2f\n%swall_ms_max=%.2f\n%swall_ms_total=%.1f\n", k,
              *std::min_element(w.begin(), w.end()), k, *std::max_element(w.begin(), w.end()), k, total);
  std::printf("%speak_rss_kb_median=%.0f\n%speak_rss_kb_max=%.0f\n", k, Quantile(p.rss_kb, 0.5), k,
              *std::max_element(p.rss_kb.begin(), p.rss_kb.end()));
}

int RunPrograms(int argc, char** argv) {
  int repeat = 0;
  std::string list_path, cwd;
  std::vector<Program> programs(1);
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      for (++i; i < argc && std::string(argv[i]) != "--vs"; ++i) programs.back().args.push_back(argv[i]);
      if (programs.back().args.empty()) Usage("a PROGRAM must follow --");
      if (i < argc) programs.emplace_back();  // "--vs": another program follows
      continue;
    }
    if (i + 1 >= argc) Usage(a + " needs a value");
    std::string v = argv[++i];
    if (a == "--repeat" && programs.size() == 1) repeat = std::max(1, std::atoi(v.c_str()));
    else if (a == "--files" && programs.size() == 1) list_path = v;
    else if (a == "--cwd" && programs.size() == 1) cwd = v;
    else if (a == "--stdin") programs.back().stdin_path = v;
    else if (a == "--ok") {
      std::stringstream ss(v);
      for (std::string s; std::getline(ss, s, ',');) programs.back().ok.insert(std::atoi(s.c_str()));
    } else Usage("unknown argument " + a);
  }
  if (programs.back().args.empty()) Usage("run needs -- PROGRAM");
  std::vector<std::string> files;
  if (!list_path.empty()) files = ReadList(list_path);
  if (repeat == 0) repeat = files.empty() ? 10 : static_cast<int>(files.size());
  for (int r = 0; r < repeat; ++r) {
    const std::string file = files.empty() ? "" : files[static_cast<size_t>(r) % files.size()];
    for (Program& p : programs) {
      if (!SpawnOnce(&p, cwd, file, files)) return 2;
    }
  }
  std::printf("programs=%zu\nrounds=%d\nfiles=%zu\n", programs.size(), repeat, files.size());
  for (size_t k = 0; k < programs.size(); ++k) {
    char prefix[32];
    std::snprintf(prefix, sizeof prefix, "p%zu_", k);
    Print(programs[k], prefix);
  }
  return 0;
}

double CpuSeconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

int RunSpin(int argc, char** argv) {
  int threads = 2;
  double seconds = 1;
  for (int i = 2; i < argc; i += 2) {
    std::string a = argv[i];
    if (i + 1 >= argc) Usage(a + " needs a value");
    if (a == "--threads") threads = std::max(1, std::atoi(argv[i + 1]));
    else if (a == "--seconds") seconds = std::atof(argv[i + 1]);
    else Usage("unknown argument " + a);
  }
  const double cpu_start = CpuSeconds();
  const auto start = Clock::now();
  auto spin = [&] {
    volatile unsigned long x = 0;
    while (std::chrono::duration<double>(Clock::now() - start).count() < seconds) {
      for (int k = 0; k < 10000; ++k) x = x + static_cast<unsigned long>(k);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(spin);
  for (auto& t : pool) t.join();
  double wall = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("threads=%d\ncores_used=%.2f\n", threads, (CpuSeconds() - cpu_start) / wall);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) Usage("no mode given");
  std::string mode = argv[1];
  if (mode == "run") return RunPrograms(argc, argv);
  if (mode == "spin") return RunSpin(argc, argv);
  Usage("unknown mode " + mode);
}
