#include "matching/word_forms.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include "text/string_hash.h"

namespace postcheck {
namespace {

// Block layout (host byte order; the block is made and read on one machine):
//   "PCWFORM2", aff size, aff hash, dic size, dic hash      (8 + 4 x 8 bytes)
//   slot count (a power of two), strings size, offset bits, keys,
//   log2 of the filter's 64-bit words, flags (kHasBaseWords)  (6 x 4 bytes)
//   filter: a Bloom filter of the keys, three bits in one 64-bit word a key,
//     16 bits a key: most words that are not there are told apart here,
//     in 512 KB, without touching the table (time, and resident memory)
//   slots: uint32 each, 0 when empty, else (tag << offset bits) | offset
//   strings: a pad byte, then per key: case bits, length, the key's bytes
//   runs: kRunBits bits, set for each run of four byte classes (ForEachRun)
//     in a key with a boundary before and after it: a string with a run not
//     set is no key. Made for spelling candidates (one edit from a word,
//     most with a run no word has), told apart here in 128 KB that stay in
//     cache, before the filter's 512 KB.
constexpr char kMagic[8] = {'P', 'C', 'W', 'F', 'O', 'R', 'M', '3'};
constexpr size_t kHeader = 8 + 4 * 8 + 6 * 4;

// The filter's word for a key's hash, and the three bits in it.
// A byte's class for the runs (any function of the byte would do: a key's
// runs and a string's are classed alike): 0 the boundary, 1 to 26 the
// lower-case letters, 27 to 31 every other byte.
constexpr uint32_t RunClass(unsigned char b) { return b >= 'a' && b <= 'z' ? b - 'a' + 1u : 27u + b % 5u; }
constexpr size_t kRunBits = size_t{1} << 20;  // 32 classes, four of them

// Calls fn(run) for each run of four classes of the boundary, `key`'s bytes
// and the boundary again (a key of one byte: boundaries before it, padded),
// while fn returns true; returns false if fn did.
template <typename Fn>
bool ForEachRun(std::string_view key, Fn fn) {
  uint32_t run = 0;  // the latest four classes, 5 bits each, the newest lowest
  for (size_t i = 0; i < key.size(); ++i) {
    run = (run << 5 | RunClass(static_cast<unsigned char>(key[i]))) & (kRunBits - 1);
    if (i >= 2 && !fn(run)) return false;
  }
  return fn(run << 5 & (kRunBits - 1));
}

uint64_t FilterMix(uint64_t h) { return (h ^ (h >> 31)) * 0xd6e8feb86659fd93ULL; }
uint64_t FilterBits(uint64_t mixed) {
  return uint64_t{1} << (mixed & 63) | uint64_t{1} << ((mixed >> 6) & 63) | uint64_t{1} << ((mixed >> 12) & 63);
}

// How a form is written, relative to its lower-case key.
enum CaseBit : uint8_t {
  kLower = 1,        // as the key itself
  kCapitalised = 2,  // the key with its first letter upper-case
  kUpper = 4,        // the key upper-case
  kMixed = 8,        // any other case: the key is the form as written
};
// A key's bit besides its case bits: the key, as written (lower case), is
// among its own Hunspell stems. Set only in blocks made with `is_base`.
constexpr uint8_t kBase = 16;
// The header's flags.
constexpr uint32_t kHasBaseWords = 1;

using CaseMap = utf8proc_int32_t (*)(utf8proc_int32_t);

// `s` with `map` applied to each code point; false for invalid UTF-8.
bool MapCase(std::string_view s, CaseMap map, std::string* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) return false;
    utf8proc_uint8_t buf[4];
    out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(utf8proc_encode_char(map(cp), buf)));
    i += static_cast<size_t>(n);
  }
  return true;
}

// `lower` (valid UTF-8) with its first code point upper-case.
std::string Capitalise(const std::string& lower) {
  size_t first = 1;
  while (first < lower.size() && (static_cast<unsigned char>(lower[first]) & 0xC0) == 0x80) ++first;
  std::string out;
  MapCase(std::string_view(lower).substr(0, first), utf8proc_toupper, &out);
  out.append(lower, first, std::string::npos);
  return out;
}

