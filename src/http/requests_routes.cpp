// /membership-requests: join and leave requests through their steps (seed 002 §3.1.4), and
// /inbox: what waits on the caller.
#include <algorithm>

#include "app/membership_requests.hpp"
#include "http/render.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

Response Submit(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::RequestInput in;
  in.kind = OptString(body, "kind").value_or("");
  const auto team_id = OptInt(body, "team_id");
  if (!team_id) {
    throw RuleBroken("required", "Thiếu tổ (team_id).", "The field team_id is required.",
                     "team_id");
  }
  in.team_id = *team_id;
  if (auto person = OptObject(body, "person")) in.person = ReadPerson(*person);
  in.membership_id = OptInt(body, "membership_id");
  in.role = OptString(body, "role");
  in.note = OptString(body, "note");
  return JsonResponse(201, app::ToJson(app::SubmitRequest(call.ctx, call.caller, in)));
}

Json RenderView(const app::RequestView& v) { return app::ToJson(v); }

Response List(Call& call) {
  app::RequestListInput in;
  in.unit_id = call.QueryId("unit");
  in.team_id = call.QueryId("team");
  // An empty parameter is no filter, as for unit=.
  if (auto it = call.request.query.find("state");
      it != call.request.query.end() && !it->second.empty()) {
    in.state = it->second;
  }
  in.limit = call.Limit();
  in.offset = call.Offset();
  return JsonResponse(200, RenderPage(app::ListRequests(call.ctx, call.caller, in), RenderView));
}

Response Reject(Call& call) {
  // No body at all reads as no reason: 422 on the field, not 400 on the JSON.
  const Json body = call.request.body.empty() ? Json::object() : ParseObject(call.request.body);
  const std::string reason = OptString(body, "reason").value_or("");
  return JsonResponse(200, app::ToJson(app::Reject(call.ctx, call.caller, call.ids[0], reason)));
}

Response Inbox(Call& call) {
  return JsonResponse(
      200, RenderPage(app::Inbox(call.ctx, call.caller, call.Limit(), call.Offset()), RenderView));
}

}  // namespace

void AddRequestRoutes(Router& router) {
  router.Add("POST", "/api/v1/membership-requests", Submit);
  router.Add("GET", "/api/v1/membership-requests", List);
  router.Add("GET", "/api/v1/membership-requests/{id}", ById(app::GetRequest, app::ToJson));
  router.Add("POST", "/api/v1/membership-requests/{id}/nominate", ById(app::Nominate, app::ToJson));
  router.Add("POST", "/api/v1/membership-requests/{id}/approve", ById(app::Approve, app::ToJson));
  router.Add("POST", "/api/v1/membership-requests/{id}/reject", Reject);
  router.Add("POST", "/api/v1/membership-requests/{id}/withdraw", ById(app::Withdraw, app::ToJson));
  router.Add("GET", "/api/v1/inbox", Inbox);
}

}  // namespace cnscd::http
