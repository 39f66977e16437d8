// Validators: small pure checks that confirm a rule's pattern match really is
// the identifier it looks like (a card number passes Luhn, a postcode follows
// the letter-position rules, a phone number is a real UK number, ...).
//
// Rules name a validator by string (`validate: luhn`); the engine looks it up
// with FindValidator() and drops a hit whose validator returns false. The
// registry lives in validators.cc, the checks in validators_checksum.cc
// (check digits), validators_phone.cc (libphonenumber) and
// validators_formats.cc (layout rules).
//
// Every validator is thread-safe, never throws, accepts any byte sequence
// (including empty and invalid UTF-8) and returns false for anything it cannot
// positively recognise. Leading and trailing whitespace is ignored; no-break,
// narrow no-break and thin spaces count as spaces and U+2010/U+2011 as hyphens.
// Any other character that the format does not allow makes the candidate
// invalid.
#ifndef POSTCHECK_VALIDATORS_H_
#define POSTCHECK_VALIDATORS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace postcheck {

// A validator receives the text a rule's pattern matched (UTF-8, as it appears
// in the draft, possibly with spaces, hyphens or dots as separators) and says
// whether it really is the thing.
using Validator = bool (*)(std::string_view candidate);

// The validator registered under `name`, or nullptr if there is none. Names
// are case-sensitive.
Validator FindValidator(std::string_view name);

// Every registered name, sorted (used in error messages and docs).
const std::vector<std::string>& ValidatorNames();

// Each validator is also a plain function, declared here for tests. The quoted
// name is the one it is registered under.

// "luhn": a payment card number: 13-19 digits, optionally grouped with single
// spaces or hyphens, passing the Luhn check, not all one digit and not
// starting with 0 (no card number does).
bool IsLuhnValid(std::string_view candidate);

// "nhs_number": 10 digits, either ungrouped or grouped 3-3-4 with the same
// separator (one space or one hyphen) in both places, passing the modulus 11
// check. Ten repeated digits are rejected.
bool IsNhsNumber(std::string_view candidate);

// "nhs_number_issued": IsNhsNumber() and in an issued range: NHS England and
// Wales 400-499 and 600-799 million, Northern Ireland 320-399 million, or
// Scottish CHI 0101000000-3112999999 whose first six digits are a valid DDMMYY
// date.
bool IsNhsNumberInIssuedRange(std::string_view candidate);

// "ni_number": National Insurance number: two prefix letters (neither D, F, I,
// Q, U or V, second not O, not BG, GB, KN, NK, NT, TN or ZZ), six digits and a
// suffix A-D. Single spaces may separate the prefix, each digit pair and the
// suffix ("AB 12 34 56 C", "AB 123456 C", "AB123456C"). Case-insensitive.
// HMRC's example QQ 12 34 56 C is rejected.
bool IsNiNumber(std::string_view candidate);

// "iban_gb": a UK IBAN: GB, 2 check digits, a 4-letter bank code and 14
// digits, with single spaces allowed between characters, passing ISO 7064
// mod 97 (remainder 1). Case-insensitive.
bool IsGbIban(std::string_view candidate);

// "uk_postcode": a full postcode (outward and inward code, with nothing, one
// or two spaces or one hyphen between them, and perhaps one space after the
// inward code's digit: "M14 5RT", "M14  5RT", "M14-5RT", "M14 5 RT") following the letter-position rules, or GIR 0AA. Inward
// letters are never C, I, K, M, O or V. Case-insensitive, except that an
// inward code written as a lowercase ordinal ("A1 1st", "B2 4th") is rejected.
// Outward codes alone ("SE9") are rejected.
bool IsUkPostcode(std::string_view candidate);

// "vehicle_reg": a current-format (2001 onwards) registration mark, AB12 CDE,
// with an optional single space: age identifier 02-29 or 51-79, no I, Q or Z
// in the first two letters and no I or Q in the last three. Case-insensitive.
bool IsCurrentVehicleReg(std::string_view candidate);

// "vehicle_reg_any": IsCurrentVehicleReg(), or the prefix format A123 BCD
// (1983-2001) or the suffix format ABC 123D (1963-1983), each with 1-3 digits
// (no leading zero) and an optional single space where shown. The year letter
// is never I, O, Q, U or Z and the three-letter group never has I or Q. These
// look like road numbers and codes ("A38 HGV", "GBP 100M"), so rules should
// use this only with context words. Case-insensitive.
bool IsAnyVehicleReg(std::string_view candidate);

// "driving_licence": a 16-character GB driving licence number: 5 surname
// characters (letters, then padding 9s), decade digit, month (01-12, or 51-62
// for women), day 01-31, year digit, 2 initials (a letter, then a letter or
// 9), an arbitrary digit and 2 letters or digits. Single spaces between
// characters are ignored. Case-insensitive. Example: MORGA657054SM9IJ.
bool IsUkDrivingLicence(std::string_view candidate);

// "passport": a UK passport number: exactly 9 digits, optionally grouped with
// single spaces.
bool IsUkPassportNumber(std::string_view candidate);

// "uk_phone": a UK phone number (country code 44, national or +44/0044 form)
// that libphonenumber parses with region "GB" and considers valid, or that
// has the shape of a mobile (07 and nine digits, 070 and 076 aside) or
// geographic number (01 or 02 and nine digits, or 01 and eight) in a range
// libphonenumber's data calls unallocated: to a reader it is somebody's
// number all the same, ranges are allocated after the data was made, and
// numbers made up for a draft fall there. Freephone,
// UAN (03, 0843-4, ...), shared-cost and premium-rate numbers are rejected, as
// are the public service numbers 101, 999, 111, 112, 159, 105, 116 123 and
// 0800 555 111. Mobile, fixed-line, personal (070), VoIP (056) and pager
// numbers are accepted. Allowed characters: digits, spaces, hyphens, dots,
// slashes, parentheses and one leading '+' (or "(+"). Twelve digits starting
// 44 and no '+' ("447911123456", as in wa.me links) are read as +44.
bool IsUkPhoneNumber(std::string_view candidate);

// "date": d/m/yy, dd/mm/yyyy, d.mm.yy, dd-mm-yyyy and the like: day and month
// of 1 or 2 digits, year of 2 or 4 digits (1900-2099), the same separator
// ('/', '.' or '-') twice. The day must exist in the month; 29 February is
// accepted in leap years (for 2-digit years, when the year is divisible by 4).
bool IsPlausibleDate(std::string_view candidate);

// "sort_code": six digits written NN-NN-NN, NN NN NN or NNNNNN.
bool IsSortCode(std::string_view candidate);

// "pnc_id": a Police National Computer ID, YY/NNNNNNNL (serial of 1-7 digits)
// or the long form YYYY/NNNNNNNL (year 19xx or 20xx, serial of 7 digits). The
// check letter is "ZABCDEFGHJKLMNPQRTUVWXY"[N % 23], where N is the 9-digit
// number formed by the 2-digit year and the serial zero-padded to 7 digits.
// The check letter is case-insensitive.
bool IsPncId(std::string_view candidate);

}  // namespace postcheck

#endif  // POSTCHECK_VALIDATORS_H_
