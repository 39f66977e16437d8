// Tests of PatternSet's Vectorscan prefilter against RE2 itself, over every
// pattern of the bundled packs, and of its serialisation (pattern_set.h,
// vectorscan_prefilter.h, prefilter_file.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "matching/pattern_set.h"
#include "matching/pattern_set_test_util.h"
#include "matching/prefilter_file.h"
#include "rules/rule_loader.h"
#include "text/temp_dir_test_util.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

// An engine over the bundled packs, made as write_prefilter makes it.
std::unique_ptr<Engine> BundledEngine() {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  LoadPackDir(std::string(POSTCHECK_SOURCE_DIR) + "/rules", &packs, &errors, LoadOptions{});
  REQUIRE(errors.empty());
  EngineOptions options;
  for (const Pack& p : packs) options.disabled_packs.push_back(p.id);
  auto engine = Engine::Create(packs, options, &errors);
  REQUIRE(engine);
  return engine;
}

// Replaces every `from` (ASCII) in `text` by `to`.
std::string Replaced(std::string text, char from, std::string_view to) {
  std::string out;
  for (char c : text) {
    if (c == from) {
      out += to;
    } else {
      out += c;
    }
  }
  return out;
}

// Texts to test on: every rule's examples, the corpus and real posts, and
// the same with letters RE2's case folding maps to non-ASCII ones (k to
// KELVIN SIGN, s to LONG S), and some oddities.
std::vector<std::string> Texts(const Engine& engine) {
  std::vector<std::string> texts = {"", " ", "a", "\n", "\xF0\x9F\x98\x80", "caf\xC3\xA9", "e\xCC\x81",
                                    "\xEF\xBB\xBFhello", "\xE2\x80\x99", std::string(3000, 'x')};
  for (const Rule* rule : engine.rules()) {
    for (const auto* examples : {&rule->flag, &rule->pass}) {
      for (const Example& e : *examples) texts.push_back(e.text);
    }
  }
  for (const auto& entry : fs::directory_iterator(std::string(POSTCHECK_SOURCE_DIR) + "/tests/corpus")) {
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) texts.push_back(j["text"]);
    }
  }
  std::ifstream real(std::string(POSTCHECK_SOURCE_DIR) + "/tests/quality/real-posts.jsonl");
  for (std::string line; std::getline(real, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) texts.push_back(j["text"]);
  }
  const size_t plain = texts.size();
  for (size_t k = 0; k < plain; k += 3) {
    texts.push_back(Replaced(Replaced(texts[k], 'k', "\xE2\x84\xAA"), 'K', "\xE2\x84\xAA"));
    texts.push_back(Replaced(Replaced(texts[k], 's', "\xC5\xBF"), 'S', "\xC5\xBF"));
  }
  texts.erase(std::remove_if(texts.begin(), texts.end(),
                             [](const std::string& t) { return FindInvalidUtf8(t) != kValidUtf8; }),
              texts.end());
  return texts;
}

