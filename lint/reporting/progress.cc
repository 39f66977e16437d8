#include "reporting/progress.h"

#include <unistd.h>

#include <cmath>
#include <cstdlib>

namespace postcheck {
namespace {

std::string Thousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Clock(double seconds) {
  long s = std::lround(seconds);
  std::string mm = std::to_string(s / 60), ss = std::to_string(s % 60);
  return mm + ":" + (ss.size() < 2 ? "0" : "") + ss;
}

}  // namespace

Progress::Progress(bool enabled, std::ostream& err, std::chrono::milliseconds delay)
    : enabled_(enabled), err_(err), delay_(delay), start_(std::chrono::steady_clock::now()), last_(start_) {}

std::string Progress::Line(size_t posts, double fraction, double seconds) {
  std::string line = "postcheck: " + Thousands(posts);
  if (fraction > 0 && fraction < 1) {
    line += " of ~" + Thousands(static_cast<size_t>(std::llround(static_cast<double>(posts) / fraction)));
  }
  line += " posts";
  if (seconds > 0) line += ", " + Thousands(static_cast<size_t>(std::llround(posts / seconds))) + " posts/s";
  if (fraction > 0 && fraction < 1 && seconds > 0) line += ", " + Clock(seconds / fraction - seconds) + " left";
  return line;
}

void Progress::Update(size_t posts, double fraction) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < delay_ || (shown_ && now - last_ < std::chrono::milliseconds(200))) return;
  last_ = now;
  shown_ = true;
  double seconds = std::chrono::duration<double>(now - start_).count();
  err_ << "\r\x1b[K" << Line(posts, fraction, seconds) << std::flush;
}

void Progress::Finish() {
  if (shown_) err_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

bool ProgressWanted(bool quiet) { return !quiet && isatty(STDERR_FILENO); }

std::chrono::milliseconds ProgressDelay() {
  const char* env = std::getenv("POSTCHECK_PROGRESS_AFTER_MS");
  if (env && *env) return std::chrono::milliseconds(std::atol(env));
  return std::chrono::milliseconds(1000);
}

}  // namespace postcheck
