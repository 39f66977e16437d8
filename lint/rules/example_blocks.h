// Blanks the `examples:` blocks out of a rule pack's YAML text, so that
// linting, which never reads a rule's examples, does not pay yaml-cpp to parse
// them (they are about 40% of the bundled packs' bytes).
//
// The blanking is textual and conservative: a block is an `examples:` key
// alone on its line (not inside a block scalar), and every following line
// that is blank or indented further than the key. The key line stays (its
// value becomes null) and each blanked line becomes empty, so every line and
// column number in the text is unchanged. The caller must check that each
// blanked key is a rule's `examples` key after parsing, and parse the
// original text when it is not (see rule_loader.cc).
#ifndef POSTCHECK_EXAMPLE_BLOCKS_H_
#define POSTCHECK_EXAMPLE_BLOCKS_H_

#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

// Sets *out to `yaml` with its examples blocks blanked and *key_lines to the
// 1-based line of each blanked block's `examples:` key, in order. Returns
// false, leaving *out and *key_lines empty, when there is nothing to blank or
// when a line of a block leaves a quoted scalar or a flow collection open (it
// may go on past the block's indentation, so only a full parse can tell).
bool BlankExampleBlocks(std::string_view yaml, std::string* out, std::vector<size_t>* key_lines);

}  // namespace postcheck

#endif  // POSTCHECK_EXAMPLE_BLOCKS_H_
