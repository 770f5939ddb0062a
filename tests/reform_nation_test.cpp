// Issue 8 item 4: a synthetic nation on the lists before the reform, taken through the official
// 2025 conversion table (../shared/data/vn-admin; skipped when absent). Afterwards the 34 provinces
// and 3,321 communes exist, every team, member and record is there exactly once, every counter
// equals a recount, national totals are unchanged, and the old tree reads as it was on 2025-06-30.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "app/generate.hpp"
#include "app/import_units.hpp"
#include "app/reform.hpp"
#include "documents/conversion_table.hpp"
#include "test_store.hpp"

namespace cnscd {
namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;

const fs::path kData = fs::path(CNSCD_SHARED_DATA) / "vn-admin";
const fs::path kTable = kData / "BangChuyendoiDVHCmoi_cu_khong_merge.csv";
const fs::path kOldCommunes = kData / "danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv";
const fs::path kTwoLevel = kData / "2025_34-province-3221-ward_with_location.csv";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string One(const store::Store& s, const std::string& sql) {
  return cnscd_test::QuerySql(s, sql).at(0).at(0);
}

// What a human would decide, written as the decisions file: a split commune's villages all go to
// the first new commune the table names for it; a commune the table does not map goes where a
// commune of its district went.
std::string Decisions(const store::Store& s, const documents::ConversionTable& table) {
  std::map<std::string, std::vector<std::string>> into;
  for (const auto& r : table.rows) {
    if (r.old_commune_code.empty()) continue;
    auto& v = into[r.old_commune_code];
    if (std::find(v.begin(), v.end(), r.new_commune_code) == v.end())
      v.push_back(r.new_commune_code);
  }
  std::string csv = "old,new\n";
  for (const auto& [old, v] : into) {
    if (v.size() > 1) csv += old + "," + v.front() + "\n";
  }
  const Rows communes =
      cnscd_test::QuerySql(s,
                           "SELECT c.code, d.id FROM unit c JOIN unit d ON d.id = c.parent_id "
                           "WHERE c.kind = 'commune' ORDER BY c.code");
  std::map<std::string, std::string> any_in_district;  // district id -> a mapped commune code
  for (const auto& row : communes) {
    if (into.count(row[0])) any_in_district.emplace(row[1], row[0]);
  }
  for (const auto& row : communes) {
    if (!into.count(row[0])) csv += row[0] + "," + into[any_in_district.at(row[1])].front() + "\n";
  }
  return csv;
}

const char* kCounts =
    "SELECT (SELECT count(*) FROM team), (SELECT count(*) FROM membership), "
    "(SELECT count(*) FROM support_record), (SELECT count(*) FROM person), "
    "(SELECT count(*) FROM unit WHERE kind = 'village' AND valid_to IS NULL)";
const char* kNational =
    "SELECT t.service, sum(t.n) FROM helped_total t JOIN unit u ON u.id = t.unit_id "
    "WHERE u.kind = 'province' AND u.valid_to IS NULL GROUP BY t.service ORDER BY t.service";
const char* kTree =
    "SELECT id, name, kind, coalesce(parent_id, 0), path FROM unit WHERE valid_to IS NULL "
    "ORDER BY id";

// What must come through the reform unchanged.
struct Before {
  Rows counts, national, tree;
};

Before Take(const store::Store& s) {
  return {cnscd_test::QuerySql(s, kCounts), cnscd_test::QuerySql(s, kNational),
          cnscd_test::QuerySql(s, kTree)};
}

void ExpectCarriedAcross(store::Store& s, const Before& before, const std::string& provinces,
                         const std::string& communes) {
  // The new tree: no district, every commune under a current province, paths that agree with
  // parents.
  EXPECT_EQ(One(s, "SELECT count(*) FROM unit WHERE kind = 'province' AND valid_to IS NULL"),
            provinces);
  EXPECT_EQ(One(s, "SELECT count(*) FROM unit WHERE kind = 'commune' AND valid_to IS NULL"),
            communes);
  EXPECT_EQ(One(s, "SELECT count(*) FROM unit WHERE kind = 'district' AND valid_to IS NULL"), "0");
  EXPECT_EQ(One(s,
                "SELECT count(*) FROM unit c JOIN unit p ON p.id = c.parent_id "
                "WHERE c.kind = 'commune' AND c.valid_to IS NULL AND "
                "(p.kind <> 'province' OR p.valid_to IS NOT NULL)"),
            "0");
  EXPECT_EQ(One(s,
                "SELECT count(*) FROM unit c JOIN unit p ON p.id = c.parent_id "
                "WHERE c.valid_to IS NULL AND c.path <> p.path || c.id || '/'"),
            "0");

  // Everything still there exactly once, on a current unit.
  EXPECT_EQ(cnscd_test::QuerySql(s, kCounts), before.counts);
  EXPECT_EQ(One(s,
                "SELECT count(*) FROM team t JOIN unit u ON u.id = t.unit_id "
                "WHERE u.valid_to IS NOT NULL"),
            "0");
  EXPECT_EQ(One(s,
                "SELECT count(*) FROM support_record r JOIN unit u ON u.id = "
                "r.village_id WHERE u.valid_to IS NOT NULL"),
            "0");

  // National totals unchanged, and every counter equals a recount.
  EXPECT_EQ(cnscd_test::QuerySql(s, kNational), before.national);
  const std::string kTotals =
      "SELECT unit_id, service, month, n FROM helped_total ORDER BY unit_id, service, month";
  const Rows live = cnscd_test::QuerySql(s, kTotals);
  {
    auto tx = s.Begin(store::Access::kWrite);
    tx->RebuildCounters();
    tx->Commit();
  }
  EXPECT_EQ(cnscd_test::QuerySql(s, kTotals), live);

  // The old tree reads as it was on 2025-06-30: every unit, its name, parent and path.
  Rows old;
  {
    auto tx = s.Begin(store::Access::kRead);
    for (const UnitKind kind :
         {UnitKind::kProvince, UnitKind::kDistrict, UnitKind::kCommune, UnitKind::kVillage}) {
      store::UnitQuery q;
      q.kind = kind;
      q.on = "2025-06-30";
      q.limit = 10'000'000;
      for (const store::Unit& u : tx->ListUnits(q, {.everything = true}).items) {
        old.push_back({std::to_string(u.id), u.name, std::string(ToString(u.kind)),
                       std::to_string(u.parent_id.value_or(0)), u.path});
      }
    }
  }
  std::sort(old.begin(), old.end(),
            [](const auto& a, const auto& b) { return std::stoll(a[0]) < std::stoll(b[0]); });
  EXPECT_EQ(old.size(), before.tree.size());
  EXPECT_TRUE(old == before.tree) << "the tree on 2025-06-30 differs from the tree before";
}

class ReformTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = cnscd_test::StoreUnavailable()) GTEST_SKIP() << *why;
    if (!fs::exists(kTable) || !fs::exists(kOldCommunes)) {
      GTEST_SKIP() << "../shared/data/vn-admin is absent: skipping the reform on the real tables";
    }
    dir_ = fs::temp_directory_path() /
           ("cnscd-reform-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
            // the .postgresql run of the same test runs beside it: a folder of its own
            (cnscd_test::WantsPostgres() ? "-pg" : ""));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = cnscd_test::OpenTestStore(dir_.string(), 1);
    in_.table_csv = Slurp(kTable);
    in_.effective = "2025-07-01";
    in_.basis = "Nghị quyết 202/2025/QH15; QĐ 19/2025/QĐ-TTg";
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  app::GenSummary Generate(std::optional<std::string> province, std::int64_t records) {
    app::Context ctx{*store_};
    app::GenOptions gen;
    gen.before_reform = true;
    gen.province = std::move(province);
    gen.records = records;
    gen.lists_dir = kData.string();
    gen.names_dir = (kData.parent_path() / "names").string();
    return app::Generate(ctx, cli_, gen);
  }
  app::ReformSummary Reform() {
    app::Context ctx{*store_};
    return app::RunReform(ctx, cli_, in_);
  }

  fs::path dir_;
  std::unique_ptr<store::Store> store_;
  app::ReformInput in_;
  const app::Caller cli_ = app::SystemCaller("cli:test");
};

