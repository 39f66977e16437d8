// Unit tests for tokenising drafts into words and sentences (tokenizer.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace postcheck {
namespace {

// Each token as "original@begin-end=folded".
// Tokens separated by " | ".
std::string Describe(const TokenizedText& t) {
  std::string out;
  for (const Token& tok : t.tokens) {
    if (!out.empty()) out += " | ";
    out += std::string(t.Original(tok)) + "@" + std::to_string(tok.begin) + "-" +
           std::to_string(tok.end) + "=" + std::string(t.Folded(tok));
  }
  return out;
}

std::string Join(const std::vector<uint32_t>& v) {
  std::string out;
  for (uint32_t x : v) out.append(out.empty() ? "" : " ").append(std::to_string(x));
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : " | ") + x;
  return out;
}

TEST_CASE("words, apostrophes and hyphens") {
  const std::string text = "Mary's caf\xC3\xA9-bar, 3.5 miles!";
  TokenizedText t;
  Tokenize(text, &t);
  CHECK(Describe(t) == Join(std::vector<std::string>{"Mary@0-4=mary", "s@5-6=s",
                                                "caf\xC3\xA9@7-12=cafe", "bar@13-16=bar",
                                                "3@18-19=3", "5@20-21=5", "miles@22-27=miles"}));
}

TEST_CASE("invisible characters inside a word do not split it") {
  const std::string text = "sh\xE2\x80\x8Bit and so\xC2\xAD" "ft";
  TokenizedText t;
  Tokenize(text, &t);
  CHECK(Describe(t) == Join(std::vector<std::string>{"sh\xE2\x80\x8Bit@0-7=shit", "and@8-11=and",
                                                "so\xC2\xAD" "ft@12-18=soft"}));
}

TEST_CASE("a zero-width space outside a word is not a token") {
  const std::string text = "\xE2\x80\x8B hi \xE2\x80\x8B";
  TokenizedText t;
  Tokenize(text, &t);
  CHECK(Describe(t) == Join(std::vector<std::string>{"hi@4-6=hi"}));
}

TEST_CASE("combining marks, CJK and emoji") {
  const std::string text = "cafe\xCC\x81 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80 ok";
  TokenizedText t;
  Tokenize(text, &t);
  CHECK(Describe(t) == Join(std::vector<std::string>{"cafe\xCC\x81@0-6=cafe",
                                                "\xE6\x97\xA5\xE6\x9C\xAC@7-13=\xE6\x97\xA5\xE6\x9C\xAC",
                                                "ok@19-21=ok"}));
}

TEST_CASE("token flags") {
  const std::string text = "NHS Police said A1 road. Then x";
  TokenizedText t;
  Tokenize(text, &t);
  REQUIRE(t.tokens.size() == 7);
  const Token& nhs = t.tokens[0];
  CHECK(nhs.all_caps);
  CHECK(nhs.capitalised);
  CHECK(nhs.sentence_start);
  CHECK(nhs.has_letter);
  CHECK_FALSE(nhs.has_digit);
  const Token& police = t.tokens[1];
  CHECK(police.capitalised);
  CHECK_FALSE(police.all_caps);
  CHECK_FALSE(police.sentence_start);
  const Token& said = t.tokens[2];
  CHECK_FALSE(said.capitalised);
  const Token& a1 = t.tokens[3];
  CHECK(a1.has_digit);
  CHECK(a1.has_letter);
  CHECK(a1.all_caps);
  const Token& then = t.tokens[5];
  CHECK(then.sentence_start);
  CHECK(then.capitalised);
  CHECK(then.sentence == 1);
  CHECK(t.tokens[6].sentence == 1);
  CHECK(t.tokens[4].sentence == 0);
}

TEST_CASE("digits-only token") {
  TokenizedText t;
  Tokenize("999", &t);
  REQUIRE(t.tokens.size() == 1);
  CHECK(t.tokens[0].has_digit);
  CHECK_FALSE(t.tokens[0].has_letter);
  CHECK_FALSE(t.tokens[0].all_caps);
  CHECK_FALSE(t.tokens[0].capitalised);
}

