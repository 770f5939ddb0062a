// /units/{id}/allowance-rates and /units/{id}/allowances: the rates a unit pays (chế độ) and a
// commune's monthly allowance sheet, as JSON or as a file to print and sign.
#include <cctype>
#include <string>
#include <string_view>

#include "app/allowances.hpp"
#include "core/error.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

std::optional<std::string> Query(const Call& call, const std::string& name) {
  auto it = call.request.query.find(name);
  if (it == call.request.query.end()) return std::nullopt;
  return it->second;
}

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
                                                               Query(call, "period"))));
}

Response GetSheet(Call& call) {
  const std::optional<std::string> period = Query(call, "period");
  if (!period || period->empty()) {
    throw Malformed("bad_query", "Thiếu tháng (period=YYYY-MM).", "period=YYYY-MM is required.",
                    "period");
  }
  const std::string format = Query(call, "format").value_or("json");
  if (format == "json") {
    return JsonResponse(
        200, RenderSheet(app::AllowanceSheetOf(call.ctx, call.caller, call.ids[0], *period)));
  }
  app::ExportedFile file =
      app::AllowanceSheetFile(call.ctx, call.caller, call.ids[0], *period, format);
  Response r;
  r.status = 200;
  r.content_type = file.content_type;
  r.body = std::move(file.bytes);
  // Named in ASCII for old clients and in Vietnamese for the others; never kept by proxies: it
  // names people and their pay.
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file.filename +
                                                    "\"; filename*=UTF-8''" +
                                                    PercentEncode(file.filename_utf8));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddAllowanceRoutes(Router& router) {
  router.Add("PUT", "/api/v1/units/{id}/allowance-rates", PutRate);
  router.Add("GET", "/api/v1/units/{id}/allowance-rates", GetRates);
  router.Add("GET", "/api/v1/units/{id}/allowances", GetSheet);
}

}  // namespace cnscd::http
