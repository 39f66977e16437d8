// Unit tests for the engine (engine.h): every matcher kind, context
// conditions, options, and the positions findings report. Packs are written
// here, not taken from rules/, so the tests do not follow the real rules.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "rules/rule_loader.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

fs::path TempDir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("postcheck_engine_test_" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

// The test word lists, copied beside the packs LoadYaml writes: a pack may
// read word files only inside its own directory tree.
const std::string kWords = [] {
  fs::copy(std::string(POSTCHECK_TEST_DATA) + "/words", TempDir() / "words",
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  return (TempDir() / "words").string() + "/";
}();

// Holds its own copy of the path: the static inside TempDir() may already be
// destroyed when this runs at exit.
struct CleanUp {
  fs::path dir = TempDir();
  ~CleanUp() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
} clean_up;

std::string AllErrors(const std::vector<LoadError>& errors) {
  std::string out;
  for (const LoadError& e : errors) out += e.ToString() + "\n";
  return out;
}

// Writes `yaml` to a fresh file and loads it.
std::vector<Pack> LoadYaml(const std::string& yaml) {
  static int counter = 0;
  std::string path = (TempDir() / ("pack" + std::to_string(counter++) + ".yaml")).string();
  std::ofstream(path) << yaml;
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  bool ok = LoadPackFile(path, &packs, &errors);
  INFO(yaml, "\n", AllErrors(errors));
  REQUIRE(ok);
  return packs;
}

// One rule with the boilerplate filled in. `body` holds the matcher and
// context lines, indented by four spaces.
std::string R(const std::string& id, const std::string& body, const std::string& severity = "warning") {
  return "  - id: " + id + "\n    severity: " + severity + "\n    message: \"" + id +
         ": {match}\"\n    why: test\n" + body + "    examples: {flag: [x], pass: [y]}\n";
}

std::string P(const std::string& pack, const std::string& rules) {
  return "pack: " + pack + "\ncategory: tone\nrules:\n" + rules;
}

std::unique_ptr<Engine> Build(std::vector<Pack> packs, const EngineOptions& options = {}) {
  std::vector<LoadError> errors;
  std::unique_ptr<Engine> engine = Engine::Create(std::move(packs), options, &errors);
  INFO(AllErrors(errors));
  REQUIRE(engine != nullptr);
  REQUIRE(errors.empty());
  return engine;
}

std::unique_ptr<Engine> Build(const std::string& yaml, const EngineOptions& options = {}) {
  return Build(LoadYaml(yaml), options);
}

// Findings as "rule 'match'@offset", joined by " | ".
std::string Lint(const Engine& engine, std::string_view text) {
  std::string out;
  for (const Finding& f : engine.Lint(text)) {
    if (!out.empty()) out += " | ";
    out += f.rule->full_id + " '" + f.match + "'@" + std::to_string(f.offset);
  }
  return out;
}

// ---------------------------------------------------------------- positions

struct PositionCase {
  std::string text;
  size_t offset, length;
  int line, column, end_line, end_column;
};

void CheckPositions(const Engine& engine, const PositionCase& c, const std::string& rule) {
  INFO("text: ", c.text);
  std::vector<Finding> findings = engine.Lint(c.text);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.rule->full_id == rule);
  CHECK(f.offset == c.offset);
  CHECK(f.length == c.length);
  CHECK(f.match == c.text.substr(c.offset, c.length));
  CHECK(f.start.line == c.line);
  CHECK(f.start.column == c.column);
  CHECK(f.end.line == c.end_line);
  CHECK(f.end.column == c.end_column);
}

TEST_CASE("finding positions in ASCII and multibyte text") {
  auto engine = Build(P("t", R("fox", "    words: [fox]\n")));
  const PositionCase cases[] = {
      {"the fox", 4, 3, 1, 5, 1, 8},
      {"caf\xC3\xA9 fox", 6, 3, 1, 6, 1, 9},                       // é: 2 bytes, 1 column
      {"\xF0\x9F\x98\x80 fox", 5, 3, 1, 3, 1, 6},                  // emoji: 4 bytes
      {"\xE6\x97\xA5\xE6\x9C\xAC fox", 7, 3, 1, 4, 1, 7},          // CJK: 3 bytes each
      {"cafe\xCC\x81 fox", 7, 3, 1, 7, 1, 10},                     // combining mark: own column
      {"a\r\nb fox", 5, 3, 2, 3, 2, 6},                            // CRLF
      {"a\rb fox", 4, 3, 2, 3, 2, 6},                              // lone CR
      {"a\n\n\nfox", 4, 3, 4, 1, 4, 4},                            // LF
      {"\xEF\xBB\xBF" "fox", 3, 3, 1, 1, 1, 4},                    // BOM: bytes, no column
      {"\xEF\xBB\xBF" "a fox\nb", 5, 3, 1, 3, 1, 6},
      {"\tfox", 1, 3, 1, 2, 1, 5},                                 // tab: one column
      {"\xC3\xA9\xF0\x9F\x98\x80\r\n\xE6\x97\xA5\rcafe\xCC\x81\tfox", 19, 3, 3, 7, 3, 10},
  };
  for (const PositionCase& c : cases) CheckPositions(*engine, c, "t.fox");
}

TEST_CASE("a finding spanning lines") {
  auto engine = Build(P("t", R("span", "    patterns: ['(?s)begin.*?finish']\n")));
  CheckPositions(*engine, {"begin\r\nfinish", 0, 13, 1, 1, 2, 7}, "t.span");
  CheckPositions(*engine, {"\xC3\xA9 begin \xF0\x9F\x98\x80\rfinish!", 3, 17, 1, 3, 2, 7}, "t.span");
}

// ----------------------------------------------------------------- patterns

TEST_CASE("patterns: a match group narrows the span; several hits") {
  auto engine = Build(P("t", R("dob", "    patterns: ['DOB:? (?P<match>\\d\\d/\\d\\d/\\d{4})']\n")));
  std::vector<Finding> f = engine->Lint("Suspect DOB: 01/02/1990 and DOB 03/04/1985.");
  REQUIRE(f.size() == 2);
  CHECK(f[0].offset == 13);
  CHECK(f[0].length == 10);
  CHECK(f[0].match == "01/02/1990");
  CHECK(f[0].message == "dob: 01/02/1990");
  CHECK(f[0].start.column == 14);
  CHECK(f[1].offset == 32);
  CHECK(f[1].match == "03/04/1985");
  CHECK(f[1].message == "dob: 03/04/1985");
  CHECK(f[1].severity == Severity::kWarning);
  CHECK(Lint(*engine, "DOB 1/2/1990") == "");
}

TEST_CASE("patterns: non-overlapping hits of one pattern") {
  auto engine = Build(P("t", R("three", "    patterns: ['\\d{3}']\n")));
  CHECK(Lint(*engine, "1234567 89") == "t.three '123'@0 | t.three '456'@3");
}

TEST_CASE("patterns: the prefilter misses nothing across many rules") {
  std::string rules;
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);  // named: `"p" + temporary` trips GCC 12's -Wrestrict
    rules += R("p" + n, "    patterns: ['\\bref" + n + "[a-z]\\b']\n");
  }
  rules += R("start", "    patterns: ['^Hello']\n");
  rules += R("caseless", "    patterns: ['(?i)shout']\n");
  rules += R("han", "    patterns: ['\\p{Han}+']\n");
  auto engine = Build(P("t", rules));
  CHECK(Lint(*engine, "Hello ref0a ref39z SHOUT \xE6\x97\xA5 ref7q ref7 ref12ab") ==
        "t.start 'Hello'@0 | t.p0 'ref0a'@6 | t.p39 'ref39z'@12 | t.caseless 'SHOUT'@19 | "
        "t.han '\xE6\x97\xA5'@25 | t.p7 'ref7q'@29");
  for (int i = 0; i < 40; ++i) {
    std::string text = "x ref" + std::to_string(i) + "k y";
    CHECK(Lint(*engine, text) == "t.p" + std::to_string(i) + " 'ref" + std::to_string(i) + "k'@2");
  }
}

