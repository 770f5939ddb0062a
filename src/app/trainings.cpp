// Training sessions and propaganda events: one write transaction per entry; a resend is
// recognised first and changes nothing; the field rules are core's (core/training.hpp).
#include "app/trainings.hpp"

#include <stdexcept>
#include <utility>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/teams.hpp"
#include "core/dates.hpp"
#include "core/uuid.hpp"

namespace cnscd::app {
namespace {

void RequireUuid(const std::string& id) {
  if (!IsUuid(id)) {
    throw RuleBroken("bad_id", "Mã (id) phải là một UUID do máy gửi tạo ra.",
                     "The id must be a UUID made by the sending device.", "id");
  }
}

// The team and the place of an entry, checked: 404 for unknown ids, 403 unless the caller may
// record for the team, 422 when the place is outside the team's area.
struct Placed {
  store::Team team;
  Target target;
  store::Unit unit;
};

Placed Place(store::Transaction& tx, const Caller& caller, std::optional<store::Id> team_id,
             std::optional<store::Id> unit_id) {
  if (!team_id) {
    throw RuleBroken("required", "Thiếu tổ (team_id).", "The field team_id is required.",
                     "team_id");
  }
  Placed p{RequireTeam(tx, *team_id, "team_id"), {}, {}};
  p.target = TeamTarget(tx, p.team);
  // Recording the team's work is a member's own act: the same reach as filing a request.
  Require(caller, Ability::kSubmitRequest, p.target);
  if (!unit_id) {
    throw RuleBroken("required", "Thiếu nơi tổ chức (unit_id).", "The field unit_id is required.",
                     "unit_id");
  }
  auto unit = tx.FindUnit(*unit_id);
  if (!unit) throw NotFound("đơn vị", "unit", "unit_id");
  if (!WithinTeamArea(p.team.level, p.team.unit_id, unit->kind, unit->id, unit->parent_id)) {
    throw RuleBroken("unit_outside_team", "Nơi tổ chức không thuộc địa bàn của tổ.",
                     "This place is outside the team's area.", "unit_id");
  }
  p.unit = std::move(*unit);
  return p;
}

std::vector<store::Id> CurrentMemberIds(store::Transaction& tx, store::Id team_id) {
  std::vector<store::Id> ids;
  for (const auto& m : tx.CurrentMembers(team_id)) ids.push_back(m.person.id);
  return ids;
}

Json Nullable(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
Json Nullable(const std::optional<store::Id>& n) { return n ? Json(*n) : Json(nullptr); }

// Scope for the lists: a team role sees its own team's entries, not those of other teams on
// its village (docs/decisions.md: a team role lists its own team only).
store::ActivityQuery QueryFor(store::Transaction& tx, const Caller& caller,
                              const ActivityFilters& f) {
  store::ActivityQuery q;
  q.scope = ScopeFor(caller);
  q.scope.single_unit_paths.clear();
  if (f.unit_id) {
    const auto unit = tx.FindUnit(*f.unit_id);
    if (!unit) throw NotFound("đơn vị", "unit", "unit_id");
    q.within_unit_path = unit->path;
  }
  if (f.team_id) {
    if (!tx.FindTeam(*f.team_id)) throw NotFound("tổ", "team", "team_id");
    q.team_id = f.team_id;
  }
  q.code = f.code;
  q.from = f.from;
  q.to = f.to;
  q.limit = f.limit;
  q.offset = f.offset;
  return q;
}

Error AlreadyVoided(const std::string& at) {
  return Conflict("already_voided", "Mục này đã bị hủy lúc " + dates::Vietnamese(at) + ".",
                  "This entry was already voided at " + at + ".", "id");
}

}  // namespace

Json ToJson(const store::TrainingSession& t) {
  return Json{{"id", t.id},
              {"team_id", t.team_id},
              {"unit_id", t.unit_id},
              {"date", t.date},
              {"audience", t.audience},
              {"topic", t.topic},
              {"title", t.title},
              {"attendance", t.attendance},
              {"households", t.households},
              {"member_ids", t.member_ids},
              {"recorded_by", Nullable(t.recorded_by)},
              {"recorded_at", t.recorded_at},
              {"voided_at", Nullable(t.voided_at)}};
}

Json ToJson(const store::PropagandaEvent& e) {
  return Json{{"id", e.id},
              {"team_id", e.team_id},
              {"unit_id", e.unit_id},
              {"date", e.date},
              {"kind", e.kind},
              {"attendance", e.attendance},
              {"note", Nullable(e.note)},
              {"member_ids", e.member_ids},
              {"recorded_by", Nullable(e.recorded_by)},
              {"recorded_at", e.recorded_at},
              {"voided_at", Nullable(e.voided_at)}};
}

Recorded<store::TrainingSession> RecordTraining(Context& ctx, const Caller& caller,
                                                const TrainingInput& in) {
  RequireUuid(in.id);
  auto tx = ctx.Begin(store::Access::kWrite);
  // A phone resending is answered with what is stored, whatever it sent this time.
  if (auto stored = tx->FindTrainingSession(in.id)) {
    Require(caller, Ability::kRead, TeamTarget(*tx, RequireTeam(*tx, stored->team_id)));
    return {std::move(*stored), true};
  }
  if (in.unreadable) throw *in.unreadable;
  const Placed p = Place(*tx, caller, in.team_id, in.unit_id);
  const CheckedTraining c = CheckTraining(in.draft, ctx.Today());
  CheckCurrentMembers(c.member_ids, CurrentMemberIds(*tx, p.team.id));
  store::TrainingSession t{.id = in.id,
                           .team_id = p.team.id,
                           .unit_id = p.unit.id,
                           .date = c.date,
                           .audience = c.audience,
                           .topic = c.topic,
                           .title = c.title,
                           .attendance = c.attendance,
                           .households = c.households,
                           .member_ids = c.member_ids,
                           .recorded_by = caller.audit_account(),
                           .recorded_at = ctx.NowTimestamp()};
  if (!tx->InsertTrainingSession(t)) throw std::logic_error("training session id taken");
  t.member_ids = tx->FindTrainingSession(t.id)->member_ids;  // as stored: by person id
  // The audit entity id is numeric: the session's UUID is in the snapshot.
  Audit(*tx, ctx, caller, "create", {"training_session", 0, p.target.unit_path, p.team.id},
        std::nullopt, ToJson(t));
  tx->Commit();
  return {std::move(t), false};
}

Recorded<store::PropagandaEvent> RecordEvent(Context& ctx, const Caller& caller,
                                             const EventInput& in) {
  RequireUuid(in.id);
  auto tx = ctx.Begin(store::Access::kWrite);
  if (auto stored = tx->FindPropagandaEvent(in.id)) {
    Require(caller, Ability::kRead, TeamTarget(*tx, RequireTeam(*tx, stored->team_id)));
    return {std::move(*stored), true};
  }
  if (in.unreadable) throw *in.unreadable;
  const Placed p = Place(*tx, caller, in.team_id, in.unit_id);
  const CheckedEvent c = CheckEvent(in.draft, ctx.Today());
  CheckCurrentMembers(c.member_ids, CurrentMemberIds(*tx, p.team.id));
  store::PropagandaEvent e{.id = in.id,
                           .team_id = p.team.id,
                           .unit_id = p.unit.id,
                           .date = c.date,
                           .kind = c.kind,
                           .attendance = c.attendance,
                           .note = c.note,
                           .member_ids = c.member_ids,
                           .recorded_by = caller.audit_account(),
                           .recorded_at = ctx.NowTimestamp()};
  if (!tx->InsertPropagandaEvent(e)) throw std::logic_error("propaganda event id taken");
  e.member_ids = tx->FindPropagandaEvent(e.id)->member_ids;
  Audit(*tx, ctx, caller, "create", {"propaganda_event", 0, p.target.unit_path, p.team.id},
        std::nullopt, ToJson(e));
  tx->Commit();
  return {std::move(e), false};
}

store::Page<store::TrainingSession> ListTrainings(Context& ctx, const Caller& caller,
                                                  const ActivityFilters& filters) {
  auto tx = ctx.Begin(store::Access::kRead);
  return tx->ListTrainingSessions(QueryFor(*tx, caller, filters));
}

store::Page<store::PropagandaEvent> ListEvents(Context& ctx, const Caller& caller,
                                               const ActivityFilters& filters) {
  auto tx = ctx.Begin(store::Access::kRead);
  return tx->ListPropagandaEvents(QueryFor(*tx, caller, filters));
}

store::TrainingSession VoidTraining(Context& ctx, const Caller& caller, const std::string& id) {
  auto tx = ctx.Begin(store::Access::kWrite);
  auto t = IsUuid(id) ? tx->FindTrainingSession(id) : std::nullopt;
  if (!t) throw NotFound("buổi tập huấn", "training session", "id");
  const Target target = TeamTarget(*tx, RequireTeam(*tx, t->team_id));
  Require(caller, Ability::kManage, target);
  if (t->voided_at) throw AlreadyVoided(*t->voided_at);
  const Json before = ToJson(*t);
  t->voided_at = ctx.NowTimestamp();
  tx->VoidTrainingSession(id, *t->voided_at);
  Audit(*tx, ctx, caller, "void", {"training_session", 0, target.unit_path, t->team_id}, before,
        ToJson(*t));
  tx->Commit();
  return *t;
}

store::PropagandaEvent VoidEvent(Context& ctx, const Caller& caller, const std::string& id) {
  auto tx = ctx.Begin(store::Access::kWrite);
  auto e = IsUuid(id) ? tx->FindPropagandaEvent(id) : std::nullopt;
  if (!e) throw NotFound("hoạt động tuyên truyền", "propaganda event", "id");
  const Target target = TeamTarget(*tx, RequireTeam(*tx, e->team_id));
  Require(caller, Ability::kManage, target);
  if (e->voided_at) throw AlreadyVoided(*e->voided_at);
  const Json before = ToJson(*e);
  e->voided_at = ctx.NowTimestamp();
  tx->VoidPropagandaEvent(id, *e->voided_at);
  Audit(*tx, ctx, caller, "void", {"propaganda_event", 0, target.unit_path, e->team_id}, before,
        ToJson(*e));
  tx->Commit();
  return *e;
}

std::int64_t RecountTrained(Context& ctx) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const std::int64_t rows = tx->RebuildTrainedCounts();
  tx->Commit();
  return rows;
}

}  // namespace cnscd::app
