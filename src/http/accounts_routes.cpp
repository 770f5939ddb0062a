// /accounts: create, list, read; grants; password reset; disable and enable.
#include "app/accounts.hpp"
#include "http/render.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

Json RenderAccountView(const app::AccountView& v) {
  return Json{{"id", v.account.id},
              {"username", v.account.username},
              {"full_name", v.account.full_name},
              {"disabled", v.account.disabled},
              {"grants", RenderGrants(v.grants)}};
}

Response Create(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::AccountInput in{RequireString(body, "username"), RequireString(body, "password"),
                       OptString(body, "full_name").value_or("")};
  return JsonResponse(201, RenderAccountView(app::CreateAccount(call.ctx, call.caller, in)));
}

Response List(Call& call) {
  return JsonResponse(
      200, RenderPage(app::ListAccounts(call.ctx, call.caller, call.Limit(), call.Offset()),
                      RenderAccountView));
}

app::GrantInput ReadGrant(const Json& body) {
  return {OptString(body, "role").value_or(""), OptInt(body, "unit_id"), OptInt(body, "team_id")};
}

Response RemoveGrant(Call& call) {
  app::RemoveGrant(call.ctx, call.caller, call.ids[0], call.ids[1]);
  return JsonResponse(200, Json{{"status", "ok"}});
}

Response ResetPassword(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::ResetPassword(call.ctx, call.caller, call.ids[0], RequireString(body, "password"));
  return JsonResponse(200, Json{{"status", "ok"}});
}

Response Disable(Call& call) {
  return JsonResponse(
      200, RenderAccountView(app::SetAccountDisabled(call.ctx, call.caller, call.ids[0], true)));
}

Response Enable(Call& call) {
  return JsonResponse(
      200, RenderAccountView(app::SetAccountDisabled(call.ctx, call.caller, call.ids[0], false)));
}

Response MemberAccount(Call& call) {
  const app::MemberAccount m =
      app::CreateMemberAccount(call.ctx, call.caller, call.ids[0], call.ids[1]);
  return JsonResponse(201,
                      Json{{"account", RenderAccountView(m.account)}, {"password", m.password}});
}

}  // namespace

void AddAccountRoutes(Router& router) {
  router.Add("POST", "/api/v1/accounts", Create);
  router.Add("GET", "/api/v1/accounts", List);
  router.Add("GET", "/api/v1/accounts/{id}", ById(app::GetAccount, RenderAccountView));
  router.Add("POST", "/api/v1/accounts/{id}/grants",
             ById(app::AddGrant, ReadGrant, app::ToJson, 201));
  router.Add("DELETE", "/api/v1/accounts/{id}/grants/{id}", RemoveGrant);
  router.Add("POST", "/api/v1/accounts/{id}/password", ResetPassword);
  router.Add("POST", "/api/v1/accounts/{id}/disable", Disable);
  router.Add("POST", "/api/v1/accounts/{id}/enable", Enable);
  router.Add("POST", "/api/v1/teams/{id}/members/{id}/account", MemberAccount);
}

}  // namespace cnscd::http
