// The "uk_phone" validator, backed by libphonenumber.
//
// PhoneNumberUtil is a thread-safe singleton and its const methods may be
// called concurrently; the function-local static below is initialised once
// (C++11 guarantees thread-safe initialisation).
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>

#include "matching/validators.h"
#include "matching/validators_internal.h"

namespace postcheck {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using validators_internal::AsciiBuffer;
using validators_internal::ToAscii;

const PhoneNumberUtil& PhoneUtil() {
  static const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  return util;
}

// Public service numbers that are fine to publish, as national significant
// numbers (without the trunk 0): 101, 999, 111, 112, 159, 105, 116 123 and
// 0800 555 111 (Crimestoppers).
bool IsPublicServiceNumber(std::string_view national_number) {
  for (std::string_view service :
       {"101", "999", "111", "112", "159", "105", "116123", "800555111"}) {
    if (national_number == service) return true;
  }
  return false;
}

// A national significant number with the shape of a UK mobile number (7 and
// nine digits; not 70, personal numbers, or 76, pagers, whose unallocated
// ranges are rarer) or geographic number (1 or 2 and nine digits, or 1 and
// eight): what a reader takes for somebody's number, allocated or not. This
// takes in the ranges Ofcom keeps for drama and examples (07700 900xxx,
// 01632 960xxx), which trainers' example drafts give.
bool HasPersonalNumberShape(std::string_view national_number) {
  const size_t n = national_number.size();
  if (n == 10 && national_number[0] == '7') return national_number[1] != '0' && national_number[1] != '6';
  if (n == 10 && (national_number[0] == '1' || national_number[0] == '2')) return true;
  return n == 9 && national_number[0] == '1';
}

// Digits, spaces, hyphens, dots, parentheses and one leading '+'; at least one
// digit. Collects every digit, in order, in `digits`.
bool HasOnlyPhoneCharacters(std::string_view s, AsciiBuffer* digits) {
  digits->size = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (IsAsciiDigit(c)) {
      digits->data[digits->size++] = c;  // s.size() <= capacity
    } else if (c == '+') {
      if (i != 0 && !(i == 1 && s[0] == '(')) return false;  // "+44" or "(+44)"
    } else if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits->size > 0;
}

// Readers of the UK number written as `text` (one leading '+' at most) whose
// digits are `digits`: true with *number set, or false when it is not a UK
// number or not a number at all.
using NumberReader = bool (*)(std::string_view text, std::string_view digits, PhoneNumber* number);

// libphonenumber's own reading: Parse(text, "GB").
bool ParseUkNumber(std::string_view text, std::string_view /*digits*/, PhoneNumber* number) {
  return PhoneUtil().Parse(std::string(text), "GB", number) == PhoneNumberUtil::NO_PARSING_ERROR &&
         number->country_code() == 44 && !number->has_extension();
}

// The same reading, done here for the forms candidates take: +44 or 0044,
// then the national number with or without its trunk 0 ("+44 (0)20 ..."),
// or the national number with its trunk 0. Parse is about half the cost of a
// check. Other forms go to Parse; validators_test compares the two readings'
// verdicts on thousands of candidates.
bool ReadUkNumber(std::string_view text, std::string_view digits, PhoneNumber* number) {
  const bool plus = text[0] == '+' || (text.size() > 1 && text[0] == '(' && text[1] == '+');
  std::string_view national;
  if (plus && digits.substr(0, 2) == "44") {
    national = digits.substr(2);
  } else if (!plus && digits.size() == 12 && digits.substr(0, 2) == "44" && digits[2] != '0') {
    national = digits.substr(2);  // 447911123456, as in wa.me/ links: the + left out
  } else if (!plus && digits.substr(0, 4) == "0044") {
    national = digits.substr(4);
  } else if (!plus && digits.size() > 1 && digits[0] == '0' && digits[1] != '0') {
    national = digits;
  } else {
    return ParseUkNumber(text, digits, number);
  }
  if (!national.empty() && national[0] == '0') national.remove_prefix(1);  // the trunk prefix
  if (national.size() < 2 || national.size() > 17 || national[0] == '0') {
    return ParseUkNumber(text, digits, number);
  }
  uint64_t value = 0;
  for (char c : national) value = value * 10 + static_cast<uint64_t>(c - '0');
  number->set_country_code(44);
  number->set_national_number(value);
  return true;
}

bool IsUkPhoneNumberReadBy(std::string_view candidate, NumberReader read) {
  AsciiBuffer text;
  AsciiBuffer digits;
  if (!ToAscii(candidate, &text) || !HasOnlyPhoneCharacters(text.view(), &digits)) {
    return false;
  }
  // Short codes written on their own ("101", "116 123") and Crimestoppers
  // written nationally.
  const std::string_view all_digits = digits.view();
  if (IsPublicServiceNumber(all_digits) ||
      (all_digits.size() > 1 && all_digits[0] == '0' &&
       IsPublicServiceNumber(all_digits.substr(1)))) {
    return false;
  }
  try {
    const PhoneNumberUtil& util = PhoneUtil();
    PhoneNumber number;
    if (!read(text.view(), all_digits, &number)) return false;
    std::string national;
    util.GetNationalSignificantNumber(number, &national);
    if (IsPublicServiceNumber(national)) return false;
    // GetNumberType is UNKNOWN exactly when IsValidNumber is false (both look
    // the number up in its region's metadata), so one call answers both.
    switch (util.GetNumberType(number)) {
      case PhoneNumberUtil::TOLL_FREE:
      case PhoneNumberUtil::UAN:
      case PhoneNumberUtil::SHARED_COST:
      case PhoneNumberUtil::PREMIUM_RATE:
        return false;
      case PhoneNumberUtil::UNKNOWN:
        // Not allocated in libphonenumber's data (07911 4xxxxx, 07700 900xxx).
        return HasPersonalNumberShape(national);
      default:
        return true;
    }
  } catch (...) {
    return false;
  }
}

}  // namespace

bool IsUkPhoneNumber(std::string_view candidate) {
  return IsUkPhoneNumberReadBy(candidate, ReadUkNumber);
}

namespace validators_internal {

bool IsUkPhoneNumberByParsing(std::string_view candidate) {
  return IsUkPhoneNumberReadBy(candidate, ParseUkNumber);
}

}  // namespace validators_internal
}  // namespace postcheck
