#pragma once
// Vietnamese mobile numbers (số điện thoại di động).
#include <optional>
#include <string>
#include <string_view>

namespace cnscd::phone {

// The number as stored: ten digits starting with 0 ("+84 912 345 678" -> "0912345678").
// Accepts spaces, dots, dashes and brackets, the +84 / 84 / 0084 prefixes, and the eleven-digit
// numbers renumbered in 2018 (0162… -> 032…). nullopt when it is not a Vietnamese mobile number.
std::optional<std::string> NormalizeMobile(std::string_view raw);

}  // namespace cnscd::phone
