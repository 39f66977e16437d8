#include "rules/rule_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>

#include "rules/example_blocks.h"
#include "rules/pack_files.h"
#include "rules/pattern_lists.h"
#include "rules/settings_file.h"
#include "text/utf8.h"
#include "matching/validators.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

// Prose fields written as folded or literal block scalars (>, |) end with a
// line break that is not part of the text.
void TrimEnd(std::string* s) {
  while (!s->empty() && (s->back() == '\n' || s->back() == ' ')) s->pop_back();
}

std::string JoinKeys(std::initializer_list<const char*> keys) {
  std::string out;
  for (const char* k : keys) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

// The longest example `repeat` may make: far beyond any platform's limit.
constexpr size_t kMaxExampleBytes = 1 << 20;

// The word lists read so far during one load, by path: a list named by
// several rules or packs is read once and held once (a names matcher keeps
// the cached list itself). Shared by the threads that parse the files of a
// directory; thread-safe.
class WordListCache {
 public:
  using List = std::shared_ptr<const std::vector<std::string>>;
  // The list at `path`, read on first use; nullptr when it cannot be read.
  // A thread asking while another reads the same list waits for it.
  List Get(const std::string& path) {
    std::shared_ptr<Entry> entry = EntryFor(lists_, path);
    std::call_once(entry->read, [&] {
      std::vector<std::string> words;
      if (ReadWordList(path, &words)) entry->list = std::make_shared<const std::vector<std::string>>(std::move(words));
    });
    return entry->list;
  }

  // The loose-post model at `path` (loose_post_model.h), read on first use
  // like a list; nullptr, with *error saying why, when it cannot be read or
  // parsed.
  using Model = std::shared_ptr<const LoosePostModel>;
  Model GetModel(const std::string& path, std::string* error) {
    std::shared_ptr<ModelEntry> entry = EntryFor(models_, path);
    std::call_once(entry->read, [&] {
      std::string text;
      if (!ReadSettingsFile(path, &text, &entry->error)) return;
      entry->model = LoosePostModel::Parse(text, &entry->error);
    });
    if (!entry->model) *error = entry->error;
    return entry->model;
  }

  // The paths of the lists and models read so far, sorted.
  std::vector<std::string> Paths() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::string> paths;
    for (const auto& [path, entry] : lists_) paths.push_back(path);
    for (const auto& [path, entry] : models_) paths.push_back(path);
    std::sort(paths.begin(), paths.end());
    return paths;
  }

 private:
  struct Entry {
    std::once_flag read;
    List list;
  };
  struct ModelEntry {
    std::once_flag read;
    Model model;
    std::string error;
  };
  // The entry for `path` in `entries`, made (empty) on the first ask.
  template <typename E>
  std::shared_ptr<E> EntryFor(std::map<std::string, std::shared_ptr<E>>& entries, const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::shared_ptr<E>& slot = entries[path];
    if (!slot) slot = std::make_shared<E>();
    return slot;
  }

  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> lists_;
  std::map<std::string, std::shared_ptr<ModelEntry>> models_;
};

// The whole of a file, or false if it cannot be read.
bool ReadText(const std::string& path, std::string* out, std::string* reason) {
  return ReadSettingsFile(path, out, reason);
}

// Reads one pack file, reporting every schema mistake it finds.
class PackReader {
 public:
  PackReader(std::string file, std::vector<LoadError>* errors, WordListCache* lists, const LoadOptions& options)
      : file_(std::move(file)),
        dir_(fs::path(file_).parent_path().string()),
        tree_(dir_),
        errors_(errors),
        lists_(lists),
        options_(options) {}

  // Reads the file, then parses it.
  bool Read(std::vector<Pack>* packs);
  // Parses `content`, the text of the file.
  bool Parse(const std::string& content, std::vector<Pack>* packs);

 private:
  SourceMark MarkOf(const YAML::Node& node) const {
    SourceMark mark;
    mark.file = file_;
    if (node.IsDefined() && node.Mark().line >= 0) {
      mark.line = node.Mark().line + 1;
      mark.column = node.Mark().column + 1;
    }
    return mark;
  }
  void Error(const SourceMark& mark, std::string message) {
    errors_->push_back({mark, rule_id_, std::move(message)});
    ok_ = false;
  }
  void Error(const YAML::Node& node, std::string message) { Error(MarkOf(node), std::move(message)); }

