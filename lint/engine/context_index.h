// The spans one near/unless condition can be satisfied by in one draft,
// indexed so that "is one of them within N words / in the same sentence /
// overlapping this hit?" costs a binary search, not a scan: a long draft
// with thousands of hits stays linear.
#ifndef POSTCHECK_CONTEXT_INDEX_H_
#define POSTCHECK_CONTEXT_INDEX_H_

#include <cstdint>
#include <vector>

#include "rules/rule.h"
#include "text/tokenizer.h"

namespace postcheck {

struct Span {
  uint32_t begin = 0;  // byte offsets
  uint32_t end = 0;
};

class ContextIndex {
 public:
  // An index of nothing; Reset it before use.
  ContextIndex() = default;

  // Empties the index (keeping its memory, so that one index can serve
  // draft after draft) for spans of `text`, which must outlive its use, and
  // questions of `scope`. Then Add every span, in any order, and Seal.
  void Reset(const TokenizedText& text, Context::Scope scope);
  void Add(uint32_t begin, uint32_t end);
  void Seal();

  // Whether a span lies within `within` words of the hit [begin, end) (or in
  // its sentence, overlaps it, or exists at all, as the scope says). Only
  // after Seal.
  bool Near(uint32_t begin, uint32_t end, int within) const;

  bool empty() const { return keys_.empty(); }

 private:
  // Each span as a range of units (tokens, sentences or bytes), sorted by start.
  struct Key {
    uint32_t first;
    uint32_t last;
  };
  Key UnitsOf(uint32_t begin, uint32_t end) const;

  const TokenizedText* text_ = nullptr;
  Context::Scope scope_ = Context::Scope::kPost;
  std::vector<Key> keys_;
  uint32_t longest_ = 0;  // the longest span, in units
};

// The first and last token a byte span touches.
std::pair<size_t, size_t> TokenRange(const TokenizedText& text, uint32_t begin, uint32_t end);

}  // namespace postcheck

#endif  // POSTCHECK_CONTEXT_INDEX_H_
