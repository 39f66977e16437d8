#include "engine.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <future>
#include <tuple>
#include <unordered_map>

#include "cluster.h"
#include "context_index.h"
#include "match_view.h"
#include "names_finder.h"
#include "pattern_set.h"
#include "platform.h"
#include "reused_space.h"
#include "spell_checker.h"
#include "template.h"
#include "tokenizer.h"
#include "utf8.h"
#include "validators.h"
#include "word_index.h"

namespace postcheck {
namespace {

constexpr int32_t kMatchSlot = -1;

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

// A number as people write one: digits with spaces, '-', '+', '(' or ')'.
bool IsWrittenNumber(std::string_view s) {
  bool digit = false;
  for (char c : s) {
    if (IsAsciiDigit(c)) {
      digit = true;
    } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')') {
      return false;
    }
  }
  return digit;
}

std::string DigitsOf(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAsciiDigit(c)) out.push_back(c);
  }
  return out;
}

}  // namespace

struct Engine::Impl {
  struct CompiledRule {
    std::vector<Validator> validators;
    std::vector<uint32_t> near_slots;
    std::vector<uint32_t> unless_slots;
    int32_t names = -1;  // index into names_finders
    const SpellChecker* speller = nullptr;
    const LengthMatcher* length = nullptr;  // the rule's, kept here to spare a look at the Rule per draft
    const ClusterMatcher* cluster = nullptr;  // likewise
    std::vector<uint32_t> cluster_refs;       // indices of the rules the cluster counts
    bool enabled = true;
    bool needed = true;  // enabled, or named by a condition of a needed rule
    Severity severity = Severity::kWarning;
  };

  const std::vector<const Rule*>* rules = nullptr;
  PatternSet patterns;
  std::vector<std::vector<Owner>> pattern_owners;  // by pattern id: one pattern can serve many rules
  WordIndex words;
  std::vector<Owner> word_owners;
  std::vector<Slot> slots;
  std::vector<CompiledRule> compiled;
  std::vector<uint32_t> order;  // referenced rules before the rules that refer to them
  std::vector<uint32_t> rank;   // each rule's position in `order`
  // The rules that look for their own candidates in every draft (names,
  // spelling, length, cluster), as a bit set of ranks. Any other rule has a
  // candidate only where one of its patterns or words matched.
  std::vector<uint64_t> self_searching;
  // One finder per distinct `names` configuration: rules that share one (the
  // same YAML anchor, a copied pack) share its work on every draft.
  std::vector<std::unique_ptr<NamesFinder>> names_finders;
  std::map<std::string, std::unique_ptr<SpellChecker>> spellers;
  // The dictionary that tells disguised words from real ones (word_index.h);
  // null when no rule matches disguises.
  const Lexicon* lexicon = nullptr;
  // A pattern of `patterns`, owned by no rule: URLs, e-mail addresses,
  // handles and hashtags, which spelling does not look inside.
  uint32_t spelling_skip = 0;
  WordIndex allow;
  std::vector<std::string> allow_numbers;  // digits of allow entries that are numbers

  // `skips` is false when the pattern set found no spelling_skip match.
  // Appends the misspelt words' spans to *out, in order of position.
  void SpellingSpans(const TokenizedText& text, const SpellChecker& speller, bool skips,
                     std::vector<RuleSpan>* out) const;
  // A draft's length in one measure, against one limit.
  struct Measured {
    LengthMeasure measure;
    size_t limit;
    Measurement m;  // all zero when a cheap bound showed the draft within the limit
  };
  // The entry of `lengths` for `measure` against `limit`, or null.
  static const Measured* FindMeasured(const std::vector<Measured>& lengths, LengthMeasure measure, size_t limit) {
    for (const Measured& d : lengths) {
      if (d.measure == measure && d.limit == limit) return &d;
    }
    return nullptr;
  }
  // The spans of every rule, by rule index, and the rules that have any.
  struct RuleSpans {
    std::vector<std::vector<RuleSpan>> by_rule;
    std::vector<uint32_t> rules;  // rules with spans, in no particular order
  };
  // Sets *out to the spans of every rule (emptying only the lists that
  // out->rules names, so a caller can reuse one RuleSpans for many drafts of
  // one engine or several); length rules are measured only when enabled or
  // `all`. The lengths measured are left in *lengths, if given: a length
  // finding's message needs them again.
  // `text` is the tokenised text of `view`; lengths are measured on the
  // original, and every span is in the view's offsets.
  void Evaluate(const TokenizedText& text, const MatchView& view, bool all, RuleSpans* out,
                std::vector<Measured>* lengths = nullptr) const;
  bool Allowed(const TokenizedText& text, const std::vector<WordHit>& allowed, const RuleSpan& span) const;
};

