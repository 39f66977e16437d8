// Every RE2 pattern of every rule behind one prefilter: a draft is scanned
// once by a Vectorscan database over all the patterns (vectorscan_prefilter.h),
// and a pattern's own RE2 runs only on drafts the prefilter names, and only
// when the caller asks where it matched. The prefilter's speed does not
// depend on having seen similar text before, and its memory is fixed when it
// is compiled.
//
// The prefilter may name a pattern that does not match (it widens bounded
// repeats such as "[^.!?]{0,60}"); Find, which runs RE2, is exact. A
// pattern Vectorscan refuses (\C, say) goes to an RE2::Set instead, which is
// exact; a large one gets a set of its own.
//
// The prefilter of the bundled packs is loaded from a file the build wrote
// (prefilter_file.h): the patterns it holds are scanned from it, and only
// the others (user packs, --rules, config) are compiled, into a second
// database. The file's database is loaded once per process and shared by
// every set that uses it (shared_prefilter.h).
//
// A pattern's own RE2 is compiled the first time Find needs it: a cold start
// that lints one short draft compiles the few patterns its draft touches, not
// all of them. Only patterns that may be large (RegexSizeBound) are compiled
// when added, to check that they fit; the others are only parsed. A pattern
// the prefilter file holds is neither parsed nor compiled when added: the
// build did both when it wrote the file, with the same RE2 and options (the
// same memory budgets), so a cold start does not repeat that work for
// the bundled packs. Each RE2 has a bounded memory budget (kPatternMaxMem,
// or kStateHungryMaxMem for the few patterns whose DFAs need more): past
// it, RE2 falls back from its DFA to slower, exact matching rather than
// growing.
//
// A pattern may mark the part of its match that a finding covers with a group
// named `match`, e.g. "DOB:? (?P<match>\d\d/\d\d/\d{4})".
#ifndef POSTCHECK_PATTERN_SET_H_
#define POSTCHECK_PATTERN_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "matching/shared_prefilter.h"
#include "matching/vectorscan_prefilter.h"

namespace postcheck {

struct PatternHit {
  uint32_t pattern;  // id returned by Add
  uint32_t begin;    // byte span in the text
  uint32_t end;
};

class PatternSet {
 public:
  // `max_mem`: RE2's memory budget for each regex and fallback set (tests
  // make it small to see a set fail).
  explicit PatternSet(int64_t max_mem = kPatternMaxMem);
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;

  // Adds `pattern` and returns its id, or -1 with *error set when it is
  // empty or not valid RE2. Adding a pattern already added returns the same
  // id: it is compiled and matched once.
  int Add(std::string_view pattern, std::string* error);

  struct CompileError {
    int pattern;          // the pattern's id, or -1 when none can be named
    std::string message;  // e.g. "pattern matches the empty string"
  };

  // Where Add and Compile look for a serialised prefilter: by default the
  // bundled packs' file beside the binary (DefaultPrefilterFile); "" for
  // none. Call before the first Add.
  void set_prefilter_file(std::string path) {
    prefilter_file_ = std::move(path);
    prefilter_file_set_ = true;
    file_looked_up_ = false;
    file_.reset();
  }

  // Builds the prefilter (or loads it, see above), then rejects every pattern that can match the
  // empty string (only the patterns the prefilter reports on a few short
  // probe texts are compiled to check). Call once, after every Add. Returns
  // false with the problems appended to *errors. A set that does not fit in
  // memory is reported against its largest pattern, so that the error can
  // name a file and rule.
  bool Compile(std::vector<CompileError>* errors);

  // Sets *ids to the ids of the patterns that may match somewhere in `text`
  // (valid UTF-8), in increasing order: every pattern that matches, and
  // perhaps some that do not (Find tells). One pass of the prefilter, and one
  // of each fallback set's DFA. Thread-safe after Compile, with no lock.
  void Candidates(std::string_view text, std::vector<uint32_t>* ids) const;

  // Appends every non-overlapping match of pattern `id` in `text` to *hits,
  // in order of position. Thread-safe after Compile.
  void Find(uint32_t id, std::string_view text, std::vector<PatternHit>* hits) const;

