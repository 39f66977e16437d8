// Unit tests for reading settings files (settings_file.h) and for what the
// rule loader and the config refuse through it: devices, FIFOs, files over
// the limit, a second YAML document, nesting too deep, huge example
// repeats, and word files or dictionaries outside the pack's tree.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "rules/config.h"
#include "rules/rule_loader.h"
#include "rules/settings_file.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

struct Scratch {
  Scratch() : path(fs::temp_directory_path() / ("postcheck_settings_test_" + std::to_string(getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path / "pack");
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
  const fs::path path;
};

std::string OneRule(const std::string& matcher, const std::string& examples = "{flag: [x], pass: [y]}") {
  return "pack: p\ncategory: tone\nrules:\n  - id: r\n    severity: warning\n    message: m\n    why: w\n" +
         matcher + "    examples: " + examples + "\n";
}

std::vector<LoadError> PackErrors(const std::string& path) {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  LoadOptions options;
  CHECK_FALSE(LoadPackFile(path, &packs, &errors, options));
  CHECK(packs.empty());
  return errors;
}

TEST_CASE("ReadSettingsFile: regular files only, within the limit") {
  Scratch s;
  std::string text, reason;
  CHECK(ReadSettingsFile(s.Write("a.yaml", "pack: p\n"), &text, &reason));
  CHECK(text == "pack: p\n");
  CHECK_FALSE(ReadSettingsFile("/dev/zero", &text, &reason));
  CHECK(reason == "not a regular file");
  CHECK_FALSE(ReadSettingsFile(s.path.string(), &text, &reason));
  CHECK(reason == "is a directory, not a file");
  CHECK_FALSE(ReadSettingsFile((s.path / "none").string(), &text, &reason));
  CHECK(reason == "no such file");
  CHECK_FALSE(ReadSettingsFile(s.Write("big", std::string(100, 'x')), &text, &reason, 99));
  CHECK(reason == "larger than the limit of 99 bytes");
  CHECK(text.empty());
  // A FIFO with no writer: refused at once, not waited on.
  std::string fifo = (s.path / "fifo").string();
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(ReadSettingsFile(fifo, &text, &reason));
  CHECK(reason == "not a regular file");
}

TEST_CASE("a pack or config naming /dev/zero or a FIFO is refused with its name") {
  Scratch s;
  std::vector<LoadError> errors = PackErrors("/dev/zero");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ToString() == "/dev/zero: cannot read rule file: not a regular file");
  std::vector<LoadError> config_errors;
  CHECK_FALSE(LoadConfig("/dev/zero", &config_errors));
  REQUIRE(config_errors.size() == 1);
  CHECK(config_errors[0].ToString() == "/dev/zero: cannot read config file: not a regular file");
  std::string pack = s.Write("pack/p.yaml", OneRule("    words: [z]\n    words_file: /dev/zero\n"));
  errors = PackErrors(pack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("words_file '/dev/zero' is outside the pack's directory") == 0);
}

TEST_CASE("a second YAML document is refused with its line") {
  Scratch s;
  std::string pack = s.Write("pack/p.yaml", OneRule("    words: [x]\n") + "---\npack: q\n");
  std::vector<LoadError> errors = PackErrors(pack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ToString() == pack + ":10:1: a second YAML document ('---') is not allowed: a file holds one");
  std::string config = s.Write("c.yaml", "---\nfail_on: error\n---\nfail_on: never\n");
  std::vector<LoadError> config_errors;
  CHECK_FALSE(LoadConfig(config, &config_errors));
  REQUIRE(config_errors.size() == 1);
  CHECK(config_errors[0].ToString() == config + ":3:1: a second YAML document ('---') is not allowed: a file holds one");
  // One document that starts with '---' is fine.
  CHECK(LoadConfig(s.Write("d.yaml", "---\nfail_on: error\n"), &config_errors));
}

TEST_CASE("ParseOneYamlDocument: markers, '...' then more, and input that hung yaml-cpp's LoadAll") {
  YAML::Node root;
  LoadError error;
  CHECK(ParseOneYamlDocument("f", "# c\n%YAML 1.2\n---\na: 1\n...\n# end\n", &root, &error));
  CHECK(root["a"].as<int>() == 1);
  CHECK_FALSE(ParseOneYamlDocument("f", "a: 1\n...\nb: 2\n", &root, &error));
  CHECK(error.ToString() == "f:3:1: a second YAML document ('---') is not allowed: a file holds one");
  CHECK_FALSE(ParseOneYamlDocument("f", "a: |\n  text\n--- \nb: 2\n", &root, &error));
  CHECK(error.mark.line == 3);
  CHECK(ParseOneYamlDocument("f", "a: '---'\nb: \"x\n  --- y\"\n", &root, &error));  // not at a line start
  // loader_fuzzer: YAML::LoadAll never returned on this; now it returns (and
  // is no mapping, so the pack reader refuses it).
  ParseOneYamlDocument("f", ", *a]", &root, &error);
  CHECK_FALSE(root.IsMap());
}

TEST_CASE("YAML nested too deeply is named as such") {
  Scratch s;
  std::string pack = s.Write("pack/p.yaml", "pack: p\nrules: " + std::string(3000, '[') + std::string(3000, ']') + "\n");
  std::vector<LoadError> errors = PackErrors(pack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("YAML nested too deeply (more than ") == 0);
  CHECK(errors[0].mark.line == 2);
}

TEST_CASE("an example repeated past the limit is an error, not an allocation failure") {
  Scratch s;
  std::string pack = s.Write("pack/p.yaml", OneRule("    words: [x]\n", "{flag: [{text: \"" + std::string(4000, 'a') +
                                                                           "\", repeat: 999999}], pass: [y]}"));
  std::vector<LoadError> errors = PackErrors(pack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "'repeat' makes an example of 3999996000 bytes, more than the limit of 1048576");
}

TEST_CASE("word files must be inside the pack's tree or its ../dictionaries") {
  Scratch s;
  fs::create_directories(s.path / "pack" / "lists");
  fs::create_directories(s.path / "dictionaries");
  fs::create_directories(s.path / "elsewhere");
  s.Write("pack/lists/in.txt", "inside\n");
  s.Write("dictionaries/shared.txt", "shared\n");
  s.Write("elsewhere/secret.txt", "secret\n");
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  std::string good = s.Write("pack/good.yaml", OneRule("    words_file: [lists/in.txt, ../dictionaries/shared.txt]\n"));
  REQUIRE(LoadPackFile(good, &packs, &errors));
  CHECK(packs[0].rules[0].words == std::vector<std::string>{"inside", "shared"});

  for (const std::string& bad : std::vector<std::string>{"../elsewhere/secret.txt", "../../../../../../../../etc/passwd",
                                                         (s.path / "elsewhere/secret.txt").string(),
                                                         "lists/../../elsewhere/secret.txt"}) {
    std::string pack = s.Write("pack/bad.yaml", OneRule("    words: [z]\n    words_file: " + bad + "\n"));
    errors = PackErrors(pack);
    INFO(bad);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("words_file '" + bad + "' is outside the pack's directory and its ../dictionaries") == 0);
  }
  // Through a symbolic link out of the tree.
  fs::create_symlink(s.path / "elsewhere", s.path / "pack" / "link");
  errors = PackErrors(s.Write("pack/bad.yaml", OneRule("    words: [z]\n    words_file: link/secret.txt\n")));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("is outside the pack's directory") != std::string::npos);
}

TEST_CASE("a spelling dictionary is a name, never a path") {
  Scratch s;
  for (const std::string bad : {"../../../tmp/x/evil", "/usr/share/hunspell/en_GB", "en_GB/../x"}) {
    std::string pack = s.Write("pack/bad.yaml", OneRule("    spelling: {dictionary: \"" + bad + "\"}\n"));
    std::vector<LoadError> errors = PackErrors(pack);
    INFO(bad);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("'dictionary' must be a Hunspell dictionary name such as en_GB") == 0);
  }
}

}  // namespace
}  // namespace postcheck
