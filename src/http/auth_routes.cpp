// POST /auth/login, POST /auth/logout, GET /auth/me, POST /auth/password.
#include "app/accounts.hpp"
#include "app/auth.hpp"
#include "http/render.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

Json RenderAccount(const store::Account& a, const std::vector<store::Grant>& grants) {
  return Json{{"id", a.id},
              {"username", a.username},
              {"full_name", a.full_name},
              {"grants", RenderGrants(grants)}};
}

// Secure only behind TLS: a commune's laptop on plain http://192.168.… must still sign in.
std::string CookieFlags(const Request& request) {
  return std::string("; SameSite=Strict; Path=/") +
         (request.forwarded_proto == "https" ? "; Secure" : "");
}

Response Login(Call& call) {
  const Json body = ParseObject(call.request.body);
  const auto result = app::Login(call.ctx, RequireString(body, "username"),
                                 RequireString(body, "password"), call.request.remote_address);
  const std::string csrf = app::CsrfTokenFor(result.token);
  Response r = JsonResponse(200, Json{{"token", result.token},
                                      {"expires_at", result.expires_at},
                                      {"csrf_token", csrf},
                                      {"account", RenderAccount(result.account, result.grants)}});
  const std::string max_age = "; Max-Age=" + std::to_string(app::kTokenDays * 86400);
  r.headers.emplace_back("Set-Cookie", "cnscd_token=" + result.token + "; HttpOnly" +
                                           CookieFlags(call.request) + max_age);
  // Readable by the web app, which echoes it in X-CSRF-Token on writes.
  r.headers.emplace_back("Set-Cookie", "cnscd_csrf=" + csrf + CookieFlags(call.request) + max_age);
  return r;
}

Response Logout(Call& call) {
  app::Logout(call.ctx, call.token);
  Response r = JsonResponse(200, Json{{"status", "ok"}});
  r.headers.emplace_back("Set-Cookie",
                         "cnscd_token=; HttpOnly" + CookieFlags(call.request) + "; Max-Age=0");
  r.headers.emplace_back("Set-Cookie", "cnscd_csrf=" + CookieFlags(call.request) + "; Max-Age=0");
  return r;
}

Response ChangePassword(Call& call) {
  const Json body = ParseObject(call.request.body);
  app::ChangeOwnPassword(call.ctx, call.caller, RequireString(body, "current_password"),
                         RequireString(body, "new_password"));
  return JsonResponse(200, Json{{"status", "ok"}});
}

Response Me(Call& call) {
  return JsonResponse(200, Json{{"id", call.caller.account_id},
                                {"username", call.caller.username},
                                {"full_name", call.caller.full_name},
                                {"grants", RenderGrants(call.caller.grants)}});
}

}  // namespace

void AddAuthRoutes(Router& router) {
  router.Add("POST", "/api/v1/auth/login", Login, /*public_route=*/true);
  router.Add("POST", "/api/v1/auth/logout", Logout);
  router.Add("GET", "/api/v1/auth/me", Me);
  router.Add("POST", "/api/v1/auth/password", ChangePassword);
}

}  // namespace cnscd::http
