// Stage 4 of linting a draft (engine_impl.h): which rule spans are reported,
// and each reported span as a Finding with its position, message, suggestion
// and replacement. Internal to the engine.
#ifndef POSTCHECK_FINDINGS_STAGE_H_
#define POSTCHECK_FINDINGS_STAGE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/engine_impl.h"
#include "text/line_map.h"

namespace postcheck {

// The digits of allow-list entry `entry` when it is a number as people write
// one (digits with spaces, '-', '+', '(' or ')'), else empty.
std::string AllowedNumberDigits(std::string_view entry);

// A span that will be a finding of rule `rule` (an index into the rules).
struct Reported {
  size_t rule;
  RuleSpan span;
};

// Sets *out to the spans to report, in report order (offset, then rule id):
// those of enabled rules not hidden by the allow list (`allowed`: its hits
// in the draft), and for spelling only words no other reported span
// overlaps (a swear word or jargon is flagged as that, not as a misspelling),
// and for a `model` rule only where no other rule of its category reports a
// warning or an error. *taken is working space.
void SelectReported(const Engine::Impl& engine, const std::vector<const Rule*>& rules, const TokenizedText& text,
                    const RuleSpans& spans, const std::vector<WordHit>& allowed,
                    std::vector<std::pair<uint32_t, uint32_t>>* taken, std::vector<Reported>* out);

// Where a finding's text came from: the draft as written (`original`, which
// begins with a byte-order mark of `bom` bytes), and the view it was matched
// in, whose offsets the spans are in.
struct FindingSource {
  std::string_view original;
  size_t bom;
  const MatchView& view;
  const LineMap& lines;
  const std::vector<Measured>& lengths;  // as Evaluate left them
};

// The finding for `reported`: its span mapped back to the text as written,
// the line and column of each end, the rule's message, suggestion and
// replacement filled in (spelling suggestions are asked for here, only for
// what is reported).
Finding MakeFinding(const Engine::Impl& engine, const Rule& rule, const Reported& reported, const FindingSource& source);

}  // namespace postcheck

#endif  // POSTCHECK_FINDINGS_STAGE_H_
