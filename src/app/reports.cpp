// The reporting cycle: each use case opens one transaction, checks the caller's reach, applies
// core/reporting's rules, writes and audits. Figures are counted from the records of the period
// (store Activity, summed by core/reporting), never typed: a report shows what the work says.
// Due dates are app/reporting_policy's, the status below a unit app/reporting_status's, the
// consolidated file app/consolidated_report's.
#include "app/reports.hpp"

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/reporting_policy.hpp"
#include "app/reporting_status.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"
#include "core/error.hpp"
#include "core/text_input.hpp"

namespace cnscd::app {

using reporting::ReportKind;
using reporting::ReportStatus;
using reporting::Timeliness;

namespace {

constexpr std::size_t kMaxText = 5000;
constexpr std::size_t kMaxReason = 1000;

// --- reach --------------------------------------------------------------------------------------

// The unit whose officers decide on a report: a team's commune, a commune's parent (district, or
// province in the two-level shape), a district's province.
store::Unit DeciderUnit(store::Transaction& tx, const store::Report& r) {
  store::Unit unit = RequireUnit(tx, r.unit_id);
  if (r.team_id && unit.kind == UnitKind::kCommune) return unit;  // a commune-level team
  if (!unit.parent_id) return unit;
  return RequireUnit(tx, *unit.parent_id);
}

Target WriterTarget(store::Transaction& tx, const store::Report& r) {
  if (r.team_id) return TeamTarget(tx, RequireTeam(tx, *r.team_id));
  return Target{r.unit_path, std::nullopt};
}

// A team report is the leader's act (kNominate) or an officer's for the team (kManage); a unit's
// report is its officers'.
void RequireWriter(const Caller& caller, const Target& target, bool team) {
  if (team && Allows(caller.held, Ability::kNominate, target)) return;
  Require(caller, Ability::kManage, target);
}

// --- figures --------------------------------------------------------------------------------

Json Sessions(const reporting::TrainingFigures& t) {
  return {{"sessions", t.sessions}, {"attendance", t.attendance}};
}

Json FiguresJson(const reporting::Figures& f, const reporting::Period& period) {
  Json services = Json::array();
  for (const reporting::ServiceFigures& s : f.by_service) {
    services.push_back(
        {{"service", s.code}, {"name", s.name}, {"records", s.records}, {"citizens", s.citizens}});
  }
  Json trainings = Sessions(f.trainings);
  trainings["by_audience"] = {{"members", Sessions(f.members_trained)},
                              {"residents", Sessions(f.residents_trained)}};
  Json j{{"from", period.FirstDay()},
         {"to", period.LastDay()},
         {"support", {{"records", f.records}, {"citizens", f.citizens}, {"by_service", services}}},
         {"trainings", trainings},
         {"propaganda", {{"events", f.events}, {"attendance", f.event_attendance}}},
         {"teams", f.teams},
         {"members", f.members},
         {"collaborators", f.collaborators}};
  if (const auto& below = f.reports_below) {
    j["reports_below"] = {{"kind", reporting::ToString(below->kind)},
                          {"expected", below->expected},
                          {"submitted", below->submitted},
                          {"approved", below->approved}};
  }
  return j;
}

// A report's figures: counted from the period's records (a team's own, or the unit's subtree's),
// and for a unit's monthly report the reports of the level below.
Json ComputeFigures(store::Transaction& tx, const store::Report& r) {
  const ReportKind kind = reporting::RequireReportKind(r.kind);
  const reporting::Period period = reporting::ParsePeriod(kind, r.period);
  const store::Unit unit = RequireUnit(tx, r.unit_id);
  reporting::Tally t;
  for (const auto& row : tx.Activity(unit, r.team_id, period.FirstDay(), period.LastDay())) {
    t.Add(row.what, row.n);
  }
  reporting::Figures figures = reporting::FiguresOf(t);
  if ((figures.reports_below = reporting::LevelBelow(kind))) {
    std::vector<reporting::ExpectedReport> below;
    for (const store::Reporter& rep :
         tx.Reporters(unit, figures.reports_below->of,
                      std::string(reporting::ToString(figures.reports_below->kind)), r.period,
                      period.LastDay(), store::Scope{.everything = true})) {
      if (!rep.report) {
        below.emplace_back();
      } else {
        below.push_back({reporting::ParseReportStatus(rep.report->status),
                         rep.report->first_submitted_at.has_value()});
      }
    }
    reporting::CountReportsBelow(*figures.reports_below, below);
  }
  return FiguresJson(figures, period);
}

ReportView ViewOf(store::Transaction& tx, const Context& ctx, const store::Report& r) {
  ReportView v{r, Json(), TimelinessOf(r, ctx.Today())};
  const auto status = reporting::ParseReportStatus(r.status).value_or(ReportStatus::kDraft);
  if (reporting::IsOpen(status)) {
    v.figures = ComputeFigures(tx, r);
  } else {
    v.figures = Json::parse(r.figures, nullptr, false);
    if (v.figures.is_discarded()) v.figures = Json::object();
  }
  return v;
}

// The audit's snapshot: the state and the text, not the figures (they are in the report).
Json AuditJson(const store::Report& r) {
  ReportView v{r, Json(), Timeliness::kPending};
  Json j = ReportJson(v, false);
  j.erase("timeliness");
  return j;
}

store::Report LoadReport(store::Transaction& tx, store::Id id) {
  auto r = tx.FindReport(id);
  if (!r) throw NotFound("báo cáo", "report", "id");
  return *r;
}

// Writes a move of the state machine, audited as `action`.
ReportView Move(Context& ctx, const Caller& caller, store::Id id, reporting::ReportAction action,
                const std::optional<std::string>& reason) {
  auto tx = ctx.Begin(store::Access::kWrite);
  store::Report r = LoadReport(*tx, id);
  const Target writer = WriterTarget(*tx, r);
  Require(caller, Ability::kRead, writer);  // out of scope: 403 before anything else
  if (action == reporting::ReportAction::kSubmit) {
    RequireWriter(caller, writer, r.team_id.has_value());
  } else {
    Require(caller, Ability::kManage, UnitTarget(DeciderUnit(*tx, r)));
  }
  std::optional<std::string> cleaned_reason;
  if (action == reporting::ReportAction::kReturn) {
    cleaned_reason = reason ? input::Paragraphs(*reason, "reason", kMaxReason) : std::string();
    if (cleaned_reason->empty()) {
      throw RuleBroken("reason_required", "Cần nêu lý do trả lại báo cáo.",
                       "A reason is required to return a report.", "reason");
    }
  }
  const auto from = reporting::ParseReportStatus(r.status).value_or(ReportStatus::kDraft);
  const ReportStatus to = reporting::Transition(from, action);
  const Json before = AuditJson(r);
  const std::string now = ctx.NowTimestamp();
  r.status = std::string(reporting::ToString(to));
  r.updated_at = now;
  std::string verb;
  switch (action) {
    case reporting::ReportAction::kSubmit:
      verb = "submit";
      r.figures = ComputeFigures(*tx, r).dump();  // frozen from now on
      if (!r.first_submitted_at) r.first_submitted_at = now;
      r.submitted_at = now;
      r.submitted_by = caller.audit_account();
      r.decided_at.reset();
      r.decided_by.reset();
      break;
    case reporting::ReportAction::kApprove:
      verb = "approve";
      r.decided_at = now;
      r.decided_by = caller.audit_account();
      r.return_reason.reset();
      break;
    case reporting::ReportAction::kReturn:
      verb = "return";
      r.decided_at = now;
      r.decided_by = caller.audit_account();
      r.return_reason = cleaned_reason;
      break;
  }
  tx->UpdateReport(r);
  Audit(*tx, ctx, caller, verb, {"report", r.id, r.unit_path, r.team_id}, before, AuditJson(r));
  ReportView view = ViewOf(*tx, ctx, r);
  tx->Commit();
  return view;
}

}  // namespace

Json ReportJson(const ReportView& v, bool with_figures) {
  const store::Report& r = v.report;
  auto opt = [](const auto& o) { return o ? Json(*o) : Json(nullptr); };
  Json j{{"id", r.id},
         {"kind", r.kind},
         {"unit_id", r.unit_id},
         {"team_id", opt(r.team_id)},
         {"period", r.period},
         {"status", r.status},
         {"due_date", r.due_date},
         {"results", r.results},
         {"difficulties", r.difficulties},
         {"proposals", r.proposals},
         {"created_at", r.created_at},
         {"first_submitted_at", opt(r.first_submitted_at)},
         {"submitted_at", opt(r.submitted_at)},
         {"decided_at", opt(r.decided_at)},
         {"return_reason", opt(r.return_reason)},
         {"timeliness", reporting::ToString(v.timeliness)}};
  if (with_figures) j["figures"] = v.figures;
  return j;
}

ReportView CreateReport(Context& ctx, const Caller& caller, const ReportInput& in) {
  const ReportKind kind = reporting::RequireReportKind(in.kind);
  const reporting::Period period = reporting::ParsePeriod(kind, in.period);
  const std::string today = ctx.Today();
  if (period.FirstDay() > today) {
    throw RuleBroken("future_period", "Kỳ báo cáo " + period.ToString() + " chưa bắt đầu.",
                     "The period " + period.ToString() + " has not begun.", "period");
  }
  auto tx = ctx.Begin(store::Access::kWrite);
  store::Report r;
  r.kind = std::string(reporting::ToString(kind));
  r.period = period.ToString();
  store::Unit unit;
  if (kind == ReportKind::kTeamMonthly) {
    if (!in.team_id) {
      throw RuleBroken("required", "Báo cáo của tổ cần team_id.", "A team report needs team_id.",
                       "team_id");
    }
    const store::Team team = RequireTeam(*tx, *in.team_id, "team_id");
    const Target target = TeamTarget(*tx, team);
    Require(caller, Ability::kRead, target);
    RequireWriter(caller, target, true);
    if (team.status != "active") {
      throw RuleBroken("team_not_active", "Tổ này không còn hoạt động.",
                       "This team is no longer active.", "team_id");
    }
    unit = RequireUnit(*tx, team.unit_id);
    r.team_id = team.id;
  } else {
    if (!in.unit_id) {
      throw RuleBroken("required", "Báo cáo của đơn vị cần unit_id.",
                       "A unit's report needs unit_id.", "unit_id");
    }
    unit = RequireUnit(*tx, *in.unit_id, "unit_id");
    Require(caller, Ability::kManage, UnitTarget(unit));
    const UnitKind expected =
        kind == ReportKind::kDistrictMonthly ? UnitKind::kDistrict : UnitKind::kCommune;
    if (unit.kind != expected) {
      const std::string k(ToString(expected));
      throw RuleBroken("wrong_unit_kind",
                       "Báo cáo loại " + r.kind + " phải của một đơn vị cấp " +
                           (expected == UnitKind::kDistrict ? "huyện" : "xã") + ".",
                       "A " + r.kind + " report belongs to a " + k + ".", "unit_id");
    }
  }
  r.unit_id = unit.id;
  r.unit_path = unit.path;
  if (const auto existing = tx->FindReportOf(r.kind, r.unit_id, r.team_id, r.period)) {
    const std::string id = std::to_string(existing->id);
    throw Conflict("report_exists", "Báo cáo kỳ này đã được lập (mã " + id + ").",
                   "This period's report exists already (id " + id + ").");
  }
  r.status = "draft";
  r.due_date = reporting::DueDate(kind, period, DuePolicyAt(*tx, unit, kind));
  r.figures = "{}";  // computed live while open
  r.created_by = caller.audit_account();
  r.created_at = r.updated_at = ctx.NowTimestamp();
  store::Report made = tx->InsertReport(r);
  Audit(*tx, ctx, caller, "create", {"report", made.id, made.unit_path, made.team_id}, std::nullopt,
        AuditJson(made));
  ReportView view = ViewOf(*tx, ctx, made);
  tx->Commit();
  return view;
}

ReportView GetReport(Context& ctx, const Caller& caller, store::Id id) {
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Report r = LoadReport(*tx, id);
  // A report filed before a reform stays on its old unit, read by the officers it went to.
  RequireHistory(*tx, caller, Ability::kRead, WriterTarget(*tx, r));
  return ViewOf(*tx, ctx, r);
}

ReportView EditReport(Context& ctx, const Caller& caller, store::Id id, const ReportText& text) {
  std::optional<std::string> results;
  std::optional<std::string> difficulties;
  std::optional<std::string> proposals;
  if (text.results) results = input::Paragraphs(*text.results, "results", kMaxText);
  if (text.difficulties) {
    difficulties = input::Paragraphs(*text.difficulties, "difficulties", kMaxText);
  }
  if (text.proposals) proposals = input::Paragraphs(*text.proposals, "proposals", kMaxText);
  auto tx = ctx.Begin(store::Access::kWrite);
  store::Report r = LoadReport(*tx, id);
  const Target writer = WriterTarget(*tx, r);
  Require(caller, Ability::kRead, writer);
  RequireWriter(caller, writer, r.team_id.has_value());
  const auto status = reporting::ParseReportStatus(r.status).value_or(ReportStatus::kDraft);
  if (!reporting::IsOpen(status)) {
    throw Conflict("report_closed",
                   "Báo cáo đang ở trạng thái " + r.status +
                       ": chỉ sửa được bản nháp hoặc báo "
                       "cáo bị trả lại.",
                   "The report is " + r.status + ": only a draft or a returned report can change.",
                   "status");
  }
  const Json before = AuditJson(r);
  if (results) r.results = *results;
  if (difficulties) r.difficulties = *difficulties;
  if (proposals) r.proposals = *proposals;
  r.updated_at = ctx.NowTimestamp();
  tx->UpdateReport(r);
  Audit(*tx, ctx, caller, "update", {"report", r.id, r.unit_path, r.team_id}, before, AuditJson(r));
  ReportView view = ViewOf(*tx, ctx, r);
  tx->Commit();
  return view;
}

ReportView SubmitReport(Context& ctx, const Caller& caller, store::Id id) {
  return Move(ctx, caller, id, reporting::ReportAction::kSubmit, std::nullopt);
}

ReportView ApproveReport(Context& ctx, const Caller& caller, store::Id id) {
  return Move(ctx, caller, id, reporting::ReportAction::kApprove, std::nullopt);
}

ReportView ReturnReport(Context& ctx, const Caller& caller, store::Id id,
                        const std::optional<std::string>& reason) {
  return Move(ctx, caller, id, reporting::ReportAction::kReturn, reason);
}

store::Page<ReportView> ListReports(Context& ctx, const Caller& caller, const ReportFilters& f) {
  store::ReportQuery q;
  if (f.kind) q.kind = std::string(reporting::ToString(reporting::RequireReportKind(*f.kind)));
  if (f.period) {
    const ReportKind k =
        f.period->size() == 4 ? ReportKind::kCommuneAnnual : ReportKind::kTeamMonthly;
    q.period = reporting::ParsePeriod(k, *f.period).ToString();
  }
  if (f.status) {
    if (!reporting::ParseReportStatus(*f.status)) {
      throw RuleBroken("unknown_status",
                       "Trạng thái phải là draft, submitted, approved hoặc returned.",
                       "The status must be draft, submitted, approved or returned.", "status");
    }
    q.status = f.status;
  }
  auto tx = ctx.Begin(store::Access::kRead);
  // Reports filed before a reform under units now closed are read by the officers of the units
  // they went into, listed with them.
  q.scope = WithHistory(*tx, ScopeFor(caller));
  if (f.unit_id) {
    q.within_unit_path = RequireUnit(*tx, *f.unit_id, "unit_id").path;
    q.within_history = WithHistory(*tx, store::Scope{false, {*q.within_unit_path}, {}, {}});
  }
  q.limit = f.limit;
  q.offset = f.offset;
  const store::Page<store::Report> page = tx->ListReports(q);
  store::Page<ReportView> out;
  out.total = page.total;
  const std::string today = ctx.Today();
  for (const store::Report& r : page.items) {
    out.items.push_back({r, Json(), TimelinessOf(r, today)});
  }
  return out;
}

}  // namespace cnscd::app
