// The word-form sets compiled into the binary (word_forms.h): the block that
// tools/make_word_forms.cc made at build time for en_GB, included as it
// is by the assembler. Without one (the build found no unmunch or no en_GB),
// there is none, and the spell checker asks Hunspell about every word.
#include "matching/word_forms.h"

#ifdef POSTCHECK_WORD_FORMS_EN_GB
// The block's own hash, so that a compiler cache sees a new block as a new
// source (the assembler's .incbin is invisible to it).
#include POSTCHECK_WORD_FORMS_EN_GB_HEADER

asm(".pushsection .rodata\n"
    ".balign 16\n"
    ".globl postcheck_word_forms_en_gb\n"
    ".hidden postcheck_word_forms_en_gb\n"
    ".globl postcheck_word_forms_en_gb_end\n"
    ".hidden postcheck_word_forms_en_gb_end\n"
    ".type postcheck_word_forms_en_gb, @object\n"
    "postcheck_word_forms_en_gb:\n"
    ".incbin \"" POSTCHECK_WORD_FORMS_EN_GB "\"\n"
    "postcheck_word_forms_en_gb_end:\n"
    ".popsection\n");
extern "C" const char postcheck_word_forms_en_gb[];
extern "C" const char postcheck_word_forms_en_gb_end[];
#endif

namespace postcheck {

std::string_view EmbeddedWordForms(std::string_view dictionary) {
#ifdef POSTCHECK_WORD_FORMS_EN_GB
  static_assert(POSTCHECK_WORD_FORMS_EN_GB_HASH != 0, "the block's hash");
  if (dictionary == "en_GB") {
    return std::string_view(postcheck_word_forms_en_gb,
                            static_cast<size_t>(postcheck_word_forms_en_gb_end - postcheck_word_forms_en_gb));
  }
#endif
  (void)dictionary;
  return {};
}

bool EmbeddedWordFormsComplete(std::string_view dictionary) {
#if defined(POSTCHECK_WORD_FORMS_EN_GB) && POSTCHECK_WORD_FORMS_EN_GB_COMPLETE
  return dictionary == "en_GB";
#else
  (void)dictionary;
  return false;
#endif
}

}  // namespace postcheck
