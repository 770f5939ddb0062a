#include "app/chat_groups.hpp"

#include <algorithm>
#include <unordered_map>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"
#include "core/chat_group.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"

namespace cnscd::app {

namespace {

constexpr const char* kUnitOwner = "unit";
constexpr const char* kTeamOwner = "team";

// Unit lookups cached for one transaction: coverage walks the same ancestors many times.
class Tree {
 public:
  explicit Tree(store::Transaction& tx) : tx_(tx) {}

  std::optional<store::Unit> Find(store::Id id) {
    auto it = units_.find(id);
    if (it == units_.end()) it = units_.emplace(id, tx_.FindUnit(id)).first;
    return it->second;
  }

  std::vector<chat::ChainLink> Chain(const store::Unit& unit) {
    std::vector<chat::ChainLink> chain{{unit.name, unit.kind}};
    std::optional<store::Id> next = unit.parent_id;
    while (next) {
      const auto u = Find(*next);
      if (!u) break;
      chain.insert(chain.begin(), {u->name, u->kind});
      next = u->parent_id;
    }
    return chain;
  }

  chat::GroupOwner UnitOwner(const store::Unit& unit) {
    return {chat::UnitGroupLevel(unit.kind), chat::IsTwoLevel(Chain(unit)), false};
  }

  chat::GroupOwner TeamOwner(const store::Team& team, const store::Unit& unit) {
    chat::GroupOwner owner{chat::TeamGroupLevel(team.level), chat::IsTwoLevel(Chain(unit)), false};
    if (team.level == TeamLevel::kVillage && unit.parent_id) {
      owner.commune_has_team = CommuneHasTeam(*unit.parent_id);
    }
    return owner;
  }

  // The teams standing on `unit` itself (not below it), in the order they were created.
  std::vector<store::Team> TeamsOn(const store::Unit& unit) {
    store::Scope everything;
    everything.everything = true;
    std::vector<store::Team> out;
    for (auto& t : tx_.ListTeams(unit, everything, 1000, 0).items) {
      if (t.unit_id == unit.id) out.push_back(std::move(t));
    }
    std::sort(out.begin(), out.end(),
              [](const store::Team& a, const store::Team& b) { return a.id < b.id; });
    return out;
  }

 private:
  bool CommuneHasTeam(store::Id commune_id) {
    auto it = commune_has_team_.find(commune_id);
    if (it != commune_has_team_.end()) return it->second;
    bool has = false;
    if (const auto commune = Find(commune_id)) {
      for (const store::Team& t : TeamsOn(*commune)) {
        has = has || (t.level == TeamLevel::kCommune && t.status == "active");
      }
    }
    commune_has_team_.emplace(commune_id, has);
    return has;
  }

