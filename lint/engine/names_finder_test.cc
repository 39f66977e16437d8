// Unit tests for finding people's names (names_finder.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/names_finder.h"
#include "matching/set_lexicon.h"
#include "text/tokenizer.h"

namespace postcheck {
namespace {

NamesMatcher Config() {
  NamesMatcher config;
  config.titles = {"Mr", "Mrs", "Dr", "Ms"};
  config.first_names =
      std::make_shared<const NamesMatcher::Words>(NamesMatcher::Words{"darren", "Amy", "sean", "MARY", "tyler", "mark"});
  config.not_surnames = {"Road", "street", "Police"};
  return config;
}

// A dictionary of a few lower-case words ("yesterday", "smith") and the
// proper nouns it knows.
const SetLexicon kDictionary({"yesterday", "today", "smith", "mark", "lane", "Amy", "Tyler"});

// Each first name found on its own, as Names gives names.
std::string Alone(std::string_view text, const Lexicon* dictionary = &kDictionary) {
  NamesMatcher config = Config();
  config.not_alone = {"Paris"};
  NamesFinder finder(config);
  TokenizedText tokens;
  Tokenize(text, &tokens);
  std::vector<std::pair<uint32_t, uint32_t>> spans, alone;
  finder.Find(tokens, dictionary, &spans, &alone);
  std::string out;
  for (auto [b, e] : alone) {
    if (!out.empty()) out += " | ";
    out.append("'").append(text.substr(b, e - b)).append("'@").append(std::to_string(b));
  }
  return out;
}

// Each name found as "'text'@begin", joined by " | ".
std::string Names(std::string_view text, const NamesMatcher& config = Config(),
                  const Lexicon* dictionary = &kDictionary) {
  NamesFinder finder(config);
  TokenizedText tokens;
  Tokenize(text, &tokens);
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  finder.Find(tokens, dictionary, &spans);
  std::string out;
  for (auto [b, e] : spans) {
    if (!out.empty()) out += " | ";
    out.append("'").append(text.substr(b, e - b)).append("'@").append(std::to_string(b));
  }
  return out;
}

TEST_CASE("title and surname") {
  CHECK(Names("We spoke to Mr Jones today.") == "'Mr Jones'@12");
  CHECK(Names("Dr. Patel and Ms Khan") == "'Dr. Patel'@0 | 'Ms Khan'@14");
  CHECK(Names("Mrs A. Patel was there") == "'Mrs A. Patel'@0");
  CHECK(Names("Mr Darren Whitley") == "'Mr Darren Whitley'@0");
}

TEST_CASE("finders with other lists share one set of first names") {
  NamesMatcher plain = Config();
  NamesMatcher streets = Config();
  streets.not_surnames.push_back("Whitley");  // "Darren Whitley" is now a place
  const FirstNames first_names = MakeFirstNames(*plain.first_names);
  CHECK(first_names->size() == 6);
  const NamesFinder a(plain, first_names), b(streets, first_names);
  TokenizedText tokens;
  Tokenize("Darren Whitley and Amy Smith", &tokens);
  std::vector<std::pair<uint32_t, uint32_t>> spans_a, spans_b;
  a.Find(tokens, &kDictionary, &spans_a);
  b.Find(tokens, &kDictionary, &spans_b);
  CHECK(spans_a == std::vector<std::pair<uint32_t, uint32_t>>{{0, 14}, {19, 28}});
  CHECK(spans_b == std::vector<std::pair<uint32_t, uint32_t>>{{19, 28}});
  CHECK(first_names.use_count() == 3);  // the one set, held by both finders
}

TEST_CASE("first name and surname") {
  CHECK(Names("Darren Whitley was arrested.") == "'Darren Whitley'@0");
  CHECK(Names("Thanks, Mary Smith!") == "'Mary Smith'@8");
  CHECK(Names("sean Murphy") == "");  // a lower-case first name is not a name
}

TEST_CASE("a capitalised pair with an age after it, in any case") {
  CHECK(Names("TYLER JONES, 15, was arrested for robbery.") == "'TYLER JONES'@0");
  CHECK(Names("Oluwaseun Adeyemi, 23, of Hyde") == "'Oluwaseun Adeyemi'@0");
  CHECK(Names("Then Kai Barnes, aged 15, ran off") == "'Kai Barnes'@5");
  CHECK(Names("DARREN WHITLEY, 34, of Bolton") == "'DARREN WHITLEY'@0");
  // Innocent twins: no age, or a number that is not one.
  CHECK(Names("TYLER JONES WAS ARRESTED") == "");
  CHECK(Names("Oluwaseun Adeyemi was there") == "");
  CHECK(Names("Bury Road, 15, was closed") == "");
  CHECK(Names("Kai Barnes, 2015, was closed") == "");
  // the age in brackets, as tabloids and loose posts give it
  CHECK(Names("Kai Barnes (15) ran off") == "'Kai Barnes'@0");
  CHECK(Names("Osian Jones(7) found the dog") == "'Osian Jones'@0");
  CHECK(Names("Kai Barnes (2015) was closed") == "");
  CHECK(Names("Kai Barnes (see below)") == "");
}

TEST_CASE("a title and surname in lower case") {
  CHECK(Names("we nicked mr jones last night") == "'mr jones'@10");
  CHECK(Names("mrs obrien was there") == "'mrs obrien'@0");
  // Innocent twins: a function word, a drive, a street word, a capitalised title's rules.
  CHECK(Names("mr and mrs were there") == "");
  CHECK(Names("turn into elm dr tonight") == "");
  CHECK(Names("mr road") == "");
}

TEST_CASE("a pair introduced as a name") {
  CHECK(Names("The lad, named as Kai Barnes, ran off") == "'Kai Barnes'@18");
  CHECK(Names("A lad called Jayden Okafor was there") == "'Jayden Okafor'@13");
  CHECK(Names("It is known as Moss Side") == "'Moss Side'@15");
  CHECK(Names("A lad called Jayden was there") == "");
}

TEST_CASE("a place named after someone is not a name") {
  CHECK(Names("Darren Whitley Road was closed") == "");
  CHECK(Names("Mr Jones Street and Amy Smith") == "'Amy Smith'@20");
  CHECK(Names("We saw Darren Whitley on the road") == "'Darren Whitley'@7");
  // a word the list writes in lower case ends a name in lower case too; a
  // capitalised word of the list only when capitalised
  CHECK(Names("a dog in the Darren Whitley street area") == "");
  CHECK(Names("We saw Darren Whitley road rage on the A6") == "'Darren Whitley'@7");
}

TEST_CASE("a town or a village that reads as a name") {
  NamesMatcher config = Config();
  config.first_names = std::make_shared<const NamesMatcher::Words>(
      NamesMatcher::Words{"milton", "harold", "william", "darren", "mary", "lynn"});
  config.towns = {"Milton Keynes", "Fort William", "King's Lynn"};
  config.places = {"Harold Wood", "Ottery St Mary"};
  // A town is never a name, wherever it stands.
  CHECK(Names("Milton Keynes officers arrested a man", config) == "");
  CHECK(Names("the Fort William Alerts page", config) == "");
  CHECK(Names("in King's Lynn Harbour", config) == "");
  // A village after a place word, or begun before the first name.
  CHECK(Names("a man from Harold Wood was arrested", config) == "");
  CHECK(Names("near Ottery St Mary Smith", config) == "");
  // Innocent twins: a village with no place word before it is a person's
  // name, so is any listed place with an age after it, and a name next to a
  // town is still a name.
  CHECK(Names("Harold Wood was arrested", config) == "'Harold Wood'@0");
  CHECK(Names("we spoke to Harold Wood", config) == "'Harold Wood'@12");
  CHECK(Names("in Milton Keynes, 45, of Leeds", config) == "'Milton Keynes'@3");
  CHECK(Names("in Milton Keynes Darren Smith was seen", config) == "'Darren Smith'@17");
  CHECK(Names("Mary Wood from Milton Keynes", config) == "'Mary Wood'@0");
}

TEST_CASE("Mc and Mac surnames") {
  CHECK(Names("Darren McDonald and Mr MacLeod") == "'Darren McDonald'@0 | 'Mr MacLeod'@20");
}

TEST_CASE("hyphenated and O' surnames") {
  CHECK(Names("Amy Smith-Jones saw it") == "'Amy Smith-Jones'@0");
  CHECK(Names("Mr. O'Brien was there") == "'Mr. O'Brien'@0");
  CHECK(Names("Mr D\xE2\x80\x99Souza") == "'Mr D\xE2\x80\x99Souza'@0");  // curly apostrophe
}

TEST_CASE("first name and O' surname") {
  CHECK(Names("Sean O'Brien was there") == "'Sean O'Brien'@0");
  CHECK(Names("Amy D'Souza") == "'Amy D'Souza'@0");
}

TEST_CASE("a first name and surname in lower case, with an age or introduced") {
  CHECK(Names("tyler jones, 15, was arrested for robbery.") == "'tyler jones'@0");
  CHECK(Names("we nicked mark smith, aged 19, last night") == "'mark smith'@10");
  CHECK(Names("he was named as tyler jones") == "'tyler jones'@16");
  CHECK(Names("a lad called darren whitley") == "'darren whitley'@13");
  CHECK(Names("amy o'connor, 16, has been arrested") == "'amy o'connor'@0");
  CHECK(Names("amy smith-jones, 16, has been arrested") == "'amy smith-jones'@0");
  // Innocent twins: no age and no introduction; a known word after the name;
  // a function word; no dictionary to ask.
  CHECK(Names("tyler jones was arrested") == "");
  CHECK(Names("we called amy yesterday") == "");
  CHECK(Names("someone called mark smith") == "");  // 'smith' is a word too: an age is needed
  CHECK(Names("named as tyler and his mate") == "");
  CHECK(Names("he was named as tyler jones", Config(), nullptr) == "");
  CHECK(Names("he was named as bob jones") == "");  // not a known first name
  CHECK(Names("tyler jones,15") == "");             // not an age the way a release writes one
  CHECK(Names("amy o, 16, was there") == "");
  CHECK(Names("amy o'connor was there") == "");
}

TEST_CASE("not a surname") {
  CHECK(Names("Officers on Darren Road tonight") == "");
  CHECK(Names("Darren street") == "");
  CHECK(Names("Mr Police") == "");
  CHECK(Names("Mr jones") == "");
  CHECK(Names("Amy SMITH") == "");  // all-caps surname after a first name
  CHECK(Names("AMY SMITH") == "");
  CHECK(Names("Darren 2nd") == "");
  CHECK(Names("Mr") == "");
  CHECK(Names("Darren") == "");
  CHECK(Names("Darren, Whitley") == "");  // punctuation between
  CHECK(Names("Bob Whitley") == "");      // unknown first name
}

TEST_CASE("byte offsets after multibyte text") {
  CHECK(Names("\xF0\x9F\x98\x80 Caf\xC3\xA9 owner Mr Jones") == "'Mr Jones'@17");
}

TEST_CASE("no titles, only first names") {
  NamesMatcher config;
  config.first_names = std::make_shared<const NamesMatcher::Words>(NamesMatcher::Words{"amy"});
  CHECK(Names("Mr Jones and Amy Patel", config) == "'Amy Patel'@13");
}

TEST_CASE("a first name on its own, when asked for") {
  CHECK(Alone("Heads up: we saw Amy who rings from the Spar.") == "'Amy'@17");
  CHECK(Alone("Amy, your bag is at the front desk") == "'Amy'@0");  // "amy" is no word
  CHECK(Alone("Come and get it, Darren") == "'Darren'@17");          // the last token too
  CHECK(Alone("Darren Whitley and Amy") == "'Amy'@19");               // the pair is a name, not alone
  // Not next to another capitalised word, nor after "the" or a place word.
  CHECK(Alone("We met Port Amy") == "");
  // ...but a nickname word before it, or an initial after it, is no other name.
  CHECK(Alone("We met Big Amy") == "'Amy'@11");
  CHECK(Alone("our Special Amy is back on the tills") == "'Amy'@12");
  CHECK(Alone("and Amy R is gone again") == "'Amy'@4");
  CHECK(Alone("and Amy Rt is gone again") == "");
  CHECK(Alone("The Amy Centre opens") == "");
  CHECK(Alone("a drink at the Darren and Crown") == "");
  CHECK(Alone("he moved to Darren last year") == "");
  // Not in capitals, a #tag or an @handle; not one of not_alone.
  CHECK(Alone("AMY was there") == "");
  CHECK(Alone("#Amy and @Darren and @the_Amy") == "");
  CHECK(Alone("we flew Paris") == "");
  // At the start of a sentence only when the dictionary does not know it in
  // lower case: "Mark" may be the verb.
  CHECK(Alone("Mark the date. We saw mark") == "");
  CHECK(Alone("Then we saw Mark") == "'Mark'@12");
  CHECK(Alone("Amy was there", nullptr) == "");
  // With an age after it, a name for every rule, not one "alone".
  CHECK(Alone("we lifted Amy, 19, in Asda") == "");
  CHECK(Names("we lifted Amy, 19, in Asda") == "'Amy'@10");
  CHECK(Names("reuniting Amy (91) with her carers") == "'Amy'@10");
  CHECK(Names("we lifted Paris, 19, in Asda") == "");  // not_alone is not in Names' config
  // Not asked for: nothing.
  NamesFinder finder(Config());
  TokenizedText tokens;
  Tokenize("we saw Amy", &tokens);
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  finder.Find(tokens, &kDictionary, &spans);
  CHECK(spans.empty());
}

}  // namespace
}  // namespace postcheck
