#include "engine/misspelt_spans.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace postcheck {
namespace {

// The last token of the word starting at token `i`: contractions and
// possessives ("you're", "don't", "officer's") are one word.
size_t WordEnd(const TokenizedText& text, size_t i) {
  const auto& tokens = text.tokens;
  size_t last = i;
  while (last + 1 < tokens.size()) {
    std::string_view gap = text.text.substr(tokens[last].end, tokens[last + 1].begin - tokens[last].end);
    if (!IsApostrophe(gap)) break;
    ++last;
  }
  return last;
}

// Whether the word of tokens [first, last] is one for a dictionary to judge.
bool Judged(const TokenizedText& text, size_t first, size_t last) {
  const auto& tokens = text.tokens;
  const Token& t = tokens[first];
  const uint32_t begin = t.begin, end = tokens[last].end;
  if (begin > 0 && (text.text[begin - 1] == '@' || text.text[begin - 1] == '#')) return false;
  // Fragments of a masked word ("f***ing") are not words to spell-check.
  if ((begin > 0 && text.text[begin - 1] == '*') || (end < text.text.size() && text.text[end] == '*')) return false;
  for (size_t k = first; k <= last; ++k) {
    if (tokens[k].has_digit) return false;
  }
  if (!t.has_letter || end - begin < 2) return false;
  return !(t.all_caps || (t.capitalised && !t.sentence_start));
}

// `original` as the dictionary reads it: curly apostrophes written straight.
// False when it has any other non-ASCII character (other scripts, accented
// words), which is not ours to judge.
bool DictionaryForm(std::string_view original, std::string* word, std::string_view* checked) {
  *checked = original;
  if (std::none_of(original.begin(), original.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    return true;
  }
  word->clear();
  for (size_t k = 0; k < original.size(); ++k) {
    if (original.compare(k, kCurlyApostrophe.size(), kCurlyApostrophe) == 0) {
      word->push_back('\'');
      k += kCurlyApostrophe.size() - 1;
    } else if (static_cast<unsigned char>(original[k]) >= 0x80) {
      return false;
    } else {
      word->push_back(original[k]);
    }
  }
  *checked = *word;
  return true;
}

}  // namespace

void MisspeltSpans(const TokenizedText& text, const Lexicon& dictionary, std::vector<RuleSpan>* out) {
  std::string word;
  for (size_t i = 0; i < text.tokens.size(); ++i) {
    const size_t first = i;
    const size_t last = WordEnd(text, i);
    i = last;
    if (!Judged(text, first, last)) continue;
    const uint32_t begin = text.tokens[first].begin, end = text.tokens[last].end;
    std::string_view checked;
    if (!DictionaryForm(text.text.substr(begin, end - begin), &word, &checked)) continue;
    if (!dictionary.Knows(checked)) out->push_back({begin, end, -1});
  }
}

void DropSpansOverlapping(const std::vector<PatternHit>& skips, size_t first, std::vector<RuleSpan>* out) {
  size_t next_skip = 0, kept = first;
  for (size_t k = first; k < out->size(); ++k) {
    const RuleSpan s = (*out)[k];
    while (next_skip < skips.size() && skips[next_skip].end <= s.begin) ++next_skip;
    if (next_skip < skips.size() && skips[next_skip].begin < s.end) continue;
    (*out)[kept++] = s;
  }
  out->resize(kept);
}

}  // namespace postcheck
