// Unit tests for blanking rule examples out of pack text (example_blocks.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/example_blocks.h"

namespace postcheck {
namespace {

struct Blanked {
  bool changed;
  std::string text;
  std::vector<size_t> key_lines;
};

Blanked Blank(const std::string& yaml) {
  Blanked b;
  b.changed = BlankExampleBlocks(yaml, &b.text, &b.key_lines);
  return b;
}

TEST_CASE("each rule's examples block is blanked, lines kept") {
  const std::string yaml =
      "pack: p\n"
      "rules:\n"
      "  - id: a\n"
      "    message: m\n"
      "    examples:\n"
      "      flag:\n"
      "        - {text: \"x\", match: \"x\"}\n"
      "\n"
      "      pass: [\"y\"]  # comment\n"
      "  - examples:   # first key of its rule\n"
      "      flag: [x]\n"
      "    id: b\n";
  Blanked b = Blank(yaml);
  CHECK(b.changed);
  CHECK(b.key_lines == std::vector<size_t>{5, 10});
  CHECK(b.text ==
        "pack: p\n"
        "rules:\n"
        "  - id: a\n"
        "    message: m\n"
        "    examples:\n"
        "\n\n\n\n"
        "  - examples:   # first key of its rule\n"
        "\n"
        "    id: b\n");
}

TEST_CASE("an examples line inside a block scalar is text, not a key") {
  const std::string yaml =
      "rules:\n"
      "  - why: &why >-\n"
      "      See the\n"
      "      examples:\n"
      "        below\n"
      "    suggest: |+2 # keep\n"
      "      examples:\n"
      "    examples:\n"
      "      pass: [y]\n";
  Blanked b = Blank(yaml);
  CHECK(b.key_lines == std::vector<size_t>{8});
  CHECK(b.text == yaml.substr(0, yaml.find("      pass")) + "\n");
}

TEST_CASE("nothing to blank") {
  Blanked b = Blank("rules:\n  - id: a\n    examples: {flag: [x], pass: [y]}\n    note: \"examples:\"\n");
  CHECK_FALSE(b.changed);
  CHECK(b.text.empty());
  CHECK(b.key_lines.empty());
  CHECK_FALSE(Blank("").changed);
}

TEST_CASE("CRLF text and a block running to the end without a newline") {
  Blanked b = Blank("rules:\r\n  - id: a\r\n    examples:\r\n      pass: [y]\r\n      flag: [x]");
  CHECK(b.key_lines == std::vector<size_t>{3});
  CHECK(b.text == "rules:\r\n  - id: a\r\n    examples:\r\n\n");
}

TEST_CASE("a quote or bracket left open in a block: nothing is blanked") {
  // The quoted text goes on below the block's indentation; blanking the block
  // would leave "ion (RTC)\"]" behind as a key of the pack.
  CHECK_FALSE(Blank("rules:\n  - id: a\n    examples:\n      pass: [\"road traffic col\n"
                    "ion (RTC)\"]\n").changed);
  CHECK_FALSE(Blank("rules:\n  - examples:\n      flag: [x,\n      y]\n").changed);
  CHECK_FALSE(Blank("rules:\n  - examples:\n      flag:\n        - 'it''s\n").changed);
  // Closed on the line, apostrophes in words, and quotes in comments are fine.
  CHECK(Blank("rules:\n  - examples:\n      flag: [\"a [b\", 'it''s', {text: \"x\"}]\n"
              "      pass:\n        - don't # \"\n        - \"say \\\"hi\\\"\"\n").changed);
}

TEST_CASE("a block scalar in a block is text: its quotes and brackets do not count") {
  Blanked b = Blank("rules:\n  - examples:\n      flag:\n        - |\n          He said \"go [\n"
                    "        - x\n    id: a\n");
  CHECK(b.changed);
  CHECK(b.text == "rules:\n  - examples:\n\n\n\n\n    id: a\n");
}

TEST_CASE("every rule's examples in the shipped packs can be blanked") {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(POSTCHECK_SOURCE_DIR) + "/rules")) {
    if (entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    size_t rules = 0;
    std::string line;
    while (std::getline(text, line)) {
      if (line.rfind("  - id:", 0) == 0) ++rules;
    }
    Blanked b = Blank(text.str());
    INFO(entry.path().string());
    CHECK(b.changed);
    CHECK(b.key_lines.size() == rules);
  }
}

}  // namespace
}  // namespace postcheck
