#include "reporting/personal_data_spans.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>

#include "text/utf8.h"

namespace postcheck {
namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

bool EqualFolded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// The capitalised words of a name that are not titles: "Mr Tyler Jones" ->
// "Tyler", "Jones".
std::vector<std::string_view> NameWords(std::string_view name, const std::vector<std::string>& titles) {
  std::vector<std::string_view> words;
  for (size_t i = 0; i < name.size();) {
    if (!IsWordByte(static_cast<unsigned char>(name[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < name.size() && (IsWordByte(static_cast<unsigned char>(name[j])) || name[j] == '\'' || name[j] == '-')) ++j;
    std::string_view word = name.substr(i, j - i);
    while (!word.empty() && (word.back() == '\'' || word.back() == '-')) word.remove_suffix(1);
    const bool title = std::any_of(titles.begin(), titles.end(), [&](const std::string& t) {
      return EqualFolded(t, word);
    });
    if (word.size() >= 2 && std::isupper(static_cast<unsigned char>(word[0])) && !title) words.push_back(word);
    i = j;
  }
  return words;
}

// A span with the order in which it was asked for: by the finding's index,
// then group 0 (the finding's own span), 1 (its data elsewhere), 2 + k (the
// k-th word of a name).
struct TaggedSpan {
  PersonalDataSpan span;
  size_t finding;
  size_t group;
};

// Finds every whole-word occurrence of many needles in one pass over the text
// per needle length (a rolling hash of each window, checked byte for byte on
// a hit), instead of one pass per needle: O(text size x distinct needle
// lengths + occurrences).
class NeedleSearch {
 public:
  void Add(std::string_view needle, bool fold_case, const Finding* source, size_t finding, size_t group) {
    if (needle.empty()) return;
    std::string key = fold_case ? Folded(needle) : std::string(needle);
    auto [it, added] = seen_.emplace(std::make_pair(fold_case, key), needles_.size());
    if (!added) return;  // asked for before, by an earlier finding
    needles_.push_back({std::move(key), fold_case, source, finding, group});
  }

  void Run(std::string_view text, std::vector<TaggedSpan>* out) const {
    // Needle indexes by length, then by (fold, hash).
    std::map<size_t, std::unordered_map<uint64_t, std::vector<size_t>>> by_length;
    for (size_t n = 0; n < needles_.size(); ++n) {
      const Needle& needle = needles_[n];
      if (needle.key.size() > text.size()) continue;
      by_length[needle.key.size()][Hash(needle.key) * 2 + needle.fold_case].push_back(n);
    }
    for (const auto& [length, table] : by_length) {
      uint64_t power = 1;  // kBase^(length - 1)
      for (size_t k = 1; k < length; ++k) power *= kBase;
      uint64_t raw = 0, folded = 0;
      for (size_t k = 0; k < length; ++k) {
        raw = raw * kBase + static_cast<unsigned char>(text[k]);
        folded = folded * kBase + static_cast<unsigned char>(AsciiLower(text[k]));
      }
      for (size_t at = 0;; ++at) {
        for (bool fold : {false, true}) {
          auto hit = table.find((fold ? folded : raw) * 2 + fold);
          if (hit == table.end()) continue;
          for (size_t n : hit->second) Check(text, at, needles_[n], out);
        }
        if (at + length >= text.size()) break;
        const unsigned char gone = static_cast<unsigned char>(text[at]);
        const unsigned char come = static_cast<unsigned char>(text[at + length]);
        raw = (raw - gone * power) * kBase + come;
        folded = (folded - static_cast<unsigned char>(AsciiLower(static_cast<char>(gone))) * power) * kBase +
                 static_cast<unsigned char>(AsciiLower(static_cast<char>(come)));
      }
    }
  }

 private:
  static constexpr uint64_t kBase = 0x100000001b3ULL;

  struct Needle {
    std::string key;  // ASCII-lowered when fold_case
    bool fold_case;
    const Finding* source;
    size_t finding, group;
  };

  static std::string Folded(std::string_view s) {
    std::string folded(s);
    for (char& c : folded) c = AsciiLower(c);
    return folded;
  }

  static uint64_t Hash(std::string_view s) {
    uint64_t h = 0;
    for (unsigned char c : s) h = h * kBase + c;
    return h;
  }

  // Adds the occurrence of `needle` at `at` if it is one, as a whole word.
  static void Check(std::string_view text, size_t at, const Needle& needle, std::vector<TaggedSpan>* out) {
    std::string_view here = text.substr(at, needle.key.size());
    if (needle.fold_case ? !EqualFolded(here, needle.key) : here != needle.key) return;
    const bool word_start = IsWordByte(static_cast<unsigned char>(needle.key.front()));
    const bool word_end = IsWordByte(static_cast<unsigned char>(needle.key.back()));
    if (word_start && at > 0 && IsWordByte(static_cast<unsigned char>(text[at - 1]))) return;
    const size_t end = at + needle.key.size();
    if (word_end && end < text.size() && IsWordByte(static_cast<unsigned char>(text[end]))) return;
    out->push_back({{at, end, needle.source}, needle.finding, needle.group});
  }

  std::vector<Needle> needles_;
  std::map<std::pair<bool, std::string>, size_t> seen_;
};

}  // namespace

std::vector<PersonalDataSpan> FindPersonalData(std::string_view text, const std::vector<Finding>& findings) {
  // What each finding asks for: its own span, and needles to find as whole
  // words. A needle asked for twice is searched once, for the first asker:
  // the later asker's spans would be the same places, dropped below anyway.
  std::vector<TaggedSpan> spans;
  NeedleSearch search;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (f.rule == nullptr || f.rule->category != "personal-data") continue;
    if (f.offset + f.length > text.size()) continue;
    spans.push_back({{f.offset, f.offset + f.length, &f}, i, 0});
    std::string_view data = text.substr(f.offset, f.length);
    search.Add(data, /*fold_case=*/true, &f, i, 1);
    if (f.rule->names) {
      size_t group = 2;
      for (std::string_view word : NameWords(data, f.rule->names->titles)) {
        search.Add(word, /*fold_case=*/false, &f, i, group++);
      }
    }
  }
  search.Run(text, &spans);
  // By begin, then longest first; among the same place, the first asker's
  // (the order in which the findings asked) is kept.
  std::sort(spans.begin(), spans.end(), [](const TaggedSpan& a, const TaggedSpan& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return std::tie(a.finding, a.group) < std::tie(b.finding, b.group);
  });
  std::vector<PersonalDataSpan> unique;
  unique.reserve(spans.size());
  for (const TaggedSpan& t : spans) {
    if (!unique.empty() && unique.back().begin == t.span.begin && unique.back().end == t.span.end) continue;
    unique.push_back(t.span);
  }
  return unique;
}

}  // namespace postcheck