// -------------------------------------------------------------------- words

TEST_CASE("words: phrases, whole words, any case") {
  auto engine = Build(P("t", R("w", "    words: [ass, cunt, \"bang to rights\"]\n")));
  CHECK(Lint(*engine, "class assess Scunthorpe passage") == "");
  CHECK(Lint(*engine, "Ass and ASS") == "t.w 'Ass'@0 | t.w 'ASS'@8");
  CHECK(Lint(*engine, "Got him Bang To  Rights!") == "t.w 'Bang To  Rights'@8");
  CHECK(Lint(*engine, "bang to. Rights") == "");
}

TEST_CASE("words: match_case") {
  auto engine = Build(P("t", R("mop", "    match_case: true\n    words: [MOP]\n")));
  CHECK(Lint(*engine, "A MOP, a mop, a Mop") == "t.mop 'MOP'@2");
}

TEST_CASE("words: every evasion form, reported in the original text") {
  auto engine = Build(P("t", R("swear", "    disguises: true\n    words: [fuck, fucking, shit, scum, arse, stuffed]\n")));
  const std::string forms[] = {
      "f*ck",
      "f***ing",
      "sh.t",
      "sh1t",
      "$cum",
      "@rse",
      "shiiiit",
      "SHIIIT",
      "sh\xE2\x80\x8Bit",                                   // zero-width space inside
      "sh\xC2\xAD" "it",                                    // soft hyphen
      "\xEF\xBD\x93\xEF\xBD\x88\xEF\xBD\x89\xEF\xBD\x94",   // full-width ｓｈｉｔ
      "\xD1\x95h\xD1\x96t",                                 // Cyrillic ѕ and і
      "\xD1\x81\xD1\x81um",                                 // no: Cyrillic сс is "cc"
      "stu\xEF\xAC\x80" "ed",                               // ﬀ ligature
  };
  for (const std::string& form : forms) {
    std::string text = "Oh " + form + " off";
    INFO("text: ", text);
    if (form == "\xD1\x81\xD1\x81um") {
      CHECK(Lint(*engine, text) == "");
      continue;
    }
    std::vector<Finding> f = engine->Lint(text);
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule->full_id == "t.swear");
    CHECK(f[0].offset == 3);
    CHECK(f[0].length == form.size());
    CHECK(f[0].match == form);
    CHECK(f[0].message == "swear: " + form);
  }
}

TEST_CASE("words: evasion positions on a later line") {
  auto engine = Build(P("t", R("swear", "    words: [shit]\n")));
  std::vector<Finding> f = engine->Lint("Line one\r\nOh \xEF\xBD\x93\xEF\xBD\x88\xEF\xBD\x89\xEF\xBD\x94 and sh\xE2\x80\x8Bit");
  REQUIRE(f.size() == 2);
  CHECK(f[0].offset == 13);
  CHECK(f[0].length == 12);
  CHECK(f[0].start.line == 2);
  CHECK(f[0].start.column == 4);
  CHECK(f[0].end.column == 8);
  CHECK(f[1].offset == 30);
  CHECK(f[1].length == 7);
  CHECK(f[1].start.column == 13);
  CHECK(f[1].end.column == 18);  // the zero-width space takes a column
}

