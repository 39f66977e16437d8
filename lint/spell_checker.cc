#include "spell_checker.h"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <optional>
#include <utility>

#include "string_hash.h"

namespace postcheck {
namespace {

// A dictionary as read from disk; `hunspell` is null when no search dir has it.
struct Loaded {
  std::unique_ptr<Hunspell> hunspell;
  EditHints hints;
};

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

Loaded Load(const std::string& dictionary, const std::vector<std::string>& search_dirs) {
  namespace fs = std::filesystem;
  for (const std::string& dir : search_dirs) {
    fs::path aff = fs::path(dir) / (dictionary + ".aff");
    fs::path dic = fs::path(dir) / (dictionary + ".dic");
    std::error_code ec;
    if (!fs::is_regular_file(aff, ec) || !fs::is_regular_file(dic, ec)) continue;
    // Hunspell's tables take about 8 times the .dic file (9 MB for en_GB).
    uintmax_t dic_size = fs::file_size(dic, ec);
    if (!ec) GrowThreadArena(static_cast<size_t>(std::min<uintmax_t>(8 * dic_size, 64 << 20)));
    return {std::make_unique<Hunspell>(aff.c_str(), dic.c_str()), ReadEditHints(aff.string())};
  }
  return {};
}

// Dictionaries being read ahead by SpellChecker::Prefetch, each until an Open
// of the same name and search dirs takes it. Destroyed at exit, which waits
// for (and frees) any that was never taken.
class PrefetchRegistry {
 public:
  using Key = std::pair<std::string, std::vector<std::string>>;

  static PrefetchRegistry& Get() {
    static PrefetchRegistry registry;
    return registry;
  }

  void Start(const Key& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (pending_.count(key)) return;
    pending_.emplace(key, std::async(std::launch::async, Load, key.first, key.second));
  }

  std::optional<std::future<Loaded>> Take(const Key& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = pending_.find(key);
    if (it == pending_.end()) return std::nullopt;
    std::future<Loaded> loading = std::move(it->second);
    pending_.erase(it);
    return loading;
  }

 private:
  std::mutex mutex_;
  std::map<Key, std::future<Loaded>> pending_;
};

// This thread's latest answers, in front of the shared cache: a draft's
// words are mostly words of recent drafts, and an answer found here takes no
// lock. Direct-mapped by the word's hash; a slot remembers which checker
// answered (by a number never reused, as an address can be).
struct RecentAnswer {
  uint64_t checker = 0;
  size_t hash = 0;
  std::string word;
  bool ok = false;
};
constexpr size_t kRecentAnswers = 8192;  // a power of two
std::atomic<uint64_t> next_checker_id{1};

}  // namespace

SpellChecker::SpellChecker(std::unique_ptr<Hunspell> hunspell, EditHints hints)
    : id_(next_checker_id.fetch_add(1)), hunspell_(std::move(hunspell)), hints_(std::move(hints)) {}
SpellChecker::~SpellChecker() = default;

std::vector<std::string> SpellChecker::DefaultSearchDirs() {
  return {"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"};
}

void SpellChecker::Prefetch(const std::string& dictionary, const std::vector<std::string>& search_dirs) {
  PrefetchRegistry::Get().Start({dictionary, search_dirs});
}

std::unique_ptr<SpellChecker> SpellChecker::Open(const std::string& dictionary,
                                                 const std::vector<std::string>& search_dirs,
                                                 const std::vector<std::string>& accept,
                                                 std::string* error) {
  Loaded loaded;
  if (auto prefetched = PrefetchRegistry::Get().Take({dictionary, search_dirs})) {
    loaded = prefetched->get();
  } else {
    loaded = Load(dictionary, search_dirs);
  }
  if (!loaded.hunspell) {
    std::string dirs;
    for (const std::string& dir : search_dirs) dirs += (dirs.empty() ? "" : ", ") + dir;
    *error = "Hunspell dictionary '" + dictionary + "' not found in " + dirs +
             " (install hunspell-en-gb)";
    return nullptr;
  }
  for (const std::string& word : accept) loaded.hunspell->add(word);
  return std::unique_ptr<SpellChecker>(new SpellChecker(std::move(loaded.hunspell), std::move(loaded.hints)));
}

bool SpellChecker::Correct(std::string_view word) const {
  thread_local std::vector<RecentAnswer> recent(kRecentAnswers);
  const size_t hash = static_cast<size_t>(HashShortString(word));
  RecentAnswer& slot = recent[hash & (kRecentAnswers - 1)];
  if (slot.checker == id_ && slot.hash == hash && slot.word == word) return slot.ok;
  bool ok;
  if (!correct_.Find(word, &ok)) {
    {
      std::lock_guard<std::mutex> lock(hunspell_mutex_);
      ok = hunspell_->spell(std::string(word));
    }
    correct_.Insert(word, ok);
  }
  slot.checker = id_;
  slot.hash = hash;
  slot.word.assign(word);
  slot.ok = ok;
  return ok;
}

bool SpellChecker::IsBaseWord(std::string_view word) const {
  bool base;
  if (!base_words_.Find(word, &base)) {
    std::vector<std::string> stems;
    {
      std::lock_guard<std::mutex> lock(hunspell_mutex_);
      stems = hunspell_->stem(std::string(word));
    }
    base = std::find(stems.begin(), stems.end(), word) != stems.end();
    base_words_.Insert(word, base);
  }
  return base;
}

std::vector<std::string> SpellChecker::Suggest(std::string_view word, size_t limit) const {
  std::vector<std::string> all;
  if (!suggestions_.Find(word, &all)) {
    {
      std::lock_guard<std::mutex> lock(hunspell_mutex_);
      all = RankedCorrections(
          word, hints_, [this](const std::string& w) { return hunspell_->spell(w); }, kMaxSuggestions);
      if (all.empty()) all = hunspell_->suggest(std::string(word));
    }
    if (all.size() > kMaxSuggestions) all.resize(kMaxSuggestions);
    suggestions_.Insert(word, all);
  }
  if (all.size() > limit) all.resize(limit);
  return all;
}

}  // namespace postcheck
