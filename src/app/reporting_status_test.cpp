// Use-case tests of the reporting status on a real store whose clock the test moves: a team or a
// unit is expected only for the periods it existed in (issue 15).
#include "app/reporting_status.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "app/reports.hpp"
#include "app/unit_events.hpp"
#include "app_fixture.hpp"

namespace cnscd::app {
namespace {

class ReportingStatusTest : public cnscd_test::AppTest {
 protected:
  ReportingStatusTest() : AppTest(Options{.now = cnscd_test::VietnamMorning(2026, 11, 5)}) {}

  // On 5 November: a commune with three villages and a team on each.
  void Populate() override {
    province_ = MakeProvince("Tỉnh Sóc Trăng", "94");
    commune_ = MakeCommune("Xã Nhơn Mỹ", province_, "31570");
    for (const store::Id v : MakeVillages("Ấp ", 4, commune_)) villages_.push_back(v);
    for (int i = 0; i < 3; ++i) teams_.push_back(MakeTeam(villages_[i], "village"));
  }

  void MoveClockTo(int year, unsigned month, unsigned day) {
    const auto at = cnscd_test::VietnamMorning(year, month, day);
    ctx_->now = [at] { return at; };
  }

  void Report(store::Id team, const std::string& period) {
    const ReportView made = CreateReport(*ctx_, caller_, {"team_monthly", team, {}, period});
    SubmitReport(*ctx_, caller_, made.report.id);
  }

  ReportingStatus Status(store::Id unit, const std::string& period) {
    return GetReportingStatus(*ctx_, caller_, unit, period, std::nullopt);
  }

  store::Id province_ = 0, commune_ = 0;
  std::vector<store::Id> villages_, teams_;
};

TEST_F(ReportingStatusTest, ATeamCreatedInDecemberIsNotExpectedForNovember) {
  MoveClockTo(2026, 12, 3);
  const store::Id december_team = MakeTeam(villages_[3], "village");
  Report(teams_[0], "2026-11");
  Report(teams_[1], "2026-11");

  // The figures: two of November's three teams reported; the fourth, made in December,
  // does not cut November's completeness from 66.7 % to 50 %.
  const ReportingStatus november = Status(commune_, "2026-11");
  EXPECT_EQ(november.summary.expected, 3);
  EXPECT_EQ(november.summary.submitted, 2);
  EXPECT_EQ(november.summary.missing, 1);
  EXPECT_DOUBLE_EQ(november.summary.completeness, 66.7);
  for (const StatusItem& item : november.items) EXPECT_NE(item.reporter.team_id, december_team);

  // December expects all four.
  EXPECT_EQ(Status(commune_, "2026-12").summary.expected, 4);

  // A team that reports for a month before it was made is counted all the same.
  Report(december_team, "2026-11");
  const ReportingStatus again = Status(commune_, "2026-11");
  EXPECT_EQ(again.summary.expected, 4);
  EXPECT_EQ(again.summary.submitted, 3);
  EXPECT_DOUBLE_EQ(again.summary.completeness, 75.0);
}

TEST_F(ReportingStatusTest, ACommuneReportCountsOnlyTheTeamsOfItsMonth) {
  MoveClockTo(2026, 12, 3);
  MakeTeam(villages_[3], "village");
  Report(teams_[0], "2026-11");
  const ReportView commune_report =
      CreateReport(*ctx_, caller_, {"commune_monthly", {}, commune_, "2026-11"});
  const Json below = ReportJson(commune_report).at("figures").at("reports_below");
  EXPECT_EQ(below.at("expected"), 3) << below.dump();
  EXPECT_EQ(below.at("submitted"), 1) << below.dump();
}

TEST_F(ReportingStatusTest, AUnitIsExpectedFromTheDayItIsValid) {
  // Two more communes merge into a new one from 1 December.
  const store::Id a = MakeCommune("Xã Mỹ Hương", province_, "31571");
  const store::Id b = MakeCommune("Xã Mỹ Tú", province_, "31572");
  MoveClockTo(2026, 12, 3);
  UnitEventInput merge;
  merge.kind = "merge";
  merge.when = {"2026-12-01", "Nghị quyết 1/NQ-UBTVQH15"};
  merge.from = {a, b};
  merge.name = "Xã Mỹ Hương Mới";
  merge.parent_id = province_;
  const store::Id merged = ApplyUnitEvent(*ctx_, caller_, merge).unit->id;

  auto listed = [&](const std::string& period) {
    std::vector<store::Id> ids;
    for (const StatusItem& item : Status(province_, period).items) {
      ids.push_back(item.reporter.unit_id);
    }
    return ids;
  };
  EXPECT_EQ(listed("2026-11"), std::vector<store::Id>{commune_});
  const std::vector<store::Id> december = listed("2026-12");
  EXPECT_EQ(december.size(), 2U);
  EXPECT_NE(std::find(december.begin(), december.end(), merged), december.end());
}

}  // namespace
}  // namespace cnscd::app
