// Unit tests for the process-wide prefilter databases (shared_prefilter.h):
// one load per file while anyone holds it, shared by every PatternSet and
// thread; a file changed on disk, or a bad one, is not served from memory.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>


#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "matching/pattern_set.h"
#include "matching/pattern_set_test_util.h"
#include "matching/shared_prefilter.h"
#include "text/temp_dir_test_util.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kPatterns = {"\\bcode\\b", "[^.!?]{0,60}\\barrested\\b", "a\\Cb", "\\d{3} km"};

std::string WriteFile(const TempDir& dir, const std::vector<std::string>& patterns, const std::string& name) {
  const std::string file = dir.File(name);
  std::string error;
  REQUIRE(CompiledPatternSet(patterns, "")->WritePrefilter(file, &error));
  return file;
}

const std::string kSignature = VectorscanPrefilter::CompileSignature();

TEST_CASE("one file, one database: loads share it, across threads too") {
  TempDir dir("shared_prefilter_test");
  const std::string file = WriteFile(dir, kPatterns, "p.hsdb");
  std::vector<std::shared_ptr<const LoadedPrefilter>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) threads.emplace_back([&, t] { got[t] = LoadSharedPrefilter(file, kSignature); });
  for (auto& t : threads) t.join();
  REQUIRE(got[0] != nullptr);
  for (const auto& g : got) CHECK(g == got[0]);
  CHECK(got[0]->patterns.size() == kPatterns.size());
  CHECK(got[0]->patterns[0] == PatternHashOf(kPatterns[0]));
  CHECK(got[0]->db->refused() == std::vector<uint32_t>{2});  // \C: Vectorscan refuses it
  // Another file is another database.
  const std::string other = WriteFile(dir, kPatterns, "q.hsdb");
  auto second = LoadSharedPrefilter(other, kSignature);
  REQUIRE(second != nullptr);
  CHECK(second != got[0]);
}

TEST_CASE("the file says which patterns it holds: those the build checked, not the refused") {
  TempDir dir("shared_prefilter_test");
  auto loaded = LoadSharedPrefilter(WriteFile(dir, kPatterns, "p.hsdb"), kSignature);
  REQUIRE(loaded != nullptr);
  CHECK(loaded->Holds(kPatterns[0]));
  CHECK(loaded->Holds(kPatterns[1]));
  CHECK_FALSE(loaded->Holds(kPatterns[2]));  // refused by Vectorscan: RE2's, checked when added
  CHECK(loaded->Holds(kPatterns[3]));
  CHECK_FALSE(loaded->Holds("\\bcode\\b "));
  CHECK_FALSE(loaded->Holds(""));
}

TEST_CASE("a set adds the patterns the file holds without checking them again, and still finds them") {
  TempDir dir("shared_prefilter_test");
  const std::string file = WriteFile(dir, kPatterns, "p.hsdb");
  PatternSet set;
  set.set_prefilter_file(file);
  std::string error;
  REQUIRE(set.Add(kPatterns[3], &error) == 0);
  REQUIRE(set.Add(kPatterns[1], &error) == 1);
  // A pattern the file lacks is checked as ever.
  CHECK(set.Add("(unclosed", &error) == -1);
  CHECK(error.find("invalid regex") == 0);
  std::vector<PatternSet::CompileError> errors;
  REQUIRE(set.Compile(&errors));
  CHECK(set.prefilter_loaded());
  CHECK(set.compiled_count() == 0);
  std::vector<PatternHit> hits;
  const std::string text = "It was 120 km away. He was arrested.";
  for (uint32_t id : CandidatesOf(set, text)) set.Find(id, text, &hits);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].pattern == 0);
  CHECK(text.substr(hits[0].begin, hits[0].end - hits[0].begin) == "120 km");
  CHECK(hits[1].pattern == 1);
  CHECK(text.substr(hits[1].begin, hits[1].end - hits[1].begin) == " He was arrested");
}

TEST_CASE("two pattern sets (two engines) over the same file scan one database object") {
  TempDir dir("shared_prefilter_test");
  const std::string file = WriteFile(dir, kPatterns, "p.hsdb");
  auto a = CompiledPatternSet(kPatterns, file);
  std::vector<std::string> reordered = {kPatterns[3], kPatterns[0], "\\bcharged\\b", kPatterns[1]};
  auto b = CompiledPatternSet(reordered, file);
  REQUIRE(a->file_prefilter() != nullptr);
  CHECK(a->file_prefilter() == b->file_prefilter());
  CHECK(a->prefilter_loaded());
  CHECK(b->compiled_count() == 1);  // "charged", which the file lacks
  // Each set maps the shared database's ids to its own.
  auto reference_a = CompiledPatternSet(kPatterns, "");
  auto reference_b = CompiledPatternSet(reordered, "");
  for (std::string_view text : {"code 120 km", "he was arrested. code", "charged", "a-b", ""}) {
    CHECK(CandidatesOf(*a, text) == CandidatesOf(*reference_a, text));
    CHECK(CandidatesOf(*b, text) == CandidatesOf(*reference_b, text));
  }
  // Scanned from several threads at once, with a scratch space each.
  std::vector<std::thread> threads;
  std::vector<std::vector<uint32_t>> seen(4);
  for (size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 200; ++k) seen[t] = CandidatesOf(t % 2 ? *a : *b, "he was arrested. code 120 km");
    });
  }
  for (auto& t : threads) t.join();
  for (size_t t = 0; t < seen.size(); ++t) CHECK(seen[t] == CandidatesOf(t % 2 ? *reference_a : *reference_b, "he was arrested. code 120 km"));
  CHECK(CompiledPatternSet(kPatterns, "")->file_prefilter() == nullptr);  // no file: nothing shared
}

