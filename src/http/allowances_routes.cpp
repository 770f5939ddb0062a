// /units/{id}/allowance-rates and /units/{id}/allowances: the rates a unit pays (chế độ) and a
// commune's monthly allowance sheet, as JSON or as a file to print and sign.
#include <string>
#include <string_view>

#include "app/allowances.hpp"
#include "core/error.hpp"
#include "http/attachment.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

Json OptJson(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(); }

Json RenderRate(const allowance::Rate& r) {
  return Json{{"per_team_month", OptJson(r.per_team_month)},
              {"per_member_day", OptJson(r.per_member_day)},
              {"max_days", OptJson(r.max_days)}};
}

Json RenderEffective(const std::optional<app::EffectiveRate>& e) {
  if (!e) return {};
  Json j = RenderRate(e->rate);
  j["source_unit_id"] = e->source_unit_id;
  j["valid_from"] = e->valid_from;
  return j;
}

Json RenderRates(const app::AllowanceRates& rates) {
  Json items = Json::array();
  for (const store::AllowanceRateRow& row : rates.items) {
    Json j = RenderRate({row.per_team_month, row.per_member_day, row.max_days});
    j["valid_from"] = row.valid_from;
    j["created_at"] = row.created_at;
    items.push_back(j);
  }
  return Json{{"unit_id", rates.unit_id},
              {"items", items},
              {"period", rates.period},
              {"effective", RenderEffective(rates.effective)}};
}

Json RenderSheet(const app::AllowanceSheet& s) {
  Json teams = Json::array();
  for (const app::SheetTeam& t : s.teams) {
    teams.push_back(Json{{"team_id", t.team_id},
                         {"name", t.name},
                         {"members", t.members},
                         {"amount", t.amount},
                         {"members_amount", t.members_amount}});
  }
  Json members = Json::array();
  for (const app::SheetMember& m : s.members) {
    members.push_back(Json{{"person_id", m.person_id},
                           {"full_name", m.full_name},
                           {"team_id", m.team_id},
                           {"team_name", m.team_name},
                           {"role", m.role ? Json(std::string(ToString(*m.role))) : Json()},
                           {"activity_days", m.activity_days},
                           {"paid_days", m.paid_days},
                           {"amount", m.amount}});
  }
  return Json{{"unit_id", s.unit.id},
              {"name", s.unit.name},
              {"period", s.period},
              {"rate", RenderEffective(s.rate)},
              {"teams", teams},
              {"members", members},
              {"total_teams", s.total_teams},
              {"total_members", s.total_members},
              {"total", s.total}};
}

Response PutRate(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::AllowanceRateInput in;
  in.valid_from = RequireString(body, "valid_from");
  in.rate.per_team_month = OptInt(body, "per_team_month");
  in.rate.per_member_day = OptInt(body, "per_member_day");
  in.rate.max_days = OptInt(body, "max_days");
  return JsonResponse(200,
                      RenderRates(app::PutAllowanceRate(call.ctx, call.caller, call.ids[0], in)));
}

Response GetRates(Call& call) {
  return JsonResponse(200, RenderRates(app::ListAllowanceRates(call.ctx, call.caller, call.ids[0],
                                                               call.QueryText("period"))));
}

Response GetSheet(Call& call) {
  const std::optional<std::string> period = call.QueryText("period");
  if (!period || period->empty()) {
    throw Malformed("bad_query", "Thiếu tháng (period=YYYY-MM).", "period=YYYY-MM is required.",
                    "period");
  }
  const std::string format = call.QueryText("format").value_or("json");
  if (format == "json") {
    return JsonResponse(
        200, RenderSheet(app::AllowanceSheetOf(call.ctx, call.caller, call.ids[0], *period)));
  }
  return Attachment(app::AllowanceSheetFile(call.ctx, call.caller, call.ids[0], *period, format));
}

}  // namespace

void AddAllowanceRoutes(Router& router) {
  router.Add("PUT", "/api/v1/units/{id}/allowance-rates", PutRate);
  router.Add("GET", "/api/v1/units/{id}/allowance-rates", GetRates);
  router.Add("GET", "/api/v1/units/{id}/allowances", GetSheet);
}

}  // namespace cnscd::http
