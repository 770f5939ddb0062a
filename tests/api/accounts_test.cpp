// Accounts, grants and account security over HTTP: who may create and manage accounts, never
// beyond what they hold; sessions that end; throttled logins; CSRF for cookie sessions.
#include <gtest/gtest.h>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

struct World {
  json province, commune, other_commune, village, team;
};

World MakeWorld(const HttpClient& admin, const std::string& name) {
  World w;
  w.province = MakeProvince(admin, "Tỉnh " + name);
  w.commune = MakeCommune(admin, "Xã " + name, IdOf(w.province));
  w.other_commune = MakeCommune(admin, "Xã Khác " + name, IdOf(w.province));
  w.village = MakeVillage(admin, "Thôn " + name, IdOf(w.commune));
  w.team = MakeTeam(admin, IdOf(w.village), "village");
  return w;
}

// Creates an account with one grant and returns a client signed in as it.
HttpClient Account(const HttpClient& admin, const std::string& username, const json& grant) {
  const HttpResponse created =
      admin.Post("/api/v1/accounts", {{"username", username}, {"password", "mat-khau-dai"}});
  EXPECT_TRUE(HasStatus(created, 201));
  const HttpResponse granted =
      admin.Post("/api/v1/accounts/" + Id(IdOf(created.Json())) + "/grants", grant);
  EXPECT_TRUE(HasStatus(granted, 201));
  HttpClient c(admin.base_url());
  const HttpResponse login =
      c.Post("/api/v1/auth/login", {{"username", username}, {"password", "mat-khau-dai"}});
  EXPECT_TRUE(HasStatus(login, 200));
  c.set_token(login.Json()["token"].get<std::string>());
  return c;
}

std::int64_t AccountIdOf(const HttpClient& c) {
  return c.Get("/api/v1/auth/me").Json()["id"].get<std::int64_t>();
}

// The web app greets the officer by name: login and /auth/me carry the account's full name.
TEST(Accounts, TheSignedInAccountCarriesItsFullName) {
  const HttpClient admin = AdminClient();
  const std::string username = "ten.day.du." + UniqueSuffix();
  ASSERT_TRUE(HasStatus(admin.Post("/api/v1/accounts", {{"username", username},
                                                        {"password", "mat-khau-dai"},
                                                        {"full_name", "Nguyễn Thị Hoa"}}),
                        201));
  HttpClient c(admin.base_url());
  const HttpResponse login =
      c.Post("/api/v1/auth/login", {{"username", username}, {"password", "mat-khau-dai"}});
  ASSERT_TRUE(HasStatus(login, 200));
  EXPECT_EQ(login.Json()["account"]["full_name"], "Nguyễn Thị Hoa");
  c.set_token(login.Json()["token"].get<std::string>());
  EXPECT_EQ(c.Get("/api/v1/auth/me").Json()["full_name"], "Nguyễn Thị Hoa");
}

TEST(Accounts, ACommuneOfficerSeesHerCommuneOnly) {
  const HttpClient admin = AdminClient();
  const World w = MakeWorld(admin, "Phạm Vi " + UniqueSuffix());
  const HttpClient officer = Account(admin, "canbo" + UniqueSuffix(),
                                     {{"role", "commune_officer"}, {"unit_id", IdOf(w.commune)}});
  EXPECT_TRUE(HasStatus(officer.Get("/api/v1/units/" + Id(IdOf(w.village))), 200));
  EXPECT_TRUE(IsError(officer.Get("/api/v1/units/" + Id(IdOf(w.other_commune))), 403, "forbidden"));
  const json list = officer.Get("/api/v1/units?parent=" + Id(IdOf(w.province))).Json();
  ASSERT_EQ(list["total"], 1) << list.dump();
  EXPECT_EQ(list["items"][0]["id"], IdOf(w.commune));
  const json teams = officer.Get("/api/v1/teams").Json();
  EXPECT_EQ(teams["total"], 1) << teams.dump();
}

