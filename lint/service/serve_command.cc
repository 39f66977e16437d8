// See serve_command.h.
#include "serve_command.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/cli.h"
#include "engine_set.h"
#include "http_server.h"
#include "routes.h"

namespace postcheck {
namespace {

// SIGINT and SIGTERM stop the server through a pipe read by a thread of its
// own (a signal handler can only write a byte). A second signal exits at once.
int g_signal_pipe[2] = {-1, -1};
std::atomic<int> g_signals{0};

extern "C" void OnStopSignal(int) {
  if (g_signals.fetch_add(1) >= 1) _exit(130);
  char byte = 1;
  ssize_t ignored = ::write(g_signal_pipe[1], &byte, 1);
  (void)ignored;
}

class StopOnSignal {
 public:
  explicit StopOnSignal(HttpServer* server) {
    if (::pipe(g_signal_pipe) != 0) return;
    g_signals = 0;
    struct sigaction action {};
    action.sa_handler = OnStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
    watcher_ = std::thread([server] {
      char byte = 0;
      ssize_t n;
      do n = ::read(g_signal_pipe[0], &byte, 1);
      while (n < 0 && errno == EINTR);
      if (n == 1 && byte == 1) server->Stop();
    });
  }

  ~StopOnSignal() {
    if (!watcher_.joinable()) return;
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    char byte = 0;  // wakes the watcher if no signal came
    ssize_t ignored = ::write(g_signal_pipe[1], &byte, 1);
    (void)ignored;
    watcher_.join();
    ::close(g_signal_pipe[0]);
    ::close(g_signal_pipe[1]);
    g_signal_pipe[0] = g_signal_pipe[1] = -1;
  }

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
  std::thread watcher_;
};

// The token: the file's content without surrounding white space.
bool ReadToken(const std::string& path, std::string* token, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot read the token file (" + std::strerror(errno) + ")";
    return false;
  }
  std::ostringstream content;
  content << in.rdbuf();
  std::string text = content.str();
  size_t begin = text.find_first_not_of(" \t\r\n");
  size_t end = text.find_last_not_of(" \t\r\n");
  *token = begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
  if (token->empty()) {
    *error = path + ": the token file is empty";
    return false;
  }
  for (size_t i = 0; i < token->size(); ++i) {
    unsigned char c = static_cast<unsigned char>((*token)[i]);
    if (c <= 0x20 || c >= 0x7f) {
      *error = path + ": the token must be one line of printable ASCII without spaces (byte " + std::to_string(i) + ")";
      return false;
    }
  }
  return true;
}

}  // namespace

CLI::App* AddServeCommand(CLI::App& app, ServeOptions* options) {
  CLI::App* serve = app.add_subcommand(
      "serve", "Serve a web page and a JSON API (POST /v1/lint) that lint drafts with these options");
  serve->fallthrough();  // the engine and config options may come after `serve`
  serve->add_option("--listen", options->listen, "HOST:PORT to listen on (0.0.0.0:PORT for an intranet)")
      ->capture_default_str();
  serve->add_option("--token-file", options->token_file,
                    "File holding a token that every /v1/ request must send as 'Authorization: Bearer TOKEN'");
  serve->add_option("--max-connections", options->max_connections,
                    "Connections served at once (one thread each); more are refused with 503")
      ->check(CLI::Range(1u, 1000u))
      ->capture_default_str();
  serve->add_option("--timeout", options->timeout_seconds, "Seconds a socket read or write may wait")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  return serve;
}

bool ParseListenAddress(const std::string& text, ListenAddress* address, std::string* error) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    *error = "--listen '" + text + "': expected HOST:PORT, e.g. 127.0.0.1:8080";
    return false;
  }
  std::string host = text.substr(0, colon), port = text.substr(colon + 1);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') {
      *error = "--listen '" + text + "': an IPv6 address goes in brackets, e.g. [::1]:8080";
      return false;
    }
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string::npos) {
    *error = "--listen '" + text + "': an IPv6 address goes in brackets, e.g. [::1]:8080";
    return false;
  }
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
    *error = "--listen '" + text + "': the port must be a number from 0 to 65535";
    return false;
  }
  address->host = host;
  address->port = std::stoi(port);
  return true;
}

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

int RunServe(const Engine& engine, const EngineOptions& engine_options, size_t max_bytes,
             const ServeOptions& options, std::ostream& err) {
  ListenAddress address;
  std::string error;
  if (!ParseListenAddress(options.listen, &address, &error)) {
    err << "postcheck serve: " << error << "\n";
    return kExitError;
  }
  RouteOptions routes;
  routes.max_bytes = max_bytes;
  if (!options.token_file.empty() && !ReadToken(options.token_file, &routes.token, &error)) {
    err << "postcheck serve: " << error << "\n";
    return kExitError;
  }
  if (!IsLoopbackHost(address.host)) {
    err << "postcheck serve: warning: " << address.host
        << " can be reached from other machines; drafts cross the network unencrypted (put a TLS proxy in front)"
        << (routes.token.empty() ? ", and without --token-file anyone who can reach it can use it" : "") << "\n";
  }

  EngineSet engines(engine, engine_options);
  ServerLimits limits;
  limits.max_connections = options.max_connections;
  limits.timeout_seconds = options.timeout_seconds;
  HttpServer server(limits);
  InstallRoutes(server, engines, routes);
  int port = server.Bind(address.host, address.port);
  if (port < 0) {
    err << "postcheck serve: cannot listen on " << options.listen << " (" << std::strerror(errno) << ")\n";
    return kExitError;
  }
  bool ok;
  {
    StopOnSignal stop_on_signal(&server);
    std::string host = address.host.find(':') != std::string::npos ? "[" + address.host + "]" : address.host;
    err << "postcheck serve: listening on http://" << host << ":" << port << "/" << std::endl;
    ok = server.ListenUntilStopped();
  }
  err << (ok ? "postcheck serve: stopped\n" : "postcheck serve: the server failed\n");
  err.flush();
  return ok ? kExitClean : kExitError;
}

}  // namespace postcheck
