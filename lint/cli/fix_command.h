// What --fix does on the command line: lints a draft, writes the rewrite
// (ApplyFixes) as text or as JSON with what is left in it, and names on
// stderr every finding the rewrite still has at the fail level, so that
// "fixed" is never claimed for a draft that still needs rewording by hand.
#ifndef POSTCHECK_FIX_COMMAND_H_
#define POSTCHECK_FIX_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>

#include "engine/engine.h"

namespace postcheck {

// Writes the rewrite of `text` (the input called `name`) to `out`: as it is
// for `format` "text", or {"version":1,"path","fixed","remaining":[findings
// of the rewrite]} for "json"; with `redact`, personal data left in it is
// masked (RedactReport). Each finding of the rewrite at or above
// `fail_level` (none: never) gets a line on `err`. Returns 1 when there is
// one, 0 when not, 2 (with a message) for another format. Does not flush.
int RunFix(const Engine& engine, const std::string& name, const std::string& text, const std::string& format,
           std::optional<Severity> fail_level, bool redact, std::ostream& out, std::ostream& err);

}  // namespace postcheck

#endif  // POSTCHECK_FIX_COMMAND_H_
