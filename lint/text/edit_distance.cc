#include "text/edit_distance.h"

namespace postcheck {

Edit OneEditBetween(std::string_view from, std::string_view to) {
  if (from == to) return Edit::kNone;
  size_t prefix = 0;
  while (prefix < from.size() && prefix < to.size() && from[prefix] == to[prefix]) ++prefix;
  const std::string_view a = from.substr(prefix), b = to.substr(prefix);
  if (a.size() + 1 == b.size()) return a == b.substr(1) ? Edit::kInsertion : Edit::kNone;
  if (a.size() == b.size() + 1) return a.substr(1) == b ? Edit::kDeletion : Edit::kNone;
  if (a.size() != b.size()) return Edit::kNone;
  if (a.substr(1) == b.substr(1)) return Edit::kSubstitution;
  if (a.size() >= 2 && a[0] == b[1] && a[1] == b[0] && a.substr(2) == b.substr(2)) return Edit::kTransposition;
  return Edit::kNone;
}

}  // namespace postcheck
