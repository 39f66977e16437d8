// The text every matcher reads: a draft as it reads, not as it is written.
//
// Drafts are hard-wrapped by people and mail clients and pasted from Word and
// Outlook, so "sexually\nassaulted", "07911\u00a0123456", "07911—123456",
// "０７９１１" and "O7911 l23456" must match what "sexually assaulted" and
// "07911 123456" match. The view rewrites, in one pass:
//   - a line break inside a paragraph as one space (spaces around it folded
//     in). A break stays a break where a paragraph or list item ends: before
//     or after a blank line, before a bullet ("- ", "• ", "1. "), and after a
//     line written all in capitals (a headline);
//   - Unicode spaces (U+00A0, U+202F, U+2000-U+200A, U+3000, ...) as ' ';
//   - hyphens and minus signs as '-', and dashes (figure, en, em, bar) as '-'
//     between two letters or digits ("07911—123456", "M14–5RT");
//   - full-width ASCII forms ("０７９１１", "＠") as ASCII; digits of other
//     scripts (mathematical, Arabic-Indic, Devanagari, ...) as ASCII digits;
//   - inside a run of at least four digits, O/o as 0 and l/I as 1
//     ("O7911", "l23456"), at most two such letters a run; in runs one
//     space, '-' or '.' apart, as a number is written in groups, when the
//     groups hold at least six digits and at most three letters ("07o00 9oo
//     461").
// Every view byte maps back to the original bytes it came from, so findings
// point into the draft as written. A draft needing none of this is its own
// view, with no copy.
//
// A built view may then read some of its words otherwise (Reread): a
// misspelt word as the word meant, a run-together word as its two words, and
// letters spelt out one by one as their word (matching/word_reading.h finds
// them). The byte map still leads back to the draft as written.
#ifndef POSTCHECK_MATCH_VIEW_H_
#define POSTCHECK_MATCH_VIEW_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace postcheck {

// A word the view reads otherwise: view bytes [begin, end) as `text`.
struct ViewReading {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string text;
  // Every byte of `text` stands for the whole span (a misspelt word read as
  // the word meant). Otherwise the letters of `text` are the span's own
  // non-space bytes in order ("Ihate": "I hate"; "h a t e": "hate"), and a
  // space of `text` stands for nothing of its own.
  bool whole = true;
  // The span is one word the dictionary does not know ("klil", "Ihate"): the
  // spelling stage still judges it as written (MatchView::read_words).
  bool unknown_word = true;
};

class MatchView {
 public:
  // Builds the view of valid UTF-8 `original`, which must outlive its use.
  // A view may be rebuilt for draft after draft (its memory is kept).
  void Build(std::string_view original);

  // The view's text.
  std::string_view text() const { return changed_ ? std::string_view(buffer_) : original_; }
  // The text the view was built from.
  std::string_view original() const { return original_; }
  // Whether the view differs from the original.
  bool changed() const { return changed_; }

  // Reads the words of `readings` (in order of position, not overlapping,
  // in the view's current offsets) as their text. Nothing happens for none.
  // Memory is kept from draft to draft, like Build's.
  void Reread(const std::vector<ViewReading>& readings);
  // The view spans, in order, of the words Reread read that the dictionary
  // does not know (ViewReading::unknown_word); empty after Build.
  const std::vector<std::pair<uint32_t, uint32_t>>& read_words() const { return read_words_; }

  // The original byte span of the view span [begin, end).
  void ToOriginal(uint32_t begin, uint32_t end, uint32_t* original_begin, uint32_t* original_end) const;
  // The first view byte whose original bytes start at or after original byte
  // `offset` (the view's size past its end).
  uint32_t ToView(uint32_t offset) const;

 private:
  // Starts the copy: the first `upto` original bytes, each its own.
  void StartCopy(size_t upto);
  // Appends view bytes `bytes` made from the original bytes [begin, end).
  void Emit(std::string_view bytes, uint32_t begin, uint32_t end);
  // Letter-for-digit swaps inside digit runs, in the view's text.
  void SwapLettersInDigitRuns();

  std::string_view original_;
  bool changed_ = false;
  std::string buffer_;
  std::vector<uint32_t> begin_of_;  // by view byte: where its original bytes start
  std::vector<uint32_t> end_of_;    // by view byte: where its original bytes end
  // Reread's: the words read, and the next view while it is made.
  std::vector<std::pair<uint32_t, uint32_t>> read_words_;
  std::string next_buffer_;
  std::vector<uint32_t> next_begin_of_, next_end_of_;
};

}  // namespace postcheck

#endif  // POSTCHECK_MATCH_VIEW_H_
