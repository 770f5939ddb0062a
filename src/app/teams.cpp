#include "app/teams.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/units.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/phone.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"

namespace cnscd::app {

store::Team RequireTeam(store::Transaction& tx, store::Id id, const std::string& field) {
  auto team = tx.FindTeam(id);
  if (!team) throw NotFound("tổ công nghệ số", "team", field);
  return *team;
}

LevelPolicy PolicyFor(const EffectivePolicy& p, TeamLevel level) {
  const auto& from = level == TeamLevel::kVillage ? p.village : p.commune;
  return from ? from->policy : LevelPolicy{};
}

store::Person ValidatePerson(const PersonInput& in, int this_year) {
  store::Person p;
  p.full_name = input::Text(in.full_name, "person.full_name");
  if (p.full_name.empty()) {
    throw RuleBroken("empty_name", "Họ và tên không được để trống.",
                     "The full name must not be empty.", "person.full_name");
  }
  if (text::Length(p.full_name) > 100) {
    throw RuleBroken("name_too_long", "Họ và tên dài quá 100 ký tự.",
                     "The full name is longer than 100 characters.", "person.full_name");
  }
  if (auto raw = input::OptionalText(in.phone, "person.phone", 40)) {
    p.phone = phone::NormalizeMobile(*raw);
    if (!p.phone) {
      throw RuleBroken("invalid_phone",
                       "Số điện thoại di động không hợp lệ: cần 10 chữ số bắt đầu bằng 03, 05, "
                       "07, 08 hoặc 09 (có thể viết +84).",
                       "Not a Vietnamese mobile number: ten digits starting 03, 05, 07, 08 or 09 "
                       "(+84 accepted).",
                       "person.phone");
    }
  }
  // Zalo is registered on a phone number; keep other handles as written.
  if (auto raw = input::OptionalText(in.zalo, "person.zalo", 100)) {
    p.zalo = phone::NormalizeMobile(*raw).value_or(*raw);
  }
  p.occupation = input::OptionalText(in.occupation, "person.occupation", 100);
  if (auto g = input::OptionalText(in.gender, "person.gender", 10)) {
    if (*g != "male" && *g != "female" && *g != "other") {
      throw RuleBroken("invalid_gender", "Giới tính phải là male, female hoặc other.",
                       "gender must be male, female or other.", "person.gender");
    }
    p.gender = g;
  }
  if (in.birth_year) {
    if (*in.birth_year < 1900 || *in.birth_year > this_year) {
      throw RuleBroken("invalid_birth_year", "Năm sinh không hợp lệ.",
                       "The birth year is not plausible.", "person.birth_year");
    }
    p.birth_year = in.birth_year;
  }
  return p;
}

namespace {

// One decimal, as officials write coverage ("66,7 %").
double Percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return 0;
  return std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
}

// The ids on `path` below `root_path` (a prefix of it), top first: {23, 40} for "/1/5/23/40/"
// below "/1/5/".
std::vector<store::Id> IdsBelow(const std::string& root_path, const std::string& path) {
  std::vector<store::Id> ids;
  for (std::size_t at = root_path.size(); at < path.size();) {
    std::size_t end = path.find('/', at);
    if (end == std::string::npos) end = path.size();
    ids.push_back(std::stoll(path.substr(at, end - at)));
    at = end + 1;
  }
  return ids;
}

// Whether each team of a subtree breaks the policy it keeps, in a fixed number of queries
// whatever the number of teams: the settings within the subtree read at once, those of the root
// and its ancestors one by one; then the core's rule, nearest setting first.
class SubtreePolicies {
 public:
  SubtreePolicies(store::Transaction& tx, const store::Unit& root)
      : root_path_(root.path), below_(tx.PoliciesIn(root)) {
    std::vector<store::Unit> chain = tx.Ancestors(root);
    chain.push_back(root);
    std::reverse(chain.begin(), chain.end());  // nearest first
    for (const store::Unit& u : chain) {
      if (auto own = tx.FindPolicy(u.id)) above_.push_back(*own);
    }
  }

  bool Breaks(const store::TeamComposition& c) const {
    std::vector<CompositionPolicy> nearest_first;
    std::vector<store::Id> ids = IdsBelow(root_path_, c.unit_path);
    std::reverse(ids.begin(), ids.end());  // nearest first
    for (const store::Id id : ids) {
      if (const auto own = below_.find(id); own != below_.end()) {
        nearest_first.push_back(own->second);
      }
    }
    nearest_first.insert(nearest_first.end(), above_.begin(), above_.end());
    return !Evaluate(EffectiveLevelPolicy(nearest_first, c.team.level), c.counts).empty();
  }

