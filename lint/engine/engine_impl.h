// The compiled form of an Engine's rules: what engine_build.cc makes from
// the packs once, and what the stages that lint a draft read (scan_stage,
// rule_stage, findings_stage). Internal to the engine: nothing outside it
// includes this header.
//
// A draft goes through four named stages, each in its own file:
//   scan      (scan_stage.cc)     the pattern set's candidates and the word
//                                 index's hits, routed to rules and conditions
//   rules     (rule_stage.cc)     each rule's candidate spans: its patterns,
//                                 names, misspellings, lengths, clusters
//   conditions(rule_stage.cc)     near/unless conditions and validators decide
//                                 which candidates are kept
//   findings  (findings_stage.cc) what is reported, and each finding's
//                                 position, message and suggestion
// Engine::Impl::Evaluate runs the first three; Engine::Lint runs all four.
#ifndef POSTCHECK_ENGINE_IMPL_H_
#define POSTCHECK_ENGINE_IMPL_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/cluster.h"
#include "engine/engine.h"
#include "text/match_view.h"
#include "engine/names_finder.h"
#include "matching/pattern_set.h"
#include "rules/platform.h"
#include "matching/spell_checker.h"
#include "text/tokenizer.h"
#include "matching/validators.h"
#include "matching/word_index.h"
#include "matching/word_reading.h"

namespace postcheck {

// The slot of a rule's own matcher, as opposed to one of its conditions.
inline constexpr int32_t kMatchSlot = -1;

// Who a pattern or word belongs to: a rule's matcher (slot == kMatchSlot) or
// one of its near/unless conditions (a slot index).
struct Owner {
  uint32_t rule;
  int32_t slot;
  int32_t swap;
};

// One near or unless condition of one rule.
struct Slot {
  const Context* context;
  std::vector<uint32_t> rule_refs;  // indices of rules whose findings count
};

// What one rule became when compiled, beside its Rule.
struct CompiledRule {
  std::vector<Validator> validators;
  std::vector<uint32_t> near_slots;
  std::vector<uint32_t> unless_slots;
  int32_t names = -1;  // index into names_finders
  bool names_alone = false;  // first names on their own count too
  const SpellChecker* speller = nullptr;
  const LengthMatcher* length = nullptr;    // the rule's, kept here to spare a look at the Rule per draft
  const ClusterMatcher* cluster = nullptr;  // likewise
  const ModelMatcher* model = nullptr;      // likewise
  int model_label = -1;                     // the model's column for the rule's label
  double model_logit = 0;                   // the threshold as log-odds
  std::vector<uint32_t> cluster_refs;       // indices of the rules the cluster counts
  bool enabled = true;
  bool needed = true;  // enabled, or named by a condition of a needed rule
  Severity severity = Severity::kWarning;
  // A self-searching rule looks for its own candidates in every draft
  // (names, spelling, length, cluster, model); any other has a candidate only
  // where one of its patterns or words matched.
  bool SelfSearching() const { return names >= 0 || speller || length || cluster || model; }
};

// A draft's length in one measure, against one limit.
struct Measured {
  LengthMeasure measure;
  size_t limit;
  Measurement m;  // all zero when a cheap bound showed the draft within the limit
};

// The entry of `lengths` for `measure` against `limit`, or null.
const Measured* FindMeasured(const std::vector<Measured>& lengths, LengthMeasure measure, size_t limit);

// The spans of every rule, by rule index, and the rules that have any.
struct RuleSpans {
  std::vector<std::vector<RuleSpan>> by_rule;
  std::vector<uint32_t> rules;  // rules with spans, in no particular order
};

struct Engine::Impl {
  const std::vector<const Rule*>* rules = nullptr;
  // The compiled patterns and the word index depend only on the packs and
  // the extra lists, not on which rules are enabled: an engine built for
  // another platform from the same packs shares its base engine's
  // (Engine::Create's `share`), with its own owners.
  std::shared_ptr<PatternSet> patterns = std::make_shared<PatternSet>();
  std::vector<std::vector<Owner>> pattern_owners;  // by pattern id: one pattern can serve many rules
  std::shared_ptr<WordIndex> words = std::make_shared<WordIndex>();
  std::vector<Owner> word_owners;
  // A hash of every word added to `words`, with its options and owner id, in
  // order: an engine may share `words` only if it would have added the same.
  uint64_t words_key = 0;
  // Whether `words` was read from the bundled packs' file
  // (word_index_file.h) rather than built.
  bool word_index_read = false;
  // The extra lists added to the packs (EngineOptions::extra_lists).
  std::map<std::string, std::vector<std::string>> extra_lists;
  std::vector<Slot> slots;
  std::vector<CompiledRule> compiled;
  std::vector<uint32_t> order;  // referenced rules before the rules that refer to them
  std::vector<uint32_t> rank;   // each rule's position in `order`
  // The self-searching rules (CompiledRule::SelfSearching), as a bit set of
  // ranks.
  std::vector<uint64_t> self_searching;
  // One finder per distinct `names` configuration: rules that share one (the
  // same YAML anchor, a copied pack) share its work on every draft, and an
  // engine made by Engine::CreateSharing shares the finders themselves (the
  // first-name table runs to tens of thousands of names).
  std::vector<std::shared_ptr<const NamesFinder>> names_finders;
  std::map<std::string, std::unique_ptr<SpellChecker>> spellers;
  // The dictionary that tells disguised words from real ones (word_index.h);
  // null when no rule matches disguises.
  const Lexicon* lexicon = nullptr;
  // What unknown words the pattern matchers read otherwise (a misspelt or
  // run-together risk word, letters spelt out); null without a lexicon.
  // Shared like `words`.
  std::shared_ptr<const WordReader> reader;
  // A pattern of `patterns`, owned by no rule: URLs, e-mail addresses,
  // handles and hashtags, which spelling does not look inside.
  uint32_t spelling_skip = 0;
  WordIndex allow;
  std::vector<std::string> allow_numbers;  // digits of allow entries that are numbers

  // The scan, rules and conditions stages (rule_stage.cc). Sets *out to the
  // spans of every rule (emptying only the lists that out->rules names, so a
  // caller can reuse one RuleSpans for many drafts of one engine or several);
  // length rules are measured only when enabled or `all`. The lengths
  // measured are left in *lengths, if given: a length finding's message needs
  // them again. `text` is the tokenised text of `view`; lengths are measured
  // on the original, and every span is in the view's offsets.
  void Evaluate(const TokenizedText& text, const MatchView& view, bool all, RuleSpans* out,
                std::vector<Measured>* lengths = nullptr) const;
  // Builds `view` of `text` and tokenises it into *tokens, reading unknown
  // words otherwise (reader); *readings is working space.
  void BuildView(std::string_view text, MatchView* view, TokenizedText* tokens,
                 std::vector<ViewReading>* readings) const;
  // Whether `span` is hidden by the allow list (findings_stage.cc).
  bool Allowed(const TokenizedText& text, const std::vector<WordHit>& allowed, const RuleSpan& span) const;
};

}  // namespace postcheck

#endif  // POSTCHECK_ENGINE_IMPL_H_
