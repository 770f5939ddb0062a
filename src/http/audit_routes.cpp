// /audit: reading the trail. There is deliberately no route that changes it (PUT, POST and
// DELETE answer 405); the database refuses edits too.
#include "app/audit_log.hpp"
#include "http/render.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

// before/after are stored as JSON text: answered as JSON again.
Json Parsed(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  Json j = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? Json(nullptr) : j;
}

Json RenderEntry(const store::AuditEntry& e) {
  return Json{{"id", e.id},
              {"at", e.at},
              {"account_id", e.account_id ? Json(*e.account_id) : Json(nullptr)},
              {"username", e.username},
              {"address", e.address},
              {"action", e.action},
              {"entity_type", e.entity_type},
              {"entity_id", e.entity_id},
              {"team_id", e.team_id ? Json(*e.team_id) : Json(nullptr)},
              {"before", Parsed(e.before_json)},
              {"after", Parsed(e.after_json)}};
}

Response List(Call& call) {
  app::AuditLogQuery q;
  q.entity = call.QueryText("entity");
  q.unit_id = call.QueryId("unit");
  q.from = call.QueryText("from");
  q.to = call.QueryText("to");
  q.limit = call.Limit();
  q.offset = call.Offset();
  return JsonResponse(200, RenderPage(app::ListAudit(call.ctx, call.caller, q), RenderEntry));
}

}  // namespace

void AddAuditRoutes(Router& router) { router.Add("GET", "/api/v1/audit", List); }

}  // namespace cnscd::http
