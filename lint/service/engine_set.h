// The engines a server lints with: the one the command line built (its
// options, its default platform) and, made on first use, one per other
// platform a request names. Each is what `postcheck --platform NAME` with the
// same options would build, so a request's findings are the CLI's. They
// share the base engine's compiled patterns and word index
// (Engine::CreateSharing), so each costs only its rules' own state.
#ifndef POSTCHECK_SERVICE_ENGINE_SET_H_
#define POSTCHECK_SERVICE_ENGINE_SET_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "engine/engine.h"

namespace postcheck {

class EngineSet {
 public:
  // `base` was built with `options`; both must outlive the set.
  EngineSet(const Engine& base, const EngineOptions& options);

  // The engine for `platform`: the base engine for its own platform; for ""
  // (no platform) or a name from PlatformNames(), one built with that
  // platform. Returns nullptr with *error set for an unknown name or when
  // the engine cannot be built. Thread-safe; a platform's engine is built
  // once, by the first request that needs it.
  const Engine* ForPlatform(std::string_view platform, std::string* error);

  const Engine& base() const { return base_; }
  const std::string& default_platform() const { return options_.platform; }

 private:
  struct Slot {
    std::once_flag built;
    std::unique_ptr<Engine> engine;
    std::string error;
  };

  const Engine& base_;
  const EngineOptions& options_;
  std::map<std::string, Slot, std::less<>> slots_;  // fixed after construction
};

}  // namespace postcheck

#endif  // POSTCHECK_SERVICE_ENGINE_SET_H_
