#include "app/decisions.hpp"

#include <algorithm>
#include <map>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/units.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"

namespace cnscd::app {

namespace {

constexpr std::size_t kMaxNumberLength = 50;
constexpr std::size_t kMaxSignerLength = 100;

// NFC-cleaned text that must not be empty; codes name the field ("empty_number").
std::string CleanRequired(const std::string& raw, const std::string& field, std::size_t max_length,
                          const std::string& what_vi, const std::string& what_en) {
  std::string s = input::Text(raw, field);
  if (s.empty()) {
    throw RuleBroken("empty_" + field, what_vi + " không được để trống.",
                     what_en + " must not be empty.", field);
  }
  if (text::Length(s) > max_length) {
    throw RuleBroken(
        field + "_too_long", what_vi + " dài quá " + std::to_string(max_length) + " ký tự.",
        what_en + " is longer than " + std::to_string(max_length) + " characters.", field);
  }
  return s;
}

store::Decision RequireDecision(store::Transaction& tx, store::Id id) {
  auto d = tx.FindDecision(id);
  if (!d) throw NotFound("quyết định", "decision");
  return *d;
}

// The teams a decision concerns, in the order they will be listed in its snapshot.
std::vector<store::Team> TeamsOf(store::Transaction& tx, const store::Unit& commune,
                                 const std::optional<std::vector<store::Id>>& ids) {
  std::vector<store::Team> teams;
  if (!ids) {
    store::Scope all;
    all.everything = true;
    for (store::Team& t : tx.ListTeams(commune, all, 1000, 0).items) {
      if (t.status == "active") teams.push_back(std::move(t));
    }
    return teams;
  }
  for (const store::Id id : *ids) {
    if (std::any_of(teams.begin(), teams.end(),
                    [id](const store::Team& t) { return t.id == id; })) {
      continue;  // named twice: listed once
    }
    auto team = tx.FindTeam(id);
    if (!team)
      throw NotFound("tổ công nghệ số " + std::to_string(id), "team " + std::to_string(id),
                     "team_ids");
    const auto unit = tx.FindUnit(team->unit_id);
    if (!unit || !unit->path.starts_with(commune.path)) {
      throw RuleBroken("team_outside_commune",
                       "Tổ " + team->name + " không thuộc " + commune.name + ".",
                       "Team " + team->name + " is not in " + commune.name + ".", "team_ids");
    }
    teams.push_back(std::move(*team));
  }
  return teams;
}

// The teams and their current members as the decision names them, frozen: later changes to the
// teams never rewrite an issued decision.
Json Snapshot(store::Transaction& tx, const store::Unit& commune,
              const std::vector<store::Team>& teams) {
  std::map<store::Id, std::string> unit_names;
  Json list = Json::array();
  for (const store::Team& t : teams) {
    auto name = unit_names.find(t.unit_id);
    if (name == unit_names.end()) {
      const auto unit = tx.FindUnit(t.unit_id);
      name = unit_names.emplace(t.unit_id, unit ? unit->name : std::string()).first;
    }
    Json members = Json::array();
    for (const store::Membership& m : tx.CurrentMembers(t.id)) {  // leader first
      members.push_back(
          Json{{"membership_id", m.id},
               {"role", ToString(m.role)},
               {"full_name", m.person.full_name},
               {"phone", m.person.phone ? Json(*m.person.phone) : Json(nullptr)},
               {"occupation", m.person.occupation ? Json(*m.person.occupation) : Json(nullptr)}});
    }
    list.push_back(Json{{"id", t.id},
                        {"name", t.name},
                        {"level", ToString(t.level)},
                        {"unit", Json{{"id", t.unit_id}, {"name", name->second}}},
                        {"members", members}});
  }
  return Json{{"commune", Json{{"id", commune.id},
                               {"code", commune.code ? Json(*commune.code) : Json(nullptr)},
                               {"name", commune.name}}},
              {"teams", list}};
}

}  // namespace

Json DecisionJson(const store::Decision& d, bool with_snapshot) {
  Json j{{"id", d.id},
         {"commune_id", d.commune_id},
         {"number", d.number},
         {"date", d.date},
         {"signer", d.signer},
         {"kind", d.kind},
         {"created_at", d.created_at}};
  if (with_snapshot) {
    Json snapshot = Json::parse(d.snapshot_json, nullptr, /*allow_exceptions=*/false);
    j["snapshot"] = snapshot.is_discarded() ? Json(nullptr) : snapshot;
  }
  return j;
}

store::Decision RecordDecision(Context& ctx, const Caller& caller, const DecisionInput& in) {
  const std::string number = CleanRequired(in.number, "number", kMaxNumberLength,
                                           "Số, ký hiệu quyết định", "The decision's number");
  if (!dates::ParseDate(in.date)) {
    throw RuleBroken("invalid_date", "Ngày quyết định phải có dạng YYYY-MM-DD.",
                     "The decision's date must be a date YYYY-MM-DD.", "date");
  }
  // YYYY-MM-DD strings order as the days they name.
  if (in.date > ctx.Today()) {
    throw RuleBroken("future_date", "Ngày quyết định không được sau ngày hôm nay.",
                     "The decision's date must not be after today.", "date");
  }
  const std::string signer =
      CleanRequired(in.signer, "signer", kMaxSignerLength, "Người ký", "The signer");
  if (in.kind != "establish" && in.kind != "amend") {
    throw RuleBroken("invalid_kind",
                     "Loại quyết định phải là establish (thành lập) hoặc amend (kiện toàn).",
                     "kind must be establish or amend.", "kind");
  }

  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit commune = RequireUnit(*tx, in.commune_id, "commune_id");
  Require(caller, Ability::kSign, UnitTarget(commune));
  if (commune.kind != UnitKind::kCommune) {
    throw RuleBroken(
        "not_a_commune",
        "Quyết định thành lập tổ do Chủ tịch UBND xã ban hành: " + commune.name +
            " không phải cấp xã.",
        "Decisions are issued by a commune's chairman: " + commune.name + " is not a commune.",
        "commune_id");
  }
  if (tx->FindDecisionByNumber(commune.id, number, in.date)) {
    throw Conflict(
        "duplicate_decision",
        "Quyết định số " + number + " ngày " + dates::Vietnamese(in.date) + " của " + commune.name +
            " đã được ghi nhận.",
        "Decision " + number + " of " + in.date + " of " + commune.name + " is already recorded.",
        "number");
  }
  const std::vector<store::Team> teams = TeamsOf(*tx, commune, in.team_ids);
  if (teams.empty()) {
    throw RuleBroken("no_teams", "Quyết định phải nêu ít nhất một tổ công nghệ số cộng đồng.",
                     "A decision must name at least one team.", "team_ids");
  }

  store::Decision d;
  d.commune_id = commune.id;
  d.number = number;
  d.date = in.date;
  d.signer = signer;
  d.kind = in.kind;
  d.snapshot_json = Snapshot(*tx, commune, teams).dump();
  d.created_by = caller.audit_account();
  d.created_at = ctx.NowTimestamp();
  d = tx->InsertDecision(d);
  Audit(*tx, ctx, caller, "create", {"decision", d.id, commune.path}, std::nullopt,
        DecisionJson(d, true));

  if (d.kind == "establish") {
    for (const store::Team& t : teams) {
      if (t.established_by) continue;  // a team keeps its first establishing decision
      tx->SetTeamEstablishedBy(t.id, d.id);
      store::Team after = t;
      after.established_by = d.id;
      Audit(*tx, ctx, caller, "update", {"team", t.id, TeamTarget(*tx, t).unit_path, t.id},
            ToJson(t), ToJson(after));
    }
  }
  tx->Commit();
  return d;
}

store::Decision GetDecision(Context& ctx, const Caller& caller, store::Id id) {
  auto tx = ctx.Begin(store::Access::kRead);
  store::Decision d = RequireDecision(*tx, id);
  Require(caller, Ability::kRead, UnitTarget(RequireUnit(*tx, d.commune_id)));
  return d;
}

store::Page<store::Decision> ListDecisions(Context& ctx, const Caller& caller,
                                           std::optional<store::Id> commune_id, int limit,
                                           int offset) {
  auto tx = ctx.Begin(store::Access::kRead);
  if (commune_id) RequireUnit(*tx, *commune_id, "commune");
  return tx->ListDecisions(ScopeFor(caller), commune_id, limit, offset);
}

}  // namespace cnscd::app
