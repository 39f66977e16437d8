// See page_assets.h: maps the embedded files to their URL paths and types.
#include "page_assets.h"

#include <deque>
#include <string>
#include <vector>

namespace postcheck {
namespace {

std::vector<PageAsset> BuildAssets() {
  std::vector<PageAsset> assets;
  for (unsigned long i = 0; i < kEmbeddedPageFileCount; ++i) {
    const EmbeddedFile& file = kEmbeddedPageFiles[i];
    std::string_view name = file.name;
    std::string_view body(reinterpret_cast<const char*>(file.data), file.size);
    std::string_view type = name.ends_with(".html") ? "text/html; charset=utf-8"
                            : name.ends_with(".css") ? "text/css; charset=utf-8"
                            : name.ends_with(".js")  ? "text/javascript; charset=utf-8"
                            : name.ends_with(".svg") ? "image/svg+xml"
                                                     : "application/octet-stream";
    if (name == "index.html") {
      assets.push_back({"/", type, body});
    } else {
      static std::deque<std::string> paths;  // a deque: the views into it stay valid
      paths.push_back("/assets/" + std::string(name));
      assets.push_back({paths.back(), type, body});
    }
  }
  return assets;
}

}  // namespace

const PageAsset* FindPageAsset(std::string_view path) {
  static const std::vector<PageAsset> assets = BuildAssets();
  for (const PageAsset& asset : assets) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

}  // namespace postcheck
