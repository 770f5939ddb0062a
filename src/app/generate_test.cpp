// `cnscd gen` on real SQLite databases in a temporary folder.
#include "app/generate.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/support_records.hpp"
#include "app_fixture.hpp"
#include "core/error.hpp"

namespace cnscd::app {
namespace {

namespace fs = std::filesystem;

// The shared reference data beside the repository (/work/shared/data for /work/main).
fs::path SharedData() {
  return fs::path(__FILE__).parent_path().parent_path().parent_path().parent_path() / "shared" /
         "data";
}

// What a generated database holds, to compare two runs.
struct Shape {
  std::int64_t units = 0, teams = 0, members = 0, records = 0;
  std::string first_name, first_phone, last_name, last_phone;
  std::map<std::string, std::int64_t> helped;
  bool operator==(const Shape&) const = default;
};

// Databases of their own (OpenDb), their contexts on a fixed day: the records' months depend on
// today.
class GenerateTest : public cnscd_test::AppTest {
 protected:
  GenerateTest() : AppTest({.now = cnscd_test::VietnamMorning(2026, 3, 15), .db_file = ""}) {}

  static GenOptions Synthetic(std::uint64_t seed, std::int64_t records) {
    GenOptions o;
    o.seed = seed;
    o.synthetic = true;
    o.province = "01";
    o.records = records;
    o.batch = 7000;  // several transactions
    o.names_dir = (SharedData() / "names").string();
    return o;
  }

  static Shape ShapeOf(Context& ctx) {
    Shape s;
    auto tx = ctx.Begin(store::Access::kRead);
    const store::Scope all{true, {}, {}, {}};
    store::UnitQuery q;
    q.limit = 1;
    s.units = tx->ListUnits(q, all).total;
    q.kind = UnitKind::kProvince;
    const store::Unit province = tx->ListUnits(q, all).items.at(0);
    s.teams = tx->ListTeams(province, all, 1, 0).total;
    s.members = tx->CountCoverage(province).members;
    store::SupportQuery sq;
    sq.scope = all;
    sq.limit = 1;
    s.records = tx->ListSupportRecords(sq).total;
    const auto first = tx->FindPerson(1);
    const auto last = tx->FindPerson(s.members);
    if (first) s.first_name = first->full_name, s.first_phone = first->phone.value_or("");
    if (last) s.last_name = last->full_name, s.last_phone = last->phone.value_or("");
    s.helped = tx->HelpedCounts(province, "2026-03-15");
    return s;
  }
};

TEST_F(GenerateTest, ASyntheticProvinceHasVillagesTeamsMembersAndCountedRecords) {
  Db db = OpenDb("a.db");
  const GenSummary s = Generate(*db.ctx, caller_, Synthetic(7, 20000));
  EXPECT_EQ(s.units_source, "synthetic");
  EXPECT_EQ(s.provinces, 1);
  EXPECT_EQ(s.communes, 98);  // 3,321 communes shared by 34 provinces, the first ones get 98
  EXPECT_GE(s.villages, 18 * s.communes);
  EXPECT_LE(s.villages, 27 * s.communes);
  EXPECT_EQ(s.teams, s.villages);
  EXPECT_GE(s.members, 4 * s.teams);
  EXPECT_LE(s.members, 8 * s.teams);
  EXPECT_EQ(s.records, 20000);

  const Shape live = ShapeOf(*db.ctx);
  EXPECT_EQ(live.units, 1 + s.communes + s.villages);
  EXPECT_EQ(live.teams, s.teams);
  EXPECT_EQ(live.members, s.members);
  EXPECT_EQ(live.records, 20000);
  EXPECT_EQ(live.first_phone.size(), 10U);
  EXPECT_NE(live.first_name.find(' '), std::string::npos);
  // About one citizen in ten is helped twice: distinct pairs are some 9 in 10 records.
  std::int64_t helped = 0;
  for (const auto& [service, n] : live.helped) helped += n;
  EXPECT_GT(helped, 17000);
  EXPECT_LT(helped, 19500);
  EXPECT_GE(live.helped.size(), 8U);  // spread over the services

  // The live counters equal a recount from the records.
  Recount(*db.ctx);
  EXPECT_EQ(ShapeOf(*db.ctx).helped, live.helped);

  // Population for every commune, last year and this.
  auto tx = db.store->Begin(store::Access::kRead);
  store::UnitQuery q;
  q.kind = UnitKind::kCommune;
  q.limit = 1;
  const store::Unit commune = tx->ListUnits(q, {true, {}, {}, {}}).items.at(0);
  const auto population = tx->ListPopulation(commune.id);
  ASSERT_EQ(population.size(), 2U);
  EXPECT_GT(population[0].figures.at("age14plus"), 0);
}

TEST_F(GenerateTest, TheSameSeedGivesTheSameDatabaseAndAnotherSeedAnother) {
  Db a = OpenDb("a.db");
  Db b = OpenDb("b.db");
  Db c = OpenDb("c.db");
  Generate(*a.ctx, caller_, Synthetic(42, 3000));
  Generate(*b.ctx, caller_, Synthetic(42, 3000));
  Generate(*c.ctx, caller_, Synthetic(43, 3000));
  const Shape sa = ShapeOf(*a.ctx), sb = ShapeOf(*b.ctx), sc = ShapeOf(*c.ctx);
  EXPECT_EQ(sa, sb);
  EXPECT_FALSE(sa == sc);
  EXPECT_NE(sa.first_phone, sc.first_phone);
}

TEST_F(GenerateTest, ADatabaseWithUnitsIsRefusedAndLeftAsItWas) {
  Db db = OpenDb("a.db");
  Generate(*db.ctx, caller_, Synthetic(1, 0));
  const Shape before = ShapeOf(*db.ctx);
  try {
    Generate(*db.ctx, caller_, Synthetic(2, 100));
    FAIL() << "expected a refusal";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "database_not_empty");
    EXPECT_EQ(e.kind(), ErrorKind::kRuleBroken);
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.message_en().empty());
  }
  EXPECT_EQ(ShapeOf(*db.ctx), before);
}