 private:
  std::string root_path_;
  std::map<store::Id, CompositionPolicy> below_;  // set on units under the root
  std::vector<CompositionPolicy> above_;          // set on the root and up, nearest first
};

CoverageFigures Figures(const store::Coverage& counts, std::int64_t teams_with_violations) {
  CoverageFigures f;
  f.counts = counts;
  f.percent = Percent(counts.villages_with_team, counts.villages);
  f.teams_with_violations = teams_with_violations;
  return f;
}

}  // namespace

store::Team CreateTeam(Context& ctx, const Caller& caller, const TeamInput& in) {
  const auto level = ParseTeamLevel(in.level);
  if (!level) {
    throw RuleBroken("invalid_level", "Cấp tổ phải là village hoặc commune.",
                     "level must be village or commune.", "level");
  }
  auto name = input::OptionalText(in.name, "name", 200);
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit unit = RequireUnit(*tx, in.unit_id, "unit_id");
  Require(caller, Ability::kManage, UnitTarget(unit));
  CheckTeamPlacement(*level, unit.kind);
  store::Team team = tx->InsertTeam(
      {0, unit.id, *level, name.value_or(DefaultTeamName(unit.name)), "active", std::nullopt});
  Audit(*tx, ctx, caller, "create", {"team", team.id, unit.path, team.id}, std::nullopt,
        ToJson(team));
  tx->Commit();
  return team;
}

store::Page<store::Team> ListTeams(Context& ctx, const Caller& caller,
                                   std::optional<store::Id> unit_id, int limit, int offset) {
  auto tx = ctx.Begin(store::Access::kRead);
  store::Unit within;
  within.path = "/";  // the whole country
  if (unit_id) within = RequireUnit(*tx, *unit_id, "unit");
  store::Scope scope = ScopeFor(caller);
  scope.single_unit_paths.clear();  // a team role sees its own team, not its village's others
  return tx->ListTeams(within, scope, limit, offset);
}

TeamDetail GetTeam(Context& ctx, const Caller& caller, store::Id team_id) {
  // A write transaction: reading members' phone numbers is itself recorded.
  auto tx = ctx.Begin(store::Access::kWrite);
  TeamDetail d;
  d.team = RequireTeam(*tx, team_id);
  const Target target = TeamTarget(*tx, d.team);
  Require(caller, Ability::kRead, target);
  d.members = tx->CurrentMembers(team_id);
  if (!d.members.empty()) {
    Audit(*tx, ctx, caller, "read_phones", {"team", team_id, target.unit_path, team_id},
          std::nullopt, Json{{"members", d.members.size()}});
  }
  RoleCounts counts;
  for (const auto& m : d.members) counts.Add(m.role);
  const auto policy = EffectivePolicyAt(*tx, RequireUnit(*tx, d.team.unit_id));
  d.violations = Evaluate(PolicyFor(policy, d.team.level), counts);
  tx->Commit();
  return d;
}

store::Membership AddMember(Context& ctx, const Caller& caller, store::Id team_id,
                            const PersonInput& person_in, const std::string& role_name) {
  const auto role = ParseRole(role_name);
  if (!role) {
    throw RuleBroken("invalid_role", "Vai trò phải là leader, deputy, member hoặc collaborator.",
                     "role must be leader, deputy, member or collaborator.", "role");
  }
  const int this_year = std::stoi(ctx.Today().substr(0, 4));
  store::Person person = ValidatePerson(person_in, this_year);

  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Team team = RequireTeam(*tx, team_id);
  const Target target = TeamTarget(*tx, team);
  Require(caller, Ability::kManage, target);
  const auto members = tx->CurrentMembers(team_id);
  RoleCounts counts;
  for (const auto& m : members) counts.Add(m.role);
  const auto policy = EffectivePolicyAt(*tx, RequireUnit(*tx, team.unit_id));
  CheckAdmission(PolicyFor(policy, team.level), counts, *role);

  if (person.phone) {
    if (auto existing = tx->FindPersonByPhone(*person.phone)) {
      if (text::Fold(existing->full_name) != text::Fold(person.full_name)) {
        throw Conflict("phone_in_use",
                       "Số điện thoại này đã được đăng ký cho " + existing->full_name + ".",
                       "This phone number is already registered to " + existing->full_name + ".",
                       "person.phone");
      }
      person = *existing;  // the same person joining another team
    }
  }
  if (person.id != 0) {
    for (const auto& m : members) {
      if (m.person.id == person.id) {
        throw Conflict("already_member", "Người này đã là thành viên của tổ.",
                       "This person is already a member of the team.", "person");
      }
    }
  } else {
    person = tx->InsertPerson(person);
    Audit(*tx, ctx, caller, "create", {"person", person.id, target.unit_path, team_id},
          std::nullopt, ToJson(person));
  }
  store::Membership m = tx->InsertMembership(team_id, person.id, *role, ctx.Today());
  Audit(*tx, ctx, caller, "create", {"membership", m.id, target.unit_path, team_id}, std::nullopt,
        ToJson(m));
  tx->Commit();
  return m;
}

