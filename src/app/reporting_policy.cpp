// Due dates per province: the rules stored for a province, the built-in ones where it sets none.
#include "app/reporting_policy.hpp"

#include <map>
#include <string>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/snapshot.hpp"
#include "app/units.hpp"
#include "core/error.hpp"

namespace cnscd::app {

using reporting::ReportKind;

namespace {

std::optional<store::Unit> ProvinceOf(store::Transaction& tx, const store::Unit& unit) {
  if (unit.kind == UnitKind::kProvince) return unit;
  const std::vector<store::Unit> up = tx.Ancestors(unit);
  if (!up.empty() && up.front().kind == UnitKind::kProvince) return up.front();
  return std::nullopt;
}

std::vector<PolicyItem> PoliciesAt(store::Transaction& tx,
                                   const std::optional<store::Unit>& province) {
  std::map<std::string, store::ReportingPolicyRow> own;
  if (province) {
    for (const auto& row : tx.ReportingPolicies(province->id)) own[row.kind] = row;
  }
  std::vector<PolicyItem> out;
  for (const ReportKind k : reporting::ReportKinds()) {
    PolicyItem item{k, reporting::DefaultPolicy(k), true};
    if (const auto it = own.find(std::string(reporting::ToString(k))); it != own.end()) {
      item.policy = {it->second.due_day, it->second.month_offset, it->second.due_month};
      item.is_default = false;
    }
    out.push_back(item);
  }
  return out;
}

reporting::DuePolicy PolicyFor(const std::vector<PolicyItem>& items, ReportKind kind) {
  for (const PolicyItem& i : items) {
    if (i.kind == kind) return i.policy;
  }
  return reporting::DefaultPolicy(kind);
}

}  // namespace

reporting::DuePolicy DuePolicyAt(store::Transaction& tx, const store::Unit& unit, ReportKind kind) {
  return PolicyFor(PoliciesAt(tx, ProvinceOf(tx, unit)), kind);
}

std::vector<PolicyItem> PutReportingPolicy(Context& ctx, const Caller& caller, store::Id unit_id,
                                           std::string_view kind_text,
                                           const reporting::DuePolicy& policy) {
  const ReportKind kind = reporting::RequireReportKind(kind_text);
  reporting::CheckPolicy(kind, policy);
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kManage, UnitTarget(unit));
  if (unit.kind != UnitKind::kProvince) {
    throw RuleBroken("not_a_province", "Hạn nộp báo cáo do cấp tỉnh quy định.",
                     "Due dates are set by a province.", "unit_id");
  }
  const std::vector<PolicyItem> before_items = PoliciesAt(*tx, unit);
  const reporting::DuePolicy old = PolicyFor(before_items, kind);
  auto json_of = [&](const reporting::DuePolicy& p) {
    return Json{{"kind", reporting::ToString(kind)},
                {"due_day", p.due_day ? Json(*p.due_day) : Json()},
                {"month_offset", p.month_offset},
                {"due_month", p.due_month ? Json(*p.due_month) : Json()}};
  };
  tx->PutReportingPolicy({unit.id, std::string(reporting::ToString(kind)), policy.due_day,
                          policy.month_offset, policy.due_month});
  Audit(*tx, ctx, caller, "update", {"reporting_policy", unit.id, unit.path}, json_of(old),
        json_of(policy));
  std::vector<PolicyItem> out = PoliciesAt(*tx, unit);
  tx->Commit();
  return out;
}

std::vector<PolicyItem> GetReportingPolicy(Context& ctx, const Caller& caller, store::Id unit_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  return PoliciesAt(*tx, ProvinceOf(*tx, unit));
}

}  // namespace cnscd::app
