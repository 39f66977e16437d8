// Validators that check layout rules rather than a check digit: National
// Insurance numbers, postcodes, vehicle registration marks, driving licence
// and passport numbers, dates and sort codes.
#include "matching/validators.h"
#include "matching/validators_internal.h"

namespace postcheck {

using validators_internal::AllDigits;
using validators_internal::AsciiBuffer;
using validators_internal::RemoveSeparators;
using validators_internal::ToAscii;
using validators_internal::ToAsciiUpper;

namespace {

bool Contains(std::string_view set, char c) {
  return set.find(c) != std::string_view::npos;
}

// An ASCII letter, upper-cased, not in `excluded` (upper-case letters).
bool IsLetterNotIn(char c, std::string_view excluded) {
  return IsAsciiLetter(c) && !Contains(excluded, ToAsciiUpper(c));
}

// 1-3 digits without a leading zero (the number on pre-2001 plates).
bool IsPlateNumber(std::string_view s) {
  return !s.empty() && s.size() <= 3 && AllDigits(s) && s[0] != '0';
}

// Splits `s` at its only space, if any: with a space, `left` and `right` are
// the two sides; without, `left` is all of `s` and `right` empty. Returns false
// if there is more than one space or one at an end.
bool SplitAtOptionalSpace(std::string_view s, std::string_view* left,
                          std::string_view* right, bool* had_space) {
  const size_t space = s.find(' ');
  *had_space = space != std::string_view::npos;
  if (!*had_space) {
    *left = s;
    *right = std::string_view();
    return true;
  }
  *left = s.substr(0, space);
  *right = s.substr(space + 1);
  return !left->empty() && !right->empty() &&
         right->find(' ') == std::string_view::npos;
}

// ---- Postcodes ----

bool IsInwardCode(std::string_view s) {
  if (s.size() != 3 || !IsAsciiDigit(s[0])) return false;
  if (!IsLetterNotIn(s[1], "CIKMOV") || !IsLetterNotIn(s[2], "CIKMOV")) {
    return false;
  }
  // "1st", "2nd", "4th", ... after an outward-looking code ("A1 1st") is an
  // ordinal, not a postcode.
  const std::string_view letters = s.substr(1);
  if (letters == "st" || letters == "nd" || letters == "rd" || letters == "th") {
    return false;
  }
  return true;
}

// The 121 postcode areas of the UK and those of Guernsey, Jersey and the Isle
// of Man (Royal Mail), upper case: the letters an outward code starts with.
bool IsPostcodeArea(std::string_view letters) {
  static constexpr std::string_view kAreas[] = {
      "AB", "AL", "B",  "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM",
      "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E",  "EC", "EH",
      "EN", "EX", "FK", "FY", "G",  "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG",
      "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L",  "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M",
      "ME", "MK", "ML", "N",  "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO",
      "PR", "RG", "RH", "RM", "S",  "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST",
      "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W",  "WA", "WC", "WD", "WF", "WN",
      "WR", "WS", "WV", "YO", "ZE"};
  char upper[2];
  if (letters.empty() || letters.size() > 2) return false;
  for (size_t i = 0; i < letters.size(); ++i) upper[i] = ToAsciiUpper(letters[i]);
  const std::string_view area(upper, letters.size());
  for (std::string_view a : kAreas) {
    if (a == area) return true;
  }
  return false;
}

// A9, A99, AA9, AA99, A9A, AA9A with the letter-position rules, in one of the
// postcode areas.
bool IsOutwardCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  if (!IsPostcodeArea(s.substr(0, IsAsciiDigit(s[1]) ? 1 : 2))) return false;
  if (!IsLetterNotIn(s[0], "QVX")) return false;
  if (IsAsciiDigit(s[1])) {
    // A9, A99, A9A
    if (s.size() == 2) return true;
    if (s.size() == 3) {
      return IsAsciiDigit(s[2]) || IsLetterNotIn(s[2], "ILMNOQRVXYZ");
    }
    return false;
  }
  // AA9, AA99, AA9A
  if (!IsLetterNotIn(s[1], "IJZ") || s.size() < 3 || !IsAsciiDigit(s[2])) {
    return false;
  }
  if (s.size() == 3) return true;
  return IsAsciiDigit(s[3]) || IsLetterNotIn(s[3], "CDFGIJKLOQSTUZ");
}

// ---- Vehicle registration marks ----

// AB12CDE (without the optional space).
bool IsCurrentRegCompact(std::string_view s) {
  if (s.size() != 7) return false;
  if (!IsLetterNotIn(s[0], "IQZ") || !IsLetterNotIn(s[1], "IQZ")) return false;
  if (!IsAsciiDigit(s[2]) || !IsAsciiDigit(s[3])) return false;
  const int age = (s[2] - '0') * 10 + (s[3] - '0');
  if (!((age >= 2 && age <= 29) || (age >= 51 && age <= 79))) return false;
  for (size_t i = 4; i < 7; ++i) {
    if (!IsLetterNotIn(s[i], "IQ")) return false;
  }
  return true;
}

// The year letter of prefix and suffix plates.
bool IsYearLetter(char c) { return IsLetterNotIn(c, "IOQUZ"); }

bool IsThreeLetterGroup(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s) {
    if (!IsLetterNotIn(c, "IQ")) return false;
  }
  return true;
}

