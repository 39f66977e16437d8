// What the word matchers ask of a dictionary: whether a word is a real word.
// The word index uses it to tell a disguised compound ("fuckface") or a
// misspelt slur from a word the dictionary knows ("cocktail", "Penistone").
#ifndef POSTCHECK_LEXICON_H_
#define POSTCHECK_LEXICON_H_

#include <string_view>

namespace postcheck {

class Lexicon {
 public:
  virtual ~Lexicon() = default;
  // Whether `word` (UTF-8, as written: case matters for proper nouns) is a
  // word of the language. Must be thread-safe.
  virtual bool Knows(std::string_view word) const = 0;
  // Whether the dictionary knows lower-case `word` as a word in its own
  // right, whatever else it may be a form of ("crappie", "information"; not
  // "bitches", "fucking"). Must be thread-safe.
  virtual bool IsBaseWord(std::string_view word) const = 0;
};

}  // namespace postcheck

#endif  // POSTCHECK_LEXICON_H_
