#include "personal_data_spans.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "utf8.h"

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

// Adds every whole-word occurrence of `needle` in `text`.
void AddOccurrences(std::string_view text, std::string_view needle, bool fold_case, const Finding* source,
                    std::vector<PersonalDataSpan>* out) {
  if (needle.empty() || needle.size() > text.size()) return;
  const bool word_start = IsWordByte(static_cast<unsigned char>(needle.front()));
  const bool word_end = IsWordByte(static_cast<unsigned char>(needle.back()));
  for (size_t at = 0; at + needle.size() <= text.size(); ++at) {
    std::string_view here = text.substr(at, needle.size());
    if (fold_case ? !EqualFolded(here, needle) : here != needle) continue;
    if (word_start && at > 0 && IsWordByte(static_cast<unsigned char>(text[at - 1]))) continue;
    const size_t end = at + needle.size();
    if (word_end && end < text.size() && IsWordByte(static_cast<unsigned char>(text[end]))) continue;
    out->push_back({at, end, source});
  }
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

}  // namespace

std::vector<PersonalDataSpan> FindPersonalData(std::string_view text, const std::vector<Finding>& findings) {
  std::vector<PersonalDataSpan> spans;
  for (const Finding& f : findings) {
    if (f.rule == nullptr || f.rule->category != "personal-data") continue;
    if (f.offset + f.length > text.size()) continue;
    spans.push_back({f.offset, f.offset + f.length, &f});
    std::string_view data = text.substr(f.offset, f.length);
    AddOccurrences(text, data, /*fold_case=*/true, &f, &spans);
    if (f.rule->names) {
      for (std::string_view word : NameWords(data, f.rule->names->titles)) {
        AddOccurrences(text, word, /*fold_case=*/false, &f, &spans);
      }
    }
  }
  std::stable_sort(spans.begin(), spans.end(), [](const PersonalDataSpan& a, const PersonalDataSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  spans.erase(std::unique(spans.begin(), spans.end(),
                          [](const PersonalDataSpan& a, const PersonalDataSpan& b) {
                            return a.begin == b.begin && a.end == b.end;
                          }),
              spans.end());
  return spans;
}

}  // namespace postcheck
