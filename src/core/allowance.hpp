#pragma once
// Allowances (chế độ, seed 001 Art. 2 §1b; issue 5 item 5): a province (or any unit, for its
// subtree) pays per team per month, per member per activity day, or both, at rates valid from a
// month on. Pure rules: the rate's checks and the monthly sheet's arithmetic. Money is whole
// Vietnamese đồng in std::int64_t, never floating point.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cnscd::allowance {

// The largest amount a rate may name: far above any published rate, low enough that a month's
// sheet of a large commune cannot overflow.
inline constexpr std::int64_t kMaxAmount = 100'000'000;
inline constexpr std::int64_t kMaxDays = 31;

// A rate as a unit sets it. At least one amount; `max_days` caps the paid days per member per
// month and only goes with `per_member_day`.
struct Rate {
  std::optional<std::int64_t> per_team_month;  // VND per active team per month
  std::optional<std::int64_t> per_member_day;  // VND per member per activity day
  std::optional<std::int64_t> max_days;        // 1..31
  bool operator==(const Rate&) const = default;
};

// Throws 422 naming the field at fault: `no_amount` (field per_team_month), `invalid_amount`
// (0..100,000,000), `invalid_max_days` (1..31), `max_days_without_day_rate`.
void CheckRate(const Rate& rate);

// True for a month written YYYY-MM, years 2000..2100.
bool IsMonth(std::string_view month);

// One member's line before pay: whose days, in which team, how many distinct dates.
struct MemberDays {
  std::int64_t person_id = 0;
  std::int64_t team_id = 0;
  std::int64_t activity_days = 0;
};

struct MemberPay {
  std::int64_t person_id = 0;
  std::int64_t team_id = 0;
  std::int64_t activity_days = 0;
  std::int64_t paid_days = 0;  // min(days, max_days); 0 when the rate pays no day
  std::int64_t amount = 0;     // paid_days × per_member_day
};

struct TeamPay {
  std::int64_t team_id = 0;
  std::int64_t members = 0;         // lines of the sheet under this team
  std::int64_t amount = 0;          // the team's own monthly amount
  std::int64_t members_amount = 0;  // the sum of its members' amounts
};

struct Sheet {
  std::vector<TeamPay> teams;      // in the order given
  std::vector<MemberPay> members;  // in the order given
  std::int64_t total_teams = 0;    // Σ team amounts
  std::int64_t total_members = 0;  // Σ member amounts
  std::int64_t total = 0;          // both
};

// What one member is paid for `activity_days` (no rate: nothing, days still counted).
MemberPay PayMember(const std::optional<Rate>& rate, const MemberDays& days);

// The month's sheet of a commune: every team in `team_ids` (active during the month) is paid
// per_team_month; every member line its days. Without a rate every amount is 0.
Sheet ComputeSheet(const std::optional<Rate>& rate, const std::vector<std::int64_t>& team_ids,
                   const std::vector<MemberDays>& members);

}  // namespace cnscd::allowance