store::Membership EndMembership(Context& ctx, const Caller& caller, store::Id team_id,
                                store::Id membership_id) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const Target target = TeamTarget(*tx, RequireTeam(*tx, team_id));
  Require(caller, Ability::kManage, target);
  auto m = tx->FindMembership(membership_id);
  if (!m || m->team_id != team_id) throw NotFound("thành viên của tổ", "membership in this team");
  if (m->until) {
    throw Conflict("membership_ended",
                   "Thành viên này đã rời tổ ngày " + dates::Vietnamese(*m->until) + ".",
                   "This membership already ended on " + *m->until + ".");
  }
  const Json before = ToJson(*m);
  tx->EndMembership(membership_id, ctx.Today());
  m->until = ctx.Today();
  Audit(*tx, ctx, caller, "end", {"membership", m->id, target.unit_path, team_id}, before,
        ToJson(*m));
  tx->Commit();
  return *m;
}

store::Membership UpdateMemberContacts(Context& ctx, const Caller& caller, store::Id team_id,
                                       store::Id membership_id, const PersonInput& contacts) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const Target target = TeamTarget(*tx, RequireTeam(*tx, team_id));
  Require(caller, Ability::kEditContacts, target);
  auto m = tx->FindMembership(membership_id);
  if (!m || m->team_id != team_id) throw NotFound("thành viên của tổ", "membership in this team");
  if (m->until) {
    throw Conflict("membership_ended",
                   "Thành viên này đã rời tổ ngày " + dates::Vietnamese(*m->until) + ".",
                   "This membership already ended on " + *m->until + ".");
  }
  const int this_year = std::stoi(ctx.Today().substr(0, 4));
  // Validate the new contacts as a whole person would be: same rules, same messages.
  PersonInput merged{m->person.full_name,
                     contacts.phone ? contacts.phone : m->person.phone,
                     contacts.zalo ? contacts.zalo : m->person.zalo,
                     contacts.occupation ? contacts.occupation : m->person.occupation,
                     std::nullopt,
                     std::nullopt};
  const store::Person checked = ValidatePerson(merged, this_year);
  store::Person updated = m->person;
  updated.phone = checked.phone;
  updated.zalo = checked.zalo;
  updated.occupation = checked.occupation;
  if (updated.phone && updated.phone != m->person.phone) {
    if (auto other = tx->FindPersonByPhone(*updated.phone); other && other->id != updated.id) {
      throw Conflict(
          "phone_in_use", "Số điện thoại này đã được đăng ký cho " + other->full_name + ".",
          "This phone number is already registered to " + other->full_name + ".", "person.phone");
    }
  }
  tx->UpdatePersonContacts(updated);
  Audit(*tx, ctx, caller, "update", {"person", updated.id, target.unit_path, team_id},
        ToJson(m->person), ToJson(updated));
  m->person = updated;
  tx->Commit();
  return *m;
}

CoverageReport GetCoverage(Context& ctx, const Caller& caller, store::Id unit_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnitInScope(*tx, caller, Ability::kRead, unit_id);
  const SubtreePolicies policies(*tx, unit);
  std::int64_t violations = 0;
  for (const auto& c : tx->Compositions(unit)) violations += policies.Breaks(c) ? 1 : 0;
  CoverageReport r{Figures(tx->CountCoverage(unit), violations)};
  r.chat_groups = CountChatGroups(*tx, unit);
  return r;
}

store::Page<ChildCoverage> ChildrenCoverage(Context& ctx, const Caller& caller, store::Id unit_id,
                                            int limit, int offset) {
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnitInScope(*tx, caller, Ability::kRead, unit_id);
  store::UnitQuery q;
  q.parent_id = unit.id;
  q.limit = limit;
  q.offset = offset;
  const store::Page<store::Unit> children = tx->ListUnits(q, ScopeFor(caller));
  std::map<std::string, store::Coverage> counts = tx->CountCoverageOfChildren(unit);
  // Each violation counts for the child whose subtree holds the team (none: on the unit itself).
  const SubtreePolicies policies(*tx, unit);
  std::map<store::Id, std::int64_t> violations;
  for (const auto& c : tx->Compositions(unit)) {
    const std::vector<store::Id> below = IdsBelow(unit.path, c.unit_path);
    if (!below.empty() && policies.Breaks(c)) ++violations[below.front()];
  }
  store::Page<ChildCoverage> out;
  out.total = children.total;
  for (const store::Unit& child : children.items) {
    out.items.push_back({child, Figures(counts[child.path], violations[child.id])});
  }
  return out;
}

}  // namespace cnscd::app
