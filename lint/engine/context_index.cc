#include "engine/context_index.h"

#include <algorithm>

namespace postcheck {

std::pair<size_t, size_t> TokenRange(const TokenizedText& text, uint32_t begin, uint32_t end) {
  size_t first = text.TokenAtOrAfter(begin);
  size_t last = end > begin ? text.TokenAtOrAfter(end - 1) : first;
  if (last > first && (last >= text.tokens.size() || text.tokens[last].begin >= end)) --last;
  return {first, last};
}

ContextIndex::Key ContextIndex::UnitsOf(uint32_t begin, uint32_t end) const {
  switch (scope_) {
    case Context::Scope::kWords: {
      auto [first, last] = TokenRange(*text_, begin, end);
      return {static_cast<uint32_t>(first), static_cast<uint32_t>(last)};
    }
    case Context::Scope::kSentence:
      return {text_->SentenceAt(begin), text_->SentenceAt(end > begin ? end - 1 : begin)};
    case Context::Scope::kOverlap:
    case Context::Scope::kPost:
      break;
  }
  return {begin, end > begin ? end - 1 : begin};
}

void ContextIndex::Reset(const TokenizedText& text, Context::Scope scope) {
  text_ = &text;
  scope_ = scope;
  keys_.clear();
  longest_ = 0;
}

void ContextIndex::Add(uint32_t begin, uint32_t end) {
  Key k = UnitsOf(begin, end);
  longest_ = std::max(longest_, k.last - k.first);
  keys_.push_back(k);
}

void ContextIndex::Seal() {
  std::sort(keys_.begin(), keys_.end(), [](const Key& a, const Key& b) { return a.first < b.first; });
}

bool ContextIndex::Near(uint32_t begin, uint32_t end, int within) const {
  if (keys_.empty()) return false;
  if (scope_ == Context::Scope::kPost) return true;
  const Key hit = UnitsOf(begin, end);
  // Words: any span whose units come within `within` of the hit's; sentences
  // and bytes: any span sharing a unit with the hit.
  const uint32_t reach = scope_ == Context::Scope::kWords ? static_cast<uint32_t>(within) : 0;
  const uint32_t low = hit.first > reach + longest_ ? hit.first - reach - longest_ : 0;
  const uint64_t high = static_cast<uint64_t>(hit.last) + reach;
  auto it = std::lower_bound(keys_.begin(), keys_.end(), low, [](const Key& k, uint32_t v) { return k.first < v; });
  for (; it != keys_.end() && it->first <= high; ++it) {
    if (static_cast<uint64_t>(it->last) + reach >= hit.first) return true;
  }
  return false;
}

}  // namespace postcheck
