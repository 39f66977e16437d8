// libFuzzer target: arbitrary bytes as the body of the packs' snapshot, the
// rule packs postcheck reads at start-up instead of their YAML
// (rules/pack_codec.h, DecodePacks).
//
// Damaged bytes must give false, never a crash, a sanitizer report or a
// value out of range. Bytes that decode must encode again (EncodePacks) and
// decode to equal packs. Each input is decoded as one, two and nine packs
// (the bundled count), with and without examples.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "rules/pack_codec.h"

namespace {

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "snapshot_fuzzer: %s\n", what.c_str());
  std::abort();
}

std::vector<std::string> PackFiles(size_t count) {
  std::vector<std::string> files;
  for (size_t k = 0; k < count; ++k) files.push_back("/rules/pack" + std::to_string(k) + ".yaml");
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (size_t count : {1, 2, 9}) {
    const std::vector<std::string> files = PackFiles(count);
    for (bool examples : {false, true}) {
      std::vector<postcheck::Pack> packs;
      if (!postcheck::DecodePacks(bytes, files, examples, &packs)) {
        if (!packs.empty()) Fail("DecodePacks failed but left packs behind");
        continue;
      }
      if (packs.size() != count) Fail("DecodePacks gave " + std::to_string(packs.size()) + " packs");
      std::string again, error;
      if (!postcheck::EncodePacks(packs, &again, &error)) Fail("decoded packs do not encode: " + error);
      std::vector<postcheck::Pack> round;
      if (!postcheck::DecodePacks(again, files, examples, &round)) Fail("re-encoded packs do not decode");
      if (!(round == packs)) Fail("re-encoded packs decode to other packs");
    }
  }
  return 0;
}
