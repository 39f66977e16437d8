#include "matching/spell_checker.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <utility>

#include "matching/word_forms.h"

namespace postcheck {
namespace {

// This thread's latest answers about words the word-form set lacks (names,
// slang): a draft's words are mostly words of recent drafts, and an answer
// found here takes no lock. Direct-mapped by the word's hash; a slot
// remembers which checker answered (by a number never reused, as an address
// can be). Small: words in the set never get here (about 56 KB a thread).
struct RecentAnswer {
  uint64_t checker = 0;
  size_t hash = 0;
  std::string word;
  bool ok = false;
};
constexpr size_t kRecentAnswers = 1024;  // a power of two
std::atomic<uint64_t> next_checker_id{1};

}  // namespace

SpellChecker::SpellChecker(std::shared_ptr<const SharedDictionary> dictionary)
    : id_(next_checker_id.fetch_add(1)), dictionary_(std::move(dictionary)) {}
SpellChecker::~SpellChecker() = default;

std::vector<std::string> SpellChecker::DefaultSearchDirs() {
  return {"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"};
}

void SpellChecker::Prefetch(const std::string& dictionary, const std::vector<std::string>& search_dirs) {
  SharedDictionary::Prefetch(dictionary, search_dirs);
}

std::unique_ptr<SpellChecker> SpellChecker::Open(const std::string& dictionary,
                                                 const std::vector<std::string>& search_dirs,
                                                 const std::vector<std::string>& accept,
                                                 std::string* error) {
  auto shared = SharedDictionary::Get(dictionary, search_dirs);
  if (!shared) {
    std::string dirs;
    for (const std::string& dir : search_dirs) dirs += (dirs.empty() ? "" : ", ") + dir;
    *error = "Hunspell dictionary '" + dictionary + "' not found in " + dirs +
             " (install hunspell-en-gb)";
    return nullptr;
  }
  return Open(std::move(shared), accept);
}

std::unique_ptr<SpellChecker> SpellChecker::Open(std::shared_ptr<const SharedDictionary> dictionary,
                                                 const std::vector<std::string>& accept) {
  std::unique_ptr<SpellChecker> checker(new SpellChecker(std::move(dictionary)));
  if (accept.empty()) return checker;
  // The strings Hunspell accepts because a word was added to it (add()
  // gives the word no affixes): the word as written, and the cases that
  // Hunspell's spell() tries for its input: a Capitalised input is also
  // looked up in lower case, an UPPER one also Capitalised and in lower
  // case, and a word added in mixed case ("iPhone") gets a hidden
  // Capitalised form that only UPPER input finds ("IPHONE").
  auto add = [&](const std::string& text, bool base) {
    auto [it, fresh] = checker->accepted_.emplace(text, base);
    if (!fresh) it->second = it->second || base;
  };
  CaseForms forms;
  for (const std::string& word : accept) {
    if (!CaseFormsOf(word, &forms)) continue;
    add(word, true);  // its own stem
    if (word == forms.lower) add(forms.capitalised, false);
    add(forms.upper, word == forms.upper);
  }
  size_t words = 1;
  while (words * 64 < checker->accepted_.size() * 32) words <<= 1;
  checker->accepted_filter_.assign(words, 0);
  for (const auto& entry : checker->accepted_) {
    uint64_t bits;
    const size_t at = checker->AcceptedFilterWord(entry.first, &bits);
    checker->accepted_filter_[at] |= bits;
  }
  return checker;
}

size_t SpellChecker::AcceptedFilterWord(std::string_view word, uint64_t* bits) const {
  const uint64_t h = HashShortString(word);
  *bits = uint64_t{1} << (h & 63) | uint64_t{1} << ((h >> 6) & 63);
  return static_cast<size_t>(h >> 20) & (accepted_filter_.size() - 1);
}

bool SpellChecker::Accepted(std::string_view word) const {
  if (accepted_filter_.empty()) return false;
  // Most words asked about (every spelling candidate) are not accepted
  // words: the filter says so, without the map's look-up.
  uint64_t bits;
  const size_t at = AcceptedFilterWord(word, &bits);
  if ((accepted_filter_[at] & bits) != bits) return false;
  return accepted_.find(word) != accepted_.end();
}

bool SpellChecker::Correct(std::string_view word) const {
  if (Accepted(word) || dictionary_->InSet(word)) return true;
  thread_local std::vector<RecentAnswer> recent(kRecentAnswers);
  const size_t hash = static_cast<size_t>(HashShortString(word));
  RecentAnswer& slot = recent[hash & (kRecentAnswers - 1)];
  if (slot.checker == id_ && slot.hash == hash && slot.word == word) return slot.ok;
  bool ok = dictionary_->Knows(word);
  if (!ok && !accepted_.empty() && word.find('-') != std::string_view::npos) {
    // Hunspell breaks a word at its hyphens and checks the parts, accepted
    // words among them ("Merseyside-based").
    size_t parts = 0;
    ok = true;
    for (size_t begin = 0; ok && begin <= word.size();) {
      size_t end = std::min(word.find('-', begin), word.size());
      std::string_view part = word.substr(begin, end - begin);
      if (!part.empty()) {
        ++parts;
        ok = Accepted(part) || dictionary_->Knows(part);
      }
      begin = end + 1;
    }
    ok = ok && parts > 0;
  }
  slot.checker = id_;
  slot.hash = hash;
  slot.word.assign(word);
  slot.ok = ok;
  return ok;
}

bool SpellChecker::IsBaseWord(std::string_view word) const {
  if (!accepted_.empty()) {
    auto it = accepted_.find(word);
    if (it != accepted_.end() && it->second) return true;
  }
  return dictionary_->IsBaseWord(word);
}

std::vector<std::string> SpellChecker::Suggest(std::string_view word, size_t limit) const {
  std::vector<std::string> all;
  if (!suggestions_.Find(word, &all)) {
    all = RankedCorrections(
        word, dictionary_->hints(),
        [this](std::string_view w) { return Accepted(w) || dictionary_->InForms(w); }, kMaxSuggestions,
        kMaxCandidateChecks);
    suggestions_.Insert(word, all);
  }
  if (all.size() > limit) all.resize(limit);
  return all;
}

}  // namespace postcheck
