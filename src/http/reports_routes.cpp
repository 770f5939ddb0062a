// /reports, /units/{id}/reporting-policy, /units/{id}/reporting-status and
// /units/{id}/consolidated-report: the monthly reporting cycle (docs/reporting.md).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "app/reports.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

std::optional<std::string> QueryText(const Call& call, const std::string& name) {
  const auto it = call.request.query.find(name);
  if (it == call.request.query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::string RequireQuery(const Call& call, const std::string& name) {
  auto v = QueryText(call, name);
  if (!v) {
    throw Malformed("bad_query", "Thiếu tham số " + name + ".", name + " is required.", name);
  }
  return *v;
}

// RFC 5987 ext-value for filename*=UTF-8''...: UTF-8 bytes percent-encoded but for attr-chars.
std::string PercentEncode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 ||
        std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

Response Render(int status, const app::ReportView& v) {
  return JsonResponse(status, app::ReportJson(v));
}

Response Create(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::ReportInput in;
  in.kind = RequireString(body, "kind");
  in.team_id = OptInt(body, "team_id");
  in.unit_id = OptInt(body, "unit_id");
  in.period = RequireString(body, "period");
  return Render(201, app::CreateReport(call.ctx, call.caller, in));
}

Response Get(Call& call) { return Render(200, app::GetReport(call.ctx, call.caller, call.ids[0])); }

Response Edit(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::ReportText text;
  text.results = OptString(body, "results");
  text.difficulties = OptString(body, "difficulties");
  text.proposals = OptString(body, "proposals");
  return Render(200, app::EditReport(call.ctx, call.caller, call.ids[0], text));
}

Response Submit(Call& call) {
  return Render(200, app::SubmitReport(call.ctx, call.caller, call.ids[0]));
}

Response Approve(Call& call) {
  return Render(200, app::ApproveReport(call.ctx, call.caller, call.ids[0]));
}

Response Return(Call& call) {
  const Json body = ParseObject(call.request.body);
  return Render(200,
                app::ReturnReport(call.ctx, call.caller, call.ids[0], OptString(body, "reason")));
}

Response List(Call& call) {
  app::ReportFilters f;
  f.unit_id = call.QueryId("unit_id");
  f.period = QueryText(call, "period");
  f.kind = QueryText(call, "kind");
  f.status = QueryText(call, "status");
  f.limit = call.Limit();
  f.offset = call.Offset();
  const auto page = app::ListReports(call.ctx, call.caller, f);
  Json items = Json::array();
  for (const auto& v : page.items) items.push_back(app::ReportJson(v, false));
  return JsonResponse(200, Json{{"items", items}, {"total", page.total}});
}

Json RenderPolicies(store::Id unit_id, const std::vector<app::PolicyItem>& items) {
  Json list = Json::array();
  for (const app::PolicyItem& i : items) {
    list.push_back({{"kind", reporting::ToString(i.kind)},
                    {"due_day", i.policy.due_day ? Json(*i.policy.due_day) : Json()},
                    {"month_offset", i.policy.month_offset},
                    {"due_month", i.policy.due_month ? Json(*i.policy.due_month) : Json()},
                    {"default", i.is_default}});
  }
  return Json{{"unit_id", unit_id}, {"items", list}};
}

Response PutPolicy(Call& call) {
  const Json body = ParseObject(call.request.body);
  const std::string kind = RequireString(body, "kind");
  reporting::DuePolicy p;
  if (const auto d = OptInt(body, "due_day"))
    p.due_day = static_cast<int>(std::clamp<std::int64_t>(*d, -1, 99));
  if (const auto o = OptInt(body, "month_offset")) {
    p.month_offset = static_cast<int>(std::clamp<std::int64_t>(*o, -1, 99));
  }
  if (const auto m = OptInt(body, "due_month")) {
    p.due_month = static_cast<int>(std::clamp<std::int64_t>(*m, -1, 99));
  }
  return JsonResponse(
      200, RenderPolicies(call.ids[0],
                          app::PutReportingPolicy(call.ctx, call.caller, call.ids[0], kind, p)));
}

Response GetPolicy(Call& call) {
  return JsonResponse(200, RenderPolicies(call.ids[0], app::GetReportingPolicy(
                                                           call.ctx, call.caller, call.ids[0])));
}

Response Status(Call& call) {
  const std::string period = RequireQuery(call, "period");
  const app::ReportingStatus s =
      app::GetReportingStatus(call.ctx, call.caller, call.ids[0], period, QueryText(call, "of"));
  Json items = Json::array();
  for (const app::StatusItem& i : s.items) {
    const store::Reporter& r = i.reporter;
    Json j{{"unit_id", r.unit_id},
           {"name", r.name},
           {"due_date", i.due_date},
           {"timeliness", reporting::ToString(i.timeliness)}};
    if (r.team_id) j["team_id"] = *r.team_id;
    j["report_id"] = r.report ? Json(r.report->id) : Json();
    j["status"] = r.report ? Json(r.report->status) : Json();
    j["submitted_at"] =
        r.report && r.report->first_submitted_at ? Json(*r.report->first_submitted_at) : Json();
    items.push_back(j);
  }
  const reporting::StatusSummary& m = s.summary;
  return JsonResponse(200, Json{{"unit_id", s.unit.id},
                                {"period", s.period},
                                {"kind", reporting::ToString(s.kind)},
                                {"of", s.of},
                                {"expected", m.expected},
                                {"submitted", m.submitted},
                                {"on_time", m.on_time},
                                {"late", m.late},
                                {"missing", m.missing},
                                {"pending", m.pending},
                                {"completeness", m.completeness},
                                {"timeliness", m.timeliness},
                                {"items", items}});
}

Response Consolidated(Call& call) {
  const std::string period = RequireQuery(call, "period");
  const std::string format = QueryText(call, "format").value_or("xlsx");
  app::ReportFile file =
      app::ConsolidatedReport(call.ctx, call.caller, call.ids[0], period, format);
  Response r;
  r.status = 200;
  r.content_type = file.content_type;
  r.body = std::move(file.bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file.filename +
                                                    "\"; filename*=UTF-8''" +
                                                    PercentEncode(file.filename_utf8));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddReportRoutes(Router& router) {
  router.Add("POST", "/api/v1/reports", Create);
  router.Add("GET", "/api/v1/reports", List);
  router.Add("GET", "/api/v1/reports/{id}", Get);
  router.Add("PATCH", "/api/v1/reports/{id}", Edit);
  router.Add("POST", "/api/v1/reports/{id}/submit", Submit);
  router.Add("POST", "/api/v1/reports/{id}/approve", Approve);
  router.Add("POST", "/api/v1/reports/{id}/return", Return);
  router.Add("PUT", "/api/v1/units/{id}/reporting-policy", PutPolicy);
  router.Add("GET", "/api/v1/units/{id}/reporting-policy", GetPolicy);
  router.Add("GET", "/api/v1/units/{id}/reporting-status", Status);
  router.Add("GET", "/api/v1/units/{id}/consolidated-report", Consolidated);
}

}  // namespace cnscd::http
