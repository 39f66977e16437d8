#include "line_map.h"

#include <algorithm>

#include "utf8.h"

namespace postcheck {

LineMap::LineMap(std::string_view text) : text_(text) {
  starts_.push_back(BomLength(text));
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
  pos.column = static_cast<int>(CountCodePoints(text_.substr(start, end - start))) + 1;
  return pos;
}

std::string_view LineMap::LineText(int line) const {
  size_t start = starts_[line - 1];
  size_t end = line < line_count() ? starts_[line] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(start, end - start);
}

}  // namespace postcheck
