#pragma once
// Dates as the API writes them: YYYY-MM-DD, and timestamps as ISO 8601 UTC. Pure formatting and
// parsing; reading the clock is the caller's business.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cnscd::dates {

std::string Date(std::chrono::sys_days day);                         // 2025-07-01
std::string Timestamp(std::chrono::system_clock::time_point at);     // 2025-07-01T08:00:00Z
std::optional<std::chrono::sys_days> ParseDate(std::string_view s);  // strict YYYY-MM-DD

}  // namespace cnscd::dates
