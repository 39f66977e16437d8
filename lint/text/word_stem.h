// Word forms: the Snowball (Porter2) English stem of a folded word, so that
// a listed word also matches its inflections ("bitch": "bitches", "fuck":
// "fucking", "fucked") without a hand-written list of suffixes. Stems are
// compared, never shown: "pussy" and "pussies" both stem to "pussi".
#ifndef POSTCHECK_WORD_STEM_H_
#define POSTCHECK_WORD_STEM_H_

#include <string>
#include <string_view>

namespace postcheck {

// Sets *out to the stem of `word`, which must be lower-case ASCII letters.
// Thread-safe (each thread has its own stemmer). Returns false, leaving *out
// empty, when the stemmer cannot be made.
bool StemWord(std::string_view word, std::string* out);

}  // namespace postcheck

#endif  // POSTCHECK_WORD_STEM_H_