  // Drops every pattern's compiled RE2, with the DFA states its searches
  // have built, and hands the freed memory back to the system; each is
  // compiled again when next searched for, and finds exactly what it found
  // before. Thread-safe: a search under way on another thread keeps the RE2
  // it holds until it ends.
  void ReleaseCompiled() const;

  // How far the patterns' RE2s may grow the heap. RE2 builds DFA states
  // for every new text it reads and keeps them, up to each pattern's own
  // budget (gigabytes over the bundled packs in all), so a process reading
  // a large archive, or a server reading new drafts all day, would grow
  // with the variety of what it read. When the heap has grown by more than
  // this since the set was compiled or its compiled patterns were last
  // dropped, they are dropped (ReleaseCompiled): memory stays bounded
  // whatever the volume, at the cost of compiling again (about 80 ms for
  // the 700 patterns a varied text needs) once per budget's worth of
  // growth. The heap is looked at once per kBudgetCheckEvery searches of
  // a thread, so it may overshoot by what those searches build. Growth
  // elsewhere (Hunspell read on first need) counts too, once. 0: no budget.
  static constexpr size_t kDefaultCacheBudget = size_t{64} << 20;
  static constexpr uint32_t kBudgetCheckEvery = 1024;
  // What the heap holds, in bytes: by default HeapInUse; tests give their
  // own. Set both before Compile.
  using HeapMeter = size_t (*)();
  void set_cache_budget(size_t bytes, HeapMeter meter = &HeapInUse) {
    cache_budget_ = bytes;
    heap_meter_ = meter;
  }
  // The bytes allocated and not yet freed, every thread's included: glibc's
  // count (mallinfo2, tens of microseconds), or AddressSanitizer's under it.
  static size_t HeapInUse();
  // How many times the compiled patterns have been dropped.
  uint64_t release_count() const { return release_count_.load(std::memory_order_relaxed); }

  // Writes the compiled prefilter to `path` for set_prefilter_file, keyed by
  // these patterns. After Compile.
  bool WritePrefilter(const std::string& path, std::string* error) const;

  // After Compile: whether a prefilter was loaded from a file, how many
  // patterns were compiled into one at start-up, how many are in the
  // RE2::Set fallback, and in how many sets, and the databases' size.
  bool prefilter_loaded() const { return prefilter_loaded_; }
  size_t compiled_count() const { return compiled_count_; }
  size_t fallback_count() const;
  size_t set_count() const { return sets_.size(); }
  size_t prefilter_size() const;
  // The database loaded from the prefilter file (shared with every other set
  // that loaded the same file), or nullptr when none was loaded.
  const VectorscanPrefilter* file_prefilter() const {
    return prefilter_loaded_ ? prefilters_.front().db.get() : nullptr;
  }

  // RE2's default budget for each pattern's program and DFAs. A cap, not an
  // allocation: a DFA grows only to the states its texts reach.
  static constexpr int64_t kPatternMaxMem = int64_t{2} << 20;
  // The budget, under the default, of a pattern whose DFA needs many or
  // large states (IsStateHungry): a program of thousands of instructions (a
  // long word list) has states of kilobytes, and a long bounded gap
  // ("[^.!?]{0,60}") multiplies them. At 2 MiB such a DFA filled its share
  // and was thrown away every few drafts: a building block over the person
  // nouns cost 3.5 us a draft instead of 0.27 us, a 60-character gap 3.0 us
  // instead of 1.2. Only these get more, so that memory stays bounded by
  // what the few need (issue 19).
  static constexpr int64_t kStateHungryMaxMem = int64_t{8} << 20;
  // Whether `pattern` may have more than kOwnSetProgramSize instructions
  // (RegexSizeBound) or has a bounded repeat of 20 or more ("{0,60}").
  static bool IsStateHungry(std::string_view pattern);

  // A pattern whose RE2 program has more instructions than this gets a set of
  // its own.
  static constexpr size_t kOwnSetProgramSize = 1000;