TEST_CASE("the file's database is scanned where it lies in the mapping; a copy elsewhere finds the same") {
  TempDir dir("shared_prefilter_test");
  const std::string file = WriteFile(dir, kPatterns, "p.hsdb");
  auto loaded = LoadSharedPrefilter(file, kSignature);
  REQUIRE(loaded != nullptr);
  CHECK(loaded->db->in_place());
  CHECK(loaded->db->database_size() > 0);
  // The payload at an address of another alignment (a string, one byte in):
  // copied to an aligned one, and scanned there.
  auto compiled = VectorscanPrefilter::Compile(kPatterns);
  std::string payload;
  REQUIRE(compiled->Serialize(&payload));
  CHECK(payload.size() % VectorscanPrefilter::kImageAlignment == compiled->database_size() % VectorscanPrefilter::kImageAlignment);
  const std::string shifted = "x" + payload;
  std::string error;
  auto copy = VectorscanPrefilter::Deserialize(std::string_view(shifted).substr(1), nullptr, &error);
  REQUIRE(copy != nullptr);
  CHECK_FALSE(copy->in_place());
  CHECK(copy->refused() == std::vector<uint32_t>{2});
  for (std::string_view text : {"code 120 km", "he was arrested. code", "a-b", ""}) {
    std::vector<uint32_t> a, b, c;
    CHECK(loaded->db->Scan(text, &a));
    CHECK(copy->Scan(text, &b));
    CHECK(compiled->Scan(text, &c));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::sort(c.begin(), c.end());
    CHECK(a == c);
    CHECK(b == c);
  }
  // Damaged: the padding before the database not zeros, the database cut
  // short, or its header not Vectorscan's.
  std::string bad = payload;
  bad[8] = 'x';
  CHECK(VectorscanPrefilter::Deserialize(bad, nullptr, &error) == nullptr);
  CHECK(VectorscanPrefilter::Deserialize(std::string_view(payload).substr(0, payload.size() - 1), nullptr, &error) == nullptr);
  CHECK(VectorscanPrefilter::Deserialize(std::string_view(payload).substr(0, 70), nullptr, &error) == nullptr);
  bad = payload;
  bad[VectorscanPrefilter::kImageAlignment] ^= 0x01;  // the magic number's first byte
  CHECK(VectorscanPrefilter::Deserialize(bad, nullptr, &error) == nullptr);
  CHECK(error.find("Vectorscan cannot load") == 0);
}

TEST_CASE("a database nobody holds is let go; a changed file is read again") {
  TempDir dir("shared_prefilter_test");
  const std::string file = WriteFile(dir, kPatterns, "p.hsdb");
  std::weak_ptr<const LoadedPrefilter> first = LoadSharedPrefilter(file, kSignature);
  CHECK(first.expired());  // nobody held it
  auto held = LoadSharedPrefilter(file, kSignature);
  REQUIRE(held != nullptr);
  // Rewritten with other patterns while the old one is still held: the new
  // content, not the old database.
  const std::vector<std::string> fewer = {kPatterns[0], kPatterns[3]};
  fs::rename(WriteFile(dir, fewer, "new.hsdb"), file);
  auto fresh = LoadSharedPrefilter(file, kSignature);
  REQUIRE(fresh != nullptr);
  CHECK(fresh != held);
  CHECK(fresh->patterns.size() == 2);
  CHECK(held->patterns.size() == kPatterns.size());  // still usable by its holders
}

TEST_CASE("a missing, stale or damaged file is not loaded") {
  TempDir dir("shared_prefilter_test");
  const std::string file = WriteFile(dir, kPatterns, "p.hsdb");
  auto held = LoadSharedPrefilter(file, kSignature);
  REQUIRE(held != nullptr);
  CHECK(LoadSharedPrefilter(file, kSignature + "x") == nullptr);  // another signature
  CHECK(LoadSharedPrefilter(dir.File("none.hsdb"), kSignature) == nullptr);
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  // Damaged in place (the header, and so its checksum, unchanged) while the
  // intact one is held: read again, and refused.
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x40);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(1));
  CHECK(LoadSharedPrefilter(file, kSignature) == nullptr);
  CHECK_FALSE(CompiledPatternSet(kPatterns, file)->prefilter_loaded());
}

}  // namespace
}  // namespace postcheck