// --------------------------------------------------------------------- swap

TEST_CASE("swap: replacement in message, suggestion and Finding.replacement") {
  auto engine = Build(P("t", "  - id: jargon\n    severity: suggestion\n"
                             "    message: \"Write '{replacement}', not '{match}'\"\n"
                             "    suggest: \"Try: {replacement}\"\n    why: test\n"
                             "    swap:\n      MOP: member of the public\n      in custody: arrested\n"
                             "    examples: {flag: [x], pass: [y]}\n"));
  std::vector<Finding> f = engine->Lint("A mop was taken In Custody.");
  REQUIRE(f.size() == 2);
  CHECK(f[0].match == "mop");
  CHECK(f[0].message == "Write 'member of the public', not 'mop'");
  CHECK(f[0].suggestion == "Try: member of the public");
  CHECK(f[0].replacement == "member of the public");
  CHECK(f[0].severity == Severity::kSuggestion);
  CHECK(f[1].offset == 16);
  CHECK(f[1].match == "In Custody");
  CHECK(f[1].message == "Write 'arrested', not 'In Custody'");
  CHECK(f[1].replacement == "arrested");
}

TEST_CASE("replace: a fixed replacement with {match}") {
  auto engine = Build(P("t", R("num", "    patterns: ['\\d{4}']\n    replace: \"[{match} removed]\"\n    suggest: none\n")));
  std::vector<Finding> f = engine->Lint("pin 1234");
  REQUIRE(f.size() == 1);
  CHECK(f[0].replacement == "[1234 removed]");
  CHECK(f[0].suggestion == "none");
  auto plain = Build(P("t", R("num", "    patterns: ['\\d{4}']\n")));
  f = plain->Lint("pin 1234");
  REQUIRE(f.size() == 1);
  CHECK(f[0].replacement.empty());
  CHECK(f[0].suggestion.empty());
}

// ------------------------------------------------- the draft as it reads

TEST_CASE("a wrapped line is a space to every matcher, reported where it is written") {
  auto engine = Build(P("t", R("pat", "    patterns: ['\\bsexually assaulted\\b']\n") +
                                 R("phrase", "    words: [piss off]\n") +
                                 R("name", "    names:\n      titles: [Mr]\n"
                                           "    near: {words: [arrested], within: 3}\n") +
                                 R("num", "    patterns: ['\\b0\\d{4} \\d{6}\\b']\n"
                                          "    unless: {words: [example], within: sentence}\n")));
  CHECK(Lint(*engine, "She was sexually\nassaulted.") == "t.pat 'sexually\nassaulted'@8");
  CHECK(Lint(*engine, "She was sexually\r\n   assaulted.") == "t.pat 'sexually\r\n   assaulted'@8");
  CHECK(Lint(*engine, "Tell them to piss\noff.") == "t.phrase 'piss\noff'@13");
  CHECK(Lint(*engine, "Mr\nJones was\narrested.") == "t.name 'Mr\nJones'@0");
  CHECK(Lint(*engine, "Ring 07911\n123456 now") == "t.num '07911\n123456'@5");
  // near/unless see the wrapped sentence as one.
  CHECK(Lint(*engine, "For example, ring\n07911 123456 now") == "");
  // Innocent twins: a paragraph or a list item ends the sentence.
  CHECK(Lint(*engine, "She was sexually\n\nassaulted.") == "");
  CHECK(Lint(*engine, "Tell them to piss\n- off.") == "");
  CHECK(Lint(*engine, "For example:\n\nring 07911 123456 now") == "t.num '07911 123456'@19");
  CHECK(Lint(*engine, "Ring 07911\n\n123456 now") == "");
}

TEST_CASE("numbers however they are written, reported where they are written") {
  auto engine = Build(P("t", R("num", "    patterns: ['\\b0\\d{4}[ -]?\\d{6}\\b']\n")));
  CHECK(Lint(*engine, "Ring 07911\u00a0123456") == "t.num '07911\u00a0123456'@5");
  CHECK(Lint(*engine, "Ring 07911\u202f123456") == "t.num '07911\u202f123456'@5");
  CHECK(Lint(*engine, "Ring 07911\u2014123456") == "t.num '07911\u2014123456'@5");
  CHECK(Lint(*engine, "Ring \uff10\uff17\uff19\uff11\uff11 123456 x") ==
        "t.num '\uff10\uff17\uff19\uff11\uff11 123456'@5");
  CHECK(Lint(*engine, "Ring \u0660\u0667\u0669\u0661\u0661 123456") == "t.num '\u0660\u0667\u0669\u0661\u0661 123456'@5");
  CHECK(Lint(*engine, "Ring O7911 l23456") == "t.num 'O7911 l23456'@5");
  // Innocent twins.
  CHECK(Lint(*engine, "Ring 07911 \u2014 123456") == "");
  CHECK(Lint(*engine, "Ring O791 l23456x") == "");
  std::vector<Finding> f = engine->Lint("x\ny \u00a0Ring 07911\u00a0123456 now");
  REQUIRE(f.size() == 1);
  CHECK(f[0].start.line == 2);
  CHECK(f[0].message == "num: 07911\u00a0123456");
}

// -------------------------------------------------------------------- names

