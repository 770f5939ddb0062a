#include "core/member_import.hpp"

#include <gtest/gtest.h>

namespace cnscd::member_import {
namespace {

// A province (1) with two districts (2, 3) holding communes named alike (10, 20), and a commune
// (30) with two villages, one of which (31) has a team (100) with a leader and a member.
class MemberImportTest : public ::testing::Test {
 protected:
  MemberImportTest() {
    known.unit = {1, UnitKind::kProvince, "Tỉnh Sóc Trăng", "tỉnh", std::nullopt};
    known.communes = {{10, UnitKind::kCommune, "Xã Long Đức", "xã", 2},
                      {20, UnitKind::kCommune, "Xã Long Đức", "xã", 3},
                      {30, UnitKind::kCommune, "Xã Nhơn Mỹ", "xã", 2}};
    known.parents = {{2, {2, UnitKind::kDistrict, "Huyện Kế Sách", "huyện", 1}},
                     {3, {3, UnitKind::kDistrict, "Huyện Mỹ Tú", "huyện", 1}}};
    Commune nhon_my;
    nhon_my.place = known.communes[2];
    nhon_my.villages = {{31, UnitKind::kVillage, "Ấp Mỹ Phước", "ấp", 30},
                        {32, UnitKind::kVillage, "Ấp Mỹ Hòa", "ấp", 30}};
    nhon_my.teams = {
        {100,
         31,
         TeamLevel::kVillage,
         "Tổ công nghệ số cộng đồng Ấp Mỹ Phước",
         {{500, "Nguyễn Văn Trưởng", Role::kLeader}, {501, "Trần Thị Có", Role::kMember}}}};
    known.loaded[30] = nhon_my;
    known.people["0912000500"] = {500, "Nguyễn Văn Trưởng"};
    known.people["0912000501"] = {501, "Trần Thị Có"};
    known.people["0912000999"] = {999, "Lê Văn Khác"};
  }

  static SheetRow At(int line, std::string team, std::string name, std::optional<Role> role,
                     std::string phone = "", std::string commune = "Xã Nhơn Mỹ") {
    SheetRow r;
    r.line = line;
    r.commune = std::move(commune);
    r.team = std::move(team);
    r.full_name = std::move(name);
    r.role = role;
    r.position = role ? std::string(PositionOf(*role)) : "Chủ tịch";
    r.phone = std::move(phone);
    return r;
  }

  Plan Run(const std::vector<SheetRow>& rows) const { return PlanMemberImport(rows, known); }

  // The English reason of a refused row (empty for other outcomes).
  static std::string Why(const Row& r) { return r.reason_en.value_or(""); }

  Known known;
  const std::string phuoc = "Tổ công nghệ số cộng đồng Ấp Mỹ Phước";
  const std::string hoa = "Tổ công nghệ số cộng đồng Ấp Mỹ Hòa";
};

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(MemberImportTest, ANewPersonJoinsAnExistingTeamWithTheirPhoneAsZalo) {
  const Plan p = Run({At(2, phuoc, "Người Mới", Role::kMember, "0912000001")});
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0].status, "create");
  EXPECT_EQ(p.rows[0].role, "member");
  EXPECT_FALSE(p.rows[0].team_action);
  ASSERT_EQ(p.joinings.size(), 1u);
  const Joining& j = p.joinings[0];
  EXPECT_EQ(j.team_id, 100);
  EXPECT_EQ(j.new_team, -1);
  EXPECT_EQ(j.team_unit_id, 31);
  EXPECT_EQ(j.person_id, 0);
  EXPECT_EQ(j.full_name, "Người Mới");
  EXPECT_EQ(j.phone, "0912000001");
  EXPECT_EQ(j.zalo, "0912000001");
  EXPECT_EQ(p.created, 1);
  EXPECT_TRUE(p.new_teams.empty());
}

