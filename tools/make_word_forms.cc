// Build tool: makes the word-form set (word_forms.h) of a Hunspell dictionary.
//
//   make_word_forms UNMUNCH AFF DIC OUT HEADER
//
// Runs UNMUNCH (Debian's hunspell-tools) to list the forms that DIC's words
// take with AFF's affixes (each line's form, without the morphological
// fields some entries carry after a tab), keeps those Hunspell itself accepts (unmunch also
// makes some bogus cross-product forms), with their Capitalised and UPPER
// case where Hunspell accepts those, and which lower-case forms are their
// own stems (Hunspell stem()), and writes the set's block to OUT and a
// header defining POSTCHECK_WORD_FORMS_EN_GB_HASH (the block's hash) and
// POSTCHECK_WORD_FORMS_EN_GB_COMPLETE (LetterWordsComplete) to HEADER.
// Exit status 1 with a message when anything fails.
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "text/string_hash.h"
#include "matching/word_forms.h"

namespace {

std::string Quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool WriteFile(const std::string& path, const std::string& bytes) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return false;
  }
  return std::rename(temporary.c_str(), path.c_str()) == 0;
}

// Whether every word of letters that Hunspell accepts with AFF and DIC is
// one of the forms unmunch lists (or their case): true when the affix file
// makes compounds only under COMPOUNDRULE, whose flags only entries with a
// digit carry ("1st", "22nd"), and converts and ignores no ASCII letter.
// False, with *reason set, otherwise. SharedDictionary then answers such
// words from the set alone (EmbeddedWordFormsComplete).
bool LetterWordsComplete(const std::string& aff, const std::string& dic, std::string* reason) {
  std::ifstream aff_in(aff, std::ios::binary);
  std::string line, rule_flags;
  bool rule_count_read = false;  // the first COMPOUNDRULE line is the count of rules
  auto has_letter = [](const std::string& s) {
    for (unsigned char c : s) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'') return true;
    }
    return false;
  };
  while (std::getline(aff_in, line)) {
    std::istringstream fields(line);
    std::string key, a, b;
    fields >> key >> a >> b;
    if (key == "FLAG" || key.rfind("COMPOUND", 0) == 0 || key == "ONLYINCOMPOUND") {
      if (key == "FLAG" || key == "COMPOUNDFLAG" || key == "COMPOUNDBEGIN" || key == "COMPOUNDMIDDLE" ||
          key == "COMPOUNDEND" || key == "COMPOUNDLAST" || key == "COMPOUNDPERMITFLAG") {
        *reason = key + " in " + aff;
        return false;
      }
      if (key == "COMPOUNDRULE" && !rule_count_read) {
        rule_count_read = true;  // "COMPOUNDRULE 2"
      } else if (key == "COMPOUNDRULE") {
        for (char c : a) {
          if (c != '*' && c != '?') rule_flags.push_back(c);
        }
      }
    }
    const bool converts_letter = key == "ICONV" && !b.empty() && has_letter(a);  // "ICONV 1" is the count
    if (converts_letter || (key == "IGNORE" && has_letter(a))) {
      *reason = key + " of letters in " + aff;
      return false;
    }
  }
  if (rule_flags.empty()) return true;
  std::ifstream dic_in(dic, std::ios::binary);
  std::getline(dic_in, line);  // the count
  while (std::getline(dic_in, line)) {
    const size_t slash = line.find('/');
    if (slash == std::string::npos) continue;
    const size_t end = line.find_first_of(" \t", slash);
    const std::string word = line.substr(0, slash), flags = line.substr(slash + 1, end == std::string::npos ? std::string::npos : end - slash - 1);
    if (flags.find_first_of(rule_flags) == std::string::npos) continue;
    if (word.find_first_of("0123456789") == std::string::npos) {
      *reason = "'" + word + "' takes part in COMPOUNDRULE compounds";
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: make_word_forms UNMUNCH AFF DIC OUT HEADER\n";
    return 1;
  }
  const std::string unmunch = argv[1], aff = argv[2], dic = argv[3], out = argv[4], header = argv[5];
  postcheck::DictionaryStamp stamp;
  if (!postcheck::StampFiles(aff, dic, &stamp)) {
    std::cerr << "make_word_forms: cannot read " << aff << " or " << dic << "\n";
    return 1;
  }
  const std::string command = Quoted(unmunch) + " " + Quoted(dic) + " " + Quoted(aff) + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    std::cerr << "make_word_forms: cannot run " << unmunch << "\n";
    return 1;
  }
  std::vector<std::string> forms;
  // A line is a form, then perhaps a tab and the entry's morphological
  // fields ("astray<TAB>Adverb"): the form alone is kept.
  auto keep = [&](std::string* line) {
    if (!line->empty() && line->back() == '\r') line->pop_back();
    const size_t tab = line->find('\t');
    if (tab != std::string::npos) line->resize(tab);
    if (!line->empty()) forms.push_back(*line);
  };
  std::string line;
  for (int c; (c = std::fgetc(pipe)) != EOF;) {
    if (c != '\n') {
      line.push_back(static_cast<char>(c));
      continue;
    }
    keep(&line);
    line.clear();
  }
  keep(&line);
  if (pclose(pipe) != 0 || forms.empty()) {
    std::cerr << "make_word_forms: " << unmunch << " failed on " << dic << "\n";
    return 1;
  }
  Hunspell hunspell(aff.c_str(), dic.c_str());
  const std::string blob = postcheck::BuildWordForms(
      forms, [&](const std::string& word) { return hunspell.spell(word); }, stamp,
      [&](const std::string& word) {
        const std::vector<std::string> stems = hunspell.stem(word);
        return std::find(stems.begin(), stems.end(), word) != stems.end();
      });
  auto view = postcheck::WordForms::View(blob);
  if (!view) {
    std::cerr << "make_word_forms: too many forms in " << dic << "\n";
    return 1;
  }
  char hash[32];
  std::snprintf(hash, sizeof hash, "0x%016llxULL", static_cast<unsigned long long>(postcheck::HashShortString(blob) | 1));
  std::string reason;
  const bool complete = LetterWordsComplete(aff, dic, &reason);
  if (!complete) std::cerr << "make_word_forms: words of letters still go to Hunspell: " << reason << "\n";
  std::string defines = std::string("#define POSTCHECK_WORD_FORMS_EN_GB_HASH ") + hash + "\n";
  defines.append("#define POSTCHECK_WORD_FORMS_EN_GB_COMPLETE ").append(complete ? "1" : "0").append("\n");
  if (!WriteFile(out, blob) || !WriteFile(header, defines)) {
    std::cerr << "make_word_forms: cannot write " << out << "\n";
    return 1;
  }
  std::cerr << "make_word_forms: " << forms.size() << " forms from unmunch, " << view->keys() << " keys, "
            << blob.size() << " bytes\n";
  return 0;
}
