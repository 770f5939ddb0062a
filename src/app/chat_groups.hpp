#pragma once
// Chat groups (nhóm Zalo) of units and teams (seed 000 §2.7, §2.9; seed 002 §3.3): the name the
// convention gives them, the invitation link an officer records, which required participants
// have joined, and how many units and teams of a subtree have a (complete) group.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/snapshot.hpp"

namespace cnscd::app {

// A PUT body: fields left out keep their value. `link` "" clears the link; `participants` sets
// the keys sent and keeps the others.
struct ChatGroupInput {
  std::optional<std::string> link;
  std::optional<std::map<std::string, bool>> participants;
};

struct ChatGroupParticipant {
  std::string key;
  std::string label;  // Vietnamese
  std::string label_en;
  bool joined = false;
};

struct ChatGroupView {
  std::string owner_type;  // unit, team
  store::Id owner_id = 0;
  std::string name;  // derived from the unit's names, never stored
  std::string link;  // "" until recorded
  bool exists = false;
  std::vector<ChatGroupParticipant> participants;  // the required ones, in the seeds' order
  bool complete = false;                           // exists and every required participant joined
  std::optional<std::string> updated_at;
};

struct ChatGroupCounts {
  std::int64_t units = 0;  // the unit and every current unit below it
  std::int64_t units_with_group = 0;
  std::int64_t units_with_complete_group = 0;
  std::int64_t teams = 0;  // active teams in the subtree
  std::int64_t teams_with_group = 0;
  std::int64_t teams_with_complete_group = 0;
};

// Read: kRead on the unit or team. Write: kManage on the unit; on a team kManage, or
// kEditContacts (the team's own leader). Each write is audited (unit_chat_group /
// team_chat_group, action update) with before and after.
ChatGroupView GetUnitChatGroup(Context& ctx, const Caller& caller, store::Id unit_id);
ChatGroupView PutUnitChatGroup(Context& ctx, const Caller& caller, store::Id unit_id,
                               const ChatGroupInput& in);
ChatGroupView GetTeamChatGroup(Context& ctx, const Caller& caller, store::Id team_id);
ChatGroupView PutTeamChatGroup(Context& ctx, const Caller& caller, store::Id team_id,
                               const ChatGroupInput& in);

// The counts over a unit's subtree, for a caller who may read the unit.
ChatGroupCounts ChatGroupCoverage(Context& ctx, const Caller& caller, store::Id unit_id);
// The same counts inside an already open transaction (no access check): for a use case that
// reports them beside other figures, such as the unit's coverage.
ChatGroupCounts CountChatGroups(store::Transaction& tx, const store::Unit& within);

// API shapes: the view {"owner_type", "owner_id", "name", "link", "exists", "participants":
// [{"key", "label", "label_en", "joined"}], "complete", "updated_at"} and the six counts.
Json ToJson(const ChatGroupView& view);
Json ToJson(const ChatGroupCounts& counts);

}  // namespace cnscd::app
