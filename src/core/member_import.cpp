#include "core/member_import.hpp"

#include <set>
#include <unordered_map>
#include <variant>

#include "core/text.hpp"

namespace cnscd::member_import {

namespace {

const std::string& TeamPrefixKey() {
  static const std::string kKey = text::Fold(DefaultTeamName(""));  // "to cong nghe so cong dong"
  return kKey;
}

std::string Trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && s[start] == ' ') ++start;
  return s.substr(start);
}

void Refuse(Row& row, std::string vi, std::string en) {
  row.status = "refuse";
  row.reason = std::move(vi);
  row.reason_en = std::move(en);
}

// A team as the rows fill it: an existing one, or one the plan creates.
struct TeamState {
  Id id = 0;         // 0 for a team to be created
  int planned = -1;  // index in Plan::new_teams, or -1 for an existing team
  Id unit_id = 0;
  LevelPolicy policy;
  RoleCounts counts;                             // current members plus the rows accepted so far
  const std::vector<Member>* members = nullptr;  // current, for an existing team
  std::set<std::string> phoneless_names;         // folded names of accepted rows without a phone
};

// What the rows above have done to a commune: the teams they plan.
struct CommuneState {
  const Commune* known = nullptr;
  std::set<Id> villages_with_team;
  bool has_commune_team = false;
  std::map<std::string, std::size_t> planned;  // folded team name -> index into states
};

class Matcher {
 public:
  explicit Matcher(const Known& known) : known_(known) {}

  // The commune a row names, or the reason it names none.
  std::variant<const Place*, Reason> FindCommune(const std::string& written) {
    std::string key = text::Fold(written);
    if (key.empty()) {
      if (known_.unit.kind == UnitKind::kCommune) return &known_.unit;
      return Reason{"Thiếu tên xã/phường/thị trấn.", "The commune's name is missing."};
    }
    // "UBND phường 1, thành phố Trà Vinh": the committee's name, then where it sits.
    for (std::string_view prefix : {"ubnd ", "uy ban nhan dan "}) {
      if (key.starts_with(prefix)) key = key.substr(prefix.size());
    }
    std::string where;
    if (const std::size_t comma = key.find(','); comma != std::string::npos) {
      where = Trim(key.substr(comma + 1));
      key = Trim(key.substr(0, comma));
    }
    std::vector<const Place*> found;
    for (const Place& c : known_.communes) {
      if (NameMatches(c, key)) found.push_back(&c);
    }
    if (found.size() > 1 && !where.empty()) {
      std::vector<const Place*> narrowed;
      for (const Place* c : found) {
        const auto parent =
            c->parent_id ? known_.parents.find(*c->parent_id) : known_.parents.end();
        if (parent != known_.parents.end() && NameMatches(parent->second, where)) {
          narrowed.push_back(c);
        }
      }
      if (!narrowed.empty()) found = narrowed;
    }
    const std::string& in = known_.unit.name;
    if (found.empty()) {
      return Reason{"Không có xã/phường/thị trấn \"" + written + "\" trong " + in + ".",
                    "No commune named \"" + written + "\" in " + in + "."};
    }
    if (found.size() > 1) {
      return Reason{
          "Có nhiều xã/phường/thị trấn tên \"" + written + "\": ghi thêm tên huyện sau dấu phẩy.",
          "Several communes are named \"" + written + "\": add the district's name after a comma."};
    }
    return found.front();
  }

  Plan Run(const std::vector<SheetRow>& rows) {
    for (const SheetRow& in : rows) {
      Row row;
      row.line = in.line;
      row.commune = in.commune;
      row.team = in.team;
      row.full_name = in.full_name;
      row.role = in.role ? std::string(ToString(*in.role)) : in.position;
      row.phone = in.phone;
      const std::size_t index = plan_.rows.size();
      plan_.rows.push_back(std::move(row));
      Decide(plan_.rows[index], index, in);
    }
    for (const Row& r : plan_.rows) {
      if (r.status == "create") ++plan_.created;
      if (r.status == "match") ++plan_.matched;
      if (r.status == "refuse") ++plan_.refused;
    }
    return std::move(plan_);
  }

