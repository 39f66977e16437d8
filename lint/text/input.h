// Reads drafts from files or standard input and refuses what is not text:
// missing or unreadable files, directories, NUL bytes, invalid UTF-8 and
// inputs over the size limit. Every refusal is one line naming the input.
#ifndef POSTCHECK_INPUT_H_
#define POSTCHECK_INPUT_H_

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

namespace postcheck {

inline constexpr size_t kDefaultMaxBytes = 10 * 1024 * 1024;

// Reads the file `path`, or `in` when path is "-". `name` is what errors call
// the input. On failure returns false and sets *error to "name: reason".
bool ReadDraft(const std::string& path, const std::string& name, std::istream& in,
               size_t max_bytes, std::string* text, std::string* error);

// Checks that `text` is a draft postcheck can lint: not UTF-16, no NUL byte
// and valid UTF-8. On failure returns false with *reason set, e.g.
// "not UTF-8 text at byte 17", with a hint when the text looks like UTF-16
// or Windows-1252 (encoding_hint.h).
bool CheckDraftText(std::string_view text, std::string* reason);

}  // namespace postcheck

#endif  // POSTCHECK_INPUT_H_
