// Unit tests for the bounded, shared cache (bounded_cache.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/bounded_cache.h"

namespace postcheck {
namespace {

TEST_CASE("finds what was inserted, keeps the first value for a key") {
  BoundedCache<int> cache(4);
  int v = 0;
  CHECK_FALSE(cache.Find("a", &v));
  cache.Insert("a", 1);
  cache.Insert("a", 2);
  REQUIRE(cache.Find("a", &v));
  CHECK(v == 1);
  CHECK(cache.size() == 1);
}

TEST_CASE("never holds more than max_entries: full, it is emptied first") {
  BoundedCache<std::string> cache(3);
  cache.Insert("a", "A");
  cache.Insert("b", "B");
  cache.Insert("c", "C");
  CHECK(cache.size() == 3);
  cache.Insert("c", "again");  // already there: nothing changes
  CHECK(cache.size() == 3);
  cache.Insert("d", "D");
  CHECK(cache.size() == 1);
  std::string v;
  CHECK_FALSE(cache.Find("a", &v));
  REQUIRE(cache.Find("d", &v));
  CHECK(v == "D");
  for (int i = 0; i < 100; ++i) cache.Insert(std::to_string(i), "x");
  CHECK(cache.size() <= cache.max_entries());
}

TEST_CASE("shared by threads") {
  BoundedCache<int> cache(50);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        std::string key = std::to_string(i % 120);
        int v = -1;
        if (cache.Find(key, &v) && v != i % 120) ++wrong[static_cast<size_t>(t)];
        cache.Insert(key, i % 120);
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(wrong == std::vector<int>(4, 0));
  CHECK(cache.size() <= 50);
}

}  // namespace
}  // namespace postcheck
