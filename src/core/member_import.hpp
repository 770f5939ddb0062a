#pragma once
// Importing members from Form 2 (Mẫu 2, the list officials keep in Excel): for each row of a
// sheet, whether it creates a membership (and maybe its team), is already true, or is refused
// and why. Decided over what the store holds, loaded beforehand by the use case
// (app/member_import), which then applies the plan. Pure: no store, no clock.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/policy.hpp"
#include "core/team.hpp"
#include "core/unit.hpp"

namespace cnscd::member_import {

using Id = std::int64_t;

struct Reason {
  std::string vi;
  std::string en;
};

// One row of the sheet, in the sheet's order.
struct SheetRow {
  int line = 0;         // the sheet's row number
  std::string commune;  // as written, carried down from the rows above
  std::string team;     // as written, carried down
  std::string full_name;
  std::string position;      // as written
  std::optional<Role> role;  // nullopt: a position the form does not know
  // Normalised when the person is valid (the member rules), as written otherwise; empty: none.
  std::string phone;
  // Refused before any matching: a line the sheet reader could not read, or a name or phone
  // the member rules refuse (app::ValidatePerson, the same as AddMember's).
  std::optional<Reason> refused;
};

// A unit as the sheet may name it.
struct Place {
  Id id = 0;
  UnitKind kind = UnitKind::kCommune;
  std::string name;     // "Xã Nhơn Mỹ"
  std::string subkind;  // its type word(s): "Xã"
  std::optional<Id> parent_id;
};

struct Member {
  Id person_id = 0;
  std::string full_name;
  Role role = Role::kMember;
};

struct Team {
  Id id = 0;
  Id unit_id = 0;
  TeamLevel level = TeamLevel::kVillage;
  std::string name;
  std::vector<Member> members;  // current
};

// A commune the sheet names, with what lies in it.
struct Commune {
  Place place;
  std::vector<Place> villages;  // current
  std::vector<Team> teams;      // active, on the commune and its villages
  // The composition policies set on the commune and on each unit above it, nearest first; and
  // those set on units below it (villages), by unit: a team's is the nearest for its level.
  std::vector<CompositionPolicy> policies_above;
  std::map<Id, CompositionPolicy> policies_below;
};

struct Person {
  Id id = 0;
  std::string full_name;
};

// What the decision needs from the store.
struct Known {
  Place unit;                            // imported into: a commune or above
  std::vector<Place> communes;           // of its subtree (itself when it is a commune)
  std::map<Id, Place> parents;           // the communes' parents, for "…, <district>"
  std::map<Id, Commune> loaded;          // the communes CommunesNamed returned, by id
  std::map<std::string, Person> people;  // by normalised phone: those the sheet's phones name
};

// One row of the outcome, as the import reports it.
struct Row {
  int line = 0;
  std::string status;   // create, match, refuse
  std::string commune;  // as written
  std::string team;     // as written
  std::string full_name;
  std::string role;   // leader, deputy, member, collaborator; the position as written if unknown
  std::string phone;  // normalised when valid, else as written
  std::optional<std::string> reason;  // refuse: why (Vietnamese)
  std::optional<std::string> reason_en;
  std::optional<std::string> team_action;  // "create_team": the row's team is created
  std::optional<std::string> note;         // match: the role on record differs
  std::optional<std::string> note_en;
};

struct NewTeam {
  Id unit_id = 0;
  TeamLevel level = TeamLevel::kVillage;
  std::string name;
};

// A membership applying the plan creates, with its person when new.
struct Joining {
  std::size_t row = 0;  // index in Plan::rows
  Id team_id = 0;       // an existing team, or 0 …
  int new_team = -1;    // … one of Plan::new_teams
  Id team_unit_id = 0;
  Id person_id = 0;  // 0: a new person with the fields below
  std::string full_name;
  std::optional<std::string> phone;
  std::optional<std::string> zalo;
  Role role = Role::kMember;
};

struct Plan {
  std::vector<Row> rows;
  int created = 0;
  int matched = 0;
  int refused = 0;
  std::vector<NewTeam> new_teams;
  std::vector<Joining> joinings;
};

// A member's position as Form 2 writes it: Tổ trưởng, Tổ phó, Tổ viên, Cộng tác viên.
std::string_view PositionOf(Role role);

// The communes the rows name, found as PlanMemberImport finds them (`known.loaded` unused):
// the ones the use case loads before planning.
std::vector<Id> CommunesNamed(const std::vector<SheetRow>& rows, const Known& known);

// Every row's outcome, in order. A row is refused when: it was refused before (`refused`); its
// position is unknown; its phone repeats an earlier row's; its commune is missing (above a
// commune), unknown or ambiguous (several of that name and no district after a comma telling
// them apart); its team is missing, ambiguous, or unknown and not to be created; its phone
// belongs to a person of another (folded) name; it has no phone and repeats a phoneless name
// of the same team; or the team's policy forbids it (a second leader or deputy where exactly
// one is required, more than a strict maximum counting collaborators out). A current member
// (same person; without a phone, same name) is a match, noting a different recorded role.
// A team is created for "Tổ công nghệ số cộng đồng <village>" or "Tổ CNSCĐ <village>" naming
// a village without a team, or the commune itself for its commune-level team.
Plan PlanMemberImport(const std::vector<SheetRow>& rows, const Known& known);

}  // namespace cnscd::member_import
