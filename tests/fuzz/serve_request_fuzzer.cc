// libFuzzer target: arbitrary bytes as the body of POST /v1/lint, through
// the request parser (lint/service/lint_request.h), the engine for the
// platform the body names, and the response writer, the way `postcheck serve`
// answers one request; with every pack in rules/ loaded.
//
// Besides the sanitizers, the target aborts when: a refused body gets no
// reason, or a reason of more than one line, or an error body that is not
// JSON; an accepted body's text is not NUL-free UTF-8; the answer is not
// valid JSON, or its findings are not the engine's (count, rule, offset) or
// its "fix" is not ApplyFixes of them.
//
// Run: build-fuzz/tests/fuzz/serve_request_fuzzer tests/fuzz/corpus/serve
// (scripts/fuzz.sh 60 serve does it on a copy of the corpus).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "engine_set.h"
#include "reporting/fix.h"
#include "http_server.h"
#include "text/input.h"
#include "lint_request.h"
#include "lint_response.h"
#include "rules/rule_loader.h"
#include "rules/rules_location.h"

namespace {

struct State {
  std::unique_ptr<postcheck::Engine> engine;
  postcheck::EngineOptions options;
  std::unique_ptr<postcheck::EngineSet> engines;
};

State& TheState() {
  static State state;
  return state;
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "serve_request_fuzzer: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  std::string dir = postcheck::DefaultRulesDir();
  if (dir.empty()) Fail("cannot find the rules directory (set POSTCHECK_RULES_DIR)");
  std::vector<postcheck::Pack> packs;
  std::vector<postcheck::LoadError> errors;
  postcheck::LoadPackDir(dir, &packs, &errors);
  if (errors.empty()) postcheck::CheckPacks(packs, &errors);
  State& state = TheState();
  if (errors.empty()) state.engine = postcheck::Engine::Create(std::move(packs), state.options, &errors);
  if (!state.engine) {
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    Fail("cannot load the rule packs in " + dir);
  }
  state.engines = std::make_unique<postcheck::EngineSet>(*state.engine, state.options);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  std::string error;
  std::optional<postcheck::LintRequest> request = postcheck::ParseLintRequest(body, &error);
  if (!request) {
    if (error.empty() || error.find('\n') != std::string::npos) Fail("bad refusal reason: '" + error + "'");
    nlohmann::json refusal = nlohmann::json::parse(postcheck::ErrorJson(error), nullptr, false);
    if (refusal.is_discarded() || refusal.at("error") != error) Fail("error body is not JSON: " + error);
    return 0;
  }
  std::string reason;
  if (!postcheck::CheckDraftText(request->text, &reason)) Fail("accepted a text that is not a draft: " + reason);
  State& state = TheState();
  std::string platform = request->platform.value_or(state.engines->default_platform());
  const postcheck::Engine* engine = state.engines->ForPlatform(platform, &error);
  if (!engine) {
    if (error.empty()) Fail("no engine and no reason for platform '" + platform + "'");
    return 0;
  }
  std::string answer = postcheck::LintResponseJson(*engine, platform, request->text);
  nlohmann::json parsed = nlohmann::json::parse(answer, nullptr, false);
  if (parsed.is_discarded()) Fail("the answer is not JSON: " + answer.substr(0, 200));
  std::vector<postcheck::Finding> findings = engine->Lint(request->text);
  const auto& listed = parsed.at("findings");
  if (listed.size() != findings.size()) Fail("the answer lists a different number of findings");
  for (size_t i = 0; i < findings.size(); ++i) {
    if (listed[i].at("rule") != findings[i].rule->full_id || listed[i].at("offset") != findings[i].offset ||
        listed[i].at("length") != findings[i].length) {
      Fail("finding " + std::to_string(i) + " differs from the engine's");
    }
  }
  if (parsed.at("fix") != postcheck::ApplyFixes(request->text, findings)) Fail("\"fix\" is not ApplyFixes");
  return 0;
}
