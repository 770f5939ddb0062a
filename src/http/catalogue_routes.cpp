// /units/{id}/services and /units/{id}/indicator-definitions: what a province adds to the
// built-in catalogue. GET /services lives with the support records (support_routes.cpp).
#include "app/catalogue.hpp"
#include "http/json_io.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

// The code and names every definition starts with.
void ReadEntry(const Json& body, CatalogueEntryDefinition& d) {
  d.code = RequireString(body, "code");
  d.name_vi = RequireString(body, "name");
  d.name_en = OptString(body, "name_en");
}

ServiceDefinition ReadService(const Json& body) {
  ServiceDefinition d;
  ReadEntry(body, d);
  d.subject = RequireString(body, "subject");
  d.cohort = RequireString(body, "cohort");
  d.min_age = OptInt(body, "min_age");
  return d;
}

indicators::IndicatorDefinition ReadIndicator(const Json& body) {
  indicators::IndicatorDefinition d;
  ReadEntry(body, d);
  d.source = RequireString(body, "source");
  d.service = OptString(body, "service");
  d.topic = OptString(body, "topic");
  d.count_of = OptString(body, "count_of");
  d.cohort = OptString(body, "cohort");
  d.measure = RequireString(body, "measure");
  return d;
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
  router.Add("POST", "/api/v1/units/{id}/services",
             ById(app::AddProvinceService, ReadService, app::ToJson, 201));
  router.Add("POST", "/api/v1/units/{id}/indicator-definitions",
             ById(app::AddIndicatorDefinition, ReadIndicator, app::ToJson, 201));
  router.Add("GET", "/api/v1/units/{id}/indicator-definitions", ListIndicators);
}

}  // namespace cnscd::http