  size_t size() const { return patterns_.size(); }
  // The id Add gave `pattern`, or -1 if it was never added.
  int IdOf(std::string_view pattern) const {
    auto it = ids_.find(pattern);
    return it == ids_.end() ? -1 : it->second;
  }
  // The text of pattern `id`, as added.
  const std::string& pattern(uint32_t id) const { return patterns_[id]->text; }

 private:
  // A pattern's RE2 and the group a finding covers. Shared: a search holds
  // it while it runs, so that ReleaseCompiled can drop it from under
  // searches on other threads.
  struct CompiledRegex {
    CompiledRegex(const std::string& text, const RE2::Options& options);
    RE2 re;
    int match_group = 0;  // 0: the whole match
  };
  struct Pattern {
    std::string text;
    // Set when added if it may be large, else on first use; dropped by
    // ReleaseCompiled, and then compiled again when next needed.
    mutable std::atomic<std::shared_ptr<const CompiledRegex>> compiled;
    size_t program_size = 0;  // known when added only if it may be large
  };
  struct Set {
    std::unique_ptr<RE2::Set> set;
    std::vector<uint32_t> ids;  // pattern id of each of the set's entries
  };

  // The pattern's RE2, compiled on first use (or again after
  // ReleaseCompiled). Does not fail: the text was parsed when added (or
  // when the build wrote the prefilter file that holds it), and its program
  // is known to fit. Were the RE2 found at run time to refuse a pattern the
  // build's took, its RE2 would report no match, never crash.
  std::shared_ptr<const CompiledRegex> Compiled(uint32_t id) const;
  // Called after each search: now and then, looks at the heap and calls
  // ReleaseCompiled when it has grown by more than cache_budget_ since the
  // compiled patterns were last dropped (or the set compiled).
  void CheckCacheBudget() const;
  // ReleaseCompiled's work, with release_mutex_ held.
  void ReleaseCompiledLocked() const;
  // True if pattern `id` matches the empty string somewhere in `probe`.
  bool MatchesEmpty(uint32_t id, std::string_view probe) const;
  // The set for a pattern of `program_size` instructions (0 if not known to
  // be large): the shared set, made on first use, or a new set of its own.
  size_t SetFor(size_t program_size);
  // options_, or for a state-hungry pattern under the default budget, the
  // same with kStateHungryMaxMem.
  RE2::Options OptionsFor(std::string_view pattern) const;
  // The prefilter file, loaded (or shared) at the first call; nullptr when
  // there is none or it cannot be loaded.
  const LoadedPrefilter* File();
  // Loads the prefilter from prefilter_file_ for the patterns it holds,
  // compiles one for the others, and sets refused_.
  void BuildPrefilters();

  RE2::Options options_;
  std::vector<std::unique_ptr<Pattern>> patterns_;
  std::unordered_map<std::string_view, int> ids_;  // Pattern::text -> id
  std::vector<Set> sets_;                    // the fallback: patterns the prefilter refused
  std::unique_ptr<RE2::Set> parser_;         // parses small patterns as they are added; freed by Compile
  // One database, or two: the file's, and one of the patterns it lacks.
  struct Prefilter {
    std::shared_ptr<const VectorscanPrefilter> db;  // the file's is shared (shared_prefilter.h)
    std::vector<uint32_t> to_id;  // pattern id of each of the database's ids (kNone: not ours)
  };
  static constexpr uint32_t kNone = UINT32_MAX;
  std::vector<Prefilter> prefilters_;
  std::vector<uint32_t> refused_;  // ids no prefilter holds: in sets_
  std::string prefilter_file_;
  bool prefilter_file_set_ = false;
  size_t cache_budget_ = kDefaultCacheBudget;
  HeapMeter heap_meter_ = &HeapInUse;
  mutable std::atomic<size_t> heap_after_release_{0};  // the heap in use when compiled or last released
  mutable std::atomic<uint64_t> release_count_{0};
  mutable std::mutex release_mutex_;  // one release at a time
  std::shared_ptr<const LoadedPrefilter> file_;  // File()'s answer
  bool file_looked_up_ = false;
  bool prefilter_loaded_ = false;
  size_t compiled_count_ = 0;
};

}  // namespace postcheck

#endif  // POSTCHECK_PATTERN_SET_H_
