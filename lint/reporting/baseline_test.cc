// Unit tests for baselines (baseline.h): keys, the file round trip, bad files.
#include "reporting/baseline.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

namespace postcheck {
namespace {

Rule MakeRule(const std::string& id) {
  Rule r;
  r.full_id = id;
  r.category = "tone";
  return r;
}

Finding At(const Rule& rule, std::string_view text, size_t offset, size_t length) {
  Finding f;
  f.rule = &rule;
  f.offset = offset;
  f.length = length;
  f.start = {1, static_cast<int>(offset) + 1};
  f.end = {1, static_cast<int>(offset + length) + 1};
  f.match = std::string(text.substr(offset, length));
  return f;
}

std::string TempPath(const char* name) { return std::string("/tmp/postcheck_baseline_test_") + name; }

void WriteFile(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

TEST_CASE("keys: the record's id, else the file (and record); the hash follows the match and its line") {
  Rule rule = MakeRule("demo.swear");
  std::string text = "first line\nwhat a mess\n";
  FileReport report;
  report.path = "a.txt";
  report.text = text;
  Finding f = At(rule, text, 18, 4);
  f.start = {2, 8};
  f.end = {2, 12};
  BaselineKey key = KeyOf(report, f);
  CHECK(key.rule == "demo.swear");
  CHECK(key.post == "path:a.txt");
  CHECK(key.hash.size() == 16);
  report.record = 3;
  CHECK(KeyOf(report, f).post == "path:a.txt#3");
  report.id = "99";
  CHECK(KeyOf(report, f).post == "id:99");
  // Another first line leaves the key as it was; another second line does not.
  std::string edited = "other first line\nwhat a mess\n";
  report.text = edited;
  Finding g = At(rule, edited, 24, 4);
  g.start = {2, 8};
  g.end = {2, 12};
  CHECK(KeyOf(report, g).hash == key.hash);
  std::string changed = "first line\nwhat a mess!\n";
  report.text = changed;
  CHECK(KeyOf(report, f).hash != key.hash);
}

TEST_CASE("write then load hides exactly the occurrences recorded") {
  Rule rule = MakeRule("demo.swear");
  std::string text = "mess mess";
  FileReport report;
  report.path = "a.txt";
  report.text = text;
  report.findings = {At(rule, text, 0, 4)};
  Baseline written;
  written.Add(report);
  std::string path = TempPath("roundtrip.json"), error;
  REQUIRE(written.Write(path, &error));
  std::optional<Baseline> loaded = Baseline::Load(path, &error);
  REQUIRE(loaded);
  CHECK(loaded->size() == 1);
  report.findings = {At(rule, text, 0, 4), At(rule, text, 5, 4)};  // same key twice: one is new
  CHECK(loaded->Hide(&report) == 1);
  CHECK(report.findings.size() == 1);
  std::remove(path.c_str());
}

TEST_CASE("a corrupt or mismatched baseline is one clear error") {
  std::string path = TempPath("bad.json"), error;
  auto load_error = [&](const std::string& content) {
    WriteFile(path, content);
    error.clear();
    CHECK_FALSE(Baseline::Load(path, &error));
    return error;
  };
  CHECK(load_error("{\"postcheck_baseline\": 1, \"findings\": [") ==
        path + ": not a postcheck baseline: not valid JSON at byte 39");
  CHECK(load_error("{\"version\": 1}") == path + ": not a postcheck baseline (no \"postcheck_baseline\" version)");
  CHECK(load_error("{\"postcheck_baseline\": 2, \"findings\": []}") ==
        path + ": baseline version 2; this postcheck reads version 1");
  CHECK(load_error("{\"postcheck_baseline\": 1}") == path + ": not a postcheck baseline (no \"findings\" list)");
  CHECK(load_error("{\"postcheck_baseline\": 1, \"findings\": [{\"rule\": \"a\", \"post\": \"b\"}]}") ==
        path + ": baseline finding 1 needs \"rule\", \"post\" and \"hash\" strings");
  std::remove(path.c_str());
  CHECK_FALSE(Baseline::Load(path, &error));
  CHECK(error == path + ": cannot open the baseline");
}

}  // namespace
}  // namespace postcheck
