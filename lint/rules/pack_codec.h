// Loaded rule packs (rule.h) as bytes and back: the body of the packs'
// snapshot (pack_snapshot.h), which start-up reads instead of the YAML.
//
// Promises: DecodePacks(EncodePacks(packs)) gives packs equal (Pack's ==) to
// `packs`, with each pack's file and every source mark's file replaced by the
// path given for that pack, and the rules' examples left out unless asked
// for. Rules that shared one first-name list or one loose-post model share
// one again. Decoding checks every count, length and enum against the bytes
// it holds: damaged bytes give false (and no packs), never a crash or a
// value out of range.
// The bytes are this build's own, not a format to keep across versions.
#ifndef POSTCHECK_PACK_CODEC_H_
#define POSTCHECK_PACK_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace postcheck {

// Appends the packs to *out. Fails (with *error) when a source mark names a
// file other than its pack's, which the bytes could not say.
bool EncodePacks(const std::vector<Pack>& packs, std::string* out, std::string* error);

// The packs EncodePacks wrote, appended to *packs; pack k's file (and its
// marks' files) becomes pack_files[k], which must have one path a pack.
// Without `read_examples`, Rule::flag and Rule::pass stay empty, as the
// loader leaves them (LoadOptions::read_examples).
bool DecodePacks(std::string_view bytes, const std::vector<std::string>& pack_files, bool read_examples,
                 std::vector<Pack>* packs);

}  // namespace postcheck

#endif  // POSTCHECK_PACK_CODEC_H_
