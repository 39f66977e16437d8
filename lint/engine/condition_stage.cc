// Stage 3 of a draft's evaluation (draft_evaluation.h): which of a rule's
// candidates its validators and near/unless conditions let through.
#include <algorithm>
#include <functional>

#include "engine/draft_evaluation.h"

namespace postcheck {

size_t DraftEvaluation::VerdictKeyHash::operator()(const std::tuple<Validator, uint32_t, uint32_t>& k) const {
  auto [v, b, e] = k;
  return std::hash<const void*>()(reinterpret_cast<const void*>(v)) ^ std::hash<uint64_t>()((uint64_t{b} << 32) | e);
}

void DraftEvaluation::Resolve(uint32_t s) {
  for (uint32_t id : space_.pending[s]) {
    for (const PatternHit& h : Find(id)) space_.context[s].push_back({h.begin, h.end, -1});
  }
  space_.pending[s].clear();
}

bool DraftEvaluation::MayHold(uint32_t s) const {
  if (!space_.context[s].empty() || !space_.pending[s].empty()) return true;
  const auto& refs = engine_.slots[s].rule_refs;
  return std::any_of(refs.begin(), refs.end(), [&](uint32_t ref) { return !out_.by_rule[ref].empty(); });
}

void DraftEvaluation::IndexConditions(const std::vector<uint32_t>& slot_ids, std::vector<ContextIndex>* indexes) {
  if (indexes->size() < slot_ids.size()) indexes->resize(slot_ids.size());
  for (size_t k = 0; k < slot_ids.size(); ++k) {
    const uint32_t s = slot_ids[k];
    Resolve(s);
    ContextIndex& i = (*indexes)[k];
    i.Reset(text_, engine_.slots[s].context->scope);
    for (const RuleSpan& c : space_.context[s]) i.Add(c.begin, c.end);
    for (uint32_t ref : engine_.slots[s].rule_refs) {
      for (const RuleSpan& c : out_.by_rule[ref]) i.Add(c.begin, c.end);
    }
    i.Seal();
  }
}

bool DraftEvaluation::Validated(Validator v, const RuleSpan& c) {
  auto [it, added] = verdicts_.try_emplace({v, c.begin, c.end}, false);
  if (added) it->second = v(text_.text.substr(c.begin, c.end - c.begin));
  return it->second;
}

void DraftEvaluation::KeepPassing(uint32_t r, std::vector<RuleSpan>* candidates) {
  const CompiledRule& rule = engine_.compiled[r];
  std::sort(candidates->begin(), candidates->end(), [](const RuleSpan& a, const RuleSpan& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end != b.end ? a.end > b.end : a.swap < b.swap;  // a plain match before a swap
  });
  IndexConditions(rule.near_slots, &space_.near);
  IndexConditions(rule.unless_slots, &space_.unless);
  const std::vector<ContextIndex>& near = space_.near;
  const std::vector<ContextIndex>& unless = space_.unless;
  const std::vector<Context>& near_contexts = (*engine_.rules)[r]->near;
  const std::vector<Context>& unless_contexts = (*engine_.rules)[r]->unless;
  std::vector<RuleSpan>& kept = out_.by_rule[r];
  for (const RuleSpan& c : *candidates) {
    // A span inside one already kept (the longest at each start comes first) adds nothing.
    if (!kept.empty() && c.begin >= kept.back().begin && c.end <= kept.back().end) continue;
    if (!std::all_of(rule.validators.begin(), rule.validators.end(), [&](Validator v) { return Validated(v, c); })) {
      continue;
    }
    bool ok = true;
    for (size_t k = 0; k < rule.near_slots.size() && ok; ++k) ok = near[k].Near(c.begin, c.end, near_contexts[k].within);
    for (size_t k = 0; k < rule.unless_slots.size() && ok; ++k) {
      ok = !unless[k].Near(c.begin, c.end, unless_contexts[k].within);
    }
    if (!ok) continue;
    // Overlapping matches of one rule ("The body" and "body found") are one finding.
    if (!kept.empty() && c.begin < kept.back().end && c.swap < 0 && kept.back().swap < 0) {
      kept.back().end = std::max(kept.back().end, c.end);
    } else {
      kept.push_back(c);
    }
  }
  if (!kept.empty()) out_.rules.push_back(r);
}

}  // namespace postcheck
