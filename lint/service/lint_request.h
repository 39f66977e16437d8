// The body of POST /v1/lint, {"text": "...", "platform": "x"}, read with
// nlohmann-json's SAX parser: no document is built, nesting is bounded, and
// every refusal is a 400 with a one-line reason naming the byte or key.
#ifndef POSTCHECK_SERVICE_LINT_REQUEST_H_
#define POSTCHECK_SERVICE_LINT_REQUEST_H_

#include <optional>
#include <string>
#include <string_view>

namespace postcheck {

struct LintRequest {
  std::string text;              // the draft: valid UTF-8 without NUL
  std::optional<std::string> platform;  // absent: the server's default; "" or null: none
};

// Nesting deeper than this anywhere in the body is refused.
inline constexpr int kMaxRequestDepth = 32;

// Parses `body`. Returns nullopt with *error set ("body is not JSON: ...",
// "body is not UTF-8 text at byte 3", "\"text\" is missing", "\"text\" must
// be a string", "\"platform\" must be a string", "text: not text (NUL byte at
// byte 4)") when the body is not a JSON object with a string "text" and an
// optional string or null "platform". Other keys are ignored. Does not check
// the platform's name (the caller knows which exist).
std::optional<LintRequest> ParseLintRequest(std::string_view body, std::string* error);

}  // namespace postcheck

#endif  // POSTCHECK_SERVICE_LINT_REQUEST_H_