  // Checks that `node` is a mapping whose keys are all in `allowed`, with no
  // key given twice. Returns false if it is not a mapping.
  bool CheckMap(const YAML::Node& node, const std::string& what,
                std::initializer_list<const char*> allowed);
  bool ReadString(const YAML::Node& node, const std::string& key, std::string* out);
  bool ReadBool(const YAML::Node& node, const std::string& key, bool* out);
  // A list of strings; with `allow_scalar`, a single string is a list of one.
  bool ReadStrings(const YAML::Node& node, const std::string& key, bool allow_scalar,
                   std::vector<std::string>* out);
  bool ReadPatterns(const YAML::Node& node, const std::string& key, std::vector<Located>* out);
  // The pack's `word_lists` (name -> file), which its patterns name as
  // {list:NAME} (pattern_lists.h).
  void ReadPatternLists(const YAML::Node& node);
  // The word file `file` (relative to the pack), read once per load; nullptr,
  // with an error at `node` that calls it `what`, when it lies outside the
  // pack's tree or cannot be read.
  WordListCache::List ReadListFile(const YAML::Node& node, const std::string& what, const std::string& file);
  // Appends the words of the files named by `node` to `out`. With
  // `shared_out`, the words go there instead: a single file's cached list
  // itself, several files' words in one new list (`out` is then scratch).
  void ReadWordFiles(const YAML::Node& node, const std::string& key, std::vector<std::string>* out,
                     std::vector<std::string>* lists,
                     std::shared_ptr<const std::vector<std::string>>* shared_out = nullptr);
  void ReadContext(const YAML::Node& node, const std::string& key, std::vector<Context>* out);
  void ReadOneContext(const YAML::Node& node, const std::string& key, Context* out);
  void ReadExamples(const YAML::Node& node, Rule* rule);
  void ReadExampleList(const YAML::Node& node, const std::string& key, bool is_flag,
                       std::vector<Example>* out);
  void ReadNames(const YAML::Node& node, Rule* rule);
  void ReadSpelling(const YAML::Node& node, Rule* rule);
  void ReadLength(const YAML::Node& node, Rule* rule);
  void ReadCluster(const YAML::Node& node, Rule* rule);
  void ReadModel(const YAML::Node& node, Rule* rule);
  void ReadRule(const YAML::Node& node, const Pack& pack, const std::string& default_category,
                Rule* rule);

  std::string file_;
  std::string dir_;
  PackTree tree_;  // where dir_'s packs may keep word files
  std::vector<LoadError>* errors_;
  WordListCache* lists_;
  const LoadOptions& options_;
  std::map<std::string, WordListCache::List, std::less<>> pattern_lists_;  // ReadPatternLists
  std::string rule_id_;
  bool ok_ = true;
};

bool PackReader::CheckMap(const YAML::Node& node, const std::string& what,
                          std::initializer_list<const char*> allowed) {
  if (!node.IsMap()) {
    Error(node, what + " must be a mapping");
    return false;
  }
  // Inside a named rule the error already says "rule 'id'".
  const std::string prefix = what == "rule" && !rule_id_.empty() ? "" : what + ": ";
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      Error(it->first, prefix + "keys must be strings");
      continue;
    }
    std::string key = it->first.Scalar();
    if (!seen.insert(key).second) Error(it->first, prefix + "key '" + key + "' given twice");
    bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; });
    if (!known) {
      Error(it->first, prefix + "unknown key '" + key + "' (allowed: " + JoinKeys(allowed) + ")");
    }
  }
  return true;
}

bool PackReader::ReadString(const YAML::Node& node, const std::string& key, std::string* out) {
  if (!node.IsScalar()) {
    Error(node, "'" + key + "' must be a string");
    return false;
  }
  *out = node.Scalar();
  return true;
}

bool PackReader::ReadBool(const YAML::Node& node, const std::string& key, bool* out) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "true") return *out = true, true;
    if (s == "false") return *out = false, true;
  }
  Error(node, "'" + key + "' must be true or false");
  return false;
}

bool PackReader::ReadStrings(const YAML::Node& node, const std::string& key, bool allow_scalar,
                             std::vector<std::string>* out) {
  if (allow_scalar && node.IsScalar()) {
    out->push_back(node.Scalar());
    return true;
  }
  if (!node.IsSequence()) {
    Error(node, "'" + key + "' must be a list of strings");
    return false;
  }
  bool ok = true;
  for (const YAML::Node& item : node) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      Error(item, "'" + key + "' entries must be non-empty strings");
      ok = false;
      continue;
    }
    out->push_back(item.Scalar());
  }
  return ok;
}

bool PackReader::ReadPatterns(const YAML::Node& node, const std::string& key, std::vector<Located>* out) {
  if (!node.IsSequence()) {
    Error(node, "'" + key + "' must be a list of regular expressions");
    return false;
  }
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) {
      Error(item, "'" + key + "' entries must be strings");
      continue;
    }
    std::string expanded, error;
    auto lookup = [&](std::string_view name) -> const std::vector<std::string>* {
      auto it = pattern_lists_.find(name);
      return it == pattern_lists_.end() ? nullptr : it->second.get();
    };
    if (!ExpandPatternLists(item.Scalar(), lookup, &expanded, &error)) {
      Error(item, error);
      expanded = item.Scalar();  // kept, so that the rule is not also said to have no matcher
    }
    out->push_back({std::move(expanded), MarkOf(item)});
  }
  return true;
}

