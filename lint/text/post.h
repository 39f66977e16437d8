// One post to lint and where it came from: a whole file (the default), or
// one record of an export that holds many posts (CSV, JSON Lines, an X
// archive). Every output format reports the record's number, id and date.
#ifndef POSTCHECK_POST_H_
#define POSTCHECK_POST_H_

#include <cstddef>
#include <string>

namespace postcheck {

struct Post {
  std::string path;    // the file as named, or the --stdin-filename name
  size_t record = 0;   // 1-based number of the record in its file; 0: the whole file is the post
  std::string id;      // the record's id; empty when it has none
  std::string date;    // the record's date as given (X archives: ISO 8601); may be empty
  std::string text;    // the post (empty when error is set)
  std::string error;   // one line, "path: record 3: reason", when it could not be read
};

}  // namespace postcheck

#endif  // POSTCHECK_POST_H_
