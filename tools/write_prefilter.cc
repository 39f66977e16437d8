// Build-time tool: compiles the bundled packs' patterns into the Vectorscan
// prefilter, and builds their word index, and writes each where postcheck
// looks for it at start-up (prefilter_file.h, word_index_file.h), so that
// postcheck loads them instead of making them.
//
//   write_prefilter RULES_DIR OUTPUT          writes the prefilter to OUTPUT
//   write_prefilter --words RULES_DIR OUTPUT  writes the word index to OUTPUT
//   write_prefilter --check RULES_DIR         exit 0 if an engine made from
//                                             RULES_DIR, as postcheck makes
//                                             it, finds every pattern in the
//                                             prefilter beside this binary
//                                             (none compiled) and reads its
//                                             word index from the file there
//
// The pattern list and the words are the engine's own (Engine::pattern_set(),
// Engine::WriteWordIndex), so each file's key is the one postcheck computes
// for the bundled packs.
#include <cstdio>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "matching/pattern_set.h"
#include "rules/rule_loader.h"

namespace {

std::unique_ptr<postcheck::Engine> Build(const std::string& rules_dir, bool read_word_index_file = true) {
  using namespace postcheck;
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  if (LoadPackDir(rules_dir, &packs, &errors, LoadOptions{}) && errors.empty()) CheckPacks(packs, &errors);
  // Every pack disabled: the patterns are the same (the engine compiles every
  // rule's), and no dictionary needs loading.
  EngineOptions options;
  for (const Pack& p : packs) options.disabled_packs.push_back(p.id);
  options.read_word_index_file = read_word_index_file;
  std::unique_ptr<Engine> engine;
  if (errors.empty()) engine = Engine::Create(std::move(packs), options, &errors);
  for (const LoadError& e : errors) std::fprintf(stderr, "write_prefilter: %s\n", e.ToString().c_str());
  return engine;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "--check") {
    auto engine = Build(args[1]);
    if (!engine) return 2;
    const postcheck::PatternSet& set = engine->pattern_set();
    std::printf("patterns %zu, compiled at start-up %zu, in the RE2 fallback %zu, prefilter %zu bytes, %s; "
                "word index %s\n",
                set.size(), set.compiled_count(), set.fallback_count(), set.prefilter_size(),
                set.prefilter_loaded() ? "loaded" : "not loaded", engine->word_index_read() ? "read" : "built");
    return set.prefilter_loaded() && set.compiled_count() == set.fallback_count() && engine->word_index_read() ? 0 : 1;
  }
  if (args.size() == 3 && args[0] == "--words") {
    auto engine = Build(args[1], /*read_word_index_file=*/false);
    if (!engine) return 2;
    std::string error;
    if (!engine->WriteWordIndex(args[2], &error)) {
      std::fprintf(stderr, "write_prefilter: %s\n", error.c_str());
      return 2;
    }
    return 0;
  }
  if (args.size() != 2) {
    std::fprintf(stderr,
                 "usage: write_prefilter RULES_DIR OUTPUT | write_prefilter --words RULES_DIR OUTPUT | "
                 "write_prefilter --check RULES_DIR\n");
    return 2;
  }
  auto engine = Build(args[0]);
  if (!engine) return 2;
  std::string error;
  if (!engine->pattern_set().WritePrefilter(args[1], &error)) {
    std::fprintf(stderr, "write_prefilter: %s\n", error.c_str());
    return 2;
  }
  return 0;
}