TEST_CASE("names") {
  auto engine = Build(P("t", R("name", "    names:\n      titles: [Mr, Mrs, Dr]\n"
                                       "      first_names_file: " + kWords + "first_names.txt\n"
                                       "      not_surnames_file: " + kWords + "not_surnames.txt\n"
                                       "      not_surnames: [Lane]\n")));
  CHECK(Lint(*engine, "We spoke to Mr Jones today.") == "t.name 'Mr Jones'@12");
  CHECK(Lint(*engine, "Darren Whitley was arrested.") == "t.name 'Darren Whitley'@0");
  CHECK(Lint(*engine, "Amy Smith-Jones saw it") == "t.name 'Amy Smith-Jones'@0");
  CHECK(Lint(*engine, "Mr. O'Brien was there") == "t.name 'Mr. O'Brien'@0");
  CHECK(Lint(*engine, "Mrs A. Patel") == "t.name 'Mrs A. Patel'@0");
  CHECK(Lint(*engine, "On Darren Road and Mary Lane, Dr Police") == "");
  CHECK(Lint(*engine, "A man has been arrested.") == "");
}

TEST_CASE("names: first name and O' surname") {
  auto engine = Build(P("t", R("name", "    names:\n      first_names_file: " + kWords + "first_names.txt\n")));
  CHECK(Lint(*engine, "Sean O'Brien was there") == "t.name 'Sean O'Brien'@0");
}

// ----------------------------------------------------------------- spelling