  store::Transaction& tx_;
  std::unordered_map<store::Id, std::optional<store::Unit>> units_;
  std::unordered_map<store::Id, bool> commune_has_team_;
};

std::map<std::string, bool> Joined(const store::ChatGroup& group) {
  std::map<std::string, bool> joined;
  for (const auto& [key, value] : group.participants) joined[key] = value;
  return joined;
}

std::map<std::string, bool> Joined(const std::optional<store::ChatGroup>& group) {
  return group ? Joined(*group) : std::map<std::string, bool>{};
}

ChatGroupView MakeView(const std::string& owner_type, store::Id owner_id, std::string name,
                       const chat::GroupOwner& owner,
                       const std::optional<store::ChatGroup>& group) {
  ChatGroupView v;
  v.owner_type = owner_type;
  v.owner_id = owner_id;
  v.name = std::move(name);
  const auto required = chat::RequiredParticipants(owner);
  const auto joined = Joined(group);
  for (const chat::Participant& p : required) {
    const auto it = joined.find(p.key);
    v.participants.push_back({p.key, p.label, p.label_en, it != joined.end() && it->second});
  }
  if (group) {
    v.link = group->link;
    v.updated_at = group->updated_at;
  }
  v.exists = !v.link.empty();
  v.complete = chat::IsComplete(v.link, required, joined);
  return v;
}

// What the audit records of a group: its name, link and joined flags.
Json AuditJson(const std::string& name, const store::ChatGroup& g) {
  Json participants = Json::object();
  for (const auto& [key, joined] : g.participants) participants[key] = joined;
  return Json{{"name", name}, {"link", g.link}, {"participants", participants}};
}

// The group after applying `in` to what is stored; 422 for a bad link or an unknown key.
store::ChatGroup Apply(const std::optional<store::ChatGroup>& stored, const std::string& owner_type,
                       store::Id owner_id, const chat::GroupOwner& owner, const ChatGroupInput& in,
                       const std::string& now) {
  store::ChatGroup g;
  if (stored) g = *stored;
  g.owner_type = owner_type;
  g.owner_id = owner_id;
  g.updated_at = now;
  if (in.link) {
    g.link = input::Text(*in.link, "link");
    chat::CheckLink(g.link);
  }
  const auto required = chat::RequiredParticipants(owner);
  if (in.participants) {
    chat::CheckParticipantKeys(required, *in.participants);
    const auto before = Joined(stored);
    // Required keys first, in their order; keys of an earlier shape of the tree are kept.
    std::vector<std::pair<std::string, bool>> merged;
    for (const chat::Participant& p : required) {
      bool joined = false;
      if (auto it = in.participants->find(p.key); it != in.participants->end()) {
        joined = it->second;
      } else if (auto old = before.find(p.key); old != before.end()) {
        joined = old->second;
      }
      merged.emplace_back(p.key, joined);
    }
    for (const auto& entry : g.participants) {
      const bool is_required =
          std::any_of(required.begin(), required.end(),
                      [&](const chat::Participant& p) { return p.key == entry.first; });
      if (!is_required) merged.push_back(entry);
    }
    g.participants = std::move(merged);
  }
  return g;
}

// The team's name among the teams of its unit and level: numbered from the second one.
std::string TeamGroupNameOf(Tree& tree, const store::Team& team, const store::Unit& unit) {
  int ordinal = 0;
  for (const store::Team& t : tree.TeamsOn(unit)) {
    if (t.level == team.level && t.id <= team.id) ++ordinal;
  }
  return chat::TeamGroupName(tree.Chain(unit), team.level, std::max(ordinal, 1));
}

struct TeamContext {
  store::Team team;
  store::Unit unit;
  Target target;
};

TeamContext LoadTeam(store::Transaction& tx, store::Id team_id) {
  store::Team team = RequireTeam(tx, team_id);
  store::Unit unit = RequireUnit(tx, team.unit_id);
  Target target{unit.path, team.id};
  return {std::move(team), std::move(unit), std::move(target)};
}

}  // namespace

ChatGroupView GetUnitChatGroup(Context& ctx, const Caller& caller, store::Id unit_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnitInScope(*tx, caller, Ability::kRead, unit_id);
  Tree tree(*tx);
  return MakeView(kUnitOwner, unit.id, chat::GroupName(tree.Chain(unit)), tree.UnitOwner(unit),
                  tx->FindChatGroup(kUnitOwner, unit.id));
}

ChatGroupView PutUnitChatGroup(Context& ctx, const Caller& caller, store::Id unit_id,
                               const ChatGroupInput& in) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit unit = RequireUnitInScope(*tx, caller, Ability::kManage, unit_id);
  Tree tree(*tx);
  const std::string name = chat::GroupName(tree.Chain(unit));
  const chat::GroupOwner owner = tree.UnitOwner(unit);
  const auto stored = tx->FindChatGroup(kUnitOwner, unit.id);
  const store::ChatGroup group = Apply(stored, kUnitOwner, unit.id, owner, in, ctx.NowTimestamp());
  tx->PutChatGroup(group);
  Audit(*tx, ctx, caller, "update", {"unit_chat_group", unit.id, unit.path, std::nullopt},
        stored ? std::optional<Json>(AuditJson(name, *stored)) : std::nullopt,
        AuditJson(name, group));
  tx->Commit();
  return MakeView(kUnitOwner, unit.id, name, owner, group);
}

ChatGroupView GetTeamChatGroup(Context& ctx, const Caller& caller, store::Id team_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  const TeamContext t = LoadTeam(*tx, team_id);
  Require(caller, Ability::kRead, t.target);
  Tree tree(*tx);
  return MakeView(kTeamOwner, t.team.id, TeamGroupNameOf(tree, t.team, t.unit),
                  tree.TeamOwner(t.team, t.unit), tx->FindChatGroup(kTeamOwner, t.team.id));
}

