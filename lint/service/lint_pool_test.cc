// Tests of the serve lint pool: results, workers, errors.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "lint_pool.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace postcheck {

TEST_CASE("Run returns the work's result, run on a worker thread") {
  LintPool pool(2);
  CHECK(pool.size() == 2);
  const std::thread::id caller = std::this_thread::get_id();
  std::thread::id ran_on;
  CHECK(pool.Run([&] {
    ran_on = std::this_thread::get_id();
    return std::string("findings");
  }) == "findings");
  CHECK(ran_on != caller);
}

TEST_CASE("0 workers means one a core, at least one") {
  LintPool pool(0);
  CHECK(pool.size() >= 1);
  CHECK(pool.size() == std::max(1u, std::thread::hardware_concurrency()));
}

TEST_CASE("many callers share the workers, and each gets its own answer") {
  LintPool pool(2);
  std::mutex ids_mutex;
  std::set<std::thread::id> workers;
  std::atomic<int> wrong{0};
  std::vector<std::thread> callers;
  for (int c = 0; c < 16; ++c) {
    callers.emplace_back([&, c] {
      for (int i = 0; i < 50; ++i) {
        const std::string want = std::to_string(c) + ":" + std::to_string(i);
        std::string got = pool.Run([&] {
          std::lock_guard<std::mutex> lock(ids_mutex);
          workers.insert(std::this_thread::get_id());
          return want;
        });
        if (got != want) ++wrong;
      }
    });
  }
  for (std::thread& t : callers) t.join();
  CHECK(wrong == 0);
  CHECK(workers.size() <= 2);  // never more threads lint than the pool has
}

TEST_CASE("an exception thrown by the work reaches the caller, and the pool goes on") {
  LintPool pool(1);
  CHECK_THROWS_AS(pool.Run([]() -> std::string { throw std::runtime_error("bad draft"); }), std::runtime_error);
  CHECK(pool.Run([] { return std::string("next"); }) == "next");
}

TEST_CASE("a pool with no work is made and destroyed cleanly") {
  for (int i = 0; i < 20; ++i) {
    LintPool pool(3);
    CHECK(pool.size() == 3);
  }
}

}  // namespace postcheck
