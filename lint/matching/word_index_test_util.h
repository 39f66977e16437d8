// For tests: every hit a WordIndex finds in a text, as one comparable string.
#ifndef POSTCHECK_WORD_INDEX_TEST_UTIL_H_
#define POSTCHECK_WORD_INDEX_TEST_UTIL_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "matching/lexicon.h"
#include "matching/word_index.h"
#include "text/tokenizer.h"

namespace postcheck {

// Every hit as "owner:'matched text'@begin", sorted and de-duplicated,
// joined by " | ".
inline std::string Hits(const WordIndex& index, std::string_view text, const Lexicon* lexicon = nullptr) {
  TokenizedText tokens;
  Tokenize(text, &tokens);
  std::vector<WordHit> hits;
  index.Match(tokens, lexicon, &hits);
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
    out += std::to_string(h.owner) + ":'" + std::string(text.substr(h.begin, h.end - h.begin)) + "'@" +
           std::to_string(h.begin);
  }
  return out;
}

}  // namespace postcheck

#endif  // POSTCHECK_WORD_INDEX_TEST_UTIL_H_
