#include "text/compound_split.h"

#include <array>
#include <climits>

#include "text/utf8.h"

namespace postcheck {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

bool SplitCamelCase(std::string_view word, std::vector<WordPart>* parts) {
  std::vector<uint32_t> starts{0};
  for (size_t i = 1; i < word.size(); ++i) {
    if (IsUpper(word[i]) && IsLower(word[i - 1])) starts.push_back(static_cast<uint32_t>(i));
  }
  if (starts.size() < 2) return false;
  starts.push_back(static_cast<uint32_t>(word.size()));
  for (size_t k = 0; k + 1 < starts.size(); ++k) parts->push_back({starts[k], starts[k + 1]});
  return true;
}

bool SplitIntoWords(std::string_view word, const std::function<bool(std::string_view)>& is_word,
                    std::vector<WordPart>* parts) {
  const size_t n = word.size();
  if (n < 2 || n > kMaxSplitLength) return false;
  // fewest[i]: the fewest parts that make up word[0, i); from[i]: where the
  // last of them starts.
  std::array<int, kMaxSplitLength + 1> fewest;
  std::array<uint32_t, kMaxSplitLength + 1> from{};
  fewest.fill(INT_MAX);
  fewest[0] = 0;
  for (size_t end = 1; end <= n; ++end) {
    for (size_t begin = 0; begin < end; ++begin) {  // longer last parts first
      if (fewest[begin] == INT_MAX || fewest[begin] + 1 >= fewest[end]) continue;
      std::string_view part = word.substr(begin, end - begin);
      if (part.size() == 1 && part != "a" && part != "i") continue;
      if (begin == 0 && end == n) continue;  // the whole word is not a split
      if (!is_word(part)) continue;
      fewest[end] = fewest[begin] + 1;
      from[end] = static_cast<uint32_t>(begin);
    }
  }
  if (fewest[n] == INT_MAX) return false;
  std::vector<WordPart> found;
  for (size_t end = n; end > 0; end = from[end]) found.push_back({from[end], static_cast<uint32_t>(end)});
  parts->insert(parts->end(), found.rbegin(), found.rend());
  return true;
}

}  // namespace postcheck
