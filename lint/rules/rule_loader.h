// Reads rule packs from YAML into Pack structures and checks them against the
// closed schema documented in rules/README.md.
//
// Every mistake becomes a LoadError naming the file, line, column and rule;
// loading goes on past a mistake so that one run reports them all.
#ifndef POSTCHECK_RULE_LOADER_H_
#define POSTCHECK_RULE_LOADER_H_

#include <functional>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace postcheck {

struct LoadError {
  SourceMark mark;       // file, and line/column when known (0 if not)
  std::string rule;      // rule id when the mistake is inside a rule
  std::string message;

  // "file:line:column: rule 'id': message" (parts that are unknown left out).
  std::string ToString() const;
};

// Optional hooks into loading.
struct LoadOptions {
  // Called with each rule as soon as it is read without error, so that a
  // caller can start slow work the rule implies (reading its spelling
  // dictionary) while loading goes on. The rule may still be dropped later
  // by an error elsewhere in its pack. Empty: not called. LoadPackDir parses
  // files on several threads (see `threads`): it may be called from any of
  // them, at the same time, so it must be thread-safe.
  std::function<void(const Rule&)> on_rule;

  // How many threads LoadPackDir parses its files on: 0, one per core (and
  // at most one per file); 1, the calling thread alone, one file after the
  // other. The packs and errors are the same whichever.
  size_t threads = 0;

  // False: rules' `examples` are not read (Rule::flag and Rule::pass stay
  // empty) and not checked, and parsing skips them where it safely can.
  // Linting never uses them; --test-rules and --explain do.
  bool read_examples = true;

  // When set, receives the path of every word file the load read (the
  // pack's directory joined to the name the pack gives), each once, sorted:
  // with the pack files, everything the packs depend on (pack_snapshot.h
  // keys its cache by them).
  std::vector<std::string>* word_files = nullptr;
};

// Loads the pack in `path` and appends it to *packs. Returns false, with at
// least one error appended, when the file is unreadable or breaks the schema.
bool LoadPackFile(const std::string& path, std::vector<Pack>* packs,
                  std::vector<LoadError>* errors, const LoadOptions& options = {});

// Loads every *.yaml and *.yml file directly inside `dir`. Packs are appended
// to *packs, and errors to *errors, in file-name order. Files are parsed on
// options.threads threads, those that have a `spelling:` matcher first (on
// one thread, their rules reach options.on_rule before the other packs are
// parsed), then the largest first; neither the threads nor the order of
// parsing change the packs or errors. A word list named by several rules is
// read once and held once. A directory with no pack in it is an error.
bool LoadPackDir(const std::string& dir, std::vector<Pack>* packs,
                 std::vector<LoadError>* errors, const LoadOptions& options = {});

// Checks what single files cannot: pack and rule ids unique across packs,
// and every `rules:` reference in near/unless naming a loaded rule, with no
// cycles.
bool CheckPacks(const std::vector<Pack>& packs, std::vector<LoadError>* errors);

// Reads a word list: one word or phrase per line; blank lines and lines
// starting with '#' are skipped. Returns false if the file cannot be read.
bool ReadWordList(const std::string& path, std::vector<std::string>* words);

}  // namespace postcheck

#endif  // POSTCHECK_RULE_LOADER_H_
