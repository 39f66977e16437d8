// One problem found in a draft: which rule, where, and what to tell the writer.
#ifndef POSTCHECK_FINDING_H_
#define POSTCHECK_FINDING_H_

#include <cstddef>
#include <string>

#include "text/line_map.h"
#include "rules/rule.h"

namespace postcheck {

struct Finding {
  const Rule* rule = nullptr;  // owned by the Engine that produced the finding
  Severity severity = Severity::kWarning;  // after any configured override
  size_t offset = 0;           // byte offset into the original text
  size_t length = 0;           // in bytes
  Position start;              // of the first character
  Position end;                // just after the last character (exclusive)
  std::string match;           // the matched text, as written
  std::string message;         // with {match} and {replacement} filled in
  std::string suggestion;      // empty when the rule offers none
  std::string replacement;     // what --fix writes instead; empty: leave as is
};

}  // namespace postcheck

#endif  // POSTCHECK_FINDING_H_