TEST(Accounts, NobodyGrantsMoreThanTheyHold) {
  const HttpClient admin = AdminClient();
  const World w = MakeWorld(admin, "Không Vượt " + UniqueSuffix());
  const HttpClient officer = Account(admin, "canbo" + UniqueSuffix(),
                                     {{"role", "commune_officer"}, {"unit_id", IdOf(w.commune)}});
  const HttpResponse made =
      officer.Post("/api/v1/accounts",
                   {{"username", "to.truong" + UniqueSuffix()}, {"password", "mat-khau-dai"}});
  ASSERT_TRUE(HasStatus(made, 201));
  const std::string grants = "/api/v1/accounts/" + Id(IdOf(made.Json())) + "/grants";
  EXPECT_TRUE(
      HasStatus(officer.Post(grants, {{"role", "team_leader"}, {"team_id", IdOf(w.team)}}), 201));
  EXPECT_TRUE(
      IsError(officer.Post(grants, {{"role", "commune_chair"}, {"unit_id", IdOf(w.commune)}}), 403,
              "forbidden"));
  EXPECT_TRUE(IsError(
      officer.Post(grants, {{"role", "commune_officer"}, {"unit_id", IdOf(w.other_commune)}}), 403,
      "forbidden"));
  EXPECT_TRUE(IsError(officer.Post(grants, {{"role", "admin"}}), 403, "forbidden"));
  EXPECT_TRUE(
      IsError(admin.Post(grants, {{"role", "province_officer"}, {"unit_id", IdOf(w.commune)}}), 422,
              "role_unit_mismatch", "unit_id"));
  EXPECT_TRUE(IsError(admin.Post(grants, {{"role", "chief"}, {"unit_id", IdOf(w.commune)}}), 422,
                      "invalid_role", "role"));
}

TEST(Accounts, ATeamLeaderOrViewerCannotManageAccounts) {
  const HttpClient admin = AdminClient();
  const World w = MakeWorld(admin, "Tổ Trưởng " + UniqueSuffix());
  const HttpClient leader = Account(admin, "leader" + UniqueSuffix(),
                                    {{"role", "team_leader"}, {"team_id", IdOf(w.team)}});
  const HttpClient viewer = Account(admin, "viewer" + UniqueSuffix(),
                                    {{"role", "viewer"}, {"unit_id", IdOf(w.province)}});
  for (const HttpClient* c : {&leader, &viewer}) {
    EXPECT_TRUE(IsError(c->Post("/api/v1/accounts",
                                {{"username", "x" + UniqueSuffix()}, {"password", "mat-khau-dai"}}),
                        403, "forbidden"));
    EXPECT_TRUE(IsError(c->Get("/api/v1/accounts"), 403, "forbidden"));
  }
  // A viewer reads but never writes.
  EXPECT_TRUE(HasStatus(viewer.Get("/api/v1/teams/" + Id(IdOf(w.team))), 200));
  EXPECT_TRUE(
      IsError(viewer.Post("/api/v1/teams", {{"unit_id", IdOf(w.village)}, {"level", "village"}}),
              403, "forbidden"));
}

TEST(Accounts, AMemberAccountUsesThePhoneAndAOneTimePassword) {
  const HttpClient admin = AdminClient();
  const World w = MakeWorld(admin, "Tài Khoản TV " + UniqueSuffix());
  const json m = AddMember(admin, IdOf(w.team), "Lê Văn Tám", "leader");
  const std::string phone = m["person"]["phone"].get<std::string>();
  const HttpResponse made = admin.Post("/api/v1/teams/" + Id(IdOf(w.team)) + "/members/" +
                                           Id(m["membership_id"].get<std::int64_t>()) + "/account",
                                       json::object());
  ASSERT_TRUE(HasStatus(made, 201));
  const json body = made.Json();
  EXPECT_EQ(body["account"]["username"], phone);
  EXPECT_EQ(body["account"]["grants"][0]["role"], "team_leader");
  HttpClient leader(admin.base_url());
  const HttpResponse login =
      leader.Post("/api/v1/auth/login",
                  {{"username", phone}, {"password", body["password"].get<std::string>()}});
  EXPECT_TRUE(HasStatus(login, 200));
}

