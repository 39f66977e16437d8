// The rule data the API serves, as JSON: GET /v1/rules is what --list-rules
// prints, GET /v1/rules/{pack.id} what --explain prints. Read from the loaded
// rules (the YAML), never repeated here.
#ifndef POSTCHECK_SERVICE_RULES_JSON_H_
#define POSTCHECK_SERVICE_RULES_JSON_H_

#include <string>

#include "engine/engine.h"

namespace postcheck {

// {"rules":[{"id","pack","category","severity","message","enabled"}...]}:
// every reported rule, in pack then file order (as --list-rules).
std::string RuleListJson(const Engine& engine);

// {"id","pack","category","severity","reported","enabled","message","why",
//  "suggestion","fix","source":{"file","line"},"matches":{...},
//  "validators":[...],"near":[...],"unless":[...],
//  "examples":{"flag":[{"text","match"}],"pass":[text...]}}
// (as --explain; "file" is the pack's file name without its folder).
std::string RuleJson(const Engine& engine, const Rule& rule);

}  // namespace postcheck

#endif  // POSTCHECK_SERVICE_RULES_JSON_H_
