// See http_server.h. cpp-httplib (Debian's libcpp-httplib) does the HTTP
// parsing and routing; this file owns the sockets' lifetimes: the connection
// limit, the per-connection keep-alive loop and how a connection is closed.
#include "http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "reporting/json_writer.h"

namespace postcheck {
namespace {

// What a handler can say about the connection it is answering on.
struct ConnectionState {
  bool close = false;     // the request body was not read: close after the response
  bool released = false;  // its place under max_connections was given back
};

thread_local ConnectionState* t_connection = nullptr;
thread_local bool t_refusing = false;  // set on the refusal thread

// Waits up to `timeout_ms` for `events` on `sock`; true when they came.
bool PollFor(socket_t sock, short events, int timeout_ms) {
  pollfd pfd{sock, events, 0};
  for (;;) {
    int n = ::poll(&pfd, 1, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    return n > 0 && (pfd.revents & (events | POLLHUP | POLLERR)) != 0;
  }
}

// Half-closes `sock`, reads (and drops) what the client still sends for up to
// `linger_ms` or `max_bytes`, then closes it, so that the client reads the
// response instead of a reset caused by its own unread request.
void CloseLingering(socket_t sock, int linger_ms, size_t max_bytes) {
  ::shutdown(sock, SHUT_WR);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(linger_ms);
  char scratch[16384];
  size_t drained = 0;
  while (drained < max_bytes) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || !PollFor(sock, POLLIN, static_cast<int>(left.count()))) break;
    ssize_t n = ::recv(sock, scratch, sizeof scratch, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    drained += static_cast<size_t>(n);
  }
  ::close(sock);
}

std::string StatusError(int status) {
  switch (status) {
    case 400: return "bad request";
    case 401: return "unauthorized";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 413: return "request body too large";
    case 414: return "request target too long";
    case 415: return "unsupported media type";
    case 416: return "range not satisfiable";
    case 503: return "too many connections";
    default: return status >= 500 ? "internal error" : "request refused";
  }
}

}  // namespace

const httplib::Headers& SecurityHeaders() {
  static const httplib::Headers headers = {
      {"Content-Security-Policy",
       "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"Cache-Control", "no-store"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
  };
  return headers;
}

std::string ErrorJson(std::string_view message) {
  std::ostringstream out;
  out << "{\"error\":";
  WriteJsonString(out, message);
  out << "}";
  return out.str();
}

// A socket stream that keeps its read buffer for the whole connection (so a
// pipelined request is never lost) and sends each response in one call.
// Few system calls a request: a read tries the socket before waiting on it,
// a write only buffers (the send is bounded by the socket's SO_SNDTIMEO, set
// by Serve), and the addresses are asked for once a connection.
class HttpServer::BufferedSocketStream final : public httplib::Stream {
 public:
  BufferedSocketStream(socket_t sock, int timeout_ms) : sock_(sock), timeout_ms_(timeout_ms) {}

  bool is_readable() const override { return begin_ < end_ || PollFor(sock_, POLLIN, timeout_ms_); }
  // Writes only fill the buffer; Flush's send has the socket's send timeout.
  bool is_writable() const override { return true; }

  ssize_t read(char* ptr, size_t size) override {
    if (!Flush()) return -1;
    if (begin_ == end_) {
      ssize_t n;
      do n = ::recv(sock_, buffer_, sizeof buffer_, MSG_DONTWAIT);  // most often already there
      while (n < 0 && errno == EINTR);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (!PollFor(sock_, POLLIN, timeout_ms_)) return -1;
        do n = ::recv(sock_, buffer_, sizeof buffer_, 0);
        while (n < 0 && errno == EINTR);
      }
      if (n <= 0) return n;
      begin_ = 0;
      end_ = static_cast<size_t>(n);
    }
    size_t k = std::min(size, end_ - begin_);
    std::memcpy(ptr, buffer_ + begin_, k);
    begin_ += k;
    return static_cast<ssize_t>(k);
  }

  ssize_t write(const char* ptr, size_t size) override {
    out_.append(ptr, size);
    if (out_.size() >= kFlushAt && !Flush()) return -1;
    return static_cast<ssize_t>(size);
  }

  // Sends what write() buffered. False when the socket failed or timed out.
  bool Flush() {
    size_t sent = 0;
    while (sent < out_.size()) {
      ssize_t n = ::send(sock_, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        out_.clear();
        return false;
      }
      sent += static_cast<size_t>(n);
    }
    out_.clear();
    return true;
  }

  // Waits up to `idle_ms` for the next request, giving up early when the
  // server stops.
  bool WaitForRequest(int idle_ms, const std::atomic<bool>& stopping) {
    if (begin_ < end_) return true;
    for (int waited = 0; waited < idle_ms && !stopping.load(); waited += kStopCheckMs) {
      if (PollFor(sock_, POLLIN, kStopCheckMs)) return !stopping.load();
    }
    return false;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    if (!remote_.known) remote_ = Address(::getpeername);
    ip = remote_.ip;
    port = remote_.port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    if (!local_.known) local_ = Address(::getsockname);
    ip = local_.ip;
    port = local_.port;
  }
  socket_t socket() const override { return sock_; }

 private:
  static constexpr size_t kFlushAt = 1 << 16;
  static constexpr int kStopCheckMs = 50;

  struct Endpoint {
    bool known = false;
    std::string ip;
    int port = 0;
  };

  Endpoint Address(int (*get)(int, sockaddr*, socklen_t*)) const {
    Endpoint e;
    e.known = true;
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (get(sock_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return e;
    char text[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET) {
      auto* a = reinterpret_cast<sockaddr_in*>(&addr);
      inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
      e.port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
      inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
      e.port = ntohs(a->sin6_port);
    }
    e.ip = text;
    return e;
  }

  socket_t sock_;
  int timeout_ms_;
  char buffer_[8192];
  size_t begin_ = 0, end_ = 0;
  std::string out_;
  mutable Endpoint remote_, local_;
};

// httplib's TaskQueue: a connection within the limit goes to the fixed pool,
// one beyond it to the refusal thread.
class HttpServer::ConnectionQueue final : public httplib::TaskQueue {
 public:
  explicit ConnectionQueue(HttpServer* server)
      : server_(server), pool_(server->limits_.max_connections), refuser_([this] { RefuseLoop(); }) {}

  void enqueue(std::function<void()> fn) override {
    if (server_->connections_.fetch_add(1) < server_->limits_.max_connections) {
      pool_.enqueue(std::move(fn));  // Serve() takes the count back
      return;
    }
    server_->connections_.fetch_sub(1);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      refusals_.push_back(std::move(fn));
    }
    changed_.notify_one();
  }

  void shutdown() override {
    pool_.shutdown();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    changed_.notify_one();
    refuser_.join();
  }

 private:
  void RefuseLoop() {
    t_refusing = true;
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return done_ || !refusals_.empty(); });
        if (refusals_.empty()) return;
        fn = std::move(refusals_.front());
        refusals_.pop_front();
      }
      fn();  // process_and_close_socket -> Refuse
    }
  }

  HttpServer* server_;
  httplib::ThreadPool pool_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> refusals_;
  bool done_ = false;
  std::thread refuser_;  // last: starts once the rest is built
};

