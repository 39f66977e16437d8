// The one rule for per-thread working space on the hot path: a draft up to
// kReusedSpaceMaxDraft bytes is linted in vectors that the thread keeps for
// the next draft (they keep their capacity, so most drafts allocate nothing);
// a longer draft gets space of its own, freed when it is done, so that one
// huge draft does not leave a thread holding its buffers.
#ifndef POSTCHECK_REUSED_SPACE_H_
#define POSTCHECK_REUSED_SPACE_H_

#include <cstddef>

namespace postcheck {

inline constexpr size_t kReusedSpaceMaxDraft = 64 * 1024;

}  // namespace postcheck

#endif  // POSTCHECK_REUSED_SPACE_H_
