// The Engine's public face: Lint runs a draft through the four stages
// (engine_impl.h); Create is in engine_build.cc.
#include "engine/engine.h"

#include <algorithm>

#include "engine/engine_impl.h"
#include "engine/findings_stage.h"
#include "matching/word_index_file.h"
#include "text/line_map.h"
#include "text/reused_space.h"
#include "text/utf8.h"

namespace postcheck {

bool RuleEnabled(const Rule& rule, const EngineOptions& options) {
  auto in = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  return rule.report && (rule.platform.empty() || rule.platform == options.platform) &&
         (options.only_packs.empty() || in(options.only_packs, rule.pack)) &&
         !in(options.disabled_packs, rule.pack) && !in(options.disabled_rules, rule.full_id);
}

std::vector<std::string> DictionaryDirs(const EngineOptions& options) {
  return options.dictionary_dirs.empty() ? SpellChecker::DefaultSearchDirs() : options.dictionary_dirs;
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
const PatternSet& Engine::pattern_set() const { return *impl_->patterns; }

bool Engine::word_index_read() const { return impl_->word_index_read; }

bool Engine::WriteWordIndex(const std::string& path, std::string* error) const {
  return WriteWordIndexFile(path, WordIndexFileKey(impl_->words_key), *impl_->words, error);
}

Engine::~Engine() = default;

void Engine::Impl::BuildView(std::string_view text, MatchView* view, TokenizedText* tokens,
                             std::vector<ViewReading>* readings) const {
  view->Build(text);
  Tokenize(view->text(), tokens);
  // Most drafts have no word to read otherwise, and are tokenised once.
  if (reader && reader->Read(*tokens, *lexicon, readings)) {
    view->Reread(*readings);
    Tokenize(view->text(), tokens);
  }
}

std::vector<std::vector<RuleSpan>> Engine::MatchAll(std::string_view text) const {
  MatchView view;
  TokenizedText tokens;
  std::vector<ViewReading> readings;
  impl_->BuildView(text, &view, &tokens, &readings);
  RuleSpans spans;
  impl_->Evaluate(tokens, view, /*all=*/true, &spans);
  if (view.changed()) {
    for (std::vector<RuleSpan>& list : spans.by_rule) {
      for (RuleSpan& s : list) view.ToOriginal(s.begin, s.end, &s.begin, &s.end);
    }
  }
  return std::move(spans.by_rule);
}

std::vector<Finding> Engine::Lint(std::string_view original) const {
  // A byte-order mark is not part of the draft: matching starts after it, and
  // findings report offsets in the original text.
  const size_t bom = BomLength(original);
  const std::string_view text = original.substr(bom);
  // Working space: this thread's, reused from draft to draft for its
  // capacity (a long draft's is freed when it is done).
  struct Space {
    MatchView view;
    TokenizedText tokens;
    std::vector<ViewReading> readings;
    RuleSpans rule_spans;
    std::vector<Measured> lengths;
    std::vector<WordHit> allowed;
    std::vector<Reported> reported;
    std::vector<std::pair<uint32_t, uint32_t>> taken;
  };
  thread_local Space reused;
  Space fresh;
  Space& space = text.size() <= kReusedSpaceMaxDraft ? reused : fresh;
  // Every matcher reads the draft as it reads (match_view.h); findings are
  // mapped back to the text as written.
  impl_->BuildView(text, &space.view, &space.tokens, &space.readings);
  // Stages 1-3: scan, rules, conditions.
  impl_->Evaluate(space.tokens, space.view, /*all=*/false, &space.rule_spans, &space.lengths);
  // Stage 4: findings.
  space.allowed.clear();
  impl_->allow.Match(space.tokens, &space.allowed);
  SelectReported(*impl_, rules_, space.tokens, space.rule_spans, space.allowed, &space.taken, &space.reported);
  if (space.reported.empty()) return {};
  const LineMap lines(original);
  const FindingSource source{original, bom, space.view, lines, space.lengths};
  std::vector<Finding> findings;
  findings.reserve(space.reported.size());
  for (const Reported& r : space.reported) findings.push_back(MakeFinding(*impl_, *rules_[r.rule], r, source));
  return findings;
}

const Rule* Engine::FindRule(std::string_view full_id) const {
  for (const Rule* r : rules_) {
    if (r->full_id == full_id) return r;
  }
  return nullptr;
}

bool Engine::IsEnabled(const Rule& rule) const {
  for (size_t r = 0; r < rules_.size(); ++r) {
    if (rules_[r] == &rule) return impl_->compiled[r].enabled;
  }
  return false;
}

}  // namespace postcheck
