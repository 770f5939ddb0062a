#include "core/policy.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace cnscd {
namespace {
std::vector<std::string> Codes(const std::vector<Violation>& v) {
  std::vector<std::string> out;
  out.reserve(v.size());
  for (const auto& x : v) out.push_back(x.code);
  return out;
}
}  // namespace

TEST(Policy, NoPolicyMeansNoViolations) {
  RoleCounts c;
  c.Add(Role::kLeader, 3);
  EXPECT_TRUE(Evaluate(LevelPolicy{}, c).empty());
}

TEST(Policy, CollaboratorsDoNotCount) {
  LevelPolicy p{.min = 5, .max = 8};
  RoleCounts c;
  c.Add(Role::kMember, 8);
  c.Add(Role::kCollaborator, 4);
  EXPECT_TRUE(Evaluate(p, c).empty());
}

TEST(Policy, NearestSettingWinsLevelByLevel) {
  CompositionPolicy commune{.village = LevelPolicy{.max = 6}, .commune = std::nullopt};
  CompositionPolicy province{.village = LevelPolicy{.max = 10},
                             .commune = LevelPolicy{.min = 5, .max = 5}};
  EXPECT_EQ(EffectiveLevelPolicy({commune, province}, TeamLevel::kVillage).max, 6);
  EXPECT_EQ(EffectiveLevelPolicy({commune, province}, TeamLevel::kCommune).min, 5);
  EXPECT_EQ(EffectiveLevelPolicy({}, TeamLevel::kCommune), LevelPolicy{});
}

TEST(Policy, RefusesNonsense) {
  EXPECT_THROW(CheckPolicy({.village = LevelPolicy{.min = 9, .max = 5}}), Error);
  EXPECT_THROW(CheckPolicy({.commune = LevelPolicy{.min = -1}}), Error);
  EXPECT_NO_THROW(CheckPolicy({.village = LevelPolicy{.min = 5, .max = 8}}));
}

TEST(Policy, StrictRefusesTheMemberBeyondMax) {
  LevelPolicy p{.max = 5, .strict = true};
  RoleCounts c;
  c.Add(Role::kMember, 5);
  EXPECT_THROW(CheckAdmission(p, c, Role::kMember), Error);
  EXPECT_NO_THROW(CheckAdmission(p, c, Role::kCollaborator));
  p.strict = false;
  EXPECT_NO_THROW(CheckAdmission(p, c, Role::kMember));
}

TEST(Policy, ReportsEveryBreachInAStableOrder) {
  LevelPolicy p{.min = 5, .require_leader = true, .require_deputy = true};
  RoleCounts c;
  c.Add(Role::kDeputy, 2);
  EXPECT_EQ(Codes(Evaluate(p, c)),
            (std::vector<std::string>{"too_few_members", "no_leader", "several_deputies"}));
}

}  // namespace cnscd
