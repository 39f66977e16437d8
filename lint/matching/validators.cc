// The validator registry (name -> function) and the helpers shared by the
// validators_*.cc files.
#include "matching/validators.h"
#include "matching/validators_internal.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "text/utf8.h"

namespace postcheck {
namespace {

struct Entry {
  std::string_view name;
  Validator validator;
};

// Sorted by name; FindValidator relies on it (checked in validators_test.cc).
constexpr std::array<Entry, 14> kRegistry = {{
    {"date", &IsPlausibleDate},
    {"driving_licence", &IsUkDrivingLicence},
    {"iban_gb", &IsGbIban},
    {"luhn", &IsLuhnValid},
    {"nhs_number", &IsNhsNumber},
    {"nhs_number_issued", &IsNhsNumberInIssuedRange},
    {"ni_number", &IsNiNumber},
    {"passport", &IsUkPassportNumber},
    {"pnc_id", &IsPncId},
    {"sort_code", &IsSortCode},
    {"uk_phone", &IsUkPhoneNumber},
    {"uk_postcode", &IsUkPostcode},
    {"vehicle_reg", &IsCurrentVehicleReg},
    {"vehicle_reg_any", &IsAnyVehicleReg},
}};

constexpr bool RegistryIsSorted() {
  for (size_t i = 1; i < kRegistry.size(); ++i) {
    if (!(kRegistry[i - 1].name < kRegistry[i].name)) return false;
  }
  return true;
}
static_assert(RegistryIsSorted(), "kRegistry must be sorted by name");

}  // namespace

Validator FindValidator(std::string_view name) {
  auto it = std::lower_bound(
      kRegistry.begin(), kRegistry.end(), name,
      [](const Entry& entry, std::string_view key) { return entry.name < key; });
  if (it == kRegistry.end() || it->name != name) return nullptr;
  return it->validator;
}

const std::vector<std::string>& ValidatorNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    out.reserve(kRegistry.size());
    for (const Entry& entry : kRegistry) out.emplace_back(entry.name);
    return out;
  }();
  return names;
}

namespace validators_internal {

bool ToAscii(std::string_view candidate, AsciiBuffer* out) {
  out->size = 0;
  // Trim ASCII whitespace at both ends first; Unicode spaces at the ends are
  // mapped below and trimmed after.
  size_t begin = 0;
  size_t end = candidate.size();
  while (begin < end && IsAsciiSpace(candidate[begin])) {
    ++begin;
  }
  while (end > begin && IsAsciiSpace(candidate[end - 1])) {
    --end;
  }
  for (size_t i = begin; i < end;) {
    const unsigned char c = static_cast<unsigned char>(candidate[i]);
    char mapped;
    size_t length = 1;
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7f) {
        if (c != '\t') return false;  // a tab inside counts as a space
        mapped = ' ';
      } else {
        mapped = static_cast<char>(c);
      }
    } else if (c == 0xC2 && i + 1 < end &&
               static_cast<unsigned char>(candidate[i + 1]) == 0xA0) {
      mapped = ' ';  // U+00A0 NO-BREAK SPACE
      length = 2;
    } else if (c == 0xE2 && i + 2 < end &&
               static_cast<unsigned char>(candidate[i + 1]) == 0x80) {
      const unsigned char c2 = static_cast<unsigned char>(candidate[i + 2]);
      if (c2 == 0x89 || c2 == 0xAF) {
        mapped = ' ';  // U+2009 THIN SPACE, U+202F NARROW NO-BREAK SPACE
      } else if (c2 == 0x90 || c2 == 0x91) {
        mapped = '-';  // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN
      } else {
        return false;
      }
      length = 3;
    } else {
      return false;
    }
    if (out->size >= AsciiBuffer::kCapacity) return false;
    out->data[out->size++] = mapped;
    i += length;
  }
  // Trim spaces that came from mapped Unicode spaces at either end.
  size_t first = 0;
  while (first < out->size && out->data[first] == ' ') ++first;
  size_t last = out->size;
  while (last > first && out->data[last - 1] == ' ') --last;
  if (first > 0) {
    std::copy(out->data + first, out->data + last, out->data);
  }
  out->size = last - first;
  return true;
}

bool RemoveSeparators(std::string_view text, std::string_view separators,
                      AsciiBuffer* out) {
  out->size = 0;
  bool previous_was_separator = true;  // so a leading separator fails
  for (char c : text) {
    const bool is_separator = separators.find(c) != std::string_view::npos;
    if (is_separator) {
      if (previous_was_separator) return false;
      previous_was_separator = true;
      continue;
    }
    previous_was_separator = false;
    if (out->size >= AsciiBuffer::kCapacity) return false;
    out->data[out->size++] = c;
  }
  return !previous_was_separator || text.empty();
}

}  // namespace validators_internal
}  // namespace postcheck
