// Unit tests for running rules' own flag/pass examples (rule_tests.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "rules/rule_loader.h"
#include "engine/rule_tests.h"

namespace postcheck {
namespace {

const std::string kPack = std::string(POSTCHECK_TEST_DATA) + "/rule_tests/examples.yaml";

std::unique_ptr<Engine> Build(const EngineOptions& options) {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  REQUIRE(LoadPackFile(kPack, &packs, &errors));
  std::unique_ptr<Engine> engine = Engine::Create(std::move(packs), options, &errors);
  REQUIRE(engine != nullptr);
  return engine;
}

EngineOptions WithoutOff() {
  EngineOptions options;
  options.disabled_rules = {"rt.off"};
  return options;
}

TEST_CASE("failing flag and pass examples are reported with rule and text") {
  auto engine = Build(WithoutOff());
  ExampleResults results = RunRuleExamples(*engine);
  CHECK(results.rules == 4);      // good, bad, wrong-match, block (a building block); not off
  CHECK(results.examples == 11);  // 3 + 4 + 2 + 2 (block)
  REQUIRE(results.failures.size() == 4);

  const ExampleFailure& not_flagged = results.failures[0];
  CHECK(not_flagged.rule->full_id == "rt.bad");
  CHECK(not_flagged.is_flag);
  CHECK(not_flagged.example->text == "not here");
  CHECK(not_flagged.detail.empty());
  CHECK(not_flagged.ToString() == kPack + ":20:11: rule 'rt.bad': flag example not flagged: \"not here\"");

  const ExampleFailure& flagged = results.failures[1];
  CHECK(flagged.rule->full_id == "rt.bad");
  CHECK_FALSE(flagged.is_flag);
  CHECK(flagged.example->text == "drat again, drat");
  CHECK(flagged.detail == "matched \"drat\"");
  CHECK(flagged.ToString() ==
        kPack + ":23:11: rule 'rt.bad': pass example flagged: \"drat again, drat\" (matched \"drat\")");

  const ExampleFailure& wrong = results.failures[2];
  CHECK(wrong.rule->full_id == "rt.wrong-match");
  CHECK(wrong.is_flag);
  CHECK(wrong.example->match == "blast it");
  CHECK(wrong.detail == "matched \"blast\", \"blast\", expected \"blast it\"");
  CHECK(wrong.ToString() == kPack +
                                ":31:11: rule 'rt.wrong-match': flag example not flagged: \"blast it and blast\" "
                                "(matched \"blast\", \"blast\", expected \"blast it\")");

  const ExampleFailure& block = results.failures[3];
  CHECK(block.rule->full_id == "rt.block");
  CHECK_FALSE(block.is_flag);
  CHECK(block.example->text == "bother");
}

TEST_CASE("an enabled rule's examples run too") {
  auto engine = Build(EngineOptions());
  ExampleResults results = RunRuleExamples(*engine);
  CHECK(results.rules == 5);
  CHECK(results.examples == 13);
  REQUIRE(results.failures.size() == 6);
  CHECK(results.failures[4].rule->full_id == "rt.off");
  CHECK(results.failures[4].is_flag);
  CHECK(results.failures[4].example->text == "nothing");
  CHECK(results.failures[5].rule->full_id == "rt.off");
  CHECK_FALSE(results.failures[5].is_flag);
  CHECK(results.failures[5].detail == "matched \"heck\"");
}

TEST_CASE("a pack whose examples all pass") {
  EngineOptions options;
  options.only_packs = {"rt"};
  options.disabled_rules = {"rt.bad", "rt.wrong-match", "rt.off"};
  auto engine = Build(options);
  ExampleResults results = RunRuleExamples(*engine);
  // good runs; block (report: false) always runs and fails its pass example.
  CHECK(results.rules == 2);
  CHECK(results.examples == 5);
  REQUIRE(results.failures.size() == 1);
  CHECK(results.failures[0].rule->full_id == "rt.block");
}

}  // namespace
}  // namespace postcheck
