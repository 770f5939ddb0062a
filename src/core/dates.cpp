#include "core/dates.hpp"

#include <charconv>
#include <cstdio>

namespace cnscd::dates {

std::string Date(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string Timestamp(std::chrono::system_clock::time_point at) {
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(at - day)};
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return Date(day) + buf;
}

std::optional<std::chrono::sys_days> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  auto num = [&](std::size_t at, std::size_t len, auto& out) {
    const auto* first = s.data() + at;
    auto [ptr, ec] = std::from_chars(first, first + len, out);
    return ec == std::errc() && ptr == first + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

namespace {

constexpr std::chrono::hours kVietnamOffset{7};

// "YYYY-MM-DDTHH:MM:SSZ" (Timestamp's form): the instant, or nullopt.
std::optional<std::chrono::sys_seconds> ParseTimestamp(std::string_view s) {
  if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') {
    return std::nullopt;
  }
  const auto day = ParseDate(s.substr(0, 10));
  if (!day) return std::nullopt;
  int parts[3] = {0, 0, 0};
  for (std::size_t i = 0; i < 3; ++i) {
    const char* first = s.data() + 11 + 3 * i;
    auto [ptr, ec] = std::from_chars(first, first + 2, parts[i]);
    if (ec != std::errc() || ptr != first + 2) return std::nullopt;
  }
  if (parts[0] > 23 || parts[1] > 59 || parts[2] > 60) return std::nullopt;
  return std::chrono::sys_seconds{*day} + std::chrono::hours{parts[0]} +
         std::chrono::minutes{parts[1]} + std::chrono::seconds{parts[2]};
}

std::string DayMonthYear(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
  return buf;
}

}  // namespace

std::string EndOfVietnamDay(std::string_view date) {
  const auto day = ParseDate(date);
  if (!day) return std::string(date);
  return Timestamp(std::chrono::sys_days{*day + std::chrono::days{1}} - kVietnamOffset);
}

std::string Vietnamese(std::string_view date_or_timestamp) {
  if (const auto day = ParseDate(date_or_timestamp)) return DayMonthYear(*day);
  const auto at = ParseTimestamp(date_or_timestamp);
  if (!at) return std::string(date_or_timestamp);
  const std::chrono::sys_seconds local = *at + kVietnamOffset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss hms{local - day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d ngày ", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()));
  return buf + DayMonthYear(day);
}

}  // namespace cnscd::dates
