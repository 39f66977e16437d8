// Hash and equality for unordered containers keyed by std::string that can be
// looked up with a std::string_view, without building a string per look-up.
#ifndef POSTCHECK_STRING_HASH_H_
#define POSTCHECK_STRING_HASH_H_

#include <cstddef>
#include <functional>
#include <string_view>

namespace postcheck {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

struct StringViewEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

}  // namespace postcheck

#endif  // POSTCHECK_STRING_HASH_H_