TEST_CASE("spelling: misspelt words flagged with suggestions") {
  auto engine = Build(P("t", "  - id: spell\n    category: spelling\n    severity: suggestion\n"
                             "    message: \"Spelling: {match} ({replacement}?)\"\n    suggest: \"Did you mean {suggestions}?\"\n"
                             "    why: test\n    spelling:\n      accept: [Blorptown, florbish]\n"
                             "    examples: {flag: [x], pass: [y]}\n"));
  std::vector<Finding> f = engine->Lint("We recieved a call about florbish things.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].match == "recieved");
  CHECK(f[0].offset == 3);
  // {replacement} is the first suggestion; --fix leaves spelling alone.
  CHECK(f[0].message == "Spelling: recieved (received?)");
  CHECK(f[0].replacement.empty());
  CHECK(f[0].suggestion.rfind("Did you mean 'received'", 0) == 0);
  // No suggestions: no "Did you mean ?".
  f = engine->Lint("We saw qzxwvkjq.");
  REQUIRE(f.size() == 1);
  CHECK(f[0].match == "qzxwvkjq");
  CHECK(f[0].suggestion.empty());
  // Skipped: handles, hashtags, URLs, e-mail addresses, capitalised words
  // mid-sentence, acronyms, words with digits; accepted words.
  CHECK(Lint(*engine,
             "Thanks @bigdaev for #crimewatchh, see https://exmaple.com/pagge or www.exmaple.org "
             "and mail daev@exmaple.co.uk. We met Blorptown and Zorptown officers from the ZXQW "
             "unit with A3b7x kit, florbish.") == "");
  // A capitalised misspelling at the start of a sentence is checked.
  CHECK(Lint(*engine, "Recieved. Thanks") == "t.spell 'Recieved'@0");
  CHECK(Lint(*engine, "Thanks. Wierd one") == "t.spell 'Wierd'@8");
}

TEST_CASE("spelling: EngineOptions.accept_words") {
  const std::string yaml = P("t", "  - id: spell\n    category: spelling\n    severity: suggestion\n"
                                  "    message: m\n    why: test\n    spelling: {}\n"
                                  "    examples: {flag: [x], pass: [y]}\n");
  auto engine = Build(yaml);
  CHECK(Lint(*engine, "the qwzzle team") == "t.spell 'qwzzle'@4");
  EngineOptions options;
  options.accept_words = {"qwzzle"};
  auto accepting = Build(yaml, options);
  CHECK(Lint(*accepting, "the qwzzle team") == "");
}

// --------------------------------------------------------------- validators

TEST_CASE("validators: a candidate the validator rejects is not reported") {
  auto engine = Build(P("t", R("card", "    patterns: ['\\b\\d{16}\\b']\n    validate: luhn\n")));
  CHECK(Lint(*engine, "4111111111111112 then 4111111111111111") == "t.card '4111111111111111'@22");
}

// ------------------------------------------------------------------- unless

TEST_CASE("unless within: 0 cancels an overlapping hit") {
  auto engine = Build(P("t", R("police", "    words: [police]\n    unless: {words: [police station], within: 0}\n")));
  CHECK(Lint(*engine, "The police station. The police came.") == "t.police 'police'@24");
}

TEST_CASE("unless within N words") {
  auto engine = Build(P("t", R("num", "    patterns: ['\\b\\d{11}\\b']\n    unless: {words: [fax], within: 2}\n")));
  CHECK(Lint(*engine, "fax 01234567890") == "");
  CHECK(Lint(*engine, "fax on 01234567890") == "");             // 2 words away
  CHECK(Lint(*engine, "fax is on 01234567890") == "t.num '01234567890'@10");  // 3 words away
  CHECK(Lint(*engine, "01234567890 by fax") == "");
  CHECK(Lint(*engine, "01234567890 is by fax") == "t.num '01234567890'@0");
}

TEST_CASE("unless within sentence") {
  auto engine = Build(P("t", R("num", "    patterns: ['\\b\\d{11}\\b']\n    unless: {words: [example], within: sentence}\n")));
  CHECK(Lint(*engine, "For example: 01234567890 is fake.") == "");
  CHECK(Lint(*engine, "An example. Call 01234567890") == "t.num '01234567890'@17");
  // A paragraph ends a sentence; a line break inside one does not.
  CHECK(Lint(*engine, "An example\n\nCall 01234567890") == "t.num '01234567890'@17");
  CHECK(Lint(*engine, "An example\ncall 01234567890") == "");
}

TEST_CASE("unless within post (the default)") {
  auto engine = Build(P("t", R("num", "    patterns: ['\\b\\d{11}\\b']\n    unless: {words: [test post]}\n")));
  CHECK(Lint(*engine, "Test post.\n\nCall 01234567890") == "");
  CHECK(Lint(*engine, "Call 01234567890") == "t.num '01234567890'@5");
}

TEST_CASE("unless rules: another rule's findings cancel") {
  auto engine = Build(P("t", R("num", "    patterns: ['\\b\\d{11}\\b']\n"
                                      "    unless: {rules: [t.helpline], within: 3}\n") +
                                 "  - id: helpline\n    report: false\n    words: [helpline]\n"
                                 "    examples: {flag: [x], pass: [y]}\n"));
  CHECK(Lint(*engine, "Our helpline: 01234567890") == "");
  CHECK(Lint(*engine, "Our helpline is open. Please do call 01234567890") == "t.num '01234567890'@37");
}

// --------------------------------------------------------------------- near

TEST_CASE("near within: 0 needs an overlapping hit") {
  auto engine = Build(P("t", R("card", "    words: [card]\n    near: {words: [card number], within: 0}\n")));
  CHECK(Lint(*engine, "A card. Card number please") == "t.card 'Card'@8");
}

TEST_CASE("near within N words") {
  auto engine = Build(P("t", R("num", "    patterns: ['\\b\\d{11}\\b']\n    near: {words: [call, ring], within: 3}\n")));
  CHECK(Lint(*engine, "Call me on 01234567890") == "t.num '01234567890'@11");  // 3 words away
  CHECK(Lint(*engine, "Call me later on 01234567890") == "");                   // 4 words away
  CHECK(Lint(*engine, "01234567890 to ring") == "t.num '01234567890'@0");
  CHECK(Lint(*engine, "Order 01234567890") == "");
}

TEST_CASE("near within sentence and post") {
  auto sentence = Build(P("t", R("num", "    patterns: ['\\b\\d{11}\\b']\n    near: {words: [call], within: sentence}\n")));
  CHECK(Lint(*sentence, "Please, if you can, call me on 01234567890.") == "t.num '01234567890'@31");
  CHECK(Lint(*sentence, "Call me! 01234567890") == "");
  auto post = Build(P("t", R("num", "    patterns: ['\\b\\d{11}\\b']\n    near: {words: [call]}\n")));
  CHECK(Lint(*post, "Call me!\n\nIt is 01234567890") == "t.num '01234567890'@16");
  CHECK(Lint(*post, "It is 01234567890") == "");
}

TEST_CASE("near: a list of conditions must all hold") {
  auto engine = Build(P("t", R("num", "    patterns: ['\\b\\d{11}\\b']\n"
                                      "    near:\n      - {words: [call], within: 3}\n"
                                      "      - {words: [mobile], within: sentence}\n")));
  CHECK(Lint(*engine, "Call my mobile 01234567890") == "t.num '01234567890'@15");
  CHECK(Lint(*engine, "Call 01234567890") == "");
  CHECK(Lint(*engine, "My mobile, as you know, is not 01234567890") == "");
}

TEST_CASE("near rules: a building block's findings count, and it is never reported") {
  auto engine = Build(P("t", R("arrest", "    words: [arrested]\n    near: {rules: [t.person], within: sentence}\n") +
                                 "  - id: person\n    report: false\n    names:\n      titles: [Mr, Mrs]\n"
                                 "    examples: {flag: [x], pass: [y]}\n"));
  CHECK(Lint(*engine, "Mr Jones was arrested.") == "t.arrest 'arrested'@13");
  CHECK(Lint(*engine, "A man was arrested. Mr Jones helped.") == "");
  // MatchAll shows the building block's spans.
  const Rule* person = engine->FindRule("t.person");
  REQUIRE(person != nullptr);
  CHECK_FALSE(engine->IsEnabled(*person));
  auto spans = engine->MatchAll("Mr Jones was arrested.");
  REQUIRE(spans.size() == 2);
  REQUIRE(spans[1].size() == 1);
  CHECK(spans[1][0].begin == 0);
  CHECK(spans[1][0].end == 8);
}

// ------------------------------------------------------------------ cluster

// Two jargon rules (one a building block) and a cluster of their findings.
const std::string kClusterPack = P(
    "t", R("acronym", "    words: [RTC, NFA, AIO]\n    unless: {words: [road traffic collision], within: post}\n") +
             "  - id: slang\n    report: false\n    words: [misper]\n    examples: {flag: [x], pass: [y]}\n" +
             R("dense", "    cluster: {rules: [t.acronym, t.slang], min: 3, within: 3}\n"));

TEST_CASE("cluster: enough findings of its rules close together are one finding") {
  auto engine = Build(kClusterPack);
  CHECK(Lint(*engine, "RTC then a misper, NFA.") ==
        "t.acronym 'RTC'@0 | t.dense 'RTC then a misper, NFA'@0 | t.acronym 'NFA'@19");
  // Two terms are not enough; the third is four words on.
  CHECK(Lint(*engine, "RTC and misper.") == "t.acronym 'RTC'@0");
  CHECK(Lint(*engine, "RTC, misper, and then much later NFA.") == "t.acronym 'RTC'@0 | t.acronym 'NFA'@33");
  // A run goes on as long as each term is near the last.
  CHECK(Lint(*engine, "RTC, misper, NFA, AIO. Then nothing more for a while.") ==
        "t.acronym 'RTC'@0 | t.dense 'RTC, misper, NFA, AIO'@0 | t.acronym 'NFA'@13 | t.acronym 'AIO'@18");
}

TEST_CASE("cluster: what its rules do not find does not count") {
  auto engine = Build(kClusterPack);
  // The unless of t.acronym cancels RTC, NFA and AIO alike.
  CHECK(Lint(*engine, "A road traffic collision: RTC, misper, NFA.") == "");
}

TEST_CASE("cluster: its rules count even when they are not enabled") {
  EngineOptions options;
  options.disabled_rules = {"t.acronym"};
  auto engine = Build(kClusterPack, options);
  CHECK(Lint(*engine, "RTC then a misper, NFA.") == "t.dense 'RTC then a misper, NFA'@0");
}

// ------------------------------------------------------- nested and ordering

TEST_CASE("nested spans of one rule keep the longest") {
  auto engine = Build(P("t", R("phone", "    patterns: ['\\d{3}', '\\d{3}-\\d{4}', '\\d{4}']\n") +
                             R("phrase", "    words: [bang, bang to rights, rights]\n")));
  CHECK(Lint(*engine, "Call 555-1234") == "t.phone '555-1234'@5");
  CHECK(Lint(*engine, "bang to rights") == "t.phrase 'bang to rights'@0");
}

TEST_CASE("findings sorted by offset, then rule id") {
  auto engine = Build(LoadYaml(P("zed", R("b", "    words: [damn]\n") + R("a", "    words: [damn, hell]\n"))));
  CHECK(Lint(*engine, "hell and damn") == "zed.a 'hell'@0 | zed.a 'damn'@9 | zed.b 'damn'@9");
  CHECK(engine->rules().size() == 2);
  CHECK(engine->rules()[0]->full_id == "zed.b");
}

// ------------------------------------------------------------------ options

std::vector<Pack> TwoPacks() {
  std::vector<Pack> packs = LoadYaml(P("alpha", R("one", "    words: [damn]\n") + R("two", "    words: [drat]\n")));
  std::vector<Pack> more = LoadYaml(P("beta", R("three", "    words: [damn]\n", "suggestion")));
  packs.push_back(std::move(more[0]));
  return packs;
}

TEST_CASE("options: everything enabled by default") {
  auto engine = Build(TwoPacks());
  CHECK(Lint(*engine, "damn drat") == "alpha.one 'damn'@0 | beta.three 'damn'@0 | alpha.two 'drat'@5");
}

TEST_CASE("options: only_packs and disabled_packs") {
  EngineOptions only;
  only.only_packs = {"beta"};
  CHECK(Lint(*Build(TwoPacks(), only), "damn drat") == "beta.three 'damn'@0");
  EngineOptions disabled;
  disabled.disabled_packs = {"beta"};
  CHECK(Lint(*Build(TwoPacks(), disabled), "damn drat") == "alpha.one 'damn'@0 | alpha.two 'drat'@5");
}

TEST_CASE("options: disabled_rules") {
  EngineOptions options;
  options.disabled_rules = {"alpha.one", "beta.three"};
  auto engine = Build(TwoPacks(), options);
  CHECK(Lint(*engine, "damn drat") == "alpha.two 'drat'@5");
  CHECK_FALSE(engine->IsEnabled(*engine->FindRule("alpha.one")));
  CHECK(engine->IsEnabled(*engine->FindRule("alpha.two")));
  CHECK(engine->FindRule("alpha.nope") == nullptr);
}

TEST_CASE("options: severity_overrides") {
  EngineOptions options;
  options.severity_overrides = {{"alpha.one", Severity::kError}};
  auto engine = Build(TwoPacks(), options);
  std::vector<Finding> f = engine->Lint("damn");
  REQUIRE(f.size() == 2);
  CHECK(f[0].rule->full_id == "alpha.one");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].rule->severity == Severity::kWarning);
  CHECK(f[1].severity == Severity::kSuggestion);
}

