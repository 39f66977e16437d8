// WordIndex::Encode and Decode (word_index.h): every table Match reads, in
// the order declared. Heads are written field by field (their padding is
// no part of them); the other tables are arrays of plain values.
#include "matching/word_index.h"
#include "text/byte_codec.h"

namespace postcheck {
namespace {

constexpr size_t kStartBits = 26 * 26 * 26;  // stem_starts_, when any stem is listed
// The fewest bytes an entry (eight fields) and a head (four) are written in.
constexpr size_t kMinEntryBytes = 8;
constexpr size_t kMinHeadBytes = 4;

bool AllBelow(const std::vector<uint32_t>& ids, size_t limit) {
  for (uint32_t id : ids) {
    if (id >= limit) return false;
  }
  return true;
}

}  // namespace

void WordIndex::Encode(std::string* out) const {
  ByteWriter w(out);
  w.Number(entries_.size());
  for (const Entry& e : entries_) {
    w.Array(e.words);
    w.Number(e.exact.size());
    for (const std::string& x : e.exact) w.Text(x);
    w.Number(e.match_case);
    w.Array(e.owners);
    w.Number(e.stemmed);
    w.Text(e.last_stem);
    w.Number(e.disguised);
    w.Number(e.breaks);
  }
  word_ids_.Encode(&w);
  w.Number(by_first_word_.size());
  for (const std::vector<Head>& heads : by_first_word_) {
    w.Number(heads.size());
    for (const Head& h : heads) {
      w.Number(h.entry);
      w.Number(h.second);
      w.Number(h.size);
      w.Number(h.match_case);
    }
  }
  w.Arrays(single_by_length_);
  w.Array(owner_flags_);
  stem_ids_.Encode(&w);
  w.Arrays(entries_by_stem_);
  w.Number(stem_starts_.size());
  for (size_t k = 0; k < stem_starts_.size(); k += 8) {
    unsigned byte = 0;
    for (size_t b = 0; b < 8 && k + b < stem_starts_.size(); ++b) byte |= (stem_starts_[k + b] ? 1u : 0u) << b;
    w.Number(byte);
  }
  disguised_words_.Encode(&w);
  w.Number(disguised_min_);
  w.Number(disguised_max_);
  for (const std::vector<uint32_t>& ids : disguised_by_initial_) w.Array(ids);
  deletion_ids_.Encode(&w);
  w.Arrays(entries_by_deletion_);
  phrase_deletion_ids_.Encode(&w);
  w.Number(phrase_word_max_);
  w.Arrays(phrase_words_by_deletion_);
}

bool WordIndex::Decode(std::string_view bytes) {
  ByteReader r(bytes);
  WordIndex x;
  const uint64_t entries = r.Number();
  if (entries > bytes.size() / kMinEntryBytes) r.Fail();  // never more than the bytes could hold
  x.entries_.resize(r.ok() ? static_cast<size_t>(entries) : 0);
  for (Entry& e : x.entries_) {
    e.words = r.Array<uint32_t>();
    const uint64_t exact = r.Number();
    if (exact > bytes.size()) r.Fail();
    for (uint64_t k = 0; k < exact && r.ok(); ++k) e.exact.push_back(r.Text());
    e.match_case = r.Bool();
    e.owners = r.Array<uint32_t>();
    e.stemmed = r.Bool();
    e.last_stem = r.Text();
    e.disguised = r.Bool();
    e.breaks = r.Number();
    if (!r.ok()) break;
  }
  x.word_ids_.Decode(&r);
  const uint64_t firsts = r.Number();
  if (firsts != x.word_ids_.size()) r.Fail();  // one list for every word
  x.by_first_word_.resize(r.ok() ? static_cast<size_t>(firsts) : 0);
  for (std::vector<Head>& heads : x.by_first_word_) {
    const uint64_t n = r.Number();
    if (n > bytes.size() / kMinHeadBytes) r.Fail();
    for (uint64_t k = 0; k < n && r.ok(); ++k) {
      Head h;
      h.entry = static_cast<uint32_t>(r.Number());
      h.second = static_cast<uint32_t>(r.Number());
      h.size = static_cast<uint32_t>(r.Number());
      h.match_case = r.Bool();
      heads.push_back(h);
    }
    if (!r.ok()) break;
  }
  x.single_by_length_ = r.Arrays<uint32_t>();
  x.owner_flags_ = r.Array<uint8_t>();
  x.stem_ids_.Decode(&r);
  x.entries_by_stem_ = r.Arrays<uint32_t>();
  const uint64_t start_bits = r.Number();
  if (start_bits != 0 && start_bits != kStartBits) r.Fail();
  x.stem_starts_.assign(r.ok() ? static_cast<size_t>(start_bits) : 0, false);
  for (size_t k = 0; k < x.stem_starts_.size() && r.ok(); k += 8) {
    const uint64_t byte = r.Number();
    if (byte > 0xFF) r.Fail();
    for (size_t b = 0; b < 8 && k + b < x.stem_starts_.size(); ++b) x.stem_starts_[k + b] = (byte >> b & 1) != 0;
  }
  x.disguised_words_.Decode(&r);
  x.disguised_min_ = static_cast<size_t>(r.Number());
  x.disguised_max_ = static_cast<size_t>(r.Number());
  for (std::vector<uint32_t>& ids : x.disguised_by_initial_) ids = r.Array<uint32_t>();
  x.deletion_ids_.Decode(&r);
  x.entries_by_deletion_ = r.Arrays<uint32_t>();
  x.phrase_deletion_ids_.Decode(&r);
  x.phrase_word_max_ = static_cast<size_t>(r.Number());
  x.phrase_words_by_deletion_ = r.Arrays<PhraseWord>();
  if (!r.done() || !x.Consistent()) {
    *this = WordIndex();
    return false;
  }
  *this = std::move(x);
  return true;
}

// Every id a lookup follows is within the table it indexes, and every list
// indexed by a table's ids has one entry an id: what Match relies on.
bool WordIndex::Consistent() const {
  const size_t n = entries_.size();
  for (const Entry& e : entries_) {
    if (e.words.empty() || !AllBelow(e.words, word_ids_.size()) || !AllBelow(e.owners, owner_flags_.size()) ||
        (e.match_case && e.exact.size() != e.words.size())) {
      return false;
    }
  }
  if (by_first_word_.size() != word_ids_.size()) return false;
  for (const auto& heads : by_first_word_) {
    for (const Head& h : heads) {
      if (h.entry >= n || h.size != entries_[h.entry].words.size() || h.match_case != entries_[h.entry].match_case ||
          h.second != (h.size > 1 ? entries_[h.entry].words[1] : kNoWord)) {
        return false;
      }
    }
  }
  for (const auto& ids : single_by_length_) {
    if (!AllBelow(ids, n)) return false;
  }
  if (entries_by_stem_.size() != stem_ids_.size() || (!entries_by_stem_.empty() && stem_starts_.empty())) return false;
  for (const auto& ids : entries_by_stem_) {
    if (!AllBelow(ids, n)) return false;
  }
  for (const auto& ids : disguised_by_initial_) {
    if (!AllBelow(ids, disguised_words_.size())) return false;
  }
  if (entries_by_deletion_.size() != deletion_ids_.size()) return false;
  for (const auto& ids : entries_by_deletion_) {
    if (!AllBelow(ids, n)) return false;
  }
  if (phrase_words_by_deletion_.size() != phrase_deletion_ids_.size()) return false;
  for (const auto& words : phrase_words_by_deletion_) {
    for (const PhraseWord& w : words) {
      if (w.entry >= n || w.place >= entries_[w.entry].words.size()) return false;
    }
  }
  return true;
}

}  // namespace postcheck
