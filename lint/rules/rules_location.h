// Where the bundled rule packs are: beside the binary in a build tree
// (build/../rules), in an install (bin/../share/postcheck/rules), or in the
// source tree the binary was built from.
#ifndef POSTCHECK_RULES_LOCATION_H_
#define POSTCHECK_RULES_LOCATION_H_

#include <string>

namespace postcheck {

// The directory of the default rule packs: $POSTCHECK_RULES_DIR when set,
// else the first of the places above that exists. Empty when none does.
std::string DefaultRulesDir();

}  // namespace postcheck

#endif  // POSTCHECK_RULES_LOCATION_H_
