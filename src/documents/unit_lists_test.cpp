#include "documents/unit_lists.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "documents/csv.hpp"

namespace cnscd::documents {
namespace {

constexpr std::string_view kCommuneHeader =
    "Mã,Tên,Tên Tiếng Anh,Cấp,Mã QH,Quận Huyện,Mã TP,Tỉnh / Thành Phố\n";
constexpr std::string_view kDistrictHeader = "Mã,Tên,Tên Tiếng Anh,Cấp,Mã TP,Tỉnh / Thành Phố\n";
constexpr std::string_view kTwoLevelHeader =
    "province,ward,provinceShort,wardShort,wardType,provinceCode,provinceLat,provinceLon,wardCode,"
    "wardLat,wardLon,wardAreaKm2\n";

std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s += p;
  return s;
}

std::vector<const UnitRecord*> OfKind(const UnitList& list, UnitKind kind) {
  std::vector<const UnitRecord*> out;
  for (const UnitRecord& r : list.records) {
    if (r.kind == kind) out.push_back(&r);
  }
  return out;
}

std::map<std::string, int> SubkindCounts(const UnitList& list, UnitKind kind) {
  std::map<std::string, int> counts;
  for (const UnitRecord* r : OfKind(list, kind)) ++counts[r->subkind];
  return counts;
}

std::vector<int> RefusedLines(const UnitList& list) {
  std::vector<int> lines;
  for (const Refusal& r : list.refused) lines.push_back(r.line);
  return lines;
}

TEST(ReadCsv, KeepsQuotedCommasAndNewlinesAndCountsPhysicalLines) {
  const auto rows = ReadCsv("a,b\n\"x, y\",\"multi\nline\"\n\n  c,d\r\ne,\"f\"");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"x, y", "multi\nline"}));
  EXPECT_EQ(rows[2].line, 5);
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(rows[3].line, 6);
  EXPECT_EQ(rows[3].cells, (std::vector<std::string>{"e", "f"}));
}

TEST(ReadCsv, StripsTheBomAndKeepsEmptyCells) {
  const auto rows = ReadCsv("\xEF\xBB\xBFMã,,x\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"Mã", "", "x"}));
}

TEST(ReadCsv, ThrowsOnBadQuotes) {
  for (std::string_view bad : {"a,b\nc,\"d\n", "a,b\nc,d\"e\n", "a,\"b\"c\n"}) {
    try {
      ReadCsv(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kMalformed);
      EXPECT_EQ(e.code(), "unreadable_csv");
    }
  }
}

TEST(ParseUnitList, DetectsEachFormatFromItsHeader) {
  EXPECT_EQ(ParseUnitList(kCommuneHeader).format, UnitListFormat::kGsoCommunes);
  EXPECT_EQ(ParseUnitList(kDistrictHeader).format, UnitListFormat::kGsoDistricts);
  const UnitList two_level = ParseUnitList(kTwoLevelHeader);
  EXPECT_EQ(two_level.format, UnitListFormat::kTwoLevel2025);
  EXPECT_EQ(two_level.rows_read, 0);
  EXPECT_TRUE(two_level.records.empty());
}

const std::string kCommunes = Cat({
    kCommuneHeader,
    "00001,Phường Phúc Xá,,Phường,001,Quận Ba Đình,01,Thành phố Hà Nội\n",
    "00006,Phường Vĩnh Phúc,\"Vinh Phuc, Ward\",Phường,001,Quận Ba Đình,01,Thành phố Hà Nội\n",
    "00118,Xã Tây Tựu,,Xã,021,Quận Bắc Từ Liêm,01,Thành phố Hà Nội\n",
    "04255,Thị trấn Yên Thế,,Thị trấn,135,Huyện Lục Yên,15,Tỉnh Yên Bái",
});

TEST(ParseUnitList, ReadsTheGsoCommuneListTopDown) {
  const UnitList list = ParseUnitList(kCommunes);
  EXPECT_EQ(list.format, UnitListFormat::kGsoCommunes);
  EXPECT_EQ(list.rows_read, 4);
  EXPECT_TRUE(list.refused.empty());
  ASSERT_EQ(list.records.size(), 2u + 3u + 4u);
  std::vector<std::string> codes;
  for (const UnitRecord& r : list.records) codes.push_back(r.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"01", "15", "001", "021", "135", "00001", "00006",
                                             "00118", "04255"}));

  const UnitRecord& hanoi = list.records[0];
  EXPECT_EQ(hanoi.kind, UnitKind::kProvince);
  EXPECT_EQ(hanoi.name, "Thành phố Hà Nội");
  EXPECT_EQ(hanoi.subkind, "thành phố");
  EXPECT_EQ(hanoi.parent_kind, std::nullopt);
  EXPECT_EQ(hanoi.parent_code, "");
  EXPECT_EQ(hanoi.line, 2);
  EXPECT_EQ(list.records[1].subkind, "tỉnh");

  const UnitRecord& ba_dinh = list.records[2];
  EXPECT_EQ(ba_dinh.kind, UnitKind::kDistrict);
  EXPECT_EQ(ba_dinh.subkind, "quận");
  EXPECT_EQ(ba_dinh.parent_kind, UnitKind::kProvince);
  EXPECT_EQ(ba_dinh.parent_code, "01");
  EXPECT_EQ(list.records[4].subkind, "huyện");

  const UnitRecord& yen_the = list.records[8];
  EXPECT_EQ(yen_the.kind, UnitKind::kCommune);
  EXPECT_EQ(yen_the.name, "Thị trấn Yên Thế");
  EXPECT_EQ(yen_the.subkind, "thị trấn");
  EXPECT_EQ(yen_the.parent_kind, UnitKind::kDistrict);
  EXPECT_EQ(yen_the.parent_code, "135");
  EXPECT_EQ(yen_the.line, 5);
}

