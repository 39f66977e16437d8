// The body of a 200 answer to POST /v1/lint:
//   {"findings":[...],"summary":{"error":N,"warning":N,"suggestion":N},
//    "fix":"...","platform":null | {"name":"x","lengths":[{"rule":"platform.x-length",
//    "measure":"twitter","count":N,"limit":280}]}}
// Each finding is written by WriteFindingJson, the writer of --format json,
// so its bytes are the CLI's; "fix" is ApplyFixes, the --fix rewrite.
#ifndef POSTCHECK_SERVICE_LINT_RESPONSE_H_
#define POSTCHECK_SERVICE_LINT_RESPONSE_H_

#include <string>
#include <string_view>

#include "engine/engine.h"

namespace postcheck {

// Lints `text` with `engine` and returns the response body. `platform` is
// the platform the engine was built for ("" for none): its enabled length
// rules are measured for the "lengths" list.
std::string LintResponseJson(const Engine& engine, std::string_view platform, std::string_view text);

}  // namespace postcheck

#endif  // POSTCHECK_SERVICE_LINT_RESPONSE_H_
