// A string-keyed cache that threads can share and that never grows past a
// fixed number of entries: when one more would not fit, it is emptied first.
// Crude, but right for answers that are cheap to work out again and mostly
// wanted again soon (spell-check verdicts and suggestions): memory stays flat
// however much text goes through, and look-ups need no bookkeeping.
#ifndef POSTCHECK_BOUNDED_CACHE_H_
#define POSTCHECK_BOUNDED_CACHE_H_

#include <cstddef>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/string_hash.h"

namespace postcheck {

template <typename Value>
class BoundedCache {
 public:
  explicit BoundedCache(size_t max_entries) : max_entries_(max_entries) {}

  // Copies the value cached for `key` into *value and returns true, or
  // returns false. Readers share a lock, so they do not block each other.
  bool Find(std::string_view key, Value* value) const {
    std::shared_lock<std::shared_mutex> read(mutex_);
    auto it = map_.find(key);
    if (it == map_.end()) return false;
    *value = it->second;
    return true;
  }

  // Caches `value` for `key` (keeping the first value if `key` is cached
  // already), emptying the cache first if it is full.
  void Insert(std::string_view key, Value value) {
    std::unique_lock<std::shared_mutex> write(mutex_);
    if (map_.find(key) != map_.end()) return;
    if (map_.size() >= max_entries_) map_.clear();
    map_.emplace(std::string(key), std::move(value));
  }

  size_t size() const {
    std::shared_lock<std::shared_mutex> read(mutex_);
    return map_.size();
  }
  size_t max_entries() const { return max_entries_; }

 private:
  const size_t max_entries_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Value, StringViewHash, StringViewEqual> map_;
};

}  // namespace postcheck

#endif  // POSTCHECK_BOUNDED_CACHE_H_
