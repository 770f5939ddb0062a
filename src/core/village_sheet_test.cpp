#include "core/village_sheet.hpp"

#include <gtest/gtest.h>

#include "core/unit.hpp"

namespace cnscd::village_sheet {
namespace {

SheetRow Row(int line, std::string name, std::string kind = "", std::string code = "",
             std::string year = "", std::map<std::string, std::string> figures = {}) {
  SheetRow r;
  r.line = line;
  r.name = std::move(name);
  r.kind = std::move(kind);
  r.code = std::move(code);
  r.year = std::move(year);
  r.figures = std::move(figures);
  return r;
}

Known NhonMy() {
  Known k;
  Commune c{10, "Xã Nhơn Mỹ", "30001", {}};
  c.villages.push_back({101, "Thôn 1", "TH1", {{2025, {{"households", 300}}}}});
  c.villages.push_back({102, "Ấp Mỹ Phước", std::nullopt, {}});
  k.communes.push_back(std::move(c));
  k.codes_elsewhere["X9"] = "Thôn 9 (Xã Khác)";
  return k;
}

std::string Outcome(const Plan& plan, std::size_t i) {
  const village_sheet::Row& r = plan.rows.at(i);
  return r.action + " " + r.name + (r.reason ? " | " + r.reason->vi : "");
}

TEST(VillageKind, NameKeyIgnoresCaseDiacriticsAndTheKindWord) {
  EXPECT_EQ(VillageNameKey("Thôn 1"), "1");
  EXPECT_EQ(VillageNameKey("  thôn   1 "), "1");
  EXPECT_EQ(VillageNameKey("THON 1"), "1");
  EXPECT_EQ(VillageNameKey("Tổ dân phố Bắc Sơn"), "bac son");
  EXPECT_EQ(VillageNameKey("Ấp Mỹ Phước"), "my phuoc");
  // A first word with diacritics is a type word only when spelled as one.
  EXPECT_EQ(VillageNameKey("Bàn Thạch"), "ban thach");
  EXPECT_EQ(VillageNameKey("Xóm"), "xom");
  EXPECT_EQ(VillageKindOf("Khu phố 2"), "khu phố");
  EXPECT_EQ(VillageKindOf("buon Ea Tu"), "buôn");
  EXPECT_EQ(VillageKindOf("Mỹ Phước"), "");
}

TEST(VillagePlan, CreatesUpdatesMatchesInOrder) {
  const Plan plan = PlanVillageImport(
      {Row(2, "Thôn 1", "thôn", "TH1", "2025", {{"households", "300"}}),
       Row(3, "1", "", "", "2025", {{"households", "1.234"}}), Row(4, "my phuoc", "", "", "2026"),
       Row(5, "Tân Lập", "Thôn", "", "2026", {{"age14plus", "1 500"}, {"households", "410"}}),
       Row(6, "Ấp Mới", "", "AM1")},
      NhonMy());
  ASSERT_EQ(plan.rows.size(), 5u);
  EXPECT_EQ(Outcome(plan, 0), "match Thôn 1");
  EXPECT_EQ(Outcome(plan, 1), "refuse 1 | Trùng thôn, ấp với dòng 2 (1).");
  EXPECT_EQ(Outcome(plan, 2), "match Ấp Mỹ Phước");  // a year without figures: no change
  EXPECT_EQ(Outcome(plan, 3), "create Thôn Tân Lập");
  EXPECT_EQ(Outcome(plan, 4), "create Ấp Mới");
  EXPECT_EQ(plan.created, 2);
  EXPECT_EQ(plan.matched, 2);
  EXPECT_EQ(plan.refused, 1);
  ASSERT_EQ(plan.new_villages.size(), 2u);
  EXPECT_EQ(plan.new_villages[0].subkind, "thôn");
  EXPECT_EQ(plan.new_villages[1].subkind, "ấp");
  EXPECT_EQ(plan.new_villages[1].code, "AM1");
  ASSERT_EQ(plan.population.size(), 1u);
  EXPECT_EQ(plan.population[0].new_village, 0);
  EXPECT_EQ(plan.population[0].figures.at("age14plus"), 1500);
}

TEST(VillagePlan, ChangedFiguresUpdate) {
  const Plan plan =
      PlanVillageImport({Row(2, "thôn 1", "", "", "2025", {{"households", "1.234"}})}, NhonMy());
  EXPECT_EQ(Outcome(plan, 0), "update Thôn 1");
  EXPECT_EQ(plan.updated, 1);
  ASSERT_EQ(plan.population.size(), 1u);
  EXPECT_EQ(plan.population[0].village_id, 101);
  EXPECT_EQ(plan.population[0].figures.at("households"), 1234);
}

TEST(VillagePlan, RefusesEachMistakeWithItsReason) {
  SheetRow unreadable = Row(9, "x");
  unreadable.refused = Reason{"Dòng có ký tự không phải UTF-8 hợp lệ.", "not UTF-8"};
  const Plan plan = PlanVillageImport(
      {Row(2, "Thôn 7", "", "", "", {{"households", "12"}}),
       Row(3, "Thôn 8", "", "", "2025", {{"households", "1,5"}}), Row(4, "Thôn 8", "", "", "1800"),
       Row(5, "Mới"), Row(6, "Mới", "hamlet"), Row(7, "Thôn 2", "", "X9"),
       Row(8, "Thôn 2", "", "TH1"), Row(10, "Ấp Mỹ Phước", "", "MP"), Row(11, ""),
       Row(12, "Thôn 3", "ấp"), unreadable},
      NhonMy());
  EXPECT_EQ(Outcome(plan, 0), "refuse Thôn 7 | Có số liệu dân số nhưng thiếu năm.");
  EXPECT_EQ(Outcome(plan, 1),
            "refuse Thôn 8 | Số liệu \"1,5\" không phải số nguyên không âm (ví dụ 1.234).");
  EXPECT_EQ(Outcome(plan, 2), "refuse Thôn 8 | Năm \"1800\" phải từ 1900 đến 2200.");
  EXPECT_EQ(Outcome(plan, 3),
            "refuse Mới | Thiếu loại (thôn, ấp, bản…) cho thôn mới: ghi ở cột Loại hoặc đầu tên.");
  EXPECT_TRUE(Outcome(plan, 4).starts_with("refuse Mới | Loại \"hamlet\" không phải một trong: "));
  EXPECT_EQ(Outcome(plan, 5), "refuse Thôn 2 | Mã X9 đã là mã của Thôn 9 (Xã Khác).");
  EXPECT_TRUE(Outcome(plan, 6).starts_with("refuse Thôn 2 | Mã TH1 là mã của Thôn 1"));
  EXPECT_TRUE(Outcome(plan, 7).starts_with("refuse Ấp Mỹ Phước | Ấp Mỹ Phước chưa có mã"));
  EXPECT_EQ(Outcome(plan, 8), "refuse  | Thiếu tên thôn, ấp.");
  EXPECT_EQ(Outcome(plan, 9), "refuse Thôn 3 | Loại \"ấp\" khác với tên \"Thôn 3\".");
  EXPECT_EQ(Outcome(plan, 10), "refuse x | Dòng có ký tự không phải UTF-8 hợp lệ.");
  EXPECT_EQ(plan.refused, 11);
  for (const auto& r : plan.rows) EXPECT_FALSE(r.reason->en.empty());
  EXPECT_TRUE(plan.new_villages.empty());
}

TEST(VillagePlan, AboveACommuneRowsNameTheirCommune) {
  Known k = NhonMy();
  k.above_commune = true;
  k.communes.push_back({20, "Xã Nhơn Hậu", "30002", {}});
  k.communes.push_back({30, "Phường Nhơn Hậu", "30003", {}});
  SheetRow carried = Row(4, "Thôn Đông");
  carried.commune = "30001";  // by code
  const Plan plan = PlanVillageImport({Row(2, "Thôn 5"),
                                       [] {
                                         SheetRow r = Row(3, "Thôn 5");
                                         r.commune = "nhon my";
                                         return r;
                                       }(),
                                       carried,
                                       [] {
                                         SheetRow r = Row(5, "Thôn 5");
                                         r.commune = "Nhơn Hậu";
                                         return r;
                                       }(),
                                       [] {
                                         SheetRow r = Row(6, "Thôn 5");
                                         r.commune = "30003";
                                         return r;
                                       }(),
                                       [] {
                                         SheetRow r = Row(7, "Thôn 5");
                                         r.commune = "Xã Vĩnh Hảo";
                                         return r;
                                       }()},
                                      k);
  EXPECT_EQ(Outcome(plan, 0), "refuse Thôn 5 | Thiếu tên hoặc mã xã ở cột đầu.");
  EXPECT_EQ(Outcome(plan, 1), "create Thôn 5");
  EXPECT_EQ(plan.rows[1].commune, "Xã Nhơn Mỹ");
  EXPECT_EQ(Outcome(plan, 2), "create Thôn Đông");
  EXPECT_EQ(Outcome(plan, 3),
            "refuse Thôn 5 | Có nhiều xã tên \"Nhơn Hậu\": ghi mã xã thay cho tên.");
  EXPECT_EQ(Outcome(plan, 4), "create Thôn 5");  // another commune: no twin
  EXPECT_EQ(plan.new_villages[2].commune_id, 30);
  EXPECT_EQ(Outcome(plan, 5), "refuse Thôn 5 | Không có xã \"Xã Vĩnh Hảo\" trong đơn vị này.");
}

}  // namespace
}  // namespace cnscd::village_sheet
