// Unit tests for the index of a near/unless condition's spans (context_index.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "engine/context_index.h"
#include "text/tokenizer.h"

namespace postcheck {
namespace {

// The byte span of the first occurrence of `part` in `text`.
Span SpanOf(std::string_view text, std::string_view part) {
  size_t at = text.find(part);
  REQUIRE(at != std::string_view::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
}

// A tokenised draft and one index over it, with questions by text.
struct Draft {
  explicit Draft(std::string s) : source(std::move(s)) { Tokenize(source, &text); }

  // Indexes the first occurrence of each of `parts` for questions of `scope`.
  void Index(Context::Scope scope, const std::vector<std::string>& parts) {
    index.Reset(text, scope);
    for (const std::string& p : parts) {
      Span s = SpanOf(source, p);
      index.Add(s.begin, s.end);
    }
    index.Seal();
  }
  // Whether the index has a span near the first occurrence of `hit`.
  bool Near(std::string_view hit, int within) const {
    Span s = SpanOf(source, hit);
    return index.Near(s.begin, s.end, within);
  }

  std::string source;
  TokenizedText text;
  ContextIndex index;
};

TEST_CASE("words: a span counts within so many words of the hit, on either side") {
  Draft d("one two three four five six seven eight");
  d.Index(Context::Scope::kWords, {"two"});
  CHECK(d.Near("four", 2));
  CHECK_FALSE(d.Near("five", 2));
  CHECK(d.Near("five", 3));
  CHECK(d.Near("one", 1));
  CHECK(d.Near("two", 0));
}

TEST_CASE("words: a long span is found from a hit near its end") {
  // Sorted by start, the long span comes first and must still be reached.
  Draft d("one two three four five six seven eight nine");
  d.Index(Context::Scope::kWords, {"seven eight", "one two three four five"});
  CHECK_FALSE(d.Near("six", 0));
  CHECK(d.Near("six", 1));
  CHECK(d.Near("four", 0));
}

TEST_CASE("sentence: only spans in the hit's sentence count") {
  Draft d("The car was found. A man was arrested. Thanks all.");
  d.Index(Context::Scope::kSentence, {"arrested"});
  CHECK(d.Near("man", 0));
  CHECK_FALSE(d.Near("car", 0));
  CHECK_FALSE(d.Near("Thanks", 0));
}

TEST_CASE("overlap: a span counts only where it shares a byte with the hit") {
  Draft d("Follow #StarmerOut and @keir_starmer today");
  d.Index(Context::Scope::kOverlap, {"#StarmerOut", "@keir_starmer"});
  CHECK(d.Near("Starmer", 0));
  CHECK(d.Near("keir", 0));
  CHECK_FALSE(d.Near("Follow", 0));
  CHECK_FALSE(d.Near("today", 0));
}

TEST_CASE("post: any span anywhere counts; none, nothing does") {
  Draft d("First line.\nSecond line here.");
  d.Index(Context::Scope::kPost, {});
  CHECK(d.index.empty());
  CHECK_FALSE(d.Near("First", 0));
  d.Index(Context::Scope::kPost, {"here"});
  CHECK(d.Near("First", 0));
}

TEST_CASE("Reset forgets the spans and scope before, and may move to another text") {
  Draft a("alpha beta gamma delta epsilon");
  Draft b("zeta eta theta iota kappa lambda");
  a.Index(Context::Scope::kPost, {"alpha", "epsilon"});
  CHECK(a.Near("gamma", 0));
  // The same index, reused: a words question about the second text.
  b.index = std::move(a.index);
  b.Index(Context::Scope::kWords, {"lambda"});
  CHECK_FALSE(b.index.empty());
  CHECK_FALSE(b.Near("zeta", 1));
  CHECK(b.Near("kappa", 1));
  CHECK_FALSE(b.Near("iota", 1));
  CHECK(b.Near("iota", 2));
  // Reset with nothing added: empty, whatever it held.
  b.index.Reset(a.text, Context::Scope::kWords);
  b.index.Seal();
  CHECK(b.index.empty());
  CHECK_FALSE(b.index.Near(0, 5, 10));
}

}  // namespace
}  // namespace postcheck
