#include "matching/shared_dictionary.h"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <utility>

#include "text/utf8.h"

namespace postcheck {
namespace {

// Hunspell makes some 100,000 small allocations while it reads a dictionary.
// On any thread but the main one, glibc serves them from an arena that grows
// a page at a time, each step an mprotect call that also locks the process's
// memory map against the other threads' page faults: ~2,300 calls for en_GB,
// ~5 ms. Allocating and freeing `bytes` in large blocks first grows the arena
// in a few steps; freeing gives the memory back but leaves the arena's
// address range usable, so Hunspell's allocations then need no more calls.
// Harmless with any other allocator.
void GrowThreadArena(size_t bytes) {
  constexpr size_t kBlock = 120 << 10;  // under glibc's mmap threshold, so from the arena
  std::vector<void*> blocks;
  for (size_t n = 0; n < bytes; n += kBlock) blocks.push_back(std::malloc(kBlock));
  for (void* block : blocks) std::free(block);
}

// A word of ASCII letters and apostrophes with at least one letter: what a
// complete set answers alone (word_forms.h).
bool IsLetterWord(std::string_view word) {
  bool letter = false;
  for (unsigned char c : word) {
    if (IsAsciiLetter(c)) {
      letter = true;
    } else if (c != '\'') {
      return false;
    }
  }
  return letter;
}

bool IsLowerCase(std::string_view word) {
  return std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

using Key = std::pair<std::string, std::vector<std::string>>;
using Loading = std::shared_future<std::shared_ptr<const SharedDictionary>>;

// The dictionaries loaded or being loaded, kept for the life of the process
// (at exit, a load still running is waited for, then freed).
struct Registry {
  std::mutex mutex;
  std::map<Key, Loading> loads;
};
Registry& TheRegistry() {
  static Registry registry;
  return registry;
}

// The load of `key`, started if there is none (or the last one found nothing).
Loading Start(const Key& key, bool wait_for_failed) {
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  auto it = registry.loads.find(key);
  if (it != registry.loads.end()) {
    const bool failed = it->second.wait_for(std::chrono::seconds(0)) == std::future_status::ready &&
                        it->second.get() == nullptr;
    if (!failed || !wait_for_failed) return it->second;
    registry.loads.erase(it);
  }
  Loading loading = std::async(std::launch::async, [key] {
                      return SharedDictionary::LoadUnshared(key.first, key.second, EmbeddedWordForms(key.first),
                                                            EmbeddedWordFormsComplete(key.first));
                    }).share();
  registry.loads.emplace(key, loading);
  return loading;
}

}  // namespace

SharedDictionary::~SharedDictionary() = default;

std::shared_ptr<const SharedDictionary> SharedDictionary::Get(const std::string& name,
                                                              const std::vector<std::string>& search_dirs) {
  return Start({name, search_dirs}, /*wait_for_failed=*/true).get();
}

void SharedDictionary::Prefetch(const std::string& name, const std::vector<std::string>& search_dirs) {
  Start({name, search_dirs}, /*wait_for_failed=*/false);
}

std::shared_ptr<const SharedDictionary> SharedDictionary::LoadUnshared(const std::string& name,
                                                                       const std::vector<std::string>& search_dirs,
                                                                       std::string_view forms, bool forms_complete) {
  return Load(name, search_dirs, forms, forms_complete);
}

std::shared_ptr<const SharedDictionary> SharedDictionary::Load(const std::string& name,
                                                               const std::vector<std::string>& search_dirs,
                                                               std::string_view forms, bool forms_complete) {
  namespace fs = std::filesystem;
  for (const std::string& dir : search_dirs) {
    fs::path aff = fs::path(dir) / (name + ".aff");
    fs::path dic = fs::path(dir) / (name + ".dic");
    std::error_code ec;
    if (!fs::is_regular_file(aff, ec) || !fs::is_regular_file(dic, ec)) continue;
    std::shared_ptr<SharedDictionary> dictionary(new SharedDictionary());
    // The set only for the files it was made from: hashing them takes well
    // under a millisecond.
    if (auto view = WordForms::View(forms)) {
      DictionaryStamp stamp;
      if (StampFiles(aff.string(), dic.string(), &stamp) && stamp == view->stamp()) {
        dictionary->forms_ = view;
        dictionary->forms_complete_ = forms_complete;
      }
    }
    dictionary->hints_ = ReadEditHints(aff.string());
    dictionary->aff_path_ = aff.string();
    dictionary->dic_path_ = dic.string();
    return dictionary;
  }
  return nullptr;
}

Hunspell& SharedDictionary::LoadedHunspell() const {
  if (!hunspell_) {
    // Hunspell's tables take about 8 times the .dic file (9 MB for en_GB).
    std::error_code ec;
    const uintmax_t dic_size = std::filesystem::file_size(dic_path_, ec);
    if (!ec) GrowThreadArena(static_cast<size_t>(std::min<uintmax_t>(8 * dic_size, 64 << 20)));
    hunspell_ = std::make_unique<Hunspell>(aff_path_.c_str(), dic_path_.c_str());
    hunspell_loaded_.store(true);
  }
  return *hunspell_;
}

bool SharedDictionary::InForms(std::string_view word) const {
  return forms_ ? forms_->Contains(word) : Knows(word);
}

bool SharedDictionary::Knows(std::string_view word) const {
  if (forms_ && forms_->Contains(word)) return true;
  if (forms_complete_ && IsLetterWord(word)) return false;
  bool ok;
  if (!known_.Find(word, &ok)) {
    {
      std::lock_guard<std::mutex> lock(hunspell_mutex_);
      ok = LoadedHunspell().spell(std::string(word));
    }
    known_.Insert(word, ok);
  }
  return ok;
}

bool SharedDictionary::IsBaseWord(std::string_view word) const {
  // A lower-case word of letters: the set has it with its stem bit, or it
  // is no word and has no stems.
  if (forms_complete_ && forms_->has_base_words() && IsLetterWord(word) && IsLowerCase(word)) {
    return forms_->IsBase(word);
  }
  bool base;
  if (!base_words_.Find(word, &base)) {
    std::vector<std::string> stems;
    {
      std::lock_guard<std::mutex> lock(hunspell_mutex_);
      stems = LoadedHunspell().stem(std::string(word));
    }
    base = std::find(stems.begin(), stems.end(), word) != stems.end();
    base_words_.Insert(word, base);
  }
  return base;
}

}  // namespace postcheck
