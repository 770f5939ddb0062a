#pragma once
// Who may do what where (DOMAIN.md §10). A role is granted on a unit and reaches its whole
// subtree, or on one team. Pure rules: the caller's grants arrive already resolved to paths.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.hpp"

namespace cnscd {

enum class GrantRole {
  kAdmin,            // everything, everywhere
  kProvinceOfficer,  // Sở KH&CN / Sở TT&TT: manages a province
  kDistrictOfficer,  // Phòng Văn hóa và Thông tin huyện (until 2025)
  kCommuneChair,     // Chủ tịch UBND xã: a commune officer who also approves and signs
  kCommuneOfficer,   // Phòng Văn hóa – Xã hội: manages a commune
  kViewer,           // partners (youth union, post office…): read only
  kTeamLeader,       // Tổ trưởng, on a team
  kMember,           // Tổ viên, on a team
};

std::optional<GrantRole> ParseGrantRole(std::string_view s);
std::string_view ToString(GrantRole role);

// The order of power: nobody grants a role above their own.
int Rank(GrantRole role);

// Team roles are granted on a team; the others on a unit.
bool IsTeamRole(GrantRole role);

// The kind of unit a unit role is granted on (nullopt: any unit).
std::optional<UnitKind> GrantedOnKind(GrantRole role);

enum class Ability {
  kRead,            // see units, teams, members, policies, coverage, decisions
  kManage,          // create and change units, teams, members, policies, population
  kManageAccounts,  // create accounts, grant and revoke roles, reset passwords
  kApprove,         // approve or reject join/leave requests
  kSign,            // record the chairman's decisions
  kNominate,        // introduce a request to the chairman (the team leader's act)
  kSubmitRequest,   // file a join or leave request
  kEditContacts,    // correct members' phone, Zalo, occupation
  kReadAudit,       // read the audit trail
};

bool RoleHas(GrantRole role, Ability ability);

// A grant the caller holds, resolved: the path of the unit it is granted on, or of the unit of
// its team (with the team's id).
struct HeldGrant {
  GrantRole role = GrantRole::kViewer;
  std::string unit_path = "/";
  std::optional<std::int64_t> team_id;
};

// What an action touches: a unit (its path), or a team (its id and its unit's path).
struct Target {
  std::string unit_path;
  std::optional<std::int64_t> team_id;
};

// True when some grant has `ability` and reaches `target`. A unit grant reaches every unit and
// team of its subtree; a team grant reaches its team, and for reading also its team's unit.
bool Allows(const std::vector<HeldGrant>& held, Ability ability, const Target& target);

// May the holder grant `role` on `target`? Only with kManageAccounts, reaching the target, and at
// a rank at least the role's.
bool CanGrant(const std::vector<HeldGrant>& held, GrantRole role, const Target& target);

// What a caller may read, for filtering lists: whole subtrees and single teams.
struct ReadScope {
  bool everything = false;
  std::vector<std::string> unit_paths;       // subtrees
  std::vector<std::int64_t> team_ids;        // single teams (team roles)
  std::vector<std::string> team_unit_paths;  // the units those teams sit on (readable alone)
};
ReadScope ScopeOf(const std::vector<HeldGrant>& held, Ability ability = Ability::kRead);

}  // namespace cnscd