// A123 BCD: year letter, 1-3 digits, optional space, three letters.
bool IsPrefixReg(std::string_view s) {
  if (s.size() < 5 || !IsYearLetter(s[0])) return false;
  std::string_view left, right;
  bool had_space;
  if (!SplitAtOptionalSpace(s, &left, &right, &had_space)) return false;
  if (!had_space) {
    left = s.substr(0, s.size() - 3);
    right = s.substr(s.size() - 3);
  }
  return IsPlateNumber(left.substr(1)) && IsThreeLetterGroup(right);
}

// ABC 123D: three letters, optional space, 1-3 digits, year letter.
bool IsSuffixReg(std::string_view s) {
  if (s.size() < 5 || !IsYearLetter(s.back())) return false;
  std::string_view left, right;
  bool had_space;
  if (!SplitAtOptionalSpace(s, &left, &right, &had_space)) return false;
  if (!had_space) {
    left = s.substr(0, 3);
    right = s.substr(3);
  }
  return IsThreeLetterGroup(left) &&
         IsPlateNumber(right.substr(0, right.size() - 1));
}

// ---- Dates ----

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int ParseNumber(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

bool IsNiNumber(std::string_view candidate) {
  AsciiBuffer text;
  if (!ToAscii(candidate, &text)) return false;
  const std::string_view s = text.view();
  // Spaces may appear only before the compact positions 2, 4, 6 and 8
  // (AB|12|34|56|C), one at a time.
  char compact[9];
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') {
      if (n != 2 && n != 4 && n != 6 && n != 8) return false;
      if (i + 1 < s.size() && s[i + 1] == ' ') return false;
      continue;
    }
    if (n == sizeof(compact)) return false;
    compact[n++] = ToAsciiUpper(s[i]);
  }
  if (n != 9) return false;
  const char first = compact[0];
  const char second = compact[1];
  if (!IsLetterNotIn(first, "DFIQUV") || !IsLetterNotIn(second, "DFIQUVO")) {
    return false;
  }
  const std::string_view prefix(compact, 2);
  for (std::string_view banned : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}) {
    if (prefix == banned) return false;
  }
  if (!AllDigits(std::string_view(compact + 2, 6))) return false;
  return compact[8] >= 'A' && compact[8] <= 'D';
}

bool IsUkPostcode(std::string_view candidate) {
  AsciiBuffer text;
  if (!ToAscii(candidate, &text)) return false;
  // The outward and inward codes as written ("M14 5RT", "M14  5RT",
  // "M14-5RT", "M14 5 RT", "M145RT"): at most two spaces or one hyphen
  // between them, at most one space inside the inward code.
  std::string_view s = text.view();
  char compact_data[8];
  size_t size = 0, separators = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '-') {
      ++separators;
      continue;
    }
    if (size == sizeof(compact_data)) return false;
    compact_data[size++] = s[i];
  }
  if (size < 5 || separators > 2) return false;
  const std::string_view compact(compact_data, size);
  const std::string_view outward = compact.substr(0, size - 3);
  const std::string_view inward = compact.substr(size - 3);
  // Where the separators are: between the codes, or (one space) after the
  // inward code's digit.
  size_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ' ' && s[i] != '-') {
      ++seen;
      continue;
    }
    const bool between = seen == outward.size();
    const bool inside = seen == outward.size() + 1 && s[i] == ' ';
    if (!between && !inside) return false;
    if (s[i] == '-' && separators > 1) return false;
  }
  if (outward.size() == 3 && inward.size() == 3 &&
      ToAsciiUpper(outward[0]) == 'G' && ToAsciiUpper(outward[1]) == 'I' &&
      ToAsciiUpper(outward[2]) == 'R' && inward[0] == '0' &&
      ToAsciiUpper(inward[1]) == 'A' && ToAsciiUpper(inward[2]) == 'A') {
    return true;  // GIR 0AA, Girobank
  }
  return IsOutwardCode(outward) && IsInwardCode(inward);
}

