// The reporting cycle's rules (DOMAIN.md §6), and the scenario file
// tests/scenarios/reporting/due_dates.test read line by line (syntax at its top).
#include "core/reporting.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/error.hpp"

namespace cnscd::reporting {
namespace {

std::string CodeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.message_en().empty());
    return e.code() + "@" + e.field();
  }
  return "accepted";
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

std::string Arrow(std::istringstream& in) {
  std::string w;
  in >> w;
  if (w != "→" && w != "->") throw std::runtime_error("expected → , got `" + w + "`");
  std::string result;
  in >> result;
  return result;
}

std::string Word(std::istringstream& in, std::string_view expected) {
  std::string w;
  in >> w;
  if (w != expected) throw std::runtime_error("expected `" + std::string(expected) + "`");
  std::string value;
  in >> value;
  return value;
}

int ValueOf(const std::string& setting, std::string_view key) {
  return std::stoi(setting.substr(key.size() + 1));
}

TEST(ReportingScenarios, EveryLineOfDueDatesHolds) {
  const std::string path =
      std::string(CNSCD_SOURCE_DIR) + "/tests/scenarios/reporting/due_dates.test";
  std::ifstream file(path);
  ASSERT_TRUE(file) << "cannot open " << path;
  int cases = 0;
  int line_no = 0;
  std::string line;
  while (std::getline(file, line)) {
    ++line_no;
    const std::size_t hash = line.find(" #");
    if (hash != std::string::npos) line.erase(hash);
    std::istringstream in(line);
    std::string verb;
    if (!(in >> verb) || verb[0] == '#') continue;
    ++cases;
    try {
      if (verb == "due") {
        std::string kind_text;
        std::string period_text;
        in >> kind_text >> period_text;
        const ReportKind kind = RequireReportKind(kind_text);
        const Period period = ParsePeriod(kind, period_text);
        DuePolicy policy;
        bool any = false;
        std::string w;
        while (in >> w && w != "→" && w != "->") {
          any = true;
          if (w.starts_with("due_day=")) {
            policy.due_day = ValueOf(w, "due_day");
          } else if (w.starts_with("month_offset=")) {
            policy.month_offset = ValueOf(w, "month_offset");
          } else if (w.starts_with("due_month=")) {
            policy.due_month = ValueOf(w, "due_month");
          } else {
            throw std::runtime_error("unknown setting `" + w + "`");
          }
        }
        if (!any) policy = DefaultPolicy(kind);
        CheckPolicy(kind, policy);
        std::string expected;
        in >> expected;
        EXPECT_EQ(DueDate(kind, period, policy), expected) << "line " << line_no;
      } else if (verb == "judge") {
        const std::string due = Word(in, "due");
        const std::string submitted = Word(in, "submitted");
        const std::string today = Word(in, "today");
        const std::string expected = Arrow(in);
        const Timeliness t = Judge(
            due, submitted == "none" ? std::nullopt : std::optional<std::string>(submitted), today);
        EXPECT_EQ(ToString(t), expected) << "line " << line_no;
      } else if (verb == "period") {
        std::string kind_text;
        std::string text;
        in >> kind_text >> text;
        const ReportKind kind = RequireReportKind(kind_text);
        const std::string expected = Arrow(in);
        std::string got = "accepted";
        try {
          ParsePeriod(kind, text);
        } catch (const Error& e) {
          got = e.code();
        }
        EXPECT_EQ(got, expected) << "line " << line_no;
      } else {
        throw std::runtime_error("unknown verb `" + verb + "`");
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << "due_dates.test:" << line_no << ": " << e.what();
    }
  }
  EXPECT_GE(cases, 20);
}

}  // namespace
}  // namespace cnscd::reporting
