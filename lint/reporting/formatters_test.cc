// Unit tests for the sarif, html and jsonl formatters (and the finding object
// they share with json), on a small set of rules and findings built by hand.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "reporting/formatter.h"
#include "text/line_map.h"

namespace postcheck {
namespace {

Rule MakeRule(std::string pack, std::string id, std::string category, Severity severity,
              std::string message, std::string why, std::string suggest = "") {
  Rule r;
  r.pack = pack;
  r.id = id;
  r.full_id = pack + "." + id;
  r.category = category;
  r.severity = severity;
  r.message = message;
  r.why = why;
  r.suggest = suggest;
  return r;
}

struct Fixture {
  Rule phone = MakeRule("pd", "phone", "personal-data", Severity::kError, "Phone number {match}",
                        "Personal data <b>must</b> not be posted.", "Remove {match}");
  Rule slang = MakeRule("tone", "slang", "tone", Severity::kWarning, "Informal: {match}",
                        "Posts speak for the force.");
  Rule jargon = MakeRule("jargon", "swap", "jargon", Severity::kSuggestion, "Say '{replacement}' for {match}",
                         "Plain English.", "Write '{replacement}'");
  Rule hidden = MakeRule("common", "block", "personal-data", Severity::kWarning, "", "");
  std::vector<const Rule*> rules;
  // "Ring 07911 123456 re the <script>alert(1)</script> RTC, lads 👮 ok"
  std::string text = "Ring 07911 123456 re the <script>alert(1)</script> RTC, lads \xF0\x9F\x91\xAE ok\nline two";
  FileReport report;

  Fixture() {
    hidden.report = false;
    jargon.swap = {{"RTC", "crash"}};
    rules = {&phone, &hidden, &slang, &jargon};
    report.path = "drafts/a b.txt";
    report.text = text;
    Add(phone, "07911 123456", "Phone number 07911 123456", "Remove 07911 123456", "");
    Add(jargon, "RTC", "Say 'crash' for RTC", "Write 'crash'", "crash");
    Add(slang, "lads", "Informal: lads", "", "");
    Add(slang, "<script>", "Informal: <script>", "", "");
  }

  void Add(const Rule& rule, std::string_view match, std::string message, std::string suggestion,
           std::string replacement) {
    LineMap lines(text);
    Finding f;
    f.rule = &rule;
    f.severity = rule.severity;
    f.offset = text.find(match);
    f.length = match.size();
    f.start = lines.At(f.offset);
    f.end = lines.At(f.offset + f.length);
    f.match = std::string(match);
    f.message = message;
    f.suggestion = suggestion;
    f.replacement = replacement;
    report.findings.push_back(f);
  }

