// Engine::Create: compiling rule packs into the engine's matchers
// (engine_impl.h), as named steps run in order by EngineBuilder.
#include <algorithm>
#include <cmath>
#include <functional>
#include <future>
#include <map>
#include <set>
#include <system_error>
#include <unordered_map>

#include "engine/engine_impl.h"
#include "engine/findings_stage.h"
#include "matching/prefilter_file.h"  // Hash64
#include "matching/word_index_file.h"

namespace postcheck {
namespace {

// URLs, e-mail addresses, handles and hashtags: spelling does not look inside.
constexpr const char* kSpellingSkipPattern =
    R"((?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[@#]\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|gov|police|info|io|co)\b\S*)";

class EngineBuilder {
 public:
  // With `share`, patterns and words are looked up in its sets instead of
  // added to new ones (Engine::CreateSharing).
  EngineBuilder(Engine::Impl* impl, std::vector<Pack>* packs, std::vector<const Rule*>* rules,
                const EngineOptions& options, std::vector<LoadError>* errors, const Engine::Impl* share)
      : impl_(*impl), packs_(*packs), rules_(*rules), options_(options), errors_(errors), share_(share) {
    if (share_) {
      impl_.patterns = share_->patterns;
      impl_.words = share_->words;
      impl_.pattern_owners.resize(share_->patterns->size());
      impl_.names_finders = share_->names_finders;
    }
  }

  // Force-specific entries join every list read from a file of that name.
  void AddExtraLists();
  // Every rule, in pack then file order, and its index by full id.
  void IndexRules();
  // Options that name packs or rules must name real ones.
  void CheckOptionNames();
  // Each rule's enabled state and severity; starts reading the dictionaries
  // the enabled rules need, which overlaps with compiling the patterns.
  void StartDictionaries();
  // Every rule's patterns, words, validators, names finder, conditions and
  // cluster.
  void AddMatchers();
  // The spelling skip pattern, then the pattern set; errors name where each
  // bad pattern was written.
  void CompilePatterns();
  void AddAllowList();
  // A rule after every rule its conditions and its cluster refer to, and
  // which rules are needed (enabled, or named by a needed rule).
  void OrderRules();
  // With a shared engine: whether every pattern was found in its set and
  // the same words were added in the same order.
  void CheckShared();
  // Waits for the dictionaries and gives each spelling rule its own.
  void AttachDictionaries();
  // Each rule's rank in the order, and the self-searching ones.
  void RankRules();
  // The reading of unknown words for the pattern matchers (word_reading.h),
  // over the risk rules' vocabulary.
  void BuildWordReader();

  bool ok() const { return ok_; }

 private:
  void Fail(const SourceMark& mark, const std::string& rule, const std::string& message) {
    errors_->push_back({mark, rule, message});
    ok_ = false;
  }
  void AddPattern(const Located& p, const Owner& owner, const std::string& rule_id);
  void AddWord(const std::string& w, bool match_case, const Owner& owner, const Rule& rule);
  void AddSlots(uint32_t r, const std::vector<Context>& contexts, std::vector<uint32_t>* out);
  // The bundled packs' word index file (word_index_file.h), read on a
  // thread of its own while AddMatchers lists the words and works out their
  // key: the file's key and index, or no index.
  using WordIndexRead = std::pair<uint64_t, std::shared_ptr<WordIndex>>;
  std::future<WordIndexRead> StartReadingWordIndex() const;
  // The word index, once AddMatchers has listed every word (while the
  // names finders are made on other threads): the one `read` holds when it
  // was written for exactly those words, else built.
  void BuildWordIndex(std::future<WordIndexRead>* read);
  // How many phrases the index will be asked to add, to size it once.
  size_t CountWords() const;

