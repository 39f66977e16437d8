// libFuzzer target: arbitrary bytes as a rule pack file.
//
// LoadPackFile reads a path, so each input is written to pack.yaml in a
// private directory made once with mkdtemp (nothing is added to the library
// for fuzzing). The directory also holds words.txt, so that `words_file:
// words.txt` in the seeds resolves. A pack that loads is checked with
// CheckPacks, loaded again without examples (as linting does) and compared,
// compiled with Engine::Create and, when that works, its own examples and a
// fixed draft are linted.
//
// Every failure must come back as LoadErrors, never as a crash, an uncaught
// exception or an error without a message.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "rules/rule_loader.h"
#include "engine/rule_tests.h"

namespace {

std::string& PackPath() {
  static std::string path;
  return path;
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "loader_fuzzer: %s\n", what.c_str());
  std::abort();
}

void CheckErrors(const std::vector<postcheck::LoadError>& errors) {
  for (const postcheck::LoadError& e : errors) {
    if (e.message.empty()) Fail("a LoadError without a message: " + e.ToString());
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base && *base ? base : "/tmp") + "/postcheck-loader-fuzz-XXXXXX";
  if (!mkdtemp(templ.data())) Fail("mkdtemp failed for " + templ);
  PackPath() = templ + "/pack.yaml";
  std::ofstream words(templ + "/words.txt");
  words << "# a words file the seeds can refer to\nfuzzword\nfuzz phrase\n";
  if (!words) Fail("cannot write " + templ + "/words.txt");
  // The directory is left behind on exit: libFuzzer has no teardown hook and
  // it holds two small files.
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream file(PackPath(), std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!file) Fail("cannot write " + PackPath());
  }
  std::vector<postcheck::Pack> packs;
  std::vector<postcheck::LoadError> errors;
  bool loaded = postcheck::LoadPackFile(PackPath(), &packs, &errors);
  CheckErrors(errors);
  if (!loaded) {
    if (errors.empty()) Fail("LoadPackFile failed without an error");
    return 0;
  }
  if (!errors.empty()) Fail("LoadPackFile succeeded but reported errors");
  if (packs.size() != 1) Fail("LoadPackFile loaded " + std::to_string(packs.size()) + " packs");
  // Without examples (how linting loads), the same pack must load the same.
  {
    postcheck::LoadOptions lean_options;
    lean_options.read_examples = false;
    std::vector<postcheck::Pack> lean;
    if (!postcheck::LoadPackFile(PackPath(), &lean, &errors, lean_options) || lean.size() != 1 ||
        lean[0].rules.size() != packs[0].rules.size()) {
      Fail("the pack loads with its examples but not without them");
    }
    for (size_t r = 0; r < lean[0].rules.size(); ++r) {
      const postcheck::Rule& a = packs[0].rules[r];
      const postcheck::Rule& b = lean[0].rules[r];
      if (a.full_id != b.full_id || a.message != b.message || a.mark.line != b.mark.line ||
          a.patterns.size() != b.patterns.size() || a.words != b.words) {
        Fail("rule " + a.full_id + " reads differently without its examples");
      }
    }
  }
  if (!postcheck::CheckPacks(packs, &errors)) {
    if (errors.empty()) Fail("CheckPacks failed without an error");
    CheckErrors(errors);
    return 0;
  }
  std::unique_ptr<postcheck::Engine> engine =
      postcheck::Engine::Create(std::move(packs), postcheck::EngineOptions{}, &errors);
  CheckErrors(errors);
  if (!engine) {
    if (errors.empty()) Fail("Engine::Create failed without an error");
    return 0;
  }
  postcheck::RunRuleExamples(*engine);
  engine->Lint("Call Mr Jones on 07911 123456 at 22 Orchard Road, f***ing RTC. fuzzword!\n");
  return 0;
}