TEST_F(MemberImportTest, RowsRefusedBeforeAndUnknownPositionsAreRefused) {
  SheetRow unreadable;
  unreadable.line = 2;
  unreadable.refused = Reason{"Dòng có ký tự không phải UTF-8 hợp lệ.", "not valid UTF-8"};
  SheetRow bad_phone = At(3, phuoc, "Người Sai Số", Role::kMember, "12345");
  bad_phone.refused = Reason{"Số điện thoại di động không hợp lệ", "Not a mobile number"};
  const Plan p = Run({unreadable, bad_phone, At(4, phuoc, "Người Chủ Tịch", std::nullopt)});
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[0].status, "refuse");
  EXPECT_EQ(p.rows[0].reason, "Dòng có ký tự không phải UTF-8 hợp lệ.");
  EXPECT_EQ(Why(p.rows[1]), "Not a mobile number");
  EXPECT_EQ(p.rows[1].phone, "12345");  // as written
  EXPECT_TRUE(Has(Why(p.rows[2]), "Unknown position \"Chủ tịch\"")) << Why(p.rows[2]);
  EXPECT_EQ(p.rows[2].role, "Chủ tịch");
  EXPECT_EQ(p.refused, 3);
  EXPECT_TRUE(p.joinings.empty());
}

TEST_F(MemberImportTest, APhoneRepeatedInTheSheetIsRefusedTheSecondTime) {
  const Plan p = Run({At(2, phuoc, "Người A", Role::kMember, "0912000001"),
                      At(7, hoa, "Người B", Role::kMember, "0912000001")});
  EXPECT_EQ(p.rows[0].status, "create");
  EXPECT_EQ(Why(p.rows[1]), "The phone number repeats line 2.");
}

TEST_F(MemberImportTest, CommunesAreFoundByNameWithOrWithoutTheirTypeWordAndCommittee) {
  for (const std::string written :
       {"Xã Nhơn Mỹ", "nhon my", "UBND xã Nhơn Mỹ", "Ủy ban nhân dân xã Nhơn Mỹ, huyện Kế Sách"}) {
    const Plan p = Run({At(2, phuoc, "Người A", Role::kMember, "", written)});
    EXPECT_EQ(p.rows[0].status, "create") << written << ": " << Why(p.rows[0]);
  }
  const Plan p = Run({At(2, phuoc, "Người A", Role::kMember, "", "Xã Không Có"),
                      At(3, phuoc, "Người B", Role::kMember, "", "")});
  EXPECT_EQ(Why(p.rows[0]), "No commune named \"Xã Không Có\" in Tỉnh Sóc Trăng.");
  EXPECT_EQ(Why(p.rows[1]), "The commune's name is missing.");
}

TEST_F(MemberImportTest, ABlankCommuneIsTheCommuneImportedInto) {
  known.unit = known.communes[2];
  known.communes = {known.communes[2]};
  const Plan p = Run({At(2, phuoc, "Người A", Role::kMember, "", "")});
  EXPECT_EQ(p.rows[0].status, "create") << Why(p.rows[0]);
}

TEST_F(MemberImportTest, CommunesOfOneNameAreToldApartByTheirDistrict) {
  const Plan p = Run({At(2, "Tổ A", "Người A", Role::kMember, "", "Xã Long Đức"),
                      At(3, "Tổ A", "Người B", Role::kMember, "", "Xã Long Đức, huyện Mỹ Tú")});
  EXPECT_TRUE(Has(Why(p.rows[0]), "Several communes")) << Why(p.rows[0]);
  // Found (20), but not loaded: no team there.
  EXPECT_TRUE(Has(Why(p.rows[1]), "No team named \"Tổ A\" in Xã Long Đức")) << Why(p.rows[1]);
  EXPECT_EQ(CommunesNamed({At(2, "Tổ A", "Người A", Role::kMember, "", "Xã Long Đức"),
                           At(3, "Tổ A", "Người B", Role::kMember, "", "Long Đức, Huyện Mỹ Tú"),
                           At(4, phuoc, "Người C", Role::kMember)},
                          known),
            (std::vector<Id>{20, 30}));
}

