// /reports, /units/{id}/reporting-policy, /units/{id}/reporting-status and
// /units/{id}/consolidated-report: the monthly reporting cycle (docs/reporting.md).
#include <algorithm>
#include <string>
#include <string_view>

#include "app/consolidated_report.hpp"
#include "app/reporting_policy.hpp"
#include "app/reporting_status.hpp"
#include "app/reports.hpp"
#include "http/attachment.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

Json RenderReport(const app::ReportView& v) { return app::ReportJson(v); }

Response Create(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::ReportInput in;
  in.kind = RequireString(body, "kind");
  in.team_id = OptInt(body, "team_id");
  in.unit_id = OptInt(body, "unit_id");
  in.period = RequireString(body, "period");
  return JsonResponse(201, RenderReport(app::CreateReport(call.ctx, call.caller, in)));
}

app::ReportText ReadText(const Json& body) {
  app::ReportText text;
  text.results = OptString(body, "results");
  text.difficulties = OptString(body, "difficulties");
  text.proposals = OptString(body, "proposals");
  return text;
}

Response Return(Call& call) {
  const Json body = ParseObject(call.request.body);
  return JsonResponse(200, RenderReport(app::ReturnReport(call.ctx, call.caller, call.ids[0],
                                                          OptString(body, "reason"))));
}

Response List(Call& call) {
  app::ReportFilters f;
  f.unit_id = call.QueryId("unit_id");
  f.period = call.QueryText("period");
  f.kind = call.QueryText("kind");
  f.status = call.QueryText("status");
  f.limit = call.Limit();
  f.offset = call.Offset();
  const auto page = app::ListReports(call.ctx, call.caller, f);
  return PageResponse(page.items, page.total,
                      [&](const auto& v) { return app::ReportJson(v, false); });
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
  const std::string period = call.RequireQuery("period");
  const app::ReportingStatus s =
      app::GetReportingStatus(call.ctx, call.caller, call.ids[0], period, call.QueryText("of"));
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
  const std::string period = call.RequireQuery("period");
  const std::string format = call.QueryText("format").value_or("xlsx");
  return Attachment(app::ConsolidatedReport(call.ctx, call.caller, call.ids[0], period, format));
}

}  // namespace

void AddReportRoutes(Router& router) {
  router.Add("POST", "/api/v1/reports", Create);
  router.Add("GET", "/api/v1/reports", List);
  router.Add("GET", "/api/v1/reports/{id}", ById(app::GetReport, RenderReport));
  router.Add("PATCH", "/api/v1/reports/{id}", ById(app::EditReport, ReadText, RenderReport));
  router.Add("POST", "/api/v1/reports/{id}/submit", ById(app::SubmitReport, RenderReport));
  router.Add("POST", "/api/v1/reports/{id}/approve", ById(app::ApproveReport, RenderReport));
  router.Add("POST", "/api/v1/reports/{id}/return", Return);
  router.Add("PUT", "/api/v1/units/{id}/reporting-policy", PutPolicy);
  router.Add("GET", "/api/v1/units/{id}/reporting-policy", GetPolicy);
  router.Add("GET", "/api/v1/units/{id}/reporting-status", Status);
  router.Add("GET", "/api/v1/units/{id}/consolidated-report", Consolidated);
}

}  // namespace cnscd::http
