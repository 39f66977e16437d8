// The `cluster` matcher's hits: runs of other rules' findings close together
// ("RTC on the A580, ASNT, AIO"), where each alone is worth little and many
// together make a post the public cannot follow.
#ifndef POSTCHECK_CLUSTER_H_
#define POSTCHECK_CLUSTER_H_

#include <vector>

#include "engine/context_index.h"
#include "text/tokenizer.h"

namespace postcheck {

// Sorts `spans` (byte spans of `text`) and appends to *out one span, from the
// first one's begin to the last one's end, for each maximal run in which
// every span starts within `within` words of where the one before ends (as a
// near/unless condition's `within` counts: 1 is the next word) and that
// has at least `min` spans. Spans that overlap count as one. `min` is at
// least 1.
void FindClusters(const TokenizedText& text, std::vector<Span> spans, int min, int within,
                  std::vector<Span>* out);

}  // namespace postcheck

#endif  // POSTCHECK_CLUSTER_H_