 private:
  // Fills the row's status; on acceptance records what applying it creates.
  void Decide(Row& row, std::size_t index, const SheetRow& in) {
    // What the row says alone: name, phone, position, and phones repeated in the sheet.
    if (in.refused) return Refuse(row, in.refused->vi, in.refused->en);
    if (!in.role) {
      return Refuse(row,
                    "Chức vụ \"" + in.position +
                        "\" không rõ: ghi Tổ trưởng, Tổ phó, Tổ viên hoặc Cộng tác viên.",
                    "Unknown position \"" + in.position +
                        "\": write Tổ trưởng, Tổ phó, Tổ viên or Cộng tác viên.");
    }
    const std::optional<std::string> phone =
        in.phone.empty() ? std::nullopt : std::optional<std::string>(in.phone);
    if (phone) {
      auto [seen, fresh] = phones_.emplace(*phone, in.line);
      if (!fresh) {
        const std::string n = std::to_string(seen->second);
        return Refuse(row, "Số điện thoại trùng với dòng " + n + ".",
                      "The phone number repeats line " + n + ".");
      }
    }

    // Where the row belongs.
    const auto commune = FindCommune(in.commune);
    if (const Reason* why = std::get_if<Reason>(&commune)) return Refuse(row, why->vi, why->en);
    CommuneState& c = StateOf(*std::get<const Place*>(commune));
    const auto state_index = FindTeam(row, c, in.team);
    if (!state_index) return;
    TeamState& state = states_[*state_index];
    if (state.planned >= 0) row.team_action = "create_team";

    // Who the person is.
    Id person_id = 0;
    const std::string folded = text::Fold(in.full_name);
    if (phone) {
      if (const auto existing = known_.people.find(*phone); existing != known_.people.end()) {
        if (text::Fold(existing->second.full_name) != folded) {
          // The other name is not shown: that person may be outside the caller's scope.
          return Refuse(row, "Số điện thoại này đã được đăng ký cho một người có họ tên khác.",
                        "This phone number is registered to a person with another name.");
        }
        person_id = existing->second.id;
      }
    }
    if (state.members != nullptr) {
      for (const Member& m : *state.members) {
        const bool same = person_id != 0 ? m.person_id == person_id
                                         : (!phone && text::Fold(m.full_name) == folded);
        if (!same) continue;
        row.status = "match";
        if (m.role != *in.role) {
          row.note = "Đang là " + std::string(PositionOf(m.role)) +
                     " của tổ; vai trò không được đổi khi nhập.";
          row.note_en = "Already a member as " + std::string(ToString(m.role)) +
                        "; an import does not change roles.";
        }
        return;
      }
    }
    if (!phone && !state.phoneless_names.insert(folded).second) {
      return Refuse(row, "Người này (không có số điện thoại) đã có ở dòng trên của cùng tổ.",
                    "This person (without a phone) is already on a row above, in the same team.");
    }

    // The team's composition rules, counting current members and the rows above.
    const Role role = *in.role;
    if (role == Role::kLeader && state.policy.require_leader && state.counts.leaders >= 1) {
      return Refuse(row, "Tổ đã có Tổ trưởng (quy định chỉ một Tổ trưởng).",
                    "The team already has a leader (the policy requires exactly one).");
    }
    if (role == Role::kDeputy && state.policy.require_deputy && state.counts.deputies >= 1) {
      return Refuse(row, "Tổ đã có Tổ phó (quy định chỉ một Tổ phó).",
                    "The team already has a deputy (the policy requires exactly one).");
    }
    if (state.policy.strict && state.policy.max && role != Role::kCollaborator &&
        state.counts.Counted() + 1 > *state.policy.max) {
      const std::string max = std::to_string(*state.policy.max);
      return Refuse(row,
                    "Tổ đã đủ " + max + " thành viên theo quy định; có thể ghi là Cộng tác viên.",
                    "The team already has its maximum of " + max +
                        " members; list the person as a collaborator instead.");
    }
    state.counts.Add(role);
    row.status = "create";
    Joining j{index,        state.id, state.planned, state.unit_id, person_id,
              in.full_name, phone,    std::nullopt,  role};
    if (person_id == 0) j.zalo = phone;  // the form's column: "đã đăng ký Zalo"
    plan_.joinings.push_back(std::move(j));
  }

