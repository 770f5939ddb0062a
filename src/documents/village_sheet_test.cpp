#include "documents/village_sheet.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace cnscd::documents {
namespace {

TEST(VillageSheet, WrittenAndReadBackAsCsvAndXlsx) {
  const std::vector<VillageLine> lines{
      {"Xã Nhơn Mỹ", "Ấp Mỹ Phước", "ấp", "MP1", 2025, {{"households", 1234}, {"age14plus", 3000}}},
      {"Xã Nhơn Mỹ", "Thôn 2", "thôn", "", std::nullopt, {}}};
  for (const std::string& bytes : {WriteVillageSheetCsv(true, lines),
                                   WriteVillageSheetXlsx("Huyện Kế Sách", true, lines, 5)}) {
    const std::vector<village_sheet::SheetRow> rows = ReadVillageSheet(bytes, "");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].commune, "Xã Nhơn Mỹ");
    EXPECT_EQ(rows[0].name, "Ấp Mỹ Phước");
    EXPECT_EQ(rows[0].kind, "ấp");
    EXPECT_EQ(rows[0].code, "MP1");
    EXPECT_EQ(rows[0].year, "2025");
    EXPECT_EQ(rows[0].figures,
              (std::map<std::string, std::string>{{"age14plus", "3000"}, {"households", "1234"}}));
    EXPECT_EQ(rows[1].name, "Thôn 2");
    EXPECT_TRUE(rows[1].year.empty());
    EXPECT_TRUE(rows[1].figures.empty());
  }
}

TEST(VillageSheet, ColumnsInAnyOrderUnderATitleAndTheCommuneCarriedDown) {
  const std::string csv =
      "DANH SÁCH THÔN\r\n"
      "Số hộ,Tên thôn,Xã\r\n"
      ",,Xã Nhơn Mỹ\r\n"
      "\"1.200\",Thôn 1,\r\n"
      ",Thôn 2,\r\n";
  const auto rows = ReadVillageSheet(csv, "a.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 4);
  EXPECT_EQ(rows[0].commune, "Xã Nhơn Mỹ");
  EXPECT_EQ(rows[0].figures.at("households"), "1.200");
  EXPECT_EQ(rows[1].commune, "Xã Nhơn Mỹ");
}

TEST(VillageSheet, WithoutTheNameColumnTheHeaderIsMissing) {
  try {
    ReadVillageSheet("Họ tên,Số hộ\r\nA,1\r\n", "a.csv");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "village_sheet_header_missing");
  }
}

}  // namespace
}  // namespace cnscd::documents
