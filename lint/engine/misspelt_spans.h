// The spelling stage: which words of a tokenised draft a dictionary does not
// know. The spans are what the spelling rule reports; the engine asks for
// them once per dictionary and draft.
//
// Promises: spans come in order of position and never overlap. A word joined
// by an apostrophe ("you're", "officer's", curly or straight) is one span.
// Not judged (never a span): words after '@' or '#', fragments next to '*'
// ("f***ing"), words with a digit, one-letter words, words in capitals,
// capitalised words inside a sentence (names), and words with any non-ASCII
// character other than a curly apostrophe.
#ifndef POSTCHECK_MISSPELT_SPANS_H_
#define POSTCHECK_MISSPELT_SPANS_H_

#include <cstddef>
#include <vector>

#include "engine/engine.h"
#include "matching/lexicon.h"
#include "matching/pattern_set.h"
#include "text/tokenizer.h"

namespace postcheck {

// Appends to *out the spans of the words of `text` that `dictionary` does not
// know (Lexicon::Knows, asked with curly apostrophes written straight).
void MisspeltSpans(const TokenizedText& text, const Lexicon& dictionary, std::vector<RuleSpan>* out);

// Removes from (*out)[first..] every span that overlaps one of `skips` (a
// URL, an address, a handle). Both lists are in order of position.
void DropSpansOverlapping(const std::vector<PatternHit>& skips, size_t first, std::vector<RuleSpan>* out);

}  // namespace postcheck

#endif  // POSTCHECK_MISSPELT_SPANS_H_
