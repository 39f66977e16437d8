// Compiles rule packs into one matcher and lints drafts with it.
//
// All patterns of all rules go into one PatternSet and all words into one
// WordIndex, so a draft is scanned once whatever the number of rules. An
// Engine is immutable after Create and Lint may be called from many threads.
#ifndef POSTCHECK_ENGINE_H_
#define POSTCHECK_ENGINE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "rules/rule.h"
#include "rules/rule_loader.h"

namespace postcheck {

class PatternSet;

struct EngineOptions {
  std::vector<std::string> only_packs;      // report only these packs (empty: all)
  std::vector<std::string> disabled_rules;  // full rule ids not reported
  std::vector<std::string> disabled_packs;  // packs not reported
  std::map<std::string, Severity> severity_overrides;  // full rule id -> severity
  std::vector<std::string> allow;           // phrases and numbers never flagged
  std::vector<std::string> accept_words;    // extra words the spell checker accepts
  std::vector<std::string> dictionary_dirs; // Hunspell search path (empty: Debian's)
  std::string platform;                     // enables the rules for this platform
  // Entries added to every word list read from a file of this stem (e.g.
  // "impartiality-politicians"): force-specific lists from the config.
  std::map<std::string, std::vector<std::string>> extra_lists;
  // How far the compiled patterns may grow the heap before they are dropped
  // and compiled again (PatternSet::set_cache_budget; 0: no limit); unset:
  // PatternSet::kDefaultCacheBudget. Changes memory and time, never
  // findings. An engine made by CreateSharing keeps the one it shares.
  std::optional<size_t> pattern_cache_bytes;
  // Whether the word index may be read from the bundled packs' file
  // (word_index_file.h) when it was written for exactly these words; false
  // builds it (the same index, more slowly). Never changes findings.
  bool read_word_index_file = true;
};

// Whether findings of `rule` are reported under `options`: a reported rule,
// of the platform asked for (if it names one), in a pack not left out, and
// not disabled. Engine::Create and anyone preparing for it (the CLI reading a
// dictionary ahead) use this one test.
bool RuleEnabled(const Rule& rule, const EngineOptions& options);

// The Hunspell dictionary that tells a disguised word from a real one for
// rules with `disguises` (word_index.h); read when such a rule is enabled.
inline constexpr const char* kDisguiseDictionary = "en_GB";

// The directories Hunspell dictionaries are looked for in under `options`.
std::vector<std::string> DictionaryDirs(const EngineOptions& options);

// The spans a rule matched in one draft, before allowlists and severities.
struct RuleSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  int32_t swap = -1;  // index into rule.swap for swap matches
};

class Engine {
 public:
  // Compiles `packs` (already checked with CheckPacks). Returns nullptr and
  // appends errors (bad regex, unknown pack or rule named in the options,
  // missing dictionary) when it cannot.
  static std::unique_ptr<Engine> Create(std::vector<Pack> packs, const EngineOptions& options,
                                        std::vector<LoadError>* errors);
  // The engine Create(share.packs() as loaded, options) would make, sharing
  // `share`'s packs, compiled patterns and word index (the bulk of an
  // engine's memory, and its RE2 caches) instead of building its own: for
  // engines of the same packs under other options, such as the service's
  // one per platform. `options.extra_lists` must be those `share` was
  // built with. Lints exactly as that Create would. Returns nullptr, with
  // an error appended, when the extra lists differ or its patterns or words
  // would not be share's: then use Create.
  static std::unique_ptr<Engine> CreateSharing(const Engine& share, const EngineOptions& options,
                                               std::vector<LoadError>* errors);
  ~Engine();

  // Lints valid UTF-8 `text` and returns the findings of every enabled,
  // reported rule, ordered by offset, then rule id.
  std::vector<Finding> Lint(std::string_view text) const;

  // The spans every rule (enabled or not, reported or not) matched in `text`,
  // indexed like rules(). Used by the rule self-tests.
  std::vector<std::vector<RuleSpan>> MatchAll(std::string_view text) const;

  // Every loaded rule, in pack then file order.
  const std::vector<const Rule*>& rules() const { return rules_; }
  const std::vector<Pack>& packs() const { return *packs_; }
  const Rule* FindRule(std::string_view full_id) const;
  // Whether findings of `rule` are reported under the options.
  bool IsEnabled(const Rule& rule) const;
  // Every pattern of every rule, compiled: for the build's tool that
  // serialises the bundled packs' prefilter (tools/write_prefilter.cc).
  const PatternSet& pattern_set() const;
  // Whether the word index was read from its file (word_index_file.h)
  // rather than built; and writing it there, for the same tool.
  bool word_index_read() const;
  bool WriteWordIndex(const std::string& path, std::string* error) const;

  // The compiled rules (engine_impl.h). Named here only so that the
  // engine's own stages can take it; nothing else can see inside.
  struct Impl;

 private:
  explicit Engine(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
  // Owned here (and by the engines CreateSharing made from this one) so
  // Rule pointers stay valid; not changed after Create.
  std::shared_ptr<std::vector<Pack>> packs_;
  std::vector<const Rule*> rules_;
};

}  // namespace postcheck

#endif  // POSTCHECK_ENGINE_H_