TEST(ParseUnitList, SameResultWithAndWithoutBom) {
  const UnitList plain = ParseUnitList(kCommunes);
  const UnitList bom = ParseUnitList("\xEF\xBB\xBF" + kCommunes);
  EXPECT_EQ(bom.format, UnitListFormat::kGsoCommunes);
  ASSERT_EQ(bom.records.size(), plain.records.size());
  for (std::size_t i = 0; i < bom.records.size(); ++i) {
    EXPECT_EQ(bom.records[i].code, plain.records[i].code);
    EXPECT_EQ(bom.records[i].name, plain.records[i].name);
    EXPECT_EQ(bom.records[i].line, plain.records[i].line);
  }
}

TEST(ParseUnitList, NfdHeaderAndNamesBecomeNfc) {
  // Decomposed text (combining marks) and stray spaces, in the header and in the cells.
  const std::string nfd_header =
      "Ma\xCC\x83,Te\xCC\x82n,Te\xCC\x82n Tie\xCC\x82\xCC\x81ng Anh,Ca\xCC\x82\xCC\x81p,"
      "Ma\xCC\x83 TP ,Ti\xCC\x89nh / Tha\xCC\x80nh Pho\xCC\x82\xCC\x81\n";
  const std::string huyen = "Huye\xCC\xA3\xCC\x82n";
  const UnitList list =
      ParseUnitList(nfd_header + "547,\"" + huyen + "  Phu\xCC\x80 Ca\xCC\x81t \",," + huyen +
                    ",52,Ti\xCC\x89nh Bi\xCC\x80nh \xC4\x90i\xCC\xA3nh\n");
  EXPECT_EQ(list.format, UnitListFormat::kGsoDistricts);
  ASSERT_TRUE(list.refused.empty()) << list.refused[0].message_en;
  // Every record's name and subkind, so that one comparison covers their count too.
  std::vector<std::pair<std::string, std::string>> names;
  for (const UnitRecord& r : list.records) names.emplace_back(r.name, r.subkind);
  EXPECT_EQ(names, (std::vector<std::pair<std::string, std::string>>{{"Tỉnh Bình Định", "tỉnh"},
                                                                     {"Huyện Phù Cát", "huyện"}}));
}

TEST(ParseUnitList, ReadsColumnsByNameInAnyOrder) {
  const UnitList list = ParseUnitList(
      "Tên,Mã,Cấp,Tên Tiếng Anh,Tỉnh / Thành Phố,Mã TP\n"
      "Thị xã Hoài Nhơn,545,Thị xã,,Tỉnh Bình Định,52\n"
      "Huyện Phù Cát,547,Huyện,,Tỉnh Bình Định,52\n");
  EXPECT_EQ(list.format, UnitListFormat::kGsoDistricts);
  ASSERT_EQ(list.records.size(), 3u);
  EXPECT_EQ(list.records[0].code, "52");
  EXPECT_EQ(list.records[1].code, "545");
  EXPECT_EQ(list.records[1].name, "Thị xã Hoài Nhơn");
  EXPECT_EQ(list.records[1].subkind, "thị xã");
  EXPECT_EQ(list.records[2].parent_code, "52");
}

