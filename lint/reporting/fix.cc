#include "reporting/fix.h"

#include <algorithm>

#include "reporting/personal_data_spans.h"

namespace postcheck {
namespace {

// Whether byte `offset` starts a sentence: only spaces back to the start of
// the text, a line break, or a '.', '!', '?' or '|'.
bool AtSentenceStart(std::string_view text, size_t offset) {
  size_t i = offset;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '"')) --i;
  if (i == 0) return true;
  char c = text[i - 1];
  return c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?' || c == '|';
}

}  // namespace

std::string ApplyFixes(std::string_view text, const std::vector<Finding>& findings) {
  std::vector<const Finding*> fixes;
  for (const Finding& f : findings) {
    if (!f.replacement.empty()) fixes.push_back(&f);
  }
  // Personal data written again elsewhere gets its finding's placeholder too.
  std::vector<Finding> repeats;
  for (const PersonalDataSpan& span : FindPersonalData(text, findings)) {
    if (span.source->replacement.empty()) continue;
    if (span.begin == span.source->offset && span.end == span.source->offset + span.source->length) continue;
    Finding repeat = *span.source;
    repeat.offset = span.begin;
    repeat.length = span.end - span.begin;
    repeats.push_back(std::move(repeat));
  }
  for (const Finding& f : repeats) fixes.push_back(&f);
  std::stable_sort(fixes.begin(), fixes.end(), [](const Finding* a, const Finding* b) {
    return a->offset != b->offset ? a->offset < b->offset : a->length > b->length;
  });
  std::string out;
  size_t pos = 0;
  for (const Finding* f : fixes) {
    if (f->offset < pos) continue;  // overlaps a fix already made
    out.append(text.substr(pos, f->offset - pos));
    std::string replacement = f->replacement;
    if (AtSentenceStart(text, f->offset) && replacement[0] >= 'a' && replacement[0] <= 'z') {
      replacement[0] = static_cast<char>(replacement[0] - 32);
    }
    out += replacement;
    pos = f->offset + f->length;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace postcheck
