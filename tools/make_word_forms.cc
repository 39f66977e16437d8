// Build tool: makes the word-form set (word_forms.h) of a Hunspell dictionary.
//
//   make_word_forms UNMUNCH AFF DIC OUT HEADER
//
// Runs UNMUNCH (Debian's hunspell-tools) to list the forms that DIC's words
// take with AFF's affixes, keeps those Hunspell itself accepts (unmunch also
// makes some bogus cross-product forms), with their Capitalised and UPPER
// case where Hunspell accepts those, and writes the set's block to OUT and a
// header defining POSTCHECK_WORD_FORMS_EN_GB_HASH (the block's hash) to
// HEADER. Exit status 1 with a message when anything fails.
#include <hunspell/hunspell.hxx>

#include <cstdio>
#include <fstream>
#include <iostream>
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
  std::string line;
  for (int c; (c = std::fgetc(pipe)) != EOF;) {
    if (c != '\n') {
      line.push_back(static_cast<char>(c));
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) forms.push_back(line);
    line.clear();
  }
  if (!line.empty()) forms.push_back(line);
  if (pclose(pipe) != 0 || forms.empty()) {
    std::cerr << "make_word_forms: " << unmunch << " failed on " << dic << "\n";
    return 1;
  }
  Hunspell hunspell(aff.c_str(), dic.c_str());
  const std::string blob = postcheck::BuildWordForms(
      forms, [&](const std::string& word) { return hunspell.spell(word); }, stamp);
  auto view = postcheck::WordForms::View(blob);
  if (!view) {
    std::cerr << "make_word_forms: too many forms in " << dic << "\n";
    return 1;
  }
  char hash[32];
  std::snprintf(hash, sizeof hash, "0x%016llxULL", static_cast<unsigned long long>(postcheck::HashShortString(blob) | 1));
  if (!WriteFile(out, blob) ||
      !WriteFile(header, std::string("#define POSTCHECK_WORD_FORMS_EN_GB_HASH ") + hash + "\n")) {
    std::cerr << "make_word_forms: cannot write " << out << "\n";
    return 1;
  }
  std::cerr << "make_word_forms: " << forms.size() << " forms from unmunch, " << view->keys() << " keys, "
            << blob.size() << " bytes\n";
  return 0;
}
