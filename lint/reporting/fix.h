// The safer rewrite behind --fix: the draft with each jargon term replaced by
// its plain-English form and each piece of personal data by a neutral
// placeholder ("[phone number]", "a man"), everything else untouched.
#ifndef POSTCHECK_FIX_H_
#define POSTCHECK_FIX_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"

namespace postcheck {

// Returns `text` with every finding that has a replacement applied, left to
// right; a finding overlapping one already applied is skipped. Personal data
// that a finding flagged is replaced wherever else it is written too (see
// FindPersonalData), with that finding's replacement. A replacement
// at the start of a sentence gets a capital letter.
std::string ApplyFixes(std::string_view text, const std::vector<Finding>& findings);

}  // namespace postcheck

#endif  // POSTCHECK_FIX_H_