TEST(ParseUnitList, PadsTwoLevelCodes) {
  const UnitList list = ParseUnitList(
      Cat({kTwoLevelHeader,
           "Thành phố Hà Nội,Phường Hồng Hà,Hà Nội,Hồng Hà,Phường,1,21.0001,105.698,97,21.0567,"
           "105.845,15.09\n",
           "Tỉnh Quảng Ninh,Đặc khu Cô Tô,Quảng Ninh,Cô Tô,Đặc khu,22,21.0,107.0,7192.0,21.0,107.0,"
           "47.3\n"}));
  EXPECT_EQ(list.format, UnitListFormat::kTwoLevel2025);
  ASSERT_TRUE(list.refused.empty()) << list.refused[0].message_en;
  ASSERT_EQ(list.records.size(), 4u);
  EXPECT_EQ(list.records[0].code, "01");
  EXPECT_EQ(list.records[1].code, "22");
  const UnitRecord& hong_ha = list.records[2];
  EXPECT_EQ(hong_ha.code, "00097");
  EXPECT_EQ(hong_ha.subkind, "phường");
  EXPECT_EQ(hong_ha.parent_kind, UnitKind::kProvince);
  EXPECT_EQ(hong_ha.parent_code, "01");
  EXPECT_EQ(list.records[3].code, "07192");
  EXPECT_EQ(list.records[3].subkind, "đặc khu");
}

TEST(ParseUnitList, RefusesBadRowsWithTheirLines) {
  const std::string content = Cat({
      kCommuneHeader,                                                         // 1
      "00001,Phường Phúc Xá,,Phường,001,Quận Ba Đình,01,Thành phố Hà Nội\n",  // 2
      "00002,Phường X,,Phường,001,Quận Ba Đình,01\n",                         // 3 cells
      ",Phường Y,,Phường,001,Quận Ba Đình,01,Thành phố Hà Nội\n",             // 4 no code
      "00007,,,Phường,001,Quận Ba Đình,01,Thành phố Hà Nội\n",                // 5 no name
      "123456,Phường Z,,Phường,001,Quận Ba Đình,01,Thành phố Hà Nội\n",       // 6 code
      "00008,Phường \xFF,,Phường,001,Quận Ba Đình,01,Thành phố Hà Nội\n",     // 7 UTF-8
      "00009,Phường A,,Phường,001,Quận Ba Đình Khác,01,Thành phố Hà Nội\n",   // 8 district
      "00010,Phường B,\"note\nsecond line\",Phường,001,Quận Ba Đình,01,Thành phố Hà Nội\n",  // 9-10
      "00001,Phường Phúc Xá,,Xã,001,Quận Ba Đình,01,Thành phố Hà Nội\n",      // 11 commune
      "00001,Phường Phúc Xá,,Phường,001,Quận Ba Đình,01,Thành phố Hà Nội\n",  // 12 same
      "00011,Phường C,,Phường,002,Quận Hoàn Kiếm,01,Tỉnh Hà Nội\n",           // 13 province
      "97,Xã D,,Xã,2,Quận Hoàn Kiếm,1,Thành phố Hà Nội\n",                    // 14 padded
      "00098,Xã E,,Làng,002,Quận Hoàn Kiếm,01,Thành phố Hà Nội\n",            // 15 type
  });
  const UnitList list = ParseUnitList(content);
  EXPECT_EQ(list.rows_read, 13);
  EXPECT_EQ(RefusedLines(list), (std::vector<int>{3, 4, 5, 6, 7, 8, 11, 13, 15}));
  for (const Refusal& r : list.refused) {
    EXPECT_FALSE(r.message_vi.empty());
    EXPECT_FALSE(r.message_en.empty());
  }
  EXPECT_NE(list.refused[0].message_en.find("7 cells"), std::string::npos);
  EXPECT_NE(list.refused[1].message_en.find("code is missing"), std::string::npos);
  EXPECT_NE(list.refused[2].message_en.find("name is missing"), std::string::npos);
  EXPECT_NE(list.refused[3].message_en.find("\"123456\""), std::string::npos);
  EXPECT_NE(list.refused[4].message_en.find("UTF-8"), std::string::npos);
  EXPECT_NE(list.refused[5].message_en.find("district code 001 appears on line 2"),
            std::string::npos);
  EXPECT_NE(list.refused[6].message_en.find("commune code 00001"), std::string::npos);
  EXPECT_NE(list.refused[7].message_en.find("province code 01"), std::string::npos);
  EXPECT_NE(list.refused[8].message_en.find("\"làng\""), std::string::npos);

  EXPECT_EQ(OfKind(list, UnitKind::kProvince).size(), 1u);
  ASSERT_EQ(OfKind(list, UnitKind::kDistrict).size(), 2u);
  EXPECT_EQ(OfKind(list, UnitKind::kDistrict)[1]->line, 14);  // not 13: that row was refused
  const auto communes = OfKind(list, UnitKind::kCommune);
  ASSERT_EQ(communes.size(), 3u);
  EXPECT_EQ(communes[1]->line, 9);
  EXPECT_EQ(communes[2]->code, "00097");
  EXPECT_EQ(communes[2]->parent_code, "002");
}

