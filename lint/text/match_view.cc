#include "text/match_view.h"

#include <utf8proc.h>

#include <algorithm>

#include "text/utf8.h"

namespace postcheck {
namespace {

// The length of the line break at byte i ("\n", "\r\n", "\r", U+0085,
// U+2028, U+2029), or 0.
size_t BreakLength(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == '\n') return 1;
  if (c == '\r') return i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) return 2;
  if (c == 0xE2 && s.compare(i, 3, "\xE2\x80\xA8") == 0) return 3;
  if (c == 0xE2 && s.compare(i, 3, "\xE2\x80\xA9") == 0) return 3;
  return 0;
}

bool IsUnicodeSpace(char32_t cp) {
  return cp >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS;
}

// Horizontal white space: ' ', tab or a Unicode space.
bool IsBlank(char32_t cp) { return cp == ' ' || cp == '\t' || IsUnicodeSpace(cp); }

bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiLetter(c); }

// The ASCII digit a digit of another script stands for, or 0.
char DigitOf(char32_t cp) {
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<char>('0' + (cp - 0xFF10));
  if (cp >= 0x1D7CE && cp <= 0x1D7FF) return static_cast<char>('0' + (cp - 0x1D7CE) % 10);
  // The zeros of the decimal digit blocks of other scripts.
  static constexpr char32_t kZeros[] = {0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66,
                                        0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20,
                                        0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0xA620, 0xA8D0,
                                        0xA900, 0xA9D0, 0xAA50, 0xABF0, 0x104A0, 0x1E950};
  for (char32_t zero : kZeros) {
    if (cp >= zero && cp < zero + 10) return static_cast<char>('0' + (cp - zero));
  }
  return 0;
}

bool IsDash(char32_t cp) { return cp >= 0x2012 && cp <= 0x2015; }
bool IsHyphen(char32_t cp) { return cp == 0x2010 || cp == 0x2011 || cp == 0x2212 || cp == 0xFE63; }

// Whether a list item starts at byte i: a bullet or a number and '.' or ')',
// then a space.
bool IsListMarker(std::string_view s, size_t i) {
  char32_t cp;
  size_t j = i;
  int n = DecodeUtf8(s, j, &cp);
  if (cp == '-' || cp == '*' || cp == '>' || cp == 0x2022 || cp == 0x00B7 || cp == 0x2023 || cp == 0x25AA ||
      cp == 0x25BA || cp == 0x25E6 || cp == 0x2013 || cp == 0x2014 || cp == 0x25CF || cp == 0x27A1) {
    j += static_cast<size_t>(n);
  } else if (IsAsciiDigit(cp)) {
    while (j < s.size() && j - i < 3 && IsAsciiDigit(s[j])) ++j;
    if (j >= s.size() || (s[j] != '.' && s[j] != ')')) return false;
    ++j;
  } else {
    return false;
  }
  return j < s.size() && (s[j] == ' ' || s[j] == '\t');
}

}  // namespace

void MatchView::StartCopy(size_t upto) {
  changed_ = true;
  buffer_.assign(original_.substr(0, upto));
  begin_of_.resize(upto);
  end_of_.resize(upto);
  for (size_t k = 0; k < upto; ++k) {
    begin_of_[k] = static_cast<uint32_t>(k);
    end_of_[k] = static_cast<uint32_t>(k + 1);
  }
}

void MatchView::Emit(std::string_view bytes, uint32_t begin, uint32_t end) {
  buffer_.append(bytes);
  begin_of_.insert(begin_of_.end(), bytes.size(), begin);
  end_of_.insert(end_of_.end(), bytes.size(), end);
}

