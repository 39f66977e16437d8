// Unit tests for the loose-post model (loose_post_model.h): its tokens and
// features as the training script defines them, the file format and its
// errors, scores, the strongest sentence and words.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "matching/loose_post_model.h"

namespace postcheck {
namespace {

using Strings = std::vector<std::string>;

const char* kModel =
    "# a comment\n"
    "labels\tpersonal-data\timpartiality\n"
    "bias\t-1.0000\t-2.0000\n"
    "u:nan\t0.7500\t0.0000\n"
    "b:lives on\t1.2500\t-0.1000\n"
    "u:tories\t0.0000\t3.0000\n"
    "u:🙄\t0.0100\t0.5000\n";

std::shared_ptr<const LoosePostModel> Model() {
  std::string error;
  auto model = LoosePostModel::Parse(kModel, &error);
  REQUIRE_MESSAGE(model, error);
  return model;
}

TEST_CASE("tokens: ASCII words lower-cased, curly apostrophes straight, every other code point alone") {
  CHECK(LoosePostModel::Tokens("Sarge’s NAN, 2day!") == Strings{"sarge's", "nan", ",", "2day", "!"});
  CHECK(LoosePostModel::Tokens("café 🙄🙄") == Strings{"caf", "é", "🙄", "🙄"});
  // variation selectors, joiners and skin tones are part of the emoji before them
  CHECK(LoosePostModel::Tokens("❤\ufe0f 👍🏽 👨\u200d👩") == Strings{"❤", "👍", "👨", "👩"});
  CHECK(LoosePostModel::Tokens("a\u00a0b\u2003c\td") == Strings{"a", "b", "c", "d"});
  // a hashtag is its words; the sign alone is no token
  CHECK(LoosePostModel::Tokens("#PoliceDog x#y") == Strings{"policedog", "x", "y"});
  CHECK(LoosePostModel::Tokens("") == Strings{});
  // a stray byte is a token of its own, never a crash
  CHECK(LoosePostModel::Tokens(std::string("a\xff" "b")) == Strings{"a", "\xff", "b"});
}

TEST_CASE("features: distinct tokens and pairs of neighbours, sorted") {
  CHECK(LoosePostModel::Features("Nan nan lives") ==
        Strings{"b:nan lives", "b:nan nan", "u:lives", "u:nan"});
}

TEST_CASE("parse: labels, bias and weights in ten-thousandths") {
  auto model = Model();
  CHECK(model->labels() == Strings{"personal-data", "impartiality"});
  CHECK(model->bias() == std::vector<int32_t>{-10000, -20000});
  CHECK(model->features().size() == 4);
  CHECK(model->LabelIndex("impartiality") == 1);
  CHECK(model->LabelIndex("tone") == -1);
}

TEST_CASE("parse errors name the line") {
  std::string error;
  CHECK_FALSE(LoosePostModel::Parse("bias\t1\n", &error));
  CHECK(error == "line 1: expected 'labels' and one label or more");
  CHECK_FALSE(LoosePostModel::Parse("labels\ta\nbias\t1\t2\n", &error));
  CHECK(error == "line 2: expected 2 tab-separated cells, found 3");
  CHECK_FALSE(LoosePostModel::Parse("labels\ta\nbias\tx\n", &error));
  CHECK(error == "line 2: 'x' is not a weight");
  CHECK_FALSE(LoosePostModel::Parse("labels\ta\nbias\t0.12345\n", &error));
  CHECK(error == "line 2: '0.12345' is not a weight");
  CHECK_FALSE(LoosePostModel::Parse("labels\ta\nbias\t1\nnan\t1\n", &error));
  CHECK(error == "line 3: a feature must start with 'u:' or 'b:'");
  CHECK_FALSE(LoosePostModel::Parse("labels\ta\nbias\t1\nu:x\t1\nu:x\t2\n", &error));
  CHECK(error == "a feature is listed twice");
  CHECK_FALSE(LoosePostModel::Parse("# nothing\n", &error));
  CHECK(error == "no 'labels' and 'bias' rows");
}

TEST_CASE("score: the bias plus the weight of each distinct feature once") {
  auto model = Model();
  CHECK(model->Score("", 0) == doctest::Approx(-1.0));
  CHECK(model->Score("My nan lives on Elm Rd", 0) == doctest::Approx(-1.0 + 0.75 + 1.25));
  CHECK(model->Score("nan NAN nan", 0) == doctest::Approx(-1.0 + 0.75));
  CHECK(model->Score("Tories 🙄", 1) == doctest::Approx(-2.0 + 3.0 + 0.5));
  CHECK(model->Score("Tories 🙄", 0) == doctest::Approx(-1.0 + 0.01));
}

TEST_CASE("the strongest sentence, trimmed") {
  auto model = Model();
  const std::string text = "Busy night. My nan lives on Elm Rd! Anyway";
  auto [b, e] = model->StrongestSentence(text, 0);
  CHECK(text.substr(b, e - b) == "My nan lives on Elm Rd!");
  const std::string one = "  just the one sentence  ";
  auto [b1, e1] = model->StrongestSentence(one, 0);
  CHECK(one.substr(b1, e1 - b1) == "just the one sentence");
  const std::string lines = "Tories out\nnan";
  auto [b2, e2] = model->StrongestSentence(lines, 1);
  CHECK(lines.substr(b2, e2 - b2) == "Tories out");
}

TEST_CASE("the strongest words: positive weights only, strongest first, no repeats") {
  auto model = Model();
  CHECK(model->StrongestWords("My nan lives on Elm Rd 🙄", 0, 3) == Strings{"lives on", "nan", "🙄"});
  CHECK(model->StrongestWords("My nan lives on Elm Rd 🙄", 0, 1) == Strings{"lives on"});
  CHECK(model->StrongestWords("lives on", 1, 3) == Strings{});
  // a function word on its own explains nothing
  std::string error;
  auto quiet = LoosePostModel::Parse("labels\ta\nbias\t0\nu:the\t2\nb:the nan\t1\nu:nan\t0.5\n", &error);
  REQUIRE(quiet);
  CHECK(quiet->StrongestWords("the nan", 0, 3) == Strings{"the nan"});
  // nor a pair of function words ("because the")
  auto pair = LoosePostModel::Parse("labels\ta\nbias\t0\nb:because the\t2\nu:cat\t1\n", &error);
  REQUIRE(pair);
  CHECK(pair->StrongestWords("because the cat", 0, 3) == Strings{"cat"});
  // nor does a pair with a mark in it
  auto marks = LoosePostModel::Parse("labels\ta\nbias\t0\nb:lane ,\t2\nu:lane\t1\nu:we've\t3\n", &error);
  REQUIRE(marks);
  CHECK(marks->StrongestWords("we've lane ,", 0, 3) == Strings{"lane"});
}

TEST_CASE("from parts: the sizes must agree") {
  CHECK(LoosePostModel::FromParts({"a"}, {1}, {"u:x"}, {5}));
  CHECK_FALSE(LoosePostModel::FromParts({"a"}, {1, 2}, {"u:x"}, {5}));
  CHECK_FALSE(LoosePostModel::FromParts({"a"}, {1}, {"u:x"}, {5, 6}));
  CHECK_FALSE(LoosePostModel::FromParts({}, {}, {}, {}));
}

}  // namespace
}  // namespace postcheck
