#include "core/phone.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace cnscd::phone {
namespace {

// Ministry of Information and Communications, 2018: eleven-digit mobile prefixes became ten-digit.
constexpr std::array<std::pair<std::string_view, std::string_view>, 21> kRenumbered2018{{
    {"0120", "070"}, {"0121", "079"}, {"0122", "077"}, {"0126", "076"}, {"0128", "078"},
    {"0123", "083"}, {"0124", "084"}, {"0125", "085"}, {"0127", "081"}, {"0129", "082"},
    {"0162", "032"}, {"0163", "033"}, {"0164", "034"}, {"0165", "035"}, {"0166", "036"},
    {"0167", "037"}, {"0168", "038"}, {"0169", "039"}, {"0186", "056"}, {"0188", "058"},
    {"0199", "059"},
}};

// Ten-digit mobile numbers start 03, 05, 07, 08 or 09.
bool IsMobilePrefix(char second_digit) {
  return second_digit == '3' || second_digit == '5' || second_digit == '7' || second_digit == '8' ||
         second_digit == '9';
}

}  // namespace

std::optional<std::string> NormalizeMobile(std::string_view raw) {
  std::string digits;
  bool plus = false;
  for (const char c : raw) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')') {
      continue;
    } else {
      return std::nullopt;
    }
    if (digits.size() > 15) return std::nullopt;
  }
  if (digits.starts_with("0084")) {
    digits = "0" + digits.substr(4);
  } else if (digits.starts_with("84") && (plus || digits.size() >= 11)) {
    digits = "0" + digits.substr(2);
  } else if (plus) {
    return std::nullopt;  // another country's number
  }
  if (digits.size() == 11) {
    for (const auto& [old_prefix, new_prefix] : kRenumbered2018) {
      if (digits.starts_with(old_prefix)) {
        digits = std::string(new_prefix) + digits.substr(4);
        break;
      }
    }
  }
  if (digits.size() != 10 || digits[0] != '0' || !IsMobilePrefix(digits[1])) return std::nullopt;
  return digits;
}

}  // namespace cnscd::phone