void PackReader::ReadPatternLists(const YAML::Node& node) {
  if (!node.IsMap()) {
    Error(node, "'word_lists' must be a mapping of names to word files");
    return;
  }
  for (const auto& entry : node) {
    const std::string name = entry.first.Scalar();
    if (!IsListName(name)) {
      Error(entry.first, "word list name '" + name + "' must be letters, digits, '-' or '_'");
      continue;
    }
    if (pattern_lists_.count(name) > 0) {
      Error(entry.first, "word list '" + name + "' is given twice");
      continue;
    }
    if (!entry.second.IsScalar() || entry.second.Scalar().empty()) {
      Error(entry.second, "word_lists '" + name + "' must name a word file");
      continue;
    }
    if (WordListCache::List list = ReadListFile(entry.second, "word_lists '" + name + "'", entry.second.Scalar())) {
      pattern_lists_[name] = std::move(list);
    }
  }
}

WordListCache::List PackReader::ReadListFile(const YAML::Node& node, const std::string& what,
                                             const std::string& file) {
  const fs::path path = fs::path(dir_) / file;
  if (std::string outside = tree_.Outside(path); !outside.empty()) {
    Error(node, what + " '" + file + "' " + outside);
    return nullptr;
  }
  WordListCache::List list = lists_->Get(path.string());
  if (!list) Error(node, "cannot read " + what + " '" + path.string() + "'");
  return list;
}

void PackReader::ReadWordFiles(const YAML::Node& node, const std::string& key, std::vector<std::string>* out,
                               std::vector<std::string>* lists,
                               std::shared_ptr<const std::vector<std::string>>* shared_out) {
  std::vector<std::string> files;
  if (!ReadStrings(node, key, /*allow_scalar=*/true, &files)) return;
  for (const std::string& f : files) {
    WordListCache::List list = ReadListFile(node, key, f);
    if (!list) continue;
    if (lists) lists->push_back(fs::path(f).stem().string());
    if (shared_out && files.size() == 1) {
      *shared_out = list;
      continue;
    }
    out->insert(out->end(), list->begin(), list->end());
  }
  if (shared_out && !out->empty()) *shared_out = std::make_shared<const std::vector<std::string>>(std::move(*out));
}

void PackReader::ReadOneContext(const YAML::Node& node, const std::string& key, Context* out) {
  out->mark = MarkOf(node);
  if (!CheckMap(node, "'" + key + "'",
                {"words", "words_file", "patterns", "rules", "within", "match_case"})) {
    return;
  }
  if (node["words"]) ReadStrings(node["words"], "words", false, &out->words);
  if (node["words_file"]) ReadWordFiles(node["words_file"], "words_file", &out->words, &out->lists);
  if (node["patterns"]) ReadPatterns(node["patterns"], "patterns", &out->patterns);
  if (node["rules"]) ReadStrings(node["rules"], "rules", false, &out->rules);
  if (node["match_case"]) ReadBool(node["match_case"], "match_case", &out->match_case);
  if (out->words.empty() && out->patterns.empty() && out->rules.empty()) {
    Error(node, "'" + key + "' needs words, words_file, patterns or rules");
  }
  if (YAML::Node within = node["within"]) {
    const std::string s = within.IsScalar() ? within.Scalar() : "";
    if (s == "post") {
      out->scope = Context::Scope::kPost;
    } else if (s == "sentence") {
      out->scope = Context::Scope::kSentence;
    } else {
      int n = -1;
      if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); }) &&
          s.size() < 6) {
        n = std::stoi(s);
      }
      if (n < 0) {
        Error(within, "'within' must be a number of words, 'sentence' or 'post'");
      } else {
        out->within = n;
        out->scope = n == 0 ? Context::Scope::kOverlap : Context::Scope::kWords;
      }
    }
  }
}

void PackReader::ReadContext(const YAML::Node& node, const std::string& key, std::vector<Context>* out) {
  if (node.IsSequence()) {
    if (node.size() == 0) Error(node, "'" + key + "' must not be empty");
    for (const YAML::Node& item : node) {
      out->emplace_back();
      ReadOneContext(item, key, &out->back());
    }
  } else {
    out->emplace_back();
    ReadOneContext(node, key, &out->back());
  }
}

