// Stage 2 of a draft's evaluation (draft_evaluation.h): each rule's
// candidate spans. Also Engine::Impl::Evaluate, which runs stages 1 to 3.
#include <algorithm>

#include "engine/draft_evaluation.h"
#include "engine/misspelt_spans.h"
#include "text/reused_space.h"

namespace postcheck {

const Measured* FindMeasured(const std::vector<Measured>& lengths, LengthMeasure measure, size_t limit) {
  for (const Measured& d : lengths) {
    if (d.measure == measure && d.limit == limit) return &d;
  }
  return nullptr;
}

void Engine::Impl::Evaluate(const TokenizedText& text, const MatchView& view, bool all, RuleSpans* out,
                            std::vector<Measured>* lengths) const {
  thread_local EvaluationSpace reused;
  EvaluationSpace fresh;
  EvaluationSpace& space = text.text.size() <= kReusedSpaceMaxDraft ? reused : fresh;
  DraftEvaluation evaluation(*this, text, view, all, &space, out, lengths);
  evaluation.Scan();
  evaluation.EvaluateRules();
}

void DraftEvaluation::EvaluateRules() {
  for (uint32_t r : space_.evaluated) {
    const CompiledRule& rule = engine_.compiled[r];
    if (!all_ && !rule.needed) continue;
    if (!std::all_of(rule.near_slots.begin(), rule.near_slots.end(), [&](uint32_t s) { return MayHold(s); })) {
      continue;
    }
    std::vector<RuleSpan>& candidates = space_.raw[r];
    AddPatternHits(r, &candidates);
    if (rule.names >= 0) AddNames(rule, &candidates);
    if (rule.speller) AddMisspellings(rule, &candidates);
    if (rule.length && (all_ || rule.enabled)) AddLengthOverrun(rule, &candidates);
    if (rule.cluster) AddClusters(rule, &candidates);
    if (rule.model) AddModelHit(rule, &candidates);
    if (candidates.empty()) continue;
    KeepPassing(r, &candidates);
  }
}

void DraftEvaluation::AddPatternHits(uint32_t r, std::vector<RuleSpan>* candidates) {
  for (auto [id, swap] : space_.rule_patterns[r]) {
    for (const PatternHit& h : Find(id)) candidates->push_back({h.begin, h.end, swap});
  }
}

void DraftEvaluation::AddNames(const CompiledRule& rule, std::vector<RuleSpan>* candidates) {
  const auto k = static_cast<size_t>(rule.names);
  if (!space_.names_done[k]) {
    engine_.names_finders[k]->Find(text_, engine_.lexicon, &space_.names[k], &space_.names_alone[k]);
    space_.names_done[k] = true;
  }
  for (auto [b, e] : space_.names[k]) candidates->push_back({b, e, -1});
  if (rule.names_alone) {
    for (auto [b, e] : space_.names_alone[k]) candidates->push_back({b, e, -1});
  }
}

void DraftEvaluation::AddReadWords(const SpellChecker& speller, std::vector<RuleSpan>* misspelt) const {
  // A word the view reads otherwise ("klil" as "kill") is judged as written.
  const auto& read = view_.read_words();
  if (read.empty()) return;
  const size_t before = misspelt->size();
  for (auto [begin, end] : read) {
    uint32_t from, to;
    view_.ToOriginal(begin, end, &from, &to);
    if (!speller.Knows(view_.original().substr(from, to - from))) misspelt->push_back({begin, end, -1});
  }
  if (misspelt->size() == before) return;
  std::inplace_merge(misspelt->begin(), misspelt->begin() + static_cast<ptrdiff_t>(before), misspelt->end(),
                     [](const RuleSpan& a, const RuleSpan& b) { return a.begin < b.begin; });
}

void DraftEvaluation::AddMisspellings(const CompiledRule& rule, std::vector<RuleSpan>* candidates) {
  auto& misspelt = space_.misspelt;
  const auto used = misspelt.begin() + static_cast<ptrdiff_t>(space_.spellers_used);
  auto it = std::find_if(misspelt.begin(), used, [&](const auto& m) { return m.first == rule.speller; });
  if (it == used) {
    if (space_.spellers_used == misspelt.size()) misspelt.emplace_back();
    it = misspelt.begin() + static_cast<ptrdiff_t>(space_.spellers_used++);
    it->first = rule.speller;
    it->second.clear();
    MisspeltSpans(text_, *rule.speller, &it->second);
    AddReadWords(*rule.speller, &it->second);
    // Words inside URLs, e-mail addresses, handles and hashtags are not
    // misspelt. Most drafts have no misspelling, and need no search for them.
    const auto& ids = space_.candidate_patterns;
    if (!it->second.empty() && std::binary_search(ids.begin(), ids.end(), engine_.spelling_skip)) {
      std::vector<PatternHit> skip;
      engine_.patterns->Find(engine_.spelling_skip, text_.text, &skip);
      DropSpansOverlapping(skip, 0, &it->second);
    }
  }
  candidates->insert(candidates->end(), it->second.begin(), it->second.end());
}

Measurement DraftEvaluation::MeasureOnce(LengthMeasure measure, size_t limit) {
  if (const Measured* d = FindMeasured(lengths_, measure, limit)) return d->m;
  Measurement m;
  if (MeasureBound(view_.original(), measure) > limit) m = Measure(view_.original(), measure, limit);
  lengths_.push_back({measure, limit, m});
  return m;
}

void DraftEvaluation::AddModelHit(const CompiledRule& rule, std::vector<RuleSpan>* candidates) {
  const LoosePostModel& model = *rule.model->model;
  // Scored once a draft for every label: the rules of each label share it.
  auto& scored = space_.model_scores;
  size_t k = 0;
  while (k < space_.models_scored && scored[k].first != &model) ++k;
  if (k == space_.models_scored) {
    if (scored.size() == k) scored.emplace_back();
    scored[k].first = &model;
    model.Scores(text_.text, &scored[k].second);
    ++space_.models_scored;
  }
  if (scored[k].second[static_cast<size_t>(rule.model_label)] < rule.model_logit) return;
  const auto [begin, end] = model.StrongestSentence(text_.text, rule.model_label);
  if (begin < end) candidates->push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end), -1});
}

