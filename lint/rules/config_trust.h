// Whether a .postcheck.yaml that postcheck found by itself (not one named
// with --config) may be used. A config can switch every check off, so one
// that another user could have planted is refused: a file owned by another
// user, a file anyone may write, or one in a directory anyone may write
// (/tmp, /dev/shm).
#ifndef POSTCHECK_CONFIG_TRUST_H_
#define POSTCHECK_CONFIG_TRUST_H_

#include <sys/types.h>

#include <string>

namespace postcheck {

// The facts the decision rests on, as stat(2) gives them.
struct ConfigFileFacts {
  uid_t file_owner = 0;
  mode_t file_mode = 0;
  mode_t dir_mode = 0;  // of the directory holding the file
};

// Empty when a found config with these facts may be used by user `me`;
// otherwise why not, e.g. "owned by another user (uid 1001)".
std::string ConfigDistrust(const ConfigFileFacts& facts, uid_t me);

// Checks the found config `path` for the user running postcheck. Empty when
// it may be used; otherwise the one-line error to print, naming the file and
// saying how to use it anyway (--config) or ignore it (--no-config).
std::string CheckFoundConfig(const std::string& path);

}  // namespace postcheck

#endif  // POSTCHECK_CONFIG_TRUST_H_