TEST(Accounts, ChangingThePasswordEndsOtherSessions) {
  const HttpClient admin = AdminClient();
  const World w = MakeWorld(admin, "Đổi Mật Khẩu " + UniqueSuffix());
  const std::string name = "doimk" + UniqueSuffix();
  const HttpClient first = Account(admin, name, {{"role", "viewer"}, {"unit_id", IdOf(w.commune)}});
  HttpClient second(admin.base_url());
  second.set_token(
      second.Post("/api/v1/auth/login", {{"username", name}, {"password", "mat-khau-dai"}})
          .Json()["token"]
          .get<std::string>());
  EXPECT_TRUE(IsError(first.Post("/api/v1/auth/password",
                                 {{"current_password", "sai"}, {"new_password", "mat-khau-moi-1"}}),
                      422, "wrong_password", "current_password"));
  EXPECT_TRUE(HasStatus(first.Post("/api/v1/auth/password", {{"current_password", "mat-khau-dai"},
                                                             {"new_password", "mat-khau-moi-1"}}),
                        200));
  EXPECT_TRUE(HasStatus(first.Get("/api/v1/auth/me"), 200));
  EXPECT_TRUE(IsError(second.Get("/api/v1/auth/me"), 401, "unauthorized"));
}

TEST(Accounts, DisablingOrResettingEndsEverySession) {
  const HttpClient admin = AdminClient();
  const World w = MakeWorld(admin, "Khóa " + UniqueSuffix());
  const HttpClient user =
      Account(admin, "khoa" + UniqueSuffix(), {{"role", "viewer"}, {"unit_id", IdOf(w.commune)}});
  const std::string id = Id(AccountIdOf(user));
  EXPECT_TRUE(HasStatus(admin.Post("/api/v1/accounts/" + id + "/disable", json::object()), 200));
  EXPECT_TRUE(IsError(user.Get("/api/v1/auth/me"), 401));
  EXPECT_TRUE(HasStatus(admin.Post("/api/v1/accounts/" + id + "/enable", json::object()), 200));
  EXPECT_TRUE(HasStatus(
      admin.Post("/api/v1/accounts/" + id + "/password", {{"password", "dat-lai-mat-khau"}}), 200));
  EXPECT_TRUE(
      IsError(admin.Post("/api/v1/accounts/" + Id(AccountIdOf(admin)) + "/disable", json::object()),
              409, "own_account"));
}

TEST(Accounts, RepeatedWrongPasswordsAreThrottled) {
  const HttpClient admin = AdminClient();
  const World w = MakeWorld(admin, "Chặn " + UniqueSuffix());
  const std::string name = "chan" + UniqueSuffix();
  Account(admin, name, {{"role", "viewer"}, {"unit_id", IdOf(w.commune)}});
  HttpClient c(admin.base_url());
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(IsError(c.Post("/api/v1/auth/login", {{"username", name}, {"password", "sai"}}),
                        401, "invalid_credentials"));
  }
  const HttpResponse blocked =
      c.Post("/api/v1/auth/login", {{"username", name}, {"password", "mat-khau-dai"}});
  EXPECT_TRUE(IsError(blocked, 429, "too_many_attempts"));
  EXPECT_EQ(blocked.Header("Retry-After"), "900");
}

TEST(Accounts, CookieSessionsNeedTheCsrfTokenToWrite) {
  const HttpClient admin = AdminClient();
  HttpClient c(admin.base_url());
  const HttpResponse login =
      c.Post("/api/v1/auth/login", {{"username", "admin"}, {"password", "secret-test-pw"}});
  ASSERT_TRUE(HasStatus(login, 200));
  const std::string token = login.Json()["token"].get<std::string>();
  const std::string csrf = login.Json()["csrf_token"].get<std::string>();
  HttpRequest read{.method = "GET", .path = "/api/v1/auth/me", .token = ""};
  read.headers = {"Cookie: cnscd_token=" + token};
  EXPECT_TRUE(HasStatus(c.Send(read), 200));
  HttpRequest write{.method = "POST",
                    .path = "/api/v1/units",
                    .body = json{{"name", "Tỉnh Giả Mạo"}, {"kind", "province"}}.dump(),
                    .token = ""};
  write.headers = {"Cookie: cnscd_token=" + token};
  EXPECT_TRUE(IsError(c.Send(write), 403, "csrf_failed"));
  write.headers.push_back("X-CSRF-Token: " + csrf);
  EXPECT_TRUE(HasStatus(c.Send(write), 201));
}

TEST(Accounts, ResponsesCarrySecurityHeaders) {
  const HttpResponse r = AdminClient().Get("/api/v1/health");
  EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.Header("X-Frame-Options"), "DENY");
  EXPECT_NE(r.Header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
}

}  // namespace
}  // namespace cnscd_test