void PackReader::ReadExampleList(const YAML::Node& node, const std::string& key, bool is_flag,
                                 std::vector<Example>* out) {
  if (!node.IsSequence()) {
    Error(node, "'" + key + "' must be a list of examples");
    return;
  }
  for (const YAML::Node& item : node) {
    Example ex;
    ex.mark = MarkOf(item);
    if (item.IsScalar()) {
      ex.text = item.Scalar();
    } else if (item.IsMap()) {
      if (!CheckMap(item, "example", {"text", "match", "repeat"})) continue;
      if (!item["text"]) {
        Error(item, "example needs 'text'");
        continue;
      }
      ReadString(item["text"], "text", &ex.text);
      if (item["match"]) {
        if (!is_flag) Error(item["match"], "'match' is only for flag examples");
        ReadString(item["match"], "match", &ex.match);
      }
      if (const YAML::Node& repeat = item["repeat"]) {
        // Long examples (platform limits) are written as a text repeated N times.
        const std::string n = repeat.IsScalar() ? repeat.Scalar() : "";
        if (n.empty() || n.size() > 6 || !std::all_of(n.begin(), n.end(), [](char c) { return IsAsciiDigit(c); }) ||
            std::stoul(n) == 0) {
          Error(repeat, "'repeat' must be a whole number from 1 to 999999");
        } else if (const unsigned long times = std::stoul(n); ex.text.size() * times > kMaxExampleBytes) {
          Error(repeat, "'repeat' makes an example of " + std::to_string(ex.text.size() * times) +
                            " bytes, more than the limit of " + std::to_string(kMaxExampleBytes));
        } else {
          std::string once = ex.text;
          ex.text.reserve(once.size() * times);
          for (unsigned long k = 1; k < times; ++k) ex.text += once;
        }
      }
    } else {
      Error(item, "an example must be a string or a mapping with 'text'");
      continue;
    }
    if (ex.text.empty()) Error(item, "an example must not be empty");
    out->push_back(std::move(ex));
  }
}

void PackReader::ReadExamples(const YAML::Node& node, Rule* rule) {
  if (!CheckMap(node, "'examples'", {"flag", "pass"})) return;
  if (node["flag"]) ReadExampleList(node["flag"], "flag", true, &rule->flag);
  if (node["pass"]) ReadExampleList(node["pass"], "pass", false, &rule->pass);
  if (rule->flag.empty()) Error(node, "'examples' needs at least one 'flag' example");
  if (rule->pass.empty()) Error(node, "'examples' needs at least one 'pass' example");
}

void PackReader::ReadNames(const YAML::Node& node, Rule* rule) {
  if (!CheckMap(node, "'names'", {"titles", "first_names_file", "not_surnames", "not_surnames_file", "alone", "not_alone_file",
                               "towns_file", "places_file"})) {
    return;
  }
  NamesMatcher names;
  if (node["titles"]) ReadStrings(node["titles"], "titles", false, &names.titles);
  if (node["first_names_file"]) {
    std::vector<std::string> scratch;
    ReadWordFiles(node["first_names_file"], "first_names_file", &scratch, nullptr, &names.first_names);
  }
  if (node["not_surnames"]) ReadStrings(node["not_surnames"], "not_surnames", false, &names.not_surnames);
  if (node["not_surnames_file"]) ReadWordFiles(node["not_surnames_file"], "not_surnames_file", &names.not_surnames, nullptr);
  if (node["alone"]) ReadBool(node["alone"], "alone", &names.alone);
  if (node["not_alone_file"]) ReadWordFiles(node["not_alone_file"], "not_alone_file", &names.not_alone, nullptr);
  if (node["towns_file"]) ReadWordFiles(node["towns_file"], "towns_file", &names.towns, nullptr);
  if (node["places_file"]) ReadWordFiles(node["places_file"], "places_file", &names.places, nullptr);
  if (names.titles.empty() && names.first_names->empty()) {
    Error(node, "'names' needs titles or first_names_file");
  }
  rule->names = std::move(names);
}

void PackReader::ReadSpelling(const YAML::Node& node, Rule* rule) {
  if (!CheckMap(node, "'spelling'", {"dictionary", "accept", "accept_files"})) return;
  SpellingMatcher spelling;
  if (node["dictionary"] && ReadString(node["dictionary"], "dictionary", &spelling.dictionary)) {
    // A name looked up in the dictionary directories, never a path.
    const std::string& d = spelling.dictionary;
    bool name = !d.empty() && d.size() <= 64 && std::all_of(d.begin(), d.end(), [](char c) {
      return IsAsciiLetter(static_cast<unsigned char>(c)) || IsAsciiDigit(static_cast<unsigned char>(c)) ||
             c == '_' || c == '-';
    });
    if (!name) {
      Error(node["dictionary"], "'dictionary' must be a Hunspell dictionary name such as en_GB (letters, digits, "
                                "'_' and '-'), looked up in the dictionary directories, not a path: '" + d + "'");
    }
  }
  if (node["accept"]) ReadStrings(node["accept"], "accept", false, &spelling.accept);
  if (node["accept_files"]) ReadWordFiles(node["accept_files"], "accept_files", &spelling.accept, &rule->lists);
  rule->spelling = std::move(spelling);
}

