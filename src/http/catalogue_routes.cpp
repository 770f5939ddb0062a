// /units/{id}/services and /units/{id}/indicator-definitions: what a province adds to the
// built-in catalogue. GET /services lives with the support records (support_routes.cpp).
#include "app/catalogue.hpp"
#include "http/json_io.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

Response AddService(Call& call) {
  const Json body = ParseObject(call.request.body);
  ServiceDefinition d;
  d.code = RequireString(body, "code");
  d.name_vi = RequireString(body, "name");
  d.name_en = OptString(body, "name_en");
  d.subject = RequireString(body, "subject");
  d.cohort = RequireString(body, "cohort");
  d.min_age = OptInt(body, "min_age");
  return JsonResponse(201,
                      app::ToJson(app::AddProvinceService(call.ctx, call.caller, call.ids[0], d)));
}

Response AddIndicator(Call& call) {
  const Json body = ParseObject(call.request.body);
  indicators::IndicatorDefinition d;
  d.code = RequireString(body, "code");
  d.name_vi = RequireString(body, "name");
  d.name_en = OptString(body, "name_en");
  d.source = RequireString(body, "source");
  d.service = OptString(body, "service");
  d.topic = OptString(body, "topic");
  d.count_of = OptString(body, "count_of");
  d.cohort = OptString(body, "cohort");
  d.measure = RequireString(body, "measure");
  return JsonResponse(
      201, app::ToJson(app::AddIndicatorDefinition(call.ctx, call.caller, call.ids[0], d)));
}

Response ListIndicators(Call& call) {
  Json items = Json::array();
  for (const app::CatalogueIndicator& i :
       app::IndicatorDefinitions(call.ctx, call.caller, call.ids[0])) {
    items.push_back(app::ToJson(i));
  }
  const std::size_t total = items.size();
  return JsonResponse(200, Json{{"unit_id", call.ids[0]}, {"items", items}, {"total", total}});
}

}  // namespace

void AddCatalogueRoutes(Router& router) {
  router.Add("POST", "/api/v1/units/{id}/services", AddService);
  router.Add("POST", "/api/v1/units/{id}/indicator-definitions", AddIndicator);
  router.Add("GET", "/api/v1/units/{id}/indicator-definitions", ListIndicators);
}

}  // namespace cnscd::http
