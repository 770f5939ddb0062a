// API.md "Health and login", error conventions, routing, and a clean shutdown on SIGTERM.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

TEST(HealthAndLogin, HealthAnswersOkWithoutLogin) {
  const HttpResponse r = SharedServer().Client().Get("/api/v1/health");
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(r.Json(), json({{"status", "ok"}})) << r.body;
}

TEST(HealthAndLogin, AdminLogsInAndGetsATokenAndTheAdminGrant) {
  const HttpResponse r = SharedServer().Client().Post(
      "/api/v1/auth/login", {{"username", kAdminUser}, {"password", kAdminPassword}});
  ASSERT_TRUE(HasStatus(r, 200));
  const json j = r.Json();
  ASSERT_TRUE(j.is_object()) << r.body;
  ASSERT_TRUE(j.contains("token") && j["token"].is_string()) << r.body;
  EXPECT_FALSE(j["token"].get<std::string>().empty());
  ASSERT_TRUE(j.contains("expires_at") && j["expires_at"].is_string()) << r.body;
  EXPECT_FALSE(j["expires_at"].get<std::string>().empty());
  ASSERT_TRUE(j.contains("account") && j["account"].is_object()) << r.body;
  const json& account = j["account"];
  EXPECT_TRUE(account.contains("id") && account["id"].is_number_integer()) << r.body;
  EXPECT_EQ(account.value("username", ""), "admin");
  ASSERT_TRUE(account.contains("grants") && account["grants"].is_array()) << r.body;
  bool admin_grant = false;
  for (const json& g : account["grants"]) {
    if (g.value("role", "") == "admin" && g.contains("unit_id") && g["unit_id"].is_null()) {
      admin_grant = true;
    }
  }
  EXPECT_TRUE(admin_grant) << "expected a grant {\"role\":\"admin\",\"unit_id\":null}: " << r.body;
}

TEST(HealthAndLogin, TheTokenOpensTheOtherRoutes) {
  const HttpResponse r = AdminClient().Get("/api/v1/units");
  EXPECT_TRUE(HasStatus(r, 200));
}

TEST(HealthAndLogin, WrongPasswordIsInvalidCredentials) {
  const HttpResponse r = SharedServer().Client().Post(
      "/api/v1/auth/login", {{"username", kAdminUser}, {"password", "not-the-password"}});
  EXPECT_TRUE(IsError(r, 401, "invalid_credentials"));
  EXPECT_TRUE(r.Json().is_object() && !r.Json().contains("token")) << r.body;
}

TEST(HealthAndLogin, UnknownUserIsInvalidCredentials) {
  const HttpResponse r = SharedServer().Client().Post(
      "/api/v1/auth/login", {{"username", "nobody-here"}, {"password", kAdminPassword}});
  EXPECT_TRUE(IsError(r, 401, "invalid_credentials"));
}

TEST(HealthAndLogin, EveryOtherRouteNeedsAToken) {
  const HttpClient anonymous = SharedServer().Client();
  for (const char* path : {"/api/v1/units", "/api/v1/units/1", "/api/v1/units/1/coverage",
                           "/api/v1/units/1/policy", "/api/v1/teams", "/api/v1/teams/1"}) {
    SCOPED_TRACE(path);
    EXPECT_TRUE(IsError(anonymous.Get(path), 401, "unauthorized"));
  }
  const HttpResponse post = anonymous.Post(
      "/api/v1/units", {{"name", "Tỉnh Không Token"}, {"kind", "province"}, {"code", "11"}});
  EXPECT_TRUE(IsError(post, 401, "unauthorized"));
}

TEST(HealthAndLogin, ABadTokenIsUnauthorized) {
  const HttpClient client(SharedServer().base_url(), "not-a-real-token");
  EXPECT_TRUE(IsError(client.Get("/api/v1/units"), 401, "unauthorized"));
  EXPECT_TRUE(IsError(client.Get("/api/v1/teams"), 401, "unauthorized"));

  // A header that is not "Bearer <token>" at all.
  const HttpResponse basic = SharedServer().Client().Send(
      {.method = "GET", .path = "/api/v1/units", .authorization = "Basic YWRtaW46YWRtaW4="});
  EXPECT_TRUE(IsError(basic, 401, "unauthorized"));
  const HttpResponse empty_bearer = SharedServer().Client().Send(
      {.method = "GET", .path = "/api/v1/units", .authorization = "Bearer "});
  EXPECT_TRUE(IsError(empty_bearer, 401, "unauthorized"));
}

TEST(HealthAndLogin, LogoutEndsTheToken) {
  const ServerProcess& server = SharedServer();
  const HttpClient other = AdminClient();  // a different session of the same account
  const HttpClient client(server.base_url(), server.Login());
  ASSERT_TRUE(HasStatus(client.Get("/api/v1/units"), 200));

  const HttpResponse logout = client.Send({.method = "POST", .path = "/api/v1/auth/logout"});
  EXPECT_TRUE(HasStatus(logout, 200));
  EXPECT_TRUE(IsError(client.Get("/api/v1/units"), 401, "unauthorized"));

  // Only that token ended: another session of the same account still works.
  EXPECT_TRUE(HasStatus(other.Get("/api/v1/units"), 200));
}

TEST(Routing, UnknownApiRouteIsNotFound) {
  const HttpClient client = AdminClient();
  EXPECT_TRUE(IsError(client.Get("/api/v1/no-such-thing"), 404, "not_found"));
  EXPECT_TRUE(IsError(client.Get("/api/v1/units/1/no-such-thing"), 404, "not_found"));
}

TEST(Routing, KnownPathWithWrongMethodIsMethodNotAllowed) {
  const HttpClient client = AdminClient();
  EXPECT_TRUE(IsError(client.Delete("/api/v1/units"), 405, "method_not_allowed"));
  EXPECT_TRUE(IsError(client.Put("/api/v1/teams", json::object()), 405, "method_not_allowed"));
  EXPECT_TRUE(IsError(client.Post("/api/v1/health", json::object()), 405, "method_not_allowed"));
}

TEST(Shutdown, ServerExitsZeroSoonAfterSigterm) {
  ServerProcess server;  // its own server, not the shared one
  ASSERT_TRUE(HasStatus(server.Client().Get("/api/v1/health"), 200));
  const HttpClient admin(server.base_url(), server.Login());
  ASSERT_TRUE(HasStatus(admin.Get("/api/v1/units"), 200));

  const ServerProcess::Exit exit = server.Stop(std::chrono::seconds(5));
  EXPECT_TRUE(exit.Clean()) << "cnscd serve, sent SIGTERM, " << exit.Describe()
                            << "; it must exit 0 within 5 s.\n--- server log ---\n"
                            << server.log();
}

TEST(Shutdown, ServerExitsZeroOnSigtermEvenWithAnIdleClientConnected) {
  ServerProcess server;
  // A client (a browser, say) that opened a connection and sent nothing yet.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(server.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);

  const ServerProcess::Exit exit = server.Stop(std::chrono::seconds(5));
  close(fd);
  EXPECT_TRUE(exit.Clean()) << "cnscd serve with an idle connection open, sent SIGTERM, "
                            << exit.Describe() << "; it must exit 0 within 5 s.\n--- log ---\n"
                            << server.log();
}

}  // namespace
}  // namespace cnscd_test
