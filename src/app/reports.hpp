#pragma once
// The monthly reporting cycle (issue 5 item 4, DOMAIN.md §6, docs/reporting.md): reports by
// teams, communes and districts, prefilled from the period's records, moved
// draft → submitted → approved | returned by the level above. Due dates: app/reporting_policy;
// completeness and timeliness below a unit: app/reporting_status; the consolidated report as a
// file: app/consolidated_report.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "app/snapshot.hpp"
#include "core/reporting.hpp"

namespace cnscd::app {

struct ReportInput {
  std::string kind;
  std::optional<store::Id> team_id;  // a team report
  std::optional<store::Id> unit_id;  // a commune's or district's report
  std::string period;
};

// A report as the API shows it: figures live while the report is open, stored once submitted.
struct ReportView {
  store::Report report;
  Json figures;
  reporting::Timeliness timeliness = reporting::Timeliness::kPending;
};

// {"id","kind","unit_id","team_id","period","status","due_date","figures","results",
//  "difficulties","proposals","created_at","first_submitted_at","submitted_at","decided_at",
//  "return_reason","timeliness"}; `with_figures` false leaves "figures" out (lists).
Json ReportJson(const ReportView& view, bool with_figures = true);

// Creates the draft of a period (201): a team report by its leader (kNominate on the team) or
// an officer (kManage on it); a commune's or district's by kManage on the unit. The due date
// comes from the province's policy. 409 report_exists (naming the existing id) when made before.
ReportView CreateReport(Context& ctx, const Caller& caller, const ReportInput& in);
ReportView GetReport(Context& ctx, const Caller& caller, store::Id id);

struct ReportText {
  std::optional<std::string> results, difficulties, proposals;
};
// Changes the text of an open (draft or returned) report: the writer only; 409 otherwise.
ReportView EditReport(Context& ctx, const Caller& caller, store::Id id, const ReportText& text);

// The writer sends the report: its figures are frozen.
ReportView SubmitReport(Context& ctx, const Caller& caller, store::Id id);
// The level above (kManage on the team's commune, the commune's parent, the district's
// province) approves, or returns it with a reason (required, ≤ 1000 characters).
ReportView ApproveReport(Context& ctx, const Caller& caller, store::Id id);
ReportView ReturnReport(Context& ctx, const Caller& caller, store::Id id,
                        const std::optional<std::string>& reason);

struct ReportFilters {
  std::optional<store::Id> unit_id;
  std::optional<std::string> period, kind, status;
  int limit = 100;
  int offset = 0;
};
// Reports in the caller's scope; `unit_id` narrows to that unit's subtree.
store::Page<ReportView> ListReports(Context& ctx, const Caller& caller, const ReportFilters& f);

}  // namespace cnscd::app
