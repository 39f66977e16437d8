// Where flagged personal data occurs in a draft. A personal-data finding
// marks one place, but the same data is often written again: "Thanks to
// everyone who helped Chloe Smith today", or just "Smith". --redact-output
// must hide, and --fix must rewrite, every one of those places, so both ask
// this unit where they are.
#ifndef POSTCHECK_PERSONAL_DATA_SPANS_H_
#define POSTCHECK_PERSONAL_DATA_SPANS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "engine/finding.h"

namespace postcheck {

struct PersonalDataSpan {
  size_t begin = 0;          // byte offsets into the draft, end exclusive
  size_t end = 0;
  const Finding* source;     // the personal-data finding whose data this is
};

// Every place in `text` that holds data a personal-data finding of
// `findings` flagged: each such finding's own span; every other whole-word
// occurrence of its match, in any letter case; and, for a finding of a
// `names` rule, every whole-word occurrence of each capitalised word of the
// name that is not a title ("Smith" after "Chloe Smith"), in the case
// written. Ordered by begin, then longest first; spans may overlap.
std::vector<PersonalDataSpan> FindPersonalData(std::string_view text, const std::vector<Finding>& findings);

}  // namespace postcheck

#endif  // POSTCHECK_PERSONAL_DATA_SPANS_H_
