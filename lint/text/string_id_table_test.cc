// Unit tests for the flat string-to-id table (string_id_table.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/byte_codec.h"
#include "text/string_hash.h"
#include "text/string_id_table.h"

namespace postcheck {
namespace {

TEST_CASE("an empty table finds nothing") {
  StringIdTable table;
  CHECK(table.size() == 0);
  CHECK(table.Find("") == StringIdTable::kNone);
  CHECK(table.Find("word") == StringIdTable::kNone);
}

TEST_CASE("ids are dense, in order of first interning, and stable") {
  StringIdTable table;
  CHECK(table.Intern("arrested") == 0);
  CHECK(table.Intern("suspect") == 1);
  CHECK(table.Intern("arrested") == 0);
  CHECK(table.Intern("") == 2);  // the empty string is a key like any other
  CHECK(table.size() == 3);
  CHECK(table.Find("suspect") == 1);
  CHECK(table.Find("") == 2);
  CHECK(table.Get(0) == "arrested");
  CHECK(table.Get(2).empty());
  // Prefixes, extensions and near misses are other keys.
  CHECK(table.Find("arrest") == StringIdTable::kNone);
  CHECK(table.Find("arrestedd") == StringIdTable::kNone);
  CHECK(table.Find("Arrested") == StringIdTable::kNone);
}

TEST_CASE("keys of every length up to and past a hash step, and bytes of any value") {
  StringIdTable table;
  std::string key;
  for (int n = 0; n < 40; ++n) {
    CHECK(table.Intern(key) == static_cast<uint32_t>(n));
    key.push_back(static_cast<char>(n % 2 ? 0 : 0xE2));  // NUL and high bytes
  }
  key.clear();
  for (int n = 0; n < 40; ++n) {
    CHECK(table.Find(key) == static_cast<uint32_t>(n));
    CHECK(table.Get(static_cast<uint32_t>(n)) == key);
    key.push_back(static_cast<char>(n % 2 ? 0 : 0xE2));
  }
  CHECK(table.Find(std::string(40, 'x')) == StringIdTable::kNone);
}

TEST_CASE("agrees with a std::unordered_map through many growths") {
  StringIdTable table;
  std::unordered_map<std::string, uint32_t> reference;
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  for (int i = 0; i < 20000; ++i) {
    std::string key(1 + next() % 14, ' ');
    for (char& c : key) c = static_cast<char>('a' + next() % 6);  // many collisions of short keys
    auto [it, added] = reference.emplace(key, static_cast<uint32_t>(reference.size()));
    REQUIRE(table.Intern(key) == it->second);
  }
  CHECK(table.size() == reference.size());
  for (const auto& [key, id] : reference) {
    REQUIRE(table.Find(key) == id);
    REQUIRE(table.Get(id) == key);
  }
  CHECK(table.Find("g") == StringIdTable::kNone);  // a letter never used
}

TEST_CASE("Reserve keeps ids and look-ups as they were, before, between and after Interns") {
  StringIdTable table, reserved_early, reserved_late;
  reserved_early.Reserve(3000);
  for (int i = 0; i < 3000; ++i) {
    const std::string key = std::string("k").append(std::to_string(i % 2000));  // a third of them again
    if (i == 1000) reserved_late.Reserve(100);  // fewer than held already: no change
    if (i == 1500) reserved_late.Reserve(5000);
    const uint32_t id = table.Intern(key);
    REQUIRE(reserved_early.Intern(key) == id);
    REQUIRE(reserved_late.Intern(key) == id);
  }
  CHECK(reserved_early.size() == 2000);
  for (uint32_t id = 0; id < 2000; ++id) {
    REQUIRE(reserved_early.Find(table.Get(id)) == id);
    REQUIRE(reserved_late.Find(table.Get(id)) == id);
  }
  CHECK(reserved_early.Find("k2000") == StringIdTable::kNone);
  StringIdTable empty;
  empty.Reserve(10);
  CHECK(empty.Find("") == StringIdTable::kNone);
  CHECK(empty.Intern("") == 0);
}

TEST_CASE("Find between Interns, across growths: every key found, near misses not") {
  // The filter in front of the slots is rebuilt at each growth and kept up
  // to date by Intern: no key interned is ever hidden, before or after.
  StringIdTable table;
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) {
    keys.push_back("word" + std::to_string(i * 7));
    REQUIRE(table.Intern(keys.back()) == static_cast<uint32_t>(i));
    // Each earlier key still found (a sample, to stay quick).
    for (int k = i; k >= 0; k -= 97) REQUIRE(table.Find(keys[static_cast<size_t>(k)]) == static_cast<uint32_t>(k));
  }
  size_t misses_found = 0;
  for (int i = 0; i < 5000; ++i) {
    // One edit from a key ("word7x", "wrd7"), or a number never used.
    misses_found += table.Find(keys[static_cast<size_t>(i)] + "x") != StringIdTable::kNone;
    misses_found += table.Find("wrd" + std::to_string(i * 7)) != StringIdTable::kNone;
    misses_found += table.Find("word" + std::to_string(i * 7 + 1)) != StringIdTable::kNone;
  }
  CHECK(misses_found == 0);
}

TEST_CASE("HashShortString: every byte counts, and short words spread over the table") {
  // All words of one to five lower-case letters drawn from a small alphabet
  // (the worst case for a hash that reads few bytes), and their lengths.
  std::vector<std::string> words;
  const std::string letters = "aeinrst";
  for (size_t len = 1; len <= 5; ++len) {
    std::string w(len, 'a');
    std::vector<size_t> digit(len, 0);
    while (true) {
      for (size_t k = 0; k < len; ++k) w[k] = letters[digit[k]];
      words.push_back(w);
      size_t k = 0;
      while (k < len && ++digit[k] == letters.size()) digit[k++] = 0;
      if (k == len) break;
    }
  }
  std::unordered_set<uint64_t> hashes;
  std::vector<int> buckets(4096, 0);  // as StringIdTable picks a slot: high bits
  for (const std::string& w : words) {
    uint64_t h = HashShortString(w);
    hashes.insert(h);
    ++buckets[(h >> 32) & 4095];
  }
  CHECK(hashes.size() == words.size());  // no two of 19,607 words collide
  // 19,607 words in 4,096 buckets: about 4.8 each; a poor spread piles up.
  CHECK(*std::max_element(buckets.begin(), buckets.end()) < 20);
  CHECK(HashShortString("") != HashShortString(std::string(1, '\0')));
  CHECK(HashShortString("abcdefgh") != HashShortString("abcdefgi"));
  CHECK(HashShortString("abcdefgh") != HashShortString("abcdefgi"));
  CHECK(HashShortString("abcdefghijklmnop") != HashShortString("abcdefghijklmnoq"));
}

TEST_CASE("HashShortString: a word's one-letter edits spread over low and high bits alike") {
  // A spelling candidate search looks up hundreds of strings one edit from
  // one word, in tables indexed by the hash's low bits (its own) or by the
  // bits above 32 (StringIdTable). Linear probing at half full takes about
  // 1.5 probes a look-up when they spread; they once took 7.
  for (const std::string word : {"polive", "recieved", "goverment", "internationalisaton", "yall", "ab"}) {
    std::vector<std::string> edits;
    for (size_t i = 0; i <= word.size(); ++i) {
      for (char c = 'a'; c <= 'z'; ++c) edits.push_back(word.substr(0, i) + c + word.substr(i));
    }
    for (size_t i = 0; i < word.size(); ++i) {
      for (char c = 'a'; c <= 'z'; ++c) {
        std::string s = word;
        s[i] = c;
        if (s != word) edits.push_back(s);
      }
    }
    for (int shift : {0, 32}) {
      const size_t size = 4096, mask = size - 1;  // at most a quarter full
      std::vector<uint64_t> slots(size, 0);
      size_t probes = 0, keys = 0;
      for (const std::string& e : edits) {
        const uint64_t h = HashShortString(e) | 1;
        size_t i = static_cast<size_t>(h >> shift) & mask;
        for (++probes; slots[i] != 0 && slots[i] != h; i = (i + 1) & mask) ++probes;
        keys += slots[i] == 0;
        slots[i] = h;
      }
      INFO(word << " bits from " << shift);
      CHECK(keys == std::unordered_set<std::string>(edits.begin(), edits.end()).size());  // no collision
      CHECK(static_cast<double>(probes) / static_cast<double>(edits.size()) < 1.6);
    }
  }
}

TEST_CASE("a table encoded and decoded finds and gets what it did") {
  StringIdTable table;
  std::vector<std::string> keys;
  for (int k = 0; k < 500; ++k) keys.push_back("word" + std::to_string(k * 7919));
  keys.push_back("");
  for (const std::string& key : keys) table.Intern(key);
  std::string bytes;
  ByteWriter writer(&bytes);
  table.Encode(&writer);
  StringIdTable copy;
  ByteReader reader(bytes);
  REQUIRE(copy.Decode(&reader));
  CHECK(reader.done());
  CHECK(copy.size() == table.size());
  for (const std::string& key : keys) {
    CHECK(copy.Find(key) == table.Find(key));
    CHECK(copy.Get(copy.Find(key)) == key);
  }
  CHECK(copy.Find("word1") == StringIdTable::kNone);
  // Decoded, it still grows like any table.
  CHECK(copy.Intern("new") == keys.size());
  CHECK(copy.Find("new") == keys.size());
  // An empty table too.
  std::string empty;
  ByteWriter empty_writer(&empty);
  StringIdTable().Encode(&empty_writer);
  ByteReader empty_reader(empty);
  StringIdTable none;
  CHECK(none.Decode(&empty_reader));
  CHECK(none.size() == 0);
  CHECK(none.Find("word") == StringIdTable::kNone);
}

TEST_CASE("a damaged table is refused and left empty") {
  StringIdTable table;
  for (const char* key : {"arrested", "suspect", "charged"}) table.Intern(key);
  std::string bytes;
  ByteWriter writer(&bytes);
  table.Encode(&writer);
  // Cut short anywhere.
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    StringIdTable copy;
    ByteReader reader(std::string_view(bytes).substr(0, cut));
    CAPTURE(cut);
    CHECK_FALSE(copy.Decode(&reader));
    CHECK(copy.size() == 0);
    CHECK(copy.Find("suspect") == StringIdTable::kNone);
  }
  // A slot naming an id past the keys: the first slot array's bytes follow
  // its count (one byte: 16 slots); each slot is a hash and an id.
  for (size_t slot = 0; slot < 16; ++slot) {
    std::string damaged = bytes;
    const size_t id_at = 1 + slot * 8 + 4;
    if (damaged.substr(id_at, 4) == std::string(4, '\xFF')) continue;  // an empty slot
    damaged[id_at] = 9;
    StringIdTable copy;
    ByteReader reader(damaged);
    CHECK_FALSE(copy.Decode(&reader));
  }
  // Every slot full: a probe for a missing key would never end.
  StringIdTable full;
  std::string packed;
  ByteWriter packed_writer(&packed);
  packed_writer.Array(std::vector<uint64_t>{0, uint64_t{1} << 32});  // two slots, hash 0, ids 0 and 1
  packed_writer.Array(std::vector<uint64_t>{});      // no filter words for 2 slots
  packed_writer.Text("ab");
  packed_writer.Array(std::vector<uint32_t>{0, 1, 2});
  ByteReader packed_reader(packed);
  CHECK_FALSE(full.Decode(&packed_reader));
  // Fewer slots than any table has (16): no filter word to look up.
  StringIdTable small;
  std::string four;
  ByteWriter four_writer(&four);
  four_writer.Array(std::vector<uint64_t>{0, ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}});  // id 0, three empty
  four_writer.Array(std::vector<uint64_t>{});
  four_writer.Text("a");
  four_writer.Array(std::vector<uint32_t>{0, 1});
  ByteReader four_reader(four);
  CHECK_FALSE(small.Decode(&four_reader));
  CHECK(small.Find("b") == StringIdTable::kNone);
}

}  // namespace
}  // namespace postcheck