void DraftEvaluation::AddLengthOverrun(const CompiledRule& rule, std::vector<RuleSpan>* candidates) {
  const LengthMatcher& length = *rule.length;
  const Measurement m = MeasureOnce(length.measure, length.limit);
  if (m.total <= length.limit) return;
  // Measured on the original: the span is found there and given in the view's offsets.
  const std::string_view written = view_.original();
  size_t end = written.size();
  while (end > m.over_offset &&
         (written[end - 1] == '\n' || written[end - 1] == '\r' || written[end - 1] == ' ' || written[end - 1] == '\t')) {
    --end;
  }
  const uint32_t begin = view_.ToView(static_cast<uint32_t>(m.over_offset));
  const uint32_t last = std::max(view_.ToView(static_cast<uint32_t>(end)), begin + 1);
  candidates->push_back({begin, std::min(last, static_cast<uint32_t>(text_.text.size())), -1});
}

void DraftEvaluation::AddClusters(const CompiledRule& rule, std::vector<RuleSpan>* candidates) {
  const auto& result = out_.by_rule;
  size_t count = 0;
  for (uint32_t ref : rule.cluster_refs) count += result[ref].size();
  if (count < static_cast<size_t>(rule.cluster->min)) return;
  std::vector<Span> spans, runs;
  spans.reserve(count);
  for (uint32_t ref : rule.cluster_refs) {
    for (const RuleSpan& s : result[ref]) spans.push_back({s.begin, s.end});
  }
  FindClusters(text_, std::move(spans), rule.cluster->min, rule.cluster->within, &runs);
  for (const Span& s : runs) candidates->push_back({s.begin, s.end, -1});
}

}  // namespace postcheck
