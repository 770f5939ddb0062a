// Use-case tests on a real store (app_fixture.hpp).
#include "app/teams.hpp"

#include <gtest/gtest.h>

#include "app/units.hpp"
#include "app_fixture.hpp"
#include "core/error.hpp"

namespace cnscd::app {
namespace {

class TeamsTest : public cnscd_test::AppTest {
 protected:
  void Populate() override {
    province_ = MakeProvince("Tỉnh Quảng Trị", "45");
    commune_ = MakeCommune("Xã Cam Tuyền", province_, "19600");
    PutPolicy(*ctx_, caller_, province_,
              {LevelPolicy{.min = 5, .max = 8, .require_leader = true, .require_deputy = true},
               LevelPolicy{.min = 5, .max = 5, .require_leader = true, .require_deputy = true}});
  }
  PersonInput Person(int n) {
    return {"Người Thứ " + std::to_string(n), "09123456" + std::to_string(10 + n), {}, {}, {}, {}};
  }
  store::Id province_ = 0;
  store::Id commune_ = 0;
};

TEST_F(TeamsTest, AQuangTriCommuneTeamWithSixMembersIsFlagged) {
  const auto team = CreateTeam(*ctx_, caller_, {commune_, "commune", {}});
  EXPECT_EQ(team.name, "Tổ công nghệ số cộng đồng Xã Cam Tuyền");
  AddMember(*ctx_, caller_, team.id, Person(1), "leader");
  AddMember(*ctx_, caller_, team.id, Person(2), "deputy");
  for (int i = 3; i <= 6; ++i) AddMember(*ctx_, caller_, team.id, Person(i), "member");
  const auto detail = GetTeam(*ctx_, caller_, team.id);
  ASSERT_EQ(detail.violations.size(), 1u);
  EXPECT_EQ(detail.violations[0].code, "too_many_members");
  EXPECT_EQ(GetCoverage(*ctx_, caller_, province_).teams_with_violations, 1);
}

TEST_F(TeamsTest, ARefusedMemberLeavesNothingBehind) {
  const auto team = CreateTeam(*ctx_, caller_, {commune_, "commune", {}});
  PersonInput bad = Person(1);
  bad.phone = std::string(40, '9');
  EXPECT_THROW(AddMember(*ctx_, caller_, team.id, bad, "leader"), Error);
  PersonInput taken = Person(2);
  AddMember(*ctx_, caller_, team.id, taken, "leader");
  taken.full_name = "Một Người Khác";
  try {
    AddMember(*ctx_, caller_, team.id, taken, "member");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "phone_in_use");
  }
  EXPECT_EQ(GetTeam(*ctx_, caller_, team.id).members.size(), 1u);
}

TEST_F(TeamsTest, AnEndedMembershipLeavesTheListButNotHistory) {
  const auto team = CreateTeam(*ctx_, caller_, {commune_, "commune", {}});
  const auto m = AddMember(*ctx_, caller_, team.id, Person(1), "leader");
  const auto ended = EndMembership(*ctx_, caller_, team.id, m.id);
  EXPECT_EQ(ended.until, ctx_->Today());
  EXPECT_TRUE(GetTeam(*ctx_, caller_, team.id).members.empty());
  EXPECT_THROW(EndMembership(*ctx_, caller_, team.id, m.id), Error);
}

TEST_F(TeamsTest, CoverageCountsVillagesWithATeam) {
  for (const char* name : {"Thôn An Bình", "Thôn Tân Hòa", "Thôn Bích Giang"}) {
    const auto v = CreateUnit(*ctx_, caller_, {name, "village", "thôn", commune_, {}}).id;
    if (std::string(name) != "Thôn Bích Giang") CreateTeam(*ctx_, caller_, {v, "village", {}});
  }
  const auto c = GetCoverage(*ctx_, caller_, commune_);
  EXPECT_EQ(c.counts.villages, 3);
  EXPECT_EQ(c.counts.villages_with_team, 2);
  EXPECT_DOUBLE_EQ(c.percent, 66.7);
  EXPECT_EQ(c.teams_with_violations, 2);  // empty teams have no leader
}

}  // namespace
}  // namespace cnscd::app
