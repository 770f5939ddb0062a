// Chat groups (nhóm Zalo) of units and teams: read and record a group, and the counts of a
// subtree's groups.
#include "app/chat_groups.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

// {"link"?: string, "participants"?: {key: bool}}; a value of another type is 400 naming it.
app::ChatGroupInput ReadInput(const Json& body) {
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

}  // namespace

void AddChatGroupRoutes(Router& router) {
  router.Add("GET", "/api/v1/units/{id}/chat-group", ById(app::GetUnitChatGroup, app::ToJson));
  router.Add("PUT", "/api/v1/units/{id}/chat-group",
             ById(app::PutUnitChatGroup, ReadInput, app::ToJson));
  router.Add("GET", "/api/v1/teams/{id}/chat-group", ById(app::GetTeamChatGroup, app::ToJson));
  router.Add("PUT", "/api/v1/teams/{id}/chat-group",
             ById(app::PutTeamChatGroup, ReadInput, app::ToJson));
  router.Add("GET", "/api/v1/units/{id}/chat-group-coverage",
             ById(app::ChatGroupCoverage, app::ToJson));
}

}  // namespace cnscd::http
