// Unit tests for the index of a near/unless condition's spans (context_index.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "context_index.h"
#include "tokenizer.h"

namespace postcheck {
namespace {

// The byte span of the first occurrence of `part` in `text`.
Span SpanOf(std::string_view text, std::string_view part) {
  size_t at = text.find(part);
  REQUIRE(at != std::string_view::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
}

// Indexes the first occurrence of each of `parts` in `index`.
void Fill(ContextIndex* index, const TokenizedText& text, Context::Scope scope,
          const std::vector<std::string>& parts) {
  index->Reset(text, scope);
  for (const std::string& p : parts) {
    Span s = SpanOf(text.text, p);
    index->Add(s.begin, s.end);
  }
  index->Seal();
}

// Whether `index` has a span near the first occurrence of `hit` in its text.
bool NearHit(const ContextIndex& index, const TokenizedText& text, std::string_view hit, int within) {
  Span s = SpanOf(text.text, hit);
  return index.Near(s.begin, s.end, within);
}

TEST_CASE("words: a span counts within so many words of the hit, on either side") {
  const std::string draft = "one two three four five six seven eight";
  TokenizedText text;
  Tokenize(draft, &text);
  ContextIndex index;
  Fill(&index, text, Context::Scope::kWords, {"two"});
  CHECK(NearHit(index, text, "four", 2));
  CHECK_FALSE(NearHit(index, text, "five", 2));
  CHECK(NearHit(index, text, "five", 3));
  CHECK(NearHit(index, text, "one", 1));
  CHECK(NearHit(index, text, "two", 0));
}

TEST_CASE("words: a long span is found from a hit near its end") {
  // Sorted by start, the long span comes first and must still be reached.
  const std::string draft = "one two three four five six seven eight nine";
  TokenizedText text;
  Tokenize(draft, &text);
  ContextIndex index;
  Fill(&index, text, Context::Scope::kWords, {"seven eight", "one two three four five"});
  CHECK(NearHit(index, text, "six", 0) == false);
  CHECK(NearHit(index, text, "six", 1));
  CHECK(NearHit(index, text, "four", 0));
}

TEST_CASE("sentence: only spans in the hit's sentence count") {
  const std::string draft = "The car was found. A man was arrested. Thanks all.";
  TokenizedText text;
  Tokenize(draft, &text);
  ContextIndex index;
  Fill(&index, text, Context::Scope::kSentence, {"arrested"});
  CHECK(NearHit(index, text, "man", 0));
  CHECK_FALSE(NearHit(index, text, "car", 0));
  CHECK_FALSE(NearHit(index, text, "Thanks", 0));
}

TEST_CASE("overlap: a span counts only where it shares a byte with the hit") {
  const std::string draft = "Follow #StarmerOut and @keir_starmer today";
  TokenizedText text;
  Tokenize(draft, &text);
  ContextIndex index;
  Fill(&index, text, Context::Scope::kOverlap, {"#StarmerOut", "@keir_starmer"});
  CHECK(NearHit(index, text, "Starmer", 0));
  CHECK(NearHit(index, text, "keir", 0));
  CHECK_FALSE(NearHit(index, text, "Follow", 0));
  CHECK_FALSE(NearHit(index, text, "today", 0));
}

TEST_CASE("post: any span anywhere counts; none, nothing does") {
  const std::string draft = "First line.\nSecond line here.";
  TokenizedText text;
  Tokenize(draft, &text);
  ContextIndex index;
  Fill(&index, text, Context::Scope::kPost, {});
  CHECK(index.empty());
  CHECK_FALSE(NearHit(index, text, "First", 0));
  Fill(&index, text, Context::Scope::kPost, {"here"});
  CHECK(NearHit(index, text, "First", 0));
}

TEST_CASE("Reset forgets the spans and scope before, and may move to another text") {
  const std::string first = "alpha beta gamma delta epsilon";
  const std::string second = "zeta eta theta iota kappa lambda";
  TokenizedText a, b;
  Tokenize(first, &a);
  Tokenize(second, &b);
  ContextIndex index;
  Fill(&index, a, Context::Scope::kPost, {"alpha", "epsilon"});
  CHECK(NearHit(index, a, "gamma", 0));
  // The same index, reused: a words question about the second text.
  Fill(&index, b, Context::Scope::kWords, {"lambda"});
  CHECK_FALSE(index.empty());
  CHECK_FALSE(NearHit(index, b, "zeta", 1));
  CHECK(NearHit(index, b, "kappa", 1));
  CHECK_FALSE(NearHit(index, b, "iota", 1));
  CHECK(NearHit(index, b, "iota", 2));
  // Reset with nothing added: empty, whatever it held.
  index.Reset(a, Context::Scope::kWords);
  index.Seal();
  CHECK(index.empty());
  CHECK_FALSE(NearHit(index, a, "alpha", 10));
}

}  // namespace
}  // namespace postcheck
