// The reporting cycle's rules (DOMAIN.md §6), and the scenario file
// tests/scenarios/reporting/due_dates.test read line by line (syntax at its top).
#include "core/reporting.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "refusal.hpp"
#include "scenario_file.hpp"

namespace cnscd::reporting {
namespace {

// "code@field" of the refusal (refusal.hpp), "accepted" when there is none.
std::string CodeOf(const std::function<void()>& f) {
  const std::optional<cnscd_test::Refusal> r = cnscd_test::RefusalOf(f);
  return r ? r->code + "@" + r->field : "accepted";
}

TEST(ReportKinds, ReadAndWriteTheirCodes) {
  for (const ReportKind k : ReportKinds()) EXPECT_EQ(ParseReportKind(ToString(k)), k);
  EXPECT_FALSE(ParseReportKind("weekly"));
  EXPECT_EQ(CodeOf([] { RequireReportKind("weekly"); }), "unknown_report_kind@kind");
  EXPECT_TRUE(IsAnnual(ReportKind::kCommuneAnnual));
  EXPECT_FALSE(IsAnnual(ReportKind::kDistrictMonthly));
}

TEST(Periods, AMonthOrAYearAccordingToTheKind) {
  const Period m = ParsePeriod(ReportKind::kTeamMonthly, "2024-02");
  EXPECT_EQ(m.year, 2024);
  EXPECT_EQ(m.month, 2);
  EXPECT_EQ(m.ToString(), "2024-02");
  EXPECT_EQ(m.FirstDay(), "2024-02-01");
  EXPECT_EQ(m.LastDay(), "2024-02-29");
  const Period y = ParsePeriod(ReportKind::kCommuneAnnual, "2025");
  EXPECT_EQ(y.ToString(), "2025");
  EXPECT_EQ(y.FirstDay(), "2025-01-01");
  EXPECT_EQ(y.LastDay(), "2025-12-31");
  EXPECT_EQ(CodeOf([] { ParsePeriod(ReportKind::kTeamMonthly, "2025-00"); }), "bad_period@period");
}

TEST(Policies, RefuseWhatNoCalendarHas) {
  EXPECT_EQ(CodeOf([] { CheckPolicy(ReportKind::kTeamMonthly, {.due_day = 0}); }),
            "bad_due_day@due_day");
  EXPECT_EQ(CodeOf([] { CheckPolicy(ReportKind::kTeamMonthly, {.due_day = 32}); }),
            "bad_due_day@due_day");
  EXPECT_EQ(CodeOf([] { CheckPolicy(ReportKind::kTeamMonthly, {.month_offset = 2}); }),
            "bad_month_offset@month_offset");
  EXPECT_EQ(CodeOf([] { CheckPolicy(ReportKind::kTeamMonthly, {.due_month = 3}); }),
            "due_month_not_monthly@due_month");
  EXPECT_EQ(CodeOf([] { CheckPolicy(ReportKind::kCommuneAnnual, {.due_month = 13}); }),
            "bad_due_month@due_month");
  EXPECT_EQ(CodeOf([] { CheckPolicy(ReportKind::kCommuneAnnual, {.month_offset = 1}); }),
            "bad_month_offset@month_offset");
  EXPECT_EQ(CodeOf([] { CheckPolicy(ReportKind::kDistrictMonthly, DuePolicy{.due_day = 29}); }),
            "accepted");
  for (const ReportKind k : ReportKinds()) {
    EXPECT_EQ(CodeOf([k] { CheckPolicy(k, DefaultPolicy(k)); }), "accepted");
  }
}

TEST(StateMachine, DraftSubmittedThenApprovedOrReturnedAndReturnedGoesBack) {
  EXPECT_EQ(Transition(ReportStatus::kDraft, ReportAction::kSubmit), ReportStatus::kSubmitted);
  EXPECT_EQ(Transition(ReportStatus::kSubmitted, ReportAction::kApprove), ReportStatus::kApproved);
  EXPECT_EQ(Transition(ReportStatus::kSubmitted, ReportAction::kReturn), ReportStatus::kReturned);
  EXPECT_EQ(Transition(ReportStatus::kReturned, ReportAction::kSubmit), ReportStatus::kSubmitted);
  EXPECT_TRUE(IsOpen(ReportStatus::kDraft));
  EXPECT_TRUE(IsOpen(ReportStatus::kReturned));
  EXPECT_FALSE(IsOpen(ReportStatus::kSubmitted));
}

TEST(StateMachine, EveryOtherMoveIsAConflictNamingTheState) {
  const struct {
    ReportStatus from;
    ReportAction action;
  } refused[] = {
      {ReportStatus::kDraft, ReportAction::kApprove},
      {ReportStatus::kDraft, ReportAction::kReturn},
      {ReportStatus::kSubmitted, ReportAction::kSubmit},
      {ReportStatus::kApproved, ReportAction::kSubmit},
      {ReportStatus::kApproved, ReportAction::kApprove},
      {ReportStatus::kApproved, ReportAction::kReturn},
      {ReportStatus::kReturned, ReportAction::kApprove},
      {ReportStatus::kReturned, ReportAction::kReturn},
  };
  for (const auto& r : refused) {
    try {
      Transition(r.from, r.action);
      ADD_FAILURE() << ToString(r.from) << " moved";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kConflict);
      EXPECT_EQ(e.code(), "bad_transition");
      EXPECT_NE(e.message_en().find(std::string(ToString(r.from))), std::string::npos);
      EXPECT_NE(e.message_vi().find(std::string(ToString(r.from))), std::string::npos);
    }
  }
}

TEST(VietnamDate, TheDayBeginsAt17UtcTheDayBefore) {
  EXPECT_EQ(VietnamDate("2025-07-31T16:59:59Z"), "2025-07-31");
  EXPECT_EQ(VietnamDate("2025-07-31T17:00:00Z"), "2025-08-01");
  EXPECT_EQ(VietnamDate("2025-12-31T20:00:00Z"), "2026-01-01");
  EXPECT_EQ(VietnamDate("2025-07-31"), "2025-07-31");
}

TEST(Summarize, CompletenessAndTimelinessOverTheExpected) {
  const StatusSummary s =
      Summarize({Timeliness::kOnTime, Timeliness::kOnTime, Timeliness::kLate, Timeliness::kMissing,
                 Timeliness::kPending, Timeliness::kMissing});
  EXPECT_EQ(s.expected, 6);
  EXPECT_EQ(s.submitted, 3);
  EXPECT_EQ(s.on_time, 2);
  EXPECT_EQ(s.late, 1);
  EXPECT_EQ(s.missing, 2);
  EXPECT_EQ(s.pending, 1);
  EXPECT_DOUBLE_EQ(s.completeness, 50.0);
  EXPECT_DOUBLE_EQ(s.timeliness, 33.3);
  const StatusSummary none = Summarize({});
  EXPECT_EQ(none.expected, 0);
  EXPECT_DOUBLE_EQ(none.completeness, 0);
}

// --- the scenario file ---------------------------------------------------------------------

// One line: `due <kind> <period> [<setting>=<n> …] → <date>`, `judge due <date> submitted
// <date|none> today <date> → <timeliness>` or `period <kind> <text> → bad_period`.
void RunScenarioLine(cnscd_test::ScenarioLine& line) {
  const std::string verb = line.Next();
  if (verb == "due") {
    const ReportKind kind = RequireReportKind(line.Next());
    const Period period = ParsePeriod(kind, line.Next());
    DuePolicy policy;
    bool any = false;
    while (!line.AtEnd()) {
      any = true;
      const std::string w = line.Next();
      if (auto day = cnscd_test::SettingValue(w, "due_day")) {
        policy.due_day = cnscd_test::ToInt(*day);
      } else if (auto offset = cnscd_test::SettingValue(w, "month_offset")) {
        policy.month_offset = cnscd_test::ToInt(*offset);
      } else if (auto month = cnscd_test::SettingValue(w, "due_month")) {
        policy.due_month = cnscd_test::ToInt(*month);
      } else {
        throw std::runtime_error("unknown setting `" + w + "`");
      }
    }
    if (!any) policy = DefaultPolicy(kind);
    CheckPolicy(kind, policy);
    EXPECT_EQ(DueDate(kind, period, policy), line.Expected()) << line.Where();
  } else if (verb == "judge") {
    line.Expect("due");
    const std::string due = line.Next();
    line.Expect("submitted");
    const std::string submitted = line.Next();
    line.Expect("today");
    const std::string today = line.Next();
    const std::string expected = line.Expected();
    const Timeliness t = Judge(
        due, submitted == "none" ? std::nullopt : std::optional<std::string>(submitted), today);
    EXPECT_EQ(ToString(t), expected) << line.Where();
  } else if (verb == "period") {
    const ReportKind kind = RequireReportKind(line.Next());
    const std::string text = line.Next();
    const std::string expected = line.Expected();
    std::string got = "accepted";
    try {
      ParsePeriod(kind, text);
    } catch (const Error& e) {
      got = e.code();
    }
    EXPECT_EQ(got, expected) << line.Where();
  } else {
    throw std::runtime_error("unknown verb `" + verb + "`");
  }
}

TEST(ReportingScenarios, EveryLineOfDueDatesHolds) {
  std::vector<cnscd_test::ScenarioLine> lines;
  ASSERT_NO_THROW(lines = cnscd_test::ReadScenarioFile(cnscd_test::ScenarioDir() / "reporting" /
                                                       "due_dates.test"));
  int cases = 0;
  for (cnscd_test::ScenarioLine& line : lines) {
    ++cases;
    try {
      RunScenarioLine(line);
    } catch (const std::exception& e) {
      ADD_FAILURE() << line.Where() << ": " << e.what();
    }
  }
  EXPECT_GE(cases, 20);
}

}  // namespace
}  // namespace cnscd::reporting