// Lai Châu: 8 districts and 106 communes became 38 communes, none split; on both stores.
TEST_F(ReformTest, LaiChauGoesThroughTheTableWithNothingLost) {
  const app::GenSummary g = Generate("12", 5'000);
  ASSERT_EQ(g.communes, 106);
  const Before before = Take(*store_);
  const app::ReformSummary plan = Reform();
  EXPECT_TRUE(plan.questions.empty());
  EXPECT_EQ(plan.communes, 38);
  EXPECT_GT(plan.pairs_outside, 10'000);  // the rest of the country is not in this database
  EXPECT_EQ(One(*store_, "SELECT count(*) FROM unit_event"), "0");  // a dry run writes nothing

  in_.apply = true;
  const app::ReformSummary done = Reform();
  ASSERT_TRUE(done.applied);
  EXPECT_EQ(done.districts_dissolved, 8);
  ExpectCarriedAcross(*store_, before, "1", "38");
  // Each district's dissolution and each new commune's merge is an event with its basis.
  EXPECT_EQ(One(*store_, "SELECT count(*) FROM unit_event WHERE kind = 'dissolve'"), "8");
  EXPECT_EQ(One(*store_, "SELECT count(DISTINCT basis) FROM unit_event"), "1");
  // Applied again, the table finds the new tree already there: nothing changes.
  const std::string events = One(*store_, "SELECT count(*) FROM unit_event");
  const app::ReformSummary again = Reform();
  EXPECT_TRUE(again.applied);
  EXPECT_EQ(again.communes_merged_away, 0);
  EXPECT_EQ(again.districts_dissolved, 0);
  EXPECT_EQ(One(*store_, "SELECT count(*) FROM unit_event"), events);
  ExpectCarriedAcross(*store_, before, "1", "38");
}

// The two-level list of 2025 imported first (cnscd import-units): its province and communes are
// the targets, and Lai Châu's old province merges into the new one of its code.
TEST_F(ReformTest, WithTheNewListImportedFirstTheOldUnitsMergeIntoItsUnits) {
  Generate("12", 2'000);
  const Before before = Take(*store_);
  {
    app::Context ctx{*store_};
    const auto imported = app::ImportUnits(ctx, cli_, documents::ParseUnitList(Slurp(kTwoLevel)));
    ASSERT_TRUE(imported.refused.empty());
  }
  in_.apply = true;
  const app::ReformSummary done = Reform();
  ASSERT_TRUE(done.applied);
  EXPECT_EQ(done.communes_created, 0);
  ExpectCarriedAcross(*store_, before, "34", "3321");
  EXPECT_EQ(One(*store_,
                "SELECT valid_to FROM unit WHERE kind = 'province' AND code = '12' AND "
                "valid_from IS NULL"),
            "2025-07-01");
  EXPECT_EQ(One(*store_,
                "SELECT count(*) FROM unit v JOIN unit c ON c.id = v.parent_id "
                "WHERE v.kind = 'village' AND v.valid_to IS NULL AND "
                "c.valid_from = '2025-07-01'"),
            before.counts.at(0).at(4));
}

// The whole country, on SQLite (generating a nation on PostgreSQL takes minutes).
TEST_F(ReformTest, ASyntheticNationGoesThroughTheOfficialTableWithNothingLost) {
  if (cnscd_test::WantsPostgres()) {
    GTEST_SKIP() << "the whole nation runs on SQLite; Lai Châu covers PostgreSQL";
  }
  const app::GenSummary g = Generate(std::nullopt, 100'000);
  ASSERT_EQ(g.communes, 10035);
  const Before before = Take(*store_);
  ASSERT_FALSE(before.national.empty());

  // The dry run asks what the table leaves open: the two unmapped communes and the villages of
  // the 441 split ones.
  const app::ReformSummary plan = Reform();
  EXPECT_FALSE(plan.applied);
  EXPECT_EQ(plan.provinces, 34);
  EXPECT_EQ(plan.communes, 3321);
  EXPECT_EQ(plan.communes_split, 441);
  EXPECT_EQ(plan.districts_dissolved, 696);
  std::map<std::string, int> asked;
  for (const auto& q : plan.questions) ++asked[q.kind];
  EXPECT_EQ(asked["unmapped"], 2);
  EXPECT_GT(asked["split_village"], 441);

  // Asking to apply with questions open applies nothing.
  in_.apply = true;
  EXPECT_FALSE(Reform().applied);
  EXPECT_EQ(One(*store_, "SELECT count(*) FROM unit WHERE valid_to IS NOT NULL"), "0");

  in_.decisions_csv = Decisions(*store_, documents::ParseConversionTable(in_.table_csv));
  const auto start = std::chrono::steady_clock::now();
  const app::ReformSummary done = Reform();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(done.applied) << (done.questions.empty() ? "" : done.questions[0].message_en);
  std::cout << "reform applied in " << seconds << " s: " << done.communes_created
            << " communes created, " << done.communes_kept << " kept, " << done.communes_merged_away
            << " merged whole, " << done.communes_split << " split, " << done.villages_moved
            << " villages moved\n";
  ExpectCarriedAcross(*store_, before, "34", "3321");
}

}  // namespace
}  // namespace cnscd