HttpServer::HttpServer(const ServerLimits& limits) : limits_(limits) {
  set_default_headers(SecurityHeaders());
  set_keep_alive_max_count(1000);
  set_keep_alive_timeout(limits.keep_alive_seconds);
  set_read_timeout(limits.timeout_seconds);
  set_write_timeout(limits.timeout_seconds);
  set_tcp_nodelay(true);
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let a
  // second server bind the same port and take half its connections.
  set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  new_task_queue = [this] { return new ConnectionQueue(this); };
  // Any error httplib answers itself (a bad request line, an unknown
  // method) gets a JSON body like ours.
  set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) res.set_content(ErrorJson(StatusError(res.status)), "application/json");
  });
  set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(ErrorJson("internal error"), "application/json");
  });
  // Runs just before a response is written. A response that ends its
  // connection gives the connection's place back now, before the client can
  // read it and reconnect, so a client that reconnects at once is let in.
  set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
    if (stopping_.load() || (t_connection && t_connection->close)) {
      res.headers.erase("Keep-Alive");
      res.headers.erase("Connection");
      res.set_header("Connection", "close");
    }
    if (t_connection && !t_connection->released && res.get_header_value("Connection") == "close") {
      t_connection->released = true;
      connections_.fetch_sub(1);
    }
  });
}

HttpServer::~HttpServer() = default;

int HttpServer::Bind(const std::string& host, int port) {
  int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  if (bound < 0) return -1;
  // httplib listens with a backlog of 5; a burst of clients needs more.
  ::listen(svr_sock_, 512);
  return bound;
}

bool HttpServer::ListenUntilStopped() {
  listening_ = true;
  bool ok = listen_after_bind();
  return ok || stopping_.load();
}

void HttpServer::Stop() {
  stopping_ = true;
  // What httplib's stop() does, without its wait for is_running(), so that a
  // Stop() before the accept loop has started is not lost.
  socket_t sock = svr_sock_.exchange(INVALID_SOCKET);
  if (sock != INVALID_SOCKET) {
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
  }
}

void HttpServer::CloseAfterResponse() {
  if (t_connection) t_connection->close = true;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  if (t_refusing) {
    Refuse(sock);
  } else {
    Serve(sock);
  }
  return true;
}

void HttpServer::Serve(socket_t sock) {
  int one = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  // Bounds each send of a response (the stream writes without polling).
  timeval send_timeout{limits_.timeout_seconds, 0};
  ::setsockopt(sock, SOL_SOCKET, SO_SNDTIMEO, &send_timeout, sizeof send_timeout);
  ConnectionState state;
  {
    BufferedSocketStream stream(sock, limits_.timeout_seconds * 1000);
    t_connection = &state;
    size_t left = keep_alive_max_count_;
    while (left > 0 && !stopping_.load() && stream.WaitForRequest(limits_.keep_alive_seconds * 1000, stopping_)) {
      bool connection_closed = false;
      bool ok = process_request(stream, left == 1, connection_closed, nullptr);
      ok = stream.Flush() && ok;
      // A response with "Connection: close" always ends the loop here.
    if (!ok || connection_closed || state.close || state.released) break;
      --left;
    }
    t_connection = nullptr;
  }
  if (!state.released) connections_.fetch_sub(1);  // before the close, as above
  if (state.close) {
    CloseLingering(sock, 1000, size_t{64} << 20);
  } else {
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
  }
}

void HttpServer::Refuse(socket_t sock) {
  static const std::string response = [] {
    std::string body = ErrorJson("too many connections; try again");
    std::string r = "HTTP/1.1 503 Service Unavailable\r\n";
    for (const auto& [name, value] : SecurityHeaders()) r += name + ": " + value + "\r\n";
    r += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + body;
    return r;
  }();
  // Read the request first (briefly), so the client is not sent a reset
  // while it is still writing it.
  char scratch[8192];
  if (PollFor(sock, POLLIN, 100)) (void)::recv(sock, scratch, sizeof scratch, MSG_DONTWAIT);
  (void)::send(sock, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  CloseLingering(sock, 200, size_t{1} << 20);
}

}  // namespace postcheck
