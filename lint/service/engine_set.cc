// See engine_set.h.
#include "engine_set.h"

#include "rules/platform.h"

namespace postcheck {

EngineSet::EngineSet(const Engine& base, const EngineOptions& options) : base_(base), options_(options) {
  slots_[""];
  for (const std::string& name : PlatformNames()) slots_[name];
}

const Engine* EngineSet::ForPlatform(std::string_view platform, std::string* error) {
  if (platform == options_.platform) return &base_;
  auto it = slots_.find(platform);
  if (it == slots_.end()) {
    std::string names;
    for (const std::string& name : PlatformNames()) names += (names.empty() ? "" : ", ") + name;
    *error = "unknown platform '" + std::string(platform) + "' (one of " + names + ")";
    return nullptr;
  }
  Slot& slot = it->second;
  std::call_once(slot.built, [&] {
    EngineOptions options = options_;
    options.platform = it->first;
    std::vector<LoadError> errors;
    // The base engine's patterns and word index serve every platform (the
    // same packs and lists); built anew only if the base cannot share them.
    slot.engine = Engine::CreateSharing(base_, options, &errors);
    if (!slot.engine) {
      errors.clear();
      slot.engine = Engine::Create(base_.packs(), options, &errors);
    }
    if (!slot.engine) slot.error = errors.empty() ? "cannot build the engine" : errors.front().ToString();
  });
  if (!slot.engine) *error = slot.error;
  return slot.engine.get();
}

}  // namespace postcheck
