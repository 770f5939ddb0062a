#pragma once
// Scope checks for use cases: the core's rules applied to rows from the store.
#include "app/context.hpp"

namespace cnscd::app {

// The caller's grants, resolved to unit paths (and teams) through the store.
std::vector<HeldGrant> ResolveGrants(store::Transaction& tx, const std::vector<store::Grant>& g);

Target UnitTarget(const store::Unit& unit);
Target TeamTarget(store::Transaction& tx, const store::Team& team);

// Throws 403 `forbidden` unless the caller may do `ability` on `target`.
void Require(const Caller& caller, Ability ability, const Target& target);

// What lists may hold for this caller and ability.
store::Scope ScopeFor(const Caller& caller, Ability ability = Ability::kRead);

// Through a reform (issue 8), what lies in one's units today was maybe filed under other paths:
// `scope` widened by the earlier paths of its units and the closed units merged into them
// (followed through earlier merges), and the split units' own paths, for reading their past.
store::Scope WithHistory(store::Transaction& tx, const store::Scope& scope);
// True when the scope reaches `path` (a subtree that holds it, or that single unit).
bool Covers(const store::Scope& scope, const std::string& path);
// Require for reading the past: also allowed when the target lies in the history of one's units
// (a closed commune merged into the caller's, its reports and trail).
void RequireHistory(store::Transaction& tx, const Caller& caller, Ability ability,
                    const Target& target);

}  // namespace cnscd::app
