// The .postcheck.yaml config file: force-specific settings that comms teams
// keep beside their drafts. Found from the working directory upwards;
// --config names one and --no-config ignores it. See examples/postcheck.yaml.
#ifndef POSTCHECK_CONFIG_H_
#define POSTCHECK_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rule.h"
#include "rule_loader.h"

namespace postcheck {

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
};

// The config file that applies in `start_dir`: the first .postcheck.yaml in
// it or a parent directory. Empty when there is none.
std::string FindConfigFile(const std::string& start_dir);

// Reads and checks `path`. Returns nullopt, with errors naming the file, line
// and key, when it is unreadable or breaks the schema (unknown key, wrong
// type, unknown severity, platform or fail_on value).
std::optional<Config> LoadConfig(const std::string& path, std::vector<LoadError>* errors);

}  // namespace postcheck

#endif  // POSTCHECK_CONFIG_H_
