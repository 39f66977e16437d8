#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "cli/audit.h"
#include "rules/config.h"
#include "rules/config_trust.h"
#include "reporting/json_writer.h"
#include "engine/engine.h"
#include "reporting/fix.h"
#include "cli/fix_command.h"
#include "cli/lint_runner.h"
#include "cli/markdown_lint.h"
#include "text/markdown_view.h"
#include "rules/platform.h"
#include "reporting/formatter.h"
#include "text/input.h"
#include "rules/pack_snapshot.h"
#include "rules/rule_loader.h"
#include "engine/rule_tests.h"
#include "rules/rules_location.h"
#include "service/serve_command.h"
#include "matching/pattern_set.h"
#include "matching/prefilter_file.h"
#include "matching/shared_prefilter.h"
#include "matching/spell_checker.h"

namespace postcheck {
namespace {

struct CliOptions {
  std::vector<std::string> files;
  std::string format = "text";
  std::string fail_on = "error";
  std::vector<std::string> rule_dirs;
  bool no_default_rules = false;
  std::vector<std::string> only;
  std::vector<std::string> disable;
  bool list_rules = false;
  std::string explain;
  bool test_rules = false;
  std::string test_rules_dir;
  std::string color = "auto";
  size_t max_bytes = kDefaultMaxBytes;
  std::string config_file;
  bool no_config = false;
  std::string platform;
  unsigned jobs = 0;  // 0: one per core
  size_t pattern_cache_mb = PatternSet::kDefaultCacheBudget >> 20;
  std::string stdin_filename = "<stdin>";
  bool fix = false;
  bool redact = false;
  AuditOptions audit;  // --input, --baseline, --min-severity...: see audit.h
};

bool LoadAllPacks(const CliOptions& o, const LoadOptions& load_options, std::vector<Pack>* packs,
                  std::ostream& err) {
  std::vector<std::string> sources;
  bool bundled = false;  // sources[0] is the bundled packs' directory
  if (o.test_rules && !o.test_rules_dir.empty()) {
    sources.push_back(o.test_rules_dir);
  } else if (!o.no_default_rules) {
    std::string dir = DefaultRulesDir();
    if (dir.empty()) {
      err << "postcheck: cannot find the bundled rules directory (set POSTCHECK_RULES_DIR)\n";
      return false;
    }
    sources.push_back(dir);
    bundled = true;
  }
  sources.insert(sources.end(), o.rule_dirs.begin(), o.rule_dirs.end());
  if (sources.empty()) {
    err << "postcheck: no rules to load (--no-default-rules without --rules)\n";
    return false;
  }
  std::vector<LoadError> errors;
  for (std::string& s : sources) {
    s = std::filesystem::path(s).lexically_normal().string();  // no "dir/./pack.yaml" in errors
    std::error_code ec;
    // The bundled packs come from their snapshot while it matches their files.
    if (bundled && &s == &sources[0] &&
        LoadPackSnapshot(DefaultPackSnapshotFile(), s, load_options, packs) == PackSnapshotState::kLoaded) {
      continue;
    }
    if (std::filesystem::is_directory(s, ec)) {
      LoadPackDir(s, packs, &errors, load_options);
    } else {
      LoadPackFile(s, packs, &errors, load_options);
    }
  }
  if (errors.empty()) CheckPacks(*packs, &errors);
  for (const LoadError& e : errors) err << "postcheck: " << e.ToString() << "\n";
  return errors.empty();
}

// Starts reading the dictionary of each spelling or disguises rule the engine will enable
// as soon as the loader has read the rule, so that it loads while the other
// packs are parsed. The test is the engine's own (RuleEnabled).
LoadOptions PrefetchDictionaries(const EngineOptions& options) {
  LoadOptions load;
  load.on_rule = [options](const Rule& rule) {
    if (rule.spelling && RuleEnabled(rule, options)) {
      SpellChecker::Prefetch(rule.spelling->dictionary, DictionaryDirs(options));
    }
    if (rule.disguises && RuleEnabled(rule, options)) {
      SpellChecker::Prefetch(kDisguiseDictionary, DictionaryDirs(options));
    }
  };
  return load;
}

// Keeps `engine` allocated and reachable (so LeakSanitizer does not call it a
// leak) until the process exits; see EngineTeardown::kLeaveForExit.
void LeaveForExit(std::unique_ptr<Engine> engine) {
  static auto* kept = new std::vector<std::unique_ptr<Engine>>;
  kept->push_back(std::move(engine));
}

// The rules --list-rules shows: reported ones, of the --only packs if given.
std::vector<const Rule*> ListedRules(const Engine& engine, const std::vector<std::string>& only) {
  std::vector<const Rule*> listed;
  for (const Rule* r : engine.rules()) {
    if (!r->report) continue;
    if (!only.empty() && std::find(only.begin(), only.end(), r->pack) == only.end()) continue;
    listed.push_back(r);
  }
  return listed;
}

void ListRulesJson(const Engine& engine, const std::vector<const Rule*>& rules, std::ostream& out) {
  out << "{\"version\":1,\"rules\":[";
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = *rules[i];
    out << (i ? ",\n" : "\n") << "{\"rule\":";
    WriteJsonString(out, r.full_id);
    out << ",\"pack\":";
    WriteJsonString(out, r.pack);
    out << ",\"category\":";
    WriteJsonString(out, r.category);
    out << ",\"severity\":";
    WriteJsonString(out, SeverityName(r.severity));
    out << ",\"message\":";
    WriteJsonString(out, r.message);
    out << ",\"enabled\":" << (engine.IsEnabled(r) ? "true" : "false") << "}";
  }
  out << "\n]}\n";
}

void ListRules(const Engine& engine, const std::vector<const Rule*>& rules, std::ostream& out) {
  size_t id_width = 0, cat_width = 0;
  for (const Rule* r : rules) {
    id_width = std::max(id_width, r->full_id.size());
    cat_width = std::max(cat_width, r->category.size());
  }
  for (const Rule* r : rules) {
    std::string id = r->full_id, cat = r->category;
    std::string sev(SeverityName(r->severity));
    out << id << std::string(id_width - id.size() + 2, ' ') << cat << std::string(cat_width - cat.size() + 2, ' ')
        << sev << std::string(12 - sev.size(), ' ') << r->message
        << (engine.IsEnabled(*r) ? "" : "  (disabled)") << "\n";
  }
}

void ExplainContexts(const char* label, const std::vector<Context>& contexts, std::ostream& out) {
  for (const Context& c : contexts) {
    out << "  " << label << ":";
    if (!c.words.empty()) out << " " << c.words.size() << " words/phrases (e.g. \"" << c.words[0] << "\")";
    for (const Located& p : c.patterns) out << " /" << p.text << "/";
    for (const std::string& r : c.rules) out << " findings of " << r;
    switch (c.scope) {
      case Context::Scope::kPost: out << ", anywhere in the post"; break;
      case Context::Scope::kSentence: out << ", in the same sentence"; break;
      case Context::Scope::kWords: out << ", within " << c.within << " words"; break;
      case Context::Scope::kOverlap: out << ", overlapping the match"; break;
    }
    out << "\n";
  }
}

void Explain(const Rule& r, std::ostream& out) {
  out << r.full_id << " (" << r.category << ", " << SeverityName(r.severity)
      << (r.report ? "" : ", building block: not reported") << ")\n";
  out << "  defined in " << r.mark.file << ":" << r.mark.line << "\n";
  if (!r.message.empty()) out << "  message: " << r.message << "\n";
  if (!r.why.empty()) out << "  why: " << r.why << "\n";
  if (!r.suggest.empty()) out << "  suggestion: " << r.suggest << "\n";
  if (!r.replace.empty()) out << "  --fix writes: " << r.replace << "\n";
  out << "  matches:";
  for (const Located& p : r.patterns) out << " /" << p.text << "/";
  if (!r.words.empty()) out << " " << r.words.size() << " words/phrases (e.g. \"" << r.words[0] << "\")";
  for (const auto& [term, replacement] : r.swap) out << " " << term << "->\"" << replacement << "\"";
  if (r.names) out << " people's names";
  if (r.spelling) out << " words not in the " << r.spelling->dictionary << " dictionary";
  if (r.length) {
    out << " posts longer than " << r.length->limit << " ("
        << LengthMeasureNames()[static_cast<size_t>(r.length->measure)] << ")";
  }
  if (r.cluster) {
    out << " " << r.cluster->min << " or more findings of";
    for (size_t k = 0; k < r.cluster->rules.size(); ++k) out << (k ? ", " : " ") << r.cluster->rules[k];
    out << ", each within " << r.cluster->within << " words of the one before";
  }
  if (r.model) {
    out << " posts the loose-post model (" << r.model->model->features().size()
        << " words and word pairs) scores as " << r.model->label << " with a probability of at least "
        << r.model->threshold << " (its strongest sentence)";
  }
  out << "\n";
  if (!r.validators.empty()) {
    out << "  validated by:";
    for (const std::string& v : r.validators) out << " " << v;
    out << "\n";
  }
  ExplainContexts("only near", r.near, out);
  ExplainContexts("unless", r.unless, out);
  out << "  flags:\n";
  for (const Example& e : r.flag) out << "    - " << e.text << "\n";
  out << "  passes:\n";
  for (const Example& e : r.pass) out << "    - " << e.text << "\n";
}

bool UseColor(const std::string& mode, const std::ostream& out) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return &out == &std::cout && isatty(STDOUT_FILENO);
}

