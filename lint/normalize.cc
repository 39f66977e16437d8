#include "normalize.h"

#include <utf8proc.h>

#include <cstdlib>

#include "utf8.h"

namespace postcheck {
namespace {

// Cyrillic and Greek letters (already case folded) that look like Latin ones.
char LatinLookAlike(char32_t cp) {
  switch (cp) {
    // Cyrillic
    case 0x0430: return 'a';  // а
    case 0x0435: return 'e';  // е
    case 0x043E: return 'o';  // о
    case 0x0440: return 'p';  // р
    case 0x0441: return 'c';  // с
    case 0x0443: return 'y';  // у
    case 0x0445: return 'x';  // х
    case 0x0456: return 'i';  // і
    case 0x0458: return 'j';  // ј
    case 0x0455: return 's';  // ѕ
    case 0x04CF: return 'l';  // ӏ
    case 0x0501: return 'd';  // ԁ
    case 0x051B: return 'q';  // ԛ
    case 0x051D: return 'w';  // ԝ
    case 0x043A: return 'k';  // к
    case 0x043C: return 'm';  // м
    case 0x043D: return 'h';  // н
    case 0x0442: return 't';  // т
    case 0x0432: return 'b';  // в
    case 0x0454: return 'e';  // є
    // Greek
    case 0x03B1: return 'a';  // α
    case 0x03B2: return 'b';  // β
    case 0x03B5: return 'e';  // ε
    case 0x03B7: return 'n';  // η
    case 0x03B9: return 'i';  // ι
    case 0x03BA: return 'k';  // κ
    case 0x03BD: return 'v';  // ν
    case 0x03BF: return 'o';  // ο
    case 0x03C1: return 'p';  // ρ
    case 0x03C4: return 't';  // τ
    case 0x03C5: return 'u';  // υ
    case 0x03C7: return 'x';  // χ
    case 0x03C9: return 'w';  // ω
    case 0x03B6: return 'z';  // ζ
    case 0x03BC: return 'u';  // μ
    default: return 0;
  }
}

}  // namespace

void FoldWord(std::string_view word, std::string* out) {
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    FoldAsciiWord(word, out);
    return;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const int options = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                      UTF8PROC_IGNORE | UTF8PROC_STRIPMARK;
  utf8proc_ssize_t len =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                   static_cast<utf8proc_ssize_t>(word.size()), &mapped,
                   static_cast<utf8proc_option_t>(options));
  if (len < 0) {  // cannot happen for valid UTF-8; fall back to the bytes
    out->append(word);
    return;
  }
  std::string_view folded(reinterpret_cast<const char*>(mapped), static_cast<size_t>(len));
  for (size_t i = 0; i < folded.size();) {
    char32_t cp;
    int n = DecodeUtf8(folded, i, &cp);
    char latin = cp >= 0x80 ? LatinLookAlike(cp) : 0;
    if (latin) {
      out->push_back(latin);
    } else {
      out->append(folded.substr(i, static_cast<size_t>(n)));
    }
    i += static_cast<size_t>(n);
  }
  std::free(mapped);
}

bool SqueezeRepeats(std::string_view folded, int keep, std::string* out) {
  bool changed = false;
  out->clear();
  for (size_t i = 0; i < folded.size();) {
    size_t j = i + 1;
    while (j < folded.size() && folded[j] == folded[i]) ++j;
    size_t run = j - i;
    if (run >= 3) {
      changed = true;
      run = static_cast<size_t>(keep);
    }
    out->append(run, folded[i]);
    i = j;
  }
  return changed;
}

char LeetLetter(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '@': return 'a';
    case '$': return 's';
    case '!': return 'i';
    default: return 0;
  }
}

}  // namespace postcheck
