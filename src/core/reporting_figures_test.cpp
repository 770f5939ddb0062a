// What a period's figures are, from the counts handed in, and whose reports a status lists
// (core/reporting: Tally, FiguresOf, LevelBelow, CountReportsBelow, ResolveStatusLevel).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/reporting.hpp"
#include "core/service.hpp"

namespace cnscd::reporting {
namespace {

TEST(ReportFigures, SumTheCountsByFigureAndListEveryServiceWithZeros) {
  Tally t;
  t.Add("records:vneid", 5);
  t.Add("records:vneid", 2);  // another village: summed
  t.Add("citizens:vneid", 4);
  t.Add("records:lam_dong_qr", 3);  // a province's own service
  t.Add("sessions:members", 1);
  t.Add("attendance:members", 12);
  t.Add("sessions:residents", 2);
  t.Add("attendance:residents", 40);
  t.Add("events", 3);
  t.Add("event_attendance", 90);
  t.Add("teams", 4);
  t.Add("members", 20);
  t.Add("collaborators", 2);
  const Figures f = FiguresOf(t);
  EXPECT_EQ(f.records, 10);
  EXPECT_EQ(f.citizens, 4);
  ASSERT_EQ(f.by_service.size(), BuiltinServices().size() + 1);
  EXPECT_EQ(f.by_service.front().code, BuiltinServices().front().code);
  const ServiceFigures& vneid = f.by_service.front();
  EXPECT_EQ(vneid.code, "vneid");
  EXPECT_EQ(vneid.records, 7);
  EXPECT_EQ(vneid.citizens, 4);
  EXPECT_EQ(vneid.name, FindBuiltinService("vneid")->name_vi);
  const ServiceFigures& own = f.by_service.back();  // after the catalogue
  EXPECT_EQ(own.code, "lam_dong_qr");
  EXPECT_EQ(own.name, "lam_dong_qr");
  EXPECT_EQ(own.records, 3);
  EXPECT_EQ(own.citizens, 0);
  for (std::size_t i = 1; i + 1 < f.by_service.size(); ++i) {
    EXPECT_EQ(f.by_service[i].records, 0) << f.by_service[i].code;
  }
  EXPECT_EQ(f.trainings.sessions, 3);
  EXPECT_EQ(f.trainings.attendance, 52);
  EXPECT_EQ(f.members_trained.attendance, 12);
  EXPECT_EQ(f.residents_trained.sessions, 2);
  EXPECT_EQ(f.events, 3);
  EXPECT_EQ(f.event_attendance, 90);
  EXPECT_EQ(f.teams, 4);
  EXPECT_EQ(f.members, 20);
  EXPECT_EQ(f.collaborators, 2);
  EXPECT_FALSE(f.reports_below);
}

TEST(ReportFigures, NothingCountedIsZeroEverywhere) {
  const Figures f = FiguresOf(Tally());
  EXPECT_EQ(f.records, 0);
  EXPECT_EQ(f.by_service.size(), BuiltinServices().size());
  EXPECT_EQ(f.trainings.sessions, 0);
  EXPECT_EQ(f.members, 0);
}

TEST(ReportFigures, AUnitsMonthlyReportCountsTheReportsBelowIt) {
  EXPECT_FALSE(LevelBelow(ReportKind::kTeamMonthly));
  EXPECT_FALSE(LevelBelow(ReportKind::kCommuneAnnual));
  ASSERT_TRUE(LevelBelow(ReportKind::kDistrictMonthly));
  EXPECT_EQ(LevelBelow(ReportKind::kDistrictMonthly)->of, "communes");
  auto below = LevelBelow(ReportKind::kCommuneMonthly);
  ASSERT_TRUE(below);
  EXPECT_EQ(below->of, "teams");
  EXPECT_EQ(below->kind, ReportKind::kTeamMonthly);
  CountReportsBelow(*below, {{},
                             {ReportStatus::kDraft, false},
                             {ReportStatus::kReturned, true},  // sent once: it arrived
                             {ReportStatus::kSubmitted, true},
                             {ReportStatus::kApproved, true}});
  EXPECT_EQ(below->expected, 5);
  EXPECT_EQ(below->submitted, 3);
  EXPECT_EQ(below->approved, 1);
}

std::string LevelOf(UnitKind kind, bool annual, bool has_districts,
                    const std::optional<std::string>& of) {
  try {
    const StatusLevel l = ResolveStatusLevel(kind, "Xã A", annual, has_districts, of);
    return l.of + " " + std::string(ToString(l.kind));
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "of");
    return e.code();
  }
}

TEST(ReportingStatusLevel, TheLevelRightBelowByDefaultAndOnlyLevelsBelowOnRequest) {
  EXPECT_EQ(LevelOf(UnitKind::kCommune, false, false, std::nullopt), "teams team_monthly");
  EXPECT_EQ(LevelOf(UnitKind::kDistrict, false, false, std::nullopt), "communes commune_monthly");
  EXPECT_EQ(LevelOf(UnitKind::kProvince, false, true, std::nullopt), "districts district_monthly");
  EXPECT_EQ(LevelOf(UnitKind::kProvince, false, false, ""), "communes commune_monthly");
  EXPECT_EQ(LevelOf(UnitKind::kProvince, false, true, "teams"), "teams team_monthly");
  EXPECT_EQ(LevelOf(UnitKind::kProvince, true, true, std::nullopt), "communes commune_annual");
  EXPECT_EQ(LevelOf(UnitKind::kDistrict, true, false, "communes"), "communes commune_annual");
  EXPECT_EQ(LevelOf(UnitKind::kCommune, true, false, std::nullopt), "bad_of");
  EXPECT_EQ(LevelOf(UnitKind::kCommune, false, false, "communes"), "bad_of");
  EXPECT_EQ(LevelOf(UnitKind::kDistrict, false, false, "districts"), "bad_of");
  EXPECT_EQ(LevelOf(UnitKind::kProvince, true, true, "districts"), "bad_of");
  EXPECT_EQ(LevelOf(UnitKind::kProvince, false, false, "villages"), "bad_of");
}

}  // namespace
}  // namespace cnscd::reporting
