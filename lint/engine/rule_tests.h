// Runs every rule's own `flag` and `pass` examples against the engine, the
// way Semgrep tests rules by their annotated examples.
#ifndef POSTCHECK_RULE_TESTS_H_
#define POSTCHECK_RULE_TESTS_H_

#include <string>
#include <vector>

#include "engine/engine.h"

namespace postcheck {

struct ExampleFailure {
  const Rule* rule;
  const Example* example;
  bool is_flag;        // a flag example that was not flagged (else a pass example that was)
  std::string detail;  // what was found instead, when useful

  // "file:line:col: rule 'pack.id': flag example not flagged: "text"".
  std::string ToString() const;
};

struct ExampleResults {
  int rules = 0;      // rules whose examples ran
  int examples = 0;   // examples run
  std::vector<ExampleFailure> failures;
};

// Runs the examples of every rule that is enabled, is a building block
// (report: false) or is a platform rule. A flag example passes when the rule matches it (covering
// exactly `match`, when given); a pass example when the rule does not.
ExampleResults RunRuleExamples(const Engine& engine);

}  // namespace postcheck

#endif  // POSTCHECK_RULE_TESTS_H_
