// What `postcheck serve` answers, path by path:
//   GET  /                    the page (and /assets/page.css, /assets/page.js)
//   GET  /healthz             200 {"status":"ok"}
//   GET  /v1/rules            the --list-rules data
//   GET  /v1/rules/{pack.id}  the --explain data (404 for an unknown rule)
//   POST /v1/lint             {"text","platform"?} -> findings, summary, fix
// Every refusal is JSON {"error": "..."}: 400 bad body or text, 401 missing
// or wrong bearer token (on /v1/ paths, when a token is set), 404 unknown
// path, 405 wrong method (with Allow), 413 body over max_bytes, 415 a body
// that is not application/json (or in an unknown Content-Encoding).
// A draft is never logged or kept: it lives in the handler's locals. The
// connection threads read and answer; the lints themselves run on a
// LintPool of one thread a core.
#ifndef POSTCHECK_SERVICE_ROUTES_H_
#define POSTCHECK_SERVICE_ROUTES_H_

#include <cstddef>
#include <string>

#include "engine_set.h"
#include "http_server.h"

namespace postcheck {

struct RouteOptions {
  size_t max_bytes = 0;     // largest request body accepted
  std::string token;        // when not empty, /v1/ needs "Authorization: Bearer <token>"
  size_t lint_threads = 0;  // threads that lint (lint_pool.h); 0: one a core
};

// Installs the routes on `server`; `engines` and `options` must outlive it.
void InstallRoutes(HttpServer& server, EngineSet& engines, const RouteOptions& options);

}  // namespace postcheck

#endif  // POSTCHECK_SERVICE_ROUTES_H_
