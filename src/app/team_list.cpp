#include "app/team_list.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"
#include "core/text.hpp"
#include "documents/form2.hpp"

namespace cnscd::app {

namespace {

constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kCsvType = "text/csv; charset=utf-8";
constexpr int kPage = 1000;

// --- export --------------------------------------------------------------------------------------

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "Xã Nhơn Mỹ" -> "Xa-Nhon-My": ASCII for every client, capitals kept where the name has them.
std::string AsciiSlug(const std::string& name) {
  std::string out;
  for (const std::string& word : Words(text::Clean(name))) {
    std::string ascii;
    for (const char c : text::Fold(word)) {
      if (std::isalnum(static_cast<unsigned char>(c)) != 0) ascii.push_back(c);
    }
    if (ascii.empty()) continue;
    if (text::Lower(word) != word) {
      ascii[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(ascii[0])));
    }
    out += (out.empty() ? "" : "-") + ascii;
  }
  return out.empty() ? "Don-vi" : out;
}

// "Xã Nhơn Mỹ" -> "Xã-Nhơn-Mỹ", without the characters file systems refuse.
std::string Utf8Slug(const std::string& name) {
  std::string out;
  for (const std::string& word : Words(text::Clean(name))) {
    std::string kept;
    for (const char c : word) {
      if (std::string_view("/\\:*?\"<>|").find(c) == std::string_view::npos &&
          static_cast<unsigned char>(c) >= 0x20) {
        kept.push_back(c);
      }
    }
    if (!kept.empty()) out += (out.empty() ? "" : "-") + kept;
  }
  return out.empty() ? "Đơn-vị" : out;
}

// --- import --------------------------------------------------------------------------------------

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

struct TeamState {
  store::Team team;  // id 0 for a team to be created
  int planned = -1;  // index in Plan::new_teams, or -1 for an existing team
  LevelPolicy policy;
  RoleCounts counts;                       // current members plus the rows accepted so far
  std::vector<store::Membership> members;  // current, for an existing team
  std::set<std::string> phoneless_names;   // folded names of accepted rows without a phone
};

struct CommuneData {
  store::Unit commune;
  std::vector<store::Team> teams;  // active teams of the commune and its villages
  std::vector<store::Unit> villages;
  std::set<store::Id> villages_with_team;
  bool has_commune_team = false;
  std::map<std::string, std::size_t> planned;  // folded name -> index into Plan::states
};

struct NewTeam {
  store::Team team;
  std::string unit_path;
};

struct Creation {
  std::size_t row = 0;    // index in the report
  std::size_t state = 0;  // index in Plan::states
  store::Person person;   // id set when the person exists
  Role role = Role::kMember;
};

// Everything the import matched, kept to apply it.
struct Plan {
  ImportReport report;
  std::vector<TeamState> states;
  std::map<store::Id, std::size_t> state_of_team;  // existing team id -> states index
  std::vector<NewTeam> new_teams;
  std::vector<Creation> creations;
};

class Matcher {
 public:
  Matcher(Context& ctx, store::Transaction& tx, const store::Unit& unit)
      : ctx_(ctx), tx_(tx), unit_(unit) {
    if (unit.kind == UnitKind::kCommune) {
      communes_.push_back(unit);
      return;
    }
    store::UnitQuery q;
    q.kind = UnitKind::kCommune;
    q.limit = kPage;
    store::Scope subtree;
    subtree.unit_paths.push_back(unit.path);
    for (;;) {
      auto page = tx.ListUnits(q, subtree);
      for (auto& u : page.items) communes_.push_back(std::move(u));
      q.offset += kPage;
      if (page.items.size() < static_cast<std::size_t>(kPage)) break;
    }
  }