void MatchView::Build(std::string_view original) {
  original_ = original;
  changed_ = false;
  read_words_.clear();
  buffer_.clear();
  begin_of_.clear();
  end_of_.clear();
  // What the physical line so far holds: for telling a paragraph's end
  // (after a blank line or a headline) from a wrapped line.
  bool line_has_text = false, line_has_letter = false, line_has_lower = false;
  const std::string_view s = original;
  auto last_view_byte = [&](size_t i) -> char {
    if (changed_) return buffer_.empty() ? '\0' : buffer_.back();
    return i == 0 ? '\0' : s[i - 1];
  };
  for (size_t i = 0; i < s.size();) {
    const auto byte = static_cast<unsigned char>(s[i]);
    // ASCII other than a line break: itself.
    if (byte < 0x80 && byte != '\n' && byte != '\r') {
      const char c = static_cast<char>(byte);
      if (c != ' ' && c != '\t') {
        line_has_text = true;
        if (IsAsciiLetter(c)) {
          line_has_letter = true;
          line_has_lower |= c >= 'a' && c <= 'z';
        }
      }
      if (changed_) Emit(std::string_view(&s[i], 1), static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1));
      ++i;
      continue;
    }
    if (size_t n = BreakLength(s, i); n > 0) {
      size_t next = i + n;
      char32_t cp = 0;
      while (next < s.size()) {
        int m = DecodeUtf8(s, next, &cp);
        if (!IsBlank(cp)) break;
        next += static_cast<size_t>(m);
      }
      const bool hard = !line_has_text || next >= s.size() || BreakLength(s, next) > 0 || IsListMarker(s, next) ||
                        (line_has_letter && !line_has_lower);
      line_has_text = line_has_letter = line_has_lower = false;
      if (hard) {
        if (changed_) Emit(s.substr(i, n), static_cast<uint32_t>(i), static_cast<uint32_t>(i + n));
        i += n;
        continue;
      }
      // A wrapped line: one space for the break and the blanks around it.
      if (!changed_) StartCopy(i);
      const char last = last_view_byte(i);
      if (last == '\t') buffer_.back() = ' ';
      if (last != ' ' && last != '\t') Emit(" ", static_cast<uint32_t>(i), static_cast<uint32_t>(next));
      i = next;
      continue;
    }
    char32_t cp;
    const auto n = static_cast<size_t>(DecodeUtf8(s, i, &cp));
    char ascii = 0;
    if (IsUnicodeSpace(cp)) {
      ascii = ' ';
    } else if (IsHyphen(cp)) {
      ascii = '-';
    } else if (IsDash(cp)) {
      char32_t next_cp = 0;
      if (i + n < s.size()) DecodeUtf8(s, i + n, &next_cp);
      const bool next_alnum = (next_cp < 0x80 && IsAsciiAlnum(static_cast<char>(next_cp))) || DigitOf(next_cp) ||
                              (next_cp >= 0xFF21 && next_cp <= 0xFF5A);
      if (IsAsciiAlnum(last_view_byte(i)) && next_alnum) ascii = '-';
    } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
      ascii = static_cast<char>(cp - 0xFEE0);
    } else {
      ascii = DigitOf(cp);
    }
    if (ascii != 0 && ascii != ' ') {
      line_has_text = true;
      if (IsAsciiLetter(ascii)) {
        line_has_letter = true;
        line_has_lower |= ascii >= 'a' && ascii <= 'z';
      }
    } else if (ascii == 0 && !IsBlank(cp)) {
      line_has_text = true;
      if (cp >= 0x80) {
        const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
        if (category == UTF8PROC_CATEGORY_LL) line_has_lower = line_has_letter = true;
        if (category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT) line_has_letter = true;
        if (category == UTF8PROC_CATEGORY_LO) line_has_letter = line_has_lower = true;  // uncased: not a headline
      }
    }
    if (ascii != 0) {
      if (!changed_) StartCopy(i);
      Emit(std::string_view(&ascii, 1), static_cast<uint32_t>(i), static_cast<uint32_t>(i + n));
    } else if (changed_) {
      Emit(s.substr(i, n), static_cast<uint32_t>(i), static_cast<uint32_t>(i + n));
    }
    i += n;
  }
  SwapLettersInDigitRuns();
}

namespace {

bool SwappableLetter(char c) { return c == 'O' || c == 'o' || c == 'l' || c == 'I'; }

// A maximal run of digits and swappable letters, with ASCII non-alphanumeric
// bytes (or the text's ends) on both sides.
struct DigitRun {
  size_t begin = 0;
  size_t end = 0;
  int digits = 0;
  int letters = 0;
};

std::vector<DigitRun> BoundedDigitRuns(std::string_view t) {
  std::vector<DigitRun> runs;
  for (size_t i = 0; i < t.size();) {
    if (!IsAsciiDigit(t[i]) && !SwappableLetter(t[i])) {
      ++i;
      continue;
    }
    DigitRun run;
    run.begin = i;
    run.end = i;
    while (run.end < t.size() && (IsAsciiDigit(t[run.end]) || SwappableLetter(t[run.end]))) {
      (IsAsciiDigit(t[run.end]) ? run.digits : run.letters) += 1;
      ++run.end;
    }
    const bool bounded =
        (i == 0 || (!IsAsciiAlnum(t[i - 1]) && static_cast<unsigned char>(t[i - 1]) < 0x80)) &&
        (run.end == t.size() || (!IsAsciiAlnum(t[run.end]) && static_cast<unsigned char>(t[run.end]) < 0x80));
    if (bounded && run.digits > 0) runs.push_back(run);
    i = run.end;
  }
  return runs;
}

}  // namespace

