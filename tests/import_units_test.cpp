// Imports the official lists from ../shared/data/vn-admin (skipped when absent) and checks the
// counts the statistics office publishes, idempotency, and the command line's report.
#include "app/import_units.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_store.hpp"

namespace cnscd {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(CNSCD_SHARED_DATA) / "vn-admin";
const fs::path kCommunes = kData / "danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv";
const fs::path kDistricts = kData / "danhmuchanhchinh.gso.gov.vn_district_2025-07-18.csv";
const fs::path kTwoLevel = kData / "2025_34-province-3221-ward_with_location.csv";

const app::Caller kCli = app::SystemCaller("cli:test");

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class ImportUnitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = cnscd_test::StoreUnavailable()) GTEST_SKIP() << *why;
    if (!fs::exists(kCommunes) || !fs::exists(kDistricts) || !fs::exists(kTwoLevel)) {
      GTEST_SKIP() << "../shared/data/vn-admin is absent: skipping the import of the real lists";
    }
    dir_ = fs::temp_directory_path() /
           ("cnscd-import-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
            // the .postgresql run of the same test runs beside it: a folder of its own
            (cnscd_test::WantsPostgres() ? "-pg" : ""));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  std::int64_t Count(store::Store& s, UnitKind kind, std::optional<std::string> edition) {
    auto tx = s.Begin(store::Access::kRead);
    return tx->ListUnits({.kind = kind, .valid_from = edition, .limit = 1}, {.everything = true})
        .total;
  }
  fs::path dir_;
};

TEST_F(ImportUnitsTest, TheListsBeforeTheReformGive63Provinces10035Communes) {
  auto store = cnscd_test::OpenTestStore(dir_.string(), 1);
  app::Context ctx{*store};
  const auto districts = app::ImportUnits(ctx, kCli, documents::ParseUnitList(Slurp(kDistricts)));
  const auto communes = app::ImportUnits(ctx, kCli, documents::ParseUnitList(Slurp(kCommunes)));
  EXPECT_TRUE(districts.refused.empty());
  EXPECT_TRUE(communes.refused.empty());
  EXPECT_EQ(Count(*store, UnitKind::kProvince, ""), 63);
  EXPECT_EQ(Count(*store, UnitKind::kDistrict, ""), 696);
  EXPECT_EQ(Count(*store, UnitKind::kCommune, ""), 10035);

  // Run twice, same result.
  const auto again = app::ImportUnits(ctx, kCli, documents::ParseUnitList(Slurp(kCommunes)));
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(Count(*store, UnitKind::kCommune, ""), 10035);
}

TEST_F(ImportUnitsTest, TheTwoLevelListOf2025Gives34Provinces3321Communes) {
  auto store = cnscd_test::OpenTestStore(dir_.string(), 1);
  app::Context ctx{*store};
  const auto r = app::ImportUnits(ctx, kCli, documents::ParseUnitList(Slurp(kTwoLevel)));
  EXPECT_TRUE(r.refused.empty());
  EXPECT_EQ(Count(*store, UnitKind::kProvince, "2025-07-01"), 34);
  EXPECT_EQ(Count(*store, UnitKind::kCommune, "2025-07-01"), 3321);
  EXPECT_EQ(Count(*store, UnitKind::kDistrict, std::nullopt), 0);
  // Lâm Đồng → Quảng Sơn (seed 004): a commune directly under its province.
  auto tx = store->Begin(store::Access::kRead);
  const auto quang_son = tx->FindUnitByCode(UnitKind::kCommune, "24616", "2025-07-01");
  ASSERT_TRUE(quang_son.has_value());
  EXPECT_EQ(quang_son->name, "Xã Quảng Sơn");
  EXPECT_EQ(tx->FindUnit(*quang_son->parent_id)->name, "Tỉnh Lâm Đồng");
}

TEST(ImportUnitsCli, TheCommandLineReportsWhatItReadAndRefused) {
  // The .postgresql run of this test runs beside it (a quick neighbour when ../shared is absent
  // and the tests around it skip): a folder of its own.
  const fs::path dir_ = fs::temp_directory_path() / (std::string("cnscd-import-cli") +
                                                     (cnscd_test::WantsPostgres() ? "-pg" : ""));
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  const fs::path bad = dir_ / "bad.csv";
  {
    std::ofstream out(bad);
    out << "Mã,Tên,Tên Tiếng Anh,Cấp,Mã TP,Tỉnh / Thành Phố\n"
        << "943,Huyện Kế Sách,,Huyện,94,Tỉnh Sóc Trăng\n"
        << ",Huyện Không Mã,,Huyện,94,Tỉnh Sóc Trăng\n";
  }
  const std::string cmd = std::string(CNSCD_BINARY) + " import-units --db " +
                          (dir_ / "t.db").string() + " " + bad.string() + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe) != nullptr) output += buf;
  EXPECT_EQ(pclose(pipe), 0) << output;
  EXPECT_NE(output.find("created 2"), std::string::npos) << output;
  EXPECT_NE(output.find("refused 1"), std::string::npos) << output;
  EXPECT_NE(output.find("bad.csv:3:"), std::string::npos) << output;
  fs::remove_all(dir_);
}

}  // namespace
}  // namespace cnscd
