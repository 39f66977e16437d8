#include "example_blocks.h"

namespace postcheck {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

size_t Indent(std::string_view line) {
  size_t i = line.find_first_not_of(' ');
  return i == std::string_view::npos ? line.size() : i;
}

// The column of the mapping key on `line`, past any "- " of enclosing
// sequence items.
size_t KeyColumn(std::string_view line) {
  size_t i = Indent(line);
  while (i + 1 < line.size() && line[i] == '-' && line[i + 1] == ' ') {
    i = line.find_first_not_of(' ', i + 1);
    if (i == std::string_view::npos) return line.size();
  }
  return i;
}

// `line` without a trailing " # comment" and trailing spaces.
std::string_view WithoutComment(std::string_view line) {
  size_t hash = line.find(" #");
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  size_t end = line.find_last_not_of(" \t\r");
  return end == std::string_view::npos ? std::string_view() : line.substr(0, end + 1);
}

// True if `line` ends in a block scalar indicator (|, >, |-, >+2, ...) that
// follows a key or a sequence dash, with an optional anchor or tag between.
bool StartsBlockScalar(std::string_view line) {
  if (line.find_first_of("|>") == std::string_view::npos) return false;
  std::string_view text = WithoutComment(line);
  size_t start = text.find_last_of(' ');
  std::string_view last = start == std::string_view::npos ? text : text.substr(start + 1);
  if (last.empty() || (last[0] != '|' && last[0] != '>')) return false;
  if (last.find_first_not_of("-+0123456789", 1) != std::string_view::npos) return false;
  if (start == std::string_view::npos) return false;
  std::string_view before = WithoutComment(text.substr(0, start));
  while (!before.empty()) {  // skip "&anchor" and "!tag"
    size_t space = before.find_last_of(' ');
    std::string_view word = space == std::string_view::npos ? before : before.substr(space + 1);
    if (word.empty() || (word[0] != '&' && word[0] != '!')) break;
    before = space == std::string_view::npos ? std::string_view() : WithoutComment(before.substr(0, space));
  }
  return !before.empty() && (before.back() == ':' || before.back() == '-');
}

bool IsExamplesKey(std::string_view line) {
  if (line.find("examples:") == std::string_view::npos) return false;
  size_t column = KeyColumn(line);
  return column < line.size() && WithoutComment(line.substr(column)) == "examples:";
}

}  // namespace

bool BlankExampleBlocks(std::string_view yaml, std::string* out, std::vector<size_t>* key_lines) {
  out->clear();
  key_lines->clear();
  out->reserve(yaml.size());
  size_t scalar_parent = kNone;   // inside a block scalar under this key column
  size_t examples_column = kNone;  // blanking the block under this key column
  size_t line_number = 0;
  for (size_t pos = 0; pos < yaml.size();) {
    size_t end = yaml.find('\n', pos);
    size_t next = end == std::string_view::npos ? yaml.size() : end + 1;
    std::string_view line = yaml.substr(pos, next - pos);
    std::string_view body = line.substr(0, line.size() - (end == std::string_view::npos ? 0 : 1));
    ++line_number;
    pos = next;
    const bool blank = IsBlank(body);
    if (examples_column != kNone) {
      if (blank || Indent(body) > examples_column) {
        if (end != std::string_view::npos) out->push_back('\n');
        continue;
      }
      examples_column = kNone;
    }
    out->append(line);
    if (scalar_parent != kNone) {
      if (blank || Indent(body) > scalar_parent) continue;
      scalar_parent = kNone;
    }
    if (IsExamplesKey(body)) {
      examples_column = KeyColumn(body);
      key_lines->push_back(line_number);
    } else if (StartsBlockScalar(body)) {
      scalar_parent = KeyColumn(body);
    }
  }
  if (key_lines->empty()) {
    out->clear();
    return false;
  }
  return true;
}

}  // namespace postcheck
