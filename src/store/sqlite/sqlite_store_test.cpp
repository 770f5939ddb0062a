#include <gtest/gtest.h>

#include <filesystem>

#include "store/store.hpp"

namespace cnscd::store {
namespace {

const Scope kAll{.everything = true};

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cnscd-store-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = OpenSqlite((dir_ / "t.db").string(), 2);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, MigrationsApplyOnceAndReopenCleanly) {
  store_.reset();
  store_ = OpenSqlite((dir_ / "t.db").string(), 1);
  auto tx = store_->Begin(Access::kRead);
  EXPECT_EQ(tx->ListUnits({}, kAll).total, 0);
}

TEST_F(SqliteStoreTest, UnitsKeepTheirPathAndSortInVietnameseOrder) {
  {
    auto tx = store_->Begin(Access::kWrite);
    Unit p = tx->InsertUnit({"94", "Tỉnh Sóc Trăng", UnitKind::kProvince, "tỉnh", {}, {}});
    Unit d = tx->InsertUnit({"946", "Huyện Kế Sách", UnitKind::kDistrict, "huyện", p.id, {}});
    Unit c = tx->InsertUnit({"31426", "Xã Nhơn Mỹ", UnitKind::kCommune, "xã", d.id, {}});
    for (const char* name : {"Ấp Đông", "Ấp An", "Ấp Dương", "Ấp Ăn"}) {
      tx->InsertUnit({{}, name, UnitKind::kVillage, "ấp", c.id, {}});
    }
    EXPECT_EQ(c.path, "/" + std::to_string(p.id) + "/" + std::to_string(d.id) + "/" +
                          std::to_string(c.id) + "/");
    tx->Commit();
  }
  auto tx = store_->Begin(Access::kRead);
  auto villages = tx->ListUnits({.kind = UnitKind::kVillage}, kAll);
  ASSERT_EQ(villages.total, 4);
  std::vector<std::string> names;
  for (const auto& u : villages.items) names.push_back(u.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Ấp An", "Ấp Ăn", "Ấp Dương", "Ấp Đông"}));
  EXPECT_EQ(tx->ListUnits({.folded_text = "nhon my"}, kAll).items.at(0).name, "Xã Nhơn Mỹ");
  EXPECT_EQ(tx->Ancestors(villages.items[0]).size(), 3u);
}

TEST_F(SqliteStoreTest, ATransactionDroppedWithoutCommitWritesNothing) {
  {
    auto tx = store_->Begin(Access::kWrite);
    tx->InsertUnit({"94", "Tỉnh Sóc Trăng", UnitKind::kProvince, "tỉnh", {}, {}});
  }
  auto tx = store_->Begin(Access::kRead);
  EXPECT_EQ(tx->ListUnits({}, kAll).total, 0);
}

TEST_F(SqliteStoreTest, EndedMembershipsStayInHistory) {
  auto tx = store_->Begin(Access::kWrite);
  Unit p = tx->InsertUnit({"45", "Tỉnh Quảng Trị", UnitKind::kProvince, "tỉnh", {}, {}});
  Unit c = tx->InsertUnit({"19000", "Xã Thử", UnitKind::kCommune, "xã", p.id, {}});
  Team t =
      tx->InsertTeam({0, c.id, TeamLevel::kCommune, "Tổ công nghệ số cộng đồng Xã Thử", "active"});
  Person a = tx->InsertPerson({.full_name = "Lê Thị Hoa", .phone = "0912345678"});
  Membership m = tx->InsertMembership(t.id, a.id, Role::kLeader, "2025-01-02");
  EXPECT_EQ(tx->CurrentMembers(t.id).size(), 1u);
  tx->EndMembership(m.id, "2025-03-04");
  EXPECT_TRUE(tx->CurrentMembers(t.id).empty());
  EXPECT_EQ(tx->FindMembership(m.id)->until, "2025-03-04");
  EXPECT_EQ(tx->FindPersonByPhone("0912345678")->full_name, "Lê Thị Hoa");
}

}  // namespace
}  // namespace cnscd::store
