#include "matching/pattern_set.h"

#include <malloc.h>

#include <algorithm>
#include <string>

#include "matching/prefilter_file.h"
#include "matching/regex_size_bound.h"
#include "matching/shared_prefilter.h"
#include "text/utf8.h"

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer's runtime (GCC ships no header declaring it).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

namespace postcheck {

size_t PatternSet::HeapInUse() {
#if defined(__SANITIZE_ADDRESS__)
  return __sanitizer_get_current_allocated_bytes();  // AddressSanitizer's allocator, not glibc's
#else
  const struct mallinfo2 info = mallinfo2();  // glibc's: bytes allocated and not freed
  return info.uordblks + info.hblkhd;
#endif
}

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
  const LoadedPrefilter* file = options_.max_mem() == kPatternMaxMem ? File() : nullptr;
  if (file && file->Holds(pattern)) {
    // Parsed and compiled when the file was written (see the header).
  } else if (RegexSizeBound(pattern) <= kOwnSetProgramSize) {
    // Small: only parsed now (by a set never compiled), compiled on first use.
    if (!parser_) parser_ = std::make_unique<RE2::Set>(options_, RE2::UNANCHORED);
    std::string parse_error;
    if (parser_->Add(p->text, &parse_error) < 0) {
      *error = "invalid regex: " + parse_error;
      return -1;
    }
  } else {  // may be large: compile it now to check that it fits, and learn its size
    auto compiled = std::make_shared<const CompiledRegex>(p->text, OptionsFor(p->text));
    if (!compiled->re.ok()) {
      *error = "invalid regex: " + compiled->re.error();
      return -1;
    }
    p->program_size = static_cast<size_t>(compiled->re.ProgramSize());
    p->compiled.store(std::move(compiled));
  }
  auto id = static_cast<uint32_t>(patterns_.size());
  ids_.emplace(p->text, static_cast<int>(id));
  patterns_.push_back(std::move(p));
  return static_cast<int>(id);
}

bool PatternSet::IsStateHungry(std::string_view pattern) {
  if (RegexSizeBound(pattern) > kOwnSetProgramSize) return true;
  // A bounded repeat {m,n} or {,n} with n >= 20; an escaped brace is a brace.
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] != '{') continue;
    const size_t close = pattern.find('}', i);
    const size_t comma = pattern.find(',', i);
    if (close == std::string_view::npos || comma == std::string_view::npos || comma > close) continue;
    const std::string_view upper = pattern.substr(comma + 1, close - comma - 1);
    if (upper.empty() || upper.size() > 6 ||
        !std::all_of(upper.begin(), upper.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    if (std::stoul(std::string(upper)) >= 20) return true;
  }
  return false;
}

RE2::Options PatternSet::OptionsFor(std::string_view pattern) const {
  RE2::Options options = options_;
  if (options_.max_mem() == kPatternMaxMem && IsStateHungry(pattern)) options.set_max_mem(kStateHungryMaxMem);
  return options;
}

size_t PatternSet::SetFor(size_t program_size) {
  auto new_set = [&] {
    sets_.push_back({std::make_unique<RE2::Set>(options_, RE2::UNANCHORED), {}});
    return sets_.size() - 1;
  };
  if (sets_.empty()) new_set();  // sets_[0]: the shared set
  return program_size > kOwnSetProgramSize ? new_set() : 0;
}

const LoadedPrefilter* PatternSet::File() {
  if (!file_looked_up_) {
    file_looked_up_ = true;
    if (!prefilter_file_set_) prefilter_file_ = DefaultPrefilterFile();
    // Loaded once per process: engines built from the same file share it.
    if (!prefilter_file_.empty()) file_ = LoadSharedPrefilter(prefilter_file_, VectorscanPrefilter::CompileSignature());
  }
  return file_.get();
}

