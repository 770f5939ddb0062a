#pragma once
// Composition policy (quy định thành phần tổ): what a team of each level must look like.
// Each province sets its own (DOMAIN.md §3); a policy applies to a unit's whole subtree and the
// nearest one up the tree wins, level by level. The built-in default is no limits at all.
#include <optional>
#include <string>
#include <vector>

#include "core/team.hpp"

namespace cnscd {

struct LevelPolicy {
  std::optional<int> min;  // members excluding collaborators
  std::optional<int> max;
  bool require_leader = false;  // exactly one Tổ trưởng
  bool require_deputy = false;  // exactly one Tổ phó
  bool strict = false;          // refuse additions that would break the policy
  bool operator==(const LevelPolicy&) const = default;
};

// A unit's own setting: each level may be set or left to inherit.
struct CompositionPolicy {
  std::optional<LevelPolicy> village;
  std::optional<LevelPolicy> commune;
  bool operator==(const CompositionPolicy&) const = default;
};

// Throws 422 (field "village.max" etc.) when the numbers make no sense.
void CheckPolicy(const CompositionPolicy& policy);

// The effective policy for one level, given the settings from the unit itself up to its province
// (nearest first). An empty LevelPolicy when nothing sets it.
LevelPolicy EffectiveLevelPolicy(const std::vector<CompositionPolicy>& nearest_first,
                                 TeamLevel level);

struct RoleCounts {
  int leaders = 0;
  int deputies = 0;
  int members = 0;
  int collaborators = 0;
  int Counted() const { return leaders + deputies + members; }  // collaborators don't count
  void Add(Role role, int n = 1);
};

struct Violation {
  std::string code;        // too_few_members, too_many_members, no_leader, no_deputy, several_*
  std::string message;     // Vietnamese
  std::string message_en;  // English
  bool operator==(const Violation&) const = default;
};

// The ways a team with these current members breaks its effective policy, in a stable order.
std::vector<Violation> Evaluate(const LevelPolicy& policy, const RoleCounts& counts);

// Under a strict policy, throws 422 if adding one `role` would create a violation the team
// does not already have for size or duplicate leaders/deputies.
void CheckAdmission(const LevelPolicy& policy, const RoleCounts& counts, Role role);

}  // namespace cnscd
