// Maps byte offsets in a draft to 1-based lines and code-point columns.
//
// Lines end at "\n", "\r\n" or a lone "\r". Columns count Unicode code points
// from the start of the line, starting at 1; a UTF-8 byte-order mark at the
// start of the text occupies bytes but no column. The text must be valid UTF-8
// and must outlive the map.
#ifndef POSTCHECK_LINE_MAP_H_
#define POSTCHECK_LINE_MAP_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace postcheck {

struct Position {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in code points
};

class LineMap {
 public:
  explicit LineMap(std::string_view text);

  // The position of byte `offset` (0 <= offset <= text size). An offset inside
  // a multibyte character counts as that character's column.
  Position At(size_t offset) const;

  int line_count() const { return static_cast<int>(starts_.size()); }

  // The text of 1-based `line` without its line terminator.
  std::string_view LineText(int line) const;

  // Byte offset where 1-based `line` starts (after the BOM on line 1).
  size_t LineStart(int line) const { return starts_[line - 1]; }

 private:
  static constexpr size_t kCheckpointBytes = 1024;

  std::string_view text_;
  std::vector<size_t> starts_;  // byte offset of each line's first column
  // Characters (code point starts) in text_[0, k * kCheckpointBytes), so a
  // column in a very long line costs at most kCheckpointBytes of counting.
  std::vector<size_t> chars_before_;
};

}  // namespace postcheck

#endif  // POSTCHECK_LINE_MAP_H_
