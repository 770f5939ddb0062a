#include "app/access.hpp"

#include <algorithm>
#include <set>

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

// Where what lies within `path` today was filed before a reform (issue 8): the earlier paths of
// its units and the closed units merged into them, followed through earlier merges, as subtrees
// (none inside another or inside `path`), and the split units' own paths, as single units.
namespace {

void AddHistory(store::Transaction& tx, const std::string& path, std::vector<std::string>& subtrees,
                std::vector<std::string>& singles) {
  std::set<std::string> found;
  std::vector<std::string> frontier{path};
  std::set<std::string> seen{path};
  while (!frontier.empty() && seen.size() < 100'000) {
    const std::string next = frontier.back();
    frontier.pop_back();
    for (const auto& h : tx.HistoryPaths(next)) {
      if (!h.whole) {
        singles.push_back(h.path);
      } else if (seen.insert(h.path).second) {
        found.insert(h.path);
        frontier.push_back(h.path);
      }
    }
  }
  // Shortest first, so that a path inside one already kept is dropped.
  std::vector<std::string> sorted(found.begin(), found.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  std::vector<std::string> kept{path};
  for (const std::string& p : sorted) {
    const bool inside = std::any_of(kept.begin(), kept.end(),
                                    [&](const std::string& k) { return p.starts_with(k); });
    if (!inside) {
      kept.push_back(p);
      subtrees.push_back(p);
    }
  }
}

}  // namespace

bool Covers(const store::Scope& s, const std::string& path) {
  return s.everything ||
         std::any_of(s.unit_paths.begin(), s.unit_paths.end(),
                     [&](const std::string& p) { return path.starts_with(p); }) ||
         std::find(s.single_unit_paths.begin(), s.single_unit_paths.end(), path) !=
             s.single_unit_paths.end();
}

store::Scope WithHistory(store::Transaction& tx, const store::Scope& scope) {
  if (scope.everything) return scope;
  store::Scope out = scope;
  for (const std::string& p : scope.unit_paths) {
    AddHistory(tx, p, out.unit_paths, out.single_unit_paths);
  }
  return out;
}

void RequireHistory(store::Transaction& tx, const Caller& caller, Ability ability,
                    const Target& target) {
  if (Allows(caller.held, ability, target)) return;
  if (Covers(WithHistory(tx, ScopeFor(caller, ability)), target.unit_path)) return;
  Require(caller, ability, target);  // refused: its 403
}

}  // namespace cnscd::app
