// Unit tests for the validators and their registry (validators.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "doctest/doctest.h"

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "matching/validators.h"
#include "matching/validators_internal.h"

namespace postcheck {
namespace {

void ExpectAll(Validator validator, std::initializer_list<std::string_view> cases,
               bool expected) {
  for (std::string_view candidate : cases) {
    INFO("candidate: \"", std::string(candidate), "\"");
    CHECK(validator(candidate) == expected);
  }
}

void Accepts(Validator v, std::initializer_list<std::string_view> cases) {
  ExpectAll(v, cases, true);
}
void Rejects(Validator v, std::initializer_list<std::string_view> cases) {
  ExpectAll(v, cases, false);
}

// Function pointers are compared inside double parentheses: doctest cannot
// print them when an assertion fails.
TEST_CASE("registry") {
  CHECK((FindValidator("nope") == nullptr));
  CHECK((FindValidator("") == nullptr));
  CHECK((FindValidator("LUHN") == nullptr));
  CHECK((FindValidator("luhn") == &IsLuhnValid));
  CHECK((FindValidator("nhs_number") == &IsNhsNumber));
  CHECK((FindValidator("nhs_number_issued") == &IsNhsNumberInIssuedRange));
  CHECK((FindValidator("ni_number") == &IsNiNumber));
  CHECK((FindValidator("iban_gb") == &IsGbIban));
  CHECK((FindValidator("uk_postcode") == &IsUkPostcode));
  CHECK((FindValidator("vehicle_reg") == &IsCurrentVehicleReg));
  CHECK((FindValidator("vehicle_reg_any") == &IsAnyVehicleReg));
  CHECK((FindValidator("driving_licence") == &IsUkDrivingLicence));
  CHECK((FindValidator("passport") == &IsUkPassportNumber));
  CHECK((FindValidator("uk_phone") == &IsUkPhoneNumber));
  CHECK((FindValidator("date") == &IsPlausibleDate));
  CHECK((FindValidator("sort_code") == &IsSortCode));
  CHECK((FindValidator("pnc_id") == &IsPncId));

  const std::vector<std::string>& names = ValidatorNames();
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  const std::vector<std::string> expected = {
      "date",       "driving_licence", "iban_gb",   "luhn",
      "nhs_number", "nhs_number_issued", "ni_number", "passport",
      "pnc_id",     "sort_code",       "uk_phone",  "uk_postcode",
      "vehicle_reg", "vehicle_reg_any"};
  CHECK(names == expected);
  for (const std::string& name : names) {
    INFO(name);
    CHECK((FindValidator(name) != nullptr));
  }
}

TEST_CASE("every validator survives hostile input") {
  const std::string with_nul("4111\0" "1111", 9);
  const std::vector<std::string_view> hostile = {
      "", " ", "\t\n", "-", "/", "+", "()", "\xC2", "\xE2\x80", "\xFF\xFE",
      with_nul, std::string_view("\xC2\xA0\xC2\xA0"),
      "99999999999999999999999999999999999999999999999999999999999999999999999"
      "9999999999999999999999999999999999",
      "GB82 WEST 1234 5698 7654 32 GB82 WEST 1234 5698 7654 32 GB82 WEST 1234"};
  for (const std::string& name : ValidatorNames()) {
    Validator v = FindValidator(name);
    for (std::string_view candidate : hostile) {
      INFO(name, ": \"", std::string(candidate), "\"");
      CHECK_FALSE(v(candidate));
    }
  }
}

TEST_CASE("luhn") {
  Accepts(&IsLuhnValid,
          {"4111 1111 1111 1111", "4111111111111111", "4111-1111-1111-1111",
           "5555 5555 5555 4444", "3782 822463 10005", "4012888888881881",
           "6011 1111 1111 1117", "4222222222222", " 4111 1111 1111 1111 ",
           "4111\xC2\xA0" "1111\xC2\xA0" "1111\xC2\xA0" "1111"});
  Rejects(&IsLuhnValid,
          {"4111 1111 1111 1112", "0000 0000 0000 0000", "79927398713",
           "4111 1111 1111", "4111  1111 1111 1111", "4111 1111 1111 1111-",
           "-4111 1111 1111 1111", "4111.1111.1111.1111", "4111 1111 1111 111a",
           "41111111111111111111111",
           "0044 7911 123456"});  // no card number starts with 0: a phone number
}

TEST_CASE("nhs_number") {
  Accepts(&IsNhsNumber,
          {"943 476 5919", "9434765919", "943-476-5919", "401 023 2137",
           "4505577104", "600-000-0006"});
  Rejects(&IsNhsNumber,
          {"943 476 5918", "943 476-5919", "9434 765 919", "943  476 5919",
           "9999999999", "999 999 9999", "1234567890", "943 476 591",
           "943.476.5919", "94347659190", "943 476 591X"});
}

TEST_CASE("nhs_number_issued") {
  Accepts(&IsNhsNumberInIssuedRange,
          {"401 023 2137", "4505577104", "600 000 0006", "712 345 6785",
           "320 123 4567", "3500000010",
           "010 190 1232",   // CHI: 1 January 1990
           "311 299 1230",   // CHI: 31 December 1999
           "290 200 1231"}); // CHI: 29 February 2000
  Rejects(&IsNhsNumberInIssuedRange,
          {"943 476 5919",    // valid check digit, test range 999
           "500 000 0005",    // valid check digit, not issued
           "300 299 1236",    // CHI-looking but 30 February
           "290 201 1237",    // CHI-looking but 29 February 2001
           "401 023 2138",    // issued range, wrong check digit
           "4444444444"});
}

TEST_CASE("ni_number") {
  Accepts(&IsNiNumber,
          {"AB 12 34 56 C", "AB123456C", "AB 123456 C", "JG 10 37 59 A",
           "ce123456d", "PZ 87 65 43 B"});
  Rejects(&IsNiNumber,
          {"QQ 12 34 56 C", "QQ123456C", "AB 12 34 56 E", "AB 12 34 56",
           "DA 12 34 56 A", "AO 12 34 56 A", "GB 12 34 56 A", "TN 12 34 56 A",
           "ZZ 12 34 56 A", "AB 1 23456 C", "AB  12 34 56 C", "AB-12-34-56-C",
           "AB 12 34 5 C", "A1 12 34 56 C"});
}

TEST_CASE("iban_gb") {
  Accepts(&IsGbIban,
          {"GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432",
           "GB29 NWBK 6016 1331 9268 19", "GB33BUKB20201555555555",
           "gb60 barc 2000 0055 7799 11"});
  Rejects(&IsGbIban,
          {"GB83 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 3",
           "DE89 3704 0044 0532 0130 00", "GB82 WES1 1234 5698 7654 32",
           "GB82-WEST-1234-5698-7654-32", "GB82 WEST 1234 5698 7654 32 1"});
}

TEST_CASE("uk_postcode") {
  Accepts(&IsUkPostcode,
          {"M14 5RT", "m14 5rt", "M145RT", "SW1A 2AA", "EC1A 1BB", "W1A 0AX",
           "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA", "LS1 1UR", "N1C 4AG",
           // As people write them: two spaces, a hyphen, a space in the inward code.
           "M14  5RT", "M14-5RT", "M14 5 RT", "m14 5 rt", "GIR0AA",
           // Crown dependencies and the areas at the ends of the list.
           "GY1 1AA", "JE2 3AB", "IM1 1AD", "ZE1 0AA", "AB10 1XG", "wa5 0zd"});
  Rejects(&IsUkPostcode,
          {"SE9", "SE9 ", "M14", "QA1 1AA", "AJ1 1AA", "W1L 1AA", "EC1C 1AA",
           "M14 5RC", "M14 5IT", "M14 55T", "A1 1st", "B2 4th", "A1 2nd", "12 345",
           "M14   5RT", "M14 - 5RT", "M14--5RT", "M14 5R T", "M 14 5RT", "M14 5-RT", "M14 5 R T",
           // Shaped like a postcode, but no postcode area starts so: a
           // registration ("WM53 0ZD"), a code.
           "WM53 0ZD", "AA1 1AA", "K1 1AA", "ZZ9 9ZZ"});
}

TEST_CASE("vehicle_reg") {
  Accepts(&IsCurrentVehicleReg,
          {"BD62 XYZ", "BD62XYZ", "bd62 xyz", "LA51 ABC", "YK02 ZZZ",
           "AB29 CDE", "WX79 FGH"});
  Rejects(&IsCurrentVehicleReg,
          {"A38 HGV", "BD30 XYZ", "BD50 XYZ", "BD80 XYZ", "BD01 XYZ",
           "IA62 XYZ", "QA62 XYZ", "AZ62 XYZ", "BD62 XIZ", "BD62 XYQ",
           "BD62  XYZ", "BD6 2XYZ", "BD62-XYZ", "ABC 123D"});
}

TEST_CASE("vehicle_reg_any") {
  Accepts(&IsAnyVehicleReg,
          {"BD62 XYZ", "A38 HGV", "A123 BCD", "P7 ABC", "ABC 123D", "ABC123D",
           "GBP 100M", "XYZ 9A"});
  Rejects(&IsAnyVehicleReg,
          {"M25", "I123 ABC", "A012 BCD", "A1234 BCD", "A123 BIQ", "ABC 123",
           "ABC 123I", "AB 123D", "ABC 0D", "A38  HGV"});
}

TEST_CASE("driving_licence") {
  Accepts(&IsUkDrivingLicence,
          {"MORGA657054SM9IJ", "morga657054sm9ij", "JONES710238HJ9AB",
           "LEE99802125JA9AB", "SMITH503121A9912", "MORGA 657054 SM9IJ"});
  Rejects(&IsUkDrivingLicence,
          {"MORGA613054SM9IJ",   // month 13
           "MORGA657324SM9IJ",   // day 32
           "MORGA665054SM9IJ",   // month 65
           "MO9RG657054SM9IJ",   // letter after padding
           "99999657054SM9IJ",   // no surname letter
           "MORGA6570549M9IJ",   // initials start with padding
           "MORGA657054SM9I",    // 15 characters
           "MORGA657054SMXIJ",   // check digit not a digit
           "MORGA657054SM9I-", "MORGA657004SM9IJ"});
}

TEST_CASE("passport") {
  Accepts(&IsUkPassportNumber,
          {"123456789", "925076473", "123 456 789", " 533401372 "});
  Rejects(&IsUkPassportNumber,
          {"12345678", "1234567890", "12345678A", "123-456-789", "123  456 789",
           "GBR123456"});
}

TEST_CASE("uk_phone") {
  Accepts(&IsUkPhoneNumber,
          {"07911 123456", "07911123456", "020 7946 0123", "+44 7911 123456",
           "+447911123456", "0044 7911 123456", "(020) 7946 0123",
           "0121 234 5678", "070 1234 5678" /* personal */,
           "056 1234 5678" /* VoIP */, "+44 (0)20 7946 0123",
           "01481 712345" /* Guernsey */, "07623 456789" /* pager */,
           // As people write them: brackets round the +44, no +, dots, slashes.
           "(+44) 7911 123456", "(+44)7911123456", "447911123456", "44 7911 123456",
           "07911.123.456", "07911/123/456", "0044 7922 987654",
           // Ofcom's drama ranges, which libphonenumber calls invalid.
           "07700 900123", "07700 900 461", "+44 7700 900999", "01632 960123",
           // Ranges libphonenumber 8.12 calls unallocated: still somebody's number.
           "07911 432876", "07700 901123", "01632 961123", "+44 7911 432876", "0113 000 0000"});
  Rejects(&IsUkPhoneNumber,
          {"07611 432876",    // 076 pagers: unallocated ranges left out
           "0611 432876",     // no such range
           "07911 4328761",   // too long for a mobile
           "0800 555 111",    // Crimestoppers
           "+44 800 555 111", "101", "999", "111", "112", "159", "105",
           "116 123", "116123",
           "0800 1111",       // freephone
           "0300 123 1212",   // UAN
           "0845 4647 000",   // 084: premium rate in libphonenumber 8.12
           "0871 234 5678",   // premium rate
           "0909 8790000",    // premium rate
           "+1 650 253 0000", // valid, but not UK
           "07911 12345",     // too short
           "07911 123456 ext 12", "07911-123-456a", "7911+123456", "",
           "4479111234567",   // 13 digits after no +: not a +44 number
           "(+1) 650 253 0000", "7(+44)911123456"});
}

// IsUkPhoneNumber reads the common forms of a number itself rather than
// through libphonenumber's Parse: its verdicts must be Parse's on every form
// a candidate can take, valid or not (prefixes, trunk zeros, lengths,
// separators, number ranges).
TEST_CASE("uk_phone reads numbers as libphonenumber's Parse does") {
  static constexpr std::string_view kPrefixes[] = {
      "0", "(0", "+44", "+44 ", "+44 (0)", "+44(0) ", "+44 0", "0044 ", "0044", "00 44 ",
      "00", "000", "+", "+1 ", "+0044 ", "044", "44 ", "", "(", "+44 00", "0044 0"};
  static constexpr std::string_view kSeparators[] = {"", "", "", " ", " ", "-", ".", ") ", "  "};
  std::mt19937 random(20261125);
  auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  int accepted = 0, compared = 0;
  for (int i = 0; i < 30000; ++i) {
    std::string candidate(kPrefixes[pick(std::size(kPrefixes))]);
    // A national number: mostly of 9 or 10 digits in UK ranges (1, 2, 3, 5,
    // 7, 8 and 9 first), sometimes of 4 to 12 digits, sometimes anything.
    size_t digits = pick(3) == 0 ? 4 + pick(9) : 9 + pick(2);
    static constexpr char kFirst[] = "12357789";
    for (size_t k = 0; k < digits; ++k) {
      if (k > 1 && pick(4) == 0) candidate += kSeparators[pick(std::size(kSeparators))];
      candidate += k == 0 && pick(8) != 0 ? kFirst[pick(8)] : static_cast<char>('0' + pick(10));
    }
    bool reference = validators_internal::IsUkPhoneNumberByParsing(candidate);
    INFO("candidate: \"", candidate, "\"");
    CHECK(IsUkPhoneNumber(candidate) == reference);
    accepted += reference;
    ++compared;
  }
  // Not a comparison of rejections only: some 2,500 of the candidates are
  // valid numbers.
  CHECK(accepted > compared / 20);
}

TEST_CASE("date") {
  Accepts(&IsPlausibleDate,
          {"12/04/1996", "1/4/96", "3.01.79", "31-12-2099", "29/02/2000",
           "29/02/96", "01.01.1900", "30/4/21"});
  Rejects(&IsPlausibleDate,
          {"31/02/1996", "29/02/1995", "29/02/1900", "31/04/2021", "0/1/96",
           "12/13/1996", "12/04/1899", "12/04/2100", "12/04-1996", "12/04/996",
           "123/04/1996", "12//1996", "12/04/19 96", "12 04 1996", "2417",
           "12/03"});
}

TEST_CASE("sort_code") {
  Accepts(&IsSortCode, {"20-00-00", "40 47 84", "309634", " 12-34-56 "});
  Rejects(&IsSortCode,
          {"20-00 00", "20-00-0", "2000000", "20.00.00", "2O-00-00",
           "20--00-00", "200-00-00"});
}

TEST_CASE("pnc_id") {
  Accepts(&IsPncId,
          {"79/123456T", "08/56560Z", "12/1234567C", "99/1G", "2008/0056560Z",
           "1995/0012345N", "79/123456t"});
  Rejects(&IsPncId,
          {"79/123456U", "79123456T", "79/12345678T", "2008/56560Z",
           "1808/0056560Z", "7/123456T", "79/T", "79/123456", "79/1234 56T",
           "ab/123456T"});
}

TEST_CASE("validators are thread-safe") {
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 200; ++i) {
        if (!IsUkPhoneNumber("07911 123456")) ++failures[t];
        if (IsUkPhoneNumber("0800 555 111")) ++failures[t];
        if (!IsNhsNumber("943 476 5919")) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int f : failures) CHECK(f == 0);
}

}  // namespace
}  // namespace postcheck
