#include "text/markdown_view.h"

#include <algorithm>

#include "text/line_map.h"

namespace postcheck {
namespace {

bool StartsWith(std::string_view text, size_t at, std::string_view prefix) {
  return text.compare(at, prefix.size(), prefix) == 0;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// [begin of line, end of its text, start of the next line).
struct Line {
  size_t begin, end, next;
};

Line LineAt(std::string_view text, size_t at) {
  size_t nl = text.find('\n', at);
  size_t end = nl == std::string_view::npos ? text.size() : nl;
  return {at, end, nl == std::string_view::npos ? text.size() : nl + 1};
}

// "```" or "~~~" (three or more) after at most three spaces: sets the fence.
bool IsFence(std::string_view line, char* fence, size_t* length) {
  size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return false;
  size_t n = 0;
  while (i + n < line.size() && line[i + n] == line[i]) ++n;
  if (n < 3) return false;
  *fence = line[i];
  *length = n;
  return true;
}

bool ClosesFence(std::string_view line, char fence, size_t length) {
  char c;
  size_t n;
  return IsFence(line, &c, &n) && c == fence && n >= length && Trim(line).find_first_not_of(fence) == std::string_view::npos;
}

// "[label]: destination" at the start of a line (at most three spaces in).
bool IsReferenceDefinition(std::string_view line) {
  size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != '[') return false;
  size_t close = line.find("]:", i + 1);
  return close != std::string_view::npos && close > i + 1 && !Trim(line.substr(close + 2)).empty();
}

void ParseDisable(std::string_view body, size_t end_offset, std::vector<std::pair<size_t, MarkdownDisable>>* out) {
  body = Trim(body);
  static constexpr std::string_view kDirective = "postcheck-disable-next-line";
  if (body.substr(0, kDirective.size()) != kDirective) return;
  body = Trim(body.substr(kDirective.size()));
  MarkdownDisable d;
  size_t dashes = body.find("--");
  d.rule = std::string(Trim(body.substr(0, dashes)));
  if (dashes != std::string_view::npos) d.reason = std::string(Trim(body.substr(dashes + 2)));
  if (d.rule.empty() || d.rule.find_first_of(" \t\n") != std::string::npos) return;
  out->emplace_back(end_offset, std::move(d));
}

}  // namespace

bool IsMarkdownPath(std::string_view path) {
  auto ends = [&](std::string_view s) { return path.size() > s.size() && path.substr(path.size() - s.size()) == s; };
  return ends(".md") || ends(".markdown");
}

size_t MarkdownView::FileOffset(size_t offset) const {
  // Walk the kept parts: between the hidden ranges.
  size_t file = 0, counted_so_far = 0;
  for (const auto& [begin, end] : hidden) {
    size_t part = begin - file;
    if (offset < counted_so_far + part) return file + (offset - counted_so_far);
    counted_so_far += part;
    file = end;
  }
  return file + (offset - counted_so_far);
}

MarkdownView ViewMarkdown(std::string_view text) {
  MarkdownView view;
  std::vector<std::pair<size_t, size_t>>& hidden = view.hidden;
  auto hide = [&](size_t begin, size_t end) {
    if (end > begin) hidden.emplace_back(begin, end);
  };
  std::vector<std::pair<size_t, MarkdownDisable>> disables;  // comment end offset, directive
  const size_t n = text.size();
  size_t i = StartsWith(text, 0, "\xEF\xBB\xBF") ? 3 : 0;

  // Front matter: a "---" first line up to the next "---" or "..." line.
  Line first = LineAt(text, i);
  if (Trim(text.substr(first.begin, first.end - first.begin)) == "---") {
    for (Line l = LineAt(text, first.next); l.begin < n; l = LineAt(text, l.next)) {
      std::string_view t = Trim(text.substr(l.begin, l.end - l.begin));
      if (t == "---" || t == "...") {
        hide(i, l.next);
        i = l.next;
        break;
      }
    }
  }

  bool line_start = true;
  while (i < n) {
    if (line_start) {
      line_start = false;
      Line l = LineAt(text, i);
      std::string_view line = text.substr(l.begin, l.end - l.begin);
      char fence;
      size_t length;
      if (IsFence(line, &fence, &length)) {
        size_t end = n;
        for (Line c = LineAt(text, l.next); c.begin < n; c = LineAt(text, c.next)) {
          if (ClosesFence(text.substr(c.begin, c.end - c.begin), fence, length)) {
            end = c.next;
            break;
          }
        }
        hide(i, end);
        i = end;
        line_start = true;
        continue;
      }
      if (IsReferenceDefinition(line)) {
        hide(l.begin, l.end);
        i = l.next;
        line_start = true;
        continue;
      }
    }
    char c = text[i];
    if (c == '\n') {
      ++i;
      line_start = true;
      continue;
    }
    if (StartsWith(text, i, "<!--")) {
      size_t close = text.find("-->", i + 4);
      size_t end = close == std::string_view::npos ? n : close + 3;
      ParseDisable(text.substr(i + 4, (close == std::string_view::npos ? n : close) - (i + 4)), end, &disables);
      hide(i, end);
      // A comment that ends a line leaves the next line to start afresh.
      i = end;
      continue;
    }
    if (StartsWith(text, i, "](")) {
      // The destination: up to the matching ')' on the same line.
      Line l = LineAt(text, i);
      int depth = 0;
      size_t close = std::string_view::npos;
      for (size_t j = i + 1; j < l.end; ++j) {
        if (text[j] == '(') ++depth;
        if (text[j] == ')' && --depth == 0) {
          close = j;
          break;
        }
      }
      if (close != std::string_view::npos) {
        hide(i + 1, close + 1);
        i = close + 1;
        continue;
      }
    }
    if (c == '<' && (StartsWith(text, i, "<http://") || StartsWith(text, i, "<https://") ||
                     StartsWith(text, i, "<mailto:"))) {
      size_t close = text.find('>', i);
      Line l = LineAt(text, i);
      if (close != std::string_view::npos && close < l.end) {
        hide(i, close + 1);
        i = close + 1;
        continue;
      }
    }
    ++i;
  }

  // The two views.
  view.linted = std::string(text);
  size_t kept_from = 0;
  for (const auto& [begin, end] : hidden) {
    for (size_t k = begin; k < end; ++k) {
      if (view.linted[k] != '\n' && view.linted[k] != '\r') view.linted[k] = ' ';
    }
    view.counted.append(text.substr(kept_from, begin - kept_from));
    kept_from = end;
  }
  view.counted.append(text.substr(kept_from));

  // Each directive applies to the first line after its comment with visible text.
  LineMap lines(view.linted);
  for (auto& [end, d] : disables) {
    for (int line = lines.At(end).line + 1; line <= lines.line_count(); ++line) {
      if (!Trim(lines.LineText(line)).empty()) {
        d.line = line;
        view.disables.push_back(std::move(d));
        break;
      }
    }
  }
  return view;
}

}  // namespace postcheck
