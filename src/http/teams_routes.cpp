// /teams: create, list by unit subtree, read with members and violations; add and end members.
#include "app/teams.hpp"
#include "http/render.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

Response Create(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::TeamInput in;
  const auto unit_id = OptInt(body, "unit_id");
  if (!unit_id) {
    throw RuleBroken("required", "Thiếu đơn vị (unit_id).", "The field unit_id is required.",
                     "unit_id");
  }
  in.unit_id = *unit_id;
  in.level = OptString(body, "level").value_or("");
  in.name = OptString(body, "name");
  return JsonResponse(201, RenderTeam(app::CreateTeam(call.ctx, call.caller, in)));
}

Response List(Call& call) {
  return JsonResponse(200, RenderPage(app::ListTeams(call.ctx, call.caller, call.QueryId("unit"),
                                                     call.Limit(), call.Offset()),
                                      RenderTeam));
}

Response Get(Call& call) {
  const app::TeamDetail d = app::GetTeam(call.ctx, call.caller, call.ids[0]);
  Json j = RenderTeam(d.team);
  Json members = Json::array();
  for (const auto& m : d.members) members.push_back(RenderMembership(m));
  Json violations = Json::array();
  for (const auto& v : d.violations) {
    violations.push_back(
        Json{{"code", v.code}, {"message", v.message}, {"message_en", v.message_en}});
  }
  j["members"] = members;
  j["violations"] = violations;
  return JsonResponse(200, j);
}

Response AddMember(Call& call) {
  const Json body = ParseObject(call.request.body);
  const app::PersonInput in = RequirePerson(body);
  const std::string role = OptString(body, "role").value_or("member");
  return JsonResponse(
      201, RenderMembership(app::AddMember(call.ctx, call.caller, call.ids[0], in, role)));
}

Response EditContacts(Call& call) {
  // Only phone, Zalo and occupation are read: the rest of a person is not the leader's to change.
  const app::PersonInput in = RequirePerson(ParseObject(call.request.body));
  return JsonResponse(200, RenderMembership(app::UpdateMemberContacts(
                               call.ctx, call.caller, call.ids[0], call.ids[1], in)));
}

Response EndMember(Call& call) {
  return JsonResponse(
      200, RenderMembership(app::EndMembership(call.ctx, call.caller, call.ids[0], call.ids[1])));
}

}  // namespace

void AddTeamRoutes(Router& router) {
  router.Add("POST", "/api/v1/teams", Create);
  router.Add("GET", "/api/v1/teams", List);
  router.Add("GET", "/api/v1/teams/{id}", Get);
  router.Add("POST", "/api/v1/teams/{id}/members", AddMember);
  router.Add("DELETE", "/api/v1/teams/{id}/members/{id}", EndMember);
  router.Add("PATCH", "/api/v1/teams/{id}/members/{id}", EditContacts);
}

}  // namespace cnscd::http