TEST_CASE("options: allow phrases") {
  EngineOptions options;
  options.allow = {"Damn Good Coffee"};
  auto engine = Build(LoadYaml(P("t", R("w", "    words: [damn]\n"))), options);
  CHECK(Lint(*engine, "damn good coffee, damn") == "t.w 'damn'@18");
}

TEST_CASE("options: allow numbers written differently") {
  EngineOptions options;
  options.allow = {"0800 555 111"};
  auto engine = Build(LoadYaml(P("t", R("phone", "    patterns: ['\\b0\\d{3}[ -]?\\d{3}[ -]?\\d{3,4}\\b']\n"))), options);
  CHECK(Lint(*engine, "Call 0800-555-111, 0800555111 or 0800 555 112") == "t.phone '0800 555 112'@33");
}

TEST_CASE("options: an allowed number hides only that number, not findings with its digits inside") {
  EngineOptions options;
  options.allow = {"101", "12"};
  auto engine = Build(LoadYaml(P("t", R("address", "    patterns: ['\\b\\d+ [A-Z][a-z]+ (?:Road|Street)\\b']\n") +
                                          R("number", "    patterns: ['\\b\\d{2,3}\\b']\n"))),
                      options);
  CHECK(Lint(*engine, "He lives at 101 Elm Road") == "t.address '101 Elm Road'@12");
  CHECK(Lint(*engine, "She lives at 12 Mill Street") == "t.address '12 Mill Street'@13");
  CHECK(Lint(*engine, "Call 101 or 12, not 999") == "t.number '999'@20");
}

