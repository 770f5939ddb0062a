#pragma once
// Teams (Tổ công nghệ số cộng đồng) and the roles of their members.
#include <optional>
#include <string>
#include <string_view>

#include "core/unit.hpp"

namespace cnscd {

enum class TeamLevel {
  kVillage,  // one per village-level unit (tổ cấp thôn)
  kCommune,  // Quảng Trị's commune-level team (tổ cấp xã)
};

enum class Role {
  kLeader,        // Tổ trưởng
  kDeputy,        // Tổ phó
  kMember,        // Tổ viên
  kCollaborator,  // cộng tác viên: beyond the team's size, not counted against it
};

std::optional<TeamLevel> ParseTeamLevel(std::string_view s);
std::string_view ToString(TeamLevel level);
std::optional<Role> ParseRole(std::string_view s);
std::string_view ToString(Role role);

// Throws 422 unless a team of `level` may sit on a unit of `kind`.
void CheckTeamPlacement(TeamLevel level, UnitKind kind);

// "Tổ công nghệ số cộng đồng " + the unit's name (seed 001, Form 2).
std::string DefaultTeamName(std::string_view unit_name);

}  // namespace cnscd
