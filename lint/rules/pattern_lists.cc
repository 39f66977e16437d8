#include "rules/pattern_lists.h"

#include <re2/re2.h>

#include <algorithm>
#include <functional>
#include <utility>

#include "text/normalize.h"
#include "text/utf8.h"

namespace postcheck {
namespace {

constexpr std::string_view kOpen = "{list:";

bool IsNameChar(char c) {
  return IsAsciiLetter(static_cast<unsigned char>(c)) || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

bool IsListName(std::string_view name) { return !name.empty() && std::all_of(name.begin(), name.end(), IsNameChar); }

std::string ListAlternation(const std::vector<std::string>& words) {
  // Each entry with its folded form, sorted by that form from last to first
  // (ties by the entry itself) and without repeats: an entry comes before
  // every entry that is a prefix of it, and entries that share a beginning
  // are side by side.
  std::vector<std::pair<std::string, std::string>> keyed;  // (folded, entry)
  keyed.reserve(words.size());
  for (const std::string& w : words) {
    if (w.empty()) continue;
    std::string folded;
    FoldWord(w, &folded);
    keyed.emplace_back(std::move(folded), w);
  }
  if (keyed.empty()) return "";
  std::sort(keyed.begin(), keyed.end(), std::greater<>());
  keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
  std::string out = "(?:";
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i > 0) out += '|';
    out += RE2::QuoteMeta(keyed[i].second);
  }
  out += ')';
  return out;
}

bool ExpandPatternLists(std::string_view pattern, const ListLookup& lookup, std::string* out, std::string* error) {
  out->clear();
  size_t pos = 0;
  for (size_t at; (at = pattern.find(kOpen, pos)) != std::string_view::npos;) {
    out->append(pattern.substr(pos, at - pos));
    const size_t name_begin = at + kOpen.size();
    size_t name_end = name_begin;
    while (name_end < pattern.size() && IsNameChar(pattern[name_end])) ++name_end;
    if (name_end == name_begin || name_end >= pattern.size() || pattern[name_end] != '}') {
      *error = "'{list:' at byte " + std::to_string(at) + " is not '{list:NAME}'";
      return false;
    }
    const std::string_view name = pattern.substr(name_begin, name_end - name_begin);
    const std::vector<std::string>* words = lookup(name);
    if (!words) {
      *error = "'{list:" + std::string(name) + "}': the pack declares no word list '" + std::string(name) +
               "' (word_lists)";
      return false;
    }
    const std::string alternation = ListAlternation(*words);
    if (alternation.empty()) {
      *error = "'{list:" + std::string(name) + "}': the word list is empty";
      return false;
    }
    out->append(alternation);
    pos = name_end + 1;
  }
  out->append(pattern.substr(pos));
  return true;
}

}  // namespace postcheck
