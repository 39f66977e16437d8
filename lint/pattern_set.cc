#include "pattern_set.h"

#include <algorithm>

#include "regex_size_bound.h"
#include "utf8.h"

namespace postcheck {

PatternSet::PatternSet(int64_t max_mem) {
  options_.set_log_errors(false);
  options_.set_max_mem(max_mem);
}

PatternSet::~PatternSet() = default;

int PatternSet::Add(std::string_view pattern, std::string* error) {
  if (pattern.empty()) {
    *error = "empty pattern";
    return -1;
  }
  if (auto it = ids_.find(pattern); it != ids_.end()) return it->second;
  auto p = std::make_unique<Pattern>();
  p->text = std::string(pattern);
  size_t set = 0;
  if (RegexSizeBound(pattern) <= kOwnSetProgramSize) {
    set = SetFor(0);
  } else {  // may be large: compile it now to learn its size
    p->re = std::make_unique<RE2>(p->text, options_);
    if (!p->re->ok()) {
      *error = "invalid regex: " + p->re->error();
      return -1;
    }
    set = SetFor(static_cast<size_t>(p->re->ProgramSize()));
  }
  std::string set_error;
  if (sets_[set].set->Add(p->text, &set_error) < 0) {  // RE2::Set parses it
    *error = "invalid regex: " + set_error;
    if (sets_[set].ids.empty() && set != 0) sets_.pop_back();
    return -1;
  }
  auto id = static_cast<uint32_t>(patterns_.size());
  sets_[set].ids.push_back(id);
  ids_.emplace(p->text, static_cast<int>(id));
  patterns_.push_back(std::move(p));
  return static_cast<int>(id);
}

size_t PatternSet::SetFor(size_t program_size) {
  auto new_set = [&] {
    sets_.push_back({std::make_unique<RE2::Set>(options_, RE2::UNANCHORED), {}});
    return sets_.size() - 1;
  };
  if (sets_.empty()) new_set();  // sets_[0]: the shared set
  return program_size > kOwnSetProgramSize ? new_set() : 0;
}

bool PatternSet::Compile(std::vector<CompileError>* errors) {
  for (Set& s : sets_) {
    if (!s.set->Compile()) {
      // Name the pattern that costs the most: the one to look at first.
      int largest = -1;
      size_t largest_size = 0;
      for (uint32_t id : s.ids) {
        size_t size = RegexSizeBound(patterns_[id]->text);
        if (largest < 0 || size > largest_size) largest = static_cast<int>(id), largest_size = size;
      }
      errors->push_back({largest, s.ids.size() == 1
                                      ? "pattern too large: its pattern set does not fit in memory"
                                      : "the pattern set of " + std::to_string(s.ids.size()) +
                                            " patterns does not fit in memory; its largest pattern is this one"});
      return false;
    }
  }
  // A pattern that can match nothing at all (x?, \b, a|) would report empty
  // spans. If it matches empty somewhere in a probe, it matches the probe, so
  // the sets name every pattern worth compiling to check.
  static constexpr std::string_view kProbes[] = {"", "a", " a ", "1", "A.", "a b"};
  std::vector<uint32_t> suspects, ids;
  for (std::string_view probe : kProbes) {
    Candidates(probe, &ids);
    suspects.insert(suspects.end(), ids.begin(), ids.end());
  }
  std::sort(suspects.begin(), suspects.end());
  suspects.erase(std::unique(suspects.begin(), suspects.end()), suspects.end());
  bool ok = true;
  for (uint32_t id : suspects) {
    for (std::string_view probe : kProbes) {
      if (MatchesEmpty(id, probe)) {
        errors->push_back({static_cast<int>(id), "pattern matches the empty string"});
        ok = false;
        break;
      }
    }
  }
  return ok;
}

const PatternSet::Pattern& PatternSet::Compiled(uint32_t id) const {
  const Pattern& p = *patterns_[id];
  std::call_once(p.compiled, [&] {
    if (!p.re) p.re = std::make_unique<RE2>(p.text, options_);
    const auto& groups = p.re->NamedCapturingGroups();
    if (auto it = groups.find("match"); it != groups.end()) p.match_group = it->second;
  });
  return p;
}

bool PatternSet::MatchesEmpty(uint32_t id, std::string_view probe) const {
  const RE2& re = *Compiled(id).re;
  re2::StringPiece input(probe.data(), probe.size()), m;
  for (size_t pos = 0; pos <= probe.size(); ++pos) {
    if (re.Match(input, pos, probe.size(), RE2::UNANCHORED, &m, 1) && m.empty()) return true;
  }
  return false;
}

void PatternSet::Find(uint32_t id, std::string_view text, std::vector<PatternHit>* hits) const {
  const Pattern& p = Compiled(id);
  re2::StringPiece input(text.data(), text.size());
  // Groups 0..match_group: on the stack unless the pattern has very many.
  const size_t group_count = static_cast<size_t>(p.match_group) + 1;
  re2::StringPiece stack_groups[8];
  std::vector<re2::StringPiece> heap_groups(group_count > 8 ? group_count : 0);
  re2::StringPiece* groups = group_count > 8 ? heap_groups.data() : stack_groups;
  size_t pos = 0;
  while (pos <= text.size() &&
         p.re->Match(input, pos, text.size(), RE2::UNANCHORED, groups, static_cast<int>(group_count))) {
    const re2::StringPiece& whole = groups[0];
    const re2::StringPiece& part = groups[p.match_group];
    if (part.data() != nullptr && !part.empty()) {
      auto begin = static_cast<uint32_t>(part.data() - text.data());
      hits->push_back({id, begin, begin + static_cast<uint32_t>(part.size())});
    }
    size_t end = static_cast<size_t>(whole.data() - text.data()) + whole.size();
    if (end > pos) {
      pos = end;
    } else {  // empty match: step over one character
      ++pos;
      while (pos < text.size() && IsUtf8Continuation(static_cast<unsigned char>(text[pos]))) ++pos;
    }
  }
}

void PatternSet::Candidates(std::string_view text, std::vector<uint32_t>* ids) const {
  ids->clear();
  std::vector<int> matched;
  for (const Set& s : sets_) {
    matched.clear();
    RE2::Set::ErrorInfo info;
    if (s.set->Match(re2::StringPiece(text.data(), text.size()), &matched, &info)) {
      for (int k : matched) ids->push_back(s.ids[static_cast<size_t>(k)]);
    } else if (info.kind != RE2::Set::kNoError) {
      // The set's DFA ran out of memory on this text: every pattern of the
      // set is a candidate, and Find decides.
      ids->insert(ids->end(), s.ids.begin(), s.ids.end());
    }
  }
  std::sort(ids->begin(), ids->end());
}

}  // namespace postcheck