// The key and case bit under which `word` is kept; 0 for invalid UTF-8.
// Each (key, bit) names exactly one string, so a bit set for a key says
// what Hunspell said about that one string.
uint8_t Classify(std::string_view word, std::string* key) {
  const bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii && std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    key->assign(word);
    return kLower;
  }
  if (!MapCase(word, utf8proc_tolower, key)) return 0;
  if (*key == word) return kLower;
  if (Capitalise(*key) == word) return kCapitalised;
  std::string upper;
  MapCase(*key, utf8proc_toupper, &upper);
  if (upper == word) return kUpper;
  key->assign(word);
  return kMixed;
}

uint32_t Load32(const unsigned char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
uint64_t Load64(const unsigned char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
void Put32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); }
void Put64(std::string* out, uint64_t v) { out->append(reinterpret_cast<const char*>(&v), 8); }

// A file's hash, taken 64 KB at a time (so a file is never held whole).
constexpr size_t kHashChunk = 64 << 10;
struct ChunkHash {
  uint64_t hash = 0, size = 0;
  void Add(std::string_view chunk) {
    hash = (hash ^ HashShortString(chunk)) * 0x9e3779b97f4a7c15ULL;
    size += chunk.size();
  }
};
ChunkHash HashBytes(std::string_view bytes) {
  ChunkHash h;
  for (size_t i = 0; i < bytes.size(); i += kHashChunk) h.Add(bytes.substr(i, kHashChunk));
  return h;
}
bool HashFile(const std::string& path, ChunkHash* h) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string chunk(kHashChunk, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto n = static_cast<size_t>(in.gcount());
    if (n > 0) h->Add(std::string_view(chunk).substr(0, n));
  }
  return !in.bad();
}

}  // namespace

DictionaryStamp StampOf(std::string_view aff_bytes, std::string_view dic_bytes) {
  const ChunkHash aff = HashBytes(aff_bytes), dic = HashBytes(dic_bytes);
  return {aff.size, aff.hash, dic.size, dic.hash};
}

bool StampFiles(const std::string& aff_path, const std::string& dic_path, DictionaryStamp* stamp) {
  ChunkHash aff, dic;
  if (!HashFile(aff_path, &aff) || !HashFile(dic_path, &dic)) return false;
  *stamp = {aff.size, aff.hash, dic.size, dic.hash};
  return true;
}

std::optional<WordForms> WordForms::View(std::string_view blob) {
  if (blob.size() < kHeader || std::memcmp(blob.data(), kMagic, 8) != 0) return std::nullopt;
  const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
  WordForms forms;
  forms.stamp_ = {Load64(p + 8), Load64(p + 16), Load64(p + 24), Load64(p + 32)};
  const uint32_t slot_count = Load32(p + 40);
  forms.strings_size_ = Load32(p + 44);
  forms.offset_bits_ = Load32(p + 48);
  forms.keys_ = Load32(p + 52);
  forms.filter_log2_ = Load32(p + 56);
  forms.has_base_words_ = (Load32(p + 60) & kHasBaseWords) != 0;
  if (slot_count == 0 || (slot_count & (slot_count - 1)) != 0 || forms.offset_bits_ == 0 ||
      forms.offset_bits_ > 28 || forms.strings_size_ >= (uint64_t{1} << forms.offset_bits_) ||
      forms.filter_log2_ < 1 || forms.filter_log2_ > 26 ||
      blob.size() != kHeader + (uint64_t{8} << forms.filter_log2_) + uint64_t{slot_count} * 4 + forms.strings_size_ +
                         kRunBits / 8) {
    return std::nullopt;
  }
  forms.slot_mask_ = slot_count - 1;
  forms.filter_ = p + kHeader;
  forms.slots_ = forms.filter_ + (uint64_t{8} << forms.filter_log2_);
  forms.strings_ = forms.slots_ + uint64_t{slot_count} * 4;
  forms.runs_ = forms.strings_ + forms.strings_size_;
  return forms;
}

