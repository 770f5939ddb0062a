#pragma once
// Completeness and timeliness of the reports expected below a unit for a period
// (docs/reporting.md), as DHIS2 reports its data sets.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/reporting.hpp"

namespace cnscd::app {

struct StatusItem {
  store::Reporter reporter;
  std::string due_date;
  reporting::Timeliness timeliness = reporting::Timeliness::kPending;
};
struct ReportingStatus {
  store::Unit unit;
  std::string period;
  reporting::ReportKind kind = reporting::ReportKind::kTeamMonthly;
  std::string of;  // teams, communes, districts
  reporting::StatusSummary summary;
  std::vector<StatusItem> items;
};
// Completeness and timeliness of the reports expected below a unit for a period (kRead on it):
// `of` teams, communes or districts (nullopt: the level right below; see docs/reporting.md).
// A period YYYY asks for the communes' annual reports.
ReportingStatus GetReportingStatus(Context& ctx, const Caller& caller, store::Id unit_id,
                                   const std::string& period, const std::optional<std::string>& of);

// Shared by the reporting use cases, within an open transaction: the status below `unit` (the
// caller's access to it already checked; the reporters are those in the caller's scope), and a
// report's timeliness judged today.
ReportingStatus StatusBelow(store::Transaction& tx, const Context& ctx, const Caller& caller,
                            const store::Unit& unit, const std::string& period,
                            const std::optional<std::string>& of);
reporting::Timeliness TimelinessOf(const store::Report& r, const std::string& today);

}  // namespace cnscd::app
