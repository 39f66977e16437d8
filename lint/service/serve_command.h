// `postcheck serve`: the command-line side of the service. cli.cc adds the
// subcommand with AddServeCommand, builds the engine from the usual engine
// and config options, and hands it to RunServe, which serves it over HTTP
// (routes.h) until SIGINT or SIGTERM.
#ifndef POSTCHECK_SERVICE_SERVE_COMMAND_H_
#define POSTCHECK_SERVICE_SERVE_COMMAND_H_

#include <CLI/CLI.hpp>

#include <cstddef>
#include <ostream>
#include <string>

#include "engine/engine.h"

namespace postcheck {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";  // HOST:PORT ([::1]:PORT for IPv6; port 0: any)
  std::string token_file;                  // when set, /v1/ needs this bearer token
  unsigned max_connections = 32;           // served at once, one thread each; more get 503
  int timeout_seconds = 10;                // read and write timeout per socket operation
};

// Adds the `serve` subcommand and its own options to `app`; the parent's
// engine and config options may follow it.
CLI::App* AddServeCommand(CLI::App& app, ServeOptions* options);

// Where to listen, from "HOST:PORT".
struct ListenAddress {
  std::string host;  // without IPv6 brackets
  int port = 0;
};

// Parses "127.0.0.1:8080", "localhost:0", "[::1]:8080", "0.0.0.0:80".
// Returns false with *error set otherwise.
bool ParseListenAddress(const std::string& text, ListenAddress* address, std::string* error);

// Whether `host` can only be reached from this machine.
bool IsLoopbackHost(const std::string& host);

// Serves `engine` (built with `engine_options`) until SIGINT or SIGTERM.
// Prints "postcheck serve: listening on http://HOST:PORT/" to `err` when
// ready, a warning first when HOST is not loopback, and nothing else while
// it runs. Returns 0 after a clean stop, 2 when it cannot start.
int RunServe(const Engine& engine, const EngineOptions& engine_options, size_t max_bytes,
             const ServeOptions& options, std::ostream& err);

}  // namespace postcheck

#endif  // POSTCHECK_SERVICE_SERVE_COMMAND_H_