  Engine::Impl& impl_;
  std::vector<Pack>& packs_;
  std::vector<const Rule*>& rules_;
  const EngineOptions& options_;
  std::vector<LoadError>* errors_;
  const Engine::Impl* share_;
  bool share_missed_ = false;  // a pattern not in share_'s set
  bool ok_ = true;
  // The words for the index, in order, added by BuildWordIndex unless its
  // file is read instead.
  struct PendingWord {
    const std::string* phrase;  // in a rule of packs_
    WordOptions options;
    uint32_t id;
    const Rule* rule;
  };
  std::vector<PendingWord> pending_words_;
  std::unordered_map<std::string, uint32_t> index_;  // full rule id -> index in rules_
  std::map<std::string, std::future<std::pair<std::unique_ptr<SpellChecker>, std::string>>> loading_;
  // Where each pattern was first written, for errors found when compiling.
  struct PatternOrigin {
    const Located* pattern;
    const std::string* rule_id;
  };
  std::vector<PatternOrigin> pattern_origins_;
};

void EngineBuilder::AddExtraLists() {
  impl_.extra_lists = options_.extra_lists;
  if (share_) return;  // the shared packs have them already
  for (const auto& [list, entries] : options_.extra_lists) {
    bool used = false;
    auto has = [&, &list = list](const std::vector<std::string>& lists) {
      return std::find(lists.begin(), lists.end(), list) != lists.end();
    };
    for (Pack& pack : packs_) {
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
    if (!used) Fail({}, "", "unknown list '" + list + "' (lists are named after the word files in dictionaries/)");
  }
}

void EngineBuilder::IndexRules() {
  for (const Pack& pack : packs_) {
    for (const Rule& rule : pack.rules) {
      index_[rule.full_id] = static_cast<uint32_t>(rules_.size());
      rules_.push_back(&rule);
    }
  }
  impl_.rules = &rules_;
}

void EngineBuilder::CheckOptionNames() {
  std::map<std::string, bool> pack_ids;
  for (const Pack& p : packs_) pack_ids[p.id] = true;
  for (const auto* list : {&options_.only_packs, &options_.disabled_packs}) {
    for (const std::string& p : *list) {
      if (!pack_ids.count(p)) Fail({}, "", "unknown pack '" + p + "'");
    }
  }
  for (const std::string& r : options_.disabled_rules) {
    if (!index_.count(r)) Fail({}, "", "unknown rule '" + r + "'");
  }
  for (const auto& [r, sev] : options_.severity_overrides) {
    if (!index_.count(r)) Fail({}, "", "unknown rule '" + r + "' in severity overrides");
  }
}

void EngineBuilder::StartDictionaries() {
  impl_.compiled.resize(rules_.size());
  std::map<std::string, std::vector<std::string>> accept_by_dictionary;
  for (size_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = *rules_[r];
    CompiledRule& c = impl_.compiled[r];
    c.enabled = RuleEnabled(rule, options_);
    if (rule.length) c.length = &*rule.length;
    if (rule.model) {
      c.model = &*rule.model;
      c.model_label = rule.model->model->LabelIndex(rule.model->label);
      c.model_logit = std::log(rule.model->threshold / (1 - rule.model->threshold));
    }
    auto sev = options_.severity_overrides.find(rule.full_id);
    c.severity = sev != options_.severity_overrides.end() ? sev->second : rule.severity;
    if (rule.spelling && c.enabled) {
      auto& accept = accept_by_dictionary[rule.spelling->dictionary];
      accept.insert(accept.end(), rule.spelling->accept.begin(), rule.spelling->accept.end());
    }
    if (rule.disguises && (c.enabled || !rule.report)) accept_by_dictionary[kDisguiseDictionary];
  }
  std::vector<std::string> dirs = DictionaryDirs(options_);
  for (auto& [dictionary, accept] : accept_by_dictionary) {
    accept.insert(accept.end(), options_.accept_words.begin(), options_.accept_words.end());
    loading_[dictionary] = std::async(std::launch::async, [dictionary = dictionary, accept = accept, dirs] {
      std::string error;
      auto checker = SpellChecker::Open(dictionary, dirs, accept, &error);
      return std::make_pair(std::move(checker), error);
    });
  }
}

void EngineBuilder::AddPattern(const Located& p, const Owner& owner, const std::string& rule_id) {
  std::string error;
  if (share_) {
    const int id = share_->patterns->IdOf(p.text);
    if (id < 0) {
      share_missed_ = true;
    } else {
      impl_.pattern_owners[static_cast<size_t>(id)].push_back(owner);
    }
    return;
  }
  int id = impl_.patterns->Add(p.text, &error);
  if (id < 0) {
    Fail(p.mark, rule_id, error + " in pattern '" + p.text + "'");
    return;
  }
  if (static_cast<size_t>(id) == impl_.pattern_owners.size()) {
    impl_.pattern_owners.emplace_back();
    pattern_origins_.push_back({&p, &rule_id});
  }
  impl_.pattern_owners[static_cast<size_t>(id)].push_back(owner);
}

// Every list matches word forms (but a swap's replacement fits only the word
// as listed); a rule's own list matches disguises if it asks.
void EngineBuilder::AddWord(const std::string& w, bool match_case, const Owner& owner, const Rule& rule) {
  auto id = static_cast<uint32_t>(impl_.word_owners.size());
  WordOptions word_options{match_case, owner.swap < 0, rule.disguises && owner.slot == kMatchSlot};
  impl_.words_key = Hash64(w, impl_.words_key ^ (uint64_t{id} << 3) ^ (uint64_t{word_options.match_case} << 0) ^
                                  (uint64_t{word_options.forms} << 1) ^ (uint64_t{word_options.disguises} << 2));
  // With share_, the word is in share_'s index if its key comes out the
  // same (CheckShared).
  if (!share_) pending_words_.push_back({&w, word_options, id, &rule});
  impl_.word_owners.push_back(owner);
}

void EngineBuilder::BuildWordIndex(std::future<WordIndexRead>* read) {
  if (share_) return;
  if (read->valid()) {
    auto [key, index] = read->get();
    if (index && key == WordIndexFileKey(impl_.words_key)) {
      impl_.words = std::move(index);
      impl_.word_index_read = true;
      return;
    }
  }
  impl_.words->Reserve(CountWords());
  for (const PendingWord& p : pending_words_) {
    if (!impl_.words->Add(*p.phrase, p.options, p.id)) {
      Fail(p.rule->mark, p.rule->id, "word list entry '" + *p.phrase + "' has no word in it");
    }
  }
  impl_.words->DoneAdding();
}

void EngineBuilder::AddSlots(uint32_t r, const std::vector<Context>& contexts, std::vector<uint32_t>* out) {
  const Rule& rule = *rules_[r];
  for (const Context& c : contexts) {
    auto slot = static_cast<int32_t>(impl_.slots.size());
    Slot s{&c, {}};
    for (const std::string& ref : c.rules) s.rule_refs.push_back(index_.at(ref));
    impl_.slots.push_back(std::move(s));
    out->push_back(static_cast<uint32_t>(slot));
    for (const Located& p : c.patterns) AddPattern(p, {r, slot, -1}, rule.id);
    for (const std::string& w : c.words) AddWord(w, c.match_case, {r, slot, -1}, rule);
  }
}

// `make` run on a thread of its own, or here and now (when asked for) when
// no thread can be started.
template <typename Make>
auto StartOnThread(Make make) {
  try {
    return std::async(std::launch::async, make);
  } catch (const std::system_error&) {
    return std::async(std::launch::deferred, make);
  }
}

// A names finder made from `matcher` and its first names on a thread of its
// own (the list of first names is the largest the engine indexes), so that
// it is made while the words are added.
std::future<std::shared_ptr<const NamesFinder>> StartNamesFinder(const NamesMatcher& matcher,
                                                                 std::shared_future<FirstNames> first_names) {
  return StartOnThread([&matcher, first_names] { return std::make_shared<const NamesFinder>(matcher, first_names.get()); });
}

std::future<EngineBuilder::WordIndexRead> EngineBuilder::StartReadingWordIndex() const {
  if (share_ || !options_.read_word_index_file) return {};
  std::string file = DefaultWordIndexFile();
  if (file.empty()) return {};
  return StartOnThread([file = std::move(file)] {
    auto index = std::make_shared<WordIndex>();
    uint64_t key = 0;
    if (ReadWordIndexFile(file, index.get(), &key) != WordIndexFileState::kLoaded) index = nullptr;
    return WordIndexRead{key, std::move(index)};
  });
}

void EngineBuilder::AddMatchers() {
  std::future<WordIndexRead> word_index_read = StartReadingWordIndex();
  // Each distinct names matcher's finder, in the order rules first name it,
  // and each distinct list of first names, made once for the finders that
  // name it.
  std::vector<std::future<std::shared_ptr<const NamesFinder>>> finders;
  std::map<const NamesMatcher::Words*, std::shared_future<FirstNames>> first_names;
  for (uint32_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = *rules_[r];
    CompiledRule& c = impl_.compiled[r];
    for (const Located& p : rule.patterns) AddPattern(p, {r, kMatchSlot, -1}, rule.id);
    for (const std::string& w : rule.words) AddWord(w, rule.match_case, {r, kMatchSlot, -1}, rule);
    for (size_t k = 0; k < rule.swap.size(); ++k) {
      AddWord(rule.swap[k].first, rule.match_case, {r, kMatchSlot, static_cast<int32_t>(k)}, rule);
    }
    for (const std::string& v : rule.validators) {
      if (Validator fn = FindValidator(v)) {
        c.validators.push_back(fn);
      } else {
        Fail(rule.mark, rule.id, "unknown validator '" + v + "'");
      }
    }
    if (rule.names) c.names_alone = rule.names->alone;
    if (rule.names && share_) {
      // The shared engine's own packs, indexed in the same order: its finder
      // for this rule (CheckShared checks that the rule counts match).
      c.names = r < share_->compiled.size() ? share_->compiled[r].names : -1;
      if (c.names < 0 || static_cast<size_t>(c.names) >= impl_.names_finders.size()) {
        Fail(rule.mark, rule.id, "cannot share the names finder");
      }
    } else if (rule.names) {
      auto same = std::find_if(rules_.begin(), rules_.begin() + r,
                               [&](const Rule* other) { return other->names && other->names->SameLists(*rule.names); });
      if (same != rules_.begin() + r) {
        c.names = impl_.compiled[static_cast<size_t>(same - rules_.begin())].names;
      } else {
        c.names = static_cast<int32_t>(finders.size());
        std::shared_future<FirstNames>& names = first_names[rule.names->first_names.get()];
        if (!names.valid()) {
          names = StartOnThread([list = rule.names->first_names] { return MakeFirstNames(*list); }).share();
        }
        finders.push_back(StartNamesFinder(*rule.names, names));
      }
    }
    AddSlots(r, rule.near, &c.near_slots);
    AddSlots(r, rule.unless, &c.unless_slots);
    if (rule.cluster) {
      c.cluster = &*rule.cluster;
      for (const std::string& ref : rule.cluster->rules) c.cluster_refs.push_back(index_.at(ref));
    }
  }
  BuildWordIndex(&word_index_read);
  for (auto& finder : finders) impl_.names_finders.push_back(finder.get());
}

size_t EngineBuilder::CountWords() const {
  size_t words = 0;
  // A word file that several rules name alone ("person-nouns-plural.txt")
  // is counted once: its phrases are one set of entries in the index, and
  // counting them twice can double the tables Reserve sizes.
  std::set<std::pair<std::vector<std::string>, size_t>> counted_lists;
  auto count = [&](const std::vector<std::string>& lists, size_t n) {
    return lists.empty() || counted_lists.emplace(lists, n).second ? n : 0;
  };
  for (const Rule* rule : rules_) {
    words += count(rule->lists, rule->words.size()) + rule->swap.size();
    for (const auto* contexts : {&rule->near, &rule->unless}) {
      for (const Context& c : *contexts) words += count(c.lists, c.words.size());
    }
  }
  return words;
}

void EngineBuilder::CompilePatterns() {
  if (share_) {  // compiled already
    const int skip_id = share_->patterns->IdOf(kSpellingSkipPattern);
    if (skip_id < 0) share_missed_ = true;
    impl_.spelling_skip = static_cast<uint32_t>(std::max(skip_id, 0));
    return;
  }
  std::string skip_error;
  const int skip_id = impl_.patterns->Add(kSpellingSkipPattern, &skip_error);
  if (skip_id < 0) {
    Fail({}, "", "spelling's URL pattern: " + skip_error);
  } else {
    impl_.spelling_skip = static_cast<uint32_t>(skip_id);
    if (impl_.spelling_skip == impl_.pattern_owners.size()) impl_.pattern_owners.emplace_back();  // no rule's
  }
  if (options_.pattern_cache_bytes) impl_.patterns->set_cache_budget(*options_.pattern_cache_bytes);
  std::vector<PatternSet::CompileError> pattern_errors;
  if (!ok_ || impl_.patterns->Compile(&pattern_errors)) return;
  for (const auto& e : pattern_errors) {
    if (e.pattern < 0 || static_cast<size_t>(e.pattern) >= pattern_origins_.size()) {
      Fail({}, "", e.message);
      continue;
    }
    const PatternOrigin& origin = pattern_origins_[static_cast<size_t>(e.pattern)];
    Fail(origin.pattern->mark, *origin.rule_id, e.message + " in pattern '" + origin.pattern->text + "'");
  }
}

void EngineBuilder::CheckShared() {
  if (!share_) return;
  if (share_missed_) Fail({}, "", "cannot share the engine's patterns: it was built from other patterns");
  if (impl_.compiled.size() != share_->compiled.size()) {
    Fail({}, "", "cannot share the engine's rules: it was built from other packs");
  }
  if (impl_.words_key != share_->words_key || impl_.word_owners.size() != share_->word_owners.size()) {
    Fail({}, "", "cannot share the engine's word index: it was built from other word lists");
  }
}

void EngineBuilder::AddAllowList() {
  for (const std::string& a : options_.allow) {
    impl_.allow.Add(a, WordOptions{false, false, false}, 0);
    if (std::string digits = AllowedNumberDigits(a); !digits.empty()) impl_.allow_numbers.push_back(digits);
  }
}

void EngineBuilder::OrderRules() {
  std::vector<int> state(rules_.size(), 0);
  std::function<void(uint32_t)> visit = [&](uint32_t r) {
    if (state[r]) return;
    state[r] = 1;
    for (uint32_t s : impl_.compiled[r].near_slots) for (uint32_t ref : impl_.slots[s].rule_refs) visit(ref);
    for (uint32_t s : impl_.compiled[r].unless_slots) for (uint32_t ref : impl_.slots[s].rule_refs) visit(ref);
    for (uint32_t ref : impl_.compiled[r].cluster_refs) visit(ref);
    impl_.order.push_back(r);
  };
  for (uint32_t r = 0; r < rules_.size(); ++r) visit(r);
  // Referenced rules come first in `order`, so walk it backwards.
  for (auto& c : impl_.compiled) c.needed = c.enabled;
  for (auto it = impl_.order.rbegin(); it != impl_.order.rend(); ++it) {
    const CompiledRule& c = impl_.compiled[*it];
    if (!c.needed) continue;
    for (const auto* slots : {&c.near_slots, &c.unless_slots}) {
      for (uint32_t s : *slots) {
        for (uint32_t ref : impl_.slots[s].rule_refs) impl_.compiled[ref].needed = true;
      }
    }
    for (uint32_t ref : c.cluster_refs) impl_.compiled[ref].needed = true;
  }
}

void EngineBuilder::AttachDictionaries() {
  for (auto& [dictionary, future] : loading_) {
    auto [checker, load_error] = future.get();
    if (!checker) {
      Fail({}, "", load_error);
      continue;
    }
    impl_.spellers[dictionary] = std::move(checker);
  }
  for (uint32_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = *rules_[r];
    if (rule.spelling && impl_.compiled[r].enabled) {
      impl_.compiled[r].speller = impl_.spellers[rule.spelling->dictionary].get();
    }
  }
  if (auto it = impl_.spellers.find(kDisguiseDictionary); it != impl_.spellers.end()) impl_.lexicon = it->second.get();
}

// The categories whose rules' words and patterns make the vocabulary that
// unknown words are read as: the constructions of tone, discrimination, case
// details and impartiality. Not spelling, jargon, platform or personal data
// (a name or a number is no misspelt risk word).
bool ReadsUnknownWords(const std::string& category) {
  return category == "tone" || category == "discrimination" || category == "case-details" ||
         category == "impartiality";
}

void EngineBuilder::BuildWordReader() {
  if (!impl_.lexicon) return;
  if (share_ && share_->reader) {
    impl_.reader = share_->reader;
    return;
  }
  auto reader = std::make_shared<WordReader>();
  // Collected when a first draft has a word to read (the rules live as long
  // as the engine and any engine sharing the reader).
  reader->SetFill([rules = rules_](WordReader* reader) {
    auto add_pattern = [&](const Located& p, bool exception) {
      ForEachPatternWord(p.text, [&](std::string_view w) { reader->AddPhrase(w, /*listed=*/false, exception); });
    };
    auto add_context = [&](const Context& c, bool exception) {
      for (const std::string& w : c.words) reader->AddPhrase(w, /*listed=*/true, exception);
      for (const Located& p : c.patterns) add_pattern(p, exception);
    };
    for (const Rule* rule : rules) {
      if (rule->disguises) {
        for (const std::string& w : rule->words) reader->AddDisguised(w);
      }
      for (const std::string& w : rule->words) reader->AddListed(w);
      for (const auto& [term, replacement] : rule->swap) reader->AddListed(term);
      for (const auto* contexts : {&rule->near, &rule->unless}) {
        for (const Context& c : *contexts) {
          for (const std::string& w : c.words) reader->AddListed(w);
        }
      }
    }
    for (const Rule* rule : rules) {
      if (!ReadsUnknownWords(rule->category)) continue;
      for (const std::string& w : rule->words) reader->AddPhrase(w);
      for (const Located& p : rule->patterns) add_pattern(p, /*exception=*/false);
      for (const Context& c : rule->near) add_context(c, /*exception=*/false);
      for (const Context& c : rule->unless) add_context(c, /*exception=*/true);
    }
  });
  impl_.reader = std::move(reader);
}

void EngineBuilder::RankRules() {
  impl_.rank.resize(rules_.size());
  impl_.self_searching.assign((rules_.size() + 63) / 64, 0);
  for (uint32_t k = 0; k < impl_.order.size(); ++k) {
    const uint32_t r = impl_.order[k];
    impl_.rank[r] = k;
    if (impl_.compiled[r].SelfSearching()) impl_.self_searching[k / 64] |= uint64_t{1} << (k % 64);
  }
}

}  // namespace

namespace {

std::unique_ptr<Engine> Build(std::unique_ptr<Engine> engine, Engine::Impl* impl, std::vector<Pack>* packs,
                              std::vector<const Rule*>* rules, const EngineOptions& options,
                              std::vector<LoadError>* errors, const Engine::Impl* share) {
  EngineBuilder build(impl, packs, rules, options, errors, share);
  build.AddExtraLists();
  build.IndexRules();
  build.CheckOptionNames();
  build.StartDictionaries();
  build.AddMatchers();
  build.CompilePatterns();
  build.CheckShared();
  build.AddAllowList();
  build.OrderRules();
  build.AttachDictionaries();
  build.RankRules();
  build.BuildWordReader();
  if (!build.ok()) return nullptr;
  return engine;
}

}  // namespace

std::unique_ptr<Engine> Engine::Create(std::vector<Pack> packs, const EngineOptions& options,
                                       std::vector<LoadError>* errors) {
  if (!CheckPacks(packs, errors)) return nullptr;
  std::unique_ptr<Engine> engine(new Engine(std::make_unique<Impl>()));
  engine->packs_ = std::make_shared<std::vector<Pack>>(std::move(packs));
  Impl* impl = engine->impl_.get();
  std::vector<Pack>* own_packs = engine->packs_.get();
  std::vector<const Rule*>* rules = &engine->rules_;
  return Build(std::move(engine), impl, own_packs, rules, options, errors, nullptr);
}

std::unique_ptr<Engine> Engine::CreateSharing(const Engine& share, const EngineOptions& options,
                                              std::vector<LoadError>* errors) {
  if (options.extra_lists != share.impl_->extra_lists) {
    LoadError error;
    error.message = "cannot share the engine: it was built with other extra lists";
    errors->push_back(std::move(error));
    return nullptr;
  }
  std::unique_ptr<Engine> engine(new Engine(std::make_unique<Impl>()));
  engine->packs_ = share.packs_;  // as loaded and checked, the extra lists already in
  Impl* impl = engine->impl_.get();
  std::vector<Pack>* own_packs = engine->packs_.get();
  std::vector<const Rule*>* rules = &engine->rules_;
  return Build(std::move(engine), impl, own_packs, rules, options, errors, share.impl_.get());
}

}  // namespace postcheck