void Engine::Impl::SpellingSpans(const TokenizedText& text, const SpellChecker& speller, bool skips,
                                 std::vector<RuleSpan>* out) const {
  const size_t first_out = out->size();
  const auto& tokens = text.tokens;
  std::string word;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    size_t last = i;
    // Join contractions and possessives: "you're", "don't", "officer's".
    while (last + 1 < tokens.size()) {
      std::string_view gap = text.text.substr(tokens[last].end, tokens[last + 1].begin - tokens[last].end);
      if (gap != "'" && gap != "\xE2\x80\x99") break;
      ++last;
    }
    uint32_t begin = t.begin, end = tokens[last].end;
    size_t first_index = i;
    i = last;
    if (begin > 0 && (text.text[begin - 1] == '@' || text.text[begin - 1] == '#')) continue;
    // Fragments of a masked word ("f***ing") are not words to spell-check.
    if ((begin > 0 && text.text[begin - 1] == '*') || (end < text.text.size() && text.text[end] == '*')) continue;
    bool has_digit = false;
    for (size_t k = first_index; k <= last; ++k) has_digit |= tokens[k].has_digit;
    if (has_digit || !t.has_letter || end - begin < 2) continue;
    if (t.all_caps || (t.capitalised && !t.sentence_start)) continue;
    std::string_view original = text.text.substr(begin, end - begin);
    std::string_view checked = original;
    if (std::any_of(original.begin(), original.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
      // Curly apostrophes are written as straight ones for Hunspell; any
      // other non-ASCII character (other scripts, accented words) is not
      // ours to judge.
      word.clear();
      bool other = false;
      for (size_t k = 0; k < original.size() && !other; ++k) {
        if (original.compare(k, 3, "\xE2\x80\x99") == 0) {
          word.push_back('\'');
          k += 2;
        } else {
          other = static_cast<unsigned char>(original[k]) >= 0x80;
          word.push_back(original[k]);
        }
      }
      if (other) continue;
      checked = word;
    }
    if (!speller.Correct(checked)) out->push_back({begin, end, -1});
  }
  // Words inside URLs, e-mail addresses, handles and hashtags are not
  // misspelt. Most drafts have no misspelling, and need no search for them.
  if (!skips || out->size() == first_out) return;
  std::vector<PatternHit> skip;
  patterns.Find(spelling_skip, text.text, &skip);
  size_t next_skip = 0, kept = first_out;
  for (size_t k = first_out; k < out->size(); ++k) {  // both in order of position
    const RuleSpan s = (*out)[k];
    while (next_skip < skip.size() && skip[next_skip].end <= s.begin) ++next_skip;
    if (next_skip < skip.size() && skip[next_skip].begin < s.end) continue;
    (*out)[kept++] = s;
  }
  out->resize(kept);
}

