#include "engine/cluster.h"

#include <algorithm>

namespace postcheck {

void FindClusters(const TokenizedText& text, std::vector<Span> spans, int min, int within,
                  std::vector<Span>* out) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
  size_t i = 0;
  while (i < spans.size()) {
    Span run = spans[i];
    size_t last_token = TokenRange(text, run.begin, run.end).second;
    int count = 1;
    size_t j = i + 1;
    for (; j < spans.size(); ++j) {
      const Span& next = spans[j];
      if (next.begin < run.end) {  // overlaps the run: the same term again
        run.end = std::max(run.end, next.end);
        last_token = TokenRange(text, run.begin, run.end).second;
        continue;
      }
      auto [first, last] = TokenRange(text, next.begin, next.end);
      if (first > last_token + static_cast<size_t>(within)) break;
      run.end = next.end;
      last_token = last;
      ++count;
    }
    if (count >= min) out->push_back(run);
    i = j;
  }
}

}  // namespace postcheck