void PackReader::ReadLength(const YAML::Node& node, Rule* rule) {
  if (!CheckMap(node, "'length'", {"measure", "limit"})) return;
  LengthMatcher length;
  std::string measure;
  if (!node["measure"] || !node["limit"]) {
    Error(node, "'length' needs measure and limit");
    return;
  }
  if (ReadString(node["measure"], "measure", &measure)) {
    if (auto m = ParseLengthMeasure(measure)) {
      length.measure = *m;
    } else {
      std::string all;
      for (const auto& n : LengthMeasureNames()) all += (all.empty() ? "" : ", ") + n;
      Error(node["measure"], "unknown measure '" + measure + "' (one of: " + all + ")");
    }
  }
  const YAML::Node& limit = node["limit"];
  const std::string s = limit.IsScalar() ? limit.Scalar() : "";
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); })) {
    Error(limit, "'limit' must be a whole number");
  } else {
    length.limit = std::stoul(s);
  }
  rule->length = length;
}

void PackReader::ReadCluster(const YAML::Node& node, Rule* rule) {
  if (!CheckMap(node, "'cluster'", {"rules", "min", "within"})) return;
  ClusterMatcher cluster;
  cluster.mark = MarkOf(node);
  if (!node["rules"] || !node["min"] || !node["within"]) {
    Error(node, "'cluster' needs rules, min and within");
    return;
  }
  if (ReadStrings(node["rules"], "rules", false, &cluster.rules) && cluster.rules.empty()) {
    Error(node["rules"], "'rules' must not be empty");
  }
  // A whole number from `low` to 9999, or an error naming `key`.
  auto count = [&](const char* key, int low, int* out) {
    const YAML::Node& n = node[key];
    const std::string s = n.IsScalar() ? n.Scalar() : "";
    if (s.empty() || s.size() > 4 || !std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); }) ||
        std::stoi(s) < low) {
      std::string message = "'";
      message.append(key).append("' must be a whole number from ").append(std::to_string(low)).append(" to 9999");
      Error(n, message);
      return;
    }
    *out = std::stoi(s);
  };
  count("min", 1, &cluster.min);
  count("within", 1, &cluster.within);
  rule->cluster = std::move(cluster);
}

void PackReader::ReadModel(const YAML::Node& node, Rule* rule) {
  if (!CheckMap(node, "'model'", {"file", "label", "threshold"})) return;
  if (!node["file"] || !node["label"] || !node["threshold"]) {
    Error(node, "'model' needs file, label and threshold");
    return;
  }
  ModelMatcher model;
  model.mark = MarkOf(node);
  std::string file;
  if (!ReadString(node["file"], "file", &file) || !ReadString(node["label"], "label", &model.label)) return;
  const fs::path path = fs::path(dir_) / file;
  if (std::string outside = tree_.Outside(path); !outside.empty()) {
    Error(node["file"], "model '" + file + "' " + outside);
    return;
  }
  std::string why;
  model.model = lists_->GetModel(path.string(), &why);
  if (!model.model) {
    Error(node["file"], "cannot read model '" + path.string() + "': " + why);
    return;
  }
  if (model.model->LabelIndex(model.label) < 0) {
    std::string all;
    for (const std::string& l : model.model->labels()) all += (all.empty() ? "" : ", ") + l;
    Error(node["label"], "model '" + file + "' has no label '" + model.label + "' (it has: " + all + ")");
    return;
  }
  const YAML::Node& t = node["threshold"];
  const std::string s = t.IsScalar() ? t.Scalar() : "";
  char* end = nullptr;
  const double threshold = s.empty() ? 0 : std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !(threshold > 0 && threshold < 1)) {
    Error(t, "'threshold' must be a number above 0 and below 1");
    return;
  }
  model.threshold = threshold;
  rule->model = std::move(model);
}

