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

// The UTC instant a Vietnam day (UTC+7, no DST) ends, as Timestamp writes it: "2025-11-30" ->
// "2025-11-30T17:00:00Z". What was stamped before it happened on that day or earlier there.
// The text unchanged when it is not a date.
std::string EndOfVietnamDay(std::string_view date);

// A date or a timestamp as a Vietnamese message writes it: a date YYYY-MM-DD as "30/06/2025"; a
// UTC timestamp YYYY-MM-DDTHH:MM:SSZ in Vietnam time as "14:05 ngày 07/12/2026" (so a message
// says "lúc 14:05 ngày 07/12/2026"). Any other text unchanged. English messages keep ISO dates.
std::string Vietnamese(std::string_view date_or_timestamp);

}  // namespace cnscd::dates