// Flushes `out` and turns a failed write (a full disk, a closed standard
// output) into exit code 2 with a message, never a silent success.
int Finish(std::ostream& out, std::ostream& err, int code) {
  out.flush();
  if (!out) {
    err << "postcheck: cannot write the output (disk full, or standard output closed?)\n";
    return kExitError;
  }
  return code;
}

std::optional<Severity> FailLevel(const std::string& name) {
  if (name == "never") return std::nullopt;
  return ParseSeverity(name);
}

}  // namespace

int RunCli(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err,
           EngineTeardown teardown) {
  CliOptions o;
  CLI::App app{
      "postcheck: checks a draft social-media post by UK police officers and staff for personal data, "
      "case details, tone, discrimination, political partiality, jargon and spelling."};
  app.set_version_flag("--version", std::string("postcheck ") + POSTCHECK_VERSION);
  app.add_option("files", o.files, "Drafts to check ('-' or none: standard input)");
  app.add_option("--format", o.format, "Output format")->check(CLI::IsMember(FormatNames()))->capture_default_str();
  app.add_option("--fail-on", o.fail_on, "Lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "suggestion", "never"}))
      ->capture_default_str();
  app.add_option("--rules", o.rule_dirs, "Add the rule packs in DIR (or one pack file); repeatable")
      ->allow_extra_args(false);
  app.add_flag("--no-default-rules", o.no_default_rules, "Do not load the bundled rule packs");
  app.add_option("--only", o.only, "Report only this pack; repeatable")->allow_extra_args(false);
  app.add_option("--disable", o.disable, "Do not report this rule (pack.id); repeatable")->allow_extra_args(false);
  app.add_flag("--list-rules", o.list_rules, "List the rules: id, category, severity, message");
  app.add_option("--explain", o.explain, "Show everything about one rule: why, suggestion, examples");
  app.add_option("--test-rules", o.test_rules_dir,
                 "Run every rule's flag/pass examples (the rules in DIR, if given)")
      ->expected(0, 1);
  app.add_option("--color", o.color, "Colour in text output (auto: on a terminal, never with NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("--max-bytes", o.max_bytes, "Refuse inputs larger than this")
      ->check(CLI::Range(size_t{1}, size_t{4} << 30))
      ->capture_default_str();
  auto* config_opt = app.add_option("--config", o.config_file, "Use this config file instead of the .postcheck.yaml found from here upwards");
  app.add_flag("--no-config", o.no_config, "Ignore any .postcheck.yaml")->excludes(config_opt);
  app.add_option("--platform", o.platform, "Add the length and format checks of this platform")
      ->check(CLI::IsMember(PlatformNames()));
  app.add_option("-j,--jobs", o.jobs,
                 "Lint this many posts at once (default: one per core; never more than the files, nor " +
                     std::to_string(kMaxJobs) + ")");
  app.add_option("--pattern-cache-mb", o.pattern_cache_mb,
                 "MiB the rules' compiled patterns may grow memory by before they are dropped and compiled "
                 "again (0: no limit); less memory over large archives, at some speed, never other findings")
      ->check(CLI::Range(size_t{0}, size_t{1} << 20))
      ->capture_default_str();
  app.add_option("--stdin-filename", o.stdin_filename, "The name standard input has in reports");
  app.add_flag("--fix", o.fix, "Print the draft rewritten: jargon in plain English, personal data as placeholders");
  app.add_flag("--redact-output", o.redact, "Mask matched personal data in every output format");
  ServeOptions serve_options;
  CLI::App* serve = AddServeCommand(app, &serve_options);
  AddAuditOptions(app, &o.audit);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err), kExitClean;
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err), kExitClean;
  } catch (const CLI::ParseError& e) {
    err << "postcheck: " << e.what() << " (see --help)\n";
    return kExitError;
  }
  o.test_rules = app.count("--test-rules") > 0;

  // The config file: settings the command line has not given.
  Config config;
  if (!o.no_config) {
    const bool found = o.config_file.empty();
    std::string path = found ? FindConfigFile(".") : o.config_file;
    if (found && !path.empty()) {
      // One found, not named: refused if another user could have planted it.
      if (std::string distrust = CheckFoundConfig(path); !distrust.empty()) {
        err << "postcheck: " << distrust << "\n";
        return kExitError;
      }
    }
    if (!path.empty()) {
      std::vector<LoadError> errors;
      std::optional<Config> loaded = LoadConfig(path, &errors);
      if (!loaded) {
        for (const LoadError& e : errors) err << "postcheck: " << e.ToString() << "\n";
        return kExitError;
      }
      config = std::move(*loaded);
    }
  }
  o.rule_dirs.insert(o.rule_dirs.begin(), config.rule_dirs.begin(), config.rule_dirs.end());
  if (app.count("--fail-on") == 0 && !config.fail_on.empty()) o.fail_on = config.fail_on;
  if (o.platform.empty()) o.platform = config.platform;

  EngineOptions engine_options;
  engine_options.only_packs = o.only.empty() ? config.only_packs : o.only;
  engine_options.disabled_packs = config.disabled_packs;
  engine_options.disabled_rules = config.disabled_rules;
  engine_options.disabled_rules.insert(engine_options.disabled_rules.end(), o.disable.begin(), o.disable.end());
  engine_options.severity_overrides = config.severity;
  engine_options.allow = config.allow;
  engine_options.accept_words = config.words;
  engine_options.extra_lists = config.lists;
  engine_options.platform = o.platform;
  engine_options.pattern_cache_bytes = o.pattern_cache_mb << 20;
  std::vector<Pack> packs;
  // The bundled packs' prefilter (most of their patterns) is read while the
  // packs are parsed; holding the future keeps it for Engine::Create, whose
  // engine then holds it for as long as it needs it.
  auto prefilter = PrefetchSharedPrefilter(o.no_default_rules ? "" : DefaultPrefilterFile(),
                                           VectorscanPrefilter::CompileSignature());
  LoadOptions load_options = PrefetchDictionaries(engine_options);
  load_options.read_examples = o.test_rules || !o.explain.empty() || serve->parsed();
  if (!LoadAllPacks(o, load_options, &packs, err)) return kExitError;
  std::vector<LoadError> errors;
  if (!CheckConfigReferences(config, packs, &errors)) {
    for (const LoadError& e : errors) err << "postcheck: " << e.ToString() << "\n";
    return kExitError;
  }
  std::unique_ptr<Engine> created = Engine::Create(std::move(packs), engine_options, &errors);
  prefilter = {};  // an engine without the bundled packs' patterns lets it go
  if (!created) {
    for (const LoadError& e : errors) err << "postcheck: " << e.ToString() << "\n";
    return kExitError;
  }
  const Engine* engine = created.get();
  if (teardown == EngineTeardown::kLeaveForExit) LeaveForExit(std::move(created));
  if (serve->parsed()) {
    if (!o.files.empty()) return err << "postcheck serve: takes no FILE (drafts come by HTTP)\n", kExitError;
    return RunServe(*engine, engine_options, o.max_bytes, serve_options, err);
  }

  if (o.list_rules) {
    std::vector<const Rule*> listed = ListedRules(*engine, engine_options.only_packs);
    if (o.format == "json") {
      ListRulesJson(*engine, listed, out);
    } else if (o.format == "text") {
      ListRules(*engine, listed, out);
    } else {
      err << "postcheck: --list-rules writes text or json, not " << o.format << "\n";
      return kExitError;
    }
    return Finish(out, err, kExitClean);
  }
  if (!o.explain.empty()) {
    const Rule* rule = engine->FindRule(o.explain);
    if (!rule) {
      err << "postcheck: unknown rule '" << o.explain << "' (see --list-rules)\n";
      return kExitError;
    }
    Explain(*rule, out);
    return Finish(out, err, kExitClean);
  }
  if (o.test_rules) {
    ExampleResults results = RunRuleExamples(*engine);
    for (const ExampleFailure& f : results.failures) out << f.ToString() << "\n";
    int failed = static_cast<int>(results.failures.size());
    out << "rule examples: " << (results.examples - failed) << " passed, " << failed << " failed ("
        << results.rules << " rules)\n";
    return Finish(out, err, failed ? kExitFindings : kExitClean);
  }

  // Archive audits (audit.h): the inputs, baselines, --min-severity, progress.
  std::string audit_error;
  std::unique_ptr<Audit> audit = Audit::Create(o.audit, app, err, &audit_error);
  std::vector<std::string> paths;
  if (!audit || !audit->Paths(o.files, in, &paths, &audit_error)) {
    err << "postcheck: " << audit_error << "\n";
    return kExitError;
  }
  if (o.fix && o.audit.input != "text") {
    err << "postcheck: --fix rewrites one draft; it cannot be used with --input " << o.audit.input << "\n";
    return kExitError;
  }
  o.files = paths;
  if (o.files == std::vector<std::string>{"-"} && &in == &std::cin && isatty(STDIN_FILENO)) {
    err << "postcheck: reading a draft from the terminal; type or paste it, then press Ctrl-D "
           "(or give a FILE: see --help)\n";
  }
  if (std::count(o.files.begin(), o.files.end(), "-") > 1) {
    err << "postcheck: standard input ('-') can be given only once\n";
    return kExitError;
  }
  if (o.fix) {
    if (o.files.size() != 1) {
      err << "postcheck: --fix rewrites one draft; give exactly one FILE\n";
      return kExitError;
    }
    std::string text, error;
    std::string name = o.files[0] == "-" ? o.stdin_filename : o.files[0];
    if (!ReadDraft(o.files[0], name, in, o.max_bytes, &text, &error)) {
      err << "postcheck: " << error << "\n";
      return kExitError;
    }
    return Finish(out, err, RunFix(*engine, name, text, o.format, FailLevel(o.fail_on), o.redact, out, err));
  }

  FormatOptions format_options;
  format_options.color = o.format == "text" && UseColor(o.color, out);
  format_options.redact = o.redact;
  std::unique_ptr<Formatter> formatter = MakeFormatter(o.format, format_options, engine->rules());
  std::optional<Severity> fail_level = FailLevel(o.fail_on);
  Summary summary;
  summary.config_file = config.file;
  bool failed = false;
  bool begun = false;  // the formatter begins with the first post: a run that fails to start writes nothing
  std::unique_ptr<PostSource> source = audit->Source(o.files, in, o.max_bytes, o.stdin_filename);
  PostLinter lint = [&](const Post& post, FileReport* report) {
    if (post.record == 0 && IsMarkdownPath(post.path)) return LintMarkdown(*engine, report->text, report);
    report->findings = engine->Lint(report->text);
  };
  // One post per file: no more threads than files.
  const unsigned jobs = JobCount(o.jobs, o.audit.input == "text" ? std::optional<size_t>(o.files.size()) : std::nullopt,
                                 std::thread::hardware_concurrency());
  std::string run_error;
  const bool ran = LintPosts(*source, jobs, lint, [&](FileReport& report) {
    if (!begun) formatter->Begin(out), begun = true;
    ++summary.files;
    if (!report.error.empty()) {
      audit->ClearProgress();  // the error gets a line of its own
      err << "postcheck: " << report.error << "\n";
      ++summary.failed_inputs;
    }
    summary.suppressed += static_cast<int>(report.suppressed.size());
    audit->Reviewed(&report, &summary);
    for (const Finding& f : report.findings) {
      if (fail_level && f.severity >= *fail_level) failed = true;
    }
    audit->Shown(&report, &summary);
    audit->Progress(summary, *source);
    formatter->File(report, out);
  }, &run_error);
  if (!ran) {
    err << "postcheck: " << run_error << "\n";
    return kExitError;
  }
  if (!begun) formatter->Begin(out);
  formatter->End(summary, out);
  out.flush();
  if (!audit->Finish(&audit_error)) {
    err << "postcheck: " << audit_error << "\n";
    return kExitError;
  }
  if (summary.failed_inputs > 0) return Finish(out, err, kExitError);
  return Finish(out, err, failed ? kExitFindings : kExitClean);
}

}  // namespace postcheck
