// A progress line on a terminal for long runs: posts done, about how many in
// all, posts per second and time left, rewritten in place on stderr. It
// appears only once a run has taken about a second, only when stderr is a
// terminal, and never under --quiet; it is erased when the run ends, so that
// it never mixes with the report.
#ifndef POSTCHECK_PROGRESS_H_
#define POSTCHECK_PROGRESS_H_

#include <chrono>
#include <ostream>
#include <string>

namespace postcheck {

class Progress {
 public:
  // `enabled`: whether to show anything at all (a terminal, not --quiet).
  // The line appears after `delay` (tests shorten it with the environment
  // variable POSTCHECK_PROGRESS_AFTER_MS).
  Progress(bool enabled, std::ostream& err,
           std::chrono::milliseconds delay = std::chrono::milliseconds(1000));

  // `posts` done so far; `fraction` of the input read (0..1), from which the
  // total and the time left are estimated.
  void Update(size_t posts, double fraction);

  // Erases the line if one was shown (Update draws it again).
  void Finish();

  // The line for these figures, e.g.
  // "postcheck: 1,200 of ~4,800 posts, 400 posts/s, 0:09 left".
  static std::string Line(size_t posts, double fraction, double seconds);

 private:
  bool enabled_;
  std::ostream& err_;
  std::chrono::milliseconds delay_;
  std::chrono::steady_clock::time_point start_, last_;
  bool shown_ = false;
};

// Whether standard error is a terminal and `quiet` is not set.
bool ProgressWanted(bool quiet);

// The delay before the line appears: 1 s, or POSTCHECK_PROGRESS_AFTER_MS.
std::chrono::milliseconds ProgressDelay();

}  // namespace postcheck

#endif  // POSTCHECK_PROGRESS_H_
