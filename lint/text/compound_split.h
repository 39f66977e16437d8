// Splits one token into the words it was written from: a CamelCase hashtag
// by its capitals ("ToriesOut": "Tories", "Out") and a run of lower-case
// letters into the fewest words a dictionary knows ("fuckthepolice": "fuck",
// "the", "police"). The word index matches lists against the parts.
#ifndef POSTCHECK_COMPOUND_SPLIT_H_
#define POSTCHECK_COMPOUND_SPLIT_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace postcheck {

// A part of a word: bytes [begin, end) of it.
struct WordPart {
  uint32_t begin;
  uint32_t end;
};

// Appends the parts of ASCII `word` split before each capital that follows a
// lower-case letter ("BlackLivesMatter": Black, Lives, Matter; "iPhone": i,
// Phone). Returns false, appending nothing, when there is no such capital.
bool SplitCamelCase(std::string_view word, std::vector<WordPart>* parts);

// Words longer than this are not split into words (the search is quadratic).
inline constexpr size_t kMaxSplitLength = 40;

// Appends the split of lower-case ASCII `word` into the fewest parts that
// `is_word` accepts, each at least two letters long save "a" and "i" (ties
// go to the longer last part). Returns false, appending nothing, when there
// is no split into two or more parts, or `word` is longer than kMaxSplitLength.
bool SplitIntoWords(std::string_view word, const std::function<bool(std::string_view)>& is_word,
                    std::vector<WordPart>* parts);

}  // namespace postcheck

#endif  // POSTCHECK_COMPOUND_SPLIT_H_