  CommuneState& StateOf(const Place& place) {
    auto it = communes_.find(place.id);
    if (it != communes_.end()) return it->second;
    CommuneState c;
    if (const auto loaded = known_.loaded.find(place.id); loaded != known_.loaded.end()) {
      c.known = &loaded->second;
    } else {
      c.known = &unloaded_.emplace(place.id, Commune{place, {}, {}, {}, {}}).first->second;
    }
    for (const Team& t : c.known->teams) {
      if (t.level == TeamLevel::kVillage) c.villages_with_team.insert(t.unit_id);
      if (t.level == TeamLevel::kCommune && t.unit_id == place.id) c.has_commune_team = true;
    }
    return communes_.emplace(place.id, std::move(c)).first->second;
  }

  // The nearest policy for `level` at the commune or at a unit below it.
  static LevelPolicy PolicyAt(const Commune& c, Id unit_id, TeamLevel level) {
    std::vector<CompositionPolicy> chain;
    if (const auto own = c.policies_below.find(unit_id);
        unit_id != c.place.id && own != c.policies_below.end()) {
      chain.push_back(own->second);
    }
    chain.insert(chain.end(), c.policies_above.begin(), c.policies_above.end());
    return EffectiveLevelPolicy(chain, level);
  }

  std::optional<std::size_t> FindTeam(Row& row, CommuneState& c, const std::string& written) {
    const Commune& d = *c.known;
    const std::string name = text::Clean(written);
    const std::string key = text::Fold(name);
    if (key.empty()) {
      Refuse(row, "Thiếu tên tổ công nghệ số cộng đồng.", "The team's name is missing.");
      return std::nullopt;
    }
    std::vector<const Team*> found;
    for (const Team& t : d.teams) {
      if (Folded(t.name) == key) found.push_back(&t);
    }
    if (found.size() > 1) {
      Refuse(row, "Có nhiều tổ tên \"" + name + "\" trong " + d.place.name + ".",
             "Several teams are named \"" + name + "\" in " + d.place.name + ".");
      return std::nullopt;
    }
    if (found.size() == 1) return ExistingState(d, *found.front());
    if (auto it = c.planned.find(key); it != c.planned.end()) return it->second;

    // "Tổ công nghệ số cộng đồng <village>" (or "Tổ CNSCĐ <village>") for a village without a
    // team, or <the commune> for its commune-level team: the team is created.
    std::string rest;
    for (const std::string& prefix : {TeamPrefixKey() + " ", std::string("to cnscd ")}) {
      if (key.starts_with(prefix)) rest = key.substr(prefix.size());
    }
    const Place* unit = nullptr;
    TeamLevel level = TeamLevel::kVillage;
    std::string taken;
    if (!rest.empty()) {
      for (const Place& v : d.villages) {
        if (!NameMatches(v, rest)) continue;
        if (c.villages_with_team.contains(v.id)) {
          taken = v.name;
        } else {
          unit = &v;
        }
        break;
      }
      if (unit == nullptr && taken.empty() && NameMatches(d.place, rest)) {
        if (c.has_commune_team) {
          taken = d.place.name;
        } else {
          unit = &d.place;
          level = TeamLevel::kCommune;
        }
      }
    }
    if (unit == nullptr) {
      if (!taken.empty()) {
        Refuse(row,
               "Không có tổ \"" + name + "\" trong " + d.place.name + "; " + taken +
                   " đã có tổ mang tên khác.",
               "No team named \"" + name + "\" in " + d.place.name + "; " + taken +
                   " already has a team with another name.");
      } else {
        Refuse(row,
               "Không có tổ \"" + name + "\" trong " + d.place.name +
                   " (tổ mới phải mang tên \"Tổ công nghệ số cộng đồng\" + tên thôn, ấp).",
               "No team named \"" + name + "\" in " + d.place.name +
                   " (a new team must be named \"Tổ công nghệ số cộng đồng\" + its village's "
                   "name).");
      }
      return std::nullopt;
    }
    const std::string default_name = DefaultTeamName(unit->name);
    TeamState state;
    state.planned = static_cast<int>(plan_.new_teams.size());
    state.unit_id = unit->id;
    state.policy = PolicyAt(d, unit->id, level);
    plan_.new_teams.push_back(
        {unit->id, level, text::Fold(default_name) == key ? default_name : name});
    if (level == TeamLevel::kVillage) {
      c.villages_with_team.insert(unit->id);
    } else {
      c.has_commune_team = true;
    }
    states_.push_back(std::move(state));
    c.planned[key] = states_.size() - 1;
    return states_.size() - 1;
  }

