// Build-time tool: loads the bundled packs from their YAML and writes their
// snapshot where postcheck looks for it at start-up (pack_snapshot.h), so
// that it reads them from there instead of parsing the YAML.
//
//   write_pack_snapshot RULES_DIR OUTPUT   writes OUTPUT
//   write_pack_snapshot --check RULES_DIR  exit 0 if the snapshot beside
//                                          this binary loads for RULES_DIR
#include <cstdio>
#include <string>
#include <vector>

#include "rules/pack_snapshot.h"

int main(int argc, char** argv) {
  using namespace postcheck;
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "--check") {
    const std::string file = DefaultPackSnapshotFile();
    std::vector<Pack> packs;
    const PackSnapshotState state = LoadPackSnapshot(file, args[1], LoadOptions{}, &packs);
    static const char* const kNames[] = {"loaded", "missing", "stale", "damaged"};
    size_t rules = 0;
    for (const Pack& p : packs) rules += p.rules.size();
    std::printf("%s: %s, %zu packs, %zu rules\n", file.empty() ? "(no snapshot)" : file.c_str(),
                kNames[static_cast<int>(state)], packs.size(), rules);
    return state == PackSnapshotState::kLoaded ? 0 : 1;
  }
  if (args.size() != 2) {
    std::fprintf(stderr, "usage: write_pack_snapshot RULES_DIR OUTPUT | write_pack_snapshot --check RULES_DIR\n");
    return 2;
  }
  std::string error;
  if (!WritePackSnapshot(args[0], args[1], &error)) {
    std::fprintf(stderr, "write_pack_snapshot: %s\n", error.c_str());
    return 2;
  }
  return 0;
}
