#include "config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "platform.h"
#include "utf8.h"

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

std::string ConfigReader::String(const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) {
    Error(node, key, "must be a string");
    return "";
  }
  return node.Scalar();
}

std::optional<Config> ConfigReader::Read() {
  std::ifstream in(file_, std::ios::binary);
  std::error_code ec;
  if (!in || fs::is_directory(file_, ec)) {
    errors_->push_back({SourceMark{file_, 0, 0}, "", "cannot read config file"});
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string content = buffer.str();
  if (size_t bad = FindInvalidUtf8(content); bad != kValidUtf8) {
    errors_->push_back({SourceMark{file_, 0, 0}, "", "not UTF-8 text at byte " + std::to_string(bad)});
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(content);
  } catch (const YAML::Exception& e) {
    errors_->push_back({SourceMark{file_, e.mark.line + 1, e.mark.column + 1}, "", "malformed YAML: " + e.msg});
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
    if (packs["only"]) Strings(packs["only"], "only", &config.only_packs);
    if (packs["disable"]) Strings(packs["disable"], "disable", &config.disabled_packs);
  }
  if (root["disable"]) Strings(root["disable"], "disable", &config.disabled_rules);
  if (YAML::Node sev = root["severity"]) {
    if (!sev.IsMap()) {
      Error(sev, "severity", "must map rule ids to error, warning or suggestion");
    } else {
      for (auto it = sev.begin(); it != sev.end(); ++it) {
        std::string rule = it->first.IsScalar() ? it->first.Scalar() : "";
        std::string value = it->second.IsScalar() ? it->second.Scalar() : "";
        if (auto s = ParseSeverity(value)) {
          config.severity[rule] = *s;
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
      config.rule_dirs.push_back(p.is_absolute() ? d : (fs::path(file_).parent_path() / p).string());
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
  fs::path dir = fs::absolute(start_dir, ec);
  while (!dir.empty()) {
    fs::path candidate = dir / ".postcheck.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return "";
}

std::optional<Config> LoadConfig(const std::string& path, std::vector<LoadError>* errors) {
  return ConfigReader(path, errors).Read();
}

}  // namespace postcheck
