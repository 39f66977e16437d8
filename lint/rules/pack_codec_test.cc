// Unit tests for packs as bytes and back (pack_codec.h): every bundled pack
// round-trips to exactly what the YAML loader gave, and damaged bytes are
// refused, never misread.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rules/pack_codec.h"
#include "rules/rule_loader.h"

namespace postcheck {
namespace {

// The bundled packs as the YAML loader gives them, loaded once per setting.
const std::vector<Pack>& BundledPacks(bool read_examples) {
  static std::vector<Pack> loaded[2];
  static bool done[2] = {false, false};
  if (!done[read_examples]) {
    std::vector<LoadError> errors;
    LoadOptions options;
    options.read_examples = read_examples;
    REQUIRE(LoadPackDir(std::string(POSTCHECK_SOURCE_DIR) + "/rules", &loaded[read_examples], &errors, options));
    REQUIRE(errors.empty());
    done[read_examples] = true;
  }
  return loaded[read_examples];
}

std::vector<std::string> FilesOf(const std::vector<Pack>& packs) {
  std::vector<std::string> files;
  for (const Pack& p : packs) files.push_back(p.file);
  return files;
}

std::string Encoded(const std::vector<Pack>& packs) {
  std::string bytes, error;
  REQUIRE(EncodePacks(packs, &bytes, &error));
  CHECK(error.empty());
  return bytes;
}

TEST_CASE("every bundled pack round-trips to the packs the YAML loader gives") {
  const std::vector<Pack>& packs = BundledPacks(true);
  const std::string bytes = Encoded(packs);
  std::vector<Pack> decoded;
  REQUIRE(DecodePacks(bytes, FilesOf(packs), true, &decoded));
  REQUIRE(decoded.size() == packs.size());
  for (size_t k = 0; k < packs.size(); ++k) {
    INFO(packs[k].file);
    CHECK(decoded[k] == packs[k]);
  }
  size_t examples = 0;
  for (const Pack& p : decoded) {
    for (const Rule& r : p.rules) examples += r.flag.size() + r.pass.size();
  }
  CHECK(examples > 1000);
}

TEST_CASE("without examples, the bytes give what the loader gives without examples") {
  const std::vector<Pack>& lean = BundledPacks(false);
  std::vector<Pack> decoded;
  REQUIRE(DecodePacks(Encoded(BundledPacks(true)), FilesOf(lean), false, &decoded));
  CHECK(decoded == lean);
}

TEST_CASE("rules that shared a first-name list share one again") {
  std::vector<Pack> decoded;
  const std::vector<Pack>& packs = BundledPacks(false);
  REQUIRE(DecodePacks(Encoded(packs), FilesOf(packs), false, &decoded));
  std::vector<std::pair<const void*, const void*>> before, after;  // (first rule's list, this rule's)
  const void* first_before = nullptr;
  const void* first_after = nullptr;
  size_t names = 0;
  for (size_t p = 0; p < packs.size(); ++p) {
    for (size_t r = 0; r < packs[p].rules.size(); ++r) {
      if (!packs[p].rules[r].names) continue;
      const void* b = packs[p].rules[r].names->first_names.get();
      const void* a = decoded[p].rules[r].names->first_names.get();
      if (!first_before) first_before = b, first_after = a;
      CHECK((b == first_before) == (a == first_after));
      ++names;
    }
  }
  CHECK(names >= 2);
}

TEST_CASE("rules that shared a loose-post model share one again, equal to the one loaded") {
  std::vector<Pack> decoded;
  const std::vector<Pack>& packs = BundledPacks(false);
  REQUIRE(DecodePacks(Encoded(packs), FilesOf(packs), false, &decoded));
  const void* first = nullptr;
  size_t models = 0;
  for (size_t p = 0; p < packs.size(); ++p) {
    for (size_t r = 0; r < packs[p].rules.size(); ++r) {
      if (!packs[p].rules[r].model) continue;
      const auto& loaded = *packs[p].rules[r].model;
      const auto& back = *decoded[p].rules[r].model;
      if (!first) first = back.model.get();
      CHECK(back.model.get() == first);
      CHECK(*back.model == *loaded.model);
      CHECK(back.threshold == loaded.threshold);
      ++models;
    }
  }
  CHECK(models >= 2);  // the sharing needs two at least; the bundled packs have four
}

TEST_CASE("the packs take the paths given to the decoder, marks included") {
  const std::vector<Pack>& packs = BundledPacks(true);
  std::vector<std::string> moved;
  for (size_t k = 0; k < packs.size(); ++k) moved.push_back("/elsewhere/pack" + std::to_string(k) + ".yaml");
  std::vector<Pack> decoded;
  REQUIRE(DecodePacks(Encoded(packs), moved, true, &decoded));
  for (size_t k = 0; k < decoded.size(); ++k) {
    CHECK(decoded[k].file == moved[k]);
    for (const Rule& r : decoded[k].rules) {
      CHECK(r.mark.file == moved[k]);
      for (const Example& e : r.flag) CHECK(e.mark.file == moved[k]);
    }
  }
}

TEST_CASE("a mark in another file than its pack's cannot be encoded") {
  Pack pack;
  pack.id = "p";
  pack.file = "p.yaml";
  Rule rule;
  rule.pack = "p";
  rule.id = "r";
  rule.full_id = "p.r";
  rule.words = {"w"};
  rule.mark = {"other.yaml", 3, 1};
  pack.rules.push_back(rule);
  std::string bytes, error;
  CHECK_FALSE(EncodePacks({pack}, &bytes, &error));
  CHECK(error == "pack 'p' has a source mark in other.yaml, not in p.yaml");
}

TEST_CASE("truncated, extended or wrongly counted bytes are refused") {
  const std::vector<Pack>& packs = BundledPacks(false);
  const std::string bytes = Encoded(packs);
  std::vector<Pack> decoded;
  // Every cut, at a spread of lengths, is refused and appends nothing.
  for (size_t cut = 0; cut < bytes.size(); cut += bytes.size() / 150) {
    CHECK_FALSE(DecodePacks(std::string_view(bytes).substr(0, cut), FilesOf(packs), false, &decoded));
  }
  CHECK_FALSE(DecodePacks(bytes + "x", FilesOf(packs), false, &decoded));
  std::vector<std::string> one_short = FilesOf(packs);
  one_short.pop_back();
  CHECK_FALSE(DecodePacks(bytes, one_short, false, &decoded));
  CHECK(decoded.empty());
}

TEST_CASE("flipped bytes never crash the decoder or give an out-of-range value") {
  const std::vector<Pack>& packs = BundledPacks(false);
  const std::string bytes = Encoded(packs);
  for (size_t at = 0; at < bytes.size(); at += bytes.size() / 150) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0xFF);
    std::vector<Pack> decoded;
    if (!DecodePacks(damaged, FilesOf(packs), false, &decoded)) {
      CHECK(decoded.empty());
      continue;
    }
    // Read as something else: still within every enum's range.
    for (const Pack& p : decoded) {
      for (const Rule& r : p.rules) {
        CHECK(static_cast<int>(r.severity) <= static_cast<int>(Severity::kError));
        if (r.names) CHECK(r.names->first_names != nullptr);
      }
    }
  }
}

}  // namespace
}  // namespace postcheck
