// /decisions: the commune chairman's establishment and amendment decisions (seed 001 Form 1).
#include "app/decisions.hpp"
#include "http/render.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

// team_ids: absent or null for "every active team of the commune", else an array of ids.
std::optional<std::vector<store::Id>> TeamIds(const Json& body) {
  auto it = body.find("team_ids");
  if (it == body.end() || it->is_null()) return std::nullopt;
  auto wrong = [] {
    return Malformed("wrong_type", "Trường team_ids phải là một mảng mã số tổ [1, 2, ...].",
                     "Field team_ids must be an array of team ids [1, 2, ...].", "team_ids");
  };
  if (!it->is_array()) throw wrong();
  std::vector<store::Id> ids;
  for (const Json& v : *it) {
    if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX)) {
      throw wrong();
    }
    ids.push_back(v.get<store::Id>());
  }
  return ids;
}

Response Create(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::DecisionInput in;
  const auto commune_id = OptInt(body, "commune_id");
  if (!commune_id) {
    throw RuleBroken("required", "Thiếu xã ban hành quyết định (commune_id).",
                     "The field commune_id is required.", "commune_id");
  }
  in.commune_id = *commune_id;
  in.number = OptString(body, "number").value_or("");
  in.date = OptString(body, "date").value_or("");
  in.signer = OptString(body, "signer").value_or("");
  in.kind = OptString(body, "kind").value_or("");
  in.team_ids = TeamIds(body);
  return JsonResponse(201, app::DecisionJson(app::RecordDecision(call.ctx, call.caller, in), true));
}

Response List(Call& call) {
  const auto page = app::ListDecisions(call.ctx, call.caller, call.QueryId("commune"), call.Limit(),
                                       call.Offset());
  return JsonResponse(
      200, RenderPage(page, [](const store::Decision& d) { return app::DecisionJson(d, false); }));
}

Response Get(Call& call) {
  return JsonResponse(
      200, app::DecisionJson(app::GetDecision(call.ctx, call.caller, call.ids[0]), true));
}

}  // namespace

void AddDecisionRoutes(Router& router) {
  router.Add("POST", "/api/v1/decisions", Create);
  router.Add("GET", "/api/v1/decisions", List);
  router.Add("GET", "/api/v1/decisions/{id}", Get);
}

}  // namespace cnscd::http
