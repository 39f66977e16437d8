// Many find-and-replace pairs applied to short strings, one after another,
// as a loop over the pairs would, but without trying every pair on every
// string. --redact-output masks each finding's message with every piece of
// personal data of its post: with 20,000 findings, a loop is 20,000 x 60,000
// searches; this is one pass over the message per length of data.
#ifndef POSTCHECK_SEQUENTIAL_REPLACER_H_
#define POSTCHECK_SEQUENTIAL_REPLACER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace postcheck {

class SequentialReplacer {
 public:
  // `pairs` in the order they are applied: (text to find, its replacement).
  explicit SequentialReplacer(std::vector<std::pair<std::string, std::string>> pairs);

  // Leaves *s as this loop would, pair by pair in order (a pair whose text is
  // empty or equal to its replacement does nothing):
  //   for (at = s->find(from); at != npos; at = s->find(from, at + to.size()))
  //     s->replace(at, from.size(), to);
  // It costs O(|s| x distinct lengths of the texts to find) per pair that
  // changes *s, plus one such pass.
  void Apply(std::string* s) const;

 private:
  // The first pair at or after `first` whose text occurs in `s`, or npos.
  size_t NextOccurring(std::string_view s, size_t first) const;

  std::vector<std::pair<std::string, std::string>> pairs_;
  // Pairs by the length of their text, then by its hash; each list ascending.
  std::map<size_t, std::unordered_map<uint64_t, std::vector<size_t>>> index_;
};

}  // namespace postcheck

#endif  // POSTCHECK_SEQUENTIAL_REPLACER_H_
