#include "core/synthetic.hpp"

#include <gtest/gtest.h>

#include "core/service.hpp"

namespace cnscd::synthetic {
namespace {

TEST(Synthetic, VillagesAreNamedByRegionAndKindOfCommune) {
  EXPECT_EQ(VillageSubkind(RegionOfProvinceCode("01"), "xã"), "thôn");  // Hà Nội
  EXPECT_EQ(VillageSubkind(RegionOfProvinceCode("01"), "phường"), "tổ dân phố");
  EXPECT_EQ(VillageSubkind(RegionOfProvinceCode("14"), "xã"), "bản");   // Sơn La
  EXPECT_EQ(VillageSubkind(RegionOfProvinceCode("46"), "xã"), "thôn");  // Huế
  EXPECT_EQ(VillageSubkind(RegionOfProvinceCode("94"), "xã"), "ấp");    // Sóc Trăng
  EXPECT_EQ(VillageSubkind(RegionOfProvinceCode("79"), "phường"), "khu phố");
  EXPECT_EQ(VillageName("thôn", 1), "Thôn 1");
  EXPECT_EQ(VillageName("ấp", 12), "Ấp 12");
  EXPECT_EQ(VillageName("tổ dân phố", 3), "Tổ dân phố 3");
  EXPECT_EQ(HeadOfVillage("ấp"), "Trưởng ấp");
  EXPECT_EQ(HeadOfVillage("tổ dân phố"), "Tổ trưởng tổ dân phố");
}

TEST(Synthetic, TwoLevelCommunesHoldAbout22VillagesAsTheProgrammesTeamsSay) {
  const Range r = VillagesPerCommune(true);
  EXPECT_EQ(r.min, 18);
  EXPECT_EQ(r.max, 27);
  // 3,321 communes × the mean ≈ 74,000 villages, one team each.
  EXPECT_NEAR(3321 * (r.min + r.max) / 2.0, 74000, 1500);
  EXPECT_LT(VillagesPerCommune(false).max, 18);  // the small communes before the merger
}

TEST(Synthetic, TeamsHoldFourToEightMembersAboutFourPointSevenOnAverage) {
  int sum = 0;
  for (std::uint64_t p = 0; p < 100; ++p) {
    const int n = MembersPerTeam(p);
    EXPECT_GE(n, 4);
    EXPECT_LE(n, 8);
    sum += n;
  }
  EXPECT_EQ(MembersPerTeam(0), 4);
  EXPECT_EQ(MembersPerTeam(99), 8);
  // ~74,000 teams × 4.7 ≈ 350,000 members (the programme counts about 340,000).
  EXPECT_EQ(sum, 470);
}

TEST(Synthetic, CohortsCoverEveryDenominatorAndShrinkWithAge) {
  const auto c = CohortsFromHouseholds(6000);
  for (const std::string& cohort : Cohorts()) EXPECT_TRUE(c.count(cohort)) << cohort;
  EXPECT_GE(c.at("age14plus"), c.at("age15plus"));
  EXPECT_GE(c.at("age15plus"), c.at("age18plus"));
  EXPECT_GT(c.at("age18plus"), c.at("working_age"));
  EXPECT_EQ(c.at("households"), 6000);
  EXPECT_GT(c.at("business_households"), c.at("businesses"));
}

TEST(Synthetic, NamesSkipAnEmptyMiddle) {
  EXPECT_EQ(FullName("Nguyễn", "Thị", "Hoa"), "Nguyễn Thị Hoa");
  EXPECT_EQ(FullName("Lê", "", "Huy"), "Lê Huy");
}

TEST(Synthetic, WeightedPicksFollowTheRunningTotals) {
  const std::vector<std::uint64_t> cumulative{5, 5, 8};  // weights 5, 0, 3
  EXPECT_EQ(PickCumulative(cumulative, 0), 0U);
  EXPECT_EQ(PickCumulative(cumulative, 4), 0U);
  EXPECT_EQ(PickCumulative(cumulative, 5), 2U);  // a zero weight is never drawn
  EXPECT_EQ(PickCumulative(cumulative, 7), 2U);
  EXPECT_EQ(PickCumulative(cumulative, 99), 2U);
}

TEST(Synthetic, SharesAddUp) {
  EXPECT_EQ(Share(10, 3), (std::vector<int>{4, 3, 3}));
  EXPECT_EQ(Share(3321, 34).size(), 34U);
  int sum = 0;
  for (const int n : Share(3321, 34)) sum += n;
  EXPECT_EQ(sum, 3321);
}

}  // namespace
}  // namespace cnscd::synthetic