  std::string Run(std::string_view format, bool redact = false, bool failed_input = false) {
    FormatOptions options;
    options.redact = redact;
    std::unique_ptr<Formatter> formatter = MakeFormatter(format, options, rules);
    REQUIRE(formatter != nullptr);
    std::ostringstream out;
    Summary summary;
    summary.files = failed_input ? 2 : 1;
    summary.errors = summary.warnings = summary.suggestions = 1;
    formatter->Begin(out);
    formatter->File(report, out);
    if (failed_input) {
      FileReport bad;
      bad.path = "/tmp/missing.txt";
      bad.error = "cannot read /tmp/missing.txt: No such file";
      formatter->File(bad, out);
      summary.failed_inputs = 1;
    }
    formatter->End(summary, out);
    return out.str();
  }
};

bool Has(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

size_t Count(const std::string& haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t i = haystack.find(needle); i != std::string::npos; i = haystack.find(needle, i + 1)) ++n;
  return n;
}

TEST_CASE("the new formats are registered") {
  const std::vector<std::string>& names = FormatNames();
  for (const char* name : {"text", "json", "jsonl", "sarif", "html"}) {
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
    CHECK(MakeFormatter(name, FormatOptions(), {}) != nullptr);
  }
  CHECK(MakeFormatter("xml", FormatOptions(), {}) == nullptr);
}

TEST_CASE("WriteFindingJson is the json format's finding object") {
  Fixture fx;
  std::ostringstream one;
  WriteFindingJson(one, fx.report.findings[0]);
  std::string object = one.str();
  CHECK(object ==
        "{\"rule\":\"pd.phone\",\"category\":\"personal-data\",\"severity\":\"error\","
        "\"message\":\"Phone number 07911 123456\",\"why\":\"Personal data <b>must</b> not be posted.\","
        "\"suggestion\":\"Remove 07911 123456\",\"line\":1,\"column\":6,\"end_line\":1,\"end_column\":18,"
        "\"offset\":5,\"length\":12,\"match\":\"07911 123456\"}");
  CHECK(Has(fx.Run("json"), "\n " + object));
  CHECK(Has(fx.Run("jsonl"), object));
}

TEST_CASE("jsonl: one line per input, then the summary") {
  Fixture fx;
  std::string out = fx.Run("jsonl", false, true);
  CHECK(Count(out, "\n") == 3);
  CHECK(out.back() == '\n');
  std::string first = out.substr(0, out.find('\n'));
  CHECK(first.rfind("{\"path\":\"drafts/a b.txt\",\"findings\":[{\"rule\":\"pd.phone\"", 0) == 0);
  CHECK(Count(first, "{\"rule\":") == 4);
  std::string rest = out.substr(out.find('\n') + 1);
  std::string second = rest.substr(0, rest.find('\n') + 1);
  CHECK(second ==
        "{\"path\":\"/tmp/missing.txt\",\"error\":\"cannot read /tmp/missing.txt: No such file\","
        "\"findings\":[]}\n");
  CHECK(rest.substr(second.size()).rfind("{\"summary\":{\"files\":2,", 0) == 0);
}

TEST_CASE("jsonl and json redact personal data, message and suggestion included") {
  Fixture fx;
  for (const char* format : {"jsonl", "json"}) {
    std::string out = fx.Run(format, true);
    CAPTURE(format);
    CHECK_FALSE(Has(out, "123456"));
    CHECK_FALSE(Has(out, "07911"));
    CHECK(Has(out, "\"message\":\"Phone number 07*"));
    CHECK(Has(out, "\"suggestion\":\"Remove 07*"));
    CHECK(Has(out, "\"match\":\"lads\""));  // other categories are shown as written
  }
}

TEST_CASE("sarif: driver, rules and results") {
  Fixture fx;
  std::string out = fx.Run("sarif");
  CHECK(out.rfind("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\"", 0) == 0);
  CHECK(Has(out, "\"driver\":{\"name\":\"postcheck\",\"fullName\":\"postcheck "));
  CHECK(Has(out, "\"informationUri\":\"" POSTCHECK_INFORMATION_URI "\",\"version\":"));
  CHECK(Has(out, "\"automationDetails\":{\"id\":\"postcheck/\"},\"columnKind\":\"unicodeCodePoints\""));
  // Reported rules only, in order; building blocks are left out.
  CHECK(Has(out, "{\"id\":\"pd.phone\",\"name\":\"PdPhone\",\"shortDescription\":{\"text\":\"Phone number {match}\"},"
                 "\"fullDescription\":{\"text\":\"Personal data <b>must</b> not be posted.\"},"
                 "\"help\":{\"text\":\"Personal data <b>must</b> not be posted.\\n\\nTry: Remove {match}\"},"
                 "\"defaultConfiguration\":{\"level\":\"error\"},"
                 "\"properties\":{\"category\":\"personal-data\",\"tags\":[\"personal-data\"]}}"));
  CHECK_FALSE(Has(out, "common.block"));
  CHECK(Has(out, "\"defaultConfiguration\":{\"level\":\"note\"}"));
  CHECK(out.find("\"id\":\"pd.phone\"") < out.find("\"id\":\"tone.slang\""));
  CHECK(out.find("\"id\":\"tone.slang\"") < out.find("\"id\":\"jargon.swap\""));
  // Results point at their rule by index among the reported rules.
  CHECK(Has(out, "{\"ruleId\":\"pd.phone\",\"ruleIndex\":0,\"level\":\"error\",\"message\":{\"text\":\"Phone number 07911 123456\"}"));
  CHECK(Has(out, "{\"ruleId\":\"tone.slang\",\"ruleIndex\":1,\"level\":\"warning\""));
  CHECK(Has(out, "{\"ruleId\":\"jargon.swap\",\"ruleIndex\":2,\"level\":\"note\""));
  CHECK(Has(out, "\"artifactLocation\":{\"uri\":\"drafts/a%20b.txt\"}"));
  CHECK(Has(out, "\"region\":{\"startLine\":1,\"startColumn\":6,\"endLine\":1,\"endColumn\":18,"
                 "\"byteOffset\":5,\"byteLength\":12,\"snippet\":{\"text\":\"07911 123456\"}}"));
  // Columns count code points: "ok" follows a 4-byte emoji.
  CHECK(Has(out, "\"contextRegion\":{\"startLine\":1,\"endLine\":1,\"snippet\":{\"text\":\"Ring 07911"));
  // A swap offers a fix; every suggestion is a property.
  CHECK(Has(out, "\"fixes\":[{\"description\":{\"text\":\"Write 'crash'\"},\"artifactChanges\":[{\"artifactLocation\":"
                 "{\"uri\":\"drafts/a%20b.txt\"},\"replacements\":[{\"deletedRegion\":{\"byteOffset\":51,\"byteLength\":3},"
                 "\"insertedContent\":{\"text\":\"crash\"}}]}]}]"));
  CHECK(Has(out, "\"properties\":{\"category\":\"jargon\",\"suggestion\":\"Write 'crash'\"}"));
  CHECK(Has(out, "\"invocations\":[{\"executionSuccessful\":true}]"));
  CHECK(Count(out, "\"ruleId\"") == 4);
}

TEST_CASE("sarif: columns after non-BMP characters are code points") {
  Fixture fx;
  fx.Add(fx.slang, "ok", "Informal: ok", "", "");
  std::string out = fx.Run("sarif");
  // "Ring 07911 123456 re the <script>alert(1)</script> RTC, lads " is 61
  // code points, then the emoji and a space: "ok" starts at column 64.
  CHECK(Has(out, "\"startLine\":1,\"startColumn\":64,\"endLine\":1,\"endColumn\":66"));
}

TEST_CASE("sarif: failed inputs are notifications and the run did not succeed") {
  Fixture fx;
  std::string out = fx.Run("sarif", false, true);
  CHECK(Has(out, "\"invocations\":[{\"executionSuccessful\":false,\"toolExecutionNotifications\":["
                 "\n{\"level\":\"error\",\"message\":{\"text\":\"cannot read /tmp/missing.txt: No such file\"},"
                 "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"file:///tmp/missing.txt\"}}}]}]}]"));
}

TEST_CASE("sarif: redaction masks snippets, context and texts") {
  Fixture fx;
  std::string out = fx.Run("sarif", true);
  CHECK_FALSE(Has(out, "123456"));
  CHECK_FALSE(Has(out, "07911"));
  CHECK(Has(out, "\"snippet\":{\"text\":\"07*** ****56\"}"));
  CHECK(Has(out, "\"text\":\"Ring 07*"));
  CHECK(Has(out, "\"suggestion\":\"Remove 07*"));
}

TEST_CASE("html: self-contained, escaped, highlighted by category") {
  Fixture fx;
  std::string out = fx.Run("html", false, true);
  CHECK(out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(Has(out, "<meta charset=\"utf-8\">"));
  CHECK(Has(out, "default-src 'none'"));
  // Nothing from the draft or the rules reaches the page unescaped.
  CHECK_FALSE(Has(out, "<script"));
  CHECK_FALSE(Has(out, "<b>must"));
  CHECK(Has(out, "<mark class=\"hl c-tone\" title=\"4: tone.slang\">&lt;script&gt;</mark>"));
  CHECK(Has(out, "alert(1)&lt;/script&gt;"));
  CHECK(Has(out, "Personal data &lt;b&gt;must&lt;/b&gt; not be posted."));
  // No external resources.
  CHECK_FALSE(Has(out, "src="));
  CHECK_FALSE(Has(out, "url("));
  CHECK_FALSE(Has(out, "@import"));
  CHECK_FALSE(Has(out, "<link"));
  // Each span in its category's colour, numbered and linked to its item.
  CHECK(Has(out, "<mark class=\"hl c-personal-data\" title=\"1: pd.phone\">07911 123456</mark>"
                 "<sup class=\"ref c-personal-data\"><a href=\"#f1-1\">1</a></sup>"));
  CHECK(Has(out, "<mark class=\"hl c-jargon\" title=\"2: jargon.swap\">RTC</mark>"));
  CHECK(Has(out, "<mark class=\"hl c-tone\" title=\"3: tone.slang\">lads</mark>"));
  CHECK(Has(out, "<li class=\"finding c-personal-data\" id=\"f1-1\">"));
  CHECK(Has(out, "<span class=\"sev sev-error\">error</span><span class=\"msg\">Phone number 07911 123456</span>"));
  CHECK(Has(out, "<code class=\"rule\">pd.phone</code> &middot; line 1, column 6"));
  CHECK(Has(out, "<p class=\"try\"><b>Try:</b> Write &#39;crash&#39;</p>"));
  // Every category in the legend and the summary table, each with a colour.
  for (const std::string& category : KnownCategories()) {
    CAPTURE(category);
    CHECK(Has(out, "<li><mark class=\"hl c-" + category + "\">"));
    CHECK(Has(out, "<span class=\"swatch\"></span>"));
    CHECK(Has(out, ".c-" + category + "{--bg:#"));
  }
  CHECK(Has(out, "<mark class=\"hl c-personal-data\">Personal data</mark>"));
  // Columns: the 8 categories in order, then All; rows by severity.
  CHECK(Has(out, "<th scope=\"col\" class=\"c-personal-data\"><span class=\"swatch\"></span>Personal data</th>"
                 "<th scope=\"col\" class=\"c-case-details none\"><span class=\"swatch\"></span>Case details</th>"
                 "<th scope=\"col\" class=\"c-tone\"><span class=\"swatch\"></span>Tone</th>"));
  CHECK(Has(out, "<th scope=\"col\" class=\"c-platform none\"><span class=\"swatch\"></span>Platform</th><th scope=\"col\">All</th>"));
  const std::string zero = "<td class=\"zero\">0</td>";
  CHECK(Has(out, "<tr><th scope=\"row\"><span class=\"sev sev-warning\">Warnings</span></th>" + zero + zero +
                     "<td>2</td>" + zero + zero + zero + zero + zero + "<td>2</td></tr>"));
  CHECK(Has(out, "<tfoot><tr><th scope=\"row\">Total</th><td>1</td>" + zero + "<td>2</td>" + zero + zero +
                     "<td>1</td>" + zero + zero + "<td>4</td></tr></tfoot>"));
  // The failed input is shown as such.
  CHECK(Has(out, "<p class=\"failed\"><b>Not checked:</b> cannot read /tmp/missing.txt: No such file</p>"));
  CHECK(out.size() > 0);
  CHECK(out.substr(out.size() - 8) == "</html>\n");
}

TEST_CASE("html: overlapping spans are cut and striped") {
  Fixture fx;
  fx.report.findings.clear();
  // "07911 123456 re" (tone) overlaps "07911 123456" (personal data), and
  // "123456 re the" (jargon) overlaps both.
  fx.Add(fx.slang, "07911 123456 re", "Informal", "", "");
  fx.Add(fx.phone, "07911 123456", "Phone", "", "");
  fx.Add(fx.jargon, "123456 re the", "Jargon", "", "");
  std::string out = fx.Run("html");
  // "07911 ": tone and phone; the phone span is the shorter, tone the stripe.
  CHECK(Has(out, "<mark class=\"hl c-personal-data multi and-tone\" title=\"2: pd.phone; 1: tone.slang\">07911 </mark>"));
  // "123456": all three; the stripe is the next shortest span's.
  CHECK(Has(out, "<mark class=\"hl c-personal-data multi and-jargon\" title=\"2: pd.phone; 3: jargon.swap; 1: tone.slang\">123456</mark>"
                 "<sup class=\"ref c-personal-data\"><a href=\"#f1-2\">2</a></sup>"));
  // " re": tone and jargon, then tone's number.
  CHECK(Has(out, "<mark class=\"hl c-jargon multi and-tone\" title=\"3: jargon.swap; 1: tone.slang\"> re</mark>"
                 "<sup class=\"ref c-tone\"><a href=\"#f1-1\">1</a></sup>"));
  CHECK(Has(out, "<mark class=\"hl c-jargon\" title=\"3: jargon.swap\"> the</mark><sup class=\"ref c-jargon\"><a href=\"#f1-3\">3</a></sup>"));
  // The draft text itself survives in order once the markup is removed.
  std::string draft = out.substr(out.find("<div class=\"draft\">"));
  draft = draft.substr(0, draft.find("</div>"));
  std::string plain;
  bool in_tag = false;
  for (size_t i = 0; i < draft.size(); ++i) {
    if (draft.compare(i, 5, "<sup ") == 0) {  // finding numbers are not draft text
      i = draft.find("</sup>", i) + 5;
      continue;
    }
    if (draft[i] == '<') in_tag = true;
    if (!in_tag) plain += draft[i];
    if (draft[i] == '>') in_tag = false;
  }
  CHECK(plain == "Ring 07911 123456 re the &lt;script&gt;alert(1)&lt;/script&gt; RTC, lads \xF0\x9F\x91\xAE ok\nline two");
}

TEST_CASE("html: redaction masks personal data in the draft and the list") {
  Fixture fx;
  std::string out = fx.Run("html", true);
  CHECK_FALSE(Has(out, "123456"));
  CHECK_FALSE(Has(out, "07911"));
  CHECK(Has(out, "personal data masked"));
  CHECK(Has(out, "Phone number 07*"));
  CHECK(Has(out, "Remove 07*"));
  CHECK(Has(out, "&ldquo;lads&rdquo;"));
}

TEST_CASE("html: control characters and a byte-order mark") {
  Fixture fx;
  std::string text = std::string("\xEF\xBB\xBFHi\x01 there");
  fx.text = text;
  fx.report.text = fx.text;
  fx.report.findings.clear();
  fx.Add(fx.slang, "there", "Informal", "", "");
  std::string out = fx.Run("html");
  CHECK(Has(out, "<div class=\"draft\">Hi\xEF\xBF\xBD <mark"));
  CHECK_FALSE(Has(out, "\x01"));
}

TEST_CASE("html: a draft with no findings and an empty run") {
  Fixture fx;
  fx.report.findings.clear();
  std::string out = fx.Run("html");
  CHECK(Has(out, "<p class=\"clean\">No problems found.</p>"));
  CHECK(Has(out, "<div class=\"draft\">Ring 07911 123456 re the &lt;script&gt;alert(1)&lt;/script&gt; RTC, lads "
                 "\xF0\x9F\x91\xAE ok\nline two</div>"));
  CHECK_FALSE(Has(out, "<ol class=\"findings\">"));

  std::unique_ptr<Formatter> formatter = MakeFormatter("html", FormatOptions(), {});
  std::ostringstream empty;
  formatter->Begin(empty);
  formatter->End(Summary(), empty);
  CHECK(Has(empty.str(), "No drafts were checked."));
}

}  // namespace
}  // namespace postcheck

namespace postcheck {
namespace {

TEST_CASE("sarif: on a long line the context is a window around the finding, with its columns and bytes") {
  Fixture fx;
  fx.text = std::string(1000, 'a') + " \xC3\xA9 07911 123456 " + std::string(1000, 'b') + "\nnext";
  fx.report.text = fx.text;
  fx.report.findings.clear();
  fx.Add(fx.phone, "07911 123456", "Phone", "", "");
  std::string out = fx.Run("sarif");
  // The finding starts at byte 1004 (column 1003: "é" is two bytes); the
  // window starts 160 bytes before it and ends 160 bytes after it.
  CHECK(Has(out, "\"contextRegion\":{\"startLine\":1,\"startColumn\":845,\"endLine\":1,\"endColumn\":1176,"
                 "\"byteOffset\":844,\"byteLength\":332,\"snippet\":{\"text\":\"" + std::string(156, 'a') +
                 " \xC3\xA9 07911 123456 " + std::string(159, 'b') + "\"}}"));
  // A short line keeps the whole line.
  Fixture small;
  CHECK(Has(small.Run("sarif"), "\"contextRegion\":{\"startLine\":1,\"endLine\":1,\"snippet\":{\"text\":\"Ring 07911"));
}

}  // namespace
}  // namespace postcheck
