// Unit tests for message placeholders (template.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>

#include "rules/template.h"

namespace postcheck {
namespace {

TEST_CASE("fills {match} and {replacement}") {
  TemplateValues v;
  v.match = "MOP";
  v.replacement = "member of the public";
  CHECK(FillTemplate("Write '{replacement}' instead of '{match}'", v) ==
        "Write 'member of the public' instead of 'MOP'");
  CHECK(FillTemplate("{match}{match}", v) == "MOPMOP");
  CHECK(FillTemplate("no placeholders", v) == "no placeholders");
  CHECK(FillTemplate("", v) == "");
}

TEST_CASE("{suggestions} lists with commas and 'or'") {
  TemplateValues v;
  v.match = "recieve";
  CHECK(FillTemplate("Did you mean {suggestions}?", v) == "Did you mean ?");
  v.suggestions = {"receive"};
  CHECK(FillTemplate("Did you mean {suggestions}?", v) == "Did you mean 'receive'?");
  v.suggestions = {"receive", "relieve"};
  CHECK(FillTemplate("{suggestions}", v) == "'receive' or 'relieve'");
  v.suggestions = {"a", "b", "c"};
  CHECK(FillTemplate("{suggestions}", v) == "'a', 'b' or 'c'");
}

TEST_CASE("other braces are left alone") {
  TemplateValues v;
  v.match = "x";
  v.replacement = "y";
  CHECK(FillTemplate("{other} {match {match}} { } {", v) == "{other} {match x} { } {");
  CHECK(FillTemplate("{MATCH}", v) == "{MATCH}");
  CHECK(FillTemplate("{replacement", v) == "{replacement");
}

TEST_CASE("values are inserted literally, not re-expanded") {
  TemplateValues v;
  v.match = "{replacement}";
  v.replacement = "R";
  CHECK(FillTemplate("[{match}]", v) == "[{replacement}]");
}

TEST_CASE("empty replacement") {
  TemplateValues v;
  v.match = "m";
  CHECK(FillTemplate("a{replacement}b", v) == "ab");
}

}  // namespace
}  // namespace postcheck

namespace postcheck {
namespace {

TEST_CASE("extra named values") {
  TemplateValues v;
  v.match = "m";
  v.extra = {{"limit", "280"}, {"over", "12"}};
  CHECK(FillTemplate("{over} over the limit of {limit} ({match})", v) == "12 over the limit of 280 (m)");
  CHECK(FillTemplate("{limits} {limit {}", v) == "{limits} {limit {}");
}

}  // namespace
}  // namespace postcheck
