#include "core/allowance.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "core/error.hpp"

namespace cnscd::allowance {
namespace {

void CheckAmount(const std::optional<std::int64_t>& amount, const char* field) {
  if (amount && (*amount < 0 || *amount > kMaxAmount)) {
    throw RuleBroken(
        "invalid_amount",
        std::string("Mức chi ") + field + " phải là số đồng nguyên từ 0 đến 100.000.000.",
        std::string("The amount ") + field + " must be whole đồng from 0 to 100,000,000.", field);
  }
}

bool Digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void CheckRate(const Rate& rate) {
  if (!rate.per_team_month && !rate.per_member_day) {
    throw RuleBroken("no_amount",
                     "Cần ít nhất một mức chi: theo tổ mỗi tháng (per_team_month) hoặc theo "
                     "thành viên mỗi ngày hoạt động (per_member_day).",
                     "At least one amount is required: per team per month (per_team_month) or "
                     "per member per activity day (per_member_day).",
                     "per_team_month");
  }
  CheckAmount(rate.per_team_month, "per_team_month");
  CheckAmount(rate.per_member_day, "per_member_day");
  if (rate.max_days) {
    if (*rate.max_days < 1 || *rate.max_days > kMaxDays) {
      throw RuleBroken("invalid_max_days", "Số ngày được chi tối đa phải từ 1 đến 31.",
                       "The maximum of paid days must be 1 to 31.", "max_days");
    }
    if (!rate.per_member_day) {
      throw RuleBroken("max_days_without_day_rate",
                       "Số ngày tối đa chỉ áp dụng khi có mức chi theo ngày (per_member_day).",
                       "max_days applies only with a rate per day (per_member_day).", "max_days");
    }
  }
}

bool IsMonth(std::string_view month) {
  if (month.size() != 7 || month[4] != '-' || !Digits(month.substr(0, 4)) ||
      !Digits(month.substr(5, 2))) {
    return false;
  }
  const int year = std::stoi(std::string(month.substr(0, 4)));
  const int m = std::stoi(std::string(month.substr(5, 2)));
  return year >= 2000 && year <= 2100 && m >= 1 && m <= 12;
}

MemberPay PayMember(const std::optional<Rate>& rate, const MemberDays& days) {
  MemberPay pay{days.person_id, days.team_id, days.activity_days, 0, 0};
  if (!rate || !rate->per_member_day) return pay;
  pay.paid_days =
      rate->max_days ? std::min(days.activity_days, *rate->max_days) : days.activity_days;
  pay.amount = pay.paid_days * *rate->per_member_day;
  return pay;
}

Sheet ComputeSheet(const std::optional<Rate>& rate, const std::vector<std::int64_t>& team_ids,
                   const std::vector<MemberDays>& members) {
  Sheet sheet;
  std::map<std::int64_t, std::size_t> team_index;
  for (const std::int64_t id : team_ids) {
    if (team_index.count(id) != 0) continue;  // a team is paid once
    team_index[id] = sheet.teams.size();
    sheet.teams.push_back({id, 0, rate ? rate->per_team_month.value_or(0) : 0, 0});
    sheet.total_teams += sheet.teams.back().amount;
  }
  for (const MemberDays& m : members) {
    const MemberPay pay = PayMember(rate, m);
    sheet.total_members += pay.amount;
    if (auto it = team_index.find(m.team_id); it != team_index.end()) {
      TeamPay& team = sheet.teams[it->second];
      ++team.members;
      team.members_amount += pay.amount;
    }
    sheet.members.push_back(pay);
  }
  sheet.total = sheet.total_teams + sheet.total_members;
  return sheet;
}

}  // namespace cnscd::allowance
