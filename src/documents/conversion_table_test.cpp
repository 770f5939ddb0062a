#include "documents/conversion_table.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/error.hpp"

namespace cnscd::documents {
namespace {

// The table's own shape: two header rows, a province section row, a cell with a line break and
// stray spaces, an NFD note with the table's typo, an island district without a commune.
constexpr std::string_view kSample =
    "Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,\n"
    "\"Tỉnh, thành phố\",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,\n"
    "TỈNH QUẢNG TRỊ  ,,,,,,,,\n"
    "Tỉnh Quảng Trị (44),Xã Cam Lộ,19600,Xã Cam Tuyền,19600,Nhập toàn bộ,Huyện Cam Lộ (469),"
    "Tỉnh Quảng Trị (45),\n"
    "Tỉnh Quảng Trị (44),\"Xã Cam Lộ \n\",19600,Xã Cam Thành,19603,Nha\xcc\x82p mo\xcc\xa3t "
    "pha\xcc\x82\xcc\x80n,Huyện Cam Lộ (469),Tỉnh Quảng Trị (45),\n"
    "Tỉnh Quảng Trị (44),Đặc khu Cồn Cỏ,19742,,,Sắp xếp toàn bộ huyện Cồn Cỏ thành đặc khu "
    "Cồn Cỏ,Huyện Cồn Cỏ (471),Quảng Trị (44),\n"
    "Tỉnh Quảng Trị (44),Xã Lỗi,1960,Xã Cam An,19601,Nhập toàn bộ,Huyện Cam Lộ (469),"
    "Tỉnh Quảng Trị (45),\n";

TEST(ConversionTable, ReadsTheOfficesTableWithItsQuirks) {
  const ConversionTable t = ParseConversionTable(kSample);
  EXPECT_EQ(t.section_rows, 1);
  ASSERT_EQ(t.rows.size(), 3U);
  const ConversionRow& whole = t.rows[0];
  EXPECT_EQ(whole.new_province_code, "44");
  EXPECT_EQ(whole.new_commune_code, "19600");
  EXPECT_EQ(whole.old_commune_code, "19600");
  EXPECT_EQ(whole.old_district_code, "469");
  EXPECT_EQ(whole.old_province_code, "45");
  EXPECT_EQ(whole.note, ConversionNote::kWhole);
  const ConversionRow& part = t.rows[1];
  EXPECT_EQ(part.new_commune_name, "Xã Cam Lộ");  // line break and spaces gone
  // NFD read as NFC, and a misspelt note ("Nhâp mọt", as the table has "Nhâp") still read.
  EXPECT_EQ(part.note, ConversionNote::kPart);
  EXPECT_EQ(part.note_text, "Nhâp mọt phần");
  const ConversionRow& island = t.rows[2];
  EXPECT_TRUE(island.old_commune_code.empty());
  EXPECT_EQ(island.note, ConversionNote::kDistrictToSpecialZone);
  EXPECT_EQ(island.old_district_code, "471");
  ASSERT_EQ(t.refused.size(), 1U);  // a four-digit new code
  EXPECT_EQ(t.refused[0].line, 8);
}

TEST(ConversionTable, AnotherFileIsRefusedAsAWhole) {
  try {
    ParseConversionTable("province,ward\nHà Nội,Ba Đình\n");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "unknown_format");
  }
}

TEST(ConversionTable, TrailingCodeIsTheDigitsInTheLastParentheses) {
  EXPECT_EQ(TrailingCode("Tỉnh Lai Châu (12)"), "12");
  EXPECT_EQ(TrailingCode("Huyện Cồn Cỏ (471) "), "471");
  EXPECT_EQ(TrailingCode("Quảng Trị"), "");
  EXPECT_EQ(TrailingCode("Xã (mới)"), "");
}

TEST(ConversionTable, TheRealTableMaps10033OldCommunesOnto3321New) {
  const std::filesystem::path file = std::filesystem::path(CNSCD_SHARED_DATA) / "vn-admin" /
                                     "BangChuyendoiDVHCmoi_cu_khong_merge.csv";
  if (!std::filesystem::is_regular_file(file)) {
    GTEST_SKIP() << file << " is absent: real-table test skipped";
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  const ConversionTable t = ParseConversionTable(content.str());
  EXPECT_EQ(t.rows.size(), 10571U);
  EXPECT_TRUE(t.refused.empty());
  EXPECT_EQ(t.section_rows, 34);
  std::set<std::string> new_communes, new_provinces;
  std::map<std::string, std::set<std::string>> old_to_new;
  int without_old = 0;
  for (const ConversionRow& r : t.rows) {
    new_communes.insert(r.new_commune_code);
    new_provinces.insert(r.new_province_code);
    if (r.old_commune_code.empty()) {
      ++without_old;
    } else {
      old_to_new[r.old_commune_code].insert(r.new_commune_code);
    }
  }
  EXPECT_EQ(new_communes.size(), 3321U);
  EXPECT_EQ(new_provinces.size(), 34U);
  EXPECT_EQ(old_to_new.size(), 10033U);
  // Old communes split between several new ones: their villages need a human decision.
  int split = 0;
  for (const auto& [old, news] : old_to_new) split += news.size() > 1 ? 1 : 0;
  EXPECT_EQ(split, 441);
  EXPECT_GT(without_old, 0);  // island districts and areas without a commune code
}

}  // namespace
}  // namespace cnscd::documents

namespace cnscd::documents {
namespace {

TEST(ReformDecisions, ReadsOldCodesAndIdsToNewCodesOrDissolve) {
  const auto d = ParseReformDecisions("old,new\n27292,26734\nid:69138, 26737 \n\n00016,dissolve\n");
  ASSERT_EQ(d.size(), 3U);
  EXPECT_EQ(d[0].old_key, "27292");
  EXPECT_EQ(d[0].new_code, "26734");
  EXPECT_EQ(d[0].line, 2);
  EXPECT_EQ(d[1].old_key, "id:69138");
  EXPECT_EQ(d[1].new_code, "26737");
  EXPECT_TRUE(d[2].dissolve);
}

TEST(ReformDecisions, AMalformedLineIsRefusedWithItsNumber) {
  try {
    ParseReformDecisions("27292,26734\n2729,26734\n");
    FAIL() << "accepted a four-digit code";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "bad_decision");
    EXPECT_NE(e.message_en().find("Line 2"), std::string::npos);
  }
  EXPECT_THROW(ParseReformDecisions("id:x,26734\n"), Error);
  EXPECT_THROW(ParseReformDecisions("27292,26734,extra\n"), Error);
}

}  // namespace
}  // namespace cnscd::documents