TEST_CASE("options: unknown pack and rule names are errors") {
  EngineOptions options;
  options.only_packs = {"gamma"};
  options.disabled_packs = {"delta"};
  options.disabled_rules = {"alpha.nine"};
  options.severity_overrides = {{"beta.ten", Severity::kError}};
  std::vector<LoadError> errors;
  CHECK(Engine::Create(TwoPacks(), options, &errors) == nullptr);
  std::vector<std::string> messages;
  for (const LoadError& e : errors) messages.push_back(e.message);
  CHECK(messages == std::vector<std::string>{"unknown pack 'gamma'", "unknown pack 'delta'",
                                             "unknown rule 'alpha.nine'",
                                             "unknown rule 'beta.ten' in severity overrides"});
}

// A thread keeps its working space from draft to draft, whichever engine
// linted the last one: engines of different sizes, used in turn, must not see
// each other's leftovers.
TEST_CASE("engines of different sizes linting in turn on one thread") {
  std::string many;
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    many += R("w" + n, "    words: [word" + n + "]\n");
  }
  auto big = Build(P("big", many));
  auto small = Build(P("small", R("one", "    words: [word39]\n")));
  for (int round = 0; round < 2; ++round) {
    CHECK(Lint(*big, "word39 and word2") == "big.w39 'word39'@0 | big.w2 'word2'@11");
    CHECK(Lint(*small, "word2 then word39") == "small.one 'word39'@11");
    CHECK(Lint(*small, "nothing") == "");
    CHECK(Lint(*big, "word0") == "big.w0 'word0'@0");
  }
}

TEST_CASE("Lint on empty text and text with no findings") {
  auto engine = Build(TwoPacks());
  CHECK(engine->Lint("").empty());
  CHECK(engine->Lint("\xEF\xBB\xBF").empty());
  CHECK(engine->Lint("nothing to see").empty());
}

// ---------------------------------------------------------------- sharing

// A rule for platform x only: a Twitter length limit of `limit`.
std::string LengthRuleForX(int limit) {
  return "  - id: len\n    platform: x\n    severity: error\n    message: \"len {count}\"\n    why: test\n"
         "    length: {measure: twitter, limit: " + std::to_string(limit) + "}\n    examples: {flag: [\"" +
         std::string(static_cast<size_t>(limit) + 10, 'a') + "\"], pass: [y]}\n";
}

EngineOptions PlatformX() {
  EngineOptions x;
  x.platform = "x";
  return x;
}

// The engine for platform x that CreateSharing makes from `base`; null (and
// a failed check) when it refuses.
std::unique_ptr<Engine> SharingForX(const Engine& base) {
  const EngineOptions x = PlatformX();
  std::vector<LoadError> errors;
  std::unique_ptr<Engine> shared = Engine::CreateSharing(base, x, &errors);
  INFO(AllErrors(errors));
  CHECK(errors.empty());
  return shared;
}

TEST_CASE("CreateSharing: another platform's engine shares packs, patterns and words, and lints as one built alone") {
  const std::string yaml =
      P("t", R("fox", "    words: [fox, \"bang to rights\"]\n") +
                 R("dob", "    patterns: ['DOB:? (?P<match>\\d\\d/\\d\\d/\\d{4})']\n    near: {words: [born], within: 5}\n") +
                 LengthRuleForX(20));
  auto base = Build(yaml);
  std::unique_ptr<Engine> shared = SharingForX(*base);
  REQUIRE(shared != nullptr);
  auto alone = Build(yaml, PlatformX());
  // One set of packs, compiled patterns and words for both.
  CHECK(&shared->packs() == &base->packs());
  CHECK(&shared->pattern_set() == &base->pattern_set());
  CHECK(&alone->pattern_set() != &base->pattern_set());
  for (std::string_view text : {"the fox", "born DOB 01/02/2003, bang to rights", "a fox and a fox and a fox, DOB 01/02/2003",
                                "", "nothing"}) {
    INFO(std::string(text));
    CHECK(Lint(*shared, text) == Lint(*alone, text));
  }
  CHECK(Lint(*shared, "a fox and a fox and a fox") == Lint(*alone, "a fox and a fox and a fox"));
  CHECK(Lint(*shared, "a fox and a fox and a fox") == "t.fox 'fox'@2 | t.fox 'fox'@12 | t.len 'a fox'@20 | t.fox 'fox'@22");
  CHECK(Lint(*base, "a fox and a fox and a fox") == "t.fox 'fox'@2 | t.fox 'fox'@12 | t.fox 'fox'@22");  // no platform: no length rule
  // The base engine lints as before, from any thread, while the other is used.
  CHECK(Lint(*base, "born DOB 01/02/2003") == "t.dob '01/02/2003'@9");
}

TEST_CASE("CreateSharing: the names finders are shared and find the same names") {
  const std::string yaml =
      P("t", R("name", "    names:\n      titles: [Mr]\n      first_names_file: " + kWords + "first_names.txt\n") +
                 R("later", "    names:\n      titles: [Dr]\n") + LengthRuleForX(40));
  auto base = Build(yaml);
  std::unique_ptr<Engine> shared = SharingForX(*base);
  REQUIRE(shared != nullptr);
  auto alone = Build(yaml, PlatformX());
  for (std::string_view text : {"Darren Whitley met Mr Jones and Dr Patel.", "Mr Jones", "Dr Who and Dr Patel",
                                "Darren Whitley met Mr Jones and Dr Patel, then Amy Smith-Jones."}) {
    INFO(std::string(text));
    CHECK(Lint(*shared, text) == Lint(*alone, text));
  }
  CHECK(Lint(*shared, "Darren Whitley met Mr Jones and Dr Patel.") ==
        "t.name 'Darren Whitley'@0 | t.name 'Mr Jones'@19 | t.later 'Dr Patel'@32 | t.len '.'@40");
}