void Engine::Impl::Evaluate(const TokenizedText& text, const MatchView& view, bool all, RuleSpans* out,
                            std::vector<Measured>* lengths) const {
  const size_t n = compiled.size();
  for (uint32_t r : out->rules) out->by_rule[r].clear();  // before resizing: perhaps another engine's
  out->rules.clear();
  out->by_rule.resize(n);
  std::vector<std::vector<RuleSpan>>& result = out->by_rule;
  // Working space: this thread's, kept from draft to draft so that its
  // vectors keep their capacity (most drafts allocate nothing here), except
  // for a long draft, whose space is freed when it is done.
  struct Space {
    std::vector<std::vector<RuleSpan>> raw, context;
    std::vector<std::vector<uint32_t>> pending;  // pattern ids not yet found, by slot
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
    std::vector<bool> names_done;
    // The near and unless conditions of the rule being evaluated, indexed
    // (as many as it has; there may be more, left from other rules).
    std::vector<ContextIndex> near, unless;
    std::vector<std::pair<const SpellChecker*, std::vector<RuleSpan>>> misspelt;
  };
  thread_local Space reused;
  Space fresh;
  Space& space = text.text.size() <= kReusedSpaceMaxDraft ? reused : fresh;
  auto& raw = space.raw;
  auto& context = space.context;
  auto& pending = space.pending;
  auto& rule_patterns = space.rule_patterns;
  // Emptied before resizing: the last draft may have been another engine's.
  for (uint32_t r : space.evaluated) {
    raw[r].clear();
    rule_patterns[r].clear();
  }
  space.evaluated.clear();
  raw.resize(n);
  rule_patterns.resize(n);
  auto& to_evaluate = space.to_evaluate;
  to_evaluate.assign(self_searching.begin(), self_searching.end());
  auto evaluate_rule = [&](uint32_t r) { to_evaluate[rank[r] / 64] |= uint64_t{1} << (rank[r] % 64); };
  for (uint32_t s : space.written_slots) {
    context[s].clear();
    pending[s].clear();
  }
  space.written_slots.clear();
  context.resize(slots.size());
  pending.resize(slots.size());
  auto& found = space.found;
  auto& searched = space.searched;
  for (uint32_t id : space.searched_ids) {
    found[id].clear();
    searched[id] = false;
  }
  space.searched_ids.clear();
  found.resize(patterns.size());
  searched.resize(patterns.size(), false);
  // The spans of pattern `id`, found once per draft.
  auto find = [&](uint32_t id) -> const std::vector<PatternHit>& {
    if (!searched[id]) {
      patterns.Find(id, text.text, &found[id]);
      searched[id] = true;
      space.searched_ids.push_back(id);
    }
    return found[id];
  };

  auto route = [&](const Owner& o, uint32_t begin, uint32_t end) {
    if (o.slot == kMatchSlot) {
      evaluate_rule(o.rule);
      raw[o.rule].push_back({begin, end, o.swap});
    } else {
      context[static_cast<size_t>(o.slot)].push_back({begin, end, -1});
      space.written_slots.push_back(static_cast<uint32_t>(o.slot));
    }
  };
  // Where a pattern matches is found only when a rule needs it: for a
  // rule's own patterns, when the rule is evaluated and its near conditions
  // can hold; for the patterns of near/unless conditions, when the rule has
  // a candidate to check. Most rules have nothing to check in most drafts.
  std::vector<uint32_t>& candidate_patterns = space.candidate_patterns;
  patterns.Candidates(text.text, &candidate_patterns);
  for (uint32_t id : candidate_patterns) {
    for (const Owner& o : pattern_owners[id]) {
      if (o.slot == kMatchSlot) {
        rule_patterns[o.rule].emplace_back(id, o.swap);
        evaluate_rule(o.rule);
      } else {
        pending[static_cast<size_t>(o.slot)].push_back(id);
        space.written_slots.push_back(static_cast<uint32_t>(o.slot));
      }
    }
  }
  std::vector<WordHit>& word_hits = space.word_hits;
  word_hits.clear();
  words.Match(text, lexicon, &word_hits);
  for (const WordHit& h : word_hits) route(word_owners[h.owner], h.begin, h.end);
  // Moves the spans of a slot's pending patterns into its context.
  auto resolve = [&](uint32_t s) {
    for (uint32_t id : pending[s]) {
      for (const PatternHit& h : find(id)) context[s].push_back({h.begin, h.end, -1});
    }
    pending[s].clear();
  };
  // False when near condition `s` has nothing anywhere in the draft, so that
  // no candidate of its rule can pass. A pending pattern is taken to match:
  // the pattern set says it may (only an early way out: the spans decide).
  auto may_hold = [&](uint32_t s) {
    if (!context[s].empty() || !pending[s].empty()) return true;
    const auto& refs = slots[s].rule_refs;
    return std::any_of(refs.begin(), refs.end(), [&](uint32_t ref) { return !result[ref].empty(); });
  };

  // Names and misspellings, found once per finder and dictionary and draft.
  auto& names = space.names;
  names.resize(names_finders.size());
  for (auto& found_names : names) found_names.clear();
  auto& names_done = space.names_done;
  names_done.assign(names_finders.size(), false);
  // The misspellings found, by speller: the first `spellers_used` entries.
  auto& misspelt = space.misspelt;
  size_t spellers_used = 0;
  // Validator verdicts by span: rules that share a pattern (a phone number in
  // three rules) validate each span once. Hashed: a long draft can have
  // thousands of spans.
  struct VerdictKeyHash {
    size_t operator()(const std::tuple<Validator, uint32_t, uint32_t>& k) const {
      auto [v, b, e] = k;
      return std::hash<const void*>()(reinterpret_cast<const void*>(v)) ^
             std::hash<uint64_t>()((uint64_t{b} << 32) | e);
    }
  };
  std::unordered_map<std::tuple<Validator, uint32_t, uint32_t>, bool, VerdictKeyHash> verdicts;
  auto validated = [&](Validator v, const RuleSpan& c) {
    auto [it, added] = verdicts.try_emplace({v, c.begin, c.end}, false);
    if (added) it->second = v(text.text.substr(c.begin, c.end - c.begin));
    return it->second;
  };
  // Lengths, measured once per measure and limit (copies of a platform rule
  // share them), and not at all when a cheap bound is within the limit.
  std::vector<Measured> own_lengths;
  std::vector<Measured>& measurements = lengths ? *lengths : own_lengths;
  measurements.clear();
  auto measured = [&](LengthMeasure measure, size_t limit) {
    if (const Measured* d = FindMeasured(measurements, measure, limit)) return d->m;
    Measurement m;
    if (MeasureBound(view.original(), measure) > limit) m = Measure(view.original(), measure, limit);
    measurements.push_back({measure, limit, m});
    return m;
  };
  // The rules to evaluate, in `order`.
  for (size_t word = 0; word < to_evaluate.size(); ++word) {
    for (uint64_t bits = to_evaluate[word]; bits != 0; bits &= bits - 1) {
      space.evaluated.push_back(order[word * 64 + static_cast<size_t>(std::countr_zero(bits))]);
    }
  }
  for (uint32_t r : space.evaluated) {
    const CompiledRule& rule = compiled[r];
    if (!all && !rule.needed) continue;
    if (!std::all_of(rule.near_slots.begin(), rule.near_slots.end(), may_hold)) continue;
    std::vector<RuleSpan>& candidates = raw[r];
    for (auto [id, swap] : rule_patterns[r]) {
      for (const PatternHit& h : find(id)) candidates.push_back({h.begin, h.end, swap});
    }
    if (rule.names >= 0) {
      auto k = static_cast<size_t>(rule.names);
      if (!names_done[k]) {
        names_finders[k]->Find(text, &names[k]);
        names_done[k] = true;
      }
      for (auto [b, e] : names[k]) candidates.push_back({b, e, -1});
    }
    if (rule.speller) {
      const auto used = misspelt.begin() + static_cast<ptrdiff_t>(spellers_used);
      auto it = std::find_if(misspelt.begin(), used, [&](const auto& m) { return m.first == rule.speller; });
      if (it == used) {
        if (spellers_used == misspelt.size()) misspelt.emplace_back();
        it = misspelt.begin() + static_cast<ptrdiff_t>(spellers_used++);
        it->first = rule.speller;
        it->second.clear();
        SpellingSpans(text, *rule.speller,
                      std::binary_search(candidate_patterns.begin(), candidate_patterns.end(), spelling_skip),
                      &it->second);
      }
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    if (const LengthMatcher* length = rule.length; length && (all || rule.enabled)) {
      Measurement m = measured(length->measure, length->limit);
      if (m.total > length->limit) {
        // Measured on the original: the span is found there and given in the view's offsets.
        const std::string_view written = view.original();
        size_t end = written.size();
        while (end > m.over_offset && (written[end - 1] == '\n' || written[end - 1] == '\r' ||
                                       written[end - 1] == ' ' || written[end - 1] == '\t')) {
          --end;
        }
        const uint32_t begin = view.ToView(static_cast<uint32_t>(m.over_offset));
        const uint32_t last = std::max(view.ToView(static_cast<uint32_t>(end)), begin + 1);
        candidates.push_back({begin, std::min(last, static_cast<uint32_t>(text.text.size())), -1});
      }
    }
    if (rule.cluster) {
      size_t count = 0;
      for (uint32_t ref : rule.cluster_refs) count += result[ref].size();
      if (count >= static_cast<size_t>(rule.cluster->min)) {
        std::vector<Span> spans, runs;
        spans.reserve(count);
        for (uint32_t ref : rule.cluster_refs) {
          for (const RuleSpan& s : result[ref]) spans.push_back({s.begin, s.end});
        }
        FindClusters(text, std::move(spans), rule.cluster->min, rule.cluster->within, &runs);
        for (const Span& s : runs) candidates.push_back({s.begin, s.end, -1});
      }
    }
    if (candidates.empty()) continue;
    std::sort(candidates.begin(), candidates.end(), [](const RuleSpan& a, const RuleSpan& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      return a.end != b.end ? a.end > b.end : a.swap < b.swap;  // a plain match before a swap
    });
    // Each condition's spans (its own words and patterns, and the findings of
    // the rules it names), indexed once for all of this rule's candidates.
    // The indexes are the thread's, kept for their memory.
    auto index = [&](const std::vector<uint32_t>& slot_ids, std::vector<ContextIndex>* indexes) {
      if (indexes->size() < slot_ids.size()) indexes->resize(slot_ids.size());
      for (size_t k = 0; k < slot_ids.size(); ++k) {
        const uint32_t s = slot_ids[k];
        resolve(s);
        ContextIndex& i = (*indexes)[k];
        i.Reset(text, slots[s].context->scope);
        for (const RuleSpan& c : context[s]) i.Add(c.begin, c.end);
        for (uint32_t ref : slots[s].rule_refs) {
          for (const RuleSpan& c : result[ref]) i.Add(c.begin, c.end);
        }
        i.Seal();
      }
    };
    const std::vector<ContextIndex>& near = space.near;
    const std::vector<ContextIndex>& unless = space.unless;
    index(rule.near_slots, &space.near);
    index(rule.unless_slots, &space.unless);
    const std::vector<Context>& near_contexts = (*rules)[r]->near;
    const std::vector<Context>& unless_contexts = (*rules)[r]->unless;
    std::vector<RuleSpan>& kept = result[r];
    for (const RuleSpan& c : candidates) {
      // A span inside one already kept (the longest at each start comes first) adds nothing.
      if (!kept.empty() && c.begin >= kept.back().begin && c.end <= kept.back().end) continue;
      if (!std::all_of(rule.validators.begin(), rule.validators.end(),
                       [&](Validator v) { return validated(v, c); })) {
        continue;
      }
      bool ok = true;
      for (size_t k = 0; k < rule.near_slots.size() && ok; ++k) ok = near[k].Near(c.begin, c.end, near_contexts[k].within);
      for (size_t k = 0; k < rule.unless_slots.size() && ok; ++k) ok = !unless[k].Near(c.begin, c.end, unless_contexts[k].within);
      if (!ok) continue;
      // Overlapping matches of one rule ("The body" and "body found") are one finding.
      if (!kept.empty() && c.begin < kept.back().end && c.swap < 0 && kept.back().swap < 0) {
        kept.back().end = std::max(kept.back().end, c.end);
      } else {
        kept.push_back(c);
      }
    }
    if (!kept.empty()) out->rules.push_back(r);
  }
}

bool Engine::Impl::Allowed(const TokenizedText& text, const std::vector<WordHit>& allowed,
                           const RuleSpan& span) const {
  for (const WordHit& a : allowed) {
    if (a.begin <= span.begin && span.end <= a.end) return true;
  }
  if (!allow_numbers.empty()) {
    // An allowed number hides only a finding that is that number, written
    // any way, never a finding with the same digits inside more ("101 Elm Road").
    std::string_view found = text.text.substr(span.begin, span.end - span.begin);
    std::string digits = IsWrittenNumber(found) ? DigitsOf(found) : std::string();
    if (!digits.empty() && std::find(allow_numbers.begin(), allow_numbers.end(), digits) != allow_numbers.end()) {
      return true;
    }
  }
  return false;
}

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
const PatternSet& Engine::pattern_set() const { return impl_->patterns; }
Engine::~Engine() = default;

std::unique_ptr<Engine> Engine::Create(std::vector<Pack> packs, const EngineOptions& options,
                                       std::vector<LoadError>* errors) {
  if (!CheckPacks(packs, errors)) return nullptr;
  std::unique_ptr<Engine> engine(new Engine(std::make_unique<Impl>()));
  engine->packs_ = std::move(packs);
  Impl& impl = *engine->impl_;
  bool ok = true;
  auto fail = [&](const SourceMark& mark, const std::string& rule, const std::string& message) {
    errors->push_back({mark, rule, message});
    ok = false;
  };

  // Force-specific entries join every list read from a file of that name.
  for (const auto& extra : options.extra_lists) {
    const std::string& list = extra.first;
    const std::vector<std::string>& entries = extra.second;
    bool used = false;
    auto has = [&](const std::vector<std::string>& lists) {
      return std::find(lists.begin(), lists.end(), list) != lists.end();
    };
    for (Pack& pack : engine->packs_) {
      for (Rule& rule : pack.rules) {
        if (has(rule.lists)) {
          auto& target = rule.spelling ? rule.spelling->accept : rule.words;
          target.insert(target.end(), entries.begin(), entries.end());
          used = true;
        }
        for (auto* contexts : {&rule.near, &rule.unless}) {
          for (Context& c : *contexts) {
            if (has(c.lists)) {
              c.words.insert(c.words.end(), entries.begin(), entries.end());
              used = true;
            }
          }
        }
      }
    }
    if (!used) fail({}, "", "unknown list '" + list + "' (lists are named after the word files in dictionaries/)");
  }
  std::unordered_map<std::string, uint32_t> index;
  for (const Pack& pack : engine->packs_) {
    for (const Rule& rule : pack.rules) {
      index[rule.full_id] = static_cast<uint32_t>(engine->rules_.size());
      engine->rules_.push_back(&rule);
    }
  }
  impl.rules = &engine->rules_;
  const auto& rules = engine->rules_;

  // Options that name packs or rules must name real ones.
  std::map<std::string, bool> pack_ids;
  for (const Pack& p : engine->packs_) pack_ids[p.id] = true;
  for (const auto* list : {&options.only_packs, &options.disabled_packs}) {
    for (const std::string& p : *list) {
      if (!pack_ids.count(p)) fail({}, "", "unknown pack '" + p + "'");
    }
  }
  for (const std::string& r : options.disabled_rules) {
    if (!index.count(r)) fail({}, "", "unknown rule '" + r + "'");
  }
  for (const auto& [r, sev] : options.severity_overrides) {
    if (!index.count(r)) fail({}, "", "unknown rule '" + r + "' in severity overrides");
  }

  // Start reading dictionaries now: it overlaps with compiling the patterns.
  impl.compiled.resize(rules.size());
  std::map<std::string, std::vector<std::string>> accept_by_dictionary;
  for (size_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = *rules[r];
    auto& c = impl.compiled[r];
    c.enabled = RuleEnabled(rule, options);
    if (rule.length) c.length = &*rule.length;
    auto sev = options.severity_overrides.find(rule.full_id);
    c.severity = sev != options.severity_overrides.end() ? sev->second : rule.severity;
    if (rule.spelling && c.enabled) {
      auto& accept = accept_by_dictionary[rule.spelling->dictionary];
      accept.insert(accept.end(), rule.spelling->accept.begin(), rule.spelling->accept.end());
    }
    if (rule.disguises && (c.enabled || !rule.report)) accept_by_dictionary[kDisguiseDictionary];
  }
  std::vector<std::string> dirs = DictionaryDirs(options);
  std::map<std::string, std::future<std::pair<std::unique_ptr<SpellChecker>, std::string>>> loading;
  for (auto& [dictionary, accept] : accept_by_dictionary) {
    accept.insert(accept.end(), options.accept_words.begin(), options.accept_words.end());
    loading[dictionary] = std::async(std::launch::async, [dictionary = dictionary, accept = accept, dirs] {
      std::string error;
      auto checker = SpellChecker::Open(dictionary, dirs, accept, &error);
      return std::make_pair(std::move(checker), error);
    });
  }

  // Where each pattern was first written, for errors found when compiling.
  struct PatternOrigin {
    const Located* pattern;
    const std::string* rule_id;
  };
  std::vector<PatternOrigin> pattern_origins;
  auto add_pattern = [&](const Located& p, const Owner& owner, const std::string& rule_id) {
    std::string error;
    int id = impl.patterns.Add(p.text, &error);
    if (id < 0) {
      fail(p.mark, rule_id, error + " in pattern '" + p.text + "'");
      return;
    }
    if (static_cast<size_t>(id) == impl.pattern_owners.size()) {
      impl.pattern_owners.emplace_back();
      pattern_origins.push_back({&p, &rule_id});
    }
    impl.pattern_owners[static_cast<size_t>(id)].push_back(owner);
  };
  // Every list matches word forms (but a swap's replacement fits only the
  // word as listed); a rule's own list matches disguises if it asks.
  auto add_word = [&](const std::string& w, bool match_case, const Owner& owner, const Rule& rule) {
    auto id = static_cast<uint32_t>(impl.word_owners.size());
    WordOptions word_options{match_case, owner.swap < 0, rule.disguises && owner.slot == kMatchSlot};
    if (!impl.words.Add(w, word_options, id)) {
      fail(rule.mark, rule.id, "word list entry '" + w + "' has no word in it");
      return;
    }
    impl.word_owners.push_back(owner);
  };
  auto add_slots = [&](uint32_t r, const std::vector<Context>& contexts, std::vector<uint32_t>* out) {
    const Rule& rule = *rules[r];
    for (const Context& c : contexts) {
      auto slot = static_cast<int32_t>(impl.slots.size());
      Slot s{&c, {}};
      for (const std::string& ref : c.rules) s.rule_refs.push_back(index.at(ref));
      impl.slots.push_back(std::move(s));
      out->push_back(static_cast<uint32_t>(slot));
      for (const Located& p : c.patterns) add_pattern(p, {r, slot, -1}, rule.id);
      for (const std::string& w : c.words) add_word(w, c.match_case, {r, slot, -1}, rule);
    }
  };
  for (uint32_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = *rules[r];
    auto& c = impl.compiled[r];
    for (const Located& p : rule.patterns) add_pattern(p, {r, kMatchSlot, -1}, rule.id);
    for (const std::string& w : rule.words) add_word(w, rule.match_case, {r, kMatchSlot, -1}, rule);
    for (size_t k = 0; k < rule.swap.size(); ++k) {
      add_word(rule.swap[k].first, rule.match_case, {r, kMatchSlot, static_cast<int32_t>(k)}, rule);
    }
    for (const std::string& v : rule.validators) {
      if (Validator fn = FindValidator(v)) {
        c.validators.push_back(fn);
      } else {
        fail(rule.mark, rule.id, "unknown validator '" + v + "'");
      }
    }
    if (rule.names) {
      auto same = std::find_if(rules.begin(), rules.begin() + r, [&](const Rule* other) { return other->names == rule.names; });
      if (same != rules.begin() + r) {
        c.names = impl.compiled[static_cast<size_t>(same - rules.begin())].names;
      } else {
        c.names = static_cast<int32_t>(impl.names_finders.size());
        impl.names_finders.push_back(std::make_unique<NamesFinder>(*rule.names));
      }
    }
    add_slots(r, rule.near, &c.near_slots);
    add_slots(r, rule.unless, &c.unless_slots);
    if (rule.cluster) {
      c.cluster = &*rule.cluster;
      for (const std::string& ref : rule.cluster->rules) c.cluster_refs.push_back(index.at(ref));
    }
  }
  std::vector<PatternSet::CompileError> pattern_errors;
  std::string skip_error;
  const int skip_id = impl.patterns.Add(
      R"((?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[@#]\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|gov|police|info|io|co)\b\S*)",
      &skip_error);
  if (skip_id < 0) {
    fail({}, "", "spelling's URL pattern: " + skip_error);
  } else {
    impl.spelling_skip = static_cast<uint32_t>(skip_id);
    if (impl.spelling_skip == impl.pattern_owners.size()) impl.pattern_owners.emplace_back();  // no rule's
  }
  if (ok && !impl.patterns.Compile(&pattern_errors)) {
    for (const auto& e : pattern_errors) {
      if (e.pattern < 0 || static_cast<size_t>(e.pattern) >= pattern_origins.size()) {
        fail({}, "", e.message);
        continue;
      }
      const PatternOrigin& origin = pattern_origins[static_cast<size_t>(e.pattern)];
      fail(origin.pattern->mark, *origin.rule_id, e.message + " in pattern '" + origin.pattern->text + "'");
    }
  }
  for (const std::string& a : options.allow) {
    impl.allow.Add(a, WordOptions{false, false, false}, 0);
    if (IsWrittenNumber(a)) impl.allow_numbers.push_back(DigitsOf(a));
  }

  // Order: a rule after every rule its near/unless conditions and its
  // cluster refer to.
  std::vector<int> state(rules.size(), 0);
  std::function<void(uint32_t)> visit = [&](uint32_t r) {
    if (state[r]) return;
    state[r] = 1;
    for (uint32_t s : impl.compiled[r].near_slots) for (uint32_t ref : impl.slots[s].rule_refs) visit(ref);
    for (uint32_t s : impl.compiled[r].unless_slots) for (uint32_t ref : impl.slots[s].rule_refs) visit(ref);
    for (uint32_t ref : impl.compiled[r].cluster_refs) visit(ref);
    impl.order.push_back(r);
  };
  for (uint32_t r = 0; r < rules.size(); ++r) visit(r);
  // Needed: enabled, or named by a condition or the cluster of a needed
  // rule. Referenced rules come first in `order`, so walk it backwards.
  for (auto& c : impl.compiled) c.needed = c.enabled;
  for (auto it = impl.order.rbegin(); it != impl.order.rend(); ++it) {
    const auto& c = impl.compiled[*it];
    if (!c.needed) continue;
    for (const auto* slots : {&c.near_slots, &c.unless_slots}) {
      for (uint32_t s : *slots) {
        for (uint32_t ref : impl.slots[s].rule_refs) impl.compiled[ref].needed = true;
      }
    }
    for (uint32_t ref : c.cluster_refs) impl.compiled[ref].needed = true;
  }

  for (auto& [dictionary, future] : loading) {
    auto [checker, load_error] = future.get();
    if (!checker) {
      fail({}, "", load_error);
      continue;
    }
    impl.spellers[dictionary] = std::move(checker);
  }
  for (uint32_t r = 0; r < rules.size(); ++r) {
    const Rule& rule = *rules[r];
    if (rule.spelling && impl.compiled[r].enabled) impl.compiled[r].speller = impl.spellers[rule.spelling->dictionary].get();
  }
  if (auto it = impl.spellers.find(kDisguiseDictionary); it != impl.spellers.end()) impl.lexicon = it->second.get();
  impl.rank.resize(rules.size());
  impl.self_searching.assign((rules.size() + 63) / 64, 0);
  for (uint32_t k = 0; k < impl.order.size(); ++k) {
    const uint32_t r = impl.order[k];
    impl.rank[r] = k;
    const Impl::CompiledRule& c = impl.compiled[r];
    if (c.names >= 0 || c.speller || c.length || c.cluster) impl.self_searching[k / 64] |= uint64_t{1} << (k % 64);
  }
  if (!ok) return nullptr;
  return engine;
}

std::vector<std::vector<RuleSpan>> Engine::MatchAll(std::string_view text) const {
  MatchView view;
  view.Build(text);
  TokenizedText tokens;
  Tokenize(view.text(), &tokens);
  Impl::RuleSpans spans;
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
  // Which spans are reported: enabled rules, not allowlisted, and for
  // spelling not a word another rule already flagged (a swear word, jargon).
  struct Reported {
    size_t rule;
    RuleSpan span;
  };
  // Working space: this thread's, reused from draft to draft for its
  // capacity (a long draft's is freed when it is done).
  struct Space {
    MatchView view;
    TokenizedText tokens;
    Impl::RuleSpans rule_spans;
    std::vector<Impl::Measured> lengths;
    std::vector<WordHit> allowed;
    std::vector<Reported> reported;
    std::vector<std::pair<uint32_t, uint32_t>> taken;
  };
  thread_local Space reused;
  Space fresh;
  Space& space = text.size() <= kReusedSpaceMaxDraft ? reused : fresh;
  // Every matcher reads the draft as it reads (match_view.h); findings are
  // mapped back to the text as written.
  MatchView& view = space.view;
  view.Build(text);
  TokenizedText& tokens = space.tokens;
  Tokenize(view.text(), &tokens);
  impl_->Evaluate(tokens, view, /*all=*/false, &space.rule_spans, &space.lengths);
  const Impl::RuleSpans& rule_spans = space.rule_spans;
  const std::vector<std::vector<RuleSpan>>& spans = rule_spans.by_rule;
  const std::vector<Impl::Measured>& lengths = space.lengths;
  std::vector<WordHit>& allowed = space.allowed;
  allowed.clear();
  impl_->allow.Match(tokens, &allowed);

  std::vector<Reported>& reported = space.reported;
  reported.clear();
  for (uint32_t r : rule_spans.rules) {
    if (!impl_->compiled[r].enabled || rules_[r]->spelling) continue;
    for (const RuleSpan& s : spans[r]) {
      if (!impl_->Allowed(tokens, allowed, s)) reported.push_back({r, s});
    }
  }
  // Spans already reported, by start, with the furthest end so far: a
  // misspelling overlaps one when some span starting before its end ends
  // after its start.
  std::vector<std::pair<uint32_t, uint32_t>>& taken = space.taken;
  taken.clear();
  for (const Reported& o : reported) taken.emplace_back(o.span.begin, o.span.end);
  std::sort(taken.begin(), taken.end());
  for (size_t k = 1; k < taken.size(); ++k) taken[k].second = std::max(taken[k].second, taken[k - 1].second);
  auto covered = [&](const RuleSpan& s) {
    auto it = std::lower_bound(taken.begin(), taken.end(), std::make_pair(s.end, uint32_t{0}));
    return it != taken.begin() && std::prev(it)->second > s.begin;
  };
  for (uint32_t r : rule_spans.rules) {
    if (!impl_->compiled[r].enabled || !rules_[r]->spelling) continue;
    for (const RuleSpan& s : spans[r]) {
      if (!covered(s) && !impl_->Allowed(tokens, allowed, s)) reported.push_back({r, s});
    }
  }

  if (reported.empty()) return {};
  // In report order (offset, then rule id), sorted while they are small.
  std::sort(reported.begin(), reported.end(), [&](const Reported& a, const Reported& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return rules_[a.rule]->full_id < rules_[b.rule]->full_id;
  });
  LineMap lines(original);
  std::vector<Finding> findings;
  findings.reserve(reported.size());
  for (const auto& [r, s] : reported) {
    const Rule& rule = *rules_[r];
    const auto& compiled = impl_->compiled[r];
    Finding f;
    f.rule = &rule;
    f.severity = compiled.severity;
    uint32_t begin, end;
    view.ToOriginal(s.begin, s.end, &begin, &end);
    f.offset = bom + begin;
    f.length = end - begin;
    f.start = lines.At(f.offset);
    f.end = lines.At(f.offset + f.length);
    f.match = std::string(text.substr(begin, end - begin));
    TemplateValues values;
    // The match as written, line breaks and all: --redact-output finds it
    // in the message by that text.
    values.match = f.match;
    if (s.swap >= 0) values.replacement = rule.swap[static_cast<size_t>(s.swap)].second;
    if (rule.length) {
      // Evaluate measured the draft to find this span.
      const Impl::Measured* d = Impl::FindMeasured(lengths, rule.length->measure, rule.length->limit);
      const Measurement m = d ? d->m : Measure(text, rule.length->measure, rule.length->limit);
      values.extra = {{"limit", std::to_string(rule.length->limit)},
                      {"count", std::to_string(m.total)},
                      {"over", std::to_string(m.total - rule.length->limit)}};
    }
    if (compiled.speller) {
      values.suggestions = compiled.speller->Suggest(f.match, 3);
      if (!values.suggestions.empty()) values.replacement = values.suggestions[0];
    }
    f.message = FillTemplate(rule.message, values);
    // A suggestion built on spelling suggestions says nothing without any.
    if (!(compiled.speller && values.suggestions.empty() && rule.suggest.find("{suggestions}") != std::string::npos)) {
      f.suggestion = FillTemplate(rule.suggest, values);
    }
    f.replacement = s.swap >= 0 ? values.replacement : FillTemplate(rule.replace, values);
    findings.push_back(std::move(f));
  }
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
