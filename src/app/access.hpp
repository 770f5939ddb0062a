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

}  // namespace cnscd::app