void PackReader::ReadRule(const YAML::Node& node, const Pack& pack, const std::string& default_category,
                          Rule* rule) {
  rule->pack = pack.id;
  rule->mark = MarkOf(node);
  rule_id_.clear();
  // Name the rule in every error, including those about its keys.
  if (node.IsMap() && node["id"] && node["id"].IsScalar()) rule_id_ = node["id"].Scalar();
  if (!CheckMap(node, "rule",
                {"id", "category", "severity", "report", "message", "why", "suggest", "replace",
                 "patterns", "words", "words_file", "swap", "names", "spelling", "match_case",
                 "disguises", "validate", "near", "unless", "examples", "length", "platform", "cluster", "model"})) {
    return;
  }
  if (!node["id"]) {
    Error(node, "rule has no 'id'");
  } else if (ReadString(node["id"], "id", &rule->id)) {
    rule_id_ = rule->id;
    bool good = !rule->id.empty() && std::all_of(rule->id.begin(), rule->id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!good) Error(node["id"], "rule id must be lower-case letters, digits and '-'");
  }
  rule->full_id = pack.id + "." + rule->id;

  rule->category = default_category;
  if (node["category"]) ReadString(node["category"], "category", &rule->category);
  if (rule->category.empty()) {
    Error(node, "rule has no 'category' and the pack sets none");
  } else if (!IsKnownCategory(rule->category)) {
    std::string all;
    for (const auto& c : KnownCategories()) all += (all.empty() ? "" : ", ") + c;
    Error(node["category"] ? node["category"] : node, "unknown category '" + rule->category + "' (one of: " + all + ")");
  }
  if (node["report"]) ReadBool(node["report"], "report", &rule->report);

  if (node["severity"]) {
    std::string s;
    if (ReadString(node["severity"], "severity", &s)) {
      if (auto sev = ParseSeverity(s)) {
        rule->severity = *sev;
      } else {
        Error(node["severity"], "unknown severity '" + s + "' (error, warning or suggestion)");
      }
    }
  } else if (rule->report) {
    Error(node, "rule has no 'severity'");
  }
  if (node["message"]) {
    if (ReadString(node["message"], "message", &rule->message)) TrimEnd(&rule->message);
  } else if (rule->report) {
    Error(node, "rule has no 'message'");
  }
  if (node["why"]) {
    if (ReadString(node["why"], "why", &rule->why)) TrimEnd(&rule->why);
  } else if (rule->report) {
    Error(node, "rule has no 'why'");
  }
  if (node["suggest"] && ReadString(node["suggest"], "suggest", &rule->suggest)) TrimEnd(&rule->suggest);
  if (node["replace"]) ReadString(node["replace"], "replace", &rule->replace);
  if (node["match_case"]) ReadBool(node["match_case"], "match_case", &rule->match_case);
  if (node["disguises"]) ReadBool(node["disguises"], "disguises", &rule->disguises);

  if (node["patterns"]) ReadPatterns(node["patterns"], "patterns", &rule->patterns);
  if (node["words"]) ReadStrings(node["words"], "words", false, &rule->words);
  if (node["words_file"]) ReadWordFiles(node["words_file"], "words_file", &rule->words, &rule->lists);
  if (YAML::Node swap = node["swap"]) {
    if (!swap.IsMap() || swap.size() == 0) {
      Error(swap, "'swap' must be a non-empty mapping of term: replacement");
    } else {
      for (auto it = swap.begin(); it != swap.end(); ++it) {
        if (!it->first.IsScalar() || !it->second.IsScalar() || it->second.Scalar().empty()) {
          Error(it->first, "'swap' entries must be term: replacement strings");
          continue;
        }
        rule->swap.emplace_back(it->first.Scalar(), it->second.Scalar());
      }
    }
  }
  if (node["names"]) ReadNames(node["names"], rule);
  if (node["spelling"]) ReadSpelling(node["spelling"], rule);
  if (node["length"]) ReadLength(node["length"], rule);
  if (node["cluster"]) ReadCluster(node["cluster"], rule);
  if (node["model"]) ReadModel(node["model"], rule);
  if (node["platform"] && ReadString(node["platform"], "platform", &rule->platform)) {
    const auto& names = PlatformNames();
    if (std::find(names.begin(), names.end(), rule->platform) == names.end()) {
      Error(node["platform"], "unknown platform '" + rule->platform + "'");
    }
  }
  if (rule->patterns.empty() && rule->words.empty() && rule->swap.empty() && !rule->names &&
      !rule->spelling && !rule->length && !rule->cluster && !node["model"]) {
    Error(node, "rule has no matcher (patterns, words, words_file, swap, names, spelling, length, cluster or model)");
  }
  if (rule->disguises && (rule->words.empty() || rule->match_case)) {
    Error(node["disguises"], "'disguises' needs 'words' or 'words_file', and no 'match_case'");
  }

  if (node["validate"]) {
    if (ReadStrings(node["validate"], "validate", true, &rule->validators)) {
      for (const std::string& v : rule->validators) {
        if (!FindValidator(v)) {
          std::string all;
          for (const auto& n : ValidatorNames()) all += (all.empty() ? "" : ", ") + n;
          Error(node["validate"], "unknown validator '" + v + "' (known: " + all + ")");
        }
      }
    }
  }
  if (node["near"]) ReadContext(node["near"], "near", &rule->near);
  if (node["unless"]) ReadContext(node["unless"], "unless", &rule->unless);
  if (node["examples"]) {
    // Null when Parse blanked the block because the caller does not read examples.
    if (options_.read_examples || !node["examples"].IsNull()) ReadExamples(node["examples"], rule);
  } else {
    Error(node, "rule has no 'examples' (flag and pass)");
  }
}