TEST_F(GenerateTest, AnUnknownProvinceIsRefusedAndNothingIsWritten) {
  Db db = OpenDb("a.db");
  GenOptions o = Synthetic(1, 10);
  o.province = "Atlantis";
  try {
    Generate(*db.ctx, caller_, o);
    FAIL() << "expected a refusal";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "unknown_province");
    EXPECT_EQ(e.field(), "province");
  }
  auto tx = db.store->Begin(store::Access::kRead);
  store::UnitQuery q;
  EXPECT_EQ(tx->ListUnits(q, {true, {}, {}, {}}).total, 0);
}

TEST_F(GenerateTest, WithoutTheNameFilesTheBuiltInListServes) {
  Db db = OpenDb("a.db");
  GenOptions o = Synthetic(1, 0);
  o.names_dir = (dir_ / "absent").string();
  EXPECT_EQ(Generate(*db.ctx, caller_, o).names_source, "built-in");
}

TEST_F(GenerateTest, TheRealListsGiveTheProvinceAndItsCommunesWithBanVillages) {
  const fs::path lists = SharedData() / "vn-admin";
  if (!fs::is_regular_file(lists / "2025_34-province-3221-ward_with_location.csv")) {
    GTEST_SKIP() << "the reference data " << lists << " is absent: real-list test skipped";
  }
  Db db = OpenDb("a.db");
  GenOptions o;
  o.seed = 3;
  o.province = "Lai Châu";  // a small highland province (code 12): villages are bản
  o.lists_dir = lists.string();
  o.names_dir = (SharedData() / "names").string();
  o.records = 1000;
  const GenSummary s = Generate(*db.ctx, caller_, o);
  EXPECT_EQ(s.units_source, "gso-2025");
  EXPECT_EQ(s.names_source, "files");
  EXPECT_EQ(s.provinces, 1);
  EXPECT_GT(s.communes, 20);
  auto tx = db.store->Begin(store::Access::kRead);
  const auto province = tx->FindUnitByCode(UnitKind::kProvince, "12", "2025-07-01");
  ASSERT_TRUE(province);
  store::UnitQuery q;
  q.kind = UnitKind::kVillage;
  q.limit = 1;
  const store::Unit village = tx->ListUnits(q, {true, {}, {}, {}}).items.at(0);
  EXPECT_EQ(village.subkind, "bản");
  EXPECT_EQ(village.name.rfind("Bản ", 0), 0U);
}

TEST_F(GenerateTest, BeforeTheReformAProvinceHasItsDistrictsAndSmallCommunes) {
  const fs::path lists = SharedData() / "vn-admin";
  if (!fs::is_directory(lists)) {
    GTEST_SKIP() << "the reference data " << lists << " is absent: real-list test skipped";
  }
  Db db = OpenDb("a.db");
  GenOptions o;
  o.seed = 5;
  o.province = "Lai Châu";  // code 12 before the reform too: 8 districts
  o.lists_dir = lists.string();
  o.names_dir = (SharedData() / "names").string();
  o.before_reform = true;
  o.records = 500;
  const GenSummary s = Generate(*db.ctx, caller_, o);
  EXPECT_EQ(s.units_source, "gso-before-2025");
  EXPECT_EQ(s.provinces, 1);
  EXPECT_EQ(s.districts, 8);
  EXPECT_GT(s.communes, 90);  // 106 communes before the merger, 38 after
  EXPECT_GE(s.villages, 5 * s.communes);
  EXPECT_LE(s.villages, 9 * s.communes);
  EXPECT_EQ(s.teams, s.villages);
  EXPECT_EQ(s.records, 500);
  // Communes hang under their districts, which hang under the province.
  auto tx = db.store->Begin(store::Access::kRead);
  store::UnitQuery q;
  q.kind = UnitKind::kCommune;
  q.limit = 1;
  const store::Unit commune = tx->ListUnits(q, {true, {}, {}, {}}).items.at(0);
  const auto district = tx->FindUnit(*commune.parent_id);
  ASSERT_TRUE(district);
  EXPECT_EQ(district->kind, UnitKind::kDistrict);
}

}  // namespace
}  // namespace cnscd::app
