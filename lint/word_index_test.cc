// Unit tests for the hashed word and phrase index (word_index.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "tokenizer.h"
#include "word_index.h"

namespace postcheck {
namespace {

// Every hit as "owner:'matched text'@begin", sorted and de-duplicated,
// joined by " | ".
std::string Hits(const WordIndex& index, std::string_view text) {
  TokenizedText tokens;
  Tokenize(text, &tokens);
  std::vector<WordHit> hits;
  index.Match(tokens, &hits);
  std::sort(hits.begin(), hits.end(), [](const WordHit& a, const WordHit& b) {
    return std::tie(a.begin, a.end, a.owner) < std::tie(b.begin, b.end, b.owner);
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const WordHit& a, const WordHit& b) {
                           return a.begin == b.begin && a.end == b.end && a.owner == b.owner;
                         }),
             hits.end());
  std::string out;
  for (const WordHit& h : hits) {
    if (!out.empty()) out += " | ";
    out += std::to_string(h.owner) + ":'" + std::string(text.substr(h.begin, h.end - h.begin)) +
           "'@" + std::to_string(h.begin);
  }
  return out;
}

TEST_CASE("Add refuses phrases with no word") {
  WordIndex index;
  CHECK_FALSE(index.Add("", false, 1));
  CHECK_FALSE(index.Add("!!! --- ...", false, 1));
  CHECK(index.size() == 0);
  CHECK(index.Add("ok", false, 1));
  CHECK(index.size() == 1);
}

TEST_CASE("an empty index matches nothing") {
  WordIndex index;
  CHECK(Hits(index, "anything at all") == "");
}

TEST_CASE("single words: whole-word and case-insensitive") {
  WordIndex index;
  index.Add("ass", false, 7);
  index.Add("cunt", false, 8);
  CHECK(Hits(index, "class assess Scunthorpe passage cunts") == "");
  CHECK(Hits(index, "You ASS, you Ass.") == "7:'ASS'@4 | 7:'Ass'@13");
  CHECK(Hits(index, "the ass's") == "7:'ass'@4");
}

TEST_CASE("multi-word phrases") {
  WordIndex index;
  index.Add("Bang to rights", false, 1);
  index.Add("bang", false, 2);
  CHECK(Hits(index, "Got him bang to rights.") == "2:'bang'@8 | 1:'bang to rights'@8");
  CHECK(Hits(index, "BANG  TO\tRIGHTS") == "2:'BANG'@0 | 1:'BANG  TO\tRIGHTS'@0");
  CHECK(Hits(index, "bang-to-rights") == "2:'bang'@0 | 1:'bang-to-rights'@0");
  // Clause punctuation and line breaks split a phrase.
  CHECK(Hits(index, "bang, to rights") == "2:'bang'@0");
  CHECK(Hits(index, "bang to\nrights") == "2:'bang'@0");
  CHECK(Hits(index, "bang to") == "2:'bang'@0");
}

TEST_CASE("match_case") {
  WordIndex index;
  index.Add("MOP", true, 3);
  index.Add("Bang To", true, 4);
  CHECK(Hits(index, "a MOP and a mop and a Mop") == "3:'MOP'@2");
  CHECK(Hits(index, "M0P M*P MOOOP \xEF\xBC\xAD\xEF\xBC\xAF\xEF\xBC\xB0") == "");  // no evasion forms
  CHECK(Hits(index, "Bang To and bang to and Bang to") == "4:'Bang To'@0");
}

TEST_CASE("evasion forms of single words") {
  WordIndex index;
  index.Add("fuck", false, 1);
  index.Add("fucking", false, 2);
  index.Add("shit", false, 3);
  index.Add("scum", false, 4);
  index.Add("arse", false, 5);
  index.Add("stuffed", false, 6);
  struct Case {
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"oh f*ck off", "1:'f*ck'@3"},
      {"oh F*CK off", "1:'F*CK'@3"},
      {"oh f***ing hell", "2:'f***ing'@3"},
      {"oh sh.t.", "3:'sh.t'@3"},
      {"oh sh1t", "3:'sh1t'@3"},
      {"oh $cum bag", "4:'$cum'@3"},
      {"oh @rse", "5:'@rse'@3"},
      {"oh shiiiit", "3:'shiiiit'@3"},
      {"oh SHIIIIIIT!", "3:'SHIIIIIIT'@3"},
      {"oh sh\xE2\x80\x8Bit", "3:'sh\xE2\x80\x8Bit'@3"},
      {"oh sh\xC2\xAD" "it", "3:'sh\xC2\xAD" "it'@3"},
      {"oh \xEF\xBD\x93\xEF\xBD\x88\xEF\xBD\x89\xEF\xBD\x94", "3:'\xEF\xBD\x93\xEF\xBD\x88\xEF\xBD\x89\xEF\xBD\x94'@3"},
      {"oh \xD1\x95h\xD1\x96t", "3:'\xD1\x95h\xD1\x96t'@3"},
      {"oh stu\xEF\xAC\x80" "ed", "6:'stu\xEF\xAC\x80" "ed'@3"},
  };
  for (const Case& c : cases) {
    INFO("text: ", c.text);
    CHECK(Hits(index, c.text) == c.expected);
  }
}

TEST_CASE("evasion look-alikes that are not the word") {
  WordIndex index;
  index.Add("fuck", false, 1);
  index.Add("shit", false, 3);
  // Masks must line up letter for letter; leetspeak must map every symbol;
  // an e-mail address or a run starting with a mask is not a word.
  CHECK(Hits(index, "f*k f**kk sh.tt s.hit *uck sh1tt sh1t@example.com") == "");
  CHECK(Hits(index, "shi") == "");
  CHECK(Hits(index, "shits") == "");
}

TEST_CASE("'1' can stand for 'l'") {
  WordIndex index;
  index.Add("hell", false, 9);
  CHECK(Hits(index, "what the he11") == "9:'he11'@9");
}

TEST_CASE("the same phrase under two owners gives two hits") {
  WordIndex index;
  index.Add("damn", false, 1);
  index.Add("DAMN", false, 2);
  CHECK(Hits(index, "damn") == "1:'damn'@0 | 2:'damn'@0");
}

TEST_CASE("multibyte text around a hit keeps byte offsets right") {
  WordIndex index;
  index.Add("fox", false, 1);
  CHECK(Hits(index, "caf\xC3\xA9 \xF0\x9F\x98\x80 fox") == "1:'fox'@11");
  CHECK(Hits(index, "\xE6\x97\xA5" "fox") == "");  // glued to a CJK letter: not a word of its own
}

TEST_CASE("a phrase added by several owners is one entry that reports every owner") {
  WordIndex index;
  CHECK(index.Add("bang to rights", false, 7));
  CHECK(index.Add("Bang to rights", false, 9));   // folds the same
  CHECK(index.Add("Bang to rights", true, 11));   // exact case: another entry
  CHECK(index.size() == 2);
  TokenizedText text;
  Tokenize("He was bang to rights.", &text);
  std::vector<WordHit> hits;
  index.Match(text, &hits);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].owner == 7);
  CHECK(hits[1].owner == 9);
  CHECK(hits[0].begin == 7);
  CHECK(hits[1].end == 21);
}

}  // namespace
}  // namespace postcheck
