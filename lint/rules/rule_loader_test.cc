// Unit tests for loading rule packs and reporting schema mistakes
// (rule_loader.h). Each kind of mistake has its own pack in
// tests/data/loader/ and its own test case.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "rules/rule_loader.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

// A directory of its own for one test case, made empty and removed when the
// case ends, however it ends.
struct ScratchDir {
  explicit ScratchDir(const std::string& name)
      : path(fs::temp_directory_path() / ("postcheck_loader_test_" + name + "_" + std::to_string(getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  const fs::path path;
};

// Copies the test word lists into `dir`, where a pack written there may read
// them (a pack's word files must be inside its own directory tree).
std::string CopyWords(const fs::path& dir) {
  fs::copy(std::string(POSTCHECK_TEST_DATA) + "/words", dir / "words");
  return (dir / "words").string() + "/";
}

std::string Loader(const std::string& name) {
  return std::string(POSTCHECK_TEST_DATA) + "/loader/" + name;
}

std::string AllErrors(const std::vector<LoadError>& errors) {
  std::string out;
  for (const LoadError& e : errors) out += e.ToString() + "\n";
  return out;
}

// Loads the pack at `path`, expects it to fail with exactly one error, and
// returns it.
LoadError OnlyErrorOf(const fs::path& path) {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  CHECK_FALSE(LoadPackFile(path.string(), &packs, &errors));
  INFO(AllErrors(errors));
  REQUIRE(errors.size() == 1);
  return errors[0];
}

// Loads `name`, expects it to fail with exactly one error, and returns it.
LoadError OnlyLoadError(const std::string& name) {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  CHECK_FALSE(LoadPackFile(Loader(name), &packs, &errors));
  CHECK(packs.empty());
  INFO(AllErrors(errors));
  REQUIRE(errors.size() == 1);
  return errors[0];
}

// Loads `name` (which must load), then expects Engine::Create to fail with
// exactly one error, and returns it.
LoadError OnlyEngineError(const std::string& name) {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  REQUIRE(LoadPackFile(Loader(name), &packs, &errors));
  REQUIRE(errors.empty());
  std::unique_ptr<Engine> engine = Engine::Create(std::move(packs), EngineOptions(), &errors);
  CHECK(engine == nullptr);
  INFO(AllErrors(errors));
  REQUIRE(errors.size() == 1);
  return errors[0];
}

void Expect(const LoadError& e, const std::string& name, int line, int column, const std::string& rule,
            const std::string& message) {
  CHECK(e.mark.file == Loader(name));
  CHECK(e.mark.line == line);
  CHECK(e.mark.column == column);
  CHECK(e.rule == rule);
  CHECK(e.message == message);
}

// The rule keys in the order the loader lists them. The schema grows (other
// keys may follow these), so messages are checked up to here.
const char kRuleKeys[] =
    "id, category, severity, report, message, why, suggest, replace, patterns, words, "
    "words_file, swap, names, spelling, match_case, disguises, validate, near, unless, examples";

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

TEST_CASE("malformed YAML") {
  LoadError e = OnlyLoadError("malformed.yaml");
  // The flow sequence opened on line 4 is still open when line 5's mapping
  // key ends.
  Expect(e, "malformed.yaml", 5, 12, "", "malformed YAML: end of sequence flow not found");
  CHECK(e.ToString() == Loader("malformed.yaml") + ":5:12: malformed YAML: end of sequence flow not found");
}

TEST_CASE("unknown key at rule level") {
  LoadError e = OnlyLoadError("unknown_key_rule.yaml");
  CHECK(e.mark.file == Loader("unknown_key_rule.yaml"));
  CHECK(e.mark.line == 9);
  CHECK(e.mark.column == 5);
  CHECK(e.message.find("unknown key 'pattern' (allowed: " + std::string(kRuleKeys)) != std::string::npos);
  CHECK(e.message.back() == ')');
}

TEST_CASE("unknown key at rule level names the rule") {
  LoadError e = OnlyLoadError("unknown_key_rule.yaml");
  CHECK(e.mark.line == 9);
  CHECK(e.mark.column == 5);
  CHECK(e.rule == "profanity");
  CHECK(StartsWith(e.message, "unknown key 'pattern' (allowed: " + std::string(kRuleKeys)));
  CHECK(StartsWith(e.ToString(), Loader("unknown_key_rule.yaml") +
                                     ":9:5: rule 'profanity': unknown key 'pattern' (allowed: id, "));
}

TEST_CASE("unknown key at pack level") {
  LoadError e = OnlyLoadError("unknown_key_pack.yaml");
  Expect(e, "unknown_key_pack.yaml", 2, 1, "",
         "pack: unknown key 'author' (allowed: pack, description, category, word_lists, rules)");
}

TEST_CASE("unknown key in near") {
  LoadError e = OnlyLoadError("unknown_key_near.yaml");
  Expect(e, "unknown_key_near.yaml", 11, 7, "phone",
         "'near': unknown key 'distance' (allowed: words, words_file, patterns, rules, within, match_case)");
}

TEST_CASE("unknown key in unless") {
  LoadError e = OnlyLoadError("unknown_key_unless.yaml");
  Expect(e, "unknown_key_unless.yaml", 11, 9, "phone",
         "'unless': unknown key 'scope' (allowed: words, words_file, patterns, rules, within, match_case)");
}

TEST_CASE("unknown key in examples") {
  LoadError e = OnlyLoadError("unknown_key_examples.yaml");
  Expect(e, "unknown_key_examples.yaml", 12, 7, "profanity",
         "'examples': unknown key 'fail' (allowed: flag, pass)");
}

TEST_CASE("unknown key in one example") {
  LoadError e = OnlyLoadError("unknown_key_example.yaml");
  Expect(e, "unknown_key_example.yaml", 11, 29, "profanity",
         "example: unknown key 'matches' (allowed: text, match, repeat)");
}

TEST_CASE("wrong type: words: 5") {
  LoadError e = OnlyLoadError("wrong_type_words.yaml");
  Expect(e, "wrong_type_words.yaml", 9, 12, "numbers", "'words' must be a list of strings");
}

TEST_CASE("wrong type: report: \"maybe\"") {
  LoadError e = OnlyLoadError("wrong_type_report.yaml");
  Expect(e, "wrong_type_report.yaml", 8, 13, "block", "'report' must be true or false");
}

TEST_CASE("wrong type: within: soon") {
  LoadError e = OnlyLoadError("wrong_type_within.yaml");
  Expect(e, "wrong_type_within.yaml", 9, 35, "phone",
         "'within' must be a number of words, 'sentence' or 'post'");
}

TEST_CASE("empty regex") {
  LoadError e = OnlyEngineError("empty_regex.yaml");
  Expect(e, "empty_regex.yaml", 10, 9, "nothing", "empty pattern in pattern ''");
}

TEST_CASE("invalid regex: the engine reports it at the pattern") {
  LoadError e = OnlyEngineError("invalid_regex.yaml");
  Expect(e, "invalid_regex.yaml", 9, 9, "broken",
         "invalid regex: missing ): (unclosed in pattern '(unclosed'");
  CHECK(e.ToString() == Loader("invalid_regex.yaml") +
                            ":9:9: rule 'broken': invalid regex: missing ): (unclosed in pattern '(unclosed'");
}

TEST_CASE("a pattern matching the empty string") {
  LoadError e = OnlyEngineError("empty_match_regex.yaml");
  Expect(e, "empty_match_regex.yaml", 8, 21, "stars", "pattern matches the empty string in pattern 'a*'");
}

TEST_CASE("missing words_file") {
  LoadError e = OnlyLoadError("missing_words_file.yaml");
  Expect(e, "missing_words_file.yaml", 9, 17, "words",
         "cannot read words_file '" + Loader("no-such-list.txt") + "'");
}

TEST_CASE("duplicate rule id in one file") {
  LoadError e = OnlyLoadError("duplicate_id.yaml");
  Expect(e, "duplicate_id.yaml", 10, 9, "twice", "duplicate rule id 'bad.twice'");
}

TEST_CASE("duplicate pack and rule id across two packs") {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  REQUIRE(LoadPackFile(Loader("dup_across_a.yaml"), &packs, &errors));
  REQUIRE(LoadPackFile(Loader("dup_across_b.yaml"), &packs, &errors));
  REQUIRE(errors.empty());
  CHECK_FALSE(CheckPacks(packs, &errors));
  INFO(AllErrors(errors));
  REQUIRE(errors.size() == 2);
  Expect(errors[0], "dup_across_b.yaml", 0, 0, "",
         "duplicate pack id 'shared' (also in " + Loader("dup_across_a.yaml") + ")");
  Expect(errors[1], "dup_across_b.yaml", 10, 5, "same", "duplicate rule id 'shared.same'");
  // Engine::Create runs the same checks.
  std::vector<LoadError> engine_errors;
  CHECK(Engine::Create(packs, EngineOptions(), &engine_errors) == nullptr);
  CHECK(engine_errors.size() == 2);
}

TEST_CASE("unknown category") {
  LoadError e = OnlyLoadError("unknown_category.yaml");
  Expect(e, "unknown_category.yaml", 4, 15, "rude",
         "unknown category 'rudeness' (one of: personal-data, case-details, tone, discrimination, "
         "impartiality, jargon, spelling, platform)");
}

TEST_CASE("unknown severity") {
  LoadError e = OnlyLoadError("unknown_severity.yaml");
  Expect(e, "unknown_severity.yaml", 5, 15, "rude", "unknown severity 'high' (error, warning or suggestion)");
}

TEST_CASE("unknown validator") {
  LoadError e = OnlyLoadError("unknown_validator.yaml");
  // The mark is the `validate` list, not the bad entry in it.
  Expect(e, "unknown_validator.yaml", 9, 15, "card",
         "unknown validator 'luhnn' (known: date, driving_licence, iban_gb, luhn, nhs_number, "
         "nhs_number_issued, ni_number, passport, pnc_id, sort_code, uk_phone, uk_postcode, "
         "vehicle_reg, vehicle_reg_any)");
}

TEST_CASE("a rule with no matcher") {
  LoadError e = OnlyLoadError("no_matcher.yaml");
  CHECK(e.mark.file == Loader("no_matcher.yaml"));
  CHECK(e.mark.line == 3);
  CHECK(e.mark.column == 5);
  CHECK(e.rule == "empty");
  // The list of matchers grows with the schema.
  CHECK(StartsWith(e.message, "rule has no matcher (patterns, words, words_file, swap, names"));
}

TEST_CASE("disguises needs a word list") {
  LoadError e = OnlyLoadError("disguises_without_words.yaml");
  Expect(e, "disguises_without_words.yaml", 9, 16, "masked",
         "'disguises' needs 'words' or 'words_file', and no 'match_case'");
}

TEST_CASE("missing examples") {
  LoadError e = OnlyLoadError("missing_examples.yaml");
  Expect(e, "missing_examples.yaml", 3, 5, "untested", "rule has no 'examples' (flag and pass)");
}

TEST_CASE("examples without pass examples") {
  LoadError e = OnlyLoadError("missing_pass_examples.yaml");
  Expect(e, "missing_pass_examples.yaml", 10, 7, "half", "'examples' needs at least one 'pass' example");
}

TEST_CASE("missing id") {
  LoadError e = OnlyLoadError("missing_id.yaml");
  Expect(e, "missing_id.yaml", 3, 5, "", "rule has no 'id'");
}

TEST_CASE("missing message") {
  LoadError e = OnlyLoadError("missing_message.yaml");
  Expect(e, "missing_message.yaml", 3, 5, "quiet", "rule has no 'message'");
}

TEST_CASE("missing why") {
  LoadError e = OnlyLoadError("missing_why.yaml");
  Expect(e, "missing_why.yaml", 3, 5, "unexplained", "rule has no 'why'");
}

// Loads `name` (which must load) into *packs, expects CheckPacks to reject
// it, and returns its errors.
std::vector<LoadError> CheckPacksErrors(const std::string& name, std::vector<Pack>* packs) {
  std::vector<LoadError> errors;
  REQUIRE(LoadPackFile(Loader(name), packs, &errors));
  CHECK_FALSE(CheckPacks(*packs, &errors));
  return errors;
}

TEST_CASE("reference to an unknown rule") {
  std::vector<Pack> packs;
  std::vector<LoadError> errors = CheckPacksErrors("unknown_reference.yaml", &packs);
  INFO(AllErrors(errors));
  REQUIRE(errors.size() == 1);
  Expect(errors[0], "unknown_reference.yaml", 10, 7, "phone", "refers to unknown rule 'bad.nowhere'");
}

TEST_CASE("a reference cycle") {
  std::vector<Pack> packs;
  std::vector<LoadError> errors = CheckPacksErrors("cycle.yaml", &packs);
  INFO(AllErrors(errors));
  REQUIRE(errors.size() == 2);
  Expect(errors[0], "cycle.yaml", 15, 7, "egg", "reference to 'bad.chicken' makes a cycle");
  Expect(errors[1], "cycle.yaml", 8, 7, "chicken", "reference to 'bad.egg' makes a cycle");
}

TEST_CASE("cluster: min and within must be whole numbers in range") {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  CHECK_FALSE(LoadPackFile(Loader("cluster_bad.yaml"), &packs, &errors));
  INFO(AllErrors(errors));
  REQUIRE(errors.size() == 2);
  Expect(errors[0], "cluster_bad.yaml", 14, 12, "dense", "'min' must be a whole number from 1 to 9999");
  Expect(errors[1], "cluster_bad.yaml", 15, 15, "dense", "'within' must be a whole number from 1 to 9999");
}

TEST_CASE("cluster: its rules must exist and make no cycle") {
  std::vector<Pack> packs;
  std::vector<LoadError> errors = CheckPacksErrors("cluster_cycle.yaml", &packs);
  REQUIRE(packs[0].rules[1].cluster.has_value());
  CHECK(packs[0].rules[1].cluster->rules == std::vector<std::string>{"bad.term", "bad.nowhere"});
  CHECK(packs[0].rules[1].cluster->min == 2);
  CHECK(packs[0].rules[1].cluster->within == 3);
  INFO(AllErrors(errors));
  REQUIRE(errors.size() == 3);
  Expect(errors[0], "cluster_cycle.yaml", 15, 7, "dense", "reference to 'bad.term' makes a cycle");
  Expect(errors[1], "cluster_cycle.yaml", 15, 7, "dense", "refers to unknown rule 'bad.nowhere'");
  Expect(errors[2], "cluster_cycle.yaml", 8, 7, "term", "reference to 'bad.dense' makes a cycle");
}

TEST_CASE("a rule file that is not UTF-8") {
  LoadError e = OnlyLoadError("not_utf8.yaml");
  Expect(e, "not_utf8.yaml", 0, 0, "", "not UTF-8 text at byte 26");
  CHECK(e.ToString() == Loader("not_utf8.yaml") + ": not UTF-8 text at byte 26");
}

TEST_CASE("a missing rule file") {
  LoadError e = OnlyLoadError("no-such-pack.yaml");
  Expect(e, "no-such-pack.yaml", 0, 0, "", "cannot read rule file: no such file");
}

TEST_CASE("several mistakes in one file are all reported") {
  ScratchDir scratch("many");
  const fs::path& dir = scratch.path;
  std::string path = (dir / "many.yaml").string();
  std::ofstream(path) << "pack: many\n"
                         "rules:\n"
                         "  - id: a\n"
                         "    category: tone\n"
                         "    severity: loud\n"
                         "    message: m\n"
                         "    why: w\n"
                         "    words: [x]\n"
                         "    examples: {flag: [x], pass: [y]}\n"
                         "  - id: b\n"
                         "    category: nope\n"
                         "    severity: error\n"
                         "    message: m\n"
                         "    why: w\n"
                         "    words: [x]\n"
                         "    examples: {flag: [x], pass: [y]}\n";
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  CHECK_FALSE(LoadPackFile(path, &packs, &errors));
  INFO(AllErrors(errors));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].ToString() == path + ":5:15: rule 'a': unknown severity 'loud' (error, warning or suggestion)");
  CHECK(errors[1].rule == "b");
  CHECK(errors[1].mark.line == 11);
}

TEST_CASE("LoadError::ToString leaves out what is unknown") {
  LoadError e;
  e.mark.file = "f.yaml";
  e.mark.line = 3;
  e.mark.column = 4;
  e.rule = "r";
  e.message = "msg";
  CHECK(e.ToString() == "f.yaml:3:4: rule 'r': msg");
  e.rule.clear();
  CHECK(e.ToString() == "f.yaml:3:4: msg");
  e.mark.line = 0;
  CHECK(e.ToString() == "f.yaml: msg");
}

TEST_CASE("ReadWordList") {
  std::vector<std::string> words = {"kept"};
  REQUIRE(ReadWordList(std::string(POSTCHECK_TEST_DATA) + "/words/extra.txt", &words));
  CHECK(words == std::vector<std::string>{"kept", "blimey", "crikey", "drat it"});
  CHECK_FALSE(ReadWordList(std::string(POSTCHECK_TEST_DATA) + "/words/none.txt", &words));
  CHECK_FALSE(ReadWordList(std::string(POSTCHECK_TEST_DATA) + "/words", &words));  // a directory
}

TEST_CASE("a good pack loads with everything in place") {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  REQUIRE(LoadPackFile(Loader("good.yaml"), &packs, &errors));
  INFO(AllErrors(errors));
  REQUIRE(errors.empty());
  CHECK(CheckPacks(packs, &errors));
  REQUIRE(packs.size() == 1);
  const Pack& pack = packs[0];
  CHECK(pack.id == "good");
  CHECK(pack.description == "A pack with one of everything.");
  CHECK(pack.file == Loader("good.yaml"));
  REQUIRE(pack.rules.size() == 3);

  const Rule& swearing = pack.rules[0];
  CHECK(swearing.pack == "good");
  CHECK(swearing.id == "swearing");
  CHECK(swearing.full_id == "good.swearing");
  CHECK(swearing.category == "tone");  // the pack's default
  CHECK(swearing.severity == Severity::kError);
  CHECK(swearing.report);
  CHECK(swearing.message == "Avoid '{match}'");
  CHECK(swearing.why == "College of Policing guidance on social media.");
  CHECK(swearing.suggest == "Remove it.");
  CHECK(swearing.replace.empty());
  CHECK(swearing.words == std::vector<std::string>{"damn", "bang to rights", "blimey", "crikey", "drat it"});
  CHECK(swearing.patterns.empty());
  CHECK(swearing.mark.line == 5);
  CHECK(swearing.mark.column == 5);
  REQUIRE(swearing.flag.size() == 2);
  CHECK(swearing.flag[0].text == "That is damn good");
  CHECK(swearing.flag[0].match.empty());
  CHECK(swearing.flag[0].mark.line == 14);
  CHECK(swearing.flag[0].mark.column == 11);
  CHECK(swearing.flag[1].text == "Got him bang to rights");
  CHECK(swearing.flag[1].match == "bang to rights");
  CHECK(swearing.flag[1].mark.line == 15);
  REQUIRE(swearing.pass.size() == 1);
  CHECK(swearing.pass[0].text == "That is good");

  const Rule& phone = pack.rules[1];
  CHECK(phone.full_id == "good.phone");
  CHECK(phone.category == "personal-data");
  CHECK(phone.severity == Severity::kWarning);
  CHECK(phone.replace == "[phone]");
  REQUIRE(phone.patterns.size() == 1);
  CHECK(phone.patterns[0].text == "\\b07\\d{3} ?\\d{6}\\b");
  CHECK(phone.patterns[0].mark.file == Loader("good.yaml"));
  CHECK(phone.patterns[0].mark.line == 25);
  CHECK(phone.patterns[0].mark.column == 9);
  CHECK(phone.validators == std::vector<std::string>{"uk_phone"});
  REQUIRE(phone.near.size() == 1);
  CHECK(phone.near[0].words == std::vector<std::string>{"call"});
  CHECK(phone.near[0].scope == Context::Scope::kWords);
  CHECK(phone.near[0].within == 5);
  CHECK_FALSE(phone.near[0].match_case);
  CHECK(phone.near[0].mark.line == 28);
  REQUIRE(phone.unless.size() == 2);
  CHECK(phone.unless[0].rules == std::vector<std::string>{"good.helpline"});
  CHECK(phone.unless[0].scope == Context::Scope::kSentence);
  REQUIRE(phone.unless[1].patterns.size() == 1);
  CHECK(phone.unless[1].patterns[0].text == "101");
  CHECK(phone.unless[1].scope == Context::Scope::kOverlap);
  CHECK(phone.unless[1].within == 0);
  CHECK(phone.unless[1].match_case);

  const Rule& helpline = pack.rules[2];
  CHECK_FALSE(helpline.report);
  CHECK(helpline.match_case);
  CHECK(helpline.message.empty());
  REQUIRE(helpline.swap.size() == 1);
  CHECK(helpline.swap[0].first == "MOP");
  CHECK(helpline.swap[0].second == "member of the public");
  CHECK_FALSE(helpline.names.has_value());
  CHECK_FALSE(helpline.spelling.has_value());
}

TEST_CASE("names and spelling matchers load") {
  ScratchDir scratch("names");
  const fs::path& dir = scratch.path;
  std::string path = (dir / "people.yaml").string();
  const std::string words = CopyWords(dir);
  std::ofstream(path) << "pack: people\n"
                         "category: personal-data\n"
                         "rules:\n"
                         "  - id: name\n"
                         "    report: false\n"
                         "    names:\n"
                         "      titles: [Mr, Dr]\n"
                         "      first_names_file: " + words + "first_names.txt\n"
                         "      not_surnames: [Lane]\n"
                         "      not_surnames_file: [" + words + "not_surnames.txt]\n"
                         "    examples: {flag: [Mr Jones], pass: [jones]}\n"
                         "  - id: spell\n"
                         "    category: spelling\n"
                         "    severity: suggestion\n"
                         "    message: m\n"
                         "    why: w\n"
                         "    spelling:\n"
                         "      accept: [postcheck]\n"
                         "      accept_files: " + words + "extra.txt\n"
                         "    examples: {flag: [teh], pass: [the]}\n";
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  REQUIRE(LoadPackFile(path, &packs, &errors));
  INFO(AllErrors(errors));
  const Rule& name = packs[0].rules[0];
  REQUIRE(name.names.has_value());
  CHECK(name.names->titles == std::vector<std::string>{"Mr", "Dr"});
  CHECK(*name.names->first_names == std::vector<std::string>{"Darren", "amy", "Sean", "Mary"});
  CHECK(name.names->not_surnames == std::vector<std::string>{"Lane", "Road", "Street", "Police"});
  CHECK(name.category == "personal-data");
  const Rule& spell = packs[0].rules[1];
  REQUIRE(spell.spelling.has_value());
  CHECK(spell.spelling->dictionary == "en_GB");
  CHECK(spell.spelling->accept == std::vector<std::string>{"postcheck", "blimey", "crikey", "drat it"});
}

TEST_CASE("LoadPackDir loads *.yaml and *.yml in name order") {
  ScratchDir scratch("dir");
  const fs::path& dir = scratch.path;
  fs::create_directories(dir / "sub");
  auto pack = [](const std::string& id) {
    return "pack: " + id + "\nrules:\n  - id: r\n    category: tone\n    severity: warning\n"
           "    message: m\n    why: w\n    words: [x]\n    examples: {flag: [x], pass: [y]}\n";
  };
  std::ofstream(dir / "b.yml") << pack("bee");
  std::ofstream(dir / "a.yaml") << pack("ay");
  std::ofstream(dir / "notes.txt") << "not a pack";
  std::ofstream(dir / "sub" / "c.yaml") << pack("sea");
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  REQUIRE(LoadPackDir(dir.string(), &packs, &errors));
  INFO(AllErrors(errors));
  REQUIRE(packs.size() == 2);
  CHECK(packs[0].id == "ay");
  CHECK(packs[1].id == "bee");

  fs::path empty = dir / "sub" / "empty";
  fs::create_directories(empty);
  errors.clear();
  CHECK_FALSE(LoadPackDir(empty.string(), &packs, &errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ToString() == empty.string() + ": no rule packs (*.yaml) in directory");
  errors.clear();
  CHECK_FALSE(LoadPackDir((dir / "a.yaml").string(), &packs, &errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ToString() == (dir / "a.yaml").string() + ": not a directory of rule packs");
}

TEST_CASE("LoadPackDir: spelling packs reach on_rule first, packs and errors stay in name order") {
  ScratchDir scratch("spelling_first");
  const fs::path& dir = scratch.path;
  const std::string words = CopyWords(dir);
  auto pack = [&](const std::string& id, const std::string& matcher) {
    return "pack: " + id + "\nrules:\n  - id: r\n    category: tone\n    severity: warning\n"
           "    message: m\n    why: w\n" + matcher + "    examples: {flag: [x], pass: [y]}\n";
  };
  const std::string list = "    words_file: " + words + "extra.txt\n";
  std::ofstream(dir / "a.yaml") << pack("ay", list);
  std::ofstream(dir / "b.yaml") << pack("bee", "    wrods: [x]\n");
  std::ofstream(dir / "c.yaml") << pack("sea", list);
  std::ofstream(dir / "s.yaml") << pack("ess", "    spelling: {dictionary: en_GB}\n");
  std::vector<std::string> seen;
  LoadOptions options;
  options.threads = 1;  // one file after the other: on_rule's order is known
  options.on_rule = [&](const Rule& rule) { seen.push_back(rule.full_id); };
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  CHECK_FALSE(LoadPackDir(dir.string(), &packs, &errors, options));
  // b.yaml's rule has an error, so on_rule never sees it. Spelling first,
  // then the largest: c.yaml ("sea") is a byte longer than a.yaml ("ay").
  CHECK(seen == std::vector<std::string>{"ess.r", "sea.r", "ay.r"});
  REQUIRE(packs.size() == 3);
  CHECK(packs[0].id == "ay");
  CHECK(packs[1].id == "sea");
  CHECK(packs[2].id == "ess");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].mark.file == (dir / "b.yaml").string());
  CHECK(errors[1].mark.file == (dir / "b.yaml").string());
  // A list named by two packs is read once and given to both.
  CHECK(packs[0].rules[0].words == std::vector<std::string>{"blimey", "crikey", "drat it"});
  CHECK(packs[1].rules[0].words == packs[0].rules[0].words);
}

TEST_CASE("word_lists: a pattern names a list as {list:NAME} and matches its entries") {
  ScratchDir scratch("word_lists");
  const fs::path& dir = scratch.path;
  const std::string words = CopyWords(dir);  // words/extra.txt: blimey, crikey, drat it
  auto write = [&](const std::string& lists, const std::string& pattern) {
    std::ofstream(dir / "p.yaml") << "pack: p\n" << lists
                                  << "rules:\n  - id: r\n    category: tone\n    severity: warning\n"
                                     "    message: m\n    why: w\n    patterns: ['" << pattern << "']\n"
                                     "    examples: {flag: [x], pass: [y]}\n";
  };
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  write("word_lists: {oaths: words/extra.txt}\n", "(?i)\\b{list:oaths}!");
  REQUIRE(LoadPackFile((dir / "p.yaml").string(), &packs, &errors));
  REQUIRE(packs.size() == 1);
  REQUIRE(packs[0].rules[0].patterns.size() == 1);
  CHECK(packs[0].rules[0].patterns[0].text == "(?i)\\b(?:drat\\ it|crikey|blimey)!");
  CHECK(packs[0].rules[0].patterns[0].mark.line == 9);

  auto only_error = [&](const std::string& lists, const std::string& pattern) {
    write(lists, pattern);
    return OnlyErrorOf(dir / "p.yaml");
  };
  LoadError e = only_error("", "{list:oaths}");
  CHECK(e.mark.line == 8);
  CHECK(e.rule == "r");
  CHECK(e.message == "'{list:oaths}': the pack declares no word list 'oaths' (word_lists)");
  e = only_error("word_lists: {oaths: words/none.txt}\n", "x");
  CHECK(e.mark.line == 2);
  CHECK(StartsWith(e.message, "cannot read word_lists 'oaths' "));
  e = only_error("word_lists: {oaths: ../../outside.txt}\n", "x");
  CHECK(StartsWith(e.message, "word_lists 'oaths' '../../outside.txt' is outside the pack's directory"));
  e = only_error("word_lists: {'bad name': words/extra.txt}\n", "x");
  CHECK(e.message == "word list name 'bad name' must be letters, digits, '-' or '_'");
  e = only_error("word_lists: {oaths: words/extra.txt, oaths: words/extra.txt}\n", "x");
  CHECK(e.message == "word list 'oaths' is given twice");
  e = only_error("word_lists: [words/extra.txt]\n", "x");
  CHECK(e.message == "'word_lists' must be a mapping of names to word files");
}

TEST_CASE("model: a file, one of its labels and a threshold; each mistake named") {
  ScratchDir scratch("model");
  const fs::path& dir = scratch.path;
  std::ofstream(dir / "m.tsv") << "labels\tpersonal-data\timpartiality\nbias\t-1\t-1\nu:nan\t0.5\t0\n";
  std::ofstream(dir / "broken.tsv") << "labels\tx\nbias\t1\t2\n";
  auto write = [&](const std::string& model) {
    std::ofstream(dir / "p.yaml") << "pack: p\nrules:\n  - id: r\n    category: personal-data\n"
                                     "    severity: warning\n    message: m\n    why: w\n    model: "
                                  << model << "\n    examples: {flag: [x], pass: [y]}\n";
  };
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  std::vector<std::string> files;
  LoadOptions options;
  options.word_files = &files;
  write("{file: m.tsv, label: impartiality, threshold: 0.8}");
  REQUIRE(LoadPackFile((dir / "p.yaml").string(), &packs, &errors, options));
  REQUIRE(packs[0].rules[0].model.has_value());
  CHECK(packs[0].rules[0].model->label == "impartiality");
  CHECK(packs[0].rules[0].model->threshold == 0.8);
  CHECK(packs[0].rules[0].model->model->features() == std::vector<std::string>{"u:nan"});
  CHECK(packs[0].rules[0].model->mark.line == 8);
  // the model file is one of the files the packs read (the snapshot's key)
  CHECK(files == std::vector<std::string>{(dir / "m.tsv").string()});

  auto only_error = [&](const std::string& model) {
    write(model);
    return OnlyErrorOf(dir / "p.yaml");
  };
  LoadError e = only_error("{file: m.tsv, label: tone, threshold: 0.8}");
  CHECK(e.message == "model 'm.tsv' has no label 'tone' (it has: personal-data, impartiality)");
  e = only_error("{file: m.tsv, label: impartiality, threshold: 1}");
  CHECK(e.message == "'threshold' must be a number above 0 and below 1");
  e = only_error("{file: m.tsv, label: impartiality, threshold: lots}");
  CHECK(e.message == "'threshold' must be a number above 0 and below 1");
  e = only_error("{file: m.tsv, label: impartiality}");
  CHECK(e.message == "'model' needs file, label and threshold");
  e = only_error("{file: none.tsv, label: x, threshold: 0.5}");
  CHECK(StartsWith(e.message, "cannot read model '"));
  e = only_error("{file: broken.tsv, label: x, threshold: 0.5}");
  CHECK(e.message == "cannot read model '" + (dir / "broken.tsv").string() +
                         "': line 2: expected 2 tab-separated cells, found 3");
  e = only_error("{file: ../../outside.tsv, label: x, threshold: 0.5}");
  CHECK(StartsWith(e.message, "model '../../outside.tsv' is outside the pack's directory"));
  e = only_error("{file: m.tsv, label: impartiality, threshold: 0.5, colour: red}");
  CHECK(StartsWith(e.message, "'model': unknown key 'colour' (allowed: "));
}

TEST_CASE("an example repeated many times is the text that many times") {
  ScratchDir scratch("repeat");
  const fs::path& dir = scratch.path;
  std::ofstream(dir / "long.yaml")
      << "pack: long\nrules:\n  - id: r\n    category: tone\n    severity: warning\n"
         "    message: m\n    why: w\n    words: [x]\n"
         "    examples: {flag: [{text: \"ab \", repeat: 50000}], pass: [y]}\n";
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  REQUIRE(LoadPackFile((dir / "long.yaml").string(), &packs, &errors));
  const std::string& text = packs[0].rules[0].flag[0].text;
  CHECK(text.size() == 150000);
  CHECK(text.substr(0, 6) == "ab ab ");
}

// What linting needs of a rule, with where each part was written.
std::string Describe(const std::vector<Pack>& packs) {
  std::string out;
  for (const Pack& pack : packs) {
    out += pack.id + " " + pack.description + "\n";
    for (const Rule& r : pack.rules) {
      out += r.full_id + "@" + std::to_string(r.mark.line) + " " + r.message + " | " + r.why + " | " + r.suggest +
             " | " + std::to_string(r.words.size()) + " words, " + std::to_string(r.swap.size()) + " swaps\n";
      for (const Located& p : r.patterns) out += "  " + p.text + "@" + std::to_string(p.mark.line) + ":" +
                                                 std::to_string(p.mark.column) + "\n";
      out += "  near " + std::to_string(r.near.size()) + ", unless " + std::to_string(r.unless.size()) + "\n";
    }
  }
  return out;
}

TEST_CASE("LoadPackDir: parsed on many threads, the bundled packs load exactly as on one") {
  auto load = [](size_t threads, std::vector<std::string>* seen) {
    std::mutex mutex;
    LoadOptions options;
    options.threads = threads;
    options.on_rule = [&](const Rule& rule) {
      std::lock_guard<std::mutex> lock(mutex);
      seen->push_back(rule.full_id);
    };
    std::vector<Pack> packs;
    std::vector<LoadError> errors;
    CHECK(LoadPackDir(std::string(POSTCHECK_SOURCE_DIR) + "/rules", &packs, &errors, options));
    CHECK(errors.empty());
    return packs;
  };
  std::vector<std::string> seen_one, seen_many;
  const std::vector<Pack> one = load(1, &seen_one), many = load(8, &seen_many);
  CHECK(Describe(one) == Describe(many));
  size_t rules = 0;
  for (const Pack& p : one) rules += p.rules.size();
  CHECK(rules > 100);
  // Every rule reached on_rule once, whichever thread read it.
  std::sort(seen_one.begin(), seen_one.end());
  std::sort(seen_many.begin(), seen_many.end());
  CHECK(seen_one == seen_many);
  CHECK(seen_one.size() == rules);
}

TEST_CASE("without examples, the bundled packs load the same, less their examples") {
  const std::string dir = std::string(POSTCHECK_SOURCE_DIR) + "/rules";
  std::vector<Pack> full, lean;
  std::vector<LoadError> errors;
  REQUIRE(LoadPackDir(dir, &full, &errors));
  LoadOptions options;
  options.read_examples = false;
  REQUIRE(LoadPackDir(dir, &lean, &errors, options));
  REQUIRE(errors.empty());
  CHECK(Describe(lean) == Describe(full));
  size_t examples = 0;
  for (const Pack& pack : lean) {
    for (const Rule& r : pack.rules) examples += r.flag.size() + r.pass.size();
  }
  CHECK(examples == 0);
}

TEST_CASE("without examples: mistakes keep their lines, and text that only looks like examples is kept") {
  ScratchDir scratch("lean");
  const fs::path& dir = scratch.path;
  std::string path = (dir / "lean.yaml").string();
  std::ofstream(path) << "pack: lean\n"
                         "rules:\n"
                         "  - id: a\n"
                         "    category: tone\n"
                         "    severity: warning\n"
                         "    message: \"m\n"
                         "      examples:\n"
                         "      end\"\n"
                         "    why: w\n"
                         "    words: [x]\n"
                         "    examples:\n"
                         "      flag: [x]\n"
                         "      pass: [y]\n"
                         "  - id: b\n"
                         "    category: tone\n"
                         "    severity: warning\n"
                         "    message: m\n"
                         "    why: w\n"
                         "    words: [x]\n"
                         "    examples:\n"
                         "      flag: [x]\n"
                         "      pass: [y]\n";
  LoadOptions options;
  options.read_examples = false;
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  // The quoted message spans a line reading "examples:": blanking under it
  // would change the message, so the file is parsed as written.
  REQUIRE(LoadPackFile(path, &packs, &errors, options));
  REQUIRE(packs[0].rules.size() == 2);
  CHECK(packs[0].rules[0].message == "m examples: end");
  CHECK(packs[0].rules[1].flag.size() == 1);

  std::ofstream(path) << "pack: lean\n"
                         "rules:\n"
                         "  - id: a\n"
                         "    category: tone\n"
                         "    severity: warning\n"
                         "    message: m\n"
                         "    why: w\n"
                         "    words: [x]\n"
                         "    examples:\n"
                         "      flag: [x]\n"
                         "      pass: [y]\n"
                         "  - id: b\n"
                         "    category: tone\n"
                         "    severity: loud\n"
                         "    message: m\n"
                         "    why: w\n"
                         "    words: [x]\n"
                         "    examples:\n"
                         "      flag: [x]\n"
                         "      pass: [y]\n";
  packs.clear();
  errors.clear();
  CHECK_FALSE(LoadPackFile(path, &packs, &errors, options));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].mark.line == 14);
}

}  // namespace
}  // namespace postcheck
