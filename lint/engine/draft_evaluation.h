// One draft's way through the engine's first three stages (engine_impl.h):
// scan (scan_stage.cc), rules (rule_stage.cc) and conditions
// (condition_stage.cc). A DraftEvaluation lives for one draft; its working
// space (EvaluationSpace) is the thread's and kept from draft to draft, so
// that most drafts allocate nothing. Internal to the engine.
#ifndef POSTCHECK_DRAFT_EVALUATION_H_
#define POSTCHECK_DRAFT_EVALUATION_H_

#include <cstdint>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/context_index.h"
#include "engine/engine_impl.h"

namespace postcheck {

// A thread's working space for evaluating drafts, sized for the last engine
// that used it.
struct EvaluationSpace {
  std::vector<std::vector<RuleSpan>> raw, context;  // by rule; by slot
  std::vector<std::vector<uint32_t>> pending;       // pattern ids not yet found, by slot
  // Slots whose context or pending list was written to (perhaps more than
  // once): only those need emptying for the next draft.
  std::vector<uint32_t> written_slots;
  // Candidate patterns not yet found, by rule: (pattern id, swap).
  std::vector<std::vector<std::pair<uint32_t, int32_t>>> rule_patterns;
  // Where each pattern matched, found at most once per draft, and the ids
  // found (only those need emptying).
  std::vector<std::vector<PatternHit>> found;
  std::vector<bool> searched;
  std::vector<uint32_t> searched_ids;
  // The rules to evaluate, as a bit set of ranks: the self-searching ones
  // and those given a candidate. Walking its bits walks them in `order`.
  std::vector<uint64_t> to_evaluate;
  // The same rules as a list, in `order`: their `raw` and `rule_patterns`
  // lists are the only ones written to.
  std::vector<uint32_t> evaluated;
  // What the pattern set and the word index report; names, by finder.
  std::vector<uint32_t> candidate_patterns;
  std::vector<WordHit> word_hits;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> names;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> names_alone;  // first names on their own
  std::vector<bool> names_done;
  // The near and unless conditions of the rule being evaluated, indexed
  // (as many as it has; there may be more, left from other rules).
  std::vector<ContextIndex> near, unless;
  // The misspellings found, by speller: the first `spellers_used` entries.
  std::vector<std::pair<const SpellChecker*, std::vector<RuleSpan>>> misspelt;
  size_t spellers_used = 0;
  // The loose-post models' scores of this draft, every label at once, by
  // model: the first `models_scored` entries.
  std::vector<std::pair<const LoosePostModel*, std::vector<double>>> model_scores;
  size_t models_scored = 0;

  // Empties what the last draft wrote (perhaps another engine's) and sizes
  // every list for `engine`.
  void Reset(const Engine::Impl& engine);
};

class DraftEvaluation {
 public:
  // `text` is the tokenised text of `view`. *space must not be used by
  // anyone else until this evaluation is done.
  DraftEvaluation(const Engine::Impl& engine, const TokenizedText& text, const MatchView& view, bool all,
                  EvaluationSpace* space, RuleSpans* out, std::vector<Measured>* lengths);

  // Stage 1, scan: runs the pattern set and the word index over the draft
  // and routes each hit to its rule or condition. Marks the rules to
  // evaluate: the self-searching ones and those given a candidate.
  void Scan();
  // Stages 2 and 3, rules then conditions, for every marked rule in order
  // (a rule after the rules its conditions name): its candidate spans, then
  // those that pass its validators and conditions are kept in the output.
  void EvaluateRules();

 private:
  // Scan.
  void MarkRule(uint32_t r);
  void Route(const Owner& owner, uint32_t begin, uint32_t end);
  // The spans of pattern `id`, found once per draft.
  const std::vector<PatternHit>& Find(uint32_t id);

  // Rules: the candidate spans of rule `r`, appended to *candidates.
  void AddPatternHits(uint32_t r, std::vector<RuleSpan>* candidates);
  void AddNames(const CompiledRule& rule, std::vector<RuleSpan>* candidates);
  void AddMisspellings(const CompiledRule& rule, std::vector<RuleSpan>* candidates);
  // Adds to the misspellings in order the words the view read otherwise
  // (MatchView::read_words) that `speller` does not know as written.
  void AddReadWords(const SpellChecker& speller, std::vector<RuleSpan>* misspelt) const;
  void AddLengthOverrun(const CompiledRule& rule, std::vector<RuleSpan>* candidates);
  void AddClusters(const CompiledRule& rule, std::vector<RuleSpan>* candidates);
  // The model's hit: the draft's strongest sentence, when the whole draft
  // scores at or above the rule's threshold.
  void AddModelHit(const CompiledRule& rule, std::vector<RuleSpan>* candidates);
  // The draft's length in `measure`, measured once per measure and limit
  // (copies of a platform rule share it), and not at all when a cheap bound
  // is within the limit.
  Measurement MeasureOnce(LengthMeasure measure, size_t limit);

  // Conditions.
  // Moves the spans of a slot's pending patterns into its context.
  void Resolve(uint32_t slot);
  // False when near condition `slot` has nothing anywhere in the draft, so
  // that no candidate of its rule can pass. A pending pattern is taken to
  // match: the pattern set says it may.
  bool MayHold(uint32_t slot) const;
  // Indexes the spans of each condition in `slot_ids` (its own words and
  // patterns, and the findings of the rules it names) into *indexes, once
  // for all of a rule's candidates.
  void IndexConditions(const std::vector<uint32_t>& slot_ids, std::vector<ContextIndex>* indexes);
  // Validator `v`'s verdict on `span`: rules that share a pattern (a phone
  // number in three rules) validate each span once.
  bool Validated(Validator v, const RuleSpan& span);
  // Sorts rule `r`'s candidates and keeps in the output those that pass its
  // validators and conditions, overlapping ones merged.
  void KeepPassing(uint32_t r, std::vector<RuleSpan>* candidates);

  struct VerdictKeyHash {
    size_t operator()(const std::tuple<Validator, uint32_t, uint32_t>& k) const;
  };

  const Engine::Impl& engine_;
  const TokenizedText& text_;
  const MatchView& view_;
  const bool all_;
  EvaluationSpace& space_;
  RuleSpans& out_;
  std::vector<Measured> own_lengths_;
  std::vector<Measured>& lengths_;
  std::unordered_map<std::tuple<Validator, uint32_t, uint32_t>, bool, VerdictKeyHash> verdicts_;
};

}  // namespace postcheck

#endif  // POSTCHECK_DRAFT_EVALUATION_H_
