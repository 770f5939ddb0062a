// Allowances (chế độ) as a province pays them: per team per month, per member per activity day
// with a cap, or both (seed 001 Art. 2 §1b; docs/allowances.md).
#include "core/allowance.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"

namespace cnscd::allowance {
namespace {

Rate PerDay(std::int64_t amount, std::optional<std::int64_t> max_days = std::nullopt) {
  return Rate{std::nullopt, amount, max_days};
}

// The refusal's field and code, or "accepted".
std::string Refusal(const Rate& rate) {
  try {
    CheckRate(rate);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kRuleBroken);
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.message_en().empty());
    EXPECT_NE(e.message_vi(), e.message_en());
    return e.code() + " " + e.field();
  }
  return "accepted";
}

TEST(AllowanceRate, AProvinceMayPayPerTeamPerDayOrBoth) {
  EXPECT_EQ(Refusal({1'000'000, std::nullopt, std::nullopt}), "accepted");
  EXPECT_EQ(Refusal(PerDay(50'000, 10)), "accepted");
  EXPECT_EQ(Refusal(PerDay(50'000)), "accepted");
  EXPECT_EQ(Refusal({500'000, 50'000, 20}), "accepted");
  EXPECT_EQ(Refusal({0, std::nullopt, std::nullopt}), "accepted");  // a month without pay
  EXPECT_EQ(Refusal({kMaxAmount, kMaxAmount, 31}), "accepted");
}

TEST(AllowanceRate, ARateWithoutAnyAmountIsRefused) {
  EXPECT_EQ(Refusal({}), "no_amount per_team_month");
}

TEST(AllowanceRate, AmountsAreWholeDongFromZeroToAHundredMillion) {
  EXPECT_EQ(Refusal({-1, std::nullopt, std::nullopt}), "invalid_amount per_team_month");
  EXPECT_EQ(Refusal({kMaxAmount + 1, std::nullopt, std::nullopt}), "invalid_amount per_team_month");
  EXPECT_EQ(Refusal(PerDay(-50'000)), "invalid_amount per_member_day");
  EXPECT_EQ(Refusal(PerDay(kMaxAmount + 1)), "invalid_amount per_member_day");
}

TEST(AllowanceRate, TheCapIsOneToThirtyOneDaysAndOnlyWithADayRate) {
  EXPECT_EQ(Refusal(PerDay(50'000, 0)), "invalid_max_days max_days");
  EXPECT_EQ(Refusal(PerDay(50'000, 32)), "invalid_max_days max_days");
  EXPECT_EQ(Refusal({1'000'000, std::nullopt, 10}), "max_days_without_day_rate max_days");
}

TEST(AllowanceMonth, IsWrittenYearDashMonth) {
  EXPECT_TRUE(IsMonth("2025-03"));
  EXPECT_TRUE(IsMonth("2100-12"));
  EXPECT_FALSE(IsMonth("2025-3"));
  EXPECT_FALSE(IsMonth("2025-13"));
  EXPECT_FALSE(IsMonth("2025-00"));
  EXPECT_FALSE(IsMonth("1999-12"));
  EXPECT_FALSE(IsMonth("2025-03-01"));
  EXPECT_FALSE(IsMonth("abcd-ef"));
  EXPECT_FALSE(IsMonth(""));
}

TEST(AllowancePay, AMemberActiveOn12DaysAt50000PerDayWithACapOf10IsPaid500000) {
  const MemberPay pay = PayMember(PerDay(50'000, 10), {7, 3, 12});
  EXPECT_EQ(pay.activity_days, 12);
  EXPECT_EQ(pay.paid_days, 10);
  EXPECT_EQ(pay.amount, 500'000);
}

TEST(AllowancePay, AMemberUnderTheCapIsPaidEveryDay) {
  const MemberPay pay = PayMember(PerDay(50'000, 10), {7, 3, 4});
  EXPECT_EQ(pay.paid_days, 4);
  EXPECT_EQ(pay.amount, 200'000);
}

TEST(AllowancePay, WithoutACapEveryActivityDayIsPaid) {
  EXPECT_EQ(PayMember(PerDay(40'000), {7, 3, 23}).amount, 920'000);
}

TEST(AllowancePay, ARatePerTeamOnlyPaysNoDaysButStillCountsThem) {
  const MemberPay pay = PayMember(Rate{1'000'000, std::nullopt, std::nullopt}, {7, 3, 5});
  EXPECT_EQ(pay.activity_days, 5);
  EXPECT_EQ(pay.paid_days, 0);
  EXPECT_EQ(pay.amount, 0);
}

TEST(AllowancePay, WithoutARateNothingIsPaidAndTheDaysAreShown) {
  const MemberPay pay = PayMember(std::nullopt, {7, 3, 9});
  EXPECT_EQ(pay.activity_days, 9);
  EXPECT_EQ(pay.paid_days, 0);
  EXPECT_EQ(pay.amount, 0);
}

TEST(AllowanceSheet, TwoTeamsAtAMillionAMonthAndThreeMembersByTheDay) {
  // Team 1: a leader active 12 days (capped at 10) and a member active 3 days; team 2: a member
  // with no activity. 1,000,000 đ per team per month, 50,000 đ per day, at most 10 days.
  const Sheet sheet =
      ComputeSheet(Rate{1'000'000, 50'000, 10}, {1, 2}, {{10, 1, 12}, {11, 1, 3}, {12, 2, 0}});
  ASSERT_EQ(sheet.teams.size(), 2u);
  EXPECT_EQ(sheet.teams[0].team_id, 1);
  EXPECT_EQ(sheet.teams[0].members, 2);
  EXPECT_EQ(sheet.teams[0].amount, 1'000'000);
  EXPECT_EQ(sheet.teams[0].members_amount, 650'000);
  EXPECT_EQ(sheet.teams[1].members, 1);
  EXPECT_EQ(sheet.teams[1].members_amount, 0);
  ASSERT_EQ(sheet.members.size(), 3u);
  EXPECT_EQ(sheet.members[0].amount, 500'000);
  EXPECT_EQ(sheet.members[1].amount, 150'000);
  EXPECT_EQ(sheet.members[2].amount, 0);
  EXPECT_EQ(sheet.total_teams, 2'000'000);
  EXPECT_EQ(sheet.total_members, 650'000);
  EXPECT_EQ(sheet.total, 2'650'000);
}

TEST(AllowanceSheet, WithoutARateEveryAmountIsZero) {
  const Sheet sheet = ComputeSheet(std::nullopt, {1}, {{10, 1, 12}});
  EXPECT_EQ(sheet.teams[0].amount, 0);
  EXPECT_EQ(sheet.members[0].activity_days, 12);
  EXPECT_EQ(sheet.total, 0);
}

TEST(AllowanceSheet, ALargeCommuneAtTheHighestRatesDoesNotOverflow) {
  std::vector<std::int64_t> teams;
  std::vector<MemberDays> members;
  for (std::int64_t t = 1; t <= 100; ++t) {
    teams.push_back(t);
    for (std::int64_t m = 0; m < 30; ++m) members.push_back({(t * 100) + m, t, 31});
  }
  const Sheet sheet = ComputeSheet(Rate{kMaxAmount, kMaxAmount, 31}, teams, members);
  EXPECT_EQ(sheet.total, (100 * kMaxAmount) + (std::int64_t{3000} * 31 * kMaxAmount));
}

}  // namespace
}  // namespace cnscd::allowance