void PatternSet::BuildPrefilters() {
  std::vector<bool> covered(patterns_.size(), false);
  File();
  if (std::shared_ptr<const LoadedPrefilter> file = file_) {
    std::unordered_map<uint64_t, uint32_t> by_hash;  // first hash -> id
    for (uint32_t id = 0; id < patterns_.size(); ++id) by_hash.emplace(PatternHashOf(patterns_[id]->text).a, id);
    Prefilter loaded{std::shared_ptr<const VectorscanPrefilter>(file, file->db.get()),
                     std::vector<uint32_t>(file->patterns.size(), kNone)};
    const std::vector<uint32_t>& refused = loaded.db->refused();
    size_t used = 0;
    for (uint32_t k = 0; k < file->patterns.size(); ++k) {
      auto it = by_hash.find(file->patterns[k].a);
      if (it == by_hash.end() || PatternHashOf(patterns_[it->second]->text) != file->patterns[k] ||
          covered[it->second] || std::binary_search(refused.begin(), refused.end(), k)) {
        continue;
      }
      loaded.to_id[k] = it->second;
      covered[it->second] = true;
      ++used;
    }
    if (used > 0) {
      prefilters_.push_back(std::move(loaded));
      prefilter_loaded_ = true;
    }
  }
  std::vector<std::string> texts;
  Prefilter compiled;
  for (uint32_t id = 0; id < patterns_.size(); ++id) {
    if (covered[id]) continue;
    texts.push_back(patterns_[id]->text);
    compiled.to_id.push_back(id);
  }
  compiled_count_ = texts.size();
  if (texts.empty()) return;
  compiled.db = VectorscanPrefilter::Compile(texts);
  for (uint32_t k : compiled.db->refused()) refused_.push_back(compiled.to_id[k]);
  prefilters_.push_back(std::move(compiled));
}

size_t PatternSet::fallback_count() const { return refused_.size(); }

size_t PatternSet::prefilter_size() const {
  size_t size = 0;
  for (const Prefilter& p : prefilters_) size += p.db->database_size();
  return size;
}

bool PatternSet::WritePrefilter(const std::string& path, std::string* error) const {
  PrefilterFile file;
  for (const auto& p : patterns_) file.patterns.push_back(PatternHashOf(p->text));
  // The database of every pattern, by id: the one compiled, or a new one.
  std::unique_ptr<VectorscanPrefilter> fresh;
  const VectorscanPrefilter* db = nullptr;
  if (prefilters_.size() == 1 && !prefilter_loaded_) {
    db = prefilters_[0].db.get();
  } else {
    std::vector<std::string> texts;
    for (const auto& p : patterns_) texts.push_back(p->text);
    fresh = VectorscanPrefilter::Compile(texts);
    db = fresh.get();
  }
  if (!db->Serialize(&file.payload)) {
    *error = "Vectorscan cannot serialise the database";
    return false;
  }
  return WritePrefilterFile(path, VectorscanPrefilter::CompileSignature(), file, error);
}