TEST_CASE("the prefilter names every bundled pattern RE2 finds, on every kind of text") {
  auto engine = BundledEngine();
  const PatternSet& set = engine->pattern_set();
  MESSAGE("bundled patterns: " << set.size() << ", in the RE2 fallback: " << set.fallback_count()
                               << ", prefilter " << set.prefilter_size() << " bytes");
  CHECK(set.fallback_count() <= 5);  // nearly all in Vectorscan
  RE2::Options options;
  options.set_log_errors(false);
  std::vector<std::unique_ptr<RE2>> truth;
  for (uint32_t id = 0; id < set.size(); ++id) {
    truth.push_back(std::make_unique<RE2>(set.pattern(id), options));
    REQUIRE(truth.back()->ok());
  }
  const std::vector<std::string> texts = Texts(*engine);
  REQUIRE(texts.size() > 1000);
  size_t matches = 0, candidates = 0, missed = 0;
  size_t plain_matches = 0, plain_candidates = 0;  // texts without KELVIN SIGN or LONG S
  std::vector<uint32_t> ids;
  for (const std::string& text : texts) {
    set.Candidates(text, &ids);
    REQUIRE(std::is_sorted(ids.begin(), ids.end()));
    REQUIRE(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    candidates += ids.size();
    const bool plain = text.find("\xE2\x84\xAA") == std::string::npos && text.find("\xC5\xBF") == std::string::npos;
    if (plain) plain_candidates += ids.size();
    for (uint32_t id = 0; id < set.size(); ++id) {
      if (!RE2::PartialMatch(text, *truth[id])) continue;
      ++matches;
      if (plain) ++plain_matches;
      if (!std::binary_search(ids.begin(), ids.end(), id)) {
        ++missed;
        FAIL_CHECK("pattern " << id << " '" << set.pattern(id) << "' matches '" << text << "' but is no candidate");
      }
    }
  }
  MESSAGE(texts.size() << " texts: " << matches << " matches, " << candidates << " candidates; without KELVIN SIGN or LONG S "
                        << plain_matches << " matches, " << plain_candidates << " candidates");
  CHECK(missed == 0);
  CHECK(matches > 1000);
  // A prefilter, but a close one: most candidates match.
  CHECK(plain_candidates < plain_matches * 2);
}

const std::vector<std::string> kPatterns = {"\\bcode\\b", "(?i)\\bkelvin\\b", "[^.!?]{0,60}\\barrested\\b",
                                            "a\\Cb",  // refused by Vectorscan: stays in RE2
                                            "(?P<match>\\d{3}) (?:miles|km)", "\\p{Greek}+"};
const std::vector<std::string> kTexts = {"", "code 120 km", "\xE2\x84\xAA" "ELVIN", "he was arrested.", "a-b",
                                         "\xCE\xB1\xCE\xB2", "nothing here"};

TEST_CASE("a serialised prefilter loads, and finds what the compiled one finds") {
  TempDir dir("pattern_set_prefilter_test");
  const std::string file = dir.File("p.hsdb");
  auto compiled = CompiledPatternSet(kPatterns, "");
  CHECK_FALSE(compiled->prefilter_loaded());
  CHECK(compiled->compiled_count() == kPatterns.size());
  CHECK(compiled->fallback_count() == 1);
  std::string error;
  REQUIRE(compiled->WritePrefilter(file, &error));
  auto loaded = CompiledPatternSet(kPatterns, file);
  CHECK(loaded->prefilter_loaded());
  CHECK(loaded->compiled_count() == 1);  // the one the file's database refused: to the fallback again
  CHECK(loaded->fallback_count() == 1);
  for (const std::string& t : kTexts) CHECK(CandidatesOf(*loaded, t) == CandidatesOf(*compiled, t));
  CHECK(CandidatesOf(*loaded, "code a-b") == std::vector<uint32_t>{0, 3});
  CHECK(CandidatesOf(*loaded, "KELVIN") == std::vector<uint32_t>{1});
  // KELVIN SIGN: every pattern of the prefilter is a candidate, and RE2
  // decides (the fallback's are exact).
  CHECK(CandidatesOf(*loaded, "\xE2\x84\xAA" "elvin") == std::vector<uint32_t>{0, 1, 2, 4, 5});
}

TEST_CASE("with other patterns, the file serves those it holds and the rest are compiled") {
  TempDir dir("pattern_set_prefilter_test");
  const std::string file = dir.File("p.hsdb");
  std::string error;
  REQUIRE(CompiledPatternSet(kPatterns, "")->WritePrefilter(file, &error));
  auto expect = [&](const std::vector<std::string>& patterns, size_t compiled) {
    auto reference = CompiledPatternSet(patterns, "");
    auto set = CompiledPatternSet(patterns, file);
    CHECK(set->prefilter_loaded());
    CHECK(set->compiled_count() == compiled);
    for (const std::string& t : kTexts) CHECK(CandidatesOf(*set, t) == CandidatesOf(*reference, t));
    CHECK(CandidatesOf(*set, "he was charged. code") == CandidatesOf(*reference, "he was charged. code"));
  };
  std::vector<std::string> other = kPatterns;
  other[2] = "[^.!?]{0,60}\\bcharged\\b";  // one changed
  expect(other, 2);
  other = kPatterns;
  other.pop_back();  // a subset
  expect(other, 1);
  other = {"\\bcharged\\b", kPatterns[1], kPatterns[0]};  // reordered, and one added
  expect(other, 1);
}

TEST_CASE("a stale, damaged or foreign file is not loaded: the prefilter is compiled") {
  TempDir dir("pattern_set_prefilter_test");
  const std::string file = dir.File("p.hsdb");
  std::string error;
  REQUIRE(CompiledPatternSet(kPatterns, "")->WritePrefilter(file, &error));
  auto expect_compiled = [&](const std::vector<std::string>& patterns) {
    auto reference = CompiledPatternSet(patterns, "");
    auto set = CompiledPatternSet(patterns, file);
    CHECK_FALSE(set->prefilter_loaded());
    CHECK(set->compiled_count() == patterns.size());
    for (const std::string& t : kTexts) CHECK(CandidatesOf(*set, t) == CandidatesOf(*reference, t));
  };
  SUBCASE("a missing file") {
    fs::remove(file);
    expect_compiled(kPatterns);
  }
  SUBCASE("no pattern in common") {
    expect_compiled({"\\bother\\b"});
  }
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto rewrite = [&](const std::string& b) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << b;
  };
  SUBCASE("a byte of the database changed") {
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x40);
    rewrite(bytes);
    expect_compiled(kPatterns);
  }
  SUBCASE("a byte of a pattern hash changed") {
    bytes[60] = static_cast<char>(bytes[60] ^ 0x01);
    rewrite(bytes);
    expect_compiled(kPatterns);
  }
  SUBCASE("another signature") {
    bytes[25] = static_cast<char>(bytes[25] ^ 0x01);
    rewrite(bytes);
    expect_compiled(kPatterns);
  }
  SUBCASE("truncated") {
    rewrite(bytes.substr(0, bytes.size() - 10));
    expect_compiled(kPatterns);
    rewrite(bytes.substr(0, 30));
    expect_compiled(kPatterns);
  }
  SUBCASE("too long") {
    rewrite(bytes + "x");
    expect_compiled(kPatterns);
  }
  SUBCASE("not a prefilter file") {
    rewrite("hello\n");
    expect_compiled(kPatterns);
  }
  SUBCASE("intact, over a payload Vectorscan cannot load") {
    PrefilterFile content;
    for (const std::string& p : kPatterns) content.patterns.push_back(PatternHashOf(p));
    static constexpr char kGarbage[] = "\0\0\0\0garbage database bytes";
    content.payload = std::string(kGarbage, sizeof kGarbage - 1);  // NULs and all, not the terminator
    REQUIRE(WritePrefilterFile(file, VectorscanPrefilter::CompileSignature(), content, &error));
    expect_compiled(kPatterns);
    // A refused id beyond the file's patterns: not a file this code wrote.
    content.payload = std::string("\x01\0\0\0\x63\0\0\0", 8);
    REQUIRE(WritePrefilterFile(file, VectorscanPrefilter::CompileSignature(), content, &error));
    expect_compiled(kPatterns);
  }
}

TEST_CASE("a pair of patterns Vectorscan 5.4.9's AVX-512 scan misses one of is found") {
  auto set = CompiledPatternSet({"@.*police\\.uk", "@.*abcdefghijklmno"}, "");
  const std::string text =
      "Anyone with information should call the incident room on 0161 496 0000 or email "
      "major.incident@gmp.police.uk, quoting crime ref 20BW/78905H/19.";
  CHECK(CandidatesOf(*set, text) == std::vector<uint32_t>{0});
}

TEST_CASE("pattern hashes tell patterns apart") {
  CHECK(PatternHashOf("ab") == PatternHashOf("ab"));
  CHECK_FALSE(PatternHashOf("ab") == PatternHashOf("ba"));
  CHECK_FALSE(PatternHashOf("") == PatternHashOf(std::string(1, '\0')));
  CHECK_FALSE(PatternHashOf("\\bcode\\b") == PatternHashOf("\\bcode\\B"));
}

}  // namespace
}  // namespace postcheck
