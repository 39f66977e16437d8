// Unit tests for the CSV, JSON Lines and X-archive readers (record_reader.h).
#include "cli/record_reader.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <sstream>

namespace postcheck {
namespace {

std::vector<Post> ReadAll(RecordReader& reader) {
  std::vector<Post> posts;
  Post p;
  while (reader.Next(&p)) posts.push_back(p);
  return posts;
}

std::vector<Post> Csv(const std::string& text, RecordFields fields = {}, size_t max_bytes = 1000) {
  std::istringstream in(text);
  auto reader = MakeCsvReader(in, "p.csv", fields, max_bytes);
  return ReadAll(*reader);
}

std::vector<Post> Jsonl(const std::string& text, RecordFields fields = {}) {
  std::istringstream in(text);
  auto reader = MakeJsonlReader(in, "p.jsonl", fields, 1000);
  return ReadAll(*reader);
}

std::vector<Post> XArchive(const std::string& text) {
  std::istringstream in(text);
  auto reader = MakeXArchiveReader(in, "tweets.js", 1000);
  return ReadAll(*reader);
}

TEST_CASE("csv: header names the columns; quoted fields, CRLF, a byte-order mark and blank lines") {
  auto posts = Csv("\xEF\xBB\xBFid,text,when\r\n7,\"a, \"\"b\"\"\nc\",2020-01-02\r\n\r\n8,plain,\r\n",
                   RecordFields{"text", "id", "when"});
  REQUIRE(posts.size() == 2);
  CHECK(posts[0].path == "p.csv");
  CHECK(posts[0].record == 1);
  CHECK(posts[0].id == "7");
  CHECK(posts[0].date == "2020-01-02");
  CHECK(posts[0].text == "a, \"b\"\nc");
  CHECK(posts[0].error.empty());
  CHECK(posts[1].record == 2);
  CHECK(posts[1].text == "plain");
  CHECK(posts[1].date.empty());
}

TEST_CASE("csv: a row with bad quoting is one malformed record; the next line is read") {
  auto posts = Csv("id,text\n1,\"bad \"quote\" x\n2,fine\n3\n4,\"never closed\n");
  REQUIRE(posts.size() == 4);
  CHECK(posts[0].error == "p.csv: record 1: bad CSV quoting");
  CHECK(posts[1].record == 2);
  CHECK(posts[1].text == "fine");
  CHECK(posts[2].error == "p.csv: record 3: has 1 fields; the header has 2");
  CHECK(posts[3].error == "p.csv: record 4: bad CSV quoting (a quoted field is not closed)");
}

TEST_CASE("csv: a missing text column ends the file with one error") {
  auto posts = Csv("id,body\n1,x\n");
  REQUIRE(posts.size() == 1);
  CHECK(posts[0].record == 0);
  CHECK(posts[0].error == "p.csv: no column named \"text\" for the text (the header has: id, body)");
  // The default id column may be absent; a named one may not.
  CHECK(Csv("text\nhello\n")[0].text == "hello");
  CHECK(Csv("text\nhello\n", RecordFields{"text", "ref", ""})[0].error ==
        "p.csv: no column named \"ref\" for the id (the header has: text)");
}

TEST_CASE("csv: text that is not UTF-8 or too long is a malformed record") {
  auto posts = Csv("text\n\xFF\n" + std::string(1001, 'a') + "\nok\n");
  REQUIRE(posts.size() == 3);
  CHECK(posts[0].error ==
        "p.csv: record 1: the text is not UTF-8 text at byte 0 (byte 0xFF: it looks like Windows-1252 or Latin-1 "
        "text; save it as UTF-8)");
  CHECK(posts[1].error == "p.csv: record 2: the text is larger than the limit of 1000 bytes (see --max-bytes)");
  CHECK(posts[2].text == "ok");
}

TEST_CASE("csv: rows that span the 64 KiB reads") {
  std::string text = "id,text\n";
  for (int i = 0; i < 3000; ++i) text += std::to_string(i) + ",\"post number " + std::to_string(i) + "\"\n";
  auto posts = Csv(text);
  REQUIRE(posts.size() == 3000);
  CHECK(posts[2999].id == "2999");
  CHECK(posts[2999].text == "post number 2999");
}

TEST_CASE("jsonl: one object a line; numbers as ids; blank lines skipped") {
  auto posts = Jsonl("{\"id\": 12, \"text\": \"one\", \"d\": \"2021\"}\n\n{\"text\": \"two\"}\r\n",
                     RecordFields{"text", "id", "d"});
  REQUIRE(posts.size() == 2);
  CHECK(posts[0].id == "12");
  CHECK(posts[0].date == "2021");
  CHECK(posts[0].text == "one");
  CHECK(posts[1].record == 2);
  CHECK(posts[1].id.empty());
  CHECK(posts[1].text == "two");
}

TEST_CASE("jsonl: broken lines are malformed records that name the line, never its text") {
  auto posts = Jsonl("{\"text\": secret}\n[1]\n{\"body\": 1}\n{\"text\": 5}\n{\"text\": \"ok\", \"id\": [1]}\n{\"text\":\"x\"}\n");
  REQUIRE(posts.size() == 6);
  CHECK(posts[0].error == "p.jsonl: record 1: not valid JSON at byte 9 of line 1");
  CHECK(posts[1].error == "p.jsonl: record 2: not a JSON object (line 2)");
  CHECK(posts[2].error == "p.jsonl: record 3: no \"text\" field (line 3)");
  CHECK(posts[3].error == "p.jsonl: record 4: not a string: \"text\" field (line 4)");
  CHECK(posts[4].error == "p.jsonl: record 5: \"id\" is not a string or number (line 5)");
  CHECK(posts[5].text == "x");
}

TEST_CASE("x-archive: full_text, id_str, created_at as ISO 8601, entities decoded, t.co expanded") {
  auto posts = XArchive(
      "window.YTD.tweets.part0 = [ {\"tweet\": {\"id_str\": \"9\", \"created_at\": \"Wed Oct 10 20:19:24 +0000 "
      "2018\", \"full_text\": \"A &amp; B &lt;3 https://t.co/x1\", \"entities\": {\"urls\": [{\"url\": "
      "\"https://t.co/x1\", \"expanded_url\": \"https://example.org/a\"}]}}},\n"
      "{\"id_str\": \"10\", \"created_at\": \"Sat Dec 01 12:00:00 +0100 2018\", \"full_text\": \"old layout\"},\n"
      "{\"tweet\": {\"id_str\": \"11\"}}, 5 ]");
  REQUIRE(posts.size() == 4);
  CHECK(posts[0].record == 1);
  CHECK(posts[0].id == "9");
  CHECK(posts[0].date == "2018-10-10T20:19:24Z");
  CHECK(posts[0].text == "A & B <3 https://example.org/a");
  CHECK(posts[1].date == "2018-12-01T12:00:00+01:00");
  CHECK(posts[1].text == "old layout");
  CHECK(posts[2].error == "tweets.js: record 3: no \"full_text\" string");
  CHECK(posts[3].error == "tweets.js: record 4: not a tweet object");
}

TEST_CASE("x-archive: not an archive, or broken JSON after some records") {
  auto none = XArchive("[1,2]");
  REQUIRE(none.size() == 1);
  CHECK(none[0].error == "tweets.js: not an X archive tweets file (window.YTD.tweets.part0 = [...])");
  auto broken = XArchive("window.YTD.tweets.part0 = [{\"full_text\": \"a\"}, {\"full_text\": ");
  REQUIRE(broken.size() == 2);
  CHECK(broken[0].text == "a");
  CHECK(broken[1].record == 0);
  CHECK(broken[1].error == "tweets.js: not valid JSON at byte 61 (after record 1)");
}

}  // namespace
}  // namespace postcheck
