// Unit tests for the process-wide dictionaries (shared_dictionary.h): one
// load per name and search dirs, shared by every caller and thread; the
// word-form set used only when it matches the files; Hunspell's verdicts.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "matching/shared_dictionary.h"
#include "matching/word_forms.h"

namespace postcheck {
namespace {

const std::vector<std::string> kDirs = {"/usr/share/hunspell"};

TEST_CASE("Get loads a dictionary once and shares it, across threads too") {
  SharedDictionary::Prefetch("en_GB", kDirs);
  std::vector<std::shared_ptr<const SharedDictionary>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) threads.emplace_back([&, t] { got[t] = SharedDictionary::Get("en_GB", kDirs); });
  for (auto& t : threads) t.join();
  REQUIRE(got[0] != nullptr);
  for (const auto& d : got) CHECK(d == got[0]);
  CHECK(got[0]->has_forms());  // the set compiled in matches the installed en_GB
  CHECK(got[0]->aff_path() == "/usr/share/hunspell/en_GB.aff");
  // Other search dirs are another dictionary.
  auto other = SharedDictionary::Get("en_GB", {"/nonexistent", "/usr/share/hunspell"});
  REQUIRE(other != nullptr);
  CHECK(other != got[0]);
}

TEST_CASE("Get: a dictionary that is not there") {
  CHECK(SharedDictionary::Get("xx_XX", kDirs) == nullptr);
  CHECK(SharedDictionary::Get("xx_XX", kDirs) == nullptr);  // looked for again, still not there
}

TEST_CASE("Knows is Hunspell's spell(), with the set, a stale set or none") {
  const std::string_view embedded = EmbeddedWordForms("en_GB");
  static const std::string stale = [&] {
    std::string blob(embedded);
    blob[24] ^= 1;  // the .dic size in the stamp
    return blob;
  }();
  Hunspell hunspell("/usr/share/hunspell/en_GB.aff", "/usr/share/hunspell/en_GB.dic");
  auto fresh = SharedDictionary::LoadUnshared("en_GB", kDirs, embedded);
  auto old = SharedDictionary::LoadUnshared("en_GB", kDirs, stale);
  auto none = SharedDictionary::LoadUnshared("en_GB", kDirs, "");
  REQUIRE((fresh && old && none));
  CHECK(fresh->has_forms());
  CHECK_FALSE(old->has_forms());
  CHECK_FALSE(none->has_forms());
  for (const char* w : {"colour", "Colour", "COLOUR", "london", "London", "don't", "DON'T", "1st", "22nd",
                        "well-known", "recieved", "café", "iPhone", "Iphone", "x", "etc.", "colour-"}) {
    INFO(std::string(w));
    const bool spelt = hunspell.spell(std::string(w));
    CHECK(fresh->Knows(w) == spelt);
    CHECK(old->Knows(w) == spelt);
    CHECK(none->Knows(w) == spelt);
    CHECK(fresh->InForms(w) <= spelt);  // the set: true only where Hunspell says so
    CHECK(old->InForms(w) == spelt);    // no set: Hunspell
  }
  CHECK(fresh->IsBaseWord("information"));
  CHECK_FALSE(fresh->IsBaseWord("bitches"));
}

TEST_CASE("a word of letters is answered by the set alone, as Hunspell answers it; others read Hunspell") {
  REQUIRE(EmbeddedWordFormsComplete("en_GB"));  // en_GB makes compounds of digits only
  CHECK_FALSE(EmbeddedWordFormsComplete("xx_XX"));
  Hunspell hunspell("/usr/share/hunspell/en_GB.aff", "/usr/share/hunspell/en_GB.dic");
  auto complete = SharedDictionary::LoadUnshared("en_GB", kDirs, EmbeddedWordForms("en_GB"), true);
  REQUIRE(complete);
  // Entries with morphological fields after a tab ("astray<TAB>Adverb")
  // are in the set; made-up words, slang and misspellings are not words.
  for (const char* w : {"astray", "Astray", "dicey", "whitish", "zealously", "fides", "colour", "Colour", "don't",
                        "students'", "iPhone", "Iphone", "recieved", "lmao", "Lmao", "bruv", "innit", "hELLO",
                        "McDonald", "Mcdonald", "'tis", "Britain", "britain", "xyzzy"}) {
    INFO(std::string(w));
    CHECK(complete->Knows(w) == hunspell.spell(std::string(w)));
  }
  // Which lower-case words are their own stems, from the set too.
  for (const char* w : {"information", "bitches", "crappie", "crappy", "runs", "run", "astray", "lmao", "don't"}) {
    INFO(std::string(w));
    const std::vector<std::string> stems = hunspell.stem(std::string(w));
    CHECK(complete->IsBaseWord(w) == (std::find(stems.begin(), stems.end(), w) != stems.end()));
  }
  CHECK(complete->IsBaseWord("information"));
  CHECK_FALSE(complete->IsBaseWord("bitches"));
  // Capitals too, but for the documented exception: Hunspell takes CMSES
  // (CMS with "es", matched in any case), which is no form's capitals.
  for (const char* w : {"COLOUR", "LMAO", "DON'T", "LONDON", "MCDONALD", "ASTRAY", "CMS", "CMSS"}) {
    INFO(std::string(w));
    CHECK(complete->Knows(w) == hunspell.spell(std::string(w)));
  }
  CHECK(hunspell.spell(std::string("CMSES")));
  CHECK_FALSE(complete->Knows("CMSES"));
  CHECK_FALSE(complete->hunspell_loaded());
  // Digits, hyphens and other letters go to Hunspell, read now.
  CHECK(complete->Knows("22nd"));
  CHECK(complete->hunspell_loaded());
  for (const char* w : {"well-known", "café", "1th"}) {
    INFO(std::string(w));
    CHECK(complete->Knows(w) == hunspell.spell(std::string(w)));
  }
  // Without the promise, a word the set lacks is asked of Hunspell.
  auto partial = SharedDictionary::LoadUnshared("en_GB", kDirs, EmbeddedWordForms("en_GB"));
  REQUIRE(partial);
  CHECK_FALSE(partial->Knows("lmao"));
  CHECK(partial->hunspell_loaded());
}

}  // namespace
}  // namespace postcheck
