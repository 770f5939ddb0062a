// /units/{id}/targets and /units/{id}/indicators: targets per year and indicator, inherited down
// the tree, and the indicators measured against them.
#include <cmath>

#include "app/indicators.hpp"
#include "core/error.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

// ?year= is required: 400 bad_query when missing or not a number.
int RequireYear(const Call& call) {
  auto it = call.request.query.find("year");
  const std::string raw = it == call.request.query.end() ? std::string() : it->second;
  int year = 0;
  bool ok = !raw.empty() && raw.size() <= 4;
  for (const char c : raw) {
    if (c < '0' || c > '9') ok = false;
    year = year * 10 + (c - '0');
  }
  if (!ok) {
    throw Malformed("bad_query", "Thiếu năm (year) hoặc năm không phải là số.",
                    "year is required and must be a number.", "year");
  }
  return year;
}

// A JSON number (integer or not); a present value of another type is 400 wrong_type.
std::optional<double> OptNumber(const Json& body, const std::string& key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) {
    throw Malformed("wrong_type", key + " phải là số.", key + " must be a number.", key);
  }
  return it->get<double>();
}

Json RenderTarget(const std::optional<app::EffectiveTarget>& t) {
  if (!t) return {};  // null: no target applies
  return Json{{"min", t->bound.min ? Json(*t->bound.min) : Json()},
              {"max", t->bound.max ? Json(*t->bound.max) : Json()},
              {"strict", t->bound.strict},
              {"text", t->text},
              {"source_unit_id", t->source_unit_id}};
}

Json RenderTargets(store::Id unit_id, int year, const std::vector<app::TargetItem>& items) {
  Json list = Json::array();
  for (const app::TargetItem& item : items) {
    // Every built-in indicator is listed; its bound fields are null when none applies.
    Json j = item.target ? RenderTarget(item.target)
                         : Json{{"min", nullptr},
                                {"max", nullptr},
                                {"strict", nullptr},
                                {"text", nullptr},
                                {"source_unit_id", nullptr}};
    j["indicator"] = item.indicator;
    j["builtin"] = item.builtin;
    list.push_back(j);
  }
  return Json{{"unit_id", unit_id}, {"year", year}, {"items", list}};
}

Json RenderValues(const std::vector<app::IndicatorValue>& values) {
  Json list = Json::array();
  for (const app::IndicatorValue& v : values) {
    list.push_back(Json{{"code", v.indicator->code},
                        {"name", v.indicator->name_vi},
                        {"name_en", v.indicator->name_en},
                        {"measure", ToString(v.indicator->measure)},
                        {"builtin", v.builtin},
                        {"numerator", v.numerator},
                        {"denominator", v.denominator ? Json(*v.denominator) : Json()},
                        {"percent", v.percent ? Json(*v.percent) : Json()},
                        {"target", RenderTarget(v.target)},
                        {"status", indicators::ToString(v.status)}});
  }
  return list;
}

Response PutTarget(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::TargetInput in;
  in.year = static_cast<int>(RequireInt(body, "year"));
  in.indicator = RequireString(body, "indicator");
  in.min = OptNumber(body, "min");
  in.max = OptNumber(body, "max");
  in.strict = OptBool(body, "strict");
  return JsonResponse(200, RenderTargets(call.ids[0], in.year,
                                         app::PutTarget(call.ctx, call.caller, call.ids[0], in)));
}

Response GetTargets(Call& call) {
  const int year = RequireYear(call);
  return JsonResponse(
      200, RenderTargets(call.ids[0], year,
                         app::EffectiveTargets(call.ctx, call.caller, call.ids[0], year)));
}

// One unit of a ranking: its id, name and indicators.
Json RankedUnit(const app::UnitIndicators& u) {
  return Json{
      {"unit_id", u.unit.id}, {"name", u.unit.name}, {"indicators", RenderValues(u.values)}};
}

Response GetIndicators(Call& call) {
  const int year = RequireYear(call);
  const std::string by = call.QueryText("by").value_or("");
  if (by == "communes") {
    // Every commune below, however deep, paged: a province's ranking reaches its communes.
    const store::Page<app::UnitIndicators> page = app::CommuneIndicators(
        call.ctx, call.caller, call.ids[0], year, call.Limit(), call.Offset());
    Json items = Json::array();
    for (const app::UnitIndicators& u : page.items) {
      Json j = RankedUnit(u);
      j["parent_id"] = u.parent ? Json(u.parent->id) : Json();
      j["parent_name"] = u.parent ? Json(u.parent->name) : Json();
      items.push_back(std::move(j));
    }
    return JsonResponse(
        200,
        Json{{"unit_id", call.ids[0]}, {"year", year}, {"items", items}, {"total", page.total}});
  }
  const bool by_children = by == "children";
  if (!by.empty() && !by_children) {
    throw Malformed("bad_query", "by chỉ nhận giá trị children hoặc communes.",
                    "by accepts only children or communes.", "by");
  }
  const std::vector<app::UnitIndicators> units =
      app::Indicators(call.ctx, call.caller, call.ids[0], year, by_children);
  Json items = Json::array();
  if (!by_children) {
    items = RenderValues(units.front().values);
  } else {
    for (const app::UnitIndicators& u : units) items.push_back(RankedUnit(u));
  }
  return JsonResponse(200, Json{{"unit_id", call.ids[0]}, {"year", year}, {"items", items}});
}

}  // namespace

void AddIndicatorRoutes(Router& router) {
  router.Add("PUT", "/api/v1/units/{id}/targets", PutTarget);
  router.Add("GET", "/api/v1/units/{id}/targets", GetTargets);
  router.Add("GET", "/api/v1/units/{id}/indicators", GetIndicators);
}

}  // namespace cnscd::http
