// Stage 1 of a draft's evaluation (draft_evaluation.h): the scan, and the
// working space it starts from.
#include <algorithm>
#include <bit>

#include "engine/draft_evaluation.h"

namespace postcheck {

void EvaluationSpace::Reset(const Engine::Impl& engine) {
  const size_t n = engine.compiled.size();
  for (uint32_t r : evaluated) {
    raw[r].clear();
    rule_patterns[r].clear();
  }
  evaluated.clear();
  raw.resize(n);
  rule_patterns.resize(n);
  to_evaluate.assign(engine.self_searching.begin(), engine.self_searching.end());
  for (uint32_t s : written_slots) {
    context[s].clear();
    pending[s].clear();
  }
  written_slots.clear();
  context.resize(engine.slots.size());
  pending.resize(engine.slots.size());
  for (uint32_t id : searched_ids) {
    found[id].clear();
    searched[id] = false;
  }
  searched_ids.clear();
  found.resize(engine.patterns->size());
  searched.resize(engine.patterns->size(), false);
  names.resize(engine.names_finders.size());
  for (auto& found_names : names) found_names.clear();
  names_alone.resize(engine.names_finders.size());
  for (auto& found_names : names_alone) found_names.clear();
  names_done.assign(engine.names_finders.size(), false);
  spellers_used = 0;
  models_scored = 0;
}

DraftEvaluation::DraftEvaluation(const Engine::Impl& engine, const TokenizedText& text, const MatchView& view,
                                 bool all, EvaluationSpace* space, RuleSpans* out, std::vector<Measured>* lengths)
    : engine_(engine),
      text_(text),
      view_(view),
      all_(all),
      space_(*space),
      out_(*out),
      lengths_(lengths ? *lengths : own_lengths_) {
  for (uint32_t r : out_.rules) out_.by_rule[r].clear();  // before resizing: perhaps another engine's
  out_.rules.clear();
  out_.by_rule.resize(engine_.compiled.size());
  lengths_.clear();
  space_.Reset(engine_);
}

void DraftEvaluation::MarkRule(uint32_t r) {
  const uint32_t rank = engine_.rank[r];
  space_.to_evaluate[rank / 64] |= uint64_t{1} << (rank % 64);
}

void DraftEvaluation::Route(const Owner& o, uint32_t begin, uint32_t end) {
  if (o.slot == kMatchSlot) {
    MarkRule(o.rule);
    space_.raw[o.rule].push_back({begin, end, o.swap});
  } else {
    space_.context[static_cast<size_t>(o.slot)].push_back({begin, end, -1});
    space_.written_slots.push_back(static_cast<uint32_t>(o.slot));
  }
}

const std::vector<PatternHit>& DraftEvaluation::Find(uint32_t id) {
  if (!space_.searched[id]) {
    engine_.patterns->Find(id, text_.text, &space_.found[id]);
    space_.searched[id] = true;
    space_.searched_ids.push_back(id);
  }
  return space_.found[id];
}

void DraftEvaluation::Scan() {
  // Where a pattern matches is found only when a rule needs it: for a
  // rule's own patterns, when the rule is evaluated and its near conditions
  // can hold; for the patterns of near/unless conditions, when the rule has
  // a candidate to check. Most rules have nothing to check in most drafts.
  engine_.patterns->Candidates(text_.text, &space_.candidate_patterns);
  for (uint32_t id : space_.candidate_patterns) {
    for (const Owner& o : engine_.pattern_owners[id]) {
      if (o.slot == kMatchSlot) {
        space_.rule_patterns[o.rule].emplace_back(id, o.swap);
        MarkRule(o.rule);
      } else {
        space_.pending[static_cast<size_t>(o.slot)].push_back(id);
        space_.written_slots.push_back(static_cast<uint32_t>(o.slot));
      }
    }
  }
  space_.word_hits.clear();
  engine_.words->Match(text_, engine_.lexicon, &space_.word_hits);
  for (const WordHit& h : space_.word_hits) Route(engine_.word_owners[h.owner], h.begin, h.end);
  // The rules to evaluate, in `order`.
  const auto& to_evaluate = space_.to_evaluate;
  for (size_t word = 0; word < to_evaluate.size(); ++word) {
    for (uint64_t bits = to_evaluate[word]; bits != 0; bits &= bits - 1) {
      space_.evaluated.push_back(engine_.order[word * 64 + static_cast<size_t>(std::countr_zero(bits))]);
    }
  }
}

}  // namespace postcheck
