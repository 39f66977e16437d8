// Unit tests for the RE2-to-PCRE translation (re2_to_pcre.h). Whether the
// translations match what RE2 matches is tested in pattern_set_prefilter_test.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>

#include "matching/re2_to_pcre.h"

namespace postcheck {
namespace {

std::string Translated(std::string_view re2) {
  std::string pcre, why;
  if (!Re2ToPcre(re2, &pcre, &why)) return "refused: " + why;
  return pcre;
}

TEST_CASE("what both dialects read alike is kept as written") {
  for (const char* p : {"\\bcode\\b", "\\Aab\\z", "[[:word:]]+", "(?i)kelvin", "(?i:abc)d", "(?m)^x$", "a$",
                        "(?:a|b)", "(a)(b)", "\\d{3}", "x{2,}", "a{,3}", "[a-z0-9_]", "caf\xC3\xA9", "\\w+\\s"}) {
    CHECK(Translated(p) == p);
  }
}

TEST_CASE("capture names and RE2's ungreedy flag are dropped") {
  CHECK(Translated("DOB:? (?P<match>\\d\\d/\\d\\d/\\d{4})") == "DOB:? (?:\\d\\d/\\d\\d/\\d{4})");
  CHECK(Translated("(?<match>x)y") == "(?:x)y");
  CHECK(Translated("(?U)a+") == "a+");
  CHECK(Translated("(?iU)a+") == "(?i)a+");
  CHECK(Translated("(?U:a+)b") == "(?:a+)b");
  CHECK(Translated("(?is-m:a)") == "(?is-m:a)");
}

TEST_CASE("an atom that can match a non-ASCII character matches its bytes, repeated") {
  CHECK(Translated("a.b") == "a.+b");
  CHECK(Translated("a.?b") == "a.*b");
  CHECK(Translated("a.*?b") == "a.*b");
  CHECK(Translated("[^.!?]{0,60}x") == "[^.!?]*x");
  CHECK(Translated("[^.!?]{2,5}x") == "[^.!?]{2,}x");
  CHECK(Translated("\\W\\S{3}") == "\\W+\\S{3,}");
  CHECK(Translated("\\pL+") == "[A-Za-z\\x80-\\xFF]+");
  CHECK(Translated("\\p{Lu}") == "[A-Z\\x80-\\xFF]+");
  CHECK(Translated("\\PN") == "[\\x00-\\x7F\\x80-\\xFF]+");
  CHECK(Translated("['\xE2\x80\x99]s") == "['\\x80-\\xFF]+s");
  CHECK(Translated("[^\xE2\x80\x9C\xE2\x80\x9D\"]+") == "[^\"]+");  // non-ASCII members left out
  CHECK(Translated("[\\pL\\pN._-]") == "[A-Za-z0-9._\\-\\x80-\\xFF]+");
  CHECK(Translated("\\x{2019}") == "[\\x80-\\xFF]+");
  CHECK(Translated("\\x41") == "\\x41");
  CHECK(Translated("[a-\\x{2019}]") == "[\\x61-\\x7F\\x80-\\xFF]+");
}

TEST_CASE("a caseless class or non-ASCII character may be matched by its partners") {
  CHECK(Translated("(?i)[a-c]") == "(?i)[a-c\\x80-\\xFF]+");
  CHECK(Translated("[a-c]") == "[a-c]");
  CHECK(Translated("(?i)[^a-c]") == "(?i)[^a-c]+");
  CHECK(Translated("(?i)\xC3\xA9t\xC3\xA9") == "(?i)(?:[\\x80-\\xFF]+|[A-Za-z])t(?:[\\x80-\\xFF]+|[A-Za-z])");
  CHECK(Translated("x(?i:\xC3\xA9)\xC3\xA9") == "x(?i:(?:[\\x80-\\xFF]+|[A-Za-z]))\xC3\xA9");
}

TEST_CASE("a non-ASCII character with no case partner stays its bytes under (?i)") {
  // an emoji, a curly apostrophe, an ellipsis: no case, so no widening
  CHECK(Translated("(?i)x\xF0\x9F\x8D\x86") == "(?i)x\xF0\x9F\x8D\x86");
  CHECK(Translated("(?i)don\xE2\x80\x99t") == "(?i)don\xE2\x80\x99t");
  CHECK(Translated("(?i)\\\xE2\x80\xA6") == "(?i)\\xE2\\x80\\xA6");  // escaped
  // a circled letter has a case partner; a Roman numeral too; sharp s folds to capital sharp s
  CHECK(Translated("(?i)\xE2\x93\x90") == "(?i)(?:[\\x80-\\xFF]+|[A-Za-z])");
  CHECK(Translated("(?i)\xE2\x85\xA0") == "(?i)(?:[\\x80-\\xFF]+|[A-Za-z])");
  CHECK(Translated("(?i)\xC3\x9F") == "(?i)(?:[\\x80-\\xFF]+|[A-Za-z])");
}

TEST_CASE("bounded repeats lose their bound; long optional groups become anything") {
  CHECK(Translated("\\d{1,4}") == "\\d{1,}");
  CHECK(Translated("(?:ab){2,3}") == "(?:ab){2,}");
  CHECK(Translated("x(?:one|two|three|four|five)?y") == "x(?s:.*)y");
  CHECK(Translated("x(?:one|two|three|four|five)*?y") == "x(?s:.*)y");
  CHECK(Translated("x(?:one|two|three|four|five){0,2}y") == "x(?s:.*)y");
  CHECK(Translated("x(?:es)?y") == "x(?:es)?y");  // short: kept
  CHECK(Translated("x(?:one|two|three|four|five)+y") == "x(?:one|two|three|four|five)+y");
}

TEST_CASE("brackets and escapes are not groups") {
  CHECK(Translated("[(?P<]x") == "[(?P<]x");
  CHECK(Translated("[]?(]x") == "[]?(]x");
  CHECK(Translated("[^](?U)]x") == "[^](?U)]+x");
  CHECK(Translated("\\(?U\\)") == "\\(?U\\)");
}

TEST_CASE("what has no safe translation is refused") {
  CHECK(Translated("a\\Cb") == "refused: \\C (any byte) has no safe translation");
  CHECK(Translated("\\Qa.b\\E") == "refused: \\Q...\\E is not translated");
}

}  // namespace
}  // namespace postcheck
