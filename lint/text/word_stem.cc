#include "text/word_stem.h"

#include <libstemmer.h>

namespace postcheck {
namespace {

// One stemmer per thread: a Snowball stemmer is not thread-safe.
struct ThreadStemmer {
  sb_stemmer* stemmer = sb_stemmer_new("english", "UTF_8");
  ~ThreadStemmer() {
    if (stemmer) sb_stemmer_delete(stemmer);
  }
};

}  // namespace

bool StemWord(std::string_view word, std::string* out) {
  out->clear();
  thread_local ThreadStemmer local;
  if (!local.stemmer) return false;
  const sb_symbol* stem =
      sb_stemmer_stem(local.stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!stem) return false;
  out->assign(reinterpret_cast<const char*>(stem), static_cast<size_t>(sb_stemmer_length(local.stemmer)));
  return true;
}

}  // namespace postcheck