TEST_F(MemberImportTest, TeamsAreFoundByFoldedNameAndAmbiguousOrMissingOnesRefused) {
  known.loaded[30].teams.push_back({101, 32, TeamLevel::kVillage, "Tổ Hai", {}});
  known.loaded[30].teams.push_back({102, 30, TeamLevel::kCommune, "tổ hai", {}});
  const Plan p =
      Run({At(2, "TO CONG NGHE SO CONG DONG AP MY PHUOC", "Người A", Role::kMember),
           At(3, "Tổ Hai", "Người B", Role::kMember), At(4, "", "Người C", Role::kMember),
           At(5, "Tổ Lạ", "Người D", Role::kMember)});
  EXPECT_EQ(p.rows[0].status, "create");
  EXPECT_EQ(p.joinings.at(0).team_id, 100);
  EXPECT_EQ(Why(p.rows[1]), "Several teams are named \"Tổ Hai\" in Xã Nhơn Mỹ.");
  EXPECT_EQ(Why(p.rows[2]), "The team's name is missing.");
  EXPECT_TRUE(Has(Why(p.rows[3]), "a new team must be named")) << Why(p.rows[3]);
}

TEST_F(MemberImportTest, ATeamNamedAfterAVillageWithoutOneIsCreatedOnce) {
  const Plan p = Run({At(2, "tổ công nghệ số cộng đồng ấp mỹ hòa", "Người A", Role::kLeader),
                      At(3, hoa, "Người B", Role::kMember, "0912000002")});
  ASSERT_EQ(p.new_teams.size(), 1u);
  EXPECT_EQ(p.new_teams[0].unit_id, 32);
  EXPECT_EQ(p.new_teams[0].level, TeamLevel::kVillage);
  EXPECT_EQ(p.new_teams[0].name, hoa);  // written otherwise: the default name
  for (const Row& r : p.rows) EXPECT_EQ(r.team_action, "create_team") << r.line;
  ASSERT_EQ(p.joinings.size(), 2u);
  for (const Joining& j : p.joinings) {
    EXPECT_EQ(j.new_team, 0);
    EXPECT_EQ(j.team_id, 0);
    EXPECT_EQ(j.team_unit_id, 32);
  }
}

TEST_F(MemberImportTest, ANewTeamKeepsAnotherNameAsWrittenAndTheVillageThenHasATeam) {
  const Plan p = Run({At(2, "Tổ CNSCĐ Ấp Mỹ Hòa", "Người A", Role::kLeader),
                      At(3, "TỔ CNSCĐ ẤP MỸ HÒA", "Người B", Role::kMember),
                      At(4, "Tổ công nghệ số cộng đồng Mỹ Hòa", "Người C", Role::kMember)});
  ASSERT_EQ(p.new_teams.size(), 1u);
  EXPECT_EQ(p.new_teams[0].name, "Tổ CNSCĐ Ấp Mỹ Hòa");
  EXPECT_EQ(p.rows[1].status, "create");
  EXPECT_TRUE(Has(Why(p.rows[2]), "Ấp Mỹ Hòa already has a team with another name"))
      << Why(p.rows[2]);
}

TEST_F(MemberImportTest, AVillageWithATeamGetsNoSecondOneAndTheCommuneGetsItsOwn) {
  const Plan p = Run({At(2, "Tổ CNSCĐ Ấp Mỹ Phước", "Người A", Role::kMember),
                      At(3, "Tổ công nghệ số cộng đồng Xã Nhơn Mỹ", "Người B", Role::kMember),
                      At(4, "Tổ CNSCĐ Nhơn Mỹ", "Người C", Role::kMember)});
  EXPECT_TRUE(Has(Why(p.rows[0]), "Ấp Mỹ Phước already has a team with another name"))
      << Why(p.rows[0]);
  EXPECT_EQ(p.rows[1].status, "create");
  ASSERT_EQ(p.new_teams.size(), 1u);
  EXPECT_EQ(p.new_teams[0].level, TeamLevel::kCommune);
  EXPECT_EQ(p.new_teams[0].unit_id, 30);
  EXPECT_TRUE(Has(Why(p.rows[2]), "Xã Nhơn Mỹ already has a team")) << Why(p.rows[2]);
}

TEST_F(MemberImportTest, PeopleAreFoundByPhoneAndAnotherNameIsRefused) {
  const Plan p = Run({At(2, hoa, "lê văn khác", Role::kMember, "0912000999"),
                      At(3, hoa, "Người Mạo Danh", Role::kMember, "0912000500")});
  EXPECT_EQ(p.rows[0].status, "create");
  EXPECT_EQ(p.joinings.at(0).person_id, 999);
  EXPECT_FALSE(p.joinings.at(0).zalo);  // an existing person keeps theirs
  EXPECT_EQ(Why(p.rows[1]), "This phone number is registered to a person with another name.");
}

