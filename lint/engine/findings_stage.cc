#include "engine/findings_stage.h"

#include <algorithm>
#include <string>

#include "rules/template.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

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

std::string AllowedNumberDigits(std::string_view entry) { return IsWrittenNumber(entry) ? DigitsOf(entry) : std::string(); }

bool Engine::Impl::Allowed(const TokenizedText& text, const std::vector<WordHit>& allowed, const RuleSpan& span) const {
  for (const WordHit& a : allowed) {
    if (a.begin <= span.begin && span.end <= a.end) return true;
  }
  if (!allow_numbers.empty()) {
    // An allowed number hides only a finding that is that number, written
    // any way, never a finding with the same digits inside more ("101 Elm Road").
    std::string digits = AllowedNumberDigits(text.text.substr(span.begin, span.end - span.begin));
    if (!digits.empty() && std::find(allow_numbers.begin(), allow_numbers.end(), digits) != allow_numbers.end()) {
      return true;
    }
  }
  return false;
}

void SelectReported(const Engine::Impl& engine, const std::vector<const Rule*>& rules, const TokenizedText& text,
                    const RuleSpans& spans, const std::vector<WordHit>& allowed,
                    std::vector<std::pair<uint32_t, uint32_t>>* taken, std::vector<Reported>* out) {
  out->clear();
  for (uint32_t r : spans.rules) {
    if (!engine.compiled[r].enabled || rules[r]->spelling) continue;
    for (const RuleSpan& s : spans.by_rule[r]) {
      if (!engine.Allowed(text, allowed, s)) out->push_back({r, s});
    }
  }
  // A model rule is a second opinion: it speaks only where no other rule of
  // its category reports a warning or an error.
  if (std::any_of(out->begin(), out->end(), [&](const Reported& o) { return engine.compiled[o.rule].model; })) {
    std::vector<std::string_view> spoken;
    for (const Reported& o : *out) {
      const CompiledRule& c = engine.compiled[o.rule];
      if (!c.model && c.severity >= Severity::kWarning) spoken.push_back(rules[o.rule]->category);
    }
    std::erase_if(*out, [&](const Reported& o) {
      return engine.compiled[o.rule].model &&
             std::find(spoken.begin(), spoken.end(), rules[o.rule]->category) != spoken.end();
    });
  }
  // Spans already reported, by start, with the furthest end so far: a
  // misspelling overlaps one when some span starting before its end ends
  // after its start.
  taken->clear();
  for (const Reported& o : *out) taken->emplace_back(o.span.begin, o.span.end);
  std::sort(taken->begin(), taken->end());
  for (size_t k = 1; k < taken->size(); ++k) (*taken)[k].second = std::max((*taken)[k].second, (*taken)[k - 1].second);
  auto covered = [&](const RuleSpan& s) {
    auto it = std::lower_bound(taken->begin(), taken->end(), std::make_pair(s.end, uint32_t{0}));
    return it != taken->begin() && std::prev(it)->second > s.begin;
  };
  for (uint32_t r : spans.rules) {
    if (!engine.compiled[r].enabled || !rules[r]->spelling) continue;
    for (const RuleSpan& s : spans.by_rule[r]) {
      if (!covered(s) && !engine.Allowed(text, allowed, s)) out->push_back({r, s});
    }
  }
  std::sort(out->begin(), out->end(), [&](const Reported& a, const Reported& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return rules[a.rule]->full_id < rules[b.rule]->full_id;
  });
}

Finding MakeFinding(const Engine::Impl& engine, const Rule& rule, const Reported& reported, const FindingSource& source) {
  const CompiledRule& compiled = engine.compiled[reported.rule];
  const RuleSpan& s = reported.span;
  const std::string_view text = source.original.substr(source.bom);
  Finding f;
  f.rule = &rule;
  f.severity = compiled.severity;
  uint32_t begin, end;
  source.view.ToOriginal(s.begin, s.end, &begin, &end);
  f.offset = source.bom + begin;
  f.length = end - begin;
  f.start = source.lines.At(f.offset);
  f.end = source.lines.At(f.offset + f.length);
  f.match = std::string(text.substr(begin, end - begin));
  TemplateValues values;
  // The match as written, line breaks and all: --redact-output finds it in
  // the message by that text.
  values.match = f.match;
  if (s.swap >= 0) values.replacement = rule.swap[static_cast<size_t>(s.swap)].second;
  if (rule.length) {
    // Evaluate measured the draft to find this span.
    const Measured* d = FindMeasured(source.lengths, rule.length->measure, rule.length->limit);
    const Measurement m = d ? d->m : Measure(text, rule.length->measure, rule.length->limit);
    values.extra = {{"limit", std::to_string(rule.length->limit)},
                    {"count", std::to_string(m.total)},
                    {"over", std::to_string(m.total - rule.length->limit)}};
  }
  if (compiled.model) {
    // the words of the match that weigh most for the model's label
    std::string words;
    for (const std::string& w : compiled.model->model->StrongestWords(f.match, compiled.model_label, 3)) {
      words.append(words.empty() ? "'" : ", '").append(w).append("'");
    }
    // every word that weighs is a function word or a mark
    if (words.empty()) words = "the post as a whole";
    values.extra = {{"words", words}};
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
  return f;
}

}  // namespace postcheck
