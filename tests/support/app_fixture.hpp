#pragma once
// The app tests' fixture (src/app/*_test.cpp): use cases on a store of the test's own.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "store/store.hpp"

namespace cnscd_test {

// 10:00 in Vietnam (03:00 UTC) on that day.
std::chrono::system_clock::time_point VietnamMorning(int year, unsigned month, unsigned day);

// A folder named after the test (emptied before, removed after), a store in it (SQLite, or a
// fresh PostgreSQL database in the .postgresql runs, skipped without a server), a context whose
// clock stands still, and the system caller. The clock stands still so that "today", what the
// use cases judge by it and the store's timestamps are the same on every run.
class AppTest : public ::testing::Test {
 protected:
  struct Options {
    // 15 January 2026: every date the tests write in 2025 has passed.
    std::chrono::system_clock::time_point now = VietnamMorning(2026, 1, 15);
    // The store's file in dir_ on SQLite; empty: none (the test opens its own with OpenDb).
    std::string db_file = "t.db";
  };
  AppTest() : AppTest(Options{}) {}
  explicit AppTest(Options options) : options_(std::move(options)) {}

  // Opens the store, then calls Populate(); TearDown closes it and removes the folder.
  void SetUp() override;
  void TearDown() override;
  // The test's own units, teams and members, made on the fixed clock.
  virtual void Populate() {}

  // Another store in dir_, with a context on the same clock.
  struct Db {
    std::unique_ptr<cnscd::store::Store> store;
    std::unique_ptr<cnscd::app::Context> ctx;
  };
  Db OpenDb(const std::string& file) const;

  // The usual places, made through the use cases by caller_; each returns the new id.
  cnscd::store::Id MakeProvince(const std::string& name, const std::string& code);
  cnscd::store::Id MakeCommune(const std::string& name, cnscd::store::Id parent,
                               const std::string& code);
  cnscd::store::Id MakeVillage(const std::string& name, cnscd::store::Id commune);
  // `prefix` + "1" … `prefix` + "n".
  std::vector<cnscd::store::Id> MakeVillages(const std::string& prefix, int n,
                                             cnscd::store::Id commune);
  cnscd::store::Id MakeTeam(cnscd::store::Id unit, const std::string& level);
  // The member's person id.
  cnscd::store::Id MakeMember(cnscd::store::Id team, const std::string& full_name,
                              const std::string& phone, const std::string& role);

  Options options_;
  std::filesystem::path dir_;
  std::unique_ptr<cnscd::store::Store> store_;
  std::unique_ptr<cnscd::app::Context> ctx_;
  cnscd::app::Caller caller_ = cnscd::app::SystemCaller("test");
};

// Where the tests of what a commune's team records (support records, trainings, backups) work:
// a province, a commune in it with its villages, and the commune's team, made once here.
class CommuneTeamTest : public AppTest {
 protected:
  using AppTest::AppTest;

  struct Unit {
    std::string name;
    std::string code;
  };
  // Makes the four below; the villages are `village_prefix` + "1" … `village_prefix` + "n".
  void MakeCommuneTeam(const Unit& province, const Unit& commune, const std::string& village_prefix,
                       int villages);

  cnscd::store::Id province_ = 0, commune_ = 0, team_ = 0;
  std::vector<cnscd::store::Id> villages_;
};

}  // namespace cnscd_test