void MatchView::SwapLettersInDigitRuns() {
  const std::vector<DigitRun> runs = BoundedDigitRuns(text());
  // Runs one separator apart (" ", "-", ".") are one number written in
  // groups ("07o00 9oo 461"): swap in all of them when the groups hold at
  // least six digits and at most three letters. A run on its own swaps with
  // at least four digits and at most two letters.
  for (size_t first = 0; first < runs.size();) {
    size_t last = first;
    int digits = runs[first].digits, letters = runs[first].letters;
    while (last + 1 < runs.size() && runs[last + 1].begin == runs[last].end + 1 &&
           (text()[runs[last].end] == ' ' || text()[runs[last].end] == '-' || text()[runs[last].end] == '.')) {
      ++last;
      digits += runs[last].digits;
      letters += runs[last].letters;
    }
    for (size_t k = first; k <= last; ++k) {
      const DigitRun& run = runs[k];
      const bool alone = run.digits >= 4 && run.letters <= 2;
      const bool grouped = last > first && digits >= 6 && letters <= 3;
      if (run.letters == 0 || !(alone || grouped)) continue;
      if (!changed_) StartCopy(original_.size());
      for (size_t b = run.begin; b < run.end; ++b) {
        char& c = buffer_[b];
        if (c == 'O' || c == 'o') c = '0';
        if (c == 'l' || c == 'I') c = '1';
      }
    }
    first = last + 1;
  }
}

void MatchView::Reread(const std::vector<ViewReading>& readings) {
  if (readings.empty()) return;
  const std::string_view from = text();
  // The original span of view byte k.
  auto begin_of = [&](size_t k) { return changed_ ? begin_of_[k] : static_cast<uint32_t>(k); };
  auto end_of = [&](size_t k) { return changed_ ? end_of_[k] : static_cast<uint32_t>(k + 1); };
  next_buffer_.clear();
  next_begin_of_.clear();
  next_end_of_.clear();
  auto copy = [&](size_t begin, size_t end) {
    next_buffer_.append(from.substr(begin, end - begin));
    for (size_t k = begin; k < end; ++k) {
      next_begin_of_.push_back(begin_of(k));
      next_end_of_.push_back(end_of(k));
    }
  };
  size_t done = 0;
  for (const ViewReading& r : readings) {
    copy(done, r.begin);
    const auto at = static_cast<uint32_t>(next_buffer_.size());
    if (r.whole) {
      next_buffer_.append(r.text);
      next_begin_of_.insert(next_begin_of_.end(), r.text.size(), begin_of(r.begin));
      next_end_of_.insert(next_end_of_.end(), r.text.size(), end_of(r.end - 1));
    } else {
      // Each letter of the text is the next non-space byte of the span; a
      // space is an empty span where the last letter ended.
      size_t source = r.begin;
      uint32_t last_end = begin_of(r.begin);
      for (char c : r.text) {
        if (c == ' ') {
          next_buffer_.push_back(' ');
          next_begin_of_.push_back(last_end);
          next_end_of_.push_back(last_end);
          continue;
        }
        while (source + 1 < r.end && from[source] == ' ') ++source;
        next_buffer_.push_back(c);
        next_begin_of_.push_back(begin_of(source));
        next_end_of_.push_back(last_end = end_of(source));
        if (source + 1 < r.end) ++source;
      }
    }
    if (r.unknown_word) read_words_.emplace_back(at, static_cast<uint32_t>(next_buffer_.size()));
    done = r.end;
  }
  copy(done, from.size());
  changed_ = true;
  buffer_.swap(next_buffer_);
  begin_of_.swap(next_begin_of_);
  end_of_.swap(next_end_of_);
}

void MatchView::ToOriginal(uint32_t begin, uint32_t end, uint32_t* original_begin, uint32_t* original_end) const {
  if (!changed_) {
    *original_begin = begin;
    *original_end = end;
    return;
  }
  const auto size = static_cast<uint32_t>(buffer_.size());
  *original_begin = begin < size ? begin_of_[begin] : static_cast<uint32_t>(original_.size());
  *original_end = end > begin && end <= size ? end_of_[end - 1] : *original_begin;
}

uint32_t MatchView::ToView(uint32_t offset) const {
  if (!changed_) return offset;
  return static_cast<uint32_t>(std::lower_bound(begin_of_.begin(), begin_of_.end(), offset) - begin_of_.begin());
}

}  // namespace postcheck
