// Unit tests for post measures (platform.h): the cheap bound never undercounts.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>

#include "rules/platform.h"

namespace postcheck {
namespace {

const LengthMeasure kAll[] = {LengthMeasure::kCharacters, LengthMeasure::kGraphemes, LengthMeasure::kTwitter,
                              LengthMeasure::kMastodon, LengthMeasure::kHashtags};

TEST_CASE("Measure counts each measure's units") {
  CHECK(Measure("héllo", LengthMeasure::kCharacters, 100).total == 5);
  CHECK(Measure("👍🏽 ok", LengthMeasure::kGraphemes, 100).total == 4);
  CHECK(Measure("a\r\nb\n\rc", LengthMeasure::kGraphemes, 100).total == 6);  // CR LF is one
  CHECK(Measure("ae\u0301 x\u200D\U0001F466 🇬🇧🇫🇷", LengthMeasure::kGraphemes, 100).total == 8);
  CHECK(Measure("見て", LengthMeasure::kTwitter, 100).total == 4);  // CJK weighs 2
  CHECK(Measure("see http://x", LengthMeasure::kTwitter, 100).total == 4 + 23);
  CHECK(Measure("see gmp.police.uk/appeal", LengthMeasure::kMastodon, 100).total == 4 + 23);
  CHECK(Measure("#one #two and #three", LengthMeasure::kHashtags, 100).total == 3);
  Measurement m = Measure("abcdef", LengthMeasure::kCharacters, 4);
  CHECK(m.total == 6);
  CHECK(m.over_offset == 4);
}

TEST_CASE("Measure reads ASCII next to other characters as grapheme clusters do") {
  // Runs of ASCII are read a character at a time only where what follows
  // could join the last one's cluster: a combining mark, a variation
  // selector, a keycap; and a CR LF pair is one unit.
  CHECK(Measure("abc e\u0301 xyz", LengthMeasure::kGraphemes, 100).total == 9);
  CHECK(Measure("call 1\uFE0F\u20E3 now", LengthMeasure::kGraphemes, 100).total == 10);
  CHECK(Measure("call 1\uFE0F\u20E3 now", LengthMeasure::kTwitter, 100).total == 14);
  CHECK(Measure("ok\r\n\r\nok\r", LengthMeasure::kGraphemes, 100).total == 7);
  CHECK(Measure("ok\r\n\r\nok\r", LengthMeasure::kTwitter, 100).total == 9);  // code points
  CHECK(Measure("\u0600" "12 ab", LengthMeasure::kGraphemes, 100).total == 5);  // a prepended mark joins the 1
  CHECK(Measure("x\u200D\U0001F466 y", LengthMeasure::kGraphemes, 100).total == 4);  // x+ZWJ, then the boy
  CHECK(Measure("x\u200D\U0001F466 y", LengthMeasure::kTwitter, 100).total == 6);
  Measurement m = Measure("abc\u00e9def see http://x.co/a ghi", LengthMeasure::kTwitter, 10);
  CHECK(m.total == 16 + 23);
  CHECK(m.over_offset == 11);  // the 11th unit: the second "e" of "see"
  m = Measure("ab\r\ncd", LengthMeasure::kGraphemes, 3);
  CHECK(m.total == 5);
  CHECK(m.over_offset == 4);  // "c": CR LF was the 3rd unit
}

TEST_CASE("MeasureBound is never below the measure") {
  const std::string drafts[] = {
      "",
      "Plain ASCII text about a burglary on Chorley Road.",
      "see http://x and a.co and https://www.example.police.uk/news",
      "見て見て見て 👨‍👩‍👧‍👦 e\u0301 ＃tag #tag #another",
      "x.y:z.w:v",
      "#a#b#c #d",
      "http://x http://y a.co b.co www.x",
      "👍🏽👍🏽👍🏽 ©©© ™ 日本語",
  };
  for (const std::string& d : drafts) {
    for (LengthMeasure measure : kAll) {
      CAPTURE(d);
      CHECK(MeasureBound(d, measure) >= Measure(d, measure, SIZE_MAX).total);
    }
  }
}

TEST_CASE("MeasureBound is tight enough to skip short drafts") {
  CHECK(MeasureBound("Thanks to everyone who came today", LengthMeasure::kTwitter) == 33);
  CHECK(MeasureBound("Call 101. Thanks.", LengthMeasure::kMastodon) == 17);  // sentence ends are not URLs
  CHECK(MeasureBound("See a.co", LengthMeasure::kTwitter) == 8 + 23);
  CHECK(MeasureBound("See http://x", LengthMeasure::kTwitter) == 12 + 23);
  CHECK(MeasureBound("no tags here", LengthMeasure::kHashtags) == 0);
  CHECK(MeasureBound("héllo", LengthMeasure::kCharacters) == 6);  // bytes
}

}  // namespace
}  // namespace postcheck
