#include "rules/example_blocks.h"

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

// The column a block scalar started on `line` must be indented past: its
// key's, or its sequence dash's for an entry such as "- |".
size_t ScalarParentColumn(std::string_view line) {
  size_t column = KeyColumn(line);
  bool entry = column < line.size() && (line[column] == '|' || line[column] == '>' || line[column] == '&' ||
                                        line[column] == '!');
  return entry && column >= 2 && line[column - 2] == '-' ? column - 2 : column;
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

// True if every quoted scalar and flow collection opened on `line` closes on
// it. A line that fails this may continue onto lines that are not indented
// under the examples key, so its block cannot be blanked on its own. Cautious:
// a lone quote or bracket inside plain text fails too.
bool ClosesWhatItOpens(std::string_view line) {
  int depth = 0;
  char quote = 0;
  char previous = ' ';  // the last character outside quotes that is not a space
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote == '"') {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quote = 0;
      }
      continue;
    }
    if (quote == '\'') {
      if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;
      } else if (c == '\'') {
        quote = 0;
      }
      continue;
    }
    if (c == '#' && (i == 0 || line[i - 1] == ' ')) break;  // a comment
    if (c == '"') {
      quote = c;
    } else if (c == '\'' && (previous == ' ' || previous == '-' || previous == ':' || previous == ',' ||
                             previous == '[' || previous == '{' || previous == '?')) {
      quote = c;  // an apostrophe inside a word does not start a quoted scalar
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
    if (c != ' ' && c != '\t' && c != '\r') previous = c;
  }
  return quote == 0 && depth == 0;
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
  size_t example_scalar = kNone;   // ... inside a block scalar in it, under this column
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
        if (example_scalar != kNone && (blank || Indent(body) > example_scalar)) {
          // Text of a block scalar: quotes and brackets in it mean nothing.
        } else if (!ClosesWhatItOpens(body)) {
          out->clear();
          key_lines->clear();
          return false;
        } else {
          example_scalar = StartsBlockScalar(body) ? ScalarParentColumn(body) : kNone;
        }
        if (end != std::string_view::npos) out->push_back('\n');
        continue;
      }
      examples_column = kNone;
      example_scalar = kNone;
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
      scalar_parent = ScalarParentColumn(body);
    }
  }
  if (key_lines->empty()) {
    out->clear();
    return false;
  }
  return true;
}

}  // namespace postcheck