bool IsCurrentVehicleReg(std::string_view candidate) {
  AsciiBuffer text;
  if (!ToAscii(candidate, &text)) return false;
  const std::string_view s = text.view();
  if (s.size() == 8) {
    if (s[4] != ' ') return false;
    char compact[7];
    for (size_t i = 0, j = 0; i < s.size(); ++i) {
      if (i != 4) compact[j++] = s[i];
    }
    return IsCurrentRegCompact(std::string_view(compact, 7));
  }
  return IsCurrentRegCompact(s);
}

bool IsAnyVehicleReg(std::string_view candidate) {
  if (IsCurrentVehicleReg(candidate)) return true;
  AsciiBuffer text;
  if (!ToAscii(candidate, &text)) return false;
  const std::string_view s = text.view();
  return IsPrefixReg(s) || IsSuffixReg(s);
}

bool IsUkDrivingLicence(std::string_view candidate) {
  AsciiBuffer text;
  AsciiBuffer compact;
  if (!ToAscii(candidate, &text) || !RemoveSeparators(text.view(), " ", &compact)) {
    return false;
  }
  const std::string_view s = compact.view();
  if (s.size() != 16) return false;
  // Surname: 1-5 letters, then padding 9s.
  size_t i = 0;
  while (i < 5 && IsAsciiLetter(s[i])) ++i;
  if (i == 0) return false;
  while (i < 5 && s[i] == '9') ++i;
  if (i != 5) return false;
  if (!AllDigits(s.substr(5, 6))) return false;
  const int month = ParseNumber(s.substr(6, 2));
  const int day = ParseNumber(s.substr(8, 2));
  if (!((month >= 1 && month <= 12) || (month >= 51 && month <= 62))) {
    return false;
  }
  if (day < 1 || day > 31) return false;
  // Initials: a letter, then a letter or the padding 9.
  if (!IsAsciiLetter(s[11]) || !(IsAsciiLetter(s[12]) || s[12] == '9')) {
    return false;
  }
  if (!IsAsciiDigit(s[13])) return false;
  for (size_t k = 14; k < 16; ++k) {
    if (!IsAsciiLetter(s[k]) && !IsAsciiDigit(s[k])) return false;
  }
  return true;
}

bool IsUkPassportNumber(std::string_view candidate) {
  AsciiBuffer text;
  AsciiBuffer digits;
  if (!ToAscii(candidate, &text) || !RemoveSeparators(text.view(), " ", &digits)) {
    return false;
  }
  return digits.size == 9 && AllDigits(digits.view());
}

bool IsPlausibleDate(std::string_view candidate) {
  AsciiBuffer text;
  if (!ToAscii(candidate, &text)) return false;
  const std::string_view s = text.view();
  const size_t first = s.find_first_of("/.-");
  if (first == std::string_view::npos) return false;
  const char separator = s[first];
  const size_t second = s.find(separator, first + 1);
  if (second == std::string_view::npos) return false;
  const std::string_view day_text = s.substr(0, first);
  const std::string_view month_text = s.substr(first + 1, second - first - 1);
  const std::string_view year_text = s.substr(second + 1);
  if (day_text.empty() || day_text.size() > 2 || !AllDigits(day_text)) return false;
  if (month_text.empty() || month_text.size() > 2 || !AllDigits(month_text)) {
    return false;
  }
  if ((year_text.size() != 2 && year_text.size() != 4) || !AllDigits(year_text)) {
    return false;
  }
  const int day = ParseNumber(day_text);
  const int month = ParseNumber(month_text);
  int year = ParseNumber(year_text);
  bool leap;
  if (year_text.size() == 4) {
    if (year < 1900 || year > 2099) return false;
    leap = IsLeapYear(year);
  } else {
    leap = year % 4 == 0;  // 19YY or 20YY; 00 is ambiguous, so allow it
  }
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
  const int days = kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

bool IsSortCode(std::string_view candidate) {
  AsciiBuffer text;
  if (!ToAscii(candidate, &text)) return false;
  const std::string_view s = text.view();
  if (s.size() == 6) return AllDigits(s);
  if (s.size() != 8) return false;
  const char separator = s[2];
  if ((separator != '-' && separator != ' ') || s[5] != separator) return false;
  return AllDigits(s.substr(0, 2)) && AllDigits(s.substr(3, 2)) &&
         AllDigits(s.substr(6, 2));
}

}  // namespace postcheck
