// Turns the inputs named on the command line into the list of files to read:
// a directory becomes every file under it, recursively, whose name ends in
// one of the given extensions, in sorted (byte) order; --files-from FILE
// adds the paths in FILE, one per line ("-": standard input), after those.
#ifndef POSTCHECK_INPUT_LIST_H_
#define POSTCHECK_INPUT_LIST_H_

#include <istream>
#include <string>
#include <vector>

namespace postcheck {

// The extensions a directory is searched for, by --input format name:
// .txt and .md for text, .csv, .jsonl and .js (data/tweets.js) otherwise.
std::vector<std::string> DirectoryExtensions(const std::string& input_format);

// Appends the files of `args` and of `files_from` (unless empty) to *paths.
// A path that is not a directory is kept as it is, to be read or refused
// later. Returns false with *error set ("FILE: reason", one line) when
// --files-from cannot be read or a directory cannot be listed.
bool ExpandInputs(const std::vector<std::string>& args, const std::string& files_from, std::istream& in,
                  const std::vector<std::string>& extensions, std::vector<std::string>* paths,
                  std::string* error);

}  // namespace postcheck

#endif  // POSTCHECK_INPUT_LIST_H_
