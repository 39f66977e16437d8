// The HTTP server behind `postcheck serve`: cpp-httplib's Server with the
// limits the service promises, and nothing else (routes live in routes.h).
//
// - A fixed pool of `max_connections` threads; each connection is served by
//   one of them. A connection beyond that number is answered 503 (JSON, with
//   the security headers) by a separate refusal thread and closed.
// - Read and write timeouts on every socket, keep-alive with a bounded idle
//   time, responses written in one send (no Nagle delays).
// - Every response carries SecurityHeaders(); nothing is logged.
// - Stop() (from any thread) closes the listening socket: requests being
//   served finish and get "Connection: close", idle and queued connections
//   are closed, and ListenUntilStopped returns once every worker is done.
#ifndef POSTCHECK_SERVICE_HTTP_SERVER_H_
#define POSTCHECK_SERVICE_HTTP_SERVER_H_

#include <httplib.h>

#include <atomic>
#include <string>

namespace postcheck {

struct ServerLimits {
  unsigned max_connections = 32;  // connections served at once (= worker threads)
  int timeout_seconds = 10;       // read and write timeout of each socket operation
  int keep_alive_seconds = 5;     // an idle keep-alive connection is closed after this
};

// The headers every response carries: CSP default-src 'self', nosniff,
// no-referrer, no-store, no framing.
const httplib::Headers& SecurityHeaders();

// `{"error":"<message>"}` as a JSON text.
std::string ErrorJson(std::string_view message);

class HttpServer : public httplib::Server {
 public:
  explicit HttpServer(const ServerLimits& limits);
  ~HttpServer() override;

  // Binds and listens on host:port (port 0: any free port). Returns the
  // port, or -1 when the address cannot be bound.
  int Bind(const std::string& host, int port);

  // Serves until Stop(). Returns false if accepting failed for another reason.
  bool ListenUntilStopped();

  // Stops accepting; safe from any thread, before or after ListenUntilStopped
  // has started. Requests in flight finish.
  void Stop();
  bool stopping() const { return stopping_.load(); }

  // Called by a handler on its worker thread: the response to the current
  // request is the connection's last ("Connection: close"), because the
  // request's body was not read (or not all of it).
  static void CloseAfterResponse();

  // Connections being served now (for tests of the limit).
  unsigned connections() const { return connections_.load(); }

 private:
  class ConnectionQueue;
  class BufferedSocketStream;

  bool process_and_close_socket(socket_t sock) override;
  void Serve(socket_t sock);
  void Refuse(socket_t sock);

  ServerLimits limits_;
  std::atomic<unsigned> connections_{0};
  std::atomic<bool> stopping_{false};
  std::atomic<bool> listening_{false};
};

}  // namespace postcheck

#endif  // POSTCHECK_SERVICE_HTTP_SERVER_H_
