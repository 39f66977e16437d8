// See routes.h. Everything but the lint body is answered in httplib's
// pre-routing handler, before any request body is read; POST /v1/lint passes
// its checks there and then reads its body, within the limit, in a content
// reader handler.
#include "routes.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "lint_pool.h"
#include "lint_request.h"
#include "lint_response.h"
#include "page_assets.h"
#include "rules/platform.h"
#include "rules_json.h"

namespace postcheck {
namespace {

using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

constexpr std::string_view kJson = "application/json";

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Compares in time that depends only on the lengths.
bool SameSecret(std::string_view given, std::string_view secret) {
  unsigned char diff = given.size() == secret.size() ? 0 : 1;
  for (size_t i = 0; i < secret.size(); ++i) diff |= static_cast<unsigned char>(secret[i] ^ (i < given.size() ? given[i] : 0));
  return diff == 0;
}

bool Authorized(const Request& req, const std::string& token) {
  if (token.empty()) return true;
  std::string header = req.get_header_value("Authorization");
  std::string_view value = Trim(header);
  if (value.size() < 7 || Lower(value.substr(0, 7)) != "bearer ") return false;
  return SameSecret(Trim(value.substr(7)), token);
}

// application/json, with at most a UTF-8 charset parameter.
bool IsJsonContentType(const std::string& header) {
  std::string value = Lower(header);
  std::string_view type = Trim(std::string_view(value).substr(0, value.find(';')));
  if (type != "application/json") return false;
  size_t semicolon = value.find(';');
  while (semicolon != std::string::npos) {
    size_t next = value.find(';', semicolon + 1);
    std::string_view param = Trim(std::string_view(value).substr(semicolon + 1, next - semicolon - 1));
    if (param.starts_with("charset=")) {
      std::string_view charset = param.substr(8);
      if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') charset = charset.substr(1, charset.size() - 2);
      if (charset != "utf-8" && charset != "utf8") return false;
    }
    semicolon = next;
  }
  return true;
}

bool HasBody(const Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  return req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0";
}

class Routes {
 public:
  Routes(EngineSet& engines, const RouteOptions& options) : engines_(engines), options_(options) {}

  HandlerResponse PreRoute(const Request& req, Response& res) {
    const std::string& path = req.path;
    const bool get = req.method == "GET" || req.method == "HEAD";
    if (path == "/v1" || path.starts_with("/v1/")) {
      if (!Authorized(req, options_.token)) {
        res.set_header("WWW-Authenticate", "Bearer realm=\"postcheck\"");
        return Refuse(req, res, 401, "missing or wrong token: send \"Authorization: Bearer <token>\"");
      }
      if (path == "/v1/lint") return PreLint(req, res);
      if (path == "/v1/rules") return get ? Answer(req, res, 200, RuleListJson(engines_.base()), kJson)
                                          : NotAllowed(req, res, "GET, HEAD");
      if (path.starts_with("/v1/rules/")) {
        if (!get) return NotAllowed(req, res, "GET, HEAD");
        std::string_view id = std::string_view(path).substr(10);
        const Rule* rule = engines_.base().FindRule(id);
        if (!rule) return Refuse(req, res, 404, "unknown rule '" + std::string(id) + "' (see GET /v1/rules)");
        return Answer(req, res, 200, RuleJson(engines_.base(), *rule), kJson);
      }
      return Refuse(req, res, 404, "no such path: " + path);
    }
    if (path == "/healthz") {
      return get ? Answer(req, res, 200, "{\"status\":\"ok\"}", kJson) : NotAllowed(req, res, "GET, HEAD");
    }
    if (const PageAsset* asset = FindPageAsset(path)) {
      return get ? Answer(req, res, 200, std::string(asset->body), asset->content_type)
                 : NotAllowed(req, res, "GET, HEAD");
    }
    return Refuse(req, res, 404, "no such path: " + path);
  }

