// Tests of the service's pure parts: the lint request body, the --listen
// address and the error body.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "http_server.h"
#include "lint_request.h"
#include "serve_command.h"

namespace postcheck {
namespace {

std::string Refusal(std::string_view body) {
  std::string error;
  std::optional<LintRequest> request = ParseLintRequest(body, &error);
  CHECK_FALSE(request.has_value());
  return error;
}

TEST_CASE("a request with text and an optional platform") {
  std::string error;
  auto request = ParseLintRequest(R"({"text": "Ring 07911 123456.\n", "platform": "x", "other": [1, {"a": null}]})", &error);
  REQUIRE(request.has_value());
  CHECK(request->text == "Ring 07911 123456.\n");
  CHECK(request->platform == std::optional<std::string>("x"));

  request = ParseLintRequest(R"({"text": "caf\u00e9 \ud83d\ude93"})", &error);
  REQUIRE(request.has_value());
  CHECK(request->text == "caf\xc3\xa9 \xf0\x9f\x9a\x93");
  CHECK_FALSE(request->platform.has_value());

  request = ParseLintRequest(R"({"platform": null, "text": ""})", &error);
  REQUIRE(request.has_value());
  CHECK(request->platform == std::optional<std::string>(""));
  CHECK(request->text.empty());
}

TEST_CASE("every refusal names what is wrong") {
  CHECK(Refusal("").starts_with("body is not JSON: "));
  CHECK(Refusal("{\"text\": \"a\"").starts_with("body is not JSON: "));
  CHECK(Refusal("{\"text\": \"a\"} {}").starts_with("body is not JSON: "));
  CHECK(Refusal("[]") == "body must be a JSON object: {\"text\": \"...\"}");
  CHECK(Refusal("\"a\"") == "body must be a JSON object: {\"text\": \"...\"}");
  CHECK(Refusal("{}") == "\"text\" is missing: send {\"text\": \"...\"}");
  CHECK(Refusal(R"({"nested": {"text": "a"}})") == "\"text\" is missing: send {\"text\": \"...\"}");
  CHECK(Refusal(R"({"text": 1})") == "\"text\" must be a string");
  CHECK(Refusal(R"({"text": {"a": "b"}})") == "\"text\" must be a string");
  CHECK(Refusal(R"({"text": "a", "platform": ["x"]})") == "\"platform\" must be a string or null");
  CHECK(Refusal("{\"text\": \"caf\xe9\"}") == "body is not UTF-8 text at byte 13");
  CHECK(Refusal(R"({"text": "a\u0000"})") == "text: not text (NUL byte at byte 1)");
  CHECK(Refusal(std::string(100, '[')) == "body is nested more than 32 levels deep");
  // nlohmann's "last read" echo is left out: it can cut a UTF-8 sequence.
  std::string cut = Refusal("{\"text\"\xc3\xa9: \"a\"}");
  CHECK(cut == "body is not JSON: syntax error while parsing object separator - invalid literal; expected ':' (byte 7)");
  for (const std::string& e : {Refusal("{\"text\":\n\n"), Refusal(std::string(100, '{'))}) {
    CHECK(e.find('\n') == std::string::npos);
  }
}

TEST_CASE("listen addresses") {
  ListenAddress a;
  std::string error;
  REQUIRE(ParseListenAddress("127.0.0.1:8080", &a, &error));
  CHECK(a.host == "127.0.0.1");
  CHECK(a.port == 8080);
  REQUIRE(ParseListenAddress("[::1]:0", &a, &error));
  CHECK(a.host == "::1");
  CHECK(a.port == 0);
  CHECK_FALSE(ParseListenAddress("8080", &a, &error));
  CHECK_FALSE(ParseListenAddress(":8080", &a, &error));
  CHECK_FALSE(ParseListenAddress("host:", &a, &error));
  CHECK_FALSE(ParseListenAddress("::1:80", &a, &error));
  CHECK_FALSE(ParseListenAddress("host:65536", &a, &error));
  CHECK_FALSE(ParseListenAddress("host:-1", &a, &error));
  CHECK(IsLoopbackHost("127.0.0.1"));
  CHECK(IsLoopbackHost("127.1.2.3"));
  CHECK(IsLoopbackHost("::1"));
  CHECK(IsLoopbackHost("localhost"));
  CHECK_FALSE(IsLoopbackHost("0.0.0.0"));
  CHECK_FALSE(IsLoopbackHost("192.168.1.2"));
}

TEST_CASE("error bodies") {
  CHECK(ErrorJson("no \"such\" path\n") == R"({"error":"no \"such\" path\n"})");
}

}  // namespace
}  // namespace postcheck