namespace {

char AsciiLowerOf(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
char AsciiUpperOf(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - ('a' - 'A')) : c; }

// Classify for a word of ASCII bytes (at most 255), with the key written to
// `buffer` when it is not `word` itself: no allocation and no utf8proc
// (whose case maps agree with ASCII's on ASCII).
uint8_t ClassifyAscii(std::string_view word, char* buffer, std::string_view* key) {
  bool upper_seen = false;
  for (char c : word) upper_seen |= c >= 'A' && c <= 'Z';
  if (!upper_seen) {
    *key = word;
    return kLower;
  }
  const size_t n = word.size();
  for (size_t i = 0; i < n; ++i) buffer[i] = AsciiLowerOf(word[i]);
  *key = std::string_view(buffer, n);
  // Capitalised: the first byte upper-cased, the rest as the key.
  if (AsciiUpperOf(buffer[0]) == word[0] && std::string_view(word).substr(1) == key->substr(1)) return kCapitalised;
  bool upper = true;
  for (size_t i = 0; i < n && upper; ++i) upper = AsciiUpperOf(buffer[i]) == word[i];
  if (upper) return kUpper;
  *key = word;
  return kMixed;
}

bool IsAscii(std::string_view word) {
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

bool WordForms::Contains(std::string_view word) const {
  if (word.empty() || word.size() > 255) return false;
  if (IsAscii(word)) {
    char buffer[256];
    std::string_view key;
    const uint8_t bit = ClassifyAscii(word, buffer, &key);
    return (BitsOf(key) & bit) != 0;
  }
  // A word already in lower case (most spelling candidates) is its own key:
  // no case map to build. Classify decides anything else.
  bool lower = true;
  for (size_t i = 0; i < word.size() && lower;) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      lower = !(b >= 'A' && b <= 'Z');
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data() + i),
                                                static_cast<utf8proc_ssize_t>(word.size() - i), &cp);
    if (n <= 0) return false;  // invalid UTF-8, as Classify says
    lower = utf8proc_tolower(cp) == cp;
    i += static_cast<size_t>(n);
  }
  if (lower) return (BitsOf(word) & kLower) != 0;
  thread_local std::string key;  // reused: no allocation per word
  const uint8_t bit = Classify(word, &key);
  if (bit == 0) return false;
  return (BitsOf(key) & bit) != 0;
}

bool WordForms::IsBase(std::string_view word) const {
  if (!has_base_words_ || word.empty() || word.size() > 255) return false;
  std::string key;
  if (Classify(word, &key) != kLower) return false;
  return (BitsOf(key) & kBase) != 0;
}

uint8_t WordForms::BitsOf(std::string_view key) const {
  // A key of the set has every one of its runs set.
  if (!ForEachRun(key, [this](uint32_t r) { return (runs_[r >> 3] >> (r & 7) & 1) != 0; })) return 0;
  const uint64_t h = HashShortString(key);
  const uint64_t mixed = FilterMix(h);
  const uint64_t bits = FilterBits(mixed);
  if ((Load64(filter_ + (mixed >> (64 - filter_log2_)) * 8) & bits) != bits) return 0;
  const uint32_t tag = static_cast<uint32_t>(h >> 32) >> offset_bits_;
  const uint32_t offset_mask = (uint32_t{1} << offset_bits_) - 1;
  for (uint32_t i = static_cast<uint32_t>(h) & slot_mask_;; i = (i + 1) & slot_mask_) {
    const uint32_t slot = Load32(slots_ + uint64_t{i} * 4);
    if (slot == 0) return 0;
    if ((slot >> offset_bits_) != tag) continue;
    const uint32_t offset = slot & offset_mask;
    if (offset + 2 > strings_size_) return 0;
    const unsigned char* entry = strings_ + offset;
    if (entry[1] == key.size() && offset + 2 + key.size() <= strings_size_ &&
        std::memcmp(entry + 2, key.data(), key.size()) == 0) {
      return entry[0];
    }
  }
}

