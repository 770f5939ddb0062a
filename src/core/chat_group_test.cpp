// Seed 000 §2.7 (group names), §2.9 (who is in a commune's group); seed 002 §3.3 (the groups of
// Quảng Trị's teams); seed 004 (Lâm Đồng after the two-level reform).
#include "core/chat_group.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/error.hpp"

namespace cnscd::chat {
namespace {

const ChainLink kSocTrang{"Tỉnh Sóc Trăng", UnitKind::kProvince};
const ChainLink kKeSach{"Huyện Kế Sách", UnitKind::kDistrict};
const ChainLink kNhonMy{"Xã Nhơn Mỹ", UnitKind::kCommune};
const ChainLink kMyPhuoc{"Ấp Mỹ Phước", UnitKind::kVillage};
const ChainLink kLamDong{"Tỉnh Lâm Đồng", UnitKind::kProvince};
const ChainLink kQuangSon{"Xã Quảng Sơn", UnitKind::kCommune};
const ChainLink kThon1{"Thôn 1", UnitKind::kVillage};

std::vector<std::string> Keys(const std::vector<Participant>& ps) {
  std::vector<std::string> keys;
  keys.reserve(ps.size());
  for (const Participant& p : ps) keys.push_back(p.key);
  return keys;
}

bool Has(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

TEST(ShortName, DropsTheTypeWord) {
  EXPECT_EQ(ShortName("Tỉnh Sóc Trăng"), "Sóc Trăng");
  EXPECT_EQ(ShortName("Huyện Kế Sách"), "Kế Sách");
  EXPECT_EQ(ShortName("Xã Nhơn Mỹ"), "Nhơn Mỹ");
  EXPECT_EQ(ShortName("Ấp Mỹ Phước"), "Mỹ Phước");
  EXPECT_EQ(ShortName("Thành phố Hồ Chí Minh"), "Hồ Chí Minh");
  EXPECT_EQ(ShortName("Thị xã Ngã Năm"), "Ngã Năm");
  EXPECT_EQ(ShortName("Thị trấn Kế Sách"), "Kế Sách");
  EXPECT_EQ(ShortName("Đặc khu Phú Quốc"), "Phú Quốc");
  EXPECT_EQ(ShortName("Bon Bu Đắk"), "Bu Đắk");
  EXPECT_EQ(ShortName("Tổ dân phố Hòa Bình"), "Hòa Bình");
  EXPECT_EQ(ShortName("khóm  Vĩnh   Phước"), "Vĩnh Phước");  // any case, spaces collapsed
}

TEST(ShortName, KeepsNumberedNamesReadable) {
  EXPECT_EQ(ShortName("Phường 1"), "Phường 1");
  EXPECT_EQ(ShortName("Thôn 3"), "Thôn 3");
  EXPECT_EQ(ShortName("Quận 10"), "Quận 10");
  EXPECT_EQ(ShortName("Khóm 2A"), "Khóm 2A");
  EXPECT_EQ(ShortName("Khu phố IV"), "Khu phố IV");
}

TEST(ShortName, LeavesNamesWithoutATypeWord) {
  EXPECT_EQ(ShortName("Mỹ Phước"), "Mỹ Phước");
  EXPECT_EQ(ShortName("Xã"), "Xã");  // nothing after the type word: nothing to drop
  EXPECT_EQ(ShortName("Xuân Hòa"), "Xuân Hòa");
}

TEST(GroupName, FollowsTheSocTrangConvention) {
  EXPECT_EQ(GroupName({kSocTrang}), "CNCĐ_Sóc Trăng");
  EXPECT_EQ(GroupName({kSocTrang, kKeSach}), "CNCĐ_Kế Sách_Sóc Trăng");
  EXPECT_EQ(GroupName({kSocTrang, kKeSach, kNhonMy}), "CNCĐ_Nhơn Mỹ_Kế Sách");
}

TEST(GroupName, MyPhuocsGroupIsNamedAfterItsCommuneAndDistrict) {
  EXPECT_EQ(GroupName({kSocTrang, kKeSach, kNhonMy, kMyPhuoc}), "CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách");
}

TEST(GroupName, WithoutDistrictsTheProvinceTakesTheDistrictsPlace) {
  EXPECT_TRUE(IsTwoLevel({kLamDong, kQuangSon}));
  EXPECT_FALSE(IsTwoLevel({kSocTrang, kKeSach, kNhonMy}));
  EXPECT_EQ(GroupName({kLamDong}), "CNCĐ_Lâm Đồng");
  EXPECT_EQ(GroupName({kLamDong, kQuangSon}), "CNCĐ_Quảng Sơn_Lâm Đồng");
  EXPECT_EQ(GroupName({kLamDong, kQuangSon, kThon1}), "CNCĐ_Thôn 1_Quảng Sơn_Lâm Đồng");
}

TEST(GroupName, NumberedUnitsKeepTheirTypeWord) {
  const ChainLink phuong1{"Phường 1", UnitKind::kCommune};
  const ChainLink khom3{"Khóm 3", UnitKind::kVillage};
  const ChainLink soc_trang_city{"Thành phố Sóc Trăng", UnitKind::kDistrict};
  EXPECT_EQ(GroupName({kSocTrang, soc_trang_city, phuong1, khom3}),
            "CNCĐ_Khóm 3_Phường 1_Sóc Trăng");
}

TEST(TeamGroupName, AVillageTeamsGroupIsItsHamletsGroup) {
  EXPECT_EQ(TeamGroupName({kSocTrang, kKeSach, kNhonMy, kMyPhuoc}, TeamLevel::kVillage),
            "CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách");
  EXPECT_EQ(TeamGroupName({kLamDong, kQuangSon, kThon1}, TeamLevel::kVillage),
            "CNCĐ_Thôn 1_Quảng Sơn_Lâm Đồng");
}

TEST(TeamGroupName, ACommuneTeamsGroupDiffersFromTheCommunesGroup) {
  EXPECT_EQ(TeamGroupName({kSocTrang, kKeSach, kNhonMy}, TeamLevel::kCommune),
            "CNCĐ_Tổ_Nhơn Mỹ_Kế Sách");
  EXPECT_EQ(TeamGroupName({kLamDong, kQuangSon}, TeamLevel::kCommune),
            "CNCĐ_Tổ_Quảng Sơn_Lâm Đồng");
}

TEST(TeamGroupName, ASecondTeamOfTheSameUnitIsNumbered) {
  EXPECT_EQ(TeamGroupName({kSocTrang, kKeSach, kNhonMy, kMyPhuoc}, TeamLevel::kVillage, 2),
            "CNCĐ_Tổ 2_Mỹ Phước_Nhơn Mỹ_Kế Sách");
  EXPECT_EQ(TeamGroupName({kSocTrang, kKeSach, kNhonMy}, TeamLevel::kCommune, 2),
            "CNCĐ_Tổ 2_Nhơn Mỹ_Kế Sách");
}

TEST(RequiredParticipants, ACommuneGroupHoldsTheDistrictTheCommuneAndTheEnterprises) {
  const auto ps = RequiredParticipants({GroupLevel::kCommune});
  EXPECT_EQ(Keys(ps), (std::vector<std::string>{"district_leader", "district_digital_officer",
                                                "district_culture_office", "commune_leaders",
                                                "post_office", "telecom", "it_enterprises"}));
  for (const Participant& p : ps) {
    EXPECT_FALSE(p.label.empty()) << p.key;
    EXPECT_FALSE(p.label_en.empty()) << p.key;
    EXPECT_NE(p.label, p.label_en) << p.key;
  }
  EXPECT_EQ(ps[0].label, "Lãnh đạo UBND huyện");
}

TEST(RequiredParticipants, WithoutDistrictsTheProvinceDepartmentTakesTheirSeats) {
  const auto keys = Keys(RequiredParticipants({GroupLevel::kCommune, /*two_level=*/true}));
  EXPECT_EQ(keys, (std::vector<std::string>{"province_department", "commune_leaders", "post_office",
                                            "telecom", "it_enterprises"}));
}

TEST(RequiredParticipants, TheCommuneTeamsGroupHoldsEveryVillageLeaderAndDeputy) {
  const auto keys = Keys(RequiredParticipants({GroupLevel::kCommuneTeam}));
  EXPECT_EQ(keys, (std::vector<std::string>{"commune_team", "village_team_leaders",
                                            "village_team_deputies", "district_culture_office",
                                            "district_education_office", "district_youth_union"}));
  const auto two = Keys(RequiredParticipants({GroupLevel::kCommuneTeam, true}));
  EXPECT_TRUE(Has(two, "province_department"));
  EXPECT_FALSE(Has(two, "district_youth_union"));
}

TEST(RequiredParticipants, AVillageTeamsGroupHoldsItsMembers) {
  EXPECT_EQ(Keys(RequiredParticipants({GroupLevel::kVillageTeam})),
            std::vector<std::string>{"team_members"});
  // Quảng Trị: the commune team's leader is invited where the commune has such a team.
  EXPECT_EQ(Keys(RequiredParticipants({GroupLevel::kVillageTeam, false, true})),
            (std::vector<std::string>{"team_members", "commune_team_leader"}));
  EXPECT_EQ(Keys(RequiredParticipants({GroupLevel::kVillage})),
            std::vector<std::string>{"team_members"});
}

TEST(RequiredParticipants, ProvinceAndDistrictGroupsHoldTheirCreators) {
  EXPECT_EQ(Keys(RequiredParticipants({GroupLevel::kProvince})),
            std::vector<std::string>{"province_department"});
  EXPECT_EQ(Keys(RequiredParticipants({GroupLevel::kDistrict})),
            (std::vector<std::string>{"district_leader", "district_culture_office"}));
}

TEST(CheckLink, AcceptsZaloInvitationsAndNothingElse) {
  EXPECT_NO_THROW(CheckLink(""));
  EXPECT_NO_THROW(CheckLink("https://zalo.me/g/abcdef123"));
  EXPECT_NO_THROW(CheckLink("https://chat.zalo.me/?g=abcdef"));
  for (const char* bad : {"http://zalo.me/g/abc", "https://zalo.me/g/",
                          "https://zalo.me/0912345678", "https://evil.example/zalo.me/g/x",
                          "zalo.me/g/abc", "https://zalo.me/g/ab cd", "https://zalo.me/g/nhóm"}) {
    try {
      CheckLink(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kRuleBroken) << bad;
      EXPECT_EQ(e.field(), "link") << bad;
    }
  }
  EXPECT_THROW(CheckLink("https://zalo.me/g/" + std::string(500, 'a')), Error);
}

TEST(CheckParticipantKeys, RefusesAKeyTheGroupDoesNotHave) {
  const auto required = RequiredParticipants({GroupLevel::kVillageTeam});
  EXPECT_NO_THROW(CheckParticipantKeys(required, {{"team_members", true}}));
  try {
    CheckParticipantKeys(required, {{"telecom", true}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "unknown_participant");
    EXPECT_EQ(e.field(), "participants.telecom");
  }
}

TEST(IsComplete, NeedsTheLinkAndEveryRequiredParticipant) {
  const auto required = RequiredParticipants({GroupLevel::kVillageTeam, false, true});
  const std::string link = "https://zalo.me/g/abc";
  EXPECT_FALSE(IsComplete(link, required, {{"team_members", true}}));
  EXPECT_FALSE(
      IsComplete(link, required, {{"team_members", true}, {"commune_team_leader", false}}));
  EXPECT_TRUE(IsComplete(link, required, {{"team_members", true}, {"commune_team_leader", true}}));
  EXPECT_FALSE(IsComplete("", required, {{"team_members", true}, {"commune_team_leader", true}}));
}

}  // namespace
}  // namespace cnscd::chat
