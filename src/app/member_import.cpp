// The member import as one transaction: load, decide (core/member_import, pure), apply.
#include "app/member_import.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/team_list.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"
#include "documents/form2.hpp"

namespace cnscd::app {

namespace {

constexpr int kOnePage = 100'000'000;  // a commune's teams, a province's communes: one page

member_import::Place PlaceOf(const store::Unit& u) {
  return {u.id, u.kind, u.name, u.subkind, u.parent_id};
}

// The sheet's rows in its order, the unreadable ones among them; each person checked as
// AddMember checks one (the same rule and message, whichever way a member joins).
std::vector<member_import::SheetRow> RowsOf(const documents::Form2Sheet& sheet, int this_year) {
  std::vector<member_import::SheetRow> out;
  auto bad = sheet.refused.begin();
  auto unreadable_until = [&](int line) {
    for (; bad != sheet.refused.end() && bad->line < line; ++bad) {
      member_import::SheetRow row;
      row.line = bad->line;
      row.refused = member_import::Reason{bad->message_vi, bad->message_en};
      out.push_back(std::move(row));
    }
  };
  for (const documents::Form2Input& in : sheet.rows) {
    unreadable_until(in.line);
    member_import::SheetRow row{in.line,     in.commune, in.team,  in.full_name,
                                in.position, in.role,    in.phone, std::nullopt};
    try {
      const store::Person person = ValidatePerson(
          {in.full_name, in.phone.empty() ? std::nullopt : std::optional<std::string>(in.phone)},
          this_year);
      row.full_name = person.full_name;
      row.phone = person.phone.value_or("");
    } catch (const Error& e) {
      row.refused = member_import::Reason{e.message_vi(), e.message_en()};
    }
    out.push_back(std::move(row));
  }
  unreadable_until(std::numeric_limits<int>::max());
  return out;
}

// Everything the decision reads, loaded before it: the communes below the unit, and for the
// communes the sheet names their villages, active teams with their members and the policies
// that apply there; the people the sheet's phones belong to. `paths` keeps where each loaded
// unit sits, for the audit of what is applied.
class Loader {
 public:
  explicit Loader(store::Transaction& tx) : tx_(tx) {}

  member_import::Known Load(const store::Unit& unit,
                            const std::vector<member_import::SheetRow>& rows) {
    member_import::Known known;
    known.unit = PlaceOf(unit);
    paths[unit.id] = unit.path;
    std::vector<store::Unit> communes;
    if (unit.kind == UnitKind::kCommune) {
      communes.push_back(unit);
    } else {
      store::UnitQuery q;
      q.kind = UnitKind::kCommune;
      q.limit = kOnePage;
      store::Scope subtree;
      subtree.unit_paths.push_back(unit.path);
      communes = tx_.ListUnits(q, subtree).items;
    }
    for (const store::Unit& c : communes) {
      known.communes.push_back(PlaceOf(c));
      paths[c.id] = c.path;
      if (c.parent_id && !known.parents.contains(*c.parent_id)) {
        if (const auto parent = tx_.FindUnit(*c.parent_id)) {
          known.parents.emplace(parent->id, PlaceOf(*parent));
        }
      }
    }
    std::map<store::Id, const store::Unit*> by_id;
    for (const store::Unit& c : communes) by_id[c.id] = &c;
    for (const store::Id id : member_import::CommunesNamed(rows, known)) {
      known.loaded.emplace(id, LoadCommune(*by_id.at(id)));
    }
    for (const member_import::SheetRow& row : rows) {
      if (row.refused || row.phone.empty() || known.people.contains(row.phone)) continue;
      if (const auto person = tx_.FindPersonByPhone(row.phone)) {
        known.people.emplace(row.phone, member_import::Person{person->id, person->full_name});
      }
    }
    return known;
  }

  std::map<store::Id, std::string> paths;

 private:
  member_import::Commune LoadCommune(const store::Unit& commune) {
    member_import::Commune c;
    c.place = PlaceOf(commune);
    std::vector<store::Unit> chain = tx_.Ancestors(commune);  // the province first
    chain.push_back(commune);
    std::reverse(chain.begin(), chain.end());  // nearest first
    for (const store::Unit& u : chain) {
      if (const auto own = tx_.FindPolicy(u.id)) c.policies_above.push_back(*own);
    }
    store::UnitQuery q;
    q.parent_id = commune.id;
    q.kind = UnitKind::kVillage;
    std::set<store::Id> below;
    for (const store::Unit& v : CurrentUnits(tx_, q)) {
      c.villages.push_back(PlaceOf(v));
      paths[v.id] = v.path;
      below.insert(v.id);
    }
    store::Scope everything;
    everything.everything = true;
    for (const store::Team& t : tx_.ListTeams(commune, everything, kOnePage, 0).items) {
      if (t.status != "active") continue;
      member_import::Team team{t.id, t.unit_id, t.level, t.name, {}};
      for (const store::Membership& m : tx_.CurrentMembers(t.id)) {
        team.members.push_back({m.person.id, m.person.full_name, m.role});
      }
      c.teams.push_back(std::move(team));
      if (t.unit_id != commune.id) below.insert(t.unit_id);
    }
    for (const store::Id id : below) {
      if (const auto own = tx_.FindPolicy(id)) c.policies_below.emplace(id, *own);
    }
    return c;
  }

