#pragma once
// Chat groups (nhóm Zalo) of units and teams: their names by the province's convention
// (seed 000 §2.7), who must be in them (seed 000 §2.9, seed 002 §3.3), and what a recorded
// group must look like. Pure rules; the app layer supplies the unit's chain and the store.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/team.hpp"
#include "core/unit.hpp"

namespace cnscd::chat {

// An official name without its leading type word: "Xã Nhơn Mỹ" -> "Nhơn Mỹ", "Thành phố Hồ Chí
// Minh" -> "Hồ Chí Minh". A name that is only a number keeps its type word, or it would be
// unreadable: "Phường 1", "Thôn 3", "Khóm 2A" stay as they are. NFC, white space collapsed.
std::string ShortName(std::string_view full_name);

// One unit of a chain, province first.
struct ChainLink {
  std::string name;  // the official full name ("Huyện Kế Sách")
  UnitKind kind = UnitKind::kVillage;
};

// True when the chain has no district: the two-level shape from 1 July 2025.
bool IsTwoLevel(const std::vector<ChainLink>& chain);

// The group of the chain's last unit: "CNCĐ_" then its short name and those of its ancestors up
// to the nearest district or, where there is none, the province:
//   province CNCĐ_Sóc Trăng, district CNCĐ_Kế Sách_Sóc Trăng, commune CNCĐ_Nhơn Mỹ_Kế Sách,
//   village CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách; two-level: commune CNCĐ_Quảng Sơn_Lâm Đồng,
//   village CNCĐ_Thôn 1_Quảng Sơn_Lâm Đồng (the province takes the district's place).
std::string GroupName(const std::vector<ChainLink>& chain);

// The group of a team on the chain's last unit. A village team's group is its village's group
// (seed 000 §2.7: the hamlet's group is the team's); a commune team's group inserts "Tổ" so that
// it differs from the commune People's Committee's group: CNCĐ_Tổ_Nhơn Mỹ_Kế Sách. When a unit
// holds several teams of the level, the `ordinal`-th (from 2, by creation) is numbered:
// CNCĐ_Tổ 2_Mỹ Phước_Nhơn Mỹ_Kế Sách.
std::string TeamGroupName(const std::vector<ChainLink>& chain, TeamLevel level, int ordinal = 1);

enum class GroupLevel {
  kProvince,
  kDistrict,
  kCommune,
  kVillage,
  kCommuneTeam,  // Quảng Trị's commune-level team (seed 002 §3.3)
  kVillageTeam,
};

GroupLevel UnitGroupLevel(UnitKind kind);
GroupLevel TeamGroupLevel(TeamLevel level);

// Whose group it is, as far as its required participants depend on it.
struct GroupOwner {
  GroupLevel level = GroupLevel::kVillage;
  bool two_level = false;  // no district above: its entries go to the province department
  // A village team whose commune has a commune-level team invites that team's leader (002 §3.3).
  bool commune_has_team = false;
};

struct Participant {
  std::string key;  // stable: the API and the stored record use it
  std::string label;
  std::string label_en;
};

// Who must be in the group, in the order officials list them.
std::vector<Participant> RequiredParticipants(const GroupOwner& owner);

// Throws 422 (field "link") unless `link` is empty (no group yet) or a Zalo group invitation:
// https://zalo.me/g/… or https://chat.zalo.me/…, at most 500 characters, no spaces.
void CheckLink(std::string_view link);

// Throws 422 (field "participants.<key>") for a key that is not one of `required`: the
// participants of one group are not recorded on another.
void CheckParticipantKeys(const std::vector<Participant>& required,
                          const std::map<std::string, bool>& joined);

// A group is complete when it exists (its link is recorded) and every required participant
// has joined.
bool IsComplete(const std::string& link, const std::vector<Participant>& required,
                const std::map<std::string, bool>& joined);

}  // namespace cnscd::chat
