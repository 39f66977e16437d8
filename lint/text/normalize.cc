#include "text/normalize.h"

#include <utf8proc.h>

#include <cstdlib>

#include "text/utf8.h"

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
    // Armenian (case folded to small letters)
    case 0x0570: return 'h';  // հ
    case 0x0578: return 'n';  // ո
    case 0x057D: return 'u';  // ս
    case 0x0581: return 'g';  // ց
    case 0x0566: return 'q';  // զ
    case 0x0585: return 'o';  // օ
    // Cherokee (case folding maps its small letters to these capitals)
    case 0x13A0: return 'd';  // Ꭰ
    case 0x13A1: return 'r';  // Ꭱ
    case 0x13A2: return 't';  // Ꭲ
    case 0x13A5: return 'i';  // Ꭵ
    case 0x13A9: return 'y';  // Ꭹ
    case 0x13AA: return 'a';  // Ꭺ
    case 0x13AB: return 'j';  // Ꭻ
    case 0x13AC: return 'e';  // Ꭼ
    case 0x13B3: return 'w';  // Ꮃ
    case 0x13B7: return 'm';  // Ꮇ
    case 0x13BB: return 'h';  // Ꮋ
    case 0x13C0: return 'g';  // Ꮐ
    case 0x13C2: return 'h';  // Ꮒ
    case 0x13C3: return 'z';  // Ꮓ
    case 0x13CC: return 'u';  // Ꮜ
    case 0x13CF: return 'b';  // Ꮟ
    case 0x13D2: return 'r';  // Ꮢ
    case 0x13D9: return 'v';  // Ꮩ
    case 0x13DA: return 's';  // Ꮪ
    case 0x13DE: return 'l';  // Ꮮ
    case 0x13DF: return 'c';  // Ꮯ
    case 0x13E2: return 'p';  // Ꮲ
    case 0x13E6: return 'k';  // Ꮶ
    case 0x13F4: return 'b';  // Ᏼ
    // Latin small capitals and IPA letters
    case 0x1D00: return 'a';  // ᴀ
    case 0x0299: return 'b';  // ʙ
    case 0x1D04: return 'c';  // ᴄ
    case 0x1D05: return 'd';  // ᴅ
    case 0x1D07: return 'e';  // ᴇ
    case 0xA730: return 'f';  // ꜰ
    case 0x0262: return 'g';  // ɢ
    case 0x029C: return 'h';  // ʜ
    case 0x026A: return 'i';  // ɪ
    case 0x1D0A: return 'j';  // ᴊ
    case 0x1D0B: return 'k';  // ᴋ
    case 0x029F: return 'l';  // ʟ
    case 0x1D0D: return 'm';  // ᴍ
    case 0x0274: return 'n';  // ɴ
    case 0x1D0F: return 'o';  // ᴏ
    case 0x1D18: return 'p';  // ᴘ
    case 0x0280: return 'r';  // ʀ
    case 0xA731: return 's';  // ꜱ
    case 0x1D1B: return 't';  // ᴛ
    case 0x1D1C: return 'u';  // ᴜ
    case 0x1D20: return 'v';  // ᴠ
    case 0x1D21: return 'w';  // ᴡ
    case 0x028F: return 'y';  // ʏ
    case 0x1D22: return 'z';  // ᴢ
    case 0x0251: return 'a';  // ɑ
    case 0x0261: return 'g';  // ɡ
    case 0x0131: return 'i';  // ı
    case 0x0237: return 'j';  // ȷ
    default: return LetterLikeSymbol(cp);
  }
}

}  // namespace

char LetterLikeSymbol(char32_t cp) {
  struct Run {
    char32_t first;
    char32_t last;
  };
  // Enclosed and squared letters A to Z (or a to z), in code point order.
  static constexpr Run kRuns[] = {
      {0x249C, 0x24B5},    // parenthesized small ⒜
      {0x24B6, 0x24CF},    // circled capital Ⓐ
      {0x24D0, 0x24E9},    // circled small ⓐ
      {0x1F110, 0x1F129},  // parenthesized capital 🄐
      {0x1F130, 0x1F149},  // squared capital 🄰
      {0x1F150, 0x1F169},  // negative circled capital 🅐
      {0x1F170, 0x1F189},  // negative squared capital 🅰
      {0x1F1E6, 0x1F1FF},  // regional indicator 🇦
  };
  for (const Run& run : kRuns) {
    if (cp >= run.first && cp <= run.last) return static_cast<char>('a' + (cp - run.first));
  }
  return 0;
}

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