  store::Transaction& tx_;
};

ImportReport ReportOf(const member_import::Plan& plan) {
  return {
      plan.rows, plan.created, plan.matched, plan.refused, static_cast<int>(plan.new_teams.size()),
      false};
}

void Apply(Context& ctx, const Caller& caller, store::Transaction& tx, const store::Unit& unit,
           const member_import::Plan& plan, std::map<store::Id, std::string>& paths,
           const std::string& filename) {
  auto path_of = [&](store::Id unit_id) -> const std::string& {
    auto path = paths.find(unit_id);
    if (path == paths.end()) {
      const auto found = tx.FindUnit(unit_id);
      path = paths.emplace(unit_id, found ? found->path : unit.path).first;
    }
    return path->second;
  };
  std::vector<store::Id> new_team_ids;
  for (const member_import::NewTeam& n : plan.new_teams) {
    const store::Team team = tx.InsertTeam({0, n.unit_id, n.level, n.name, "active", std::nullopt});
    Audit(tx, ctx, caller, "create", {"team", team.id, path_of(n.unit_id), team.id}, std::nullopt,
          ToJson(team));
    new_team_ids.push_back(team.id);
  }
  for (const member_import::Joining& j : plan.joinings) {
    const store::Id team_id =
        j.new_team >= 0 ? new_team_ids[static_cast<std::size_t>(j.new_team)] : j.team_id;
    const std::string& path = path_of(j.team_unit_id);
    store::Id person_id = j.person_id;
    if (person_id == 0) {
      store::Person person;
      person.full_name = j.full_name;
      person.phone = j.phone;
      person.zalo = j.zalo;
      person = tx.InsertPerson(person);
      Audit(tx, ctx, caller, "create", {"person", person.id, path, team_id}, std::nullopt,
            ToJson(person));
      person_id = person.id;
    }
    const store::Membership m = tx.InsertMembership(team_id, person_id, j.role, ctx.Today());
    Audit(tx, ctx, caller, "create", {"membership", m.id, path, team_id}, std::nullopt, ToJson(m));
  }
  Audit(tx, ctx, caller, "import", {"unit", unit.id, unit.path}, std::nullopt,
        Json{{"file", filename},
             {"rows", plan.rows.size()},
             {"created", plan.created},
             {"matched", plan.matched},
             {"teams_created", plan.new_teams.size()}});
}

}  // namespace

Error RowsRefused(int refused) {
  return {ErrorKind::kRuleBroken, "import_refused",
          std::to_string(refused) +
              " dòng bị từ chối (lý do ở từng dòng): không có gì được ghi. Hãy sửa tệp rồi "
              "nhập lại.",
          std::to_string(refused) +
              " rows are refused (each with its reason): nothing was written. Correct the "
              "file and import it again."};
}

ImportRefused::ImportRefused(ImportReport report)
    : Error(RowsRefused(report.refused)), report_(std::move(report)) {}

ImportReport ImportMembers(Context& ctx, const Caller& caller, store::Id unit_id,
                           std::string_view bytes, const std::string& filename, bool apply) {
  auto tx = ctx.Begin(apply ? store::Access::kWrite : store::Access::kRead);
  const store::Unit unit = RequireForm2Unit(*tx, caller, unit_id, true);
  // Read once the caller may import here (a 1 MB body parses in milliseconds).
  const documents::Form2Sheet sheet = documents::ReadForm2(bytes, filename);
  if (sheet.rows.empty() && sheet.refused.empty()) {
    throw RuleBroken("empty_sheet", "Tệp không có dòng thành viên nào dưới dòng tiêu đề.",
                     "The file has no member rows under its header.");
  }
  const std::vector<member_import::SheetRow> rows =
      RowsOf(sheet, std::stoi(ctx.Today().substr(0, 4)));
  Loader loader(*tx);
  const member_import::Known known = loader.Load(unit, rows);
  const member_import::Plan plan = member_import::PlanMemberImport(rows, known);
  ImportReport report = ReportOf(plan);
  if (!apply) return report;
  if (report.refused > 0) throw ImportRefused(std::move(report));
  Apply(ctx, caller, *tx, unit, plan, loader.paths, filename);
  tx->Commit();
  report.applied = true;
  return report;
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
