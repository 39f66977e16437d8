// See rules_json.h. Built with nlohmann-json: these answers are small and
// rare, unlike the lint answer.
#include "rules_json.h"

#include <filesystem>
#include <nlohmann/json.hpp>

namespace postcheck {
namespace {

using json = nlohmann::json;

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json OrNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json Contexts(const std::vector<Context>& contexts) {
  json list = json::array();
  for (const Context& c : contexts) {
    json entry;
    entry["words"] = c.words.size();
    if (!c.words.empty()) entry["word_example"] = c.words[0];
    json patterns = json::array();
    for (const Located& p : c.patterns) patterns.push_back(p.text);
    entry["patterns"] = patterns;
    entry["rules"] = c.rules;
    switch (c.scope) {
      case Context::Scope::kPost: entry["scope"] = "post"; break;
      case Context::Scope::kSentence: entry["scope"] = "sentence"; break;
      case Context::Scope::kWords: entry["scope"] = "words"; entry["within"] = c.within; break;
      case Context::Scope::kOverlap: entry["scope"] = "overlap"; break;
    }
    list.push_back(entry);
  }
  return list;
}

}  // namespace

std::string RuleListJson(const Engine& engine) {
  json rules = json::array();
  for (const Rule* r : engine.rules()) {
    if (!r->report) continue;
    rules.push_back({{"id", r->full_id},
                     {"pack", r->pack},
                     {"category", r->category},
                     {"severity", SeverityName(r->severity)},
                     {"message", r->message},
                     {"enabled", engine.IsEnabled(*r)}});
  }
  return Dump(json{{"rules", rules}});
}

std::string RuleJson(const Engine& engine, const Rule& r) {
  json matches = json::object();
  json patterns = json::array();
  for (const Located& p : r.patterns) patterns.push_back(p.text);
  matches["patterns"] = patterns;
  matches["words"] = r.words.size();
  if (!r.words.empty()) matches["word_example"] = r.words[0];
  json swap = json::array();
  for (const auto& [term, replacement] : r.swap) swap.push_back({{"term", term}, {"replacement", replacement}});
  matches["swap"] = swap;
  matches["names"] = r.names.has_value();
  matches["spelling"] = r.spelling ? json(r.spelling->dictionary) : json(nullptr);
  if (r.length) {
    matches["length"] = {{"measure", LengthMeasureNames()[static_cast<size_t>(r.length->measure)]},
                         {"limit", r.length->limit}};
  } else {
    matches["length"] = nullptr;
  }
  if (r.cluster) {
    matches["cluster"] = {{"rules", r.cluster->rules}, {"min", r.cluster->min}, {"within", r.cluster->within}};
  } else {
    matches["cluster"] = nullptr;
  }
  if (r.model) {
    matches["model"] = {{"label", r.model->label}, {"threshold", r.model->threshold},
                        {"features", r.model->model->features().size()}};
  } else {
    matches["model"] = nullptr;
  }
  json flag = json::array();
  for (const Example& e : r.flag) flag.push_back({{"text", e.text}, {"match", OrNull(e.match)}});
  json pass = json::array();
  for (const Example& e : r.pass) pass.push_back(e.text);
  json rule = {{"id", r.full_id},
               {"pack", r.pack},
               {"category", r.category},
               {"severity", SeverityName(r.severity)},
               {"reported", r.report},
               {"enabled", engine.IsEnabled(r)},
               {"platform", OrNull(r.platform)},
               {"message", r.message},
               {"why", r.why},
               {"suggestion", OrNull(r.suggest)},
               {"fix", OrNull(r.replace)},
               {"source", {{"file", std::filesystem::path(r.mark.file).filename().string()}, {"line", r.mark.line}}},
               {"matches", matches},
               {"validators", r.validators},
               {"near", Contexts(r.near)},
               {"unless", Contexts(r.unless)},
               {"examples", {{"flag", flag}, {"pass", pass}}}};
  return Dump(rule);
}

}  // namespace postcheck