// ASCII letters and digits are read a run at a time, other characters one by
// one: a token that mixes them must get the same flags and folding either way.
TEST_CASE("tokens mixing ASCII runs and other letters") {
  // "ÉCOLE écoLE 3É É3 ÀB aÀ Ωmega" (É, é, À and Ω are two bytes each)
  const std::string text = "\xC3\x89" "COLE \xC3\xA9" "coLE 3\xC3\x89 \xC3\x89" "3 \xC3\x80" "B a\xC3\x80 \xCE\xA9mega";
  TokenizedText t;
  Tokenize(text, &t);
  CHECK(Describe(t) == Join(std::vector<std::string>{
                           "\xC3\x89" "COLE@0-6=ecole", "\xC3\xA9" "coLE@7-13=ecole", "3\xC3\x89@14-17=3e",
                           "\xC3\x89" "3@18-21=e3", "\xC3\x80" "B@22-25=ab", "a\xC3\x80@26-29=aa",
                           "\xCE\xA9mega@30-36=wmega"}));  // omega: a look-alike of w
  REQUIRE(t.tokens.size() == 7);
  // all caps: letters, none lower case, wherever the lower case one is
  CHECK(t.tokens[0].all_caps);
  CHECK_FALSE(t.tokens[1].all_caps);
  CHECK(t.tokens[2].all_caps);
  CHECK(t.tokens[4].all_caps);
  CHECK_FALSE(t.tokens[5].all_caps);
  CHECK_FALSE(t.tokens[6].all_caps);
  // capitalised: from the first character, ASCII or not
  CHECK(t.tokens[0].capitalised);
  CHECK_FALSE(t.tokens[1].capitalised);
  CHECK_FALSE(t.tokens[2].capitalised);
  CHECK(t.tokens[4].capitalised);
  CHECK_FALSE(t.tokens[5].capitalised);
  CHECK(t.tokens[6].capitalised);
  CHECK(t.tokens[2].has_digit);
  CHECK(t.tokens[3].has_digit);
  CHECK(t.tokens[3].has_letter);
  CHECK_FALSE(t.tokens[5].has_digit);
}

TEST_CASE("sentence boundaries") {
  const std::string text = "One. Two! Three? Four | Five\nSix e.g. seven 3.5 eight";
  TokenizedText t;
  Tokenize(text, &t);
  CHECK(Join(t.sentence_starts) == "0 5 10 17 24 29 38");
  CHECK(t.SentenceAt(0) == 0);
  CHECK(t.SentenceAt(4) == 0);   // the '.'
  CHECK(t.SentenceAt(5) == 1);
  CHECK(t.SentenceAt(28) == 4);  // the '\n'
  CHECK(t.SentenceAt(29) == 5);
  // "e.g." followed by a space does end a sentence; "3.5" does not.
  const Token& seven = t.tokens[t.TokenAtOrAfter(text.find("seven"))];
  const Token& eight = t.tokens[t.TokenAtOrAfter(text.find("eight"))];
  CHECK(seven.sentence == 6);
  CHECK(eight.sentence == 6);
}

TEST_CASE("a closing quote after a terminator keeps the sentence end") {
  const std::string text = "He said \"stop.\" Then left";
  TokenizedText t;
  Tokenize(text, &t);
  CHECK(Join(t.sentence_starts) == "0 16");
  const std::string text2 = "Version 2.0 is out";
  Tokenize(text2, &t);
  CHECK(Join(t.sentence_starts) == "0");
}

TEST_CASE("TokenAtOrAfter") {
  const std::string text = "ab  cd";
  TokenizedText t;
  Tokenize(text, &t);
  CHECK(t.TokenAtOrAfter(0) == 0);
  CHECK(t.TokenAtOrAfter(1) == 0);
  CHECK(t.TokenAtOrAfter(2) == 1);  // in the gap: the next token
  CHECK(t.TokenAtOrAfter(5) == 1);
  CHECK(t.TokenAtOrAfter(6) == 2);  // past the last token
}

TEST_CASE("FoldedWords and PhraseWords") {
  CHECK(Join(FoldedWords("Bang to RIGHTS")) == "bang | to | rights");
  CHECK(Join(FoldedWords("  Mary's  ")) == "mary | s");
  CHECK(FoldedWords("!!! ...").empty());
  CHECK(Join(PhraseWords("MOP and Co")) == "MOP | and | Co");
}

TEST_CASE("retokenising clears the previous result") {
  TokenizedText t;
  Tokenize("one two. three", &t);
  Tokenize("four", &t);
  CHECK(Describe(t) == Join(std::vector<std::string>{"four@0-4=four"}));
  CHECK(Join(t.sentence_starts) == "0");
  CHECK(t.folded == "four");
}

TEST_CASE("apostrophes, straight and curly") {
  CHECK(IsApostrophe("'"));
  CHECK(IsApostrophe("\xE2\x80\x99"));
  CHECK_FALSE(IsApostrophe("''"));
  CHECK_FALSE(IsApostrophe("`"));
  const std::string_view straight = "what's", curly = "what\xE2\x80\x99s";
  CHECK(IsApostropheAt(straight, 4));
  CHECK(IsApostropheAt(curly, 4));
  CHECK_FALSE(IsApostropheAt(straight, 5));
  CHECK_FALSE(IsApostropheAt(straight, 6));  // past the end
  CHECK(IsApostropheBefore(straight, 5));
  CHECK(IsApostropheBefore(curly, 7));
  CHECK_FALSE(IsApostropheBefore(straight, 4));
  CHECK_FALSE(IsApostropheBefore(curly, 0));
  CHECK_FALSE(IsApostropheBefore("s", 1));
  CHECK_FALSE(IsApostropheBefore("I'm dat", 4));  // a straight one three bytes back is no curly one
}

}  // namespace
}  // namespace postcheck
