// For tests: a Lexicon that knows exactly the words it is given, as written
// (case matters), and records every word it was asked about. A word listed
// in `not_base_words` is known but is not a word in its own right (as
// "fucking" is a form of "fuck").
#ifndef POSTCHECK_SET_LEXICON_H_
#define POSTCHECK_SET_LEXICON_H_

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "matching/lexicon.h"

namespace postcheck {

class SetLexicon : public Lexicon {
 public:
  explicit SetLexicon(std::set<std::string, std::less<>> words, std::set<std::string, std::less<>> not_base_words = {})
      : words_(std::move(words)), not_base_words_(std::move(not_base_words)) {}
  bool Knows(std::string_view word) const override {
    asked.emplace_back(word);
    return words_.count(word) > 0;
  }
  bool IsBaseWord(std::string_view word) const override { return Knows(word) && not_base_words_.count(word) == 0; }

  // Every word passed to Knows or IsBaseWord, in order. Tests only: not
  // thread-safe.
  mutable std::vector<std::string> asked;

 private:
  std::set<std::string, std::less<>> words_;
  std::set<std::string, std::less<>> not_base_words_;
};

}  // namespace postcheck

#endif  // POSTCHECK_SET_LEXICON_H_
