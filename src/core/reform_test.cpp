// The planner on a small tree written like the table: a province of two districts whose
// communes merge, one kept, one split, one the table forgets.
#include "core/reform.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "core/error.hpp"

namespace cnscd::reform {
namespace {

// Tỉnh A (1) → Huyện X (2) → Xã B (10, code 00010, villages 100, 101), Xã C (11, 00011,
// village 110), Xã D (12, 00012, villages 120, 121); Huyện Y (3) → Xã E (13, 00013, village
// 130). The table: B and C whole into Xã Mới (00010); D split between 00010 and Xã Nam
// (00014); E not mapped.
std::vector<OldUnit> Tree() {
  std::vector<OldUnit> tree{
      {1, UnitKind::kProvince, "01", "Tỉnh A", std::nullopt},
      {2, UnitKind::kDistrict, "001", "Huyện X", 1},
      {3, UnitKind::kDistrict, "002", "Huyện Y", 1},
      {10, UnitKind::kCommune, "00010", "Xã B", 2},
      {11, UnitKind::kCommune, "00011", "Xã C", 2},
      {12, UnitKind::kCommune, "00012", "Xã D", 2},
      {13, UnitKind::kCommune, "00013", "Xã E", 3},
  };
  // The villages, {id, commune}: uncoded and named Thôn 1 … Thôn 6 in this order.
  int n = 0;
  for (const auto& [id, commune] :
       {std::pair<Id, Id>{100, 10}, {101, 10}, {110, 11}, {120, 12}, {121, 12}, {130, 13}}) {
    tree.push_back({id, UnitKind::kVillage, "", "Thôn " + std::to_string(++n), commune});
  }
  return tree;
}

std::vector<Pair> Table() {
  return {
      {3, "01", "Tỉnh A", "00010", "Xã Mới", "00010", "Xã B", true},
      {4, "01", "Tỉnh A", "00010", "Xã Mới", "00011", "Xã C", true},
      {5, "01", "Tỉnh A", "00010", "Xã Mới", "00012", "Xã D", false},
      {6, "01", "Tỉnh A", "00014", "Xã Nam", "00012", "Xã D", false},
      {7, "02", "Tỉnh Khác", "00020", "Xã Xa", "00099", "Xã ngoài", true},
  };
}

const auto kNothingHeld = [](Id) { return false; };

TEST(ReformPlan, WholeCommunesMergeASplitOneAsksForItsVillagesAnUnmappedOneIsAsked) {
  const Plan plan = MakePlan(Table(), Tree(), {}, {}, kNothingHeld);
  EXPECT_EQ(plan.pairs_outside, 1);  // Xã ngoài is not in this database
  ASSERT_EQ(plan.provinces.size(), 1U);
  EXPECT_EQ(plan.provinces[0].keep, 1);
  ASSERT_EQ(plan.communes.size(), 2U);
  EXPECT_EQ(plan.communes[0].code, "00010");
  EXPECT_FALSE(plan.communes[0].keep);  // B kept its code but C joined: a new commune
  EXPECT_EQ(plan.communes[0].wholes, (std::vector<Id>{10, 11}));
  EXPECT_EQ(plan.communes[0].parts, (std::vector<Id>{12}));
  ASSERT_EQ(plan.splits.size(), 1U);
  EXPECT_EQ(plan.splits[0].commune, 12);
  EXPECT_EQ(plan.districts, (std::vector<Id>{2, 3}));
  std::map<std::string, int> asked;
  for (const Question& q : plan.questions) ++asked[q.kind];
  EXPECT_EQ(asked["split_village"], 2);
  EXPECT_EQ(asked["unmapped"], 1);
}

TEST(ReformPlan, DecisionsAssignVillagesOneByOneOrByTheirOldCommune) {
  const std::vector<Decision> decisions{
      {2, "id:121", "00014", false}, {3, "00012", "00010", false}, {4, "00013", "00014", false}};
  const Plan plan = MakePlan(Table(), Tree(), decisions, {}, kNothingHeld);
  EXPECT_TRUE(plan.questions.empty());
  ASSERT_EQ(plan.splits.size(), 1U);
  EXPECT_EQ(plan.splits[0].villages.at(120), "00010");  // by the commune's line
  EXPECT_EQ(plan.splits[0].villages.at(121), "00014");  // by its own line
  EXPECT_EQ(plan.unmapped_into.at(13), "00014");
}

TEST(ReformPlan, AnUnmappedCommuneIsDissolvedOnlyWhenItHoldsNothing) {
  const Plan empty =
      MakePlan(Table(), Tree(), {{2, "00012", "00010", false}}, {true}, kNothingHeld);
  EXPECT_TRUE(empty.questions.empty());
  EXPECT_EQ(empty.dissolved, (std::vector<Id>{13, 130}));

  const auto team_in_130 = [](Id id) { return id == 130; };
  const Plan held = MakePlan(Table(), Tree(), {{2, "00012", "00010", false}}, {true}, team_in_130);
  ASSERT_EQ(held.questions.size(), 1U);
  EXPECT_EQ(held.questions[0].kind, "unmapped");
  EXPECT_TRUE(held.dissolved.empty());
}

TEST(ReformPlan, ACommuneAloneInANewCommuneOfItsCodeGoesOn) {
  const std::vector<Pair> table{{3, "01", "Tỉnh A", "00013", "Xã E Mới", "00013", "Xã E", true}};
  const Plan plan = MakePlan(table, Tree(), {}, {}, kNothingHeld);
  ASSERT_EQ(plan.communes.size(), 1U);
  EXPECT_EQ(plan.communes[0].keep, 13);
  EXPECT_TRUE(plan.communes[0].wholes.empty());
}

TEST(ReformPlan, ADecisionNamingACommuneOutsideTheTableIsAQuestion) {
  const Plan plan = MakePlan(Table(), Tree(), {{7, "00013", "99999", false}}, {}, kNothingHeld);
  bool bad = false;
  for (const Question& q : plan.questions) bad = bad || (q.kind == "bad_decision" && q.line == 7);
  EXPECT_TRUE(bad);
}

TEST(ReformEventDate, AChangeIsDatedOnOrBeforeTodayAndNotBeforeTheLastOne) {
  EXPECT_NO_THROW(CheckEventDate("2025-07-01", "2026-11-27", std::nullopt, "effective"));
  EXPECT_THROW(CheckEventDate("2025-7-1", "2026-11-27", std::nullopt, "effective"), Error);
  EXPECT_THROW(CheckEventDate("2027-01-01", "2026-11-27", std::nullopt, "effective"), Error);
  EXPECT_THROW(CheckEventDate("2025-06-30", "2026-11-27", "2025-07-01", "effective"), Error);
  EXPECT_NO_THROW(CheckEventDate("2025-07-01", "2026-11-27", "2025-07-01", "effective"));
}

}  // namespace
}  // namespace cnscd::reform