TEST_F(MemberImportTest, CurrentMembersMatchAndADifferentRoleIsOnlyNoted) {
  const Plan p = Run({At(2, phuoc, "Nguyễn Văn Trưởng", Role::kLeader, "0912000500"),
                      At(3, phuoc, "Trần Thị Có", Role::kDeputy, "0912000501"),
                      At(4, phuoc, "TRẦN THỊ CÓ", Role::kMember)});  // no phone: by name
  EXPECT_EQ(p.rows[0].status, "match");
  EXPECT_FALSE(p.rows[0].note);
  EXPECT_EQ(p.rows[1].status, "match");
  EXPECT_EQ(p.rows[1].note, "Đang là Tổ viên của tổ; vai trò không được đổi khi nhập.");
  EXPECT_EQ(p.rows[2].status, "match");
  EXPECT_EQ(p.matched, 3);
  EXPECT_TRUE(p.joinings.empty());
}

TEST_F(MemberImportTest, APhonelessNameTwiceInOneTeamIsRefusedTheSecondTime) {
  const Plan p =
      Run({At(2, hoa, "Người Không Số", Role::kMember), At(3, hoa, "người không số", Role::kMember),
           At(4, phuoc, "Người Không Số", Role::kMember)});
  EXPECT_EQ(p.rows[0].status, "create");
  EXPECT_TRUE(Has(Why(p.rows[1]), "without a phone")) << Why(p.rows[1]);
  EXPECT_EQ(p.rows[2].status, "create");  // another team
}

TEST_F(MemberImportTest, RequiredLeaderAndDeputyAreOneEachCountingCurrentMembers) {
  CompositionPolicy province;
  province.village = LevelPolicy{std::nullopt, std::nullopt, true, true, false};
  known.loaded[30].policies_above = {province};
  const Plan p = Run({At(2, phuoc, "Người Trưởng Hai", Role::kLeader, "0912000001"),
                      At(3, phuoc, "Người Phó", Role::kDeputy, "0912000002"),
                      At(4, phuoc, "Người Phó Hai", Role::kDeputy, "0912000003"),
                      At(5, hoa, "Người Trưởng Mới", Role::kLeader, "0912000004")});
  EXPECT_TRUE(Has(Why(p.rows[0]), "already has a leader")) << Why(p.rows[0]);
  EXPECT_EQ(p.rows[1].status, "create");
  EXPECT_TRUE(Has(Why(p.rows[2]), "already has a deputy")) << Why(p.rows[2]);
  EXPECT_EQ(p.rows[3].status, "create");  // a new team's first leader
}

TEST_F(MemberImportTest, AStrictMaximumCountsCollaboratorsOutAndTheNearestSettingWins) {
  CompositionPolicy commune;
  commune.village = LevelPolicy{std::nullopt, 10, false, false, true};
  CompositionPolicy village;
  village.village = LevelPolicy{std::nullopt, 3, false, false, true};
  known.loaded[30].policies_above = {commune};
  known.loaded[30].policies_below = {{31, village}};
  const Plan p = Run({At(2, phuoc, "Người Ba", Role::kMember, "0912000001"),
                      At(3, phuoc, "Người Bốn", Role::kMember, "0912000002"),
                      At(4, phuoc, "Người Cộng Tác", Role::kCollaborator, "0912000003"),
                      At(5, hoa, "Người Một", Role::kMember, "0912000004"),
                      At(6, hoa, "Người Hai", Role::kMember, "0912000005"),
                      At(7, hoa, "Người Ba Hòa", Role::kMember, "0912000006"),
                      At(8, hoa, "Người Bốn Hòa", Role::kMember, "0912000007")});
  EXPECT_EQ(p.rows[0].status, "create");  // 2 current + 1 = 3
  EXPECT_EQ(Why(p.rows[1]),
            "The team already has its maximum of 3 members; list the person as a collaborator "
            "instead.");
  EXPECT_EQ(p.rows[2].status, "create");
  for (std::size_t i = 3; i < 7; ++i) EXPECT_EQ(p.rows[i].status, "create") << i;  // max 10
  EXPECT_EQ(p.created, 6);
  EXPECT_EQ(p.refused, 1);
}

}  // namespace
}  // namespace cnscd::member_import
