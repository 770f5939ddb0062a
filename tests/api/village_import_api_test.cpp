// Villages and their population from a sheet: the commune's sheet downloaded as CSV and XLSX, and
// read back filled in (a dry run first, then all or nothing), from a commune or a province.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http_client.hpp"
#include "places.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

const std::string kHeader =
    "\"Tên thôn, ấp\",\"Loại (thôn, ấp, bản…)\",Mã thôn,Năm,Dân số từ 14 tuổi trở lên,Dân số từ 15 "
    "tuổi trở lên,Dân số từ 18 tuổi trở lên,Dân số trong độ tuổi lao động,Số hộ,\"Số hộ sản "
    "xuất, kinh doanh\",\"Số doanh nghiệp, cửa hàng\"\r\n";

std::string Units(const json& unit) { return "/api/v1/units/" + Id(IdOf(unit)); }

HttpResponse Import(const HttpClient& c, const json& unit, const std::string& csv, bool apply) {
  HttpRequest r;
  r.method = "POST";
  r.path = Units(unit) + "/village-imports" + (apply ? "?apply=true" : "?apply=false");
  r.content_type = "text/csv";
  r.body = csv;
  return c.Send(r);
}

// "row action name[ | reason]" for each row of a report.
std::vector<std::string> Outcomes(const json& report) {
  std::vector<std::string> out;
  for (const json& row : report.at("rows")) {
    out.push_back(std::to_string(row.at("row").get<int>()) + " " +
                  row.at("action").get<std::string>() + " " + row.at("name").get<std::string>() +
                  (row.contains("reason") ? " | " + row.at("reason").get<std::string>() : ""));
  }
  return out;
}

std::vector<std::string> VillageNames(const HttpClient& c, const json& commune) {
  const HttpResponse r = c.Get("/api/v1/units?parent=" + Id(IdOf(commune)) + "&limit=100");
  if (r.status != 200) throw std::runtime_error("units: " + r.Describe());
  const json page = r.Json();  // kept: a loop over a temporary's member would dangle
  std::vector<std::string> out;
  for (const json& u : page.at("items")) out.push_back(u.at("name").get<std::string>());
  return out;
}

