#include "app/access.hpp"

#include "core/error.hpp"

namespace cnscd::app {

std::vector<HeldGrant> ResolveGrants(store::Transaction& tx,
                                     const std::vector<store::Grant>& grants) {
  std::vector<HeldGrant> held;
  for (const store::Grant& g : grants) {
    const auto role = ParseGrantRole(g.role);
    if (!role) continue;
    HeldGrant h{*role, "/", std::nullopt};
    if (g.team_id) {
      const auto team = tx.FindTeam(*g.team_id);
      const auto unit = team ? tx.FindUnit(team->unit_id) : std::nullopt;
      if (!unit) continue;  // a grant on a vanished team reaches nothing
      h.team_id = g.team_id;
      h.unit_path = unit->path;
    } else if (g.unit_id) {
      const auto unit = tx.FindUnit(*g.unit_id);
      if (!unit) continue;
      h.unit_path = unit->path;
    } else if (*role != GrantRole::kAdmin) {
      continue;  // only an administrator holds a grant on the whole country
    }
    held.push_back(h);
  }
  return held;
}

Target UnitTarget(const store::Unit& unit) { return {unit.path, std::nullopt}; }

Target TeamTarget(store::Transaction& tx, const store::Team& team) {
  const auto unit = tx.FindUnit(team.unit_id);
  return {unit ? unit->path : std::string(), team.id};
}

void Require(const Caller& caller, Ability ability, const Target& target) {
  if (Allows(caller.held, ability, target)) return;
  throw Error(ErrorKind::kForbidden, "forbidden",
              "Tài khoản của bạn không có quyền thực hiện việc này ở đơn vị này.",
              "Your account may not do this here.");
}

store::Scope ScopeFor(const Caller& caller, Ability ability) {
  const ReadScope r = ScopeOf(caller.held, ability);
  return store::Scope{r.everything, r.unit_paths, r.team_ids, r.team_unit_paths};
}

}  // namespace cnscd::app
