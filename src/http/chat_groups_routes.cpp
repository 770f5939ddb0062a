// Chat groups (nhóm Zalo) of units and teams: read and record a group, and the counts of a
// subtree's groups.
#include "app/chat_groups.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

// {"link"?: string, "participants"?: {key: bool}}; a value of another type is 400 naming it.
app::ChatGroupInput ReadInput(const std::string& body_text) {
  const Json body = ParseObject(body_text);
  app::ChatGroupInput in;
  in.link = OptString(body, "link");
  if (const auto participants = OptObject(body, "participants")) {
    in.participants.emplace();
    for (const auto& [key, value] : participants->items()) {
      if (!value.is_boolean()) {
        throw Malformed("wrong_type", "Trường participants." + key + " phải là true hoặc false.",
                        "Field participants." + key + " must be true or false.",
                        "participants." + key);
      }
      (*in.participants)[key] = value.get<bool>();
    }
  }
  return in;
}

Response GetUnitGroup(Call& call) {
  return JsonResponse(200, app::ToJson(app::GetUnitChatGroup(call.ctx, call.caller, call.ids[0])));
}

Response PutUnitGroup(Call& call) {
  const app::ChatGroupInput in = ReadInput(call.request.body);
  return JsonResponse(200,
                      app::ToJson(app::PutUnitChatGroup(call.ctx, call.caller, call.ids[0], in)));
}

Response GetTeamGroup(Call& call) {
  return JsonResponse(200, app::ToJson(app::GetTeamChatGroup(call.ctx, call.caller, call.ids[0])));
}

Response PutTeamGroup(Call& call) {
  const app::ChatGroupInput in = ReadInput(call.request.body);
  return JsonResponse(200,
                      app::ToJson(app::PutTeamChatGroup(call.ctx, call.caller, call.ids[0], in)));
}

Response Coverage(Call& call) {
  return JsonResponse(200, app::ToJson(app::ChatGroupCoverage(call.ctx, call.caller, call.ids[0])));
}

}  // namespace

void AddChatGroupRoutes(Router& router) {
  router.Add("GET", "/api/v1/units/{id}/chat-group", GetUnitGroup);
  router.Add("PUT", "/api/v1/units/{id}/chat-group", PutUnitGroup);
  router.Add("GET", "/api/v1/teams/{id}/chat-group", GetTeamGroup);
  router.Add("PUT", "/api/v1/teams/{id}/chat-group", PutTeamGroup);
  router.Add("GET", "/api/v1/units/{id}/chat-group-coverage", Coverage);
}

}  // namespace cnscd::http