TEST_CASE("CreateSharing refuses other extra lists") {
  auto base = Build(P("t", R("fox", "    words: [fox]\n")));
  EngineOptions other;
  other.extra_lists["places"] = {"Leeds"};
  std::vector<LoadError> errors;
  CHECK(Engine::CreateSharing(*base, other, &errors) == nullptr);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "cannot share the engine: it was built with other extra lists");
}

// The bundled packs' word index is read from the file the build writes
// beside the binary (word_index_file.h); an engine that builds it instead
// lints the same.
TEST_CASE("the bundled packs read their word index from its file, and lint as with one built") {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  REQUIRE(LoadPackDir(std::string(POSTCHECK_SOURCE_DIR) + "/rules", &packs, &errors, LoadOptions{}));
  REQUIRE(CheckPacks(packs, &errors));
  INFO(AllErrors(errors));
  EngineOptions built_options;
  built_options.read_word_index_file = false;
  auto built = Build(packs, built_options);
  auto read = Build(std::move(packs));
  REQUIRE(built != nullptr);
  REQUIRE(read != nullptr);
  CHECK(read->word_index_read());
  CHECK_FALSE(built->word_index_read());
  std::vector<std::string> texts = {
      "Dean Harper, 19, of Ferrier Road, has been charged.", "f*ck the lot of them, the b1tches and c u n t s",
      "Whte trash the lot of them #ToriesOut", "you fuckwit, a f-wit, bit ch", ""};
  for (const auto& entry : fs::directory_iterator(std::string(POSTCHECK_SOURCE_DIR) + "/examples")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  size_t findings = 0;
  for (const std::string& text : texts) {
    INFO(text);
    const std::string expected = Lint(*built, text);
    CHECK(Lint(*read, text) == expected);
    findings += expected.empty() ? 0 : 1;
  }
  CHECK(findings > texts.size() / 2);
}

}  // namespace
}  // namespace postcheck

namespace postcheck {
namespace {

// A small loose-post model beside the packs: "nan" and "lives on" weigh for
// personal-data, "tories" for impartiality.
const std::string kModelFile = [] {
  const fs::path path = TempDir() / "model.tsv";
  std::ofstream(path) << "labels\tpersonal-data\timpartiality\n"
                         "bias\t-2.0000\t-2.0000\n"
                         "u:nan\t1.5000\t0.0000\n"
                         "b:lives on\t1.5000\t0.0000\n"
                         "u:tories\t0.0000\t3.0000\n";
  return path.string();
}();

std::string ModelRule(const std::string& id, const std::string& label, const std::string& threshold) {
  return "  - id: " + id + "\n    category: " + label + "\n    severity: warning\n    message: \"" + id +
         " ({words})\"\n    why: test\n    model: {file: model.tsv, label: " + label +
         ", threshold: " + threshold + "}\n    examples: {flag: [x], pass: [y]}\n";
}

TEST_CASE("model: a post at or above the threshold is one finding, its strongest sentence") {
  (void)kModelFile;
  auto engine = Build(P("m", ModelRule("pd", "personal-data", "0.7") + ModelRule("pol", "impartiality", "0.7")));
  // personal-data: -2 + 1.5 + 1.5 = 1.0, p = 0.73; impartiality -2, p = 0.12
  CHECK(Lint(*engine, "Busy night. My nan lives on Elm Rd!") == "m.pd 'My nan lives on Elm Rd!'@12");
  // one of the two: -2 + 1.5 = -0.5, p = 0.38
  CHECK(Lint(*engine, "My nan is lovely.") == "");
  CHECK(Lint(*engine, "Tories out") == "m.pol 'Tories out'@0");
  const std::vector<Finding> f = engine->Lint("My nan lives on Elm Rd");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "pd ('lives on', 'nan')");
}

TEST_CASE("model: when only function words weigh, the message says the post as a whole") {
  const fs::path path = TempDir() / "quiet-model.tsv";
  std::ofstream(path) << "labels\timpartiality\nbias\t0.0000\nu:the\t3.0000\n";
  auto engine = Build(P("q", "  - id: pol\n    category: impartiality\n    severity: warning\n"
                             "    message: \"pol ({words})\"\n    why: test\n"
                             "    model: {file: quiet-model.tsv, label: impartiality, threshold: 0.9}\n"
                             "    examples: {flag: [x], pass: [y]}\n"));
  const std::vector<Finding> f = engine->Lint("the end");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "pol (the post as a whole)");
}

TEST_CASE("model: a second opinion, silent where another rule of its category reports") {
  auto engine = Build(P("m", ModelRule("pd", "personal-data", "0.7") +
                                 "  - id: street\n    category: personal-data\n    severity: warning\n"
                                 "    message: m\n    why: w\n    patterns: ['Elm Rd']\n"
                                 "    examples: {flag: [x], pass: [y]}\n" +
                                 "  - id: hint\n    category: personal-data\n    severity: suggestion\n"
                                 "    message: m\n    why: w\n    patterns: ['Oak St']\n"
                                 "    examples: {flag: [x], pass: [y]}\n"));
  CHECK(Lint(*engine, "My nan lives on Elm Rd") == "m.street 'Elm Rd'@16");
  // a suggestion does not silence it
  CHECK(Lint(*engine, "My nan lives on Oak St") == "m.pd 'My nan lives on Oak St'@0 | m.hint 'Oak St'@16");
}

}  // namespace
}  // namespace postcheck
