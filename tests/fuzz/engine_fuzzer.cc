// libFuzzer target: arbitrary bytes through the whole engine with every pack
// in rules/ loaded, the way the command line lints a draft.
//
// The bytes are checked with CheckDraftText first (what ReadDraft does), so
// only NUL-free, valid UTF-8 reaches Engine::Lint; then both the json and the
// text formatter (with colour and redaction) write the report to a string.
// Besides the sanitizers, the target aborts when a finding breaks the
// invariants every report relies on: the span lies inside the text, `match`
// is exactly those bytes, and start <= end.
//
// Run: build-fuzz/tests/fuzz/engine_fuzzer tests/fuzz/corpus/engine
// (scripts/fuzz.sh does it on a copy of the corpus). POSTCHECK_RULES_DIR
// picks another rules directory.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "reporting/formatter.h"
#include "text/input.h"
#include "rules/rule_loader.h"
#include "rules/rules_location.h"

namespace {

std::unique_ptr<postcheck::Engine>& TheEngine() {
  static std::unique_ptr<postcheck::Engine> engine;
  return engine;
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "engine_fuzzer: %s\n", what.c_str());
  std::abort();
}

void CheckFinding(std::string_view text, const postcheck::Finding& f) {
  if (f.rule == nullptr) Fail("finding without a rule");
  if (f.offset > text.size() || f.length > text.size() - f.offset) {
    Fail("finding of " + f.rule->full_id + " outside the text: offset " + std::to_string(f.offset) +
         " length " + std::to_string(f.length) + " in " + std::to_string(text.size()) + " bytes");
  }
  if (text.substr(f.offset, f.length) != f.match) {
    Fail("finding of " + f.rule->full_id + " at " + std::to_string(f.offset) + ": match '" + f.match +
         "' is not the text it covers");
  }
  if (f.start.line < 1 || f.start.column < 1 || f.end.line < f.start.line ||
      (f.end.line == f.start.line && f.end.column < f.start.column)) {
    Fail("finding of " + f.rule->full_id + " has a bad position");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  std::string dir = postcheck::DefaultRulesDir();
  if (dir.empty()) Fail("cannot find the rules directory (set POSTCHECK_RULES_DIR)");
  std::vector<postcheck::Pack> packs;
  std::vector<postcheck::LoadError> errors;
  postcheck::LoadPackDir(dir, &packs, &errors);
  if (errors.empty()) postcheck::CheckPacks(packs, &errors);
  if (errors.empty()) {
    TheEngine() = postcheck::Engine::Create(std::move(packs), postcheck::EngineOptions{}, &errors);
  }
  if (!TheEngine()) {
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    Fail("cannot load the rule packs in " + dir);
  }
  std::fprintf(stderr, "engine_fuzzer: %zu rules from %s\n", TheEngine()->rules().size(), dir.c_str());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string reason;
  if (!postcheck::CheckDraftText(text, &reason)) {
    if (reason.empty()) Fail("CheckDraftText refused without a reason");
    return -1;  // not a draft the CLI would lint: keep it out of the corpus
  }
  const postcheck::Engine& engine = *TheEngine();

  postcheck::FileReport report;
  report.path = "draft.txt";
  report.text = text;
  report.findings = engine.Lint(text);
  postcheck::Summary summary;
  summary.files = 1;
  for (const postcheck::Finding& f : report.findings) CheckFinding(text, f);

  std::ostringstream out;
  postcheck::FormatOptions plain;
  postcheck::FormatOptions fancy;
  fancy.color = true;
  fancy.redact = true;
  for (auto [format, options] : {std::pair{"json", plain}, std::pair{"text", fancy}, std::pair{"json", fancy}}) {
    std::unique_ptr<postcheck::Formatter> formatter = postcheck::MakeFormatter(format, options, engine.rules());
    if (!formatter) Fail(std::string("no formatter for ") + format);
    formatter->Begin(out);
    formatter->File(report, out);
    formatter->End(summary, out);
  }
  return 0;
}