ChatGroupView PutTeamChatGroup(Context& ctx, const Caller& caller, store::Id team_id,
                               const ChatGroupInput& in) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const TeamContext t = LoadTeam(*tx, team_id);
  // The team leader keeps his own team's group (seed 002 §3.3: he creates it).
  if (!Allows(caller.held, Ability::kManage, t.target)) {
    Require(caller, Ability::kEditContacts, t.target);
  }
  Tree tree(*tx);
  const std::string name = TeamGroupNameOf(tree, t.team, t.unit);
  const chat::GroupOwner owner = tree.TeamOwner(t.team, t.unit);
  const auto stored = tx->FindChatGroup(kTeamOwner, t.team.id);
  const store::ChatGroup group =
      Apply(stored, kTeamOwner, t.team.id, owner, in, ctx.NowTimestamp());
  tx->PutChatGroup(group);
  Audit(*tx, ctx, caller, "update", {"team_chat_group", t.team.id, t.unit.path, t.team.id},
        stored ? std::optional<Json>(AuditJson(name, *stored)) : std::nullopt,
        AuditJson(name, group));
  tx->Commit();
  return MakeView(kTeamOwner, t.team.id, name, owner, group);
}

ChatGroupCounts CountChatGroups(store::Transaction& tx, const store::Unit& within) {
  ChatGroupCounts c;
  store::Scope subtree;
  subtree.unit_paths.push_back(within.path);
  store::UnitQuery all;
  all.limit = 0;  // the total is all we need
  c.units = tx.ListUnits(all, subtree).total;

  std::unordered_map<store::Id, store::Team> teams;  // the active teams of the subtree
  for (auto& comp : tx.Compositions(within)) teams.emplace(comp.team.id, std::move(comp.team));
  c.teams = static_cast<std::int64_t>(teams.size());

  Tree tree(tx);
  for (const store::ChatGroup& g : tx.ChatGroupsIn(within)) {
    if (g.link.empty()) continue;  // recorded flags without a link: no group yet
    const auto joined = Joined(g);
    if (g.owner_type == kUnitOwner) {
      const auto unit = tree.Find(g.owner_id);
      if (!unit || unit->valid_to) continue;  // a closed unit is no longer counted
      ++c.units_with_group;
      if (chat::IsComplete(g.link, chat::RequiredParticipants(tree.UnitOwner(*unit)), joined)) {
        ++c.units_with_complete_group;
      }
    } else {
      const auto it = teams.find(g.owner_id);
      if (it == teams.end()) continue;
      const auto unit = tree.Find(it->second.unit_id);
      if (!unit) continue;
      ++c.teams_with_group;
      if (chat::IsComplete(g.link, chat::RequiredParticipants(tree.TeamOwner(it->second, *unit)),
                           joined)) {
        ++c.teams_with_complete_group;
      }
    }
  }
  return c;
}

ChatGroupCounts ChatGroupCoverage(Context& ctx, const Caller& caller, store::Id unit_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  return CountChatGroups(*tx, RequireUnitInScope(*tx, caller, Ability::kRead, unit_id));
}

Json ToJson(const ChatGroupView& v) {
  Json participants = Json::array();
  for (const ChatGroupParticipant& p : v.participants) {
    participants.push_back(
        Json{{"key", p.key}, {"label", p.label}, {"label_en", p.label_en}, {"joined", p.joined}});
  }
  return Json{{"owner_type", v.owner_type},
              {"owner_id", v.owner_id},
              {"name", v.name},
              {"link", v.link},
              {"exists", v.exists},
              {"participants", participants},
              {"complete", v.complete},
              {"updated_at", v.updated_at ? Json(*v.updated_at) : Json(nullptr)}};
}

Json ToJson(const ChatGroupCounts& c) {
  return Json{{"units", c.units},
              {"units_with_group", c.units_with_group},
              {"units_with_complete_group", c.units_with_complete_group},
              {"teams", c.teams},
              {"teams_with_group", c.teams_with_group},
              {"teams_with_complete_group", c.teams_with_complete_group}};
}

}  // namespace cnscd::app
