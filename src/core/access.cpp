#include "core/access.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace cnscd {

namespace {
constexpr std::array<std::pair<GrantRole, std::string_view>, 8> kNames{{
    {GrantRole::kAdmin, "admin"},
    {GrantRole::kProvinceOfficer, "province_officer"},
    {GrantRole::kDistrictOfficer, "district_officer"},
    {GrantRole::kCommuneChair, "commune_chair"},
    {GrantRole::kCommuneOfficer, "commune_officer"},
    {GrantRole::kViewer, "viewer"},
    {GrantRole::kTeamLeader, "team_leader"},
    {GrantRole::kMember, "member"},
}};

bool Within(const std::string& path, const std::string& root) { return path.starts_with(root); }

bool Reaches(const HeldGrant& g, Ability ability, const Target& t) {
  if (g.role == GrantRole::kAdmin) return true;
  if (!IsTeamRole(g.role)) return Within(t.unit_path, g.unit_path);
  if (t.team_id) return t.team_id == g.team_id;
  return ability == Ability::kRead && t.unit_path == g.unit_path;
}
}  // namespace

std::optional<GrantRole> ParseGrantRole(std::string_view s) {
  for (const auto& [role, name] : kNames) {
    if (name == s) return role;
  }
  return std::nullopt;
}

std::string_view ToString(GrantRole role) {
  for (const auto& [r, name] : kNames) {
    if (r == role) return name;
  }
  return "viewer";
}

int Rank(GrantRole role) {
  switch (role) {
    case GrantRole::kAdmin:
      return 100;
    case GrantRole::kProvinceOfficer:
      return 80;
    case GrantRole::kDistrictOfficer:
      return 60;
    case GrantRole::kCommuneChair:
      return 50;
    case GrantRole::kCommuneOfficer:
      return 40;
    case GrantRole::kViewer:
      return 30;
    case GrantRole::kTeamLeader:
      return 20;
    case GrantRole::kMember:
      return 10;
  }
  return 0;
}

bool IsTeamRole(GrantRole role) {
  return role == GrantRole::kTeamLeader || role == GrantRole::kMember;
}

std::optional<UnitKind> GrantedOnKind(GrantRole role) {
  switch (role) {
    case GrantRole::kProvinceOfficer:
      return UnitKind::kProvince;
    case GrantRole::kDistrictOfficer:
      return UnitKind::kDistrict;
    case GrantRole::kCommuneChair:
    case GrantRole::kCommuneOfficer:
      return UnitKind::kCommune;
    default:
      return std::nullopt;
  }
}

bool RoleHas(GrantRole role, Ability ability) {
  switch (role) {
    case GrantRole::kAdmin:
      return true;
    case GrantRole::kProvinceOfficer:
    case GrantRole::kDistrictOfficer:
    case GrantRole::kCommuneOfficer:
      return ability != Ability::kApprove && ability != Ability::kSign &&
             ability != Ability::kNominate;
    case GrantRole::kCommuneChair:
      return ability != Ability::kNominate;
    case GrantRole::kViewer:
      return ability == Ability::kRead;
    case GrantRole::kTeamLeader:
      return ability == Ability::kRead || ability == Ability::kNominate ||
             ability == Ability::kSubmitRequest || ability == Ability::kEditContacts;
    case GrantRole::kMember:
      return ability == Ability::kRead || ability == Ability::kSubmitRequest;
  }
  return false;
}

bool Allows(const std::vector<HeldGrant>& held, Ability ability, const Target& target) {
  return std::any_of(held.begin(), held.end(), [&](const HeldGrant& g) {
    return RoleHas(g.role, ability) && Reaches(g, ability, target);
  });
}

bool CanGrant(const std::vector<HeldGrant>& held, GrantRole role, const Target& target) {
  return std::any_of(held.begin(), held.end(), [&](const HeldGrant& g) {
    return RoleHas(g.role, Ability::kManageAccounts) && Rank(g.role) >= Rank(role) &&
           Reaches(g, Ability::kManageAccounts, target);
  });
}

ReadScope ScopeOf(const std::vector<HeldGrant>& held, Ability ability) {
  ReadScope s;
  for (const HeldGrant& g : held) {
    if (!RoleHas(g.role, ability)) continue;
    if (g.role == GrantRole::kAdmin) {
      s.everything = true;
    } else if (IsTeamRole(g.role)) {
      if (g.team_id) s.team_ids.push_back(*g.team_id);
      if (ability == Ability::kRead) s.team_unit_paths.push_back(g.unit_path);
    } else {
      s.unit_paths.push_back(g.unit_path);
    }
  }
  return s;
}

}  // namespace cnscd
