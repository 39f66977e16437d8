// Unit tests for writing structures as bytes and reading them back
// (byte_codec.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "text/byte_codec.h"

namespace postcheck {
namespace {

std::string Written() {
  std::string out;
  ByteWriter w(&out);
  w.Number(0);
  w.Number(127);
  w.Number(128);
  w.Number(UINT64_MAX);
  w.Number(1);
  w.Text("");
  w.Text("word\x1fphrase");
  w.Array(std::vector<uint32_t>{7, 0, UINT32_MAX});
  w.Array(std::vector<uint8_t>{});
  w.Arrays(std::vector<std::vector<uint64_t>>{{1}, {}, {2, 3}});
  return out;
}

TEST_CASE("what the writer wrote is read back in order") {
  const std::string bytes = Written();
  ByteReader r(bytes);
  CHECK(r.Number() == 0);
  CHECK(r.Number() == 127);
  CHECK(r.Number() == 128);
  CHECK(r.Number() == UINT64_MAX);
  CHECK(r.Bool());
  CHECK(r.Text().empty());
  CHECK(r.Text() == "word\x1fphrase");
  CHECK(r.Array<uint32_t>() == std::vector<uint32_t>{7, 0, UINT32_MAX});
  CHECK(r.Array<uint8_t>().empty());
  CHECK(r.ok());
  CHECK_FALSE(r.done());
  CHECK(r.Arrays<uint64_t>() == std::vector<std::vector<uint64_t>>{{1}, {}, {2, 3}});
  CHECK(r.done());
}

TEST_CASE("bytes cut short anywhere fail, and every later read is empty") {
  const std::string bytes = Written();
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    ByteReader r(std::string_view(bytes).substr(0, cut));
    r.Number(), r.Number(), r.Number(), r.Number(), r.Bool(), r.Text(), r.Text();
    r.Array<uint32_t>(), r.Array<uint8_t>();
    const auto lists = r.Arrays<uint64_t>();
    CAPTURE(cut);
    CHECK_FALSE(r.done());
    CHECK_FALSE(r.ok());
    CHECK(r.Number() == 0);
    CHECK(r.Text().empty());
  }
}

TEST_CASE("a count beyond the bytes left fails without allocating it") {
  std::string bytes;
  ByteWriter w(&bytes);
  w.Number(uint64_t{1} << 60);  // an array of 2^60 values, in three bytes
  bytes += "abc";
  ByteReader r(bytes);
  CHECK(r.Array<uint64_t>().empty());
  CHECK_FALSE(r.ok());
  ByteReader lists(bytes);
  CHECK(lists.Arrays<uint32_t>().empty());
  CHECK_FALSE(lists.ok());
  ByteReader text(bytes);
  CHECK(text.Text().empty());
  CHECK_FALSE(text.ok());
}

TEST_CASE("a number of more than ten bytes, and a bool other than 0 or 1, fail") {
  const std::string endless(11, '\xFF');
  ByteReader r(endless);
  CHECK(r.Number() == 0);
  CHECK_FALSE(r.ok());
  std::string two;
  ByteWriter(&two).Number(2);
  ByteReader b(two);
  b.Bool();
  CHECK_FALSE(b.ok());
}

TEST_CASE("a header number is 8 bytes, least significant first, and reads back") {
  std::string out = "x";
  PutFixed64(&out, 0x0102030405060708ull);
  PutFixed64(&out, UINT64_MAX);
  REQUIRE(out.size() == 17);
  CHECK(out.substr(1, 8) == std::string("\x08\x07\x06\x05\x04\x03\x02\x01", 8));
  CHECK(GetFixed64(&out[1]) == 0x0102030405060708ull);
  CHECK(GetFixed64(&out[9]) == UINT64_MAX);
}

}  // namespace
}  // namespace postcheck
