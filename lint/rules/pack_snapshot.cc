// See pack_snapshot.h.
#include "rules/pack_snapshot.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

#include "matching/prefilter_file.h"
#include "rules/pack_codec.h"
#include "rules/pack_files.h"
#include "rules/settings_file.h"
#include "text/byte_codec.h"
#include "text/mapped_file.h"

namespace postcheck {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "postcheck-packs4\n";
constexpr uint64_t kChecksumSeed = 0x3C6EF372FE94F82Bull;
// The largest snapshot read: far beyond the bundled packs' (a few MB).
constexpr size_t kMaxSnapshotBytes = size_t{1} << 28;

void PutText(std::string* out, std::string_view s) {
  PutFixed64(out, s.size());
  out->append(s);
}

// The next length-prefixed text of *bytes; false when it runs past the end.
bool TakeText(std::string_view* bytes, std::string_view* s) {
  if (bytes->size() < 8) return false;
  const uint64_t n = GetFixed64(bytes->data());
  bytes->remove_prefix(8);
  if (n > bytes->size()) return false;
  *s = bytes->substr(0, n);
  bytes->remove_prefix(n);
  return true;
}

bool TakeCount(std::string_view* bytes, uint64_t* n) {
  if (bytes->size() < 8) return false;
  *n = GetFixed64(bytes->data());
  bytes->remove_prefix(8);
  return *n <= bytes->size() / 16;  // each entry at least two lengths
}

// The file name of a pack path.
std::string NameOf(const std::string& path) { return fs::path(path).filename().string(); }

// The directory the loader reads a pack's word files from: its file's.
std::string PackDirOf(const std::vector<std::string>& pack_files, const std::string& dir) {
  return pack_files.empty() ? dir : fs::path(pack_files[0]).parent_path().string();
}

// Whether the file at `path` holds exactly `bytes`, as ReadSettingsFile
// reads it; *buffer is scratch.
bool SameBytes(const std::string& path, std::string_view bytes, std::string* buffer) {
  std::string reason;
  return ReadSettingsFile(path, buffer, &reason) && *buffer == bytes;
}

}  // namespace

bool WritePackSnapshot(const std::string& dir, const std::string& path, std::string* error) {
  std::vector<Pack> packs;
  std::vector<LoadError> errors;
  std::vector<std::string> word_files;
  LoadOptions options;
  options.word_files = &word_files;
  if (LoadPackDir(dir, &packs, &errors, options) && errors.empty()) CheckPacks(packs, &errors);
  if (!errors.empty()) {
    *error = errors[0].ToString() + (errors.size() > 1 ? " (and more)" : "");
    return false;
  }
  const std::vector<std::string> pack_files = PackFilesIn(dir);
  if (pack_files.size() != packs.size()) {
    *error = "the packs in " + dir + " are not one a file";
    return false;
  }
  const std::string pack_dir = PackDirOf(pack_files, dir);
  std::string body;
  PutFixed64(&body, pack_files.size());
  for (size_t k = 0; k < pack_files.size(); ++k) {
    std::string text, reason;
    if (packs[k].file != pack_files[k] || !ReadSettingsFile(pack_files[k], &text, &reason)) {
      *error = "cannot read " + pack_files[k] + " again";
      return false;
    }
    PutText(&body, NameOf(pack_files[k]));
    PutText(&body, text);
  }
  PutFixed64(&body, word_files.size());
  for (const std::string& word_file : word_files) {
    std::string text, reason;
    if (!ReadSettingsFile(word_file, &text, &reason)) {
      *error = "cannot read " + word_file + " again: " + reason;
      return false;
    }
    // The loader's path is the pack's directory joined to the name written.
    PutText(&body, fs::path(word_file).lexically_relative(pack_dir).string());
    PutText(&body, text);
  }
  if (!EncodePacks(packs, &body, error)) return false;
  std::string header(kMagic);
  PutFixed64(&header, body.size());
  PutFixed64(&header, Checksum64(body, kChecksumSeed));
  return WriteFileAtomically(path, header, body, error);
}

PackSnapshotState LoadPackSnapshot(const std::string& path, const std::string& dir, const LoadOptions& options,
                                   std::vector<Pack>* packs) {
  MappedFile mapping;
  if (!mapping.Open(path)) return PackSnapshotState::kMissing;
  std::string_view bytes = mapping.bytes();
  const size_t header = kMagic.size() + 16;
  if (bytes.size() < header || bytes.size() > kMaxSnapshotBytes || bytes.substr(0, kMagic.size()) != kMagic ||
      GetFixed64(&bytes[kMagic.size()]) != bytes.size() - header ||
      GetFixed64(&bytes[kMagic.size() + 8]) != Checksum64(bytes.substr(header), kChecksumSeed)) {
    return PackSnapshotState::kDamaged;
  }
  bytes.remove_prefix(header);

  // The pack files: the same names in the directory, with the same bytes.
  const std::vector<std::string> pack_files = PackFilesIn(dir);
  uint64_t count = 0;
  if (!TakeCount(&bytes, &count)) return PackSnapshotState::kDamaged;
  bool same = count == pack_files.size();
  std::string buffer;
  for (uint64_t k = 0; k < count; ++k) {
    std::string_view name, text;
    if (!TakeText(&bytes, &name) || !TakeText(&bytes, &text)) return PackSnapshotState::kDamaged;
    same = same && name == NameOf(pack_files[k]) && SameBytes(pack_files[k], text, &buffer);
  }
  // The word files: where the loader would accept them, with the same bytes.
  const std::string pack_dir = PackDirOf(pack_files, dir);
  PackTree tree(pack_dir);
  std::vector<std::string> word_paths;
  if (!TakeCount(&bytes, &count)) return PackSnapshotState::kDamaged;
  for (uint64_t k = 0; k < count; ++k) {
    std::string_view name, text;
    if (!TakeText(&bytes, &name) || !TakeText(&bytes, &text)) return PackSnapshotState::kDamaged;
    if (!same) continue;
    word_paths.push_back((fs::path(pack_dir) / std::string(name)).string());
    same = tree.Outside(word_paths.back()).empty() && SameBytes(word_paths.back(), text, &buffer);
  }
  if (!same) return PackSnapshotState::kStale;

  std::vector<Pack> loaded;
  if (!DecodePacks(bytes, pack_files, options.read_examples, &loaded)) return PackSnapshotState::kDamaged;
  if (options.on_rule) {
    // Spelling rules first, as LoadPackDir parses their packs first.
    for (const bool spelling : {true, false}) {
      for (const Pack& pack : loaded) {
        for (const Rule& rule : pack.rules) {
          if (rule.spelling.has_value() == spelling) options.on_rule(rule);
        }
      }
    }
  }
  if (options.word_files) *options.word_files = std::move(word_paths);
  std::move(loaded.begin(), loaded.end(), std::back_inserter(*packs));
  return PackSnapshotState::kLoaded;
}

std::string DefaultPackSnapshotFile() { return DefaultFileBesidePrefilter("packs.snapshot"); }

}  // namespace postcheck
