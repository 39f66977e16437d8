// Unit tests for the progress line (progress.h).
#include "reporting/progress.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <sstream>

namespace postcheck {
namespace {

TEST_CASE("the progress line: posts, estimated total, rate and time left") {
  CHECK(Progress::Line(1200, 0.25, 3.0) == "postcheck: 1,200 of ~4,800 posts, 400 posts/s, 0:09 left");
  CHECK(Progress::Line(1234567, 0.5, 100.0) == "postcheck: 1,234,567 of ~2,469,134 posts, 12,346 posts/s, 1:40 left");
  CHECK(Progress::Line(5, 0.0, 2.0) == "postcheck: 5 posts, 3 posts/s");
}

TEST_CASE("nothing is written when disabled or before the delay; the line is erased at the end") {
  std::ostringstream off;
  Progress disabled(false, off, std::chrono::milliseconds(0));
  disabled.Update(10, 0.5);
  disabled.Finish();
  CHECK(off.str().empty());

  std::ostringstream later;
  Progress slow(true, later, std::chrono::hours(1));
  slow.Update(10, 0.5);
  slow.Finish();
  CHECK(later.str().empty());

  std::ostringstream now;
  Progress fast(true, now, std::chrono::milliseconds(0));
  fast.Update(10, 0.5);
  fast.Finish();
  CHECK(now.str().rfind("\r\x1b[Kpostcheck: 10 of ~20 posts", 0) == 0);
  CHECK(now.str().substr(now.str().size() - 4) == "\r\x1b[K");
}

}  // namespace
}  // namespace postcheck
