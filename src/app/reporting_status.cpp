// Completeness and timeliness of the reports expected below a unit: one query lists the
// reporters with their reports; core/reporting judges each and sums them up.
#include "app/reporting_status.hpp"

#include "app/access.hpp"
#include "app/reporting_policy.hpp"
#include "app/units.hpp"

namespace cnscd::app {

using reporting::Timeliness;

Timeliness TimelinessOf(const store::Report& r, const std::string& today) {
  const std::optional<std::string> first =
      r.first_submitted_at
          ? std::optional<std::string>(reporting::VietnamDate(*r.first_submitted_at))
          : std::nullopt;
  return reporting::Judge(r.due_date, first, today);
}

ReportingStatus StatusBelow(store::Transaction& tx, const Context& ctx, const Caller& caller,
                            const store::Unit& unit, const std::string& period_text,
                            const std::optional<std::string>& of_in) {
  const bool annual = period_text.size() == 4;
  ReportingStatus out;
  out.unit = unit;
  bool has_districts = false;  // asked only where it decides the default level
  if (unit.kind == UnitKind::kProvince && !annual && (!of_in || of_in->empty())) {
    store::UnitQuery q;
    q.parent_id = unit.id;
    q.kind = UnitKind::kDistrict;
    q.limit = 1;
    has_districts = tx.ListUnits(q, store::Scope{.everything = true}).total > 0;
  }
  const reporting::StatusLevel level =
      reporting::ResolveStatusLevel(unit.kind, unit.name, annual, has_districts, of_in);
  out.kind = level.kind;
  const reporting::Period period = reporting::ParsePeriod(out.kind, period_text);
  out.period = period.ToString();
  out.of = level.of;
  const reporting::DuePolicy policy = DuePolicyAt(tx, unit, out.kind);
  const std::string due = reporting::DueDate(out.kind, period, policy);
  const std::string today = ctx.Today();
  std::vector<Timeliness> all;
  for (store::Reporter& rep :
       tx.Reporters(unit, level.of, std::string(reporting::ToString(out.kind)), out.period,
                    period.LastDay(), ScopeFor(caller))) {
    StatusItem item;
    item.due_date = rep.report ? rep.report->due_date : due;
    item.timeliness = rep.report ? TimelinessOf(*rep.report, today)
                                 : reporting::Judge(item.due_date, std::nullopt, today);
    item.reporter = std::move(rep);
    all.push_back(item.timeliness);
    out.items.push_back(std::move(item));
  }
  out.summary = reporting::Summarize(all);
  return out;
}

ReportingStatus GetReportingStatus(Context& ctx, const Caller& caller, store::Id unit_id,
                                   const std::string& period,
                                   const std::optional<std::string>& of) {
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  return StatusBelow(*tx, ctx, caller, unit, period, of);
}

}  // namespace cnscd::app
