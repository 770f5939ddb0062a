#include "core/team.hpp"

#include "core/error.hpp"

namespace cnscd {

std::optional<TeamLevel> ParseTeamLevel(std::string_view s) {
  if (s == "village") return TeamLevel::kVillage;
  if (s == "commune") return TeamLevel::kCommune;
  return std::nullopt;
}

std::string_view ToString(TeamLevel level) {
  return level == TeamLevel::kCommune ? "commune" : "village";
}

std::optional<Role> ParseRole(std::string_view s) {
  if (s == "leader") return Role::kLeader;
  if (s == "deputy") return Role::kDeputy;
  if (s == "member") return Role::kMember;
  if (s == "collaborator") return Role::kCollaborator;
  return std::nullopt;
}

std::string_view ToString(Role role) {
  switch (role) {
    case Role::kLeader:
      return "leader";
    case Role::kDeputy:
      return "deputy";
    case Role::kMember:
      return "member";
    case Role::kCollaborator:
      return "collaborator";
  }
  return "member";
}

void CheckTeamPlacement(TeamLevel level, UnitKind kind) {
  if (level == TeamLevel::kVillage && kind != UnitKind::kVillage) {
    throw RuleBroken("invalid_team_unit", "Tổ cấp thôn phải gắn với một thôn, ấp, tổ dân phố.",
                     "A village team sits on a village.", "unit_id");
  }
  if (level == TeamLevel::kCommune && kind != UnitKind::kCommune) {
    throw RuleBroken("invalid_team_unit", "Tổ cấp xã phải gắn với một xã, phường, đặc khu.",
                     "A commune team sits on a commune.", "unit_id");
  }
}

std::string DefaultTeamName(std::string_view unit_name) {
  return "Tổ công nghệ số cộng đồng " + std::string(unit_name);
}

}  // namespace cnscd
