// libFuzzer target: arbitrary bytes as the body of the files postcheck reads
// at start-up instead of building what they hold: the packs' snapshot (the
// rule packs, rules/pack_codec.h, DecodePacks) and the word index's file
// (matching/word_index_file.h, WordIndex::Decode).
//
// Damaged bytes must give false, never a crash, a sanitizer report or a
// value out of range. Bytes that decode must encode again (EncodePacks) and
// decode to equal packs. Each input is decoded as one, two and nine packs
// (the bundled count), with and without examples. Each is also decoded as a
// word index: one that decodes must match drafts without a sanitizer report,
// and encode to bytes that decode and encode to themselves.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "matching/set_lexicon.h"
#include "matching/word_index.h"
#include "rules/pack_codec.h"
#include "text/tokenizer.h"

namespace {

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "snapshot_fuzzer: %s\n", what.c_str());
  std::abort();
}

std::vector<std::string> PackFiles(size_t count) {
  std::vector<std::string> files;
  for (size_t k = 0; k < count; ++k) files.push_back("/rules/pack" + std::to_string(k) + ".yaml");
  return files;
}

// The bytes as a word index: refused, or an index that reads drafts (every
// matcher, with a lexicon) and encodes to bytes that are a fixed point.
void DecodeWordIndex(std::string_view bytes) {
  postcheck::WordIndex index;
  if (!index.Decode(bytes)) {
    if (index.size() != 0) Fail("WordIndex::Decode failed but left entries behind");
    return;
  }
  static const postcheck::SetLexicon lexicon({"a", "the", "white", "half", "you"}, {});
  for (std::string_view draft : {"Asian men, the b*tches, f-wit, fcuk, bit ch, whte trash, half breeds",
                                 "#AsianMen acunt sh1t b i t c h wankin groomed"}) {
    postcheck::TokenizedText tokens;
    postcheck::Tokenize(draft, &tokens);
    std::vector<postcheck::WordHit> hits;
    index.Match(tokens, &lexicon, &hits);
    for (const postcheck::WordHit& h : hits) {
      if (h.begin > h.end || h.end > draft.size()) Fail("a word hit outside the draft");
    }
  }
  // Encoded again, it decodes to an index that encodes to the same bytes
  // (the input itself may write a number in more bytes than it needs).
  std::string again, third;
  index.Encode(&again);
  postcheck::WordIndex round;
  if (!round.Decode(again)) Fail("a decoded word index, encoded again, does not decode");
  round.Encode(&third);
  if (third != again) Fail("a word index encoded twice gives other bytes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  DecodeWordIndex(bytes);
  for (size_t count : {1, 2, 9}) {
    const std::vector<std::string> files = PackFiles(count);
    for (bool examples : {false, true}) {
      std::vector<postcheck::Pack> packs;
      if (!postcheck::DecodePacks(bytes, files, examples, &packs)) {
        if (!packs.empty()) Fail("DecodePacks failed but left packs behind");
        continue;
      }
      if (packs.size() != count) Fail("DecodePacks gave " + std::to_string(packs.size()) + " packs");
      std::string again, error;
      if (!postcheck::EncodePacks(packs, &again, &error)) Fail("decoded packs do not encode: " + error);
      std::vector<postcheck::Pack> round;
      if (!postcheck::DecodePacks(again, files, examples, &round)) Fail("re-encoded packs do not decode");
      if (!(round == packs)) Fail("re-encoded packs decode to other packs");
    }
  }
  return 0;
}
