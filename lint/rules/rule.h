// The in-memory form of a rule pack: plain data, filled by the rule loader
// (rule_loader.h) and compiled by the engine (engine.h). Nothing here matches.
#ifndef POSTCHECK_RULE_H_
#define POSTCHECK_RULE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "matching/loose_post_model.h"
#include "rules/platform.h"

namespace postcheck {

enum class Severity { kSuggestion = 0, kWarning = 1, kError = 2 };

// "error", "warning", "suggestion"; ParseSeverity returns nullopt otherwise.
std::string_view SeverityName(Severity severity);
std::optional<Severity> ParseSeverity(std::string_view name);

// The closed set of categories a rule may belong to.
const std::vector<std::string>& KnownCategories();
bool IsKnownCategory(std::string_view category);

// Where something came from in a YAML file (1-based line and column).
struct SourceMark {
  std::string file;
  int line = 0;
  int column = 0;
  bool operator==(const SourceMark&) const = default;
};

// A string from a rule file with the place it was written, so that errors
// found later (a bad regex) can point at it.
struct Located {
  std::string text;
  SourceMark mark;
  bool operator==(const Located&) const = default;
};

// A context condition: other words, patterns or rules' findings near a hit
// (`near`: all must hold) or cancelling it (`unless`: any cancels).
struct Context {
  enum class Scope {
    kPost,      // anywhere in the draft (the default)
    kSentence,  // in the same sentence as the hit
    kWords,     // within `within` words of the hit
    kOverlap,   // overlapping the hit itself (`within: 0`)
  };
  std::vector<std::string> words;     // phrases, case-insensitive unless match_case
  std::vector<Located> patterns;      // RE2
  std::vector<std::string> rules;     // full rule ids ("pack.id"); their findings count
  Scope scope = Scope::kPost;
  int within = 0;
  bool match_case = false;
  std::vector<std::string> lists;     // stems of the words_files, for config `lists`
  SourceMark mark;
  bool operator==(const Context&) const = default;
};

// A `flag` or `pass` example. For `flag`, `match` (optional) is the exact text
// the finding must cover.
struct Example {
  std::string text;
  std::string match;
  SourceMark mark;
  bool operator==(const Example&) const = default;
};

// The `names` matcher: people's names, by title + Surname or by a known first
// name + Surname.
// The first-name list runs to tens of thousands of names, so rules that name
// the same file share one copy of it.
struct NamesMatcher {
  using Words = std::vector<std::string>;
  std::vector<std::string> titles;       // e.g. Mr, Mrs, Dr
  std::shared_ptr<const Words> first_names = std::make_shared<const Words>();  // from first_names_file; never null
  std::vector<std::string> not_surnames; // capitalised words that end a name (Road, Police)
  bool alone = false;  // a known first name on its own is a name too ("Jenny who rings")
  std::vector<std::string> not_alone;    // first names that alone are a place, faith or brand (Paris, Islam)
  std::vector<std::string> towns;        // towns that read as a name, never one (Milton Keynes)
  std::vector<std::string> places;       // villages that read as a name, a place in context (in Harold Wood)

  // The same lists, whether shared or not: one finder serves both.
  bool SameLists(const NamesMatcher& other) const {
    return titles == other.titles && not_surnames == other.not_surnames && not_alone == other.not_alone &&
           towns == other.towns && places == other.places &&
           (first_names == other.first_names || *first_names == *other.first_names);
  }
  bool operator==(const NamesMatcher& other) const { return SameLists(other) && alone == other.alone; }
};

// The `spelling` matcher: Hunspell with extra accepted words.
struct SpellingMatcher {
  std::string dictionary = "en_GB";   // Hunspell dictionary name
  std::vector<std::string> accept;    // extra words (from `accept` and `accept_files`)
  bool operator==(const SpellingMatcher&) const = default;
};

// The `length` matcher: the post is longer than a platform allows.
struct LengthMatcher {
  LengthMeasure measure = LengthMeasure::kCharacters;
  size_t limit = 0;
  bool operator==(const LengthMatcher&) const = default;
};

// The `cluster` matcher: findings of other rules close together. A run of
// them, each within `within` words of the one before, with at least `min` in
// it, is one hit from the first to the last. With `min` 1, every finding of
// those rules is one (touching ones merged).
struct ClusterMatcher {
  std::vector<std::string> rules;  // full rule ids ("pack.id")
  int min = 0;
  int within = 0;
  SourceMark mark;
  bool operator==(const ClusterMatcher&) const = default;
};

// The `model` matcher: the loose-post model (loose_post_model.h) scores the
// whole post for `label`; a post whose log-odds reach those of `threshold`
// is one hit, its strongest sentence. Rules that name the same file share
// one copy of the model.
struct ModelMatcher {
  std::shared_ptr<const LoosePostModel> model;  // never null
  std::string label;                            // one of model->labels()
  double threshold = 0.5;                       // a probability, above 0 and below 1
  SourceMark mark;
  bool operator==(const ModelMatcher& other) const {
    return label == other.label && threshold == other.threshold && mark == other.mark &&
           (model == other.model || *model == *other.model);
  }
};

struct Rule {
  std::string pack;        // pack id
  std::string id;          // rule id within the pack
  std::string full_id;     // "pack.id", what findings report
  std::string category;
  Severity severity = Severity::kWarning;
  bool report = true;      // false: a building block other rules refer to
  std::string message;     // may contain {match} and {replacement}
  std::string why;
  std::string suggest;     // may contain {match} and {replacement}; empty if none
  std::string replace;     // text --fix puts in place of the match; empty if none

  // Matchers: a rule has at least one.
  std::vector<Located> patterns;                              // RE2
  std::vector<std::string> words;                             // phrases
  std::vector<std::pair<std::string, std::string>> swap;      // term -> replacement
  std::optional<NamesMatcher> names;
  std::optional<SpellingMatcher> spelling;
  std::optional<LengthMatcher> length;
  std::optional<ClusterMatcher> cluster;
  std::optional<ModelMatcher> model;
  bool match_case = false;  // for words and swap
  // Words and words_file also match disguised: masked (`c***`, `f#ck`), inside
  // compounds and hashtags (`fuckface`, `#fuckthepolice`) and misspelt by one
  // edit (`fcuk`). For strong terms (profanity, slurs) whose disguises are
  // never innocent; other lists see only case, look-alikes, leetspeak,
  // repeats, letter-spacing and word forms.
  bool disguises = false;
  std::string platform;     // checked only with --platform of this name
  std::vector<std::string> lists;  // stems of words_file/accept_files, for config `lists`

  std::vector<std::string> validators;  // names from validators.h; all must accept
  std::vector<Context> near;
  std::vector<Context> unless;
  std::vector<Example> flag;
  std::vector<Example> pass;

  SourceMark mark;  // where the rule starts
  bool operator==(const Rule&) const = default;
};

struct Pack {
  std::string id;
  std::string description;
  std::string file;
  std::vector<Rule> rules;
  bool operator==(const Pack&) const = default;
};

}  // namespace postcheck

#endif  // POSTCHECK_RULE_H_