  // The content reader handler of POST /v1/lint, after PreLint let it through.
  void Lint(const Request& req, Response& res, const httplib::ContentReader& read) {
    std::string body;
    bool too_large = false;
    bool read_ok = read([&](const char* data, size_t size) {
      if (body.size() + size > options_.max_bytes) {
        too_large = true;
        return false;
      }
      body.append(data, size);
      return true;
    });
    if (too_large) {
      Refuse(req, res, 413, TooLarge(), /*body_unread=*/true);
      return;
    }
    if (!read_ok) {
      Refuse(req, res, 400, "could not read the request body", /*body_unread=*/true);
      return;
    }
    std::string error;
    std::optional<LintRequest> request = ParseLintRequest(body, &error);
    if (!request) {
      Refuse(req, res, 400, error, false);
      return;
    }
    std::string platform = request->platform ? *request->platform : engines_.default_platform();
    if (!platform.empty() && std::find(PlatformNames().begin(), PlatformNames().end(), platform) == PlatformNames().end()) {
      engines_.ForPlatform(platform, &error);
      Refuse(req, res, 400, error, false);
      return;
    }
    const Engine* engine = engines_.ForPlatform(platform, &error);
    if (!engine) {
      Refuse(req, res, 500, error, false);
      return;
    }
    res.status = 200;
    res.set_content(lint_pool_.Run([&] { return LintResponseJson(*engine, platform, request->text); }),
                    std::string(kJson));
  }

 private:
  HandlerResponse PreLint(const Request& req, Response& res) {
    if (req.method != "POST") return NotAllowed(req, res, "POST");
    if (!IsJsonContentType(req.get_header_value("Content-Type"))) {
      return Refuse(req, res, 415, "the body must be JSON: send \"Content-Type: application/json\"");
    }
    std::string encoding = Lower(Trim(req.get_header_value("Content-Encoding")));
    if (!encoding.empty() && encoding != "identity" && encoding != "gzip" && encoding != "deflate" && encoding != "br") {
      return Refuse(req, res, 415, "unsupported Content-Encoding '" + encoding + "'");
    }
    if (req.has_header("Content-Length")) {
      const std::string length = req.get_header_value("Content-Length");
      if (length.size() > 19 || std::stoull("0" + length) > options_.max_bytes) return Refuse(req, res, 413, TooLarge());
    }
    return HandlerResponse::Unhandled;  // on to Lint, which reads the body
  }

  std::string TooLarge() const {
    return "request body is over the limit of " + std::to_string(options_.max_bytes) + " bytes (--max-bytes)";
  }

  HandlerResponse Answer(const Request& req, Response& res, int status, std::string body, std::string_view type) {
    if (HasBody(req)) HttpServer::CloseAfterResponse();  // a body we did not read
    res.status = status;
    res.set_content(std::move(body), std::string(type));
    return HandlerResponse::Handled;
  }

  HandlerResponse NotAllowed(const Request& req, Response& res, const char* allow) {
    res.set_header("Allow", allow);
    return Refuse(req, res, 405, "method " + req.method + " not allowed here (allowed: " + allow + ")");
  }

  HandlerResponse Refuse(const Request& req, Response& res, int status, const std::string& message) {
    return Answer(req, res, status, ErrorJson(message), kJson);
  }

  void Refuse(const Request&, Response& res, int status, const std::string& message, bool body_unread) {
    if (body_unread) HttpServer::CloseAfterResponse();
    res.status = status;
    res.set_content(ErrorJson(message), std::string(kJson));
  }

  EngineSet& engines_;
  const RouteOptions& options_;
  LintPool lint_pool_{options_.lint_threads};  // the lints of every connection, one core each
};

}  // namespace

void InstallRoutes(HttpServer& server, EngineSet& engines, const RouteOptions& options) {
  auto routes = std::make_shared<Routes>(engines, options);
  server.set_pre_routing_handler([routes](const Request& req, Response& res) { return routes->PreRoute(req, res); });
  server.Post("/v1/lint", [routes](const Request& req, Response& res, const httplib::ContentReader& read) {
    routes->Lint(req, res, read);
  });
}

}  // namespace postcheck