bool CaseFormsOf(std::string_view word, CaseForms* forms) {
  if (!MapCase(word, utf8proc_tolower, &forms->lower)) return false;
  MapCase(forms->lower, utf8proc_toupper, &forms->upper);
  forms->capitalised = Capitalise(forms->lower);
  return true;
}

std::string BuildWordForms(const std::vector<std::string>& forms,
                           const std::function<bool(const std::string&)>& spell, const DictionaryStamp& stamp,
                           const std::function<bool(const std::string&)>& is_base) {
  std::unordered_map<std::string, uint8_t> bits;
  std::unordered_set<std::string> tried;
  std::string lower, key;
  for (const std::string& form : forms) {
    if (form.empty() || form.size() > 255 || !MapCase(form, utf8proc_tolower, &lower)) continue;
    std::string upper, capitalised = Capitalise(lower);
    MapCase(lower, utf8proc_toupper, &upper);
    const std::string* variants[] = {&form, &capitalised, &upper};
    for (const std::string* v : variants) {
      if (v->size() > 255 || !tried.insert(*v).second || !spell(*v)) continue;
      const uint8_t bit = Classify(*v, &key);
      if (bit == 0) continue;
      bits[key] |= bit;
      if (bit == kLower && is_base && is_base(*v)) bits[key] |= kBase;
    }
  }
  std::vector<std::string> keys;
  keys.reserve(bits.size());
  for (const auto& entry : bits) keys.push_back(entry.first);
  std::sort(keys.begin(), keys.end());

  std::string strings(1, '\0');  // offset 0 marks an empty slot
  std::vector<uint32_t> offsets;
  for (const std::string& k : keys) {
    offsets.push_back(static_cast<uint32_t>(strings.size()));
    strings.push_back(static_cast<char>(bits[k]));
    strings.push_back(static_cast<char>(k.size()));
    strings += k;
  }
  uint32_t offset_bits = 1;
  while ((uint64_t{1} << offset_bits) <= strings.size()) ++offset_bits;
  if (offset_bits > 28) return {};
  uint32_t slot_count = 1;
  while (slot_count < keys.size() * 4 / 3 + 1) slot_count <<= 1;  // at most 3/4 full
  std::vector<uint32_t> slots(slot_count, 0);
  uint32_t filter_log2 = 1;
  while ((uint64_t{64} << filter_log2) < keys.size() * 16) ++filter_log2;
  std::vector<uint64_t> filter(size_t{1} << filter_log2, 0);
  std::string runs(kRunBits / 8, '\0');
  for (size_t k = 0; k < keys.size(); ++k) {
    const uint64_t h = HashShortString(keys[k]);
    const uint64_t mixed = FilterMix(h);
    filter[mixed >> (64 - filter_log2)] |= FilterBits(mixed);
    ForEachRun(keys[k], [&](uint32_t r) {
      runs[r >> 3] = static_cast<char>(runs[r >> 3] | 1 << (r & 7));
      return true;
    });
    const uint32_t tag = static_cast<uint32_t>(h >> 32) >> offset_bits;
    uint32_t i = static_cast<uint32_t>(h) & (slot_count - 1);
    while (slots[i] != 0) i = (i + 1) & (slot_count - 1);
    slots[i] = (tag << offset_bits) | offsets[k];
  }
  std::string blob(kMagic, 8);
  Put64(&blob, stamp.aff_size);
  Put64(&blob, stamp.aff_hash);
  Put64(&blob, stamp.dic_size);
  Put64(&blob, stamp.dic_hash);
  Put32(&blob, slot_count);
  Put32(&blob, static_cast<uint32_t>(strings.size()));
  Put32(&blob, offset_bits);
  Put32(&blob, static_cast<uint32_t>(keys.size()));
  Put32(&blob, filter_log2);
  Put32(&blob, is_base ? kHasBaseWords : 0);
  for (uint64_t f : filter) Put64(&blob, f);
  for (uint32_t s : slots) Put32(&blob, s);
  blob += strings;
  blob += runs;
  return blob;
}

}  // namespace postcheck
