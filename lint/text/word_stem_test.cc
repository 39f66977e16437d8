// Unit tests for word stems (word_stem.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <thread>

#include "text/word_stem.h"

namespace postcheck {
namespace {

std::string Stem(std::string_view word) {
  std::string out;
  REQUIRE(StemWord(word, &out));
  return out;
}

TEST_CASE("inflections share a stem") {
  CHECK(Stem("bitches") == Stem("bitch"));
  CHECK(Stem("fucking") == Stem("fuck"));
  CHECK(Stem("fucked") == Stem("fuck"));
  CHECK(Stem("pussies") == Stem("pussy"));
  CHECK(Stem("raped") == Stem("rape"));
}

TEST_CASE("look-alikes do not") {
  CHECK(Stem("grape") != Stem("rape"));
  CHECK(Stem("therapist") != Stem("rapist"));
  CHECK(Stem("scunthorpe") != Stem("cunt"));
  CHECK(Stem("cocktail") != Stem("cock"));
  CHECK(Stem("assess") != Stem("ass"));
}

TEST_CASE("each thread has its own stemmer") {
  std::string a, b;
  std::thread t1([&] { for (int i = 0; i < 1000; ++i) StemWord("bitches", &a); });
  std::thread t2([&] { for (int i = 0; i < 1000; ++i) StemWord("fucking", &b); });
  t1.join();
  t2.join();
  CHECK(a == "bitch");
  CHECK(b == "fuck");
}

}  // namespace
}  // namespace postcheck