  std::size_t ExistingState(const Commune& c, const Team& team) {
    if (auto it = state_of_team_.find(team.id); it != state_of_team_.end()) return it->second;
    TeamState state;
    state.id = team.id;
    state.unit_id = team.unit_id;
    state.members = &team.members;
    for (const Member& m : team.members) state.counts.Add(m.role);
    state.policy = PolicyAt(c, team.unit_id, team.level);
    states_.push_back(std::move(state));
    state_of_team_[team.id] = states_.size() - 1;
    return states_.size() - 1;
  }

  // Folding runs ICU: names met on every row are folded once.
  const std::string& Folded(const std::string& s) {
    auto it = folded_.find(s);
    if (it == folded_.end()) it = folded_.emplace(s, text::Fold(s)).first;
    return it->second;
  }

  // The unit's folded name, or that name without its type word(s) ("xa nhon my" or "nhon my").
  bool NameMatches(const Place& u, const std::string& key) {
    if (key.empty()) return false;
    const std::string& name = Folded(u.name);
    if (name == key) return true;
    const std::string& type = Folded(u.subkind);
    return !type.empty() && name.size() == type.size() + 1 + key.size() && name.starts_with(type) &&
           name[type.size()] == ' ' && name.ends_with(key);
  }

  const Known& known_;
  std::unordered_map<std::string, std::string> folded_;
  std::map<Id, CommuneState> communes_;
  std::map<Id, Commune> unloaded_;  // named communes the caller did not load: nothing in them
  std::vector<TeamState> states_;
  std::map<Id, std::size_t> state_of_team_;  // existing team id -> states_ index
  std::map<std::string, int> phones_;        // normalised phone -> first line
  Plan plan_;
};

}  // namespace

std::string_view PositionOf(Role role) {
  switch (role) {
    case Role::kLeader:
      return "Tổ trưởng";
    case Role::kDeputy:
      return "Tổ phó";
    case Role::kMember:
      return "Tổ viên";
    case Role::kCollaborator:
      return "Cộng tác viên";
  }
  return "Tổ viên";
}

std::vector<Id> CommunesNamed(const std::vector<SheetRow>& rows, const Known& known) {
  Matcher matcher(known);
  std::set<Id> seen;
  std::vector<Id> out;
  std::set<std::string> names;
  for (const SheetRow& row : rows) {
    if (row.refused || !names.insert(row.commune).second) continue;
    const auto found = matcher.FindCommune(row.commune);
    if (const auto* const* place = std::get_if<const Place*>(&found)) {
      if (seen.insert((*place)->id).second) out.push_back((*place)->id);
    }
  }
  return out;
}

Plan PlanMemberImport(const std::vector<SheetRow>& rows, const Known& known) {
  return Matcher(known).Run(rows);
}

}  // namespace cnscd::member_import
