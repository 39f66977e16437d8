// Unit tests for reading a pattern's word-start prefixes and listing a text's
// word starts (word_start_prefixes.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <string>
#include <vector>

#include "utf8.h"
#include "word_start_prefixes.h"

namespace postcheck {
namespace {

using Prefixes = std::vector<std::string>;

TEST_CASE("prefixes of a word, a choice of words, and words under flags and names") {
  CHECK(WordStartPrefixes(R"((?i)\b(?:was|were) (?:arrested|charged)\b)") == Prefixes{"was", "were"});
  CHECK(WordStartPrefixes(R"(\b(?i:log|ref)\b)") == Prefixes{"log", "ref"});
  CHECK(WordStartPrefixes(R"(\bPCSO\b|\bPC\b)") == Prefixes{"pc", "pcso"});
  CHECK(WordStartPrefixes(R"((?i)\b(?P<match>you(?:'|’)?re) (?:own )?door)") == Prefixes{"you"});
  CHECK(WordStartPrefixes(R"(\b(?:(?:re|un)do|close)\b)") == Prefixes{"close", "re", "un"});
  CHECK(WordStartPrefixes(R"(\bno\. \d+)") == Prefixes{"no. "});
  CHECK(WordStartPrefixes(R"((?i)\bat \d{1,2}(?:am|pm)\b)") == Prefixes{"at "});
  CHECK(WordStartPrefixes(R"(\b(?:[1-9]|1[0-7])\b)").empty());  // a class first
  // Repeats: an item that may be missing ends the prefix before it.
  CHECK(WordStartPrefixes(R"((?i)\bcolou?r\b)") == Prefixes{"colo"});
  CHECK(WordStartPrefixes(R"(\bha*t)") == Prefixes{"h"});
  CHECK(WordStartPrefixes(R"(\bab{0,2}c)") == Prefixes{"a"});
  CHECK(WordStartPrefixes(R"(\bab+c)") == Prefixes{"ab"});
  CHECK(WordStartPrefixes(R"(\bab{2}c)") == Prefixes{"ab"});
  CHECK(WordStartPrefixes(R"(\b(?:go|went)+ away)") == Prefixes{"go", "went"});
  // At most 16 bytes of each.
  CHECK(WordStartPrefixes(R"(\bpolice and crime commissioner)") == Prefixes{"police and crime"});
}

TEST_CASE("no prefixes where a match may begin elsewhere") {
  for (const char* pattern : {
           R"(\d+)",                  // no word boundary, no literal
           R"(foo)",                  // a literal, but inside words too
           R"((?:^|#)x)",             // begins at the start or a '#'
           R"(\b(?:a)?b)",            // the group may be missing
           R"((?i)\b(?:yes|no)*\b)",  // likewise
           R"(\b(?:a){0,2}b)",
           R"(\b(?:a|)b)",             // an empty choice
           R"(\ba|c)",                 // one branch with no word boundary
           R"([A-Z]\w+)",              // a class
           R"(\b\d{3})",               // an escape class
           R"(\b.x)",                  // any character
           R"(\b-x)",                  // a boundary before a non-word character is a word's end
           "\\b\xC3\xA9t\xC3\xA9",     // not ASCII
           R"(\B\bfoo)",               // not a word boundary
           R"(\b\Qfoo\E)",             // quoted text is not read
           R"(\b(?:a|b)",              // unbalanced
           R"(\b(?=a))",               // not RE2, nor read
           R"(\b)",                    // zero-width only
       }) {
    CAPTURE(pattern);
    CHECK(WordStartPrefixes(pattern).empty());
  }
  // Too many choices to be worth it.
  std::string many = "\\b(?:w0";
  for (int i = 1; i < 70; ++i) many += "|w" + std::to_string(i);
  CHECK(WordStartPrefixes(many + ")").empty());
}

TEST_CASE("the only characters (?i) matches to ASCII letters from outside ASCII are KELVIN SIGN and LONG S") {
  // WordStarts marks texts with these two; any other would make the prefixes unsafe.
  RE2 letter("(?i)[a-z]");
  REQUIRE(letter.ok());
  std::vector<char32_t> folded;
  std::string encoded;
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    encoded.clear();
    AppendUtf8(cp, &encoded);
    if (RE2::FullMatch(encoded, letter)) folded.push_back(cp);
  }
  CHECK(folded == std::vector<char32_t>{0x017F, 0x212A});
}

std::string Starts(std::string_view text) {
  WordStarts starts;
  starts.Reset(text);
  std::string out;
  for (const WordStarts::Start& s : starts.starts()) {
    if (!out.empty()) out += ",";
    out += std::to_string(s.at);
    CHECK(s.key == PairKey(AsciiLower(text[s.at]), s.at + 1 < text.size() ? AsciiLower(text[s.at + 1]) : '\0'));
  }
  return out + (starts.ascii_folding() ? "" : " (folds)");
}

TEST_CASE("word starts are where an ASCII word character follows none") {
  CHECK(Starts("") == "");
  CHECK(Starts("a") == "0");
  CHECK(Starts("Hi there, x_1 2b") == "0,3,10,14");
  CHECK(Starts("  --") == "");
  CHECK(Starts("caf\xC3\xA9s and \xC3\xA9t\xC3\xA9") == "0,5,7,13");  // é is not a word character for \b
  CHECK(Starts("it \xE2\x84\xAA") == "0 (folds)");                       // KELVIN SIGN
  CHECK(Starts("\xC5\xBF" "o") == "2 (folds)");                         // LONG S
  CHECK(Starts("\xC5\xA0 \xE2\x84\xA2") == "");                         // Š and ™ share the lead bytes
}

}  // namespace
}  // namespace postcheck
