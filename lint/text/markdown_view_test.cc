// Unit tests for the Markdown view (markdown_view.h): what is hidden, the
// two texts, offsets back into the file, and disable comments.
#include "text/markdown_view.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

namespace postcheck {
namespace {

TEST_CASE("front matter, comments, fenced code, link URLs and reference definitions are hidden") {
  std::string text =
      "---\ntitle: RTC\n---\n"
      "See [the appeal](https://example.org/a_(b)) <!-- RTC -->now.\n"
      "```\nRTC in code\n```\n"
      "<https://example.org/x> and ![pic](img.png)\n"
      "[ref]: https://example.org/ref\n"
      "Done.";
  MarkdownView view = ViewMarkdown(text);
  CHECK(view.linted.size() == text.size());
  CHECK(view.linted == "   \n" + std::string(10, ' ') + "\n   \n" +                 // front matter
                        "See [the appeal]" + std::string(27, ' ') + " " + std::string(12, ' ') + "now.\n" +
                        "   \n" + std::string(11, ' ') + "\n   \n" +                 // the code block
                        std::string(23, ' ') + " and ![pic]" + std::string(9, ' ') + "\n" +
                        std::string(30, ' ') + "\n" +                                   // [ref]: ...
                        "Done.");
  CHECK(view.counted == "See [the appeal] now.\n and ![pic]\n\nDone.");
  CHECK(view.FileOffset(0) == 19);                       // "See"
  CHECK(text.substr(view.FileOffset(17), 3) == "now");  // after the URL and comment
  CHECK(view.FileOffset(view.counted.size()) == text.size());
}

TEST_CASE("text that only looks like Markdown's hidden parts stays") {
  std::string text = "Call 101 (not 999) -- see [notes] and a <b>tag</b>.\n----\n";
  MarkdownView view = ViewMarkdown(text);
  CHECK(view.linted == text);
  CHECK(view.counted == text);
  CHECK(view.hidden.empty());
  CHECK(ViewMarkdown("```\nnever closed\n").linted == "   \n            \n");
}

TEST_CASE("disable comments apply to the next line with text, with their reason") {
  std::string text =
      "<!-- postcheck-disable-next-line tone.swear -- quoting the offender in court -->\n"
      "\n"
      "What a mess.\n"
      "<!-- postcheck-disable-next-line jargon.rtc -->\n"
      "RTC on the A580. <!-- postcheck-disable-next-line jargon.rtc -->\n"
      "<!-- postcheck-disable-next-line -->\n"
      "<!-- a plain comment -->\n";
  MarkdownView view = ViewMarkdown(text);
  REQUIRE(view.disables.size() == 2);
  CHECK(view.disables[0].line == 3);
  CHECK(view.disables[0].rule == "tone.swear");
  CHECK(view.disables[0].reason == "quoting the offender in court");
  CHECK(view.disables[1].line == 5);  // a comment after text applies to the line after it: none has text
  CHECK(view.disables[1].rule == "jargon.rtc");
  CHECK(view.disables[1].reason.empty());
}

TEST_CASE("paths") {
  CHECK(IsMarkdownPath("drafts/a.md"));
  CHECK(IsMarkdownPath("a.markdown"));
  CHECK_FALSE(IsMarkdownPath("a.txt"));
  CHECK_FALSE(IsMarkdownPath(".md"));
}

}  // namespace
}  // namespace postcheck
