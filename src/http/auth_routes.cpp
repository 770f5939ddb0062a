// POST /auth/login, POST /auth/logout, GET /auth/me.
#include "app/auth.hpp"
#include "http/render.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

Json RenderAccount(const store::Account& a, const std::vector<store::Grant>& grants) {
  return Json{{"id", a.id}, {"username", a.username}, {"grants", RenderGrants(grants)}};
}

Response Login(Call& call) {
  const Json body = ParseObject(call.request.body);
  const auto result = app::Login(call.ctx, RequireString(body, "username"),
                                 RequireString(body, "password"), call.request.remote_address);
  Response r = JsonResponse(200, Json{{"token", result.token},
                                      {"expires_at", result.expires_at},
                                      {"account", RenderAccount(result.account, result.grants)}});
  r.headers.emplace_back("Set-Cookie", "cnscd_token=" + result.token +
                                           "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" +
                                           std::to_string(app::kTokenDays * 86400));
  return r;
}

Response Logout(Call& call) {
  app::Logout(call.ctx, call.token);
  Response r = JsonResponse(200, Json{{"status", "ok"}});
  r.headers.emplace_back("Set-Cookie",
                         "cnscd_token=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
  return r;
}

Response Me(Call& call) {
  return JsonResponse(200, Json{{"id", call.caller.account_id},
                                {"username", call.caller.username},
                                {"grants", RenderGrants(call.caller.grants)}});
}

}  // namespace

void AddAuthRoutes(Router& router) {
  router.Add("POST", "/api/v1/auth/login", Login, /*public_route=*/true);
  router.Add("POST", "/api/v1/auth/logout", Logout);
  router.Add("GET", "/api/v1/auth/me", Me);
}

}  // namespace cnscd::http