  Plan Run(const documents::Form2Sheet& sheet) {
    const int this_year = std::stoi(ctx_.Today().substr(0, 4));
    std::vector<const documents::Form2Input*> inputs;
    std::map<int, const documents::Refusal*> unreadable;
    for (const auto& r : sheet.rows) inputs.push_back(&r);
    for (const auto& r : sheet.refused) unreadable[r.line] = &r;
    // Rows in the sheet's order, the unreadable ones among them.
    auto in = inputs.begin();
    auto bad = unreadable.begin();
    while (in != inputs.end() || bad != unreadable.end()) {
      if (bad != unreadable.end() && (in == inputs.end() || bad->first < (*in)->line)) {
        ImportRow row;
        row.line = bad->first;
        Refuse(row, bad->second->message_vi, bad->second->message_en);
        plan_.report.rows.push_back(std::move(row));
        ++bad;
      } else {
        Row(**in, this_year);
        ++in;
      }
    }
    for (const auto& r : plan_.report.rows) {
      if (r.status == "create") ++plan_.report.created;
      if (r.status == "match") ++plan_.report.matched;
      if (r.status == "refuse") ++plan_.report.refused;
    }
    plan_.report.teams_created = static_cast<int>(plan_.new_teams.size());
    return std::move(plan_);
  }

 private:
  static void Refuse(ImportRow& row, std::string vi, std::string en) {
    row.status = "refuse";
    row.reason = std::move(vi);
    row.reason_en = std::move(en);
  }

  void Row(const documents::Form2Input& in, int this_year) {
    ImportRow row;
    row.line = in.line;
    row.commune = in.commune;
    row.team = in.team;
    row.full_name = in.full_name;
    row.role = in.role ? std::string(ToString(*in.role)) : in.position;
    row.phone = in.phone;
    const std::size_t index = plan_.report.rows.size();
    plan_.report.rows.push_back(row);
    Decide(plan_.report.rows[index], index, in, this_year);
  }

