// Unit tests for the word-form set (word_forms.h): the block's format and
// case rules on a small made-up dictionary, and the set compiled in for
// Debian's en_GB, which must answer like Hunspell itself wherever it answers.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <hunspell/hunspell.hxx>

#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "matching/word_forms.h"

namespace postcheck {
namespace {

using Words = std::vector<std::string>;

TEST_CASE("BuildWordForms keeps what spell accepts, in the cases it accepts") {
  const std::set<std::string> accepted = {"colour", "Colour", "COLOUR", "London", "LONDON", "iPhone",
                                          "IPHONE", "don't", "Don't", "DON'T",  "café",   "Café",
                                          "CAFÉ",   "a",      "A"};
  const Words forms = {"colour", "London", "iPhone", "don't", "café", "a", "bogusform", "colour"};
  const DictionaryStamp stamp{1, 2, 3, 4};
  const std::string blob =
      BuildWordForms(forms, [&](const std::string& w) { return accepted.count(w) > 0; }, stamp);
  auto set = WordForms::View(blob);
  REQUIRE(set.has_value());
  CHECK(set->stamp() == stamp);
  CHECK(set->keys() == 7);  // "iPhone", and "iphone" for "IPHONE"
  for (const std::string& w : accepted) {
    INFO(std::string(w));
    CHECK(set->Contains(w));
  }
  for (const char* w : {"london", "Iphone", "iphone", "cOLOUR", "colours", "bogusform", "Bogusform", "dont",
                        "", "caf", "CAFé", "\xff\xfe"}) {
    INFO(std::string(w));
    CHECK_FALSE(set->Contains(w));
  }
}

TEST_CASE("the runs of four letters: every key found, whatever its length; strings with a run no key has not") {
  // Contains asks a bit array of the keys' runs of four byte classes before
  // the filter and the table: it must never hide a key, short or long, in any
  // case or script, and it tells apart the edits of a word that make a run
  // no word has.
  const Words forms = {"a", "an", "ant", "ants", "antelope", "x'y", "naïve", "McDonald", "internationalisation"};
  const std::string blob = BuildWordForms(forms, [](const std::string&) { return true; }, {});
  auto set = WordForms::View(blob);
  REQUIRE(set.has_value());
  for (const char* w : {"a", "A", "an", "An", "AN", "ant", "ANT", "ants", "Ants", "antelope", "ANTELOPE", "x'y",
                        "X'y", "X'Y", "naïve", "Naïve", "NAÏVE", "McDonald", "MCDONALD", "internationalisation",
                        "INTERNATIONALISATION"}) {
    INFO(std::string(w));
    CHECK(set->Contains(w));
  }
  // One edit from a key: a letter added, left out, swapped or replaced.
  for (const char* w : {"aa", "b", "nt", "tna", "antz", "qants", "antelopes", "antleope", "naive", "naïvé", "mcdonald",
                        "McDonlad", "internationalisatoin", "xy", "x''y", "anta", "ann"}) {
    INFO(std::string(w));
    CHECK_FALSE(set->Contains(w));
  }
}

TEST_CASE("View refuses what BuildWordForms did not make") {
  CHECK_FALSE(WordForms::View("").has_value());
  CHECK_FALSE(WordForms::View("not a word-form set at all, just bytes of text").has_value());
  const std::string blob = BuildWordForms({"word"}, [](const std::string&) { return true; }, {});
  REQUIRE(WordForms::View(blob).has_value());
  CHECK_FALSE(WordForms::View(blob.substr(0, blob.size() - 1)).has_value());  // cut short
  CHECK_FALSE(WordForms::View(blob + "x").has_value());                       // too long
}

TEST_CASE("StampOf tells dictionaries apart by size and content") {
  CHECK(StampOf("aff", "dic") == StampOf("aff", "dic"));
  CHECK(StampOf("aff", "dic") != StampOf("aff", "dib"));
  CHECK(StampOf("aff", "dic") != StampOf("afff", "dic"));
  const std::string big(200000, 'x');  // more than one 64 KB chunk
  CHECK(StampOf("aff", big) != StampOf("aff", big.substr(1) + "y"));
  DictionaryStamp stamp;
  CHECK_FALSE(StampFiles("/nonexistent.aff", "/nonexistent.dic", &stamp));
  // A file's stamp is the stamp of its bytes.
  REQUIRE(StampFiles("/usr/share/hunspell/en_GB.aff", "/usr/share/hunspell/en_GB.dic", &stamp));
  std::ifstream aff("/usr/share/hunspell/en_GB.aff", std::ios::binary), dic("/usr/share/hunspell/en_GB.dic", std::ios::binary);
  const std::string aff_bytes((std::istreambuf_iterator<char>(aff)), std::istreambuf_iterator<char>());
  const std::string dic_bytes((std::istreambuf_iterator<char>(dic)), std::istreambuf_iterator<char>());
  CHECK(stamp == StampOf(aff_bytes, dic_bytes));
}

TEST_CASE("CaseFormsOf: lower, UPPER, Capitalised") {
  CaseForms forms;
  REQUIRE(CaseFormsOf("iPhone", &forms));
  CHECK(forms.lower == "iphone");
  CHECK(forms.upper == "IPHONE");
  CHECK(forms.capitalised == "Iphone");
  REQUIRE(CaseFormsOf("café", &forms));
  CHECK(forms.upper == "CAFÉ");
  CHECK(forms.capitalised == "Café");
  REQUIRE(CaseFormsOf("'tis", &forms));
  CHECK(forms.capitalised == "'tis");
  CHECK_FALSE(CaseFormsOf("\xff", &forms));
}

// The set compiled in for en_GB, checked against Hunspell on the installed
// files: it must be there (the build made it), match them, and never accept
// a word Hunspell rejects.
struct EnGb {
  EnGb() : hunspell("/usr/share/hunspell/en_GB.aff", "/usr/share/hunspell/en_GB.dic") {}
  Hunspell hunspell;
};

TEST_CASE("the en_GB set: compiled in, made from the installed dictionary") {
  auto set = WordForms::View(EmbeddedWordForms("en_GB"));
  REQUIRE(set.has_value());
  DictionaryStamp stamp;
  REQUIRE(StampFiles("/usr/share/hunspell/en_GB.aff", "/usr/share/hunspell/en_GB.dic", &stamp));
  CHECK(set->stamp() == stamp);
  CHECK(set->keys() > 200000);
  CHECK(EmbeddedWordForms("xx_XX").empty());
}

TEST_CASE("the en_GB set answers like Hunspell on varied words") {
  auto set = WordForms::View(EmbeddedWordForms("en_GB"));
  REQUIRE(set.has_value());
  EnGb en;
  // In the set: the answer is Hunspell's (true).
  for (const char* w : {"colour", "Colour", "COLOUR", "colours", "coloured", "London", "LONDON", "don't",
                        "Don't", "DON'T", "officer's", "burglary", "Burglaries", "café", "naïve",
                        "o'clock", "Tuesday", "TUESDAY", "e-mail", "realise", "realize", "McDonald", "iPod", "1st"}) {
    INFO(std::string(w));
    CHECK(en.hunspell.spell(std::string(w)));
    CHECK(set->Contains(w));
  }
  // Hunspell accepts these by other means (compounds, numbers, hyphens):
  // not in the set, so the spell checker asks Hunspell.
  for (const char* w : {"22nd", "123", "well-known-ish", "colour-", "-colour"}) {
    INFO(std::string(w));
    CHECK_FALSE(set->Contains(w));
  }
  // Rejected by both.
  for (const char* w : {"recieved", "goverment", "seperate", "untill", "alot", "dont", "london", "tuesday",
                        "cOLOUR", "Colour's'", "Iphone", "zorblet", "1stt"}) {
    INFO(std::string(w));
    CHECK_FALSE(en.hunspell.spell(std::string(w)));
    CHECK_FALSE(set->Contains(w));
  }
}

TEST_CASE("the en_GB set answers ASCII words of every case shape as Hunspell does") {
  // ASCII words take a path of their own in Contains (no allocation, no
  // utf8proc): each shape, one-letter words and a leading apostrophe.
  auto set = WordForms::View(EmbeddedWordForms("en_GB"));
  REQUIRE(set.has_value());
  EnGb en;
  for (const char* w : {"a", "A", "i", "I", "x", "X", "police", "Police", "POLICE", "pOLICE", "PoLiCe",
                        "policE", "london", "London", "LONDON", "lONDON", "mcdonald", "McDonald", "MCDONALD",
                        "Mcdonald", "mCDONALD", "ipod", "iPod", "IPOD", "Ipod", "'tis", "'Tis", "'TIS",
                        "o'clock", "O'clock", "O'CLOCK", "O'Clock", "e-mail", "E-mail", "E-MAIL",
                        "internationalisations", "Internationalisations", "INTERNATIONALISATIONS"}) {
    INFO(std::string(w));
    const bool in_set = set->Contains(w);
    if (in_set) CHECK(en.hunspell.spell(std::string(w)));
    // Words of letters (and apostrophes) that Hunspell accepts are all in the
    // set, but for the capitals it reaches by matching affixes in any case.
    const std::string s(w);
    if (s.find('-') == std::string::npos && en.hunspell.spell(s)) CHECK(in_set);
  }
}

TEST_CASE("the en_GB set never accepts what Hunspell rejects: the dictionary's words and their edits") {
  auto set = WordForms::View(EmbeddedWordForms("en_GB"));
  REQUIRE(set.has_value());
  EnGb en;
  std::ifstream dic("/usr/share/hunspell/en_GB.dic");
  std::string line;
  size_t n = 0, agree = 0, tried = 0;
  while (std::getline(dic, line)) {
    if (n++ % 25 != 0) continue;
    std::string stem = line.substr(0, line.find('/'));
    CaseForms forms;
    if (!CaseFormsOf(stem, &forms)) continue;
    Words words = {stem, forms.lower, forms.upper, forms.capitalised};
    words.push_back(stem + "s");
    words.push_back(stem + "'s");
    words.push_back(stem + "ed");
    words.push_back(stem.substr(0, stem.size() / 2) + "-" + stem.substr(stem.size() / 2));
    if (stem.size() > 2) words.push_back(stem.substr(1));
    for (const std::string& w : words) {
      const bool in_set = set->Contains(w);
      const bool spelt = en.hunspell.spell(w);
      ++tried;
      if (in_set) {
        INFO(w);
        REQUIRE(spelt);
      }
      agree += in_set == spelt;
    }
  }
  MESSAGE("set and Hunspell agree on " << agree << " of " << tried << " words");
  CHECK(agree * 100 >= tried * 97);  // the rest are Hunspell's compounds and breaks
}

}  // namespace
}  // namespace postcheck
