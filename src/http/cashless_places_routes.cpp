// /units/{id}/cashless-places and /cashless-places/{id}/void: the streets and markets a commune
// declares cashless (seed 004 target 8), listed over a subtree, voided when declared in error.
#include "app/cashless_places.hpp"
#include "http/json_io.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

cashless::PlaceDraft ReadPlace(const Json& body) {
  cashless::PlaceDraft draft;
  draft.kind = OptString(body, "kind");
  draft.name = OptString(body, "name");
  draft.declared_on = OptString(body, "declared_on");
  draft.decision_ref = OptString(body, "decision_ref");
  return draft;
}

// ?include_voided=true|false; anything else is 400 bad_query.
bool IncludeVoided(const Call& call) {
  const auto it = call.request.query.find("include_voided");
  if (it == call.request.query.end() || it->second.empty() || it->second == "false") return false;
  if (it->second == "true") return true;
  throw Malformed("bad_query", "include_voided phải là true hoặc false.",
                  "include_voided must be true or false.", "include_voided");
}

Response List(Call& call) {
  app::CashlessPlaceFilters f;
  const auto kind = call.request.query.find("kind");
  if (kind != call.request.query.end() && !kind->second.empty()) f.kind = kind->second;
  f.include_voided = IncludeVoided(call);
  f.limit = call.Limit();
  f.offset = call.Offset();
  const auto page = app::ListCashlessPlaces(call.ctx, call.caller, call.ids[0], f);
  return PageResponse(page.items, page.total, [&](const auto& p) { return app::ToJson(p); });
}

}  // namespace

void AddCashlessPlaceRoutes(Router& router) {
  router.Add("POST", "/api/v1/units/{id}/cashless-places",
             ById(app::DeclareCashlessPlace, ReadPlace, app::ToJson, 201));
  router.Add("GET", "/api/v1/units/{id}/cashless-places", List);
  // The place is named by the path; a body, if any, is ignored.
  router.Add("POST", "/api/v1/cashless-places/{id}/void",
             ById(app::VoidCashlessPlace, app::ToJson));
}

}  // namespace cnscd::http
