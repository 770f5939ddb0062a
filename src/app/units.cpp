#include "app/units.hpp"

#include <algorithm>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"
#include "core/unit.hpp"

namespace cnscd::app {

namespace {
constexpr std::size_t kMaxNameLength = 200;

std::string CleanName(const std::string& raw, const std::string& field) {
  std::string name = input::Text(raw, field);
  if (name.empty()) {
    throw RuleBroken("empty_name", "Tên không được để trống.", "The name must not be empty.",
                     field);
  }
  if (text::Length(name) > kMaxNameLength) {
    throw RuleBroken("name_too_long", "Tên dài quá 200 ký tự.",
                     "The name is longer than 200 characters.", field);
  }
  return name;
}

// ?on= must be a real day: a typo would otherwise silently read today's tree.
void CheckOnDate(const std::optional<std::string>& on) {
  if (on && !dates::ParseDate(*on)) {
    throw Malformed("bad_query", "Tham số on phải là một ngày dạng YYYY-MM-DD.",
                    "on must be a date written YYYY-MM-DD.", "on");
  }
}
}  // namespace

store::Unit RequireUnit(store::Transaction& tx, store::Id id, const std::string& field) {
  auto unit = tx.FindUnit(id);
  if (!unit) throw NotFound("đơn vị hành chính", "administrative unit", field);
  return *unit;
}

store::Unit RequireUnitInScope(store::Transaction& tx, const Caller& caller, Ability ability,
                               store::Id id) {
  store::Unit unit = RequireUnit(tx, id);
  Require(caller, ability, UnitTarget(unit));
  return unit;
}

std::vector<store::Unit> CurrentUnits(store::Transaction& tx, store::UnitQuery query) {
  query.limit = 100'000'000;  // one page: a nation has under 100,000 units and villages
  query.offset = 0;
  store::Scope everything;
  everything.everything = true;
  return tx.ListUnits(query, everything).items;
}

void RequireFreeVillageName(store::Transaction& tx, const store::Unit& parent,
                            const std::string& name, const std::vector<store::Id>& except,
                            const std::string& field) {
  const std::string key = VillageNameKey(name);
  store::UnitQuery q;
  q.parent_id = parent.id;
  q.kind = UnitKind::kVillage;
  for (const store::Unit& v : CurrentUnits(tx, q)) {
    if (std::find(except.begin(), except.end(), v.id) != except.end()) continue;
    if (VillageNameKey(v.name) != key) continue;
    throw Conflict(
        "name_in_use",
        parent.name + " đã có " + v.name + ": hai thôn, ấp của một xã không được trùng tên.",
        parent.name + " already has " + v.name + ": two villages of a commune never share a name.",
        field);
  }
}

store::Unit CreateUnit(Context& ctx, const Caller& caller, const UnitInput& in) {
  const std::string name = CleanName(in.name, "name");
  const auto kind = ParseUnitKind(in.kind);
  if (!kind) {
    throw RuleBroken("invalid_kind", "Cấp đơn vị phải là province, district, commune hoặc village.",
                     "kind must be province, district, commune or village.", "kind");
  }
  std::string subkind = text::Lower(input::Text(in.subkind, "subkind"));
  if (subkind.empty()) subkind = SubkindFromName(name);
  if (text::Length(subkind) > 40) {
    throw RuleBroken("invalid_subkind", "Loại đơn vị dài quá 40 ký tự.",
                     "subkind is longer than 40 characters.", "subkind");
  }
  const std::optional<std::string> code = input::OptionalText(in.code, "code");
  if (code) CheckUnitCode(*kind, *code);

  auto tx = ctx.Begin(store::Access::kWrite);
  std::optional<store::Unit> parent;
  Target where{"/", std::nullopt};  // a province: only an administrator reaches the whole country
  if (in.parent_id) {
    parent = RequireUnit(*tx, *in.parent_id, "parent_id");
    where = UnitTarget(*parent);
  }
  Require(caller, Ability::kManage, where);
  CheckParent(*kind, parent ? std::optional<UnitKind>(parent->kind) : std::nullopt);
  if (*kind == UnitKind::kVillage && parent) RequireFreeVillageName(*tx, *parent, name, {}, "name");
  if (code && tx->FindUnitByCode(*kind, *code, std::nullopt)) {
    throw Conflict("duplicate_code", "Mã " + *code + " đã được dùng cho một đơn vị cùng cấp.",
                   "Code " + *code + " is already used by another unit of this kind.", "code");
  }
  store::Unit unit = tx->InsertUnit({code, name, *kind, subkind, in.parent_id, std::nullopt});
  Audit(*tx, ctx, caller, "create", {"unit", unit.id, unit.path}, std::nullopt, ToJson(unit));
  tx->Commit();
  return unit;
}

UnitDetail GetUnit(Context& ctx, const Caller& caller, store::Id id,
                   const std::optional<std::string>& on) {
  CheckOnDate(on);
  auto tx = ctx.Begin(store::Access::kRead);
  UnitDetail d;
  if (on) {
    auto then = tx->FindUnitOn(id, *on);
    if (!then) throw NotFound("đơn vị hành chính", "administrative unit");
    d.unit = std::move(*then);
  } else {
    d.unit = RequireUnit(*tx, id);
  }
  // A unit's past is read by who reaches it today or reached it then (its old path): the officer
  // of a commune moved to a new province, and the officer of a province merged away.
  // A closed unit is read by the officers of the units it went into (its history is theirs).
  if (on) {
    const store::Unit now = RequireUnit(*tx, id);
    if (!Allows(caller.held, Ability::kRead, UnitTarget(d.unit))) {
      RequireHistory(*tx, caller, Ability::kRead, UnitTarget(now));
    }
  } else {
    RequireHistory(*tx, caller, Ability::kRead, UnitTarget(d.unit));
  }
  d.path = on ? tx->AncestorsOn(d.unit, *on) : tx->Ancestors(d.unit);
  d.path.push_back(d.unit);
  d.children = on ? tx->CountChildrenOn(id, *on) : tx->CountChildren(id);
  return d;
}

store::Page<store::Unit> ListUnits(Context& ctx, const Caller& caller, const UnitListInput& in) {
  store::UnitQuery q;
  q.parent_id = in.parent_id;
  if (in.kind) {
    q.kind = ParseUnitKind(*in.kind);
    if (!q.kind) {
      throw Malformed("bad_query", "Tham số kind phải là province, district, commune hoặc village.",
                      "kind must be province, district, commune or village.", "kind");
    }
  }
  CheckOnDate(in.on);
  q.on = in.on;
  q.folded_text = text::Fold(in.q);
  q.limit = in.limit;
  q.offset = in.offset;
  auto tx = ctx.Begin(store::Access::kRead);
  if (in.parent_id) RequireUnit(*tx, *in.parent_id, "parent");
  return tx->ListUnits(q, ScopeFor(caller));
}

store::Population PutPopulation(Context& ctx, const Caller& caller, store::Id unit_id,
                                const store::Population& figures) {
  if (figures.year < 1900 || figures.year > 2200) {
    throw RuleBroken("invalid_year", "Năm phải từ 1900 đến 2200.",
                     "year must be between 1900 and 2200.", "year");
  }
  for (const auto& [cohort, n] : figures.figures) {
    if (n < 0) {
      throw RuleBroken("negative_population", "Số liệu dân số không được âm.",
                       "Population figures cannot be negative.", cohort);
    }
  }
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit unit = RequireUnitInScope(*tx, caller, Ability::kManage, unit_id);
  auto of_year = [&] {
    store::Population out{figures.year, {}};
    for (const auto& p : tx->ListPopulation(unit_id)) {
      if (p.year == figures.year) out = p;
    }
    return out;
  };
  const store::Population before = of_year();
  tx->PutPopulation(unit_id, figures);
  store::Population after = of_year();
  Audit(*tx, ctx, caller, "update", {"population", unit_id, unit.path}, ToJson(unit_id, before),
        ToJson(unit_id, after));
  tx->Commit();
  return after;
}

std::vector<store::Population> ListPopulation(Context& ctx, const Caller& caller,
                                              store::Id unit_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  RequireUnitInScope(*tx, caller, Ability::kRead, unit_id);
  return tx->ListPopulation(unit_id);
}

void PutPolicy(Context& ctx, const Caller& caller, store::Id unit_id,
               const CompositionPolicy& policy) {
  CheckPolicy(policy);
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit unit = RequireUnitInScope(*tx, caller, Ability::kManage, unit_id);
  const auto before = tx->FindPolicy(unit_id);
  tx->PutPolicy(unit_id, policy);
  Audit(*tx, ctx, caller, "update", {"policy", unit_id, unit.path},
        before ? std::optional<Json>(ToJson(*before)) : std::nullopt, ToJson(policy));
  tx->Commit();
}

EffectivePolicy EffectivePolicyAt(store::Transaction& tx, const store::Unit& unit) {
  EffectivePolicy out;
  std::vector<store::Unit> chain = tx.Ancestors(unit);
  chain.push_back(unit);
  std::reverse(chain.begin(), chain.end());  // nearest first
  for (const store::Unit& u : chain) {
    auto own = tx.FindPolicy(u.id);
    if (!own) continue;
    if (!out.village && own->village) out.village = LevelPolicyFrom{*own->village, u.id};
    if (!out.commune && own->commune) out.commune = LevelPolicyFrom{*own->commune, u.id};
    if (out.village && out.commune) break;
  }
  return out;
}

EffectivePolicy GetEffectivePolicy(Context& ctx, const Caller& caller, store::Id unit_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  return EffectivePolicyAt(*tx, RequireUnitInScope(*tx, caller, Ability::kRead, unit_id));
}

}  // namespace cnscd::app
