#include "reporting/sequential_replacer.h"

#include <algorithm>

namespace postcheck {
namespace {

constexpr uint64_t kBase = 0x100000001b3ULL;

uint64_t Hash(std::string_view s) {
  uint64_t h = 0;
  for (unsigned char c : s) h = h * kBase + c;
  return h;
}

}  // namespace

SequentialReplacer::SequentialReplacer(std::vector<std::pair<std::string, std::string>> pairs)
    : pairs_(std::move(pairs)) {
  for (size_t i = 0; i < pairs_.size(); ++i) {
    const auto& [from, to] = pairs_[i];
    if (from.empty() || from == to) continue;
    index_[from.size()][Hash(from)].push_back(i);
  }
}

size_t SequentialReplacer::NextOccurring(std::string_view s, size_t first) const {
  size_t best = std::string::npos;
  for (const auto& [length, table] : index_) {
    if (length > s.size()) break;
    uint64_t power = 1;  // kBase^(length - 1)
    for (size_t k = 1; k < length; ++k) power *= kBase;
    uint64_t h = Hash(s.substr(0, length));
    for (size_t at = 0;; ++at) {
      auto hit = table.find(h);
      if (hit != table.end()) {
        const std::vector<size_t>& candidates = hit->second;
        for (auto it = std::lower_bound(candidates.begin(), candidates.end(), first);
             it != candidates.end() && *it < best; ++it) {
          if (s.substr(at, length) == pairs_[*it].first) {
            best = *it;
            break;
          }
        }
      }
      if (at + length >= s.size()) break;
      h = (h - static_cast<unsigned char>(s[at]) * power) * kBase + static_cast<unsigned char>(s[at + length]);
    }
  }
  return best;
}

void SequentialReplacer::Apply(std::string* s) const {
  if (index_.empty()) return;
  for (size_t next = NextOccurring(*s, 0); next != std::string::npos; next = NextOccurring(*s, next + 1)) {
    const auto& [from, to] = pairs_[next];
    for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
      s->replace(at, from.size(), to);
    }
  }
}

}  // namespace postcheck
