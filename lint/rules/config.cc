#include "rules/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "rules/platform.h"
#include "rules/settings_file.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

class ConfigReader {
 public:
  ConfigReader(std::string file, std::vector<LoadError>* errors) : file_(std::move(file)), errors_(errors) {}

  std::optional<Config> Read();

 private:
  void Error(const YAML::Node& node, const std::string& key, const std::string& message) {
    SourceMark mark{file_, 0, 0};
    if (node.IsDefined() && node.Mark().line >= 0) {
      mark.line = node.Mark().line + 1;
      mark.column = node.Mark().column + 1;
    }
    errors_->push_back({mark, "", "'" + key + "': " + message});
    ok_ = false;
  }
  bool CheckKeys(const YAML::Node& map, const std::string& where, std::initializer_list<const char*> allowed);
  void Strings(const YAML::Node& node, const std::string& key, std::vector<std::string>* out);
  // Strings() that also records each entry as a reference to a pack or rule.
  void References(const YAML::Node& node, const std::string& key, bool is_pack, std::vector<std::string>* out,
                  Config* config);
  SourceMark MarkOf(const YAML::Node& node) const {
    SourceMark mark{file_, 0, 0};
    if (node.IsDefined() && node.Mark().line >= 0) {
      mark.line = node.Mark().line + 1;
      mark.column = node.Mark().column + 1;
    }
    return mark;
  }
  std::string String(const YAML::Node& node, const std::string& key);

  std::string file_;
  std::vector<LoadError>* errors_;
  bool ok_ = true;
};

bool ConfigReader::CheckKeys(const YAML::Node& map, const std::string& where,
                             std::initializer_list<const char*> allowed) {
  if (!map.IsMap()) {
    Error(map, where, "must be a mapping");
    return false;
  }
  std::set<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
    if (!seen.insert(key).second) Error(it->first, key, "given twice");
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
      std::string all;
      for (const char* a : allowed) all += (all.empty() ? "" : ", ") + std::string(a);
      Error(it->first, key, "unknown key in " + where + " (allowed: " + all + ")");
    }
  }
  return true;
}

void ConfigReader::Strings(const YAML::Node& node, const std::string& key, std::vector<std::string>* out) {
  if (!node.IsSequence()) {
    Error(node, key, "must be a list of strings");
    return;
  }
  for (const YAML::Node& item : node) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      Error(item, key, "entries must be non-empty strings");
      continue;
    }
    out->push_back(item.Scalar());
  }
}

void ConfigReader::References(const YAML::Node& node, const std::string& key, bool is_pack,
                              std::vector<std::string>* out, Config* config) {
  const size_t before = out->size();
  Strings(node, key, out);
  if (!node.IsSequence()) return;
  size_t k = before;
  for (const YAML::Node& item : node) {
    if (k >= out->size()) break;
    if (!item.IsScalar() || item.Scalar().empty()) continue;
    config->references.push_back({(*out)[k++], key, MarkOf(item), is_pack});
  }
}

std::string ConfigReader::String(const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) {
    Error(node, key, "must be a string");
    return "";
  }
  return node.Scalar();
}