bool PatternSet::Compile(std::vector<CompileError>* errors) {
  parser_.reset();  // every pattern parsed; its memory is not needed again
  BuildPrefilters();
  heap_after_release_.store(heap_meter_(), std::memory_order_relaxed);
  // The patterns the prefilter refused, in RE2::Sets. They parsed when
  // added, so the sets take them.
  for (uint32_t id : refused_) {
    const size_t set = SetFor(patterns_[id]->program_size);
    std::string set_error;
    sets_[set].set->Add(patterns_[id]->text, &set_error);
    sets_[set].ids.push_back(id);
  }
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
  // Candidates names every pattern worth compiling to check.
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

PatternSet::CompiledRegex::CompiledRegex(const std::string& text, const RE2::Options& options) : re(text, options) {
  const auto& groups = re.NamedCapturingGroups();
  if (auto it = groups.find("match"); it != groups.end()) match_group = it->second;
}

std::shared_ptr<const PatternSet::CompiledRegex> PatternSet::Compiled(uint32_t id) const {
  const Pattern& p = *patterns_[id];
  std::shared_ptr<const CompiledRegex> compiled = p.compiled.load(std::memory_order_acquire);
  if (compiled) return compiled;
  auto fresh = std::make_shared<const CompiledRegex>(p.text, OptionsFor(p.text));
  // Two threads may compile it at once: the first stored is kept.
  if (p.compiled.compare_exchange_strong(compiled, fresh, std::memory_order_acq_rel)) return fresh;
  return compiled;
}

void PatternSet::ReleaseCompiled() const {
  std::lock_guard<std::mutex> lock(release_mutex_);
  ReleaseCompiledLocked();
}

void PatternSet::ReleaseCompiledLocked() const {
  for (const auto& p : patterns_) p->compiled.store(nullptr, std::memory_order_release);
  ::malloc_trim(0);  // the freed states and programs, back to the system
  heap_after_release_.store(heap_meter_(), std::memory_order_relaxed);
  release_count_.fetch_add(1, std::memory_order_relaxed);
}

void PatternSet::CheckCacheBudget() const {
  thread_local uint32_t searches = 0;
  if (cache_budget_ == 0 || ++searches % kBudgetCheckEvery != 0) return;
  const size_t in_use = heap_meter_();
  const size_t base = heap_after_release_.load(std::memory_order_relaxed);
  // One thread releases; another that finds it under way goes on.
  if (in_use > base + cache_budget_ && release_mutex_.try_lock()) {
    std::lock_guard<std::mutex> lock(release_mutex_, std::adopt_lock);
    ReleaseCompiledLocked();
  }
}

bool PatternSet::MatchesEmpty(uint32_t id, std::string_view probe) const {
  const std::shared_ptr<const CompiledRegex> compiled = Compiled(id);
  const RE2& re = compiled->re;
  re2::StringPiece input(probe.data(), probe.size()), m;
  for (size_t pos = 0; pos <= probe.size(); ++pos) {
    if (re.Match(input, pos, probe.size(), RE2::UNANCHORED, &m, 1) && m.empty()) return true;
  }
  return false;
}

void PatternSet::Find(uint32_t id, std::string_view text, std::vector<PatternHit>* hits) const {
  const std::shared_ptr<const CompiledRegex> compiled = Compiled(id);
  const CompiledRegex& p = *compiled;
  re2::StringPiece input(text.data(), text.size());
  // Groups 0..match_group: on the stack unless the pattern has very many.
  const size_t group_count = static_cast<size_t>(p.match_group) + 1;
  re2::StringPiece stack_groups[8];
  std::vector<re2::StringPiece> heap_groups(group_count > 8 ? group_count : 0);
  re2::StringPiece* groups = group_count > 8 ? heap_groups.data() : stack_groups;
  size_t pos = 0;
  while (pos <= text.size() &&
         p.re.Match(input, pos, text.size(), RE2::UNANCHORED, groups, static_cast<int>(group_count))) {
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
  CheckCacheBudget();
}

void PatternSet::Candidates(std::string_view text, std::vector<uint32_t>* ids) const {
  ids->clear();
  for (const Prefilter& p : prefilters_) {
    const size_t first = ids->size();
    if (p.db->Scan(text, ids)) {
      size_t kept = first;
      for (size_t k = first; k < ids->size(); ++k) {
        const uint32_t id = p.to_id[(*ids)[k]];
        if (id != kNone) (*ids)[kept++] = id;
      }
      ids->resize(kept);
    } else {
      // The prefilter could not scan: every pattern it holds is a candidate,
      // and Find decides.
      ids->resize(first);
      const std::vector<uint32_t>& refused = p.db->refused();
      for (uint32_t k = 0; k < p.to_id.size(); ++k) {
        if (p.to_id[k] != kNone && !std::binary_search(refused.begin(), refused.end(), k)) ids->push_back(p.to_id[k]);
      }
    }
  }
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
