// Validators whose main test is a check digit: payment cards (Luhn), NHS
// numbers (modulus 11), GB IBANs (ISO 7064 mod 97) and PNC IDs (mod 23).
#include <cstdint>

#include "matching/validators.h"
#include "matching/validators_internal.h"

namespace postcheck {

using validators_internal::AllDigits;
using validators_internal::AsciiBuffer;
using validators_internal::RemoveSeparators;
using validators_internal::ToAscii;
using validators_internal::ToAsciiUpper;

namespace {

bool AllSameCharacter(std::string_view s) {
  for (char c : s) {
    if (c != s.front()) return false;
  }
  return true;
}

// The 10 digits of an NHS number written as NNNNNNNNNN, NNN NNN NNNN or
// NNN-NNN-NNNN, without the check; false if the layout is wrong.
bool NhsDigits(std::string_view candidate, AsciiBuffer* digits) {
  AsciiBuffer text;
  if (!ToAscii(candidate, &text)) return false;
  const std::string_view s = text.view();
  digits->size = 0;
  if (s.size() == 10) {
    if (!AllDigits(s)) return false;
  } else if (s.size() == 12) {
    const char separator = s[3];
    if ((separator != ' ' && separator != '-') || s[7] != separator) {
      return false;
    }
    if (!AllDigits(s.substr(0, 3)) || !AllDigits(s.substr(4, 3)) ||
        !AllDigits(s.substr(8, 4))) {
      return false;
    }
  } else {
    return false;
  }
  for (char c : s) {
    if (IsAsciiDigit(c)) digits->data[digits->size++] = c;
  }
  return digits->size == 10;
}

bool NhsCheckDigitValid(std::string_view digits) {
  if (digits.size() != 10 || AllSameCharacter(digits)) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10) return false;
  return check == digits[9] - '0';
}

int TwoDigits(std::string_view s, size_t at) {
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

// DDMMYY with a day that exists in the month; 29 February when YY % 4 == 0
// (both 1900 + YY and 2000 + YY are then leap years, except 1900 itself).
bool IsValidDdMmYy(std::string_view s) {
  const int day = TwoDigits(s, 0);
  const int month = TwoDigits(s, 2);
  const int year = TwoDigits(s, 4);
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
  if (day > kDaysInMonth[month - 1]) return false;
  if (month == 2 && day == 29 && year % 4 != 0) return false;
  return true;
}

}  // namespace

bool IsLuhnValid(std::string_view candidate) {
  AsciiBuffer text;
  AsciiBuffer digits;
  if (!ToAscii(candidate, &text) || !RemoveSeparators(text.view(), " -", &digits)) {
    return false;
  }
  const std::string_view s = digits.view();
  if (s.size() < 13 || s.size() > 19 || !AllDigits(s) || AllSameCharacter(s)) {
    return false;
  }
  // No payment card number starts with 0 (ISO/IEC 7812: industry 0 is
  // reserved); "0044 7911 123456" is a phone number.
  if (s[0] == '0') return false;
  int sum = 0;
  bool double_it = false;
  for (size_t i = s.size(); i-- > 0;) {
    int d = s[i] - '0';
    if (double_it) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double_it = !double_it;
  }
  return sum % 10 == 0;
}

bool IsNhsNumber(std::string_view candidate) {
  AsciiBuffer digits;
  return NhsDigits(candidate, &digits) && NhsCheckDigitValid(digits.view());
}

bool IsNhsNumberInIssuedRange(std::string_view candidate) {
  AsciiBuffer digits;
  if (!NhsDigits(candidate, &digits) || !NhsCheckDigitValid(digits.view())) {
    return false;
  }
  const std::string_view s = digits.view();
  const int millions = (s[0] - '0') * 100 + TwoDigits(s, 1);  // first 3 digits
  if (millions >= 400 && millions <= 499) return true;  // NHS England & Wales
  if (millions >= 600 && millions <= 799) return true;  // NHS England & Wales
  if (millions >= 320 && millions <= 399) return true;  // Northern Ireland
  // Scotland's CHI numbers, 0101000000-3112999999, start with the date of
  // birth as DDMMYY; IsValidDdMmYy keeps them inside that range.
  return IsValidDdMmYy(s.substr(0, 6));
}

bool IsGbIban(std::string_view candidate) {
  AsciiBuffer text;
  AsciiBuffer compact;
  if (!ToAscii(candidate, &text) || !RemoveSeparators(text.view(), " ", &compact)) {
    return false;
  }
  const std::string_view s = compact.view();
  if (s.size() != 22) return false;
  if (ToAsciiUpper(s[0]) != 'G' || ToAsciiUpper(s[1]) != 'B') return false;
  if (!AllDigits(s.substr(2, 2)) || !AllDigits(s.substr(8, 14))) return false;
  for (size_t i = 4; i < 8; ++i) {
    if (!IsAsciiLetter(s[i])) return false;
  }
  // ISO 7064 mod 97-10: move the first four characters to the end, read
  // letters as 10-35, and the whole number must be 1 mod 97.
  uint32_t remainder = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    const char c = ToAsciiUpper(s[(k + 4) % s.size()]);
    if (IsAsciiDigit(c)) {
      remainder = (remainder * 10 + static_cast<uint32_t>(c - '0')) % 97;
    } else {
      remainder = (remainder * 100 + static_cast<uint32_t>(c - 'A' + 10)) % 97;
    }
  }
  return remainder == 1;
}

// The check letter algorithm matches the one the Ministry of Justice's HMPPS
// services use (PNCIdentifier in hmpps-person-record): the 2-digit year and
// the serial zero-padded to 7 digits, as one number, mod 23, indexing
// "ZABCDEFGHJKLMNPQRTUVWXY". Those services also accept and store the long form
// YYYY/NNNNNNNL (e.g. 2008/0056560Z), computed from the last two year digits,
// so it is accepted here too.
bool IsPncId(std::string_view candidate) {
  AsciiBuffer text;
  if (!ToAscii(candidate, &text)) return false;
  const std::string_view s = text.view();
  const size_t slash = s.find('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view year = s.substr(0, slash);
  const std::string_view rest = s.substr(slash + 1);
  if (rest.size() < 2) return false;
  const std::string_view serial = rest.substr(0, rest.size() - 1);
  const char check = ToAsciiUpper(rest.back());
  if (!AllDigits(year) || !AllDigits(serial) || serial.size() > 7) return false;
  if (year.size() == 4) {
    if (!(year.substr(0, 2) == "19" || year.substr(0, 2) == "20") ||
        serial.size() != 7) {
      return false;
    }
  } else if (year.size() != 2) {
    return false;
  }
  // year * 10^7 + serial < 10^9, so it fits in 32 bits.
  uint32_t number = static_cast<uint32_t>(TwoDigits(year, year.size() - 2));
  uint32_t serial_value = 0;
  for (char c : serial) {
    serial_value = serial_value * 10 + static_cast<uint32_t>(c - '0');
  }
  number = number * 10'000'000u + serial_value;
  static constexpr std::string_view kCheckLetters = "ZABCDEFGHJKLMNPQRTUVWXY";
  return check == kCheckLetters[number % kCheckLetters.size()];
}

}  // namespace postcheck
