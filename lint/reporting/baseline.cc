#include "reporting/baseline.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <map>
#include <tuple>

#include "text/line_map.h"

namespace postcheck {
namespace {

uint64_t Fnv1a(std::string_view a, std::string_view b) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
  };
  mix(a);
  mix(std::string_view("\0", 1));
  mix(b);
  return h;
}

std::string Hex(uint64_t v) {
  static const char kHex[] = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<size_t>(i)] = kHex[v & 0xF];
  return s;
}

// The keys of one report's findings. The hash covers the finding's whole
// line(s), so many findings on one long line would each hash it again: the
// same match on the same lines is hashed once.
class ReportKeys {
 public:
  explicit ReportKeys(const FileReport& report)
      : report_(report),
        lines_(report.text),
        post_(!report.id.empty() ? "id:" + report.id : "path:" + ReportLocation(report)) {}

  BaselineKey Of(const Finding& f) {
    BaselineKey key;
    key.rule = f.rule->full_id;
    key.post = post_;
    size_t begin = lines_.LineStart(f.start.line);
    std::string_view last = lines_.LineText(f.end.line);
    size_t end = static_cast<size_t>(last.data() - report_.text.data()) + last.size();
    end = std::max(end, f.offset + f.length);
    auto [it, added] = hashes_.try_emplace(std::make_tuple(begin, end, f.match));
    if (added) it->second = Hex(Fnv1a(f.match, report_.text.substr(begin, end - begin)));
    key.hash = it->second;
    return key;
  }

 private:
  const FileReport& report_;
  const LineMap lines_;
  const std::string post_;
  std::map<std::tuple<size_t, size_t, std::string>, std::string> hashes_;
};

}  // namespace

BaselineKey KeyOf(const FileReport& report, const Finding& f) { return ReportKeys(report).Of(f); }

std::optional<Baseline> Baseline::Load(const std::string& path, std::string* error) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    *error = path + ": cannot open the baseline";
    return std::nullopt;
  }
  std::stringstream content;
  content << file.rdbuf();
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(content.str());
  } catch (const nlohmann::json::parse_error& e) {
    *error = path + ": not a postcheck baseline: not valid JSON at byte " + std::to_string(e.byte - 1);
    return std::nullopt;
  }
  if (!doc.is_object() || !doc.contains("postcheck_baseline")) {
    *error = path + ": not a postcheck baseline (no \"postcheck_baseline\" version)";
    return std::nullopt;
  }
  const nlohmann::json& version = doc["postcheck_baseline"];
  if (!version.is_number_integer() || version.get<long long>() != kBaselineVersion) {
    *error = path + ": baseline version " + version.dump() + "; this postcheck reads version " +
             std::to_string(kBaselineVersion);
    return std::nullopt;
  }
  auto findings = doc.find("findings");
  if (findings == doc.end() || !findings->is_array()) {
    *error = path + ": not a postcheck baseline (no \"findings\" list)";
    return std::nullopt;
  }
  Baseline baseline;
  size_t n = 0;
  for (const nlohmann::json& entry : *findings) {
    ++n;
    BaselineKey key;
    bool ok = entry.is_object();
    for (auto [name, field] : {std::pair{"rule", &key.rule}, std::pair{"post", &key.post}, std::pair{"hash", &key.hash}}) {
      auto it = ok ? entry.find(name) : entry.end();
      ok = ok && it != entry.end() && it->is_string();
      if (ok) *field = it->get<std::string>();
    }
    if (!ok) {
      *error = path + ": baseline finding " + std::to_string(n) + " needs \"rule\", \"post\" and \"hash\" strings";
      return std::nullopt;
    }
    ++baseline.counts_[key];
  }
  return baseline;
}

int Baseline::Hide(FileReport* report) {
  int hidden = 0;
  std::vector<Finding> kept;
  ReportKeys keys(*report);
  for (Finding& f : report->findings) {
    auto it = counts_.find(keys.Of(f));
    if (it != counts_.end() && it->second > 0) {
      --it->second;
      ++hidden;
    } else {
      kept.push_back(std::move(f));
    }
  }
  report->findings = std::move(kept);
  return hidden;
}

void Baseline::Add(const FileReport& report) {
  if (report.findings.empty()) return;
  ReportKeys keys(report);
  for (const Finding& f : report.findings) ++counts_[keys.Of(f)];
}

size_t Baseline::size() const {
  size_t n = 0;
  for (const auto& [key, count] : counts_) n += static_cast<size_t>(count);
  return n;
}

bool Baseline::Write(const std::string& path, std::string* error) const {
  std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << "{\"postcheck_baseline\": " << kBaselineVersion << ",\n \"findings\": [";
    bool first = true;
    for (const auto& [key, count] : counts_) {
      nlohmann::json entry = {{"rule", key.rule}, {"post", key.post}, {"hash", key.hash}};
      for (int i = 0; i < count; ++i) {
        out << (first ? "\n  " : ",\n  ") << entry.dump();
        first = false;
      }
    }
    out << "\n ]}\n";
    out.close();
    if (!out) {
      std::remove(temp.c_str());
      *error = path + ": cannot write the baseline";
      return false;
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    *error = path + ": cannot write the baseline";
    return false;
  }
  return true;
}

}  // namespace postcheck