  // Fills the row's status; on acceptance records what applying it creates.
  void Decide(ImportRow& row, std::size_t index, const documents::Form2Input& in, int this_year) {
    // What the row says alone: name, phone, position, and phones repeated in the sheet.
    store::Person person;
    try {
      person = ValidatePerson(
          {in.full_name, in.phone.empty() ? std::nullopt : std::optional<std::string>(in.phone)},
          this_year);
    } catch (const Error& e) {
      return Refuse(row, e.message_vi(), e.message_en());
    }
    if (person.phone) row.phone = *person.phone;
    row.full_name = person.full_name;
    if (!in.role) {
      return Refuse(row,
                    "Chức vụ \"" + in.position +
                        "\" không rõ: ghi Tổ trưởng, Tổ phó, Tổ viên hoặc Cộng tác viên.",
                    "Unknown position \"" + in.position +
                        "\": write Tổ trưởng, Tổ phó, Tổ viên or Cộng tác viên.");
    }
    if (person.phone) {
      auto [seen, fresh] = phones_.emplace(*person.phone, in.line);
      if (!fresh) {
        const std::string n = std::to_string(seen->second);
        return Refuse(row, "Số điện thoại trùng với dòng " + n + ".",
                      "The phone number repeats line " + n + ".");
      }
    }

    // Where the row belongs.
    CommuneData* commune = FindCommune(row, in.commune);
    if (commune == nullptr) return;
    const auto state_index = FindTeam(row, *commune, in.team);
    if (!state_index) return;
    TeamState& state = plan_.states[*state_index];
    if (state.planned >= 0) row.team_action = "create_team";

    // Who the person is.
    const std::string folded = text::Fold(person.full_name);
    if (person.phone) {
      if (auto existing = tx_.FindPersonByPhone(*person.phone)) {
        if (text::Fold(existing->full_name) != folded) {
          // The other name is not shown: that person may be outside the caller's scope.
          return Refuse(row, "Số điện thoại này đã được đăng ký cho một người có họ tên khác.",
                        "This phone number is registered to a person with another name.");
        }
        person = *existing;
      }
    }
    for (const store::Membership& m : state.members) {
      const bool same = person.id != 0
                            ? m.person.id == person.id
                            : (!person.phone && text::Fold(m.person.full_name) == folded);
      if (!same) continue;
      row.status = "match";
      if (m.role != *in.role) {
        row.note = "Đang là " + std::string(documents::PositionOf(m.role)) +
                   " của tổ; vai trò không được đổi khi nhập.";
        row.note_en = "Already a member as " + std::string(ToString(m.role)) +
                      "; an import does not change roles.";
      }
      return;
    }
    if (!person.phone && !state.phoneless_names.insert(folded).second) {
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
    if (person.id == 0 && person.phone) person.zalo = person.phone;  // the form's "đã đăng ký Zalo"
    row.status = "create";
    plan_.creations.push_back({index, *state_index, person, role});
  }

  CommuneData* FindCommune(ImportRow& row, const std::string& written) {
    std::string key = text::Fold(written);
    if (key.empty()) {
      if (unit_.kind == UnitKind::kCommune) return Load(unit_);
      Refuse(row, "Thiếu tên xã/phường/thị trấn.", "The commune's name is missing.");
      return nullptr;
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
    std::vector<const store::Unit*> found;
    for (const store::Unit& c : communes_) {
      if (NameMatches(c, key)) found.push_back(&c);
    }
    if (found.size() > 1 && !where.empty()) {
      std::vector<const store::Unit*> narrowed;
      for (const store::Unit* c : found) {
        const auto parent = c->parent_id ? Parent(*c->parent_id) : std::nullopt;
        if (parent && NameMatches(*parent, where)) narrowed.push_back(c);
      }
      if (!narrowed.empty()) found = narrowed;
    }
    if (found.empty()) {
      Refuse(row, "Không có xã/phường/thị trấn \"" + written + "\" trong " + unit_.name + ".",
             "No commune named \"" + written + "\" in " + unit_.name + ".");
      return nullptr;
    }
    if (found.size() > 1) {
      Refuse(
          row,
          "Có nhiều xã/phường/thị trấn tên \"" + written + "\": ghi thêm tên huyện sau dấu phẩy.",
          "Several communes are named \"" + written + "\": add the district's name after a comma.");
      return nullptr;
    }
    return Load(*found.front());
  }

  std::optional<store::Unit> Parent(store::Id id) {
    auto it = parents_.find(id);
    if (it == parents_.end()) it = parents_.emplace(id, tx_.FindUnit(id)).first;
    return it->second;
  }

  CommuneData* Load(const store::Unit& commune) {
    auto it = communes_data_.find(commune.id);
    if (it != communes_data_.end()) return &it->second;
    CommuneData d;
    d.commune = commune;
    store::Scope everything;
    everything.everything = true;
    for (int offset = 0;; offset += kPage) {
      auto page = tx_.ListTeams(commune, everything, kPage, offset);
      for (auto& t : page.items) {
        if (t.status != "active") continue;
        if (t.level == TeamLevel::kVillage) d.villages_with_team.insert(t.unit_id);
        if (t.level == TeamLevel::kCommune && t.unit_id == commune.id) d.has_commune_team = true;
        d.teams.push_back(std::move(t));
      }
      if (page.items.size() < static_cast<std::size_t>(kPage)) break;
    }
    store::UnitQuery q;
    q.parent_id = commune.id;
    q.kind = UnitKind::kVillage;
    q.limit = kPage;
    for (;;) {
      auto page = tx_.ListUnits(q, everything);
      for (auto& u : page.items) d.villages.push_back(std::move(u));
      q.offset += kPage;
      if (page.items.size() < static_cast<std::size_t>(kPage)) break;
    }
    return &communes_data_.emplace(commune.id, std::move(d)).first->second;
  }

  LevelPolicy PolicyOf(const store::Unit& unit, TeamLevel level) {
    auto it = policies_.find(unit.id);
    if (it == policies_.end()) it = policies_.emplace(unit.id, EffectivePolicyAt(tx_, unit)).first;
    return PolicyFor(it->second, level);
  }

  std::optional<std::size_t> FindTeam(ImportRow& row, CommuneData& d, const std::string& written) {
    const std::string name = text::Clean(written);
    const std::string key = text::Fold(name);
    if (key.empty()) {
      Refuse(row, "Thiếu tên tổ công nghệ số cộng đồng.", "The team's name is missing.");
      return std::nullopt;
    }
    std::vector<const store::Team*> found;
    for (const store::Team& t : d.teams) {
      if (Folded(t.name) == key) found.push_back(&t);
    }
    if (found.size() > 1) {
      Refuse(row, "Có nhiều tổ tên \"" + name + "\" trong " + d.commune.name + ".",
             "Several teams are named \"" + name + "\" in " + d.commune.name + ".");
      return std::nullopt;
    }
    if (found.size() == 1) return ExistingState(*found.front());
    if (auto it = d.planned.find(key); it != d.planned.end()) return it->second;

    // "Tổ công nghệ số cộng đồng <village>" (or "Tổ CNSCĐ <village>") for a village without a
    // team, or <the commune> for its commune-level team: the team is created.
    std::string rest;
    for (const std::string& prefix : {TeamPrefixKey() + " ", std::string("to cnscd ")}) {
      if (key.starts_with(prefix)) rest = key.substr(prefix.size());
    }
    const store::Unit* unit = nullptr;
    TeamLevel level = TeamLevel::kVillage;
    std::string taken;
    if (!rest.empty()) {
      for (const store::Unit& v : d.villages) {
        if (!NameMatches(v, rest)) continue;
        if (d.villages_with_team.contains(v.id)) {
          taken = v.name;
        } else {
          unit = &v;
        }
        break;
      }
      if (unit == nullptr && taken.empty() && NameMatches(d.commune, rest)) {
        if (d.has_commune_team) {
          taken = d.commune.name;
        } else {
          unit = &d.commune;
          level = TeamLevel::kCommune;
        }
      }
    }
    if (unit == nullptr) {
      if (!taken.empty()) {
        Refuse(row,
               "Không có tổ \"" + name + "\" trong " + d.commune.name + "; " + taken +
                   " đã có tổ mang tên khác.",
               "No team named \"" + name + "\" in " + d.commune.name + "; " + taken +
                   " already has a team with another name.");
      } else {
        Refuse(row,
               "Không có tổ \"" + name + "\" trong " + d.commune.name +
                   " (tổ mới phải mang tên \"Tổ công nghệ số cộng đồng\" + tên thôn, ấp).",
               "No team named \"" + name + "\" in " + d.commune.name +
                   " (a new team must be named \"Tổ công nghệ số cộng đồng\" + its village's "
                   "name).");
      }
      return std::nullopt;
    }
    const std::string default_name = DefaultTeamName(unit->name);
    TeamState state;
    state.team = {0,        unit->id,
                  level,    text::Fold(default_name) == key ? default_name : name,
                  "active", std::nullopt};
    state.planned = static_cast<int>(plan_.new_teams.size());
    state.policy = PolicyOf(*unit, level);
    plan_.new_teams.push_back({state.team, unit->path});
    if (level == TeamLevel::kVillage) {
      d.villages_with_team.insert(unit->id);
    } else {
      d.has_commune_team = true;
    }
    plan_.states.push_back(std::move(state));
    d.planned[key] = plan_.states.size() - 1;
    return plan_.states.size() - 1;
  }

  std::size_t ExistingState(const store::Team& team) {
    if (auto it = plan_.state_of_team.find(team.id); it != plan_.state_of_team.end()) {
      return it->second;
    }
    TeamState state;
    state.team = team;
    state.members = tx_.CurrentMembers(team.id);
    for (const auto& m : state.members) state.counts.Add(m.role);
    const auto unit = tx_.FindUnit(team.unit_id);
    if (unit) state.policy = PolicyOf(*unit, team.level);
    plan_.states.push_back(std::move(state));
    plan_.state_of_team[team.id] = plan_.states.size() - 1;
    return plan_.states.size() - 1;
  }

  // Folding runs ICU: names met on every row are folded once.
  const std::string& Folded(const std::string& s) {
    auto it = folded_.find(s);
    if (it == folded_.end()) it = folded_.emplace(s, text::Fold(s)).first;
    return it->second;
  }

  // The unit's folded name, or that name without its type word(s) ("xa nhon my" or "nhon my").
  bool NameMatches(const store::Unit& u, const std::string& key) {
    if (key.empty()) return false;
    const std::string& name = Folded(u.name);
    if (name == key) return true;
    const std::string& type = Folded(u.subkind);
    return !type.empty() && name.size() == type.size() + 1 + key.size() && name.starts_with(type) &&
           name[type.size()] == ' ' && name.ends_with(key);
  }

  Context& ctx_;
  store::Transaction& tx_;
  const store::Unit& unit_;
  std::unordered_map<std::string, std::string> folded_;
  std::vector<store::Unit> communes_;
  std::map<store::Id, CommuneData> communes_data_;
  std::map<store::Id, std::optional<store::Unit>> parents_;
  std::map<store::Id, EffectivePolicy> policies_;
  std::map<std::string, int> phones_;  // normalised phone -> first line
  Plan plan_;
};

void Apply(Context& ctx, const Caller& caller, store::Transaction& tx, const store::Unit& unit,
           Plan& plan, const std::string& filename) {
  std::vector<store::Id> new_team_ids;
  for (const NewTeam& n : plan.new_teams) {
    const store::Team team = tx.InsertTeam(n.team);
    Audit(tx, ctx, caller, "create", {"team", team.id, n.unit_path, team.id}, std::nullopt,
          ToJson(team));
    new_team_ids.push_back(team.id);
  }
  std::map<store::Id, std::string> unit_paths;
  for (const Creation& c : plan.creations) {
    const TeamState& state = plan.states[c.state];
    const store::Id team_id =
        state.planned >= 0 ? new_team_ids[static_cast<std::size_t>(state.planned)] : state.team.id;
    auto path = unit_paths.find(state.team.unit_id);
    if (path == unit_paths.end()) {
      const auto team_unit = tx.FindUnit(state.team.unit_id);
      path = unit_paths.emplace(state.team.unit_id, team_unit ? team_unit->path : unit.path).first;
    }
    store::Person person = c.person;
    if (person.id == 0) {
      person = tx.InsertPerson(person);
      Audit(tx, ctx, caller, "create", {"person", person.id, path->second, team_id}, std::nullopt,
            ToJson(person));
    }
    const store::Membership m = tx.InsertMembership(team_id, person.id, c.role, ctx.Today());
    Audit(tx, ctx, caller, "create", {"membership", m.id, path->second, team_id}, std::nullopt,
          ToJson(m));
  }
  const ImportReport& r = plan.report;
  Audit(tx, ctx, caller, "import", {"unit", unit.id, unit.path}, std::nullopt,
        Json{{"file", filename},
             {"rows", r.rows.size()},
             {"created", r.created},
             {"matched", r.matched},
             {"teams_created", r.teams_created}});
}

}  // namespace

ExportedFile ExportTeamList(Context& ctx, const Caller& caller, store::Id unit_id,
                            std::string_view format) {
  if (format != "xlsx" && format != "csv") {
    throw RuleBroken("invalid_format", "Định dạng phải là xlsx hoặc csv.",
                     "The format must be xlsx or csv.", "format");
  }
  std::vector<documents::Form2Line> lines;
  std::string heading;
  ExportedFile file;
  {
    // A write transaction: exporting members' phone numbers is itself recorded.
    auto tx = ctx.store.Begin(store::Access::kWrite);
    const store::Unit unit = RequireUnit(*tx, unit_id);
    Require(caller, Ability::kRead, UnitTarget(unit));
    if (unit.kind == UnitKind::kVillage) {
      throw RuleBroken(
          "not_a_commune_or_above",
          "Danh sách (Mẫu 2) lập cho xã, huyện hoặc tỉnh: " + unit.name + " là cấp thôn, ấp.",
          "The list (Form 2) is made for a commune, district or province: " + unit.name +
              " is a village.");
    }
    store::Scope scope = ScopeFor(caller);
    scope.single_unit_paths.clear();  // a team role lists its own team, not its village's others
    for (const store::TeamListRow& r : tx->TeamList(unit, scope)) {
      lines.push_back({r.commune.name, r.team.name, r.membership.person.full_name,
                       std::string(documents::PositionOf(r.membership.role)),
                       r.membership.person.phone.value_or("")});
    }
    heading = unit.name;
    // "Xã Nhơn Mỹ, Huyện Kế Sách, Tỉnh Sóc Trăng": the unit, then the units above it.
    auto ancestors = tx->Ancestors(unit);
    std::reverse(ancestors.begin(), ancestors.end());
    for (const store::Unit& above : ancestors) heading += ", " + above.name;
    Audit(*tx, ctx, caller, "export", {"unit", unit.id, unit.path}, std::nullopt,
          Json{{"format", format}, {"rows", lines.size()}});
    tx->Commit();
    file.filename = "DanhSach-To-CNSCD-" + AsciiSlug(unit.name) + "." + std::string(format);
    file.filename_utf8 = "DanhSach-To-CNSCĐ-" + Utf8Slug(unit.name) + "." + std::string(format);
  }
  // Built after the commit: the writer's lock is not held while the file is laid out.
  if (format == "xlsx") {
    file.bytes = documents::WriteForm2Xlsx(heading, lines);
    file.content_type = kXlsxType;
  } else {
    file.bytes = documents::WriteForm2Csv(lines);
    file.content_type = kCsvType;
  }
  file.rows = lines.size();
  return file;
}

ImportRefused::ImportRefused(ImportReport report)
    : Error(ErrorKind::kRuleBroken, "import_refused",
            std::to_string(report.refused) +
                " dòng bị từ chối (lý do ở từng dòng): không có gì được ghi. Hãy sửa tệp rồi "
                "nhập lại.",
            std::to_string(report.refused) +
                " rows are refused (each with its reason): nothing was written. Correct the "
                "file and import it again."),
      report_(std::move(report)) {}

ImportReport ImportMembers(Context& ctx, const Caller& caller, store::Id unit_id,
                           std::string_view bytes, const std::string& filename, bool apply) {
  auto tx = ctx.store.Begin(apply ? store::Access::kWrite : store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kManage, UnitTarget(unit));
  if (unit.kind == UnitKind::kVillage) {
    throw RuleBroken(
        "not_a_commune_or_above",
        "Nhập danh sách (Mẫu 2) vào một xã, huyện hoặc tỉnh: " + unit.name + " là cấp thôn, ấp.",
        "Import the list (Form 2) into a commune, district or province: " + unit.name +
            " is a village.");
  }
  // Read once the caller may import here (a 1 MB body parses in milliseconds).
  const documents::Form2Sheet sheet = documents::ReadForm2(bytes, filename);
  if (sheet.rows.empty() && sheet.refused.empty()) {
    throw RuleBroken("empty_sheet", "Tệp không có dòng thành viên nào dưới dòng tiêu đề.",
                     "The file has no member rows under its header.");
  }
  Plan plan = Matcher(ctx, *tx, unit).Run(sheet);
  if (!apply) return std::move(plan.report);
  if (plan.report.refused > 0) throw ImportRefused(std::move(plan.report));
  Apply(ctx, caller, *tx, unit, plan, filename);
  tx->Commit();
  plan.report.applied = true;
  return std::move(plan.report);
}

Json ImportReportJson(const ImportReport& report) {
  Json rows = Json::array();
  for (const ImportRow& r : report.rows) {
    Json j{{"line", r.line},  {"status", r.status},       {"commune", r.commune},
           {"team", r.team},  {"full_name", r.full_name}, {"role", r.role},
           {"phone", r.phone}};
    if (r.reason) j["reason"] = *r.reason;
    if (r.reason_en) j["reason_en"] = *r.reason_en;
    if (r.team_action) j["team_action"] = *r.team_action;
    if (r.note) j["note"] = *r.note;
    if (r.note_en) j["note_en"] = *r.note_en;
    rows.push_back(std::move(j));
  }
  return Json{{"mode", report.applied ? "applied" : "dry_run"},
              {"summary",
               {{"rows", report.rows.size()},
                {"created", report.created},
                {"matched", report.matched},
                {"refused", report.refused},
                {"teams_created", report.teams_created}}},
              {"rows", rows}};
}

}  // namespace cnscd::app
