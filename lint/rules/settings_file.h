// Reads the files that configure postcheck (the config, rule packs, word
// lists) the way drafts are read: regular files only, opened without
// blocking, and no larger than a limit, so that `rules: [/dev/zero]` or a
// FIFO ends in a clear error, not in exhausted memory or a hang. YAML files
// must hold exactly one document, nested no deeper than yaml-cpp allows.
#ifndef POSTCHECK_SETTINGS_FILE_H_
#define POSTCHECK_SETTINGS_FILE_H_

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>

#include "rules/rule_loader.h"

namespace postcheck {

// The largest config, pack or word-list file postcheck reads.
inline constexpr size_t kMaxSettingsFileBytes = 16 * 1024 * 1024;

// Reads the whole of `path` into *text. On failure returns false with
// *reason set, e.g. "not a regular file", "larger than the limit of 16777216
// bytes", "cannot open: Permission denied".
bool ReadSettingsFile(const std::string& path, std::string* text, std::string* reason,
                      size_t max_bytes = kMaxSettingsFileBytes);

// Parses `content`, the text of `file`, as one YAML document into *root. On
// failure returns false with *error naming the file, line and column: a
// syntax error ("malformed YAML: ..."), nesting too deep, or a second
// document ("a second YAML document ('---') is not allowed").
bool ParseOneYamlDocument(const std::string& file, const std::string& content, YAML::Node* root,
                          LoadError* error);

}  // namespace postcheck

#endif  // POSTCHECK_SETTINGS_FILE_H_
