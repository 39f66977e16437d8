// The files of the page served at GET / (lint/service/page/: index.html,
// page.css, page.js, icon.svg), compiled into the binary by CMake
// (lint/service/page/embed.cmake), so the server needs nothing on disk and
// fetches nothing from elsewhere.
#ifndef POSTCHECK_SERVICE_PAGE_ASSETS_H_
#define POSTCHECK_SERVICE_PAGE_ASSETS_H_

#include <string_view>

namespace postcheck {

struct PageAsset {
  std::string_view path;          // URL path: "/", "/assets/page.css", ...
  std::string_view content_type;  // with charset
  std::string_view body;
};

// The asset served at `path`, or nullptr.
const PageAsset* FindPageAsset(std::string_view path);

// What embed.cmake generates: each file of lint/service/page/ by name.
struct EmbeddedFile {
  const char* name;
  const unsigned char* data;
  unsigned long size;
};
extern const EmbeddedFile kEmbeddedPageFiles[];
extern const unsigned long kEmbeddedPageFileCount;

}  // namespace postcheck

#endif  // POSTCHECK_SERVICE_PAGE_ASSETS_H_