std::optional<Config> ConfigReader::Read() {
  std::string content, reason;
  if (!ReadSettingsFile(file_, &content, &reason)) {
    errors_->push_back({SourceMark{file_, 0, 0}, "", "cannot read config file: " + reason});
    return std::nullopt;
  }
  if (size_t bad = FindInvalidUtf8(content); bad != kValidUtf8) {
    errors_->push_back({SourceMark{file_, 0, 0}, "", "not UTF-8 text at byte " + std::to_string(bad)});
    return std::nullopt;
  }
  YAML::Node root;
  if (LoadError error; !ParseOneYamlDocument(file_, content, &root, &error)) {
    errors_->push_back(std::move(error));
    return std::nullopt;
  }
  Config config;
  config.file = file_;
  if (root.IsNull()) return config;  // an empty file changes nothing
  if (!CheckKeys(root, "the config",
                 {"packs", "disable", "severity", "allow", "rules", "words", "lists", "platform", "fail_on"})) {
    return std::nullopt;
  }
  if (YAML::Node packs = root["packs"]; packs && CheckKeys(packs, "packs", {"only", "disable"})) {
    if (packs["only"]) References(packs["only"], "packs.only", true, &config.only_packs, &config);
    if (packs["disable"]) References(packs["disable"], "packs.disable", true, &config.disabled_packs, &config);
  }
  if (root["disable"]) References(root["disable"], "disable", false, &config.disabled_rules, &config);
  if (YAML::Node sev = root["severity"]) {
    if (!sev.IsMap()) {
      Error(sev, "severity", "must map rule ids to error, warning or suggestion");
    } else {
      for (auto it = sev.begin(); it != sev.end(); ++it) {
        std::string rule = it->first.IsScalar() ? it->first.Scalar() : "";
        std::string value = it->second.IsScalar() ? it->second.Scalar() : "";
        if (auto s = ParseSeverity(value)) {
          config.severity[rule] = *s;
          config.references.push_back({rule, "severity", MarkOf(it->first), false});
        } else {
          Error(it->second, "severity", "'" + value + "' for '" + rule + "' is not error, warning or suggestion");
        }
      }
    }
  }
  if (root["allow"]) Strings(root["allow"], "allow", &config.allow);
  if (root["rules"]) {
    std::vector<std::string> dirs;
    Strings(root["rules"], "rules", &dirs);
    for (const std::string& d : dirs) {
      fs::path p(d);
      config.rule_dirs.push_back(p.is_absolute() ? d : (fs::path(file_).parent_path() / p).lexically_normal().string());
    }
  }
  if (root["words"]) Strings(root["words"], "words", &config.words);
  if (YAML::Node lists = root["lists"]) {
    if (!lists.IsMap()) {
      Error(lists, "lists", "must map list names to lists of entries");
    } else {
      for (auto it = lists.begin(); it != lists.end(); ++it) {
        std::string name = it->first.IsScalar() ? it->first.Scalar() : "";
        Strings(it->second, "lists." + name, &config.lists[name]);
      }
    }
  }
  if (root["platform"]) {
    config.platform = String(root["platform"], "platform");
    const auto& names = PlatformNames();
    if (!config.platform.empty() && std::find(names.begin(), names.end(), config.platform) == names.end()) {
      std::string all;
      for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
      Error(root["platform"], "platform", "unknown platform '" + config.platform + "' (one of: " + all + ")");
    }
  }
  if (root["fail_on"]) {
    config.fail_on = String(root["fail_on"], "fail_on");
    if (!config.fail_on.empty() && !ParseSeverity(config.fail_on) && config.fail_on != "never") {
      Error(root["fail_on"], "fail_on", "must be error, warning, suggestion or never");
    }
  }
  if (!ok_) return std::nullopt;
  return config;
}

}  // namespace

std::string FindConfigFile(const std::string& start_dir) {
  std::error_code ec;
  // Normal form: no "/x/./.postcheck.yaml" in what reports name.
  fs::path dir = fs::absolute(start_dir, ec).lexically_normal();
  if (!dir.has_filename() && dir != dir.root_path()) dir = dir.parent_path();
  while (!dir.empty()) {
    fs::path candidate = dir / ".postcheck.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return "";
}

namespace {

// Levenshtein distance, for suggesting the nearest id.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

bool CheckConfigReferences(const Config& config, const std::vector<Pack>& packs, std::vector<LoadError>* errors) {
  std::set<std::string> pack_ids, rule_ids;
  for (const Pack& p : packs) {
    pack_ids.insert(p.id);
    for (const Rule& r : p.rules) rule_ids.insert(r.full_id);
  }
  bool ok = true;
  for (const ConfigReference& ref : config.references) {
    const std::set<std::string>& known = ref.is_pack ? pack_ids : rule_ids;
    if (known.count(ref.id)) continue;
    std::string nearest;
    size_t best = std::string::npos;
    for (const std::string& id : known) {
      size_t d = EditDistance(ref.id, id);
      if (d < best) best = d, nearest = id;
    }
    std::string message = "'" + ref.key + "': unknown " + (ref.is_pack ? "pack" : "rule") + " '" + ref.id + "'";
    if (!nearest.empty() && best <= std::max<size_t>(2, ref.id.size() / 3)) {
      message += " (did you mean '" + nearest + "'?)";
    } else {
      message += ref.is_pack ? " (see --list-rules for the packs)" : " (see --list-rules)";
    }
    errors->push_back({ref.mark, "", message});
    ok = false;
  }
  return ok;
}

std::optional<Config> LoadConfig(const std::string& path, std::vector<LoadError>* errors) {
  return ConfigReader(path, errors).Read();
}

}  // namespace postcheck
