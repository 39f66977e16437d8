// What of a Markdown draft (.md) is the post. YAML front matter, HTML
// comments, fenced code blocks, link and image URLs ("(...)" after "]", and
// <https://...> autolinks) and link reference definitions are not: they are
// neither linted nor counted toward a platform's length. Positions still
// point into the file: `linted` has the file's length, with the hidden bytes
// turned into spaces (line breaks kept), and `counted` maps back to the file.
//
// A comment <!-- postcheck-disable-next-line RULE -- reason --> suppresses
// one finding of RULE on the next line that has text (Vale's comments are the
// model); the reason is recorded and reported.
#ifndef POSTCHECK_MARKDOWN_VIEW_H_
#define POSTCHECK_MARKDOWN_VIEW_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace postcheck {

struct MarkdownDisable {
  int line = 0;        // 1-based line of the file whose finding it suppresses
  std::string rule;    // full rule id, e.g. "tone.profanity"
  std::string reason;  // after "--"; may be empty
};

struct MarkdownView {
  std::string linted;   // the file with hidden bytes as spaces ('\n' and '\r' kept)
  std::string counted;  // the file without its hidden parts: what a platform counts
  std::vector<std::pair<size_t, size_t>> hidden;  // [begin, end) byte ranges, sorted, disjoint
  std::vector<MarkdownDisable> disables;

  // The file offset of byte `offset` of `counted`: an offset where one kept
  // part ends and the next begins maps to the next (its size maps to the end
  // of the file).
  size_t FileOffset(size_t offset) const;
};

// `text` is valid UTF-8.
MarkdownView ViewMarkdown(std::string_view text);

// Whether `path` names a Markdown file (.md or .markdown).
bool IsMarkdownPath(std::string_view path);

}  // namespace postcheck

#endif  // POSTCHECK_MARKDOWN_VIEW_H_
