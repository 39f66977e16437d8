// Unit tests for the packs' snapshot (pack_snapshot.h): it loads exactly the
// packs the YAML gives while every file they came from is unchanged, and
// says stale, damaged or missing (so that the YAML is parsed) otherwise.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <vector>

#include "rules/pack_snapshot.h"
#include "rules/rule_loader.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

// A copy of the bundled rules/ and dictionaries/ in a directory of its own,
// removed when the case ends, with a snapshot of it written beside.
struct Copy {
  explicit Copy(const std::string& name)
      : root(fs::temp_directory_path() / ("postcheck_snapshot_test_" + name + "_" + std::to_string(getpid()))) {
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(std::string(POSTCHECK_SOURCE_DIR) + "/rules", root / "rules", fs::copy_options::recursive);
    fs::copy(std::string(POSTCHECK_SOURCE_DIR) + "/dictionaries", root / "dictionaries", fs::copy_options::recursive);
    std::string error;
    written = WritePackSnapshot(rules(), snapshot(), &error);
    INFO(error);
    CHECK(written);
  }
  ~Copy() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string rules() const { return (root / "rules").string(); }
  std::string snapshot() const { return (root / "packs.snapshot").string(); }

  const fs::path root;
  bool written = false;
};

std::vector<Pack> FromYaml(const std::string& dir, bool read_examples) {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  LoadOptions options;
  options.read_examples = read_examples;
  REQUIRE(LoadPackDir(dir, &packs, &errors, options));
  REQUIRE(errors.empty());
  return packs;
}

PackSnapshotState Load(const Copy& copy, std::vector<Pack>* packs = nullptr) {
  std::vector<Pack> scratch;
  return LoadPackSnapshot(copy.snapshot(), copy.rules(), LoadOptions{}, packs ? packs : &scratch);
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteAll(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

TEST_CASE("a fresh snapshot gives exactly the packs the YAML gives, with and without examples") {
  Copy copy("fresh");
  for (const bool read_examples : {true, false}) {
    std::vector<Pack> packs;
    std::vector<std::string> seen, word_files, yaml_word_files;
    std::mutex mutex;
    LoadOptions options;
    options.read_examples = read_examples;
    options.word_files = &word_files;
    options.on_rule = [&](const Rule& rule) {
      std::lock_guard<std::mutex> lock(mutex);
      seen.push_back(rule.full_id);
    };
    REQUIRE(LoadPackSnapshot(copy.snapshot(), copy.rules(), options, &packs) == PackSnapshotState::kLoaded);
    CHECK(packs == FromYaml(copy.rules(), read_examples));
    size_t rules = 0;
    for (const Pack& p : packs) rules += p.rules.size();
    CHECK(seen.size() == rules);
    // The word files are the ones the YAML loader reads.
    std::vector<Pack> ignored;
    std::vector<LoadError> errors;
    LoadOptions yaml;
    yaml.word_files = &yaml_word_files;
    REQUIRE(LoadPackDir(copy.rules(), &ignored, &errors, yaml));
    CHECK(word_files == yaml_word_files);
    CHECK(word_files.size() > 50);
  }
}

TEST_CASE("the snapshot follows the directory it is loaded for: paths and marks are the copy's") {
  Copy copy("moved");
  const fs::path moved = copy.root / "moved";
  fs::create_directories(moved);
  fs::rename(copy.rules(), moved / "rules");
  fs::rename(copy.root / "dictionaries", moved / "dictionaries");
  std::vector<Pack> packs;
  REQUIRE(LoadPackSnapshot(copy.snapshot(), (moved / "rules").string(), LoadOptions{}, &packs) ==
          PackSnapshotState::kLoaded);
  CHECK(packs == FromYaml((moved / "rules").string(), true));
}

TEST_CASE("a changed, added or removed pack file makes the snapshot stale") {
  Copy copy("packs");
  const fs::path tone = fs::path(copy.rules()) / "tone.yaml";
  const std::string text = ReadAll(tone);
  WriteAll(tone, text + "\n");
  CHECK(Load(copy) == PackSnapshotState::kStale);
  WriteAll(tone, text);
  CHECK(Load(copy) == PackSnapshotState::kLoaded);
  WriteAll(fs::path(copy.rules()) / "extra.yml", "pack: extra\n");
  CHECK(Load(copy) == PackSnapshotState::kStale);
  fs::remove(fs::path(copy.rules()) / "extra.yml");
  fs::remove(tone);
  std::vector<Pack> packs;
  CHECK(Load(copy, &packs) == PackSnapshotState::kStale);
  CHECK(packs.empty());
}

TEST_CASE("a changed or missing word file makes the snapshot stale") {
  Copy copy("words");
  const fs::path names = copy.root / "dictionaries" / "first-names.txt";
  REQUIRE(fs::exists(names));
  const std::string text = ReadAll(names);
  WriteAll(names, text + "Zebedee\n");
  CHECK(Load(copy) == PackSnapshotState::kStale);
  fs::remove(names);
  CHECK(Load(copy) == PackSnapshotState::kStale);
  WriteAll(names, text);
  CHECK(Load(copy) == PackSnapshotState::kLoaded);
}

TEST_CASE("a word file that now lies outside the pack's tree makes the snapshot stale, as the YAML refuses it") {
  Copy copy("outside");
  const fs::path names = copy.root / "dictionaries" / "first-names.txt";
  const fs::path away = copy.root / "away.txt";
  fs::rename(names, away);
  fs::create_symlink(away, names);  // the same bytes, reached through a link out of the tree
  CHECK(Load(copy) == PackSnapshotState::kStale);
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  CHECK_FALSE(LoadPackDir(copy.rules(), &packs, &errors));
}

TEST_CASE("a damaged or truncated snapshot is refused; a missing one is missing") {
  Copy copy("damaged");
  const std::string bytes = ReadAll(copy.snapshot());
  for (const size_t at : {size_t{0}, size_t{20}, size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    WriteAll(copy.snapshot(), damaged);
    std::vector<Pack> packs;
    CHECK(Load(copy, &packs) == PackSnapshotState::kDamaged);
    CHECK(packs.empty());
  }
  WriteAll(copy.snapshot(), bytes.substr(0, bytes.size() - 1));
  CHECK(Load(copy) == PackSnapshotState::kDamaged);
  WriteAll(copy.snapshot(), "");
  CHECK(Load(copy) == PackSnapshotState::kDamaged);
  fs::remove(copy.snapshot());
  CHECK(Load(copy) == PackSnapshotState::kMissing);
  WriteAll(copy.snapshot(), bytes);
  CHECK(Load(copy) == PackSnapshotState::kLoaded);
}

TEST_CASE("no snapshot is written for packs that do not load cleanly") {
  Copy copy("broken");
  WriteAll(fs::path(copy.rules()) / "broken.yaml", "pack: broken\nrules: []\n");
  std::string error;
  CHECK_FALSE(WritePackSnapshot(copy.rules(), (copy.root / "other.snapshot").string(), &error));
  CHECK(error.find("broken.yaml") != std::string::npos);
  CHECK_FALSE(fs::exists(copy.root / "other.snapshot"));
}

}  // namespace
}  // namespace postcheck
