// Cashless streets and markets: one write transaction per declaration or void, audited; the
// field rules are core's (core/cashless_place.hpp).
#include "app/cashless_places.hpp"

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/units.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"

namespace cnscd::app {
namespace {

Json Nullable(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

// Seed 004 has the commune recognise streets and markets within it: on the commune itself or
// on one of its villages (thôn, bon), so that a village's declaration counts there too.
void RequireCommuneOrVillage(const store::Unit& unit) {
  if (unit.kind != UnitKind::kCommune && unit.kind != UnitKind::kVillage) {
    throw RuleBroken("not_a_commune_or_village",
                     "Chỉ xã hoặc thôn mới có tuyến đường, chợ không dùng tiền mặt: hãy chọn "
                     "đơn vị cấp xã hoặc thôn.",
                     "Cashless streets and markets are declared on a commune or a village.",
                     "unit_id");
  }
}

}  // namespace

Json ToJson(const store::CashlessPlace& p) {
  return Json{{"id", p.id},
              {"unit_id", p.unit_id},
              {"kind", p.kind},
              {"name", p.name},
              {"declared_on", p.declared_on},
              {"decision_ref", Nullable(p.decision_ref)},
              {"created_at", p.created_at},
              {"voided_at", Nullable(p.voided_at)}};
}

store::CashlessPlace DeclareCashlessPlace(Context& ctx, const Caller& caller, store::Id unit_id,
                                          const cashless::PlaceDraft& draft) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kManage, UnitTarget(unit));
  RequireCommuneOrVillage(unit);
  const cashless::CheckedPlace c = cashless::CheckPlace(draft, ctx.Today());
  const std::string kind(cashless::ToString(c.kind));
  if (auto existing = tx->FindLiveCashlessPlace(unit.id, kind, c.name_folded)) {
    throw Conflict("place_exists",
                   "Đơn vị này đã công nhận \"" + existing->name + "\" (" + existing->declared_on +
                       ", mã " + std::to_string(existing->id) + ").",
                   "This unit has already declared \"" + existing->name + "\" (" +
                       existing->declared_on + ", id " + std::to_string(existing->id) + ").",
                   "name");
  }
  store::CashlessPlace row;
  row.unit_id = unit.id;
  row.kind = kind;
  row.name = c.name;
  row.name_folded = c.name_folded;
  row.declared_on = c.declared_on;
  row.decision_ref = c.decision_ref;
  row.created_by = caller.audit_account();
  row.created_at = ctx.NowTimestamp();
  store::CashlessPlace stored = tx->InsertCashlessPlace(row);
  Audit(*tx, ctx, caller, "create", {"cashless_place", stored.id, unit.path}, std::nullopt,
        ToJson(stored));
  tx->Commit();
  return stored;
}

store::Page<store::CashlessPlace> ListCashlessPlaces(Context& ctx, const Caller& caller,
                                                     store::Id unit_id,
                                                     const CashlessPlaceFilters& filters) {
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  if (filters.kind && !cashless::ParseKind(*filters.kind)) {
    throw RuleBroken("unknown_kind", "Loại phải là street (tuyến đường) hoặc market (chợ).",
                     "The kind must be street or market.", "kind");
  }
  store::CashlessPlaceQuery q;
  q.within_path = unit.path;
  q.kind = filters.kind;
  q.include_voided = filters.include_voided;
  q.limit = filters.limit;
  q.offset = filters.offset;
  return tx->ListCashlessPlaces(q);
}

store::CashlessPlace VoidCashlessPlace(Context& ctx, const Caller& caller, store::Id id) {
  auto tx = ctx.Begin(store::Access::kWrite);
  std::optional<store::CashlessPlace> place = tx->FindCashlessPlace(id);
  if (!place) throw NotFound("tuyến đường hoặc chợ", "cashless street or market", "id");
  Require(caller, Ability::kManage, Target{place->unit_path, std::nullopt});
  if (place->voided_at) {
    throw Conflict("already_voided",
                   "Công nhận này đã bị hủy lúc " + dates::Vietnamese(*place->voided_at) + ".",
                   "This declaration was already voided at " + *place->voided_at + ".", "id");
  }
  const Json before = ToJson(*place);
  place->voided_at = ctx.NowTimestamp();
  tx->VoidCashlessPlace(place->id, *place->voided_at);
  Audit(*tx, ctx, caller, "void", {"cashless_place", place->id, place->unit_path}, before,
        ToJson(*place));
  tx->Commit();
  return *place;
}

}  // namespace cnscd::app