TEST(VillageSheet, TheCommunesSheetListsItsVillagesWithTheirLatestFigures) {
  const HttpClient c = AdminClient();
  const Chain t = MakeChain(c, "Tỉnh Sóc Trăng", "Huyện Kế Sách", "Xã Nhơn Mỹ");
  const json phuoc = MakeVillage(c, "Ấp Mỹ Phước", IdOf(t.commune));
  ASSERT_TRUE(HasStatus(c.Put(Units(phuoc) + "/population",
                              {{"year", 2025}, {"households", 1234}, {"age14plus", 3000}}),
                        200));
  const HttpResponse r = c.Get(Units(t.commune) + "/village-sheet.csv");
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(r.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(r.Header("Content-Disposition").find("filename=\"Thon-Ap-Xa-Nhon-My.csv\""),
            std::string::npos);
  EXPECT_EQ(r.body, "\xEF\xBB\xBF" + kHeader + "Ấp Mỹ Phước,ấp,,2025,3000,,,,1234,,\r\n");

  const HttpResponse xlsx = c.Get(Units(t.province) + "/village-sheet.xlsx");
  ASSERT_TRUE(HasStatus(xlsx, 200));
  EXPECT_TRUE(xlsx.body.starts_with("PK\x03\x04"));
  // The workbook reads back: the same villages, nothing to do.
  HttpRequest back;
  back.method = "POST";
  back.path = Units(t.province) + "/village-imports";
  back.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  back.body = xlsx.body;
  const HttpResponse again = c.Send(back);
  ASSERT_TRUE(HasStatus(again, 200));
  EXPECT_EQ(Outcomes(again.Json()), (std::vector<std::string>{"5 match Ấp Mỹ Phước"}));

  EXPECT_TRUE(IsError(c.Get(Units(phuoc) + "/village-sheet.csv"), 422, "not_a_commune_or_above"));
}

TEST(VillageSheet, ADryRunThenApplyCreatesVillagesAndStoresFigures) {
  const HttpClient c = AdminClient();
  const Chain t = MakeChain(c, "Tỉnh Bình Định", "Huyện Phù Cát", "Xã Cát Hải");
  const json one = MakeVillage(c, "Thôn 1", IdOf(t.commune));
  const std::string csv = kHeader +
                          "thôn 1,,,2025,,,,,\"1.234\",,\r\n"
                          "Tân Lập,Thôn,TL-01,2025,\"1.500\",,,,410,,\r\n"
                          "Ấp Mới,,,2025,,,,,,,\r\n";
  const HttpResponse dry = Import(c, t.commune, csv, false);
  ASSERT_TRUE(HasStatus(dry, 200));
  const json report = dry.Json();
  EXPECT_EQ(report.at("mode"), "dry_run");
  EXPECT_EQ(Outcomes(report), (std::vector<std::string>{"2 update Thôn 1", "3 create Thôn Tân Lập",
                                                        "4 create Ấp Mới"}));
  EXPECT_EQ(report.at("created"), 2);
  EXPECT_EQ(report.at("updated"), 1);
  EXPECT_EQ(VillageNames(c, t.commune), (std::vector<std::string>{"Thôn 1"}));  // nothing written

  const HttpResponse applied = Import(c, t.commune, csv, true);
  ASSERT_TRUE(HasStatus(applied, 200));
  EXPECT_EQ(applied.Json().at("mode"), "applied");
  EXPECT_EQ(VillageNames(c, t.commune),
            (std::vector<std::string>{"Ấp Mới", "Thôn 1", "Thôn Tân Lập"}));
  const json population = c.Get(Units(one) + "/population").Json();
  EXPECT_EQ(population.at("items").at(0).at("households"), 1234);
  // Applied again: nothing left to do.
  EXPECT_EQ(Outcomes(Import(c, t.commune, csv, false).Json()),
            (std::vector<std::string>{"2 match Thôn 1", "3 match Thôn Tân Lập", "4 match Ấp Mới"}));
}

TEST(VillageSheet, ARefusedRowRefusesTheWholeSheetWithEveryReason) {
  const HttpClient c = AdminClient();
  const Chain t = MakeChain(c, "Tỉnh Gia Lai", "Huyện Chư Păh", "Xã Ia Ka");
  const std::string csv = kHeader +
                          "Plei Ối,,,2025,200,,,,,,\r\n"
                          "Làng Mới,,,,,,,,50,,\r\n"
                          "plei oi,,,,,,,,,,\r\n";
  const HttpResponse r = Import(c, t.commune, csv, true);
  ASSERT_TRUE(IsError(r, 422, "import_refused"));
  const json report = r.Json().at("report");
  EXPECT_EQ(Outcomes(report),
            (std::vector<std::string>{"2 create Plei Ối",
                                      "3 refuse Làng Mới | Có số liệu dân số nhưng thiếu năm.",
                                      "4 refuse plei oi | Trùng thôn, ấp với dòng 2 (plei oi)."}));
  EXPECT_EQ(report.at("rows").at(1).at("reason_en"), "Population figures without a year.");
  EXPECT_TRUE(VillageNames(c, t.commune).empty());
}

TEST(VillageSheet, AboveACommuneTheFirstColumnNamesIt) {
  const HttpClient c = AdminClient();
  const Chain t = MakeChain(c, "Tỉnh Đắk Lắk", "Huyện Krông Pắc", "Xã Ea Phê");
  const std::string csv =
      "\"Xã, phường (tên hoặc mã)\",\"Tên thôn, ấp\",\"Loại (thôn, ấp, bản…)\"\r\n"
      "Ea Phê,Buôn Ea Tu,\r\n"
      ",Thôn 2,\r\n"
      "Xã Không Có,Thôn 3,\r\n";
  const HttpResponse r = Import(c, t.province, csv, false);
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(Outcomes(r.Json()),
            (std::vector<std::string>{
                "2 create Buôn Ea Tu", "3 create Thôn 2",
                "4 refuse Thôn 3 | Không có xã \"Xã Không Có\" trong đơn vị này."}));
}

TEST(VillageSheet, AViewerMayDownloadButNotImport) {
  const HttpClient admin = AdminClient();
  const Chain t = MakeChain(admin, "Tỉnh Cà Mau", "Huyện Đầm Dơi", "Xã Tân Thuận");
  const HttpClient viewer = SignedInAs(admin, "viewer", "unit_id", IdOf(t.commune));
  ASSERT_TRUE(HasStatus(viewer.Get(Units(t.commune) + "/village-sheet.csv"), 200));
  EXPECT_TRUE(IsError(Import(viewer, t.commune, kHeader + "Ấp 1,,,,,,,,,,\r\n", false), 403));
  EXPECT_TRUE(
      IsError(Import(admin, t.commune, "a;b\r\n", false), 400, "village_sheet_header_missing"));
  EXPECT_TRUE(IsError(Import(admin, t.commune, kHeader, false), 422, "empty_sheet"));
}

}  // namespace
}  // namespace cnscd_test
