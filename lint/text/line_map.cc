#include "text/line_map.h"

#include <algorithm>

#include "text/utf8.h"

namespace postcheck {

LineMap::LineMap(std::string_view text) : text_(text) {
  starts_.push_back(BomLength(text));
  // Checkpoints serve only offsets past the first kCheckpointBytes: a short
  // draft (most of them) needs none.
  if (text.size() > kCheckpointBytes) {
    chars_before_.reserve(text.size() / kCheckpointBytes + 1);
    size_t chars = 0;
    for (size_t block = 0; block < text.size(); block += kCheckpointBytes) {
      chars_before_.push_back(chars);
      chars += CountCodePoints(text.substr(block, kCheckpointBytes));
    }
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

Position LineMap::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t index = it == starts_.begin() ? 0 : static_cast<size_t>(it - starts_.begin()) - 1;
  size_t start = starts_[index];
  Position pos;
  pos.line = static_cast<int>(index) + 1;
  if (offset < start) {  // inside the BOM
    pos.column = 1;
    return pos;
  }
  // Count code points before `offset`; a continuation byte belongs to the
  // character before it, so round down to a character start first.
  size_t end = offset;
  while (end > start && end < text_.size() && IsUtf8Continuation(static_cast<unsigned char>(text_[end]))) --end;
  // Characters in [start, end): from the checkpoint nearest below `end` when
  // it lies inside the line, else counted from the line start.
  size_t k = end / kCheckpointBytes;
  size_t mark = k * kCheckpointBytes;
  size_t chars;
  if (mark > start && k < chars_before_.size()) {
    size_t k_start = start / kCheckpointBytes;
    size_t start_mark = k_start * kCheckpointBytes;
    // chars in [start, mark) = chars_before(mark) - chars_before(start)
    size_t before_start = chars_before_[k_start] + CountCodePoints(text_.substr(start_mark, start - start_mark));
    chars = chars_before_[k] - before_start + CountCodePoints(text_.substr(mark, end - mark));
  } else {
    chars = CountCodePoints(text_.substr(start, end - start));
  }
  pos.column = static_cast<int>(chars) + 1;
  return pos;
}

std::string_view LineMap::LineText(int line) const {
  size_t start = starts_[line - 1];
  size_t end = line < line_count() ? starts_[line] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

}  // namespace postcheck
