// Unit tests for the findings stage (findings_stage.h): which spans are
// reported, in what order, and the allow list's numbers.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/findings_stage.h"

namespace postcheck {
namespace {

// Three rules: tone.swear, jargon.term and spelling.unknown-word.
struct Fixture {
  Rule swear, term, spelling;
  std::vector<const Rule*> rules;
  Engine::Impl engine;
  TokenizedText text;
  std::string draft = "bloody ASBO aplication 0800 555 111";

  Fixture() {
    swear.full_id = "tone.swear";
    term.full_id = "jargon.term";
    spelling.full_id = "spelling.unknown-word";
    spelling.spelling.emplace();
    rules = {&swear, &term, &spelling};
    engine.compiled.resize(3);
    Tokenize(draft, &text);
  }
  std::string Reported(const RuleSpans& spans) {
    std::vector<std::pair<uint32_t, uint32_t>> taken;
    std::vector<postcheck::Reported> out;
    SelectReported(engine, rules, text, spans, {}, &taken, &out);
    std::string s;
    for (const auto& r : out) {
      s += rules[r.rule]->full_id + "@" + std::to_string(r.span.begin) + " ";
    }
    return s;
  }
};

TEST_CASE("reported in order of offset, then rule id") {
  Fixture f;
  RuleSpans spans;
  spans.by_rule = {{{0, 6, -1}}, {{0, 6, -1}, {7, 11, -1}}, {}};
  spans.rules = {1, 0};
  CHECK(f.Reported(spans) == "jargon.term@0 tone.swear@0 jargon.term@7 ");
}

TEST_CASE("a misspelling inside a span another rule reports is not reported") {
  Fixture f;
  RuleSpans spans;
  spans.by_rule = {{{0, 6, -1}}, {}, {{2, 5, -1}, {12, 22, -1}}};
  spans.rules = {2, 0};
  CHECK(f.Reported(spans) == "tone.swear@0 spelling.unknown-word@12 ");
}

TEST_CASE("disabled rules are not reported, nor does their span hide a misspelling") {
  Fixture f;
  f.engine.compiled[0].enabled = false;
  RuleSpans spans;
  spans.by_rule = {{{0, 6, -1}}, {}, {{0, 6, -1}}};
  spans.rules = {0, 2};
  CHECK(f.Reported(spans) == "spelling.unknown-word@0 ");
}

TEST_CASE("an allowed number hides that number written any way, not a span with more in it") {
  Fixture f;
  f.engine.allow_numbers = {AllowedNumberDigits("0800-555-111")};
  CHECK(f.engine.allow_numbers[0] == "0800555111");
  CHECK(AllowedNumberDigits("Elm Road").empty());
  RuleSpans spans;
  spans.by_rule = {{}, {{23, 35, -1}, {12, 35, -1}}, {}};
  spans.rules = {1};
  CHECK(f.Reported(spans) == "jargon.term@12 ");
}

}  // namespace
}  // namespace postcheck
