// Unit tests for word folding and evasion helpers (normalize.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "text/normalize.h"

namespace postcheck {
namespace {

std::string Fold(std::string_view word) {
  std::string out;
  FoldWord(word, &out);
  return out;
}

TEST_CASE("ASCII is lower-cased and nothing else") {
  CHECK(Fold("Hello") == "hello");
  CHECK(Fold("SHOUT") == "shout");
  CHECK(Fold("sh1t$*") == "sh1t$*");
  CHECK(Fold("") == "");
}

TEST_CASE("FoldWord appends") {
  std::string out = "x:";
  FoldWord("AB", &out);
  FoldWord("C\xC3\x89", &out);  // CÉ
  CHECK(out == "x:abce");
}

TEST_CASE("case folding and stripped combining marks") {
  CHECK(Fold("CAF\xC3\x89") == "cafe");    // CAFÉ, precomposed
  CHECK(Fold("cafe\xCC\x81") == "cafe");   // e + U+0301
  CHECK(Fold("Stra\xC3\x9F" "e") == "strasse");  // ß case-folds to ss
  CHECK(Fold("na\xC3\xAFve") == "naive");
}

TEST_CASE("compatibility forms: full-width letters and ligatures") {
  CHECK(Fold("\xEF\xBD\x93\xEF\xBD\x88\xEF\xBD\x89\xEF\xBD\x94") == "shit");  // ｓｈｉｔ
  CHECK(Fold("\xEF\xBC\xB3\xEF\xBC\xA8") == "sh");                            // ＳＨ
  CHECK(Fold("\xEF\xAC\x81ne") == "fine");                                     // ﬁne
  CHECK(Fold("stu\xEF\xAC\x80" "ed") == "stuffed");                            // stuﬀed
}

TEST_CASE("default-ignorable characters are dropped") {
  CHECK(Fold("sh\xE2\x80\x8Bit") == "shit");  // zero-width space
  CHECK(Fold("sh\xC2\xADit") == "shit");      // soft hyphen
  CHECK(Fold("sh\xE2\x80\x8Dit") == "shit");  // zero-width joiner
  CHECK(Fold("sh\xE2\x81\xA0it") == "shit");  // word joiner
  CHECK(Fold("sh\xEF\xBB\xBFit") == "shit");  // BOM / ZWNBSP
}

TEST_CASE("Cyrillic and Greek look-alikes become Latin") {
  CHECK(Fold("\xD1\x95h\xD1\x96t") == "shit");        // ѕ h і t
  CHECK(Fold("\xD0\xA1\xD0\x9E\xD0\xA0") == "cop");   // СОР upper-case Cyrillic
  CHECK(Fold("\xCE\xBA\xCE\xBF") == "ko");            // κο
  // Cyrillic letters with no Latin look-alike stay as they are.
  CHECK(Fold("\xD0\xB4\xD0\xB0") == "\xD0\xB4" "a");  // да
}

TEST_CASE("SqueezeRepeats") {
  std::string out;
  CHECK(SqueezeRepeats("shiiiit", 1, &out));
  CHECK(out == "shit");
  CHECK(SqueezeRepeats("shiiiit", 2, &out));
  CHECK(out == "shiit");
  CHECK(SqueezeRepeats("fuuuck offff", 1, &out));
  CHECK(out == "fuck of");
  CHECK(SqueezeRepeats("fuuuck offff", 2, &out));
  CHECK(out == "fuuck off");
  CHECK(SqueezeRepeats("aaa", 1, &out));
  CHECK(out == "a");
  CHECK_FALSE(SqueezeRepeats("coffee", 1, &out));  // runs of two are not emphasis
  CHECK_FALSE(SqueezeRepeats("", 2, &out));
}

TEST_CASE("LeetLetter and friends") {
  CHECK(LeetLetter('0') == 'o');
  CHECK(LeetLetter('1') == 'i');
  CHECK(LeetLetter('3') == 'e');
  CHECK(LeetLetter('4') == 'a');
  CHECK(LeetLetter('5') == 's');
  CHECK(LeetLetter('7') == 't');
  CHECK(LeetLetter('@') == 'a');
  CHECK(LeetLetter('$') == 's');
  CHECK(LeetLetter('!') == 'i');
  CHECK(LeetLetter('2') == 0);
  CHECK(LeetLetter('a') == 0);
  CHECK(LeetLetter('*') == 0);
  CHECK(LeetAlternative('1') == 'l');
  CHECK(LeetAlternative('0') == 0);
  CHECK(IsMaskChar('*'));
  CHECK(IsMaskChar('.'));
  CHECK(IsMaskChar('#'));
  CHECK_FALSE(IsMaskChar('a'));
}

TEST_CASE("letter-like symbols stand for their letters") {
  CHECK(LetterLikeSymbol(0x24D5) == 'f');   // circled small f
  CHECK(LetterLikeSymbol(0x24B6) == 'a');   // circled capital A
  CHECK(LetterLikeSymbol(0x1F175) == 'f');  // negative squared F
  CHECK(LetterLikeSymbol(0x1F1FF) == 'z');  // regional indicator Z
  CHECK(LetterLikeSymbol(0x1F600) == 0);    // a face is no letter
  CHECK(LetterLikeSymbol('f') == 0);
}

}  // namespace
}  // namespace postcheck