// True if the lines BlankExampleBlocks blanked under are exactly the lines
// of the rules' `examples` keys whose values are now null: what was blanked
// was rule examples and not, say, text of a block scalar. (BlankExampleBlocks
// itself refuses a block that leaves a quote or bracket open, so nothing of
// an example is left behind below it.) loader_fuzzer checks that a pack reads
// the same either way.
bool BlankedOnlyExamples(const YAML::Node& root, const std::vector<size_t>& blanked) {
  if (!root.IsMap() || !root["rules"].IsSequence()) return false;
  std::vector<size_t> keys;
  for (const YAML::Node& rule : root["rules"]) {
    if (!rule.IsMap()) continue;
    for (const auto& entry : rule) {
      if (entry.first.IsScalar() && entry.first.Scalar() == "examples" && entry.second.IsNull()) {
        keys.push_back(static_cast<size_t>(entry.first.Mark().line + 1));
      }
    }
  }
  return keys == blanked;
}

bool PackReader::Read(std::vector<Pack>* packs) {
  std::string content, reason;
  if (!ReadText(file_, &content, &reason)) {
    Error(SourceMark{file_, 0, 0}, "cannot read rule file: " + reason);
    return false;
  }
  return Parse(content, packs);
}

bool PackReader::Parse(const std::string& content, std::vector<Pack>* packs) {
  if (size_t bad = FindInvalidUtf8(content); bad != kValidUtf8) {
    Error(SourceMark{file_, 0, 0}, "not UTF-8 text at byte " + std::to_string(bad));
    return false;
  }
  YAML::Node root;
  std::string without_examples;
  std::vector<size_t> blanked;
  bool parsed = false;
  if (!options_.read_examples && BlankExampleBlocks(content, &without_examples, &blanked)) {
    // On a mistake, parsed as written below, to report it.
    LoadError ignored;
    if (ParseOneYamlDocument(file_, without_examples, &root, &ignored)) parsed = BlankedOnlyExamples(root, blanked);
  }
  if (LoadError error; !parsed && !ParseOneYamlDocument(file_, content, &root, &error)) {
    errors_->push_back(std::move(error));
    ok_ = false;
    return false;
  }
  if (!CheckMap(root, "pack", {"pack", "description", "category", "word_lists", "rules"})) return false;
  if (root["word_lists"]) ReadPatternLists(root["word_lists"]);
  Pack pack;
  pack.file = file_;
  if (!root["pack"]) {
    Error(root, "pack has no 'pack' id");
  } else {
    ReadString(root["pack"], "pack", &pack.id);
  }
  if (root["description"]) ReadString(root["description"], "description", &pack.description);
  std::string default_category;
  if (root["category"]) ReadString(root["category"], "category", &default_category);
  YAML::Node rules = root["rules"];
  if (!rules || !rules.IsSequence() || rules.size() == 0) {
    Error(rules ? rules : root, "'rules' must be a non-empty list");
    return false;
  }
  std::set<std::string> ids;
  for (const YAML::Node& node : rules) {
    Rule rule;
    const size_t errors_before = errors_->size();
    ReadRule(node, pack, default_category, &rule);
    if (!rule.id.empty() && !ids.insert(rule.id).second) {
      Error(node["id"], "duplicate rule id '" + rule.full_id + "'");
    }
    if (options_.on_rule && errors_->size() == errors_before) options_.on_rule(rule);
    pack.rules.push_back(std::move(rule));
  }
  rule_id_.clear();
  if (!ok_) return false;
  packs->push_back(std::move(pack));
  return true;
}

}  // namespace

std::string LoadError::ToString() const {
  // Appended piece by piece: `"a" + s + "b"` here trips GCC 12's -Wrestrict.
  std::string out = mark.file;
  if (mark.line > 0) out.append(":").append(std::to_string(mark.line)).append(":").append(std::to_string(mark.column));
  if (!out.empty()) out.append(": ");
  if (!rule.empty()) out.append("rule '").append(rule).append("': ");
  out.append(message);
  return out;
}

bool ReadWordList(const std::string& path, std::vector<std::string>* words) {
  std::string text, reason;
  if (!ReadSettingsFile(path, &text, &reason)) return false;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    size_t end = line.find_last_not_of(" \t");
    words->push_back(line.substr(start, end - start + 1));
  }
  return true;
}

bool LoadPackFile(const std::string& path, std::vector<Pack>* packs, std::vector<LoadError>* errors,
                  const LoadOptions& options) {
  WordListCache lists;
  const bool ok = PackReader(path, errors, &lists, options).Read(packs);
  if (options.word_files) *options.word_files = lists.Paths();
  return ok;
}

