// See shared_prefilter.h.
#include "matching/shared_prefilter.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <system_error>

namespace postcheck {
namespace {

// What tells one version of the file from another: the path, the
// signature, the file's identity and times, and its header (which holds the
// checksum of everything after it). "" when the file cannot be read.
std::string FileKey(const std::string& path, std::string_view signature) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) return "";
  char header[64] = {};
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  in.read(header, sizeof header);
  std::string key = path;
  key += '\0';
  key += signature;
  key += '\0';
  for (long long v : {static_cast<long long>(st.st_dev), static_cast<long long>(st.st_ino),
                      static_cast<long long>(st.st_size), static_cast<long long>(st.st_mtim.tv_sec),
                      static_cast<long long>(st.st_mtim.tv_nsec)}) {
    key += std::to_string(v);
    key += ',';
  }
  key.append(header, static_cast<size_t>(in.gcount()));
  return key;
}

std::shared_ptr<const LoadedPrefilter> Load(const std::string& path, std::string_view signature) {
  MappedPrefilterFile file;
  if (ReadPrefilterFile(path, signature, &file) != PrefilterFileState::kLoaded) return nullptr;
  std::string error;
  std::unique_ptr<VectorscanPrefilter> db = VectorscanPrefilter::Deserialize(file.payload, file.mapping, &error);
  if (!db || (!db->refused().empty() && db->refused().back() >= file.patterns.size())) return nullptr;
  auto loaded = std::make_shared<LoadedPrefilter>();
  loaded->patterns = std::move(file.patterns);
  loaded->db = std::move(db);
  const std::vector<uint32_t>& refused = loaded->db->refused();
  loaded->held.reserve(loaded->patterns.size());
  for (uint32_t k = 0; k < loaded->patterns.size(); ++k) {
    if (!std::binary_search(refused.begin(), refused.end(), k)) loaded->held.emplace(loaded->patterns[k].a, k);
  }
  return loaded;
}

}  // namespace

bool LoadedPrefilter::Holds(std::string_view pattern) const {
  const PatternHash hash = PatternHashOf(pattern);
  auto it = held.find(hash.a);
  return it != held.end() && patterns[it->second] == hash;
}

std::shared_ptr<const LoadedPrefilter> LoadSharedPrefilter(const std::string& path, std::string_view signature) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const LoadedPrefilter>> loaded;
  const std::string key = FileKey(path, signature);
  if (key.empty()) return nullptr;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = loaded.find(key); it != loaded.end()) {
    if (auto shared = it->second.lock()) return shared;
  }
  for (auto it = loaded.begin(); it != loaded.end();) {  // forget the ones nobody holds
    it = it->second.expired() ? loaded.erase(it) : std::next(it);
  }
  std::shared_ptr<const LoadedPrefilter> fresh = Load(path, signature);
  // Keyed as it was before the read: a file changed meanwhile gets a new key
  // next time, and is read again.
  if (fresh) loaded[key] = fresh;
  return fresh;
}

std::shared_future<std::shared_ptr<const LoadedPrefilter>> PrefetchSharedPrefilter(const std::string& path,
                                                                                   std::string_view signature) {
  if (!path.empty()) {
    try {
      return std::async(std::launch::async, LoadSharedPrefilter, path, std::string(signature)).share();
    } catch (const std::system_error&) {
      // No thread to be had: nothing is read ahead.
    }
  }
  std::promise<std::shared_ptr<const LoadedPrefilter>> none;
  none.set_value(nullptr);
  return none.get_future().share();
}

}  // namespace postcheck
