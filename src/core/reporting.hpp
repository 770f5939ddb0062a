#pragma once
// The reporting cycle (DOMAIN.md §6; seeds 000, 002, 004): the kinds of periodic report, their
// periods and due dates (policy per province), the states a report moves through, and whether an
// expected report came on time; what a period's figures are, from counts handed in. Pure rules:
// no clock, no storage.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.hpp"

namespace cnscd::reporting {

enum class ReportKind {
  kTeamMonthly,      // a team to its commune, monthly (seed 000 §2.8)
  kCommuneMonthly,   // a commune to the level above, monthly
  kDistrictMonthly,  // a district to the province, before the 30th (seed 002 §V.5)
  kCommuneAnnual,    // a commune's year, before 25 November (seed 004 §IV.6)
};

std::optional<ReportKind> ParseReportKind(std::string_view s);
std::string_view ToString(ReportKind kind);
const std::vector<ReportKind>& ReportKinds();  // in the order above
bool IsAnnual(ReportKind kind);
// Throws 422 `unknown_report_kind` (field `field`) for anything but the four codes.
ReportKind RequireReportKind(std::string_view s, const std::string& field = "kind");

// A report's period: a month (YYYY-MM) or, for an annual report, a year (YYYY).
struct Period {
  int year = 0;
  int month = 0;  // 0 for a year
  std::string ToString() const;
  std::string FirstDay() const;  // YYYY-MM-DD
  std::string LastDay() const;
  bool operator==(const Period&) const = default;
};

// Reads a period for `kind`: YYYY-MM for monthly kinds, YYYY for annual ones, years 2000–2100.
// Throws 422 `bad_period` (field `period`) otherwise.
Period ParsePeriod(ReportKind kind, std::string_view text);

// When a report is due: day `due_day` (nullopt: the month's last day, clamped to it otherwise)
// of the period's month, or of the next month when month_offset is 1; an annual report is due
// in month `due_month` of its year (nullopt: December).
struct DuePolicy {
  std::optional<int> due_day;
  int month_offset = 0;
  std::optional<int> due_month;  // annual kinds only
  bool operator==(const DuePolicy&) const = default;
};

// The built-in rule where a province sets none: team and commune monthly reports on the last
// day of the month; district reports on the 29th ("before the 30th"); the commune's annual
// report on 25 November.
DuePolicy DefaultPolicy(ReportKind kind);

// Throws 422 with the field at fault: due_day 1..31, month_offset 0 or 1 (0 for annual),
// due_month 1..12 and only for annual kinds.
void CheckPolicy(ReportKind kind, const DuePolicy& policy);

// The due date (YYYY-MM-DD) of the report of `period` under `policy`.
std::string DueDate(ReportKind kind, const Period& period, const DuePolicy& policy);

// draft → submitted → approved | returned; returned → submitted again.
enum class ReportStatus { kDraft, kSubmitted, kApproved, kReturned };
std::optional<ReportStatus> ParseReportStatus(std::string_view s);
std::string_view ToString(ReportStatus status);
// Draft and returned reports are still the writer's: their text can change and their figures
// are computed live.
bool IsOpen(ReportStatus status);

enum class ReportAction { kSubmit, kApprove, kReturn };
// The state after `action`, or 409 `bad_transition` naming the current state.
ReportStatus Transition(ReportStatus from, ReportAction action);

// Whether an expected report came: judged on its first submission (a Vietnam date), so a report
// returned and sent again keeps the timeliness of its first sending.
enum class Timeliness { kOnTime, kLate, kMissing, kPending };
std::string_view ToString(Timeliness t);
Timeliness Judge(const std::string& due_date, const std::optional<std::string>& first_submitted_on,
                 const std::string& today);

// The Vietnam date (UTC+7) of an ISO 8601 UTC timestamp "YYYY-MM-DDTHH:MM:SSZ"; the text's first
// ten characters when it is not one.
std::string VietnamDate(std::string_view utc_timestamp);

// Completeness and timeliness of a set of expected reports, as DHIS2 reports its data sets.
struct StatusSummary {
  int expected = 0;
  int submitted = 0;  // on time + late
  int on_time = 0;
  int late = 0;
  int missing = 0;
  int pending = 0;
  double completeness = 0;  // submitted / expected × 100, one decimal (0 when none expected)
  double timeliness = 0;    // on time / expected × 100, one decimal
};
StatusSummary Summarize(const std::vector<Timeliness>& items);

// Whose reports a unit's reporting status lists, `of` teams, communes or districts, and of which
// kind. By default the level right below: a commune's teams (team_monthly); a district's
// communes (commune_monthly); a province's districts (district_monthly) when it has any, its
// communes otherwise. A period YYYY (`annual`) asks for the communes' annual reports. A level
// that is not below the unit is 422 `bad_of` (field `of`).
struct StatusLevel {
  std::string of;
  ReportKind kind = ReportKind::kTeamMonthly;
};
StatusLevel ResolveStatusLevel(UnitKind unit_kind, const std::string& unit_name, bool annual,
                               bool has_districts, const std::optional<std::string>& of);

// --- a period's figures -----------------------------------------------------------------------

// The counts of a period's work, by figure (the store's activity rows, wherever they happened):
// "records:<service>", "citizens:<service>", "sessions:<audience>", "attendance:<audience>",
// "events", "event_attendance", "teams", "members", "collaborators".
class Tally {
 public:
  void Add(const std::string& what, std::int64_t n) { counts_[what] += n; }
  std::int64_t Get(const std::string& what) const;  // 0 when nothing was counted
  std::int64_t Sum(std::string_view prefix) const;  // the figures whose name starts so
  // The built-in catalogue's service codes, then any other code the counts name (a province's).
  std::vector<std::string> Services() const;

