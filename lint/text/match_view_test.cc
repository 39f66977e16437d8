// Unit tests for the text every matcher reads (match_view.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>

#include "text/match_view.h"

namespace postcheck {
namespace {

std::string ViewOf(std::string_view text) {
  MatchView view;
  view.Build(text);
  return std::string(view.text());
}

// The original text under the view's first occurrence of `part`.
std::string OriginalOf(std::string_view text, std::string_view part) {
  MatchView view;
  view.Build(text);
  const size_t at = view.text().find(part);
  REQUIRE(at != std::string_view::npos);
  uint32_t begin, end;
  view.ToOriginal(static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size()), &begin, &end);
  return std::string(text.substr(begin, end - begin));
}

TEST_CASE("a draft that needs nothing is its own view") {
  MatchView view;
  const std::string text = "Call 101 quoting log 1748. Thanks!";
  view.Build(text);
  CHECK_FALSE(view.changed());
  CHECK(view.text().data() == text.data());
  uint32_t b, e;
  view.ToOriginal(5, 8, &b, &e);
  CHECK(b == 5);
  CHECK(e == 8);
  CHECK(view.ToView(7) == 7);
}

TEST_CASE("a line break inside a paragraph is a space") {
  CHECK(ViewOf("Chloe Smith, who was sexually\nassaulted last week.") ==
        "Chloe Smith, who was sexually assaulted last week.");
  CHECK(ViewOf("Mr\nJones was arrested") == "Mr Jones was arrested");
  CHECK(ViewOf("Call 07911\r\n123456 now") == "Call 07911 123456 now");
  CHECK(ViewOf("Vote  \n   Labour") == "Vote  Labour");
  CHECK(ViewOf("Vote \n Labour") == "Vote Labour");
  CHECK(ViewOf("Vote\t\nLabour") == "Vote Labour");
  CHECK(OriginalOf("Call 07911\r\n123456 now", "07911 123456") == "07911\r\n123456");
}

TEST_CASE("a paragraph, a list item and a headline keep their line breaks") {
  CHECK(ViewOf("First paragraph\n\nSecond one") == "First paragraph\n\nSecond one");
  CHECK(ViewOf("First paragraph\n  \nSecond one") == "First paragraph\n  \nSecond one");
  CHECK(ViewOf("Bring:\n- a coat\n- a torch") == "Bring:\n- a coat\n- a torch");
  CHECK(ViewOf("Steps\n1. Lock it\n2. Check it") == "Steps\n1. Lock it\n2. Check it");
  CHECK(ViewOf("WITNESS APPEAL AFTER COLLISION\nWe are appealing") == "WITNESS APPEAL AFTER COLLISION\nWe are appealing");
  CHECK(ViewOf("ends here\n") == "ends here\n");
  CHECK(ViewOf("\nstarts here") == "\nstarts here");
}

TEST_CASE("Unicode spaces, hyphens and dashes are ASCII") {
  CHECK(ViewOf("07911\u00a0123456") == "07911 123456");
  CHECK(ViewOf("07911\u202f123456") == "07911 123456");
  CHECK(ViewOf("07911\u2014123456") == "07911-123456");
  CHECK(ViewOf("M14\u20135RT") == "M14-5RT");
  CHECK(ViewOf("non\u2011breaking") == "non-breaking");
  // A dash between words with spaces round it is punctuation, left alone.
  CHECK(ViewOf("He left \u2014 then came back") == "He left \u2014 then came back");
  CHECK(OriginalOf("ring 07911\u00a0123456 now", "07911 123456") == "07911\u00a0123456");
}

TEST_CASE("digits of other forms and scripts are ASCII digits") {
  CHECK(ViewOf("\uff10\uff17\uff19\uff11\uff11") == "07911");
  CHECK(ViewOf("\U0001D7CE\U0001D7D5\U0001D7D7") == "079");  // mathematical bold
  CHECK(ViewOf("\u0660\u0667\u0669") == "079");              // Arabic-Indic
  CHECK(ViewOf("\u06f0\u06f7") == "07");                     // extended Arabic-Indic
  CHECK(ViewOf("name\uff20gmail.com") == "name@gmail.com");
  CHECK(OriginalOf("x \uff10\uff17\uff19\uff11\uff11 y", "07911") == "\uff10\uff17\uff19\uff11\uff11");
}

TEST_CASE("letters standing for digits inside digit runs") {
  CHECK(ViewOf("Call O7911 l23456") == "Call 07911 123456");
  CHECK(ViewOf("ring 0791I 12345o") == "ring 07911 123450");
  // Not a digit run: words, short numbers, codes with other letters.
  CHECK(ViewOf("Oil lol I O2 10l") == "Oil lol I O2 10l");
  CHECK(ViewOf("MORGA657054SM9IJ") == "MORGA657054SM9IJ");
  CHECK(ViewOf("AB123456C") == "AB123456C");
  CHECK(ViewOf("lOlO12") == "lOlO12");  // more letters than a swap allows
}

TEST_CASE("letters standing for digits in a number written in groups") {
  CHECK(ViewOf("her number's 07o00 9oo 461") == "her number's 07000 900 461");
  CHECK(ViewOf("0161-4l6-0O00") == "0161-416-0000");
  CHECK(ViewOf("ring 0791I.12345o") == "ring 07911.123450");
  // Innocent twins: too few digits in the groups, too many letters, a word
  // between, or groups of letters alone.
  CHECK(ViewOf("2 oo 1 l") == "2 oo 1 l");
  CHECK(ViewOf("1O lOl 1O") == "1O lOl 1O");
  CHECK(ViewOf("O7 lOl lO1") == "O7 lOl lO1");
  CHECK(ViewOf("07911 too 123") == "07911 too 123");
  CHECK(ViewOf("I lol 12") == "I lol 12");
}

TEST_CASE("ToView finds the view byte of an original offset") {
  MatchView view;
  const std::string text = "a\u00a0b\nc";
  view.Build(text);
  REQUIRE(view.text() == "a b c");
  CHECK(view.ToView(0) == 0);
  CHECK(view.ToView(1) == 1);
  CHECK(view.ToView(3) == 2);
  CHECK(view.ToView(5) == 4);
  CHECK(view.ToView(static_cast<uint32_t>(text.size())) == 5);
}

TEST_CASE("every view span maps back inside the original, in order") {
  static constexpr std::string_view kPieces[] = {
      "a", "Z", "7", "0", "O", "l", "I", " ", "\t", "\n", "\r\n", "\r", ".", "-", "- ", "1. ",
      "\u00a0", "\u202f", "\u2014", "\u2013", "\u2011", "\uff10", "\uff21", "\uff20", "\u0663",
      "\U0001D7D9", "\u2028", "\u0085", "\u00e9", "\u4e2d", "\U0001F600"};
  std::mt19937 random(17);
  MatchView view;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t pieces = random() % 24;
    for (size_t k = 0; k < pieces; ++k) text += kPieces[random() % std::size(kPieces)];
    view.Build(text);
    INFO("text: ", text);
    const auto size = static_cast<uint32_t>(view.text().size());
    uint32_t last_begin = 0;
    for (uint32_t v = 0; v < size; ++v) {
      uint32_t b, e;
      view.ToOriginal(v, v + 1, &b, &e);
      CHECK(b < e);
      CHECK(e <= text.size());
      CHECK(b >= last_begin);
      last_begin = b;
      CHECK(view.ToView(b) <= v);
    }
    uint32_t b, e;
    view.ToOriginal(0, size, &b, &e);
    CHECK(e <= text.size());
  }
}

}  // namespace
}  // namespace postcheck
