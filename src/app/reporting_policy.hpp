#pragma once
// Due dates of the reporting cycle as each province sets them (docs/reporting.md): one rule per
// report kind, the built-in one where the province sets none.
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "core/reporting.hpp"

namespace cnscd::app {

// One kind's due-date rule at a province.
struct PolicyItem {
  reporting::ReportKind kind = reporting::ReportKind::kTeamMonthly;
  reporting::DuePolicy policy;
  bool is_default = true;
};
// Sets a province's rule for one kind (kManage on it; 422 not_a_province otherwise); answers
// every kind's effective rule.
std::vector<PolicyItem> PutReportingPolicy(Context& ctx, const Caller& caller, store::Id unit_id,
                                           std::string_view kind,
                                           const reporting::DuePolicy& policy);
// Every kind's effective rule at a unit's province (kRead on the unit).
std::vector<PolicyItem> GetReportingPolicy(Context& ctx, const Caller& caller, store::Id unit_id);

// Shared by the reporting use cases: the rule for `kind` at `unit`'s province, within an open
// transaction.
reporting::DuePolicy DuePolicyAt(store::Transaction& tx, const store::Unit& unit,
                                 reporting::ReportKind kind);

}  // namespace cnscd::app
