// The reporting cycle: each use case opens one transaction, checks the caller's reach, applies
// core/reporting's rules, writes and audits. Figures are counted from the records of the period
// (store Activity), never typed: a report shows what the work says.
#include "app/reports.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/teams.hpp"
#include "app/units.hpp"
#include "core/error.hpp"
#include "core/service.hpp"
#include "core/text.hpp"
#include "documents/consolidated_report.hpp"

namespace cnscd::app {

using reporting::ReportKind;
using reporting::ReportStatus;
using reporting::Timeliness;

namespace {

constexpr std::size_t kMaxText = 5000;
constexpr std::size_t kMaxReason = 1000;

store::Scope Everything() {
  store::Scope s;
  s.everything = true;
  return s;
}

// --- text ---------------------------------------------------------------------------------------

// NFC, each line's white space collapsed, blank lines at the ends dropped and runs of them kept
// as one: a report's text keeps its paragraphs (text::Clean alone would join them).
std::string CleanParagraphs(const std::string& raw, const std::string& field, std::size_t max) {
  if (!text::IsValidUtf8(raw)) {
    throw Malformed("invalid_utf8", "Văn bản không phải UTF-8 hợp lệ.", "Text is not valid UTF-8.",
                    field);
  }
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t end = raw.find('\n', start);
    if (end == std::string::npos) end = raw.size();
    std::string line = text::Clean(raw.substr(start, end - start));
    if (!line.empty() || (!lines.empty() && !lines.back().empty())) lines.push_back(line);
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i == 0 ? "" : "\n") + lines[i];
  if (text::Length(out) > max) {
    throw RuleBroken("too_long", "Văn bản quá dài (tối đa " + std::to_string(max) + " ký tự).",
                     "The text is too long (at most " + std::to_string(max) + " characters).",
                     field);
  }
  return out;
}

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

// --- policies -------------------------------------------------------------------------------

std::optional<store::Unit> ProvinceOf(store::Transaction& tx, const store::Unit& unit) {
  if (unit.kind == UnitKind::kProvince) return unit;
  const std::vector<store::Unit> up = tx.Ancestors(unit);
  if (!up.empty() && up.front().kind == UnitKind::kProvince) return up.front();
  return std::nullopt;
}

std::vector<PolicyItem> PoliciesAt(store::Transaction& tx,
                                   const std::optional<store::Unit>& province) {
  std::map<std::string, store::ReportingPolicyRow> own;
  if (province) {
    for (const auto& row : tx.ReportingPolicies(province->id)) own[row.kind] = row;
  }
  std::vector<PolicyItem> out;
  for (const ReportKind k : reporting::ReportKinds()) {
    PolicyItem item{k, reporting::DefaultPolicy(k), true};
    if (const auto it = own.find(std::string(reporting::ToString(k))); it != own.end()) {
      item.policy = {it->second.due_day, it->second.month_offset, it->second.due_month};
      item.is_default = false;
    }
    out.push_back(item);
  }
  return out;
}

reporting::DuePolicy PolicyFor(const std::vector<PolicyItem>& items, ReportKind kind) {
  for (const PolicyItem& i : items) {
    if (i.kind == kind) return i.policy;
  }
  return reporting::DefaultPolicy(kind);
}

// --- figures --------------------------------------------------------------------------------

using Tally = std::map<std::string, std::int64_t>;

void Add(Tally& t, const store::ActivityRow& row) { t[row.what] += row.n; }

std::int64_t Get(const Tally& t, const std::string& key) {
  const auto it = t.find(key);
  return it == t.end() ? 0 : it->second;
}

std::int64_t SumPrefix(const Tally& t, const std::string& prefix) {
  std::int64_t n = 0;
  for (const auto& [key, value] : t) {
    if (key.starts_with(prefix)) n += value;
  }
  return n;
}

// The services to list: the built-in catalogue, then any other code the records name.
std::vector<std::string> ServicesIn(const Tally& t) {
  std::vector<std::string> codes;
  for (const Service& s : BuiltinServices()) codes.push_back(s.code);
  for (const auto& [key, value] : t) {
    for (const std::string prefix : {"records:", "citizens:"}) {
      if (!key.starts_with(prefix)) continue;
      const std::string code = key.substr(prefix.size());
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
  }
  return codes;
}

std::string ServiceName(const std::string& code) {
  const Service* s = FindBuiltinService(code);
  return s == nullptr ? code : s->name_vi;
}

Json FiguresJson(const Tally& t, const reporting::Period& period) {
  Json services = Json::array();
  for (const std::string& code : ServicesIn(t)) {
    services.push_back({{"service", code},
                        {"name", ServiceName(code)},
                        {"records", Get(t, "records:" + code)},
                        {"citizens", Get(t, "citizens:" + code)}});
  }
  Json audiences = Json::object();
  for (const std::string audience : {"members", "residents"}) {
    audiences[audience] = {{"sessions", Get(t, "sessions:" + audience)},
                           {"attendance", Get(t, "attendance:" + audience)}};
  }
  return Json{
      {"from", period.FirstDay()},
      {"to", period.LastDay()},
      {"support",
       {{"records", SumPrefix(t, "records:")},
        {"citizens", SumPrefix(t, "citizens:")},
        {"by_service", services}}},
      {"trainings",
       {{"sessions", SumPrefix(t, "sessions:")},
        {"attendance", SumPrefix(t, "attendance:")},
        {"by_audience", audiences}}},
      {"propaganda", {{"events", Get(t, "events")}, {"attendance", Get(t, "event_attendance")}}},
      {"teams", Get(t, "teams")},
      {"members", Get(t, "members")},
      {"collaborators", Get(t, "collaborators")}};
}

// The level below a unit report, whose reports it counts: (of, kind); none for annual reports.
std::optional<std::pair<std::string, ReportKind>> LevelBelow(ReportKind kind) {
  switch (kind) {
    case ReportKind::kCommuneMonthly:
      return std::make_pair(std::string("teams"), ReportKind::kTeamMonthly);
    case ReportKind::kDistrictMonthly:
      return std::make_pair(std::string("communes"), ReportKind::kCommuneMonthly);
    default:
      return std::nullopt;
  }
}

Json ComputeFigures(store::Transaction& tx, const store::Report& r) {
  const ReportKind kind = reporting::RequireReportKind(r.kind);
  const reporting::Period period = reporting::ParsePeriod(kind, r.period);
  const store::Unit unit = RequireUnit(tx, r.unit_id);
  Tally t;
  for (const auto& row : tx.Activity(unit, r.team_id, period.FirstDay(), period.LastDay())) {
    Add(t, row);
  }
  Json figures = FiguresJson(t, period);
  if (const auto below = LevelBelow(kind)) {
    const auto reporters =
        tx.Reporters(unit, below->first, std::string(reporting::ToString(below->second)), r.period,
                     Everything());
    std::int64_t submitted = 0;
    std::int64_t approved = 0;
    for (const store::Reporter& rep : reporters) {
      if (rep.report && rep.report->first_submitted_at) ++submitted;
      if (rep.report && rep.report->status == "approved") ++approved;
    }
    figures["reports_below"] = {{"kind", reporting::ToString(below->second)},
                                {"expected", reporters.size()},
                                {"submitted", submitted},
                                {"approved", approved}};
  }
  return figures;
}

Timeliness TimelinessOf(const store::Report& r, const std::string& today) {
  const std::optional<std::string> first =
      r.first_submitted_at
          ? std::optional<std::string>(reporting::VietnamDate(*r.first_submitted_at))
          : std::nullopt;
  return reporting::Judge(r.due_date, first, today);
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
  auto tx = ctx.store.Begin(store::Access::kWrite);
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
    cleaned_reason = reason ? CleanParagraphs(*reason, "reason", kMaxReason) : std::string();
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

// --- status ---------------------------------------------------------------------------------

bool HasChildOfKind(store::Transaction& tx, const store::Unit& unit, UnitKind kind) {
  store::UnitQuery q;
  q.parent_id = unit.id;
  q.kind = kind;
  q.limit = 1;
  return tx.ListUnits(q, Everything()).total > 0;
}

Error BadOf(const std::string& of, const store::Unit& unit) {
  return RuleBroken("bad_of",
                    "Không thể xem báo cáo của cấp \"" + of + "\" dưới " + unit.name +
                        " (of nhận teams, communes hoặc districts, thấp hơn đơn vị).",
                    "Cannot list \"" + of + "\" below " + std::string(ToString(unit.kind)) +
                        " (of takes teams, communes or districts below the unit).",
                    "of");
}

ReportingStatus ComputeStatus(store::Transaction& tx, const Context& ctx, const Caller& caller,
                              const store::Unit& unit, const std::string& period_text,
                              const std::optional<std::string>& of_in) {
  const bool annual = period_text.size() == 4;
  ReportingStatus out;
  out.unit = unit;
  std::string of;
  if (of_in && !of_in->empty()) {
    of = *of_in;
  } else if (annual || unit.kind == UnitKind::kDistrict) {
    of = "communes";
  } else if (unit.kind == UnitKind::kProvince) {
    of = HasChildOfKind(tx, unit, UnitKind::kDistrict) ? "districts" : "communes";
  } else {
    of = "teams";
  }
  const bool above_commune = unit.kind == UnitKind::kProvince || unit.kind == UnitKind::kDistrict;
  if (of == "teams" && !annual) {
    out.kind = ReportKind::kTeamMonthly;
  } else if (of == "communes" && above_commune) {
    out.kind = annual ? ReportKind::kCommuneAnnual : ReportKind::kCommuneMonthly;
  } else if (of == "districts" && unit.kind == UnitKind::kProvince && !annual) {
    out.kind = ReportKind::kDistrictMonthly;
  } else {
    throw BadOf(of, unit);
  }
  const reporting::Period period = reporting::ParsePeriod(out.kind, period_text);
  out.period = period.ToString();
  out.of = of;
  const reporting::DuePolicy policy = PolicyFor(PoliciesAt(tx, ProvinceOf(tx, unit)), out.kind);
  const std::string due = reporting::DueDate(out.kind, period, policy);
  const std::string today = ctx.Today();
  std::vector<Timeliness> all;
  for (store::Reporter& rep : tx.Reporters(unit, of, std::string(reporting::ToString(out.kind)),
                                           out.period, ScopeFor(caller))) {
    StatusItem item;
    item.due_date = rep.report ? rep.report->due_date : due;
    item.timeliness = rep.report ? TimelinessOf(*rep.report, today)
                                 : reporting::Judge(item.due_date, std::nullopt, today);
    item.reporter = std::move(rep);
    all.push_back(item.timeliness);
    out.items.push_back(std::move(item));
  }
  out.summary = reporting::Summarize(all);
  return out;
}

// --- consolidated file --------------------------------------------------------------------------

std::string StatusVi(const std::optional<store::Report>& r) {
  if (!r) return "Chưa lập";
  if (r->status == "draft") return "Bản nháp";
  if (r->status == "submitted") return "Đã nộp";
  if (r->status == "approved") return "Đã duyệt";
  return "Bị trả lại";
}

std::string TimelinessVi(Timeliness t) {
  switch (t) {
    case Timeliness::kOnTime:
      return "Đúng hạn";
    case Timeliness::kLate:
      return "Muộn";
    case Timeliness::kMissing:
      return "Thiếu";
    case Timeliness::kPending:
      return "Chưa đến hạn";
  }
  return "";
}

// The rows' columns: the figures every reporter has.
const std::vector<std::pair<std::string, std::string>>& RowColumns() {
  static const std::vector<std::pair<std::string, std::string>> kColumns{
      {"records:", "Lượt hỗ trợ"},
      {"citizens:", "Người dân được hỗ trợ mới"},
      {"sessions:", "Buổi tập huấn"},
      {"attendance:", "Lượt người dự tập huấn"},
      {"events", "Buổi tuyên truyền"},
      {"event_attendance", "Lượt người dự tuyên truyền"},
      {"teams", "Số tổ"},
      {"members", "Thành viên"},
  };
  return kColumns;
}

std::vector<std::int64_t> RowValues(const Tally& t) {
  std::vector<std::int64_t> v;
  for (const auto& [key, label] : RowColumns()) {
    v.push_back(key.back() == ':' ? SumPrefix(t, key) : Get(t, key));
  }
  return v;
}

// "Xã Nhơn Mỹ" -> "Xa-Nhon-My" (ASCII) and "Xã-Nhơn-Mỹ" (UTF-8, without what file systems refuse).
std::pair<std::string, std::string> Slugs(const std::string& name) {
  std::string ascii;
  std::string utf8;
  std::size_t start = 0;
  const std::string clean = text::Clean(name);
  while (start < clean.size()) {
    std::size_t end = clean.find(' ', start);
    if (end == std::string::npos) end = clean.size();
    const std::string word = clean.substr(start, end - start);
    start = end + 1;
    std::string a;
    for (const char c : text::Fold(word)) {
      if (std::isalnum(static_cast<unsigned char>(c)) != 0) a.push_back(c);
    }
    if (!a.empty() && text::Lower(word) != word) {
      a[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(a[0])));
    }
    std::string u;
    for (const char c : word) {
      if (std::string_view("/\\:*?\"<>|").find(c) == std::string_view::npos &&
          static_cast<unsigned char>(c) >= 0x20) {
        u.push_back(c);
      }
    }
    if (!a.empty()) ascii += (ascii.empty() ? "" : "-") + a;
    if (!u.empty()) utf8 += (utf8.empty() ? "" : "-") + u;
  }
  return {ascii.empty() ? "Don-vi" : ascii, utf8.empty() ? "Đơn-vị" : utf8};
}

std::string DayMonthYear(const std::string& ymd) {
  return ymd.substr(8, 2) + "/" + ymd.substr(5, 2) + "/" + ymd.substr(0, 4);
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
  auto tx = ctx.store.Begin(store::Access::kWrite);
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
  r.due_date =
      reporting::DueDate(kind, period, PolicyFor(PoliciesAt(*tx, ProvinceOf(*tx, unit)), kind));
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
  auto tx = ctx.store.Begin(store::Access::kRead);
  const store::Report r = LoadReport(*tx, id);
  // A report filed before a reform stays on its old unit, read by the officers it went to.
  RequireHistory(*tx, caller, Ability::kRead, WriterTarget(*tx, r));
  return ViewOf(*tx, ctx, r);
}

ReportView EditReport(Context& ctx, const Caller& caller, store::Id id, const ReportText& text) {
  std::optional<std::string> results;
  std::optional<std::string> difficulties;
  std::optional<std::string> proposals;
  if (text.results) results = CleanParagraphs(*text.results, "results", kMaxText);
  if (text.difficulties) {
    difficulties = CleanParagraphs(*text.difficulties, "difficulties", kMaxText);
  }
  if (text.proposals) proposals = CleanParagraphs(*text.proposals, "proposals", kMaxText);
  auto tx = ctx.store.Begin(store::Access::kWrite);
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
  auto tx = ctx.store.Begin(store::Access::kRead);
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

std::vector<PolicyItem> PutReportingPolicy(Context& ctx, const Caller& caller, store::Id unit_id,
                                           std::string_view kind_text,
                                           const reporting::DuePolicy& policy) {
  const ReportKind kind = reporting::RequireReportKind(kind_text);
  reporting::CheckPolicy(kind, policy);
  auto tx = ctx.store.Begin(store::Access::kWrite);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kManage, UnitTarget(unit));
  if (unit.kind != UnitKind::kProvince) {
    throw RuleBroken("not_a_province", "Hạn nộp báo cáo do cấp tỉnh quy định.",
                     "Due dates are set by a province.", "unit_id");
  }
  const std::vector<PolicyItem> before_items = PoliciesAt(*tx, unit);
  const reporting::DuePolicy old = PolicyFor(before_items, kind);
  auto json_of = [&](const reporting::DuePolicy& p) {
    return Json{{"kind", reporting::ToString(kind)},
                {"due_day", p.due_day ? Json(*p.due_day) : Json()},
                {"month_offset", p.month_offset},
                {"due_month", p.due_month ? Json(*p.due_month) : Json()}};
  };
  tx->PutReportingPolicy({unit.id, std::string(reporting::ToString(kind)), policy.due_day,
                          policy.month_offset, policy.due_month});
  Audit(*tx, ctx, caller, "update", {"reporting_policy", unit.id, unit.path}, json_of(old),
        json_of(policy));
  std::vector<PolicyItem> out = PoliciesAt(*tx, unit);
  tx->Commit();
  return out;
}

std::vector<PolicyItem> GetReportingPolicy(Context& ctx, const Caller& caller, store::Id unit_id) {
  auto tx = ctx.store.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  return PoliciesAt(*tx, ProvinceOf(*tx, unit));
}

ReportingStatus GetReportingStatus(Context& ctx, const Caller& caller, store::Id unit_id,
                                   const std::string& period,
                                   const std::optional<std::string>& of) {
  auto tx = ctx.store.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  return ComputeStatus(*tx, ctx, caller, unit, period, of);
}

ReportFile ConsolidatedReport(Context& ctx, const Caller& caller, store::Id unit_id,
                              const std::string& period_text, std::string_view format) {
  if (format != "xlsx" && format != "pdf") {
    throw RuleBroken("invalid_format", "Định dạng phải là xlsx hoặc pdf.",
                     "The format must be xlsx or pdf.", "format");
  }
  auto tx = ctx.store.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  if (unit.kind == UnitKind::kVillage) {
    throw RuleBroken("not_a_commune_or_above",
                     "Báo cáo tổng hợp lập cho xã, huyện hoặc tỉnh, không cho thôn.",
                     "A consolidated report is for a commune, district or province, not a "
                     "village.",
                     "unit_id");
  }
  const ReportingStatus status = ComputeStatus(*tx, ctx, caller, unit, period_text, std::nullopt);
  const reporting::Period period = reporting::ParsePeriod(status.kind, status.period);
  const std::string from = period.FirstDay();
  const std::string to = period.LastDay();

  // The subtree's figures, and each reporter's: teams read their own work, units their subtree.
  Tally total;
  const std::vector<store::ActivityRow> activity = tx->Activity(unit, std::nullopt, from, to);
  for (const auto& row : activity) Add(total, row);
  documents::ConsolidatedReport doc;
  doc.unit_name = unit.name;
  doc.period_label =
      period.month == 0 ? "Năm " + std::to_string(period.year)
                        : "Tháng " + status.period.substr(5, 2) + "/" + std::to_string(period.year);
  doc.generated_on = DayMonthYear(ctx.Today());
  doc.reporter_label = status.of == "teams"      ? "Tổ công nghệ số cộng đồng"
                       : status.of == "communes" ? "Xã, phường, thị trấn"
                                                 : "Quận, huyện, thị xã";
  for (const auto& [key, label] : RowColumns()) doc.columns.push_back(label);
  const std::vector<std::int64_t> totals = RowValues(total);
  for (std::size_t i = 0; i < totals.size(); ++i) doc.totals.push_back({doc.columns[i], totals[i]});
  for (const std::string& code : ServicesIn(total)) {
    doc.by_service.push_back({ServiceName(code) + " — lượt hỗ trợ", Get(total, "records:" + code)});
    doc.by_service.push_back(
        {ServiceName(code) + " — người được hỗ trợ mới", Get(total, "citizens:" + code)});
  }
  std::map<store::Id, std::string> usernames;
  for (const StatusItem& item : status.items) {
    const store::Reporter& rep = item.reporter;
    Tally t;
    if (rep.team_id) {
      const store::Unit team_unit = RequireUnit(*tx, rep.unit_id);
      for (const auto& row : tx->Activity(team_unit, rep.team_id, from, to)) Add(t, row);
    } else {
      for (const auto& row : activity) {
        if (row.path.starts_with(rep.unit_path)) Add(t, row);
      }
    }
    doc.rows.push_back(
        {rep.name, RowValues(t), StatusVi(rep.report), TimelinessVi(item.timeliness)});
    const bool sent =
        rep.report && (rep.report->status == "submitted" || rep.report->status == "approved");
    if (sent && (!rep.report->difficulties.empty() || !rep.report->proposals.empty())) {
      std::string by;
      if (const auto account = rep.report->submitted_by) {
        auto it = usernames.find(*account);
        if (it == usernames.end()) {
          const auto a = tx->FindAccount(*account);
          it = usernames
                   .emplace(*account,
                            a ? (a->full_name.empty() ? a->username : a->full_name) : std::string())
                   .first;
        }
        by = it->second;
      }
      doc.quotes.push_back({rep.name, by, rep.report->difficulties, rep.report->proposals});
    }
  }
  const reporting::StatusSummary& s = status.summary;
  doc.summary = {{"Số báo cáo phải nộp", s.expected},
                 {"Đã nộp", s.submitted},
                 {"Đúng hạn", s.on_time},
                 {"Muộn", s.late},
                 {"Thiếu (quá hạn chưa nộp)", s.missing},
                 {"Chưa đến hạn", s.pending}};
  doc.completeness = s.completeness;
  doc.timeliness = s.timeliness;

  ReportFile file;
  const auto [ascii, utf8] = Slugs(unit.name);
  const std::string stem = "-" + status.period + "." + std::string(format);
  file.filename = "BaoCao-TongHop-" + ascii + stem;
  file.filename_utf8 = "Báo-cáo-tổng-hợp-" + utf8 + stem;
  if (format == "xlsx") {
    file.bytes = documents::WriteConsolidatedXlsx(doc);
    file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  } else {
    file.bytes = documents::WriteConsolidatedPdf(doc);
    file.content_type = "application/pdf";
  }
  return file;
}

}  // namespace cnscd::app