TEST(ParseUnitList, ThrowsOnAnUnknownHeader) {
  for (std::string_view bad : {"code,name\n01,Hà Nội\n", "", "Mã,Tên,Cấp\n",
                               "Mã,Mã,Tên,Tên Tiếng Anh,Cấp,Mã TP,Tỉnh / Thành Phố\n"}) {
    try {
      ParseUnitList(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kMalformed);
      EXPECT_EQ(e.code(), "unknown_format");
    }
  }
}

// The real lists, when ../shared/data is there.
std::optional<std::string> ReadShared(const std::string& name) {
  std::ifstream in(std::string(CNSCD_SHARED_DATA) + "/vn-admin/" + name, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(RealLists, GsoCommunes) {
  const auto content = ReadShared("danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv");
  if (!content) GTEST_SKIP() << "../shared/data is absent: skipping the real-list test";
  const UnitList list = ParseUnitList(*content);
  EXPECT_EQ(list.format, UnitListFormat::kGsoCommunes);
  EXPECT_EQ(list.rows_read, 10035);
  EXPECT_TRUE(list.refused.empty()) << list.refused[0].line << ": " << list.refused[0].message_en;
  EXPECT_EQ(OfKind(list, UnitKind::kProvince).size(), 63u);
  EXPECT_EQ(OfKind(list, UnitKind::kDistrict).size(), 691u);
  EXPECT_EQ(OfKind(list, UnitKind::kCommune).size(), 10035u);
  EXPECT_EQ(SubkindCounts(list, UnitKind::kCommune),
            (std::map<std::string, int>{{"xã", 7695}, {"phường", 1724}, {"thị trấn", 616}}));
  EXPECT_EQ(SubkindCounts(list, UnitKind::kProvince),
            (std::map<std::string, int>{{"tỉnh", 57}, {"thành phố", 6}}));
  const auto districts = OfKind(list, UnitKind::kDistrict);
  EXPECT_TRUE(std::any_of(districts.begin(), districts.end(),
                          [](const UnitRecord* d) { return d->name == "Huyện Vũng Liêm"; }));

  // The same file without its BOM.
  ASSERT_TRUE(content->starts_with("\xEF\xBB\xBF"));
  const UnitList plain = ParseUnitList(std::string_view(*content).substr(3));
  EXPECT_EQ(plain.records.size(), list.records.size());
  EXPECT_TRUE(plain.refused.empty());
}

TEST(RealLists, GsoDistricts) {
  const auto content = ReadShared("danhmuchanhchinh.gso.gov.vn_district_2025-07-18.csv");
  if (!content) GTEST_SKIP() << "../shared/data is absent: skipping the real-list test";
  const UnitList list = ParseUnitList(*content);
  EXPECT_EQ(list.format, UnitListFormat::kGsoDistricts);
  EXPECT_EQ(list.rows_read, 696);
  EXPECT_TRUE(list.refused.empty()) << list.refused[0].line << ": " << list.refused[0].message_en;
  EXPECT_EQ(OfKind(list, UnitKind::kProvince).size(), 63u);
  EXPECT_EQ(OfKind(list, UnitKind::kDistrict).size(), 696u);
  EXPECT_EQ(SubkindCounts(list, UnitKind::kDistrict),
            (std::map<std::string, int>{
                {"huyện", 508}, {"thành phố", 87}, {"thị xã", 52}, {"quận", 49}}));
}

TEST(RealLists, TwoLevel2025) {
  const auto content = ReadShared("2025_34-province-3221-ward_with_location.csv");
  if (!content) GTEST_SKIP() << "../shared/data is absent: skipping the real-list test";
  const UnitList list = ParseUnitList(*content);
  EXPECT_EQ(list.format, UnitListFormat::kTwoLevel2025);
  EXPECT_EQ(list.rows_read, 3321);
  EXPECT_TRUE(list.refused.empty()) << list.refused[0].line << ": " << list.refused[0].message_en;
  EXPECT_EQ(OfKind(list, UnitKind::kProvince).size(), 34u);
  const auto communes = OfKind(list, UnitKind::kCommune);
  EXPECT_EQ(communes.size(), 3321u);
  EXPECT_EQ(SubkindCounts(list, UnitKind::kCommune),
            (std::map<std::string, int>{{"xã", 2621}, {"phường", 687}, {"đặc khu", 13}}));
  EXPECT_TRUE(std::all_of(communes.begin(), communes.end(), [](const UnitRecord* c) {
    return c->code.size() == 5 && c->parent_kind == UnitKind::kProvince &&
           c->parent_code.size() == 2;
  }));
}

}  // namespace
}  // namespace cnscd::documents
