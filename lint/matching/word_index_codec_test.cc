// Unit tests for the word index as bytes (WordIndex::Encode and Decode,
// word_index_codec.cc) and its file (word_index_file.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>


#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "matching/set_lexicon.h"
#include "matching/word_index.h"
#include "matching/word_index_file.h"
#include "matching/word_index_test_util.h"
#include "text/temp_dir_test_util.h"
#include "text/tokenizer.h"

namespace postcheck {
namespace {

constexpr WordOptions kDisguised{false, true, true};

// An index with every kind of entry: single words and phrases, exact case,
// forms, a phrase with punctuation, shared entries, and disguised words and
// phrases (deletions, initials, misspelt phrases).
WordIndex Sample() {
  WordIndex index;
  index.Add("asian men", false, 0);
  index.Add("asian", false, 1);
  index.Add("asian", false, 2);
  index.Add("Tory", true, 3);
  index.Add("shock, horror", false, 4);
  index.Add("groomed", WordOptions{false, false, false}, 5);
  index.Add("bitch", kDisguised, 6);
  index.Add("fuckwit", kDisguised, 7);
  index.Add("white trash", kDisguised, 8);
  index.Add("half breed", kDisguised, 9);
  index.Add("cunt", kDisguised, 10);
  index.Add("arrested", false, 11);
  index.DoneAdding();
  return index;
}

const SetLexicon kLexicon({"a", "you", "the", "men", "and", "white", "is", "he", "was", "arrest", "she", "her",
                           "half", "shock", "horror", "breeds"},
                          {});

const std::vector<std::string> kTexts = {
    "Asian men and asian women, the bitches, b*tch, Tory tory TORY",
    "shock horror, shock, horror: he was groomed and grooming, arrests and arrested",
    "you f-wit, a fcuk, whte trash and white trsah, half breeds, bit ch, abitch, sh1t, b i t c h",
    "#AsianMen acunt ArrestedDevelopment",
    "",
};

std::string Encoded(const WordIndex& index) {
  std::string bytes;
  index.Encode(&bytes);
  return bytes;
}

TEST_CASE("an index decoded matches exactly what the encoded one did") {
  const WordIndex index = Sample();
  const std::string bytes = Encoded(index);
  WordIndex copy;
  REQUIRE(copy.Decode(bytes));
  CHECK(copy.size() == index.size());
  for (const std::string& text : kTexts) {
    CAPTURE(text);
    CHECK(Hits(copy, text, &kLexicon) == Hits(index, text, &kLexicon));
    CHECK(Hits(copy, text, nullptr) == Hits(index, text, nullptr));
  }
  CHECK_FALSE(Hits(index, kTexts[2], &kLexicon).empty());  // the disguises are there to compare
  CHECK(Encoded(copy) == bytes);  // and encodes to the same bytes
}

TEST_CASE("an empty index encodes and decodes") {
  WordIndex index;
  index.DoneAdding();
  WordIndex copy;
  REQUIRE(copy.Decode(Encoded(index)));
  CHECK(copy.size() == 0);
  CHECK(Hits(copy, kTexts[0], &kLexicon).empty());
}

TEST_CASE("damaged bytes are refused and leave the index empty, never a crash") {
  const std::string bytes = Encoded(Sample());
  for (size_t cut = 0; cut < bytes.size(); cut += 1 + cut / 64) {
    WordIndex copy;
    CAPTURE(cut);
    CHECK_FALSE(copy.Decode(std::string_view(bytes).substr(0, cut)));
    CHECK(copy.size() == 0);
  }
  WordIndex longer;
  CHECK_FALSE(longer.Decode(bytes + "x"));
  // A byte changed anywhere: refused, or (where it only changes a value no
  // lookup follows, such as a hash or a flag) an index that still matches
  // without reading out of bounds (the sanitizer build checks that).
  size_t refused = 0;
  for (size_t at = 0; at < bytes.size(); ++at) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    WordIndex copy;
    if (!copy.Decode(damaged)) {
      ++refused;
      CHECK(copy.size() == 0);
      continue;
    }
    for (const std::string& text : kTexts) Hits(copy, text, &kLexicon);
  }
  // Most bytes are hashes, filter bits and letters of words, which no
  // check can tell from others; counts and ids are checked.
  CHECK(refused > bytes.size() / 4);
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

TEST_CASE("the file is read back with its key, and intact only") {
  TempDir dir("word_index_codec_test");
  const std::string path = dir.File("words.index");
  const WordIndex index = Sample();
  const uint64_t key = WordIndexFileKey(42);
  CHECK(key != WordIndexFileKey(43));
  std::string error;
  REQUIRE(WriteWordIndexFile(path, key, index, &error));
  {
    // Read back with the key it was written under, for the caller to compare.
    WordIndex read;
    uint64_t written = 0;
    REQUIRE(ReadWordIndexFile(path, &read, &written) == WordIndexFileState::kLoaded);
    CHECK(written == key);
    CHECK(written != WordIndexFileKey(43));
    for (const std::string& text : kTexts) CHECK(Hits(read, text, &kLexicon) == Hits(index, text, &kLexicon));
  }
  WordIndex other;
  uint64_t written = 0;
  CHECK(ReadWordIndexFile(dir.File("none"), &other, &written) == WordIndexFileState::kMissing);
  const std::string bytes = ReadAll(path);
  WriteAll(path, bytes.substr(0, bytes.size() - 1));
  CHECK(ReadWordIndexFile(path, &other, &written) == WordIndexFileState::kDamaged);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x01;
  WriteAll(path, flipped);
  CHECK(ReadWordIndexFile(path, &other, &written) == WordIndexFileState::kDamaged);
  WriteAll(path, "postcheck-prefilter4\n");
  CHECK(ReadWordIndexFile(path, &other, &written) == WordIndexFileState::kDamaged);
  CHECK(other.size() == 0);
  CHECK_FALSE(WriteWordIndexFile(dir.File("no/such/dir/words.index"), key, index, &error));
  CHECK(error.find("no/such/dir") != std::string::npos);
}

}  // namespace
}  // namespace postcheck
