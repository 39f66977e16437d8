// The .postcheck.yaml config file: force-specific settings that comms teams
// keep beside their drafts. Found from the working directory upwards;
// --config names one and --no-config ignores it. See examples/postcheck.yaml.
#ifndef POSTCHECK_CONFIG_H_
#define POSTCHECK_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/rule_loader.h"

namespace postcheck {

// A pack or rule id the config names, and where.
struct ConfigReference {
  std::string id;    // "tone" or "tone.slang"
  std::string key;   // "packs.only", "packs.disable", "disable" or "severity"
  SourceMark mark;
  bool is_pack = false;
};

struct Config {
  std::string file;                         // where it was read from
  std::vector<std::string> only_packs;      // packs: {only: [...]}
  std::vector<std::string> disabled_packs;  // packs: {disable: [...]}
  std::vector<std::string> disabled_rules;  // disable: [pack.id, ...]
  std::map<std::string, Severity> severity; // severity: {pack.id: warning}
  std::vector<std::string> allow;           // allow: [phrases and numbers]
  std::vector<std::string> rule_dirs;       // rules: [dirs], resolved against the config's folder
  std::vector<std::string> words;           // words: [extra dictionary words]
  std::map<std::string, std::vector<std::string>> lists;  // lists: {list-name: [entries]}
  std::string platform;                     // platform: x
  std::string fail_on;                      // fail_on: warning
  std::vector<ConfigReference> references;  // every pack and rule id named above
};

// The config file that applies in `start_dir`: the first .postcheck.yaml in
// it or a parent directory. Empty when there is none.
std::string FindConfigFile(const std::string& start_dir);

// Reads and checks `path`. Returns nullopt, with errors naming the file, line
// and key, when it is unreadable or breaks the schema (unknown key, wrong
// type, unknown severity, platform or fail_on value).
std::optional<Config> LoadConfig(const std::string& path, std::vector<LoadError>* errors);

// Checks that every pack and rule id the config names is one of `packs`.
// Returns false with one error per unknown id, naming the config file, line
// and key, and the nearest known id: "c.yaml:3:14: 'disable': unknown rule
// 'tone.slng' (did you mean 'tone.slang'?)".
bool CheckConfigReferences(const Config& config, const std::vector<Pack>& packs, std::vector<LoadError>* errors);

}  // namespace postcheck

#endif  // POSTCHECK_CONFIG_H_
