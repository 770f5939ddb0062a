#include "core/unit.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/team.hpp"

namespace cnscd {

TEST(CheckParent, AllowsBothShapes) {
  EXPECT_NO_THROW(CheckParent(UnitKind::kProvince, std::nullopt));
  EXPECT_NO_THROW(CheckParent(UnitKind::kDistrict, UnitKind::kProvince));
  EXPECT_NO_THROW(CheckParent(UnitKind::kCommune, UnitKind::kDistrict));  // before 2025
  EXPECT_NO_THROW(CheckParent(UnitKind::kCommune, UnitKind::kProvince));  // from 1 July 2025
  EXPECT_NO_THROW(CheckParent(UnitKind::kVillage, UnitKind::kCommune));
}

TEST(CheckParent, RefusesAVillageUnderAProvince) {
  try {
    CheckParent(UnitKind::kVillage, UnitKind::kProvince);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kRuleBroken);
    EXPECT_EQ(e.field(), "parent_id");
  }
  EXPECT_THROW(CheckParent(UnitKind::kProvince, UnitKind::kProvince), Error);
  EXPECT_THROW(CheckParent(UnitKind::kDistrict, std::nullopt), Error);
  EXPECT_THROW(CheckParent(UnitKind::kCommune, UnitKind::kVillage), Error);
}

TEST(UnitCode, PadsAndChecksGsoCodes) {
  EXPECT_EQ(PadGsoCode(UnitKind::kCommune, "97"), "00097");
  EXPECT_EQ(PadGsoCode(UnitKind::kCommune, "4.0"), "00004");
  EXPECT_EQ(PadGsoCode(UnitKind::kProvince, "1"), "01");
  EXPECT_NO_THROW(CheckUnitCode(UnitKind::kCommune, "31117"));
  EXPECT_THROW(CheckUnitCode(UnitKind::kCommune, "3111"), Error);
  EXPECT_THROW(CheckUnitCode(UnitKind::kProvince, "ab"), Error);
  EXPECT_NO_THROW(CheckUnitCode(UnitKind::kVillage, "MP-01"));
}

TEST(SubkindFromName, ReadsTheTypeWord) {
  EXPECT_EQ(SubkindFromName("Xã Nhơn Mỹ"), "xã");
  EXPECT_EQ(SubkindFromName("Thành phố Hà Nội"), "thành phố");
  EXPECT_EQ(SubkindFromName("Thị xã Ngã Năm"), "thị xã");
  EXPECT_EQ(SubkindFromName("Thị trấn Kế Sách"), "thị trấn");
  EXPECT_EQ(SubkindFromName("Đặc khu Phú Quốc"), "đặc khu");
  EXPECT_EQ(SubkindFromName("Xuân Hòa"), "");
}

TEST(Team, DefaultNameFollowsForm2) {
  EXPECT_EQ(DefaultTeamName("phường 1"), "Tổ công nghệ số cộng đồng phường 1");
}

TEST(Team, PlacementFollowsLevel) {
  EXPECT_NO_THROW(CheckTeamPlacement(TeamLevel::kVillage, UnitKind::kVillage));
  EXPECT_NO_THROW(CheckTeamPlacement(TeamLevel::kCommune, UnitKind::kCommune));
  EXPECT_THROW(CheckTeamPlacement(TeamLevel::kVillage, UnitKind::kCommune), Error);
  EXPECT_THROW(CheckTeamPlacement(TeamLevel::kCommune, UnitKind::kProvince), Error);
}

}  // namespace cnscd