 private:
  std::map<std::string, std::int64_t> counts_;
};

struct ServiceFigures {
  std::string code;
  std::string name;  // the catalogue's Vietnamese name; the code for a province's own service
  std::int64_t records = 0;
  std::int64_t citizens = 0;  // newly helped in the period
};

struct TrainingFigures {
  std::int64_t sessions = 0;
  std::int64_t attendance = 0;
};

// The level below a unit's monthly report, whose reports of the same period it counts.
struct ReportsBelow {
  std::string of;  // teams, communes
  ReportKind kind = ReportKind::kTeamMonthly;
  std::int64_t expected = 0;
  std::int64_t submitted = 0;  // sent at least once
  std::int64_t approved = 0;
};

// What a report (or the consolidated report) shows for a period (docs/reporting.md, Figures).
struct Figures {
  std::int64_t records = 0;                // support records
  std::int64_t citizens = 0;               // citizens newly helped
  std::vector<ServiceFigures> by_service;  // every catalogue service, with zeros
  TrainingFigures trainings;
  TrainingFigures members_trained;    // sessions for members
  TrainingFigures residents_trained;  // sessions for residents
  std::int64_t events = 0;            // propaganda events
  std::int64_t event_attendance = 0;
  std::int64_t teams = 0;
  std::int64_t members = 0;
  std::int64_t collaborators = 0;
  std::optional<ReportsBelow> reports_below;  // commune and district monthly reports
};
Figures FiguresOf(const Tally& counts);

// The level whose reports a report of `kind` counts: a commune's teams, a district's communes;
// none for team and annual reports (reports_below's kind and of, with no counts yet).
std::optional<ReportsBelow> LevelBelow(ReportKind kind);

// A report expected below, as counting needs it: none yet, or its status and whether it was
// ever sent (a returned report was).
struct ExpectedReport {
  std::optional<ReportStatus> status;
  bool sent_once = false;
};
// The level's counts: expected, submitted (sent at least once), approved.
void CountReportsBelow(ReportsBelow& level, const std::vector<ExpectedReport>& reports);

}  // namespace cnscd::reporting
