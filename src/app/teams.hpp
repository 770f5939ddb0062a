#pragma once
// Use cases on teams and their members, and coverage of a unit's subtree.
#include <optional>
#include <string>

#include "app/chat_groups.hpp"
#include "app/context.hpp"
#include "app/units.hpp"

namespace cnscd::app {

struct TeamInput {
  store::Id unit_id = 0;
  std::string level;
  std::optional<std::string> name;
};

struct TeamDetail {
  store::Team team;
  std::vector<store::Membership> members;  // current, leader first
  std::vector<Violation> violations;
};

struct PersonInput {
  std::string full_name;
  std::optional<std::string> phone;
  std::optional<std::string> zalo;
  std::optional<std::string> occupation;
  std::optional<std::string> gender;
  std::optional<int> birth_year;
};

struct CoverageFigures {
  store::Coverage counts;
  double percent = 0;  // villages with a team, one decimal
  std::int64_t teams_with_violations = 0;
};

struct CoverageReport : CoverageFigures {
  ChatGroupCounts chat_groups;  // units and teams whose Zalo group exists and is complete
};

// A child unit with the coverage of its subtree (GET /units/{id}/children).
struct ChildCoverage {
  store::Unit unit;
  CoverageFigures coverage;
};

// Shared by the member use cases (here and in membership_requests): one set of rules and
// messages for a person, whichever way they join.
store::Team RequireTeam(store::Transaction& tx, store::Id id, const std::string& field = {});
LevelPolicy PolicyFor(const EffectivePolicy& p, TeamLevel level);
// A person as AddMember accepts them: 422 naming the field (person.phone, …) otherwise.
store::Person ValidatePerson(const PersonInput& in, int this_year);

store::Team CreateTeam(Context& ctx, const Caller& caller, const TeamInput& in);
store::Page<store::Team> ListTeams(Context& ctx, const Caller& caller,
                                   std::optional<store::Id> unit_id, int limit, int offset);
TeamDetail GetTeam(Context& ctx, const Caller& caller, store::Id team_id);
store::Membership AddMember(Context& ctx, const Caller& caller, store::Id team_id,
                            const PersonInput& person, const std::string& role);
store::Membership EndMembership(Context& ctx, const Caller& caller, store::Id team_id,
                                store::Id membership_id);
// The team leader's correction of a member's phone, Zalo or occupation (fields left out stay).
store::Membership UpdateMemberContacts(Context& ctx, const Caller& caller, store::Id team_id,
                                       store::Id membership_id, const PersonInput& contacts);
CoverageReport GetCoverage(Context& ctx, const Caller& caller, store::Id unit_id);
// The unit's current children in the caller's scope, a page of them, each with the coverage of
// its subtree: the figures of GetCoverage but the chat groups, in a fixed number of queries
// whatever the number of children.
store::Page<ChildCoverage> ChildrenCoverage(Context& ctx, const Caller& caller, store::Id unit_id,
                                            int limit, int offset);

}  // namespace cnscd::app
