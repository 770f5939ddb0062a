#include "app_fixture.hpp"

#include "app/teams.hpp"
#include "app/units.hpp"
#include "test_store.hpp"

namespace cnscd_test {

using cnscd::store::Id;

std::chrono::system_clock::time_point VietnamMorning(int year, unsigned month, unsigned day) {
  return std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} /
                               std::chrono::day{day}} +
         std::chrono::hours(3);
}

void AppTest::SetUp() {
  dir_ = std::filesystem::temp_directory_path() /
         ("cnscd-app-" +
          std::string(::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name()) +
          "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  if (auto why = StoreUnavailable()) GTEST_SKIP() << *why;
  if (options_.db_file.empty()) return;
  Db db = OpenDb(options_.db_file);
  store_ = std::move(db.store);
  ctx_ = std::move(db.ctx);
  Populate();
}

void AppTest::TearDown() {
  ctx_.reset();
  store_.reset();
  std::filesystem::remove_all(dir_);
}

AppTest::Db AppTest::OpenDb(const std::string& file) const {
  Db db;
  db.store = OpenTestStore(dir_.string(), 2, file);
  const auto now = options_.now;
  db.ctx =
      std::make_unique<cnscd::app::Context>(cnscd::app::Context{*db.store, [now] { return now; }});
  return db;
}

Id AppTest::MakeProvince(const std::string& name, const std::string& code) {
  return cnscd::app::CreateUnit(*ctx_, caller_, {name, "province", "", {}, code}).id;
}

Id AppTest::MakeCommune(const std::string& name, Id parent, const std::string& code) {
  return cnscd::app::CreateUnit(*ctx_, caller_, {name, "commune", "", parent, code}).id;
}

Id AppTest::MakeVillage(const std::string& name, Id commune) {
  return cnscd::app::CreateUnit(*ctx_, caller_, {name, "village", "", commune, {}}).id;
}

std::vector<Id> AppTest::MakeVillages(const std::string& prefix, int n, Id commune) {
  std::vector<Id> ids;
  ids.reserve(static_cast<std::size_t>(n));
  for (int i = 1; i <= n; ++i) ids.push_back(MakeVillage(prefix + std::to_string(i), commune));
  return ids;
}

Id AppTest::MakeTeam(Id unit, const std::string& level) {
  return cnscd::app::CreateTeam(*ctx_, caller_, {unit, level, {}}).id;
}

Id AppTest::MakeMember(Id team, const std::string& full_name, const std::string& phone,
                       const std::string& role) {
  return cnscd::app::AddMember(*ctx_, caller_, team, {full_name, phone, {}, {}, {}, {}}, role)
      .person.id;
}

void CommuneTeamTest::MakeCommuneTeam(const Unit& province, const Unit& commune,
                                      const std::string& village_prefix, int villages) {
  province_ = MakeProvince(province.name, province.code);
  commune_ = MakeCommune(commune.name, province_, commune.code);
  villages_ = MakeVillages(village_prefix, villages, commune_);
  team_ = MakeTeam(commune_, "commune");
}

}  // namespace cnscd_test
