// A load generator for `postcheck serve`: N client threads on loopback, each
// with one keep-alive connection (cpp-httplib's client), send a fixed number
// of requests drawn in turn from a list of cases, and check every answer's
// status and body against the case's expected ones, byte for byte.
//
// Usage: serve_load CASES.json PORT [THREADS=32] [REQUESTS=20000] [DEADLINE_S=300]
// CASES.json: [{"method","path","content_type","body","status","expect"}...]
// Prints requests/s and latency percentiles; exits 1 on any wrong answer or
// failed request, or when the run passes its deadline (then stops early).
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Case {
  std::string method, path, content_type, body, expect;
  int status = 0;
};

std::vector<Case> ReadCases(const char* path) {
  std::ifstream in(path, std::ios::binary);
  nlohmann::json doc = nlohmann::json::parse(in);
  std::vector<Case> cases;
  for (const auto& c : doc) {
    cases.push_back({c.at("method"), c.at("path"), c.at("content_type"), c.at("body"), c.at("expect"),
                     c.at("status").get<int>()});
  }
  return cases;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: serve_load CASES.json PORT [THREADS] [REQUESTS] [DEADLINE_S]\n");
    return 2;
  }
  const std::vector<Case> cases = ReadCases(argv[1]);
  const int port = std::atoi(argv[2]);
  const int threads = argc > 3 ? std::atoi(argv[3]) : 32;
  const long requests = argc > 4 ? std::atol(argv[4]) : 20000;
  const int deadline_s = argc > 5 ? std::atoi(argv[5]) : 300;

  std::atomic<long> next{0}, wrong{0}, failed{0};
  std::atomic<bool> out_of_time{false};
  std::mutex report_mutex;
  std::vector<std::vector<double>> latencies(static_cast<size_t>(threads));
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::seconds(deadline_s);

  auto client_thread = [&](int t) {
    httplib::Client client("127.0.0.1", port);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);  // else Nagle holds the body behind the headers for a delayed ACK
    client.set_connection_timeout(10);
    client.set_read_timeout(30);
    client.set_write_timeout(30);
    client.set_decompress(false);
    const httplib::Headers headers = {{"Accept-Encoding", "identity"}};
    auto& mine = latencies[static_cast<size_t>(t)];
    for (;;) {
      long i = next.fetch_add(1);
      if (i >= requests) return;
      if (std::chrono::steady_clock::now() > deadline) {
        out_of_time = true;
        return;
      }
      const Case& c = cases[static_cast<size_t>(i) % cases.size()];
      auto begin = std::chrono::steady_clock::now();
      httplib::Result result = c.method == "POST" ? client.Post(c.path.c_str(), headers, c.body, c.content_type.c_str())
                               : c.method == "GET" ? client.Get(c.path.c_str(), headers)
                                                   : client.Delete(c.path.c_str(), headers);
      auto end = std::chrono::steady_clock::now();
      mine.push_back(std::chrono::duration<double, std::milli>(end - begin).count());
      if (!result) {
        if (failed.fetch_add(1) < 5) {
          std::lock_guard<std::mutex> lock(report_mutex);
          std::fprintf(stderr, "request %ld (%s %s) failed: %s\n", i, c.method.c_str(), c.path.c_str(),
                       httplib::to_string(result.error()).c_str());
        }
        continue;
      }
      if (result->status != c.status || result->body != c.expect) {
        if (wrong.fetch_add(1) < 5) {
          std::lock_guard<std::mutex> lock(report_mutex);
          std::fprintf(stderr, "request %ld (%s %s): got %d %.200s, expected %d %.200s\n", i, c.method.c_str(),
                       c.path.c_str(), result->status, result->body.c_str(), c.status, c.expect.c_str());
        }
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(client_thread, t);
  for (std::thread& th : pool) th.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<size_t>(p * all.size()))]; };
  std::printf("serve_load: %zu requests from %d clients in %.2f s: %.0f requests/s; latency p50 %.2f ms, "
              "p99 %.2f ms, max %.2f ms; %ld wrong answers, %ld failed requests%s\n",
              all.size(), threads, seconds, all.size() / seconds, pct(0.50), pct(0.99), all.empty() ? 0 : all.back(),
              wrong.load(), failed.load(), out_of_time ? "; STOPPED at the deadline" : "");
  return wrong == 0 && failed == 0 && !out_of_time && static_cast<long>(all.size()) == requests ? 0 : 1;
}
