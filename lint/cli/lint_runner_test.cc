// Unit tests for lint_runner: how many threads a run uses (-j), that reports
// come back in input order whatever the threads do, and that a thread which
// cannot be started is an error, not an abort.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "cli/lint_runner.h"

namespace postcheck {
namespace {

// A source of `n` posts of JSON Lines on an in-memory stream.
struct Posts {
  explicit Posts(int n) {
    for (int i = 1; i <= n; ++i) text << "{\"id\":\"p" << i << "\",\"text\":\"post " << i << "\"}\n";
    PostSourceOptions options;
    options.format = InputFormat::kJsonl;
    source = std::make_unique<PostSource>(std::vector<std::string>{"-"}, text, options);
  }
  std::stringstream text;
  std::unique_ptr<PostSource> source;
};

// Counts the posts it lints, so a test can see that none was linted.
PostLinter Counting(std::atomic<int>* linted) {
  return [linted](const Post&, FileReport*) { ++*linted; };
}

TEST_CASE("JobCount: -j defaults to the cores, bounded by the posts and kMaxJobs") {
  CHECK(JobCount(0, std::nullopt, 8) == 8);            // default: one per core
  CHECK(JobCount(0, std::nullopt, 0) == 1);            // cores unknown: one
  CHECK(JobCount(0, size_t{3}, 8) == 3);               // three files: three threads
  CHECK(JobCount(0, size_t{0}, 8) == 1);               // no file (stdin): one
  CHECK(JobCount(2, size_t{10}, 8) == 2);              // as asked
  CHECK(JobCount(100000, size_t{500000}, 8) == kMaxJobs);  // -j 100000
  CHECK(JobCount(100000, std::nullopt, 8) == kMaxJobs);
  CHECK(JobCount(100000, size_t{5}, 8) == 5);
  CHECK(JobCount(0, std::nullopt, 1000) == kMaxJobs);  // a very large machine
}

TEST_CASE("LintPosts: reports in input order on several threads") {
  for (unsigned jobs : {1u, 2u, 7u}) {
    Posts posts(50);
    std::vector<std::string> ids;
    std::string error;
    bool ok = LintPosts(*posts.source, jobs, [](const Post&, FileReport*) {},
                        [&](FileReport& report) { ids.push_back(report.id); }, &error);
    CHECK(ok);
    CHECK(error.empty());
    REQUIRE(ids.size() == 50);
    for (int i = 0; i < 50; ++i) {
      std::string expected = "p";  // appended, not "p" + ...: GCC 12's false -Wrestrict
      expected += std::to_string(i + 1);
      CHECK(ids[static_cast<size_t>(i)] == expected);
    }
  }
}

// Posts that take unequal times (some far longer than the rest, so runs of
// done posts form behind a slow one), and an emitter that is sometimes slow
// too: every post comes back once, in order, and no more than the window of
// four posts a thread is ever linted ahead of what was emitted.
TEST_CASE("LintPosts: in order and bounded when posts and the emitter take unequal times") {
  for (unsigned jobs : {2u, 3u, 8u}) {
    CAPTURE(jobs);
    Posts posts(400);
    std::atomic<int> started{0};
    std::atomic<int> emitted_count{0};
    std::atomic<int> most_ahead{0};
    auto lint = [&](const Post& post, FileReport*) {
      const int ahead = ++started - emitted_count.load();
      for (int m = most_ahead.load(); ahead > m && !most_ahead.compare_exchange_weak(m, ahead);) {
      }
      const int n = std::stoi(post.id.substr(1));
      if (n % 37 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(3));
      else if (n % 5 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
    };
    std::vector<std::string> ids;
    std::string error;
    bool ok = LintPosts(*posts.source, jobs, lint,
                        [&](FileReport& report) {
                          ids.push_back(report.id);
                          if (ids.size() % 50 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
                          ++emitted_count;
                        },
                        &error);
    CHECK(ok);
    REQUIRE(ids.size() == 400);
    for (int i = 0; i < 400; ++i) {
      std::string expected = "p";  // appended: GCC 12's false -Wrestrict
      expected += std::to_string(i + 1);
      CHECK(ids[static_cast<size_t>(i)] == expected);
    }
    CHECK(most_ahead.load() <= static_cast<int>(jobs) * 4);
  }
}

TEST_CASE("LintPosts: asks the starter for exactly the threads JobCount gives") {
  Posts posts(20);
  int started = 0;
  ThreadStarter counting = [&](std::function<void()> body) {
    ++started;
    return StartThread(std::move(body));
  };
  std::string error;
  int emitted = 0;
  CHECK(LintPosts(*posts.source, 100000, [](const Post&, FileReport*) {}, [&](FileReport&) { ++emitted; }, &error,
                  counting));
  CHECK(started == static_cast<int>(kMaxJobs));
  CHECK(emitted == 20);
}

TEST_CASE("LintPosts: a thread that cannot be started is an error, and nothing is emitted") {
  for (int fail_at : {1, 3}) {
    Posts posts(100);
    int started = 0;
    ThreadStarter failing = [&](std::function<void()> body) -> std::thread {
      if (++started == fail_at) {
        throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
      }
      return StartThread(std::move(body));
    };
    std::atomic<int> linted{0};
    int emitted = 0;
    std::string error;
    bool ok = LintPosts(*posts.source, 4, Counting(&linted), [&](FileReport&) { ++emitted; }, &error, failing);
    CHECK_FALSE(ok);
    CHECK(emitted == 0);
    CHECK(linted.load() <= 16);  // the threads started stopped: at most a window of posts
    CHECK(error.find("cannot start thread " + std::to_string(fail_at) + " of 4 for -j: ") == 0);
    CHECK(error.find("try a smaller -j") != std::string::npos);
    CHECK(error.find('\n') == std::string::npos);
  }
}

}  // namespace
}  // namespace postcheck
