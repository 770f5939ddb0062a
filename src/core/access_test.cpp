#include "core/access.hpp"

#include <gtest/gtest.h>

namespace cnscd {
namespace {

// A province /1/, its commune /1/2/ with a village /1/2/3/ and team 7, and another commune /1/4/.
const Target kProvince{"/1/", std::nullopt};
const Target kCommune{"/1/2/", std::nullopt};
const Target kVillage{"/1/2/3/", std::nullopt};
const Target kTeam{"/1/2/3/", 7};
const Target kOtherCommune{"/1/4/", std::nullopt};
const Target kOtherTeam{"/1/4/5/", 8};

TEST(Access, ACommuneOfficerManagesHerCommuneAndNeverSeesAnother) {
  const std::vector<HeldGrant> officer{{GrantRole::kCommuneOfficer, "/1/2/", std::nullopt}};
  EXPECT_TRUE(Allows(officer, Ability::kManage, kVillage));
  EXPECT_TRUE(Allows(officer, Ability::kManage, kTeam));
  EXPECT_FALSE(Allows(officer, Ability::kRead, kOtherCommune));
  EXPECT_FALSE(Allows(officer, Ability::kRead, kProvince));
  EXPECT_FALSE(Allows(officer, Ability::kApprove, kTeam));  // only the chairman approves
}

TEST(Access, OnlyTheChairmanApprovesAndSigns) {
  const std::vector<HeldGrant> chair{{GrantRole::kCommuneChair, "/1/2/", std::nullopt}};
  EXPECT_TRUE(Allows(chair, Ability::kApprove, kTeam));
  EXPECT_TRUE(Allows(chair, Ability::kSign, kCommune));
  EXPECT_FALSE(Allows(chair, Ability::kNominate, kTeam));  // the team leader's act
  const std::vector<HeldGrant> province{{GrantRole::kProvinceOfficer, "/1/", std::nullopt}};
  EXPECT_FALSE(Allows(province, Ability::kApprove, kTeam));
}

TEST(Access, ATeamLeaderReachesHisTeamOnly) {
  const std::vector<HeldGrant> leader{{GrantRole::kTeamLeader, "/1/2/3/", 7}};
  EXPECT_TRUE(Allows(leader, Ability::kNominate, kTeam));
  EXPECT_TRUE(Allows(leader, Ability::kEditContacts, kTeam));
  EXPECT_TRUE(Allows(leader, Ability::kRead, kVillage));  // the village his team sits on
  EXPECT_FALSE(Allows(leader, Ability::kManage, kVillage));
  EXPECT_FALSE(Allows(leader, Ability::kRead, kOtherTeam));
  EXPECT_FALSE(Allows(leader, Ability::kRead, kCommune));
}

TEST(Access, AViewerOnlyReads) {
  const std::vector<HeldGrant> viewer{{GrantRole::kViewer, "/1/", std::nullopt}};
  EXPECT_TRUE(Allows(viewer, Ability::kRead, kTeam));
  EXPECT_FALSE(Allows(viewer, Ability::kManage, kTeam));
  EXPECT_FALSE(Allows(viewer, Ability::kReadAudit, kTeam));
}

TEST(Access, NobodyGrantsMoreThanTheyHold) {
  const std::vector<HeldGrant> officer{{GrantRole::kCommuneOfficer, "/1/2/", std::nullopt}};
  EXPECT_TRUE(CanGrant(officer, GrantRole::kTeamLeader, kTeam));
  EXPECT_TRUE(CanGrant(officer, GrantRole::kCommuneOfficer, kCommune));
  EXPECT_FALSE(CanGrant(officer, GrantRole::kCommuneChair, kCommune));
  EXPECT_FALSE(CanGrant(officer, GrantRole::kTeamLeader, kOtherTeam));
  const std::vector<HeldGrant> leader{{GrantRole::kTeamLeader, "/1/2/3/", 7}};
  EXPECT_FALSE(CanGrant(leader, GrantRole::kMember, kTeam));
  const std::vector<HeldGrant> admin{{GrantRole::kAdmin, "/", std::nullopt}};
  EXPECT_TRUE(CanGrant(admin, GrantRole::kAdmin, {"/", std::nullopt}));
}

TEST(Access, ScopesListWhatEachGrantReaches) {
  const std::vector<HeldGrant> held{{GrantRole::kCommuneOfficer, "/1/2/", std::nullopt},
                                    {GrantRole::kMember, "/1/4/5/", 8}};
  const ReadScope s = ScopeOf(held);
  EXPECT_FALSE(s.everything);
  EXPECT_EQ(s.unit_paths, std::vector<std::string>{"/1/2/"});
  EXPECT_EQ(s.team_ids, std::vector<std::int64_t>{8});
  EXPECT_TRUE(ScopeOf(held, Ability::kManage).team_ids.empty());
}

}  // namespace
}  // namespace cnscd