bool LoadPackDir(const std::string& dir, std::vector<Pack>* packs, std::vector<LoadError>* errors,
                 const LoadOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errors->push_back({SourceMark{dir, 0, 0}, "", "not a directory of rule packs"});
    return false;
  }
  const std::vector<std::string> files = PackFilesIn(dir);
  if (files.empty()) {
    errors->push_back({SourceMark{dir, 0, 0}, "", "no rule packs (*.yaml) in directory"});
    return false;
  }

  // Read every file, then parse those with a spelling matcher first (the
  // dictionary is the slowest thing to load); results go out in name order.
  struct File {
    std::string text;
    bool readable = false;
    bool ok = false;
    std::vector<Pack> packs;
    std::vector<LoadError> errors;
  };
  std::vector<File> read(files.size());
  std::vector<size_t> order;
  for (size_t i = 0; i < files.size(); ++i) {
    std::string reason;
    read[i].readable = ReadText(files[i], &read[i].text, &reason);
    order.push_back(i);
  }
  // Largest first, so that the threads below finish together.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return read[a].text.size() > read[b].text.size(); });
  std::stable_partition(order.begin(), order.end(), [&](size_t i) {
    return read[i].text.find("spelling:") != std::string::npos;
  });
  // Each file is parsed by itself (the bundled packs are ~450 KB of YAML,
  // most of a cold start), on as many threads as there are cores and files;
  // the results do not depend on which thread parsed what.
  WordListCache lists;
  std::atomic<size_t> next{0};
  auto parse = [&] {
    for (size_t k; (k = next.fetch_add(1)) < order.size();) {
      const size_t i = order[k];
      PackReader reader(files[i], &read[i].errors, &lists, options);
      read[i].ok = read[i].readable ? reader.Parse(read[i].text, &read[i].packs) : reader.Read(&read[i].packs);
    }
  };
  const size_t wanted = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const size_t threads = std::min(order.size(), wanted);
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(parse);
    } catch (const std::system_error&) {
      break;  // no thread to be had: this one parses the rest
    }
  }
  parse();
  for (std::thread& t : helpers) t.join();
  if (options.word_files) *options.word_files = lists.Paths();
  bool ok = true;
  for (File& f : read) {
    ok &= f.ok;
    std::move(f.packs.begin(), f.packs.end(), std::back_inserter(*packs));
    std::move(f.errors.begin(), f.errors.end(), std::back_inserter(*errors));
  }
  return ok;
}

bool CheckPacks(const std::vector<Pack>& packs, std::vector<LoadError>* errors) {
  bool ok = true;
  std::map<std::string, const Pack*> pack_ids;
  std::map<std::string, const Rule*> rules;
  for (const Pack& pack : packs) {
    if (auto [it, fresh] = pack_ids.emplace(pack.id, &pack); !fresh) {
      errors->push_back({SourceMark{pack.file, 0, 0}, "",
                         "duplicate pack id '" + pack.id + "' (also in " + it->second->file + ")"});
      ok = false;
    }
    for (const Rule& rule : pack.rules) {
      if (auto [it, fresh] = rules.emplace(rule.full_id, &rule); !fresh) {
        errors->push_back({rule.mark, rule.id, "duplicate rule id '" + rule.full_id + "'"});
        ok = false;
      }
    }
  }
  // References: every named rule exists, and there are no cycles.
  std::map<std::string, int> state;  // 0 unvisited, 1 in progress, 2 done
  std::function<bool(const Rule&)> visit = [&](const Rule& rule) -> bool {
    int& s = state[rule.full_id];
    if (s == 2) return true;
    if (s == 1) return false;
    s = 1;
    bool fine = true;
    auto follow = [&](const std::string& ref, const SourceMark& mark) {
      auto it = rules.find(ref);
      if (it == rules.end()) {
        errors->push_back({mark, rule.id, "refers to unknown rule '" + ref + "'"});
        ok = false;
        return;
      }
      if (!visit(*it->second)) {
        errors->push_back({mark, rule.id, "reference to '" + ref + "' makes a cycle"});
        ok = false;
        fine = false;
      }
    };
    for (const auto* contexts : {&rule.near, &rule.unless}) {
      for (const Context& c : *contexts) {
        for (const std::string& ref : c.rules) follow(ref, c.mark);
      }
    }
    if (rule.cluster) {
      for (const std::string& ref : rule.cluster->rules) follow(ref, rule.cluster->mark);
    }
    state[rule.full_id] = 2;
    return fine;
  };
  for (const Pack& pack : packs) {
    for (const Rule& rule : pack.rules) visit(rule);
  }
  return ok;
}

}  // namespace postcheck
