#include "pattern_set.h"

#include <algorithm>

#include "utf8.h"

namespace postcheck {

PatternSet::PatternSet() {
  options_.set_log_errors(false);
  options_.set_max_mem(64 << 20);
}

PatternSet::~PatternSet() = default;

int PatternSet::Add(std::string_view pattern, std::string* error) {
  if (pattern.empty()) {
    *error = "empty pattern";
    return -1;
  }
  if (auto it = ids_.find(std::string(pattern)); it != ids_.end()) return it->second;
  auto re = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options_);
  if (!re->ok()) {
    *error = "invalid regex: " + re->error();
    return -1;
  }
  // A pattern that can match nothing at all (a\b, x?, \b) would report
  // empty spans; try it where such matches show up.
  for (std::string_view probe : {"", "a", " a ", "1", "A.", "a b"}) {
    re2::StringPiece input(probe.data(), probe.size()), m;
    for (size_t pos = 0; pos <= probe.size(); ++pos) {
      if (re->Match(input, pos, probe.size(), RE2::UNANCHORED, &m, 1) && m.empty()) {
        *error = "pattern matches the empty string";
        return -1;
      }
    }
  }
  Pattern p;
  const auto& groups = re->NamedCapturingGroups();
  if (auto it = groups.find("match"); it != groups.end()) p.match_group = it->second;
  p.re = std::move(re);
  patterns_.push_back(std::move(p));
  int id = static_cast<int>(patterns_.size()) - 1;
  ids_.emplace(std::string(pattern), id);
  return id;
}

bool PatternSet::Compile(std::string* error) {
  sets_.clear();
  auto new_set = [&] {
    sets_.push_back({std::make_unique<RE2::Set>(options_, RE2::UNANCHORED), {}});
    return sets_.size() - 1;
  };
  size_t shared = patterns_.empty() ? 0 : new_set();
  for (uint32_t id = 0; id < patterns_.size(); ++id) {
    const RE2& re = *patterns_[id].re;
    size_t s = re.ProgramSize() > kOwnSetProgramSize ? new_set() : shared;
    std::string set_error;
    if (sets_[s].set->Add(re.pattern(), &set_error) < 0) {
      *error = "cannot add pattern to set: " + set_error;
      return false;
    }
    sets_[s].ids.push_back(id);
  }
  for (Set& s : sets_) {
    if (!s.set->Compile()) {
      *error = "cannot compile the pattern set (out of memory)";
      return false;
    }
  }
  return true;
}

void PatternSet::Find(uint32_t id, std::string_view text, std::vector<PatternHit>* hits) const {
  const Pattern& p = patterns_[id];
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

void PatternSet::Match(std::string_view text, std::vector<PatternHit>* hits) const {
  std::vector<uint32_t> ids;
  Candidates(text, &ids);
  for (uint32_t id : ids) Find(id, text, hits);
}

}  // namespace postcheck
