#pragma once
// Use cases on administrative units: create, read, list, population, composition policy.
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace cnscd::app {

struct UnitInput {
  std::string name;
  std::string kind;
  std::string subkind;
  std::optional<store::Id> parent_id;
  std::optional<std::string> code;
};

struct UnitDetail {
  store::Unit unit;
  std::vector<store::Unit> path;  // province … the unit itself
  std::int64_t children = 0;
};

struct UnitListInput {
  std::optional<store::Id> parent_id;
  std::optional<std::string> kind;
  std::string q;
  std::optional<std::string> on;  // YYYY-MM-DD: the tree as it was that day (nullopt: today's)
  int limit = 100;
  int offset = 0;
};

struct LevelPolicyFrom {
  LevelPolicy policy;
  store::Id source_unit_id = 0;  // the unit whose setting applies
};

struct EffectivePolicy {
  std::optional<LevelPolicyFrom> village;
  std::optional<LevelPolicyFrom> commune;
};

store::Unit CreateUnit(Context& ctx, const Caller& caller, const UnitInput& in);
// With `on` (YYYY-MM-DD): the unit as it was that day, its path and children then (404 when it
// did not exist that day; access judged on where it sat then).
UnitDetail GetUnit(Context& ctx, const Caller& caller, store::Id id,
                   const std::optional<std::string>& on = std::nullopt);
store::Page<store::Unit> ListUnits(Context& ctx, const Caller& caller, const UnitListInput& in);

store::Population PutPopulation(Context& ctx, const Caller& caller, store::Id unit_id,
                                const store::Population& figures);
std::vector<store::Population> ListPopulation(Context& ctx, const Caller& caller,
                                              store::Id unit_id);

void PutPolicy(Context& ctx, const Caller& caller, store::Id unit_id,
               const CompositionPolicy& policy);
EffectivePolicy GetEffectivePolicy(Context& ctx, const Caller& caller, store::Id unit_id);

// Shared by the team use cases: the effective policy at a unit, within an open transaction.
EffectivePolicy EffectivePolicyAt(store::Transaction& tx, const store::Unit& unit);
store::Unit RequireUnit(store::Transaction& tx, store::Id id, const std::string& field = {});
// How a use case on one unit starts: the unit (404 when absent), once the caller may do
// `ability` on it (403 otherwise).
store::Unit RequireUnitInScope(store::Transaction& tx, const Caller& caller, Ability ability,
                               store::Id id);
// 409 `name_in_use` (field `field`) when a current village of `parent`, other than those in
// `except`, bears `name` by VillageNameKey (case, diacritics and the type word aside): two
// villages of one commune never share a name.
void RequireFreeVillageName(store::Transaction& tx, const store::Unit& parent,
                            const std::string& name, const std::vector<store::Id>& except,
                            const std::string& field);
// Every current unit the query names (its limit and offset ignored), whatever the caller's scope:
// for use cases that work on the whole tree (events, the reform).
std::vector<store::Unit> CurrentUnits(store::Transaction& tx, store::UnitQuery query);

}  // namespace cnscd::app
