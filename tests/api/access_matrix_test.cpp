// The role-by-route matrix: every route, called by an account of every role, inside and outside
// its scope, must answer exactly the status written in the table below. To cover a new route,
// add a row: its name, method, how to build its path and body, and the eight statuses.
#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <sstream>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

// The roles, in the order of the status columns below.
constexpr std::array<const char*, 8> kRoles{
    "admin",           "province_officer", "district_officer", "commune_chair",
    "commune_officer", "viewer",           "team_leader",      "member"};

// Province P → district D → commune C1 (village V1, team T1) and commune C2 (village V2, team
// T2); another province P2. Every role below is granted inside P/D/C1/T1.
struct World {
  std::int64_t p = 0, d = 0, c1 = 0, c2 = 0, v1 = 0, v2 = 0, t1 = 0, t2 = 0, p2 = 0;
  std::map<std::string, HttpClient> as;  // a signed-in client per role
};

HttpClient SignIn(const std::string& base_url, const std::string& username) {
  HttpClient c(base_url);
  const HttpResponse r =
      c.Post("/api/v1/auth/login", {{"username", username}, {"password", "mat-khau-dai"}});
  if (r.status != 200) throw std::runtime_error("login failed: " + r.Describe());
  c.set_token(r.Json()["token"].get<std::string>());
  return c;
}

std::int64_t NewAccount(const HttpClient& admin, const std::string& username, const json& grant) {
  const HttpResponse a =
      admin.Post("/api/v1/accounts", {{"username", username}, {"password", "mat-khau-dai"}});
  if (a.status != 201) throw std::runtime_error("account: " + a.Describe());
  const std::int64_t id = IdOf(a.Json());
  if (!grant.is_null()) {
    const HttpResponse g = admin.Post("/api/v1/accounts/" + Id(id) + "/grants", grant);
    if (g.status != 201) throw std::runtime_error("grant: " + g.Describe());
  }
  return id;
}

const World& TheWorld() {
  static const World w = [] {
    const HttpClient admin = AdminClient();
    World w;
    w.p = IdOf(MakeProvince(admin, "Tỉnh Ma Trận"));
    w.d = IdOf(MakeDistrict(admin, "Huyện Ma Trận", w.p));
    w.c1 = IdOf(MakeCommune(admin, "Xã Một", w.d));
    w.c2 = IdOf(MakeCommune(admin, "Xã Hai", w.d));
    w.v1 = IdOf(MakeVillage(admin, "Thôn Một", w.c1));
    w.v2 = IdOf(MakeVillage(admin, "Thôn Hai", w.c2));
    w.t1 = IdOf(MakeTeam(admin, w.v1, "village"));
    w.t2 = IdOf(MakeTeam(admin, w.v2, "village"));
    w.p2 = IdOf(MakeProvince(admin, "Tỉnh Khác"));
    AddMember(admin, w.t1, "Nguyễn Văn Một", "member");
    const std::map<std::string, json> grants{
        {"province_officer", {{"role", "province_officer"}, {"unit_id", w.p}}},
        {"district_officer", {{"role", "district_officer"}, {"unit_id", w.d}}},
        {"commune_chair", {{"role", "commune_chair"}, {"unit_id", w.c1}}},
        {"commune_officer", {{"role", "commune_officer"}, {"unit_id", w.c1}}},
        {"viewer", {{"role", "viewer"}, {"unit_id", w.c1}}},
        {"team_leader", {{"role", "team_leader"}, {"team_id", w.t1}}},
        {"member", {{"role", "member"}, {"team_id", w.t1}}},
    };
    w.as.emplace("admin", admin);
    for (const auto& [role, grant] : grants) {
      NewAccount(admin, "mt." + role, grant);
      w.as.emplace(role, SignIn(admin.base_url(), "mt." + role));
    }
    return w;
  }();
  return w;
}

struct Call {
  std::string method;
  std::string path;
  std::optional<json> body;
  std::optional<std::string> raw_body{};  // sent as is, with `content_type`
  std::string content_type = "application/json";
};

struct Row {
  std::string name;
  // Builds the call afresh for each role (with the admin making any fixture it needs).
  std::function<Call(const World&, const HttpClient& admin)> make;
  std::string expected;  // eight statuses, in the order of kRoles
};

std::string U(std::int64_t id) { return "/api/v1/units/" + Id(id); }
std::string T(std::int64_t id) { return "/api/v1/teams/" + Id(id); }

// A fresh membership in team `team` (so that ending it can succeed for every role).
std::int64_t FreshMember(const HttpClient& admin, std::int64_t team) {
  return AddMember(admin, team, "Trần Thị Mới", "member")["membership_id"].get<std::int64_t>();
}

// An account holding `member` on T1, so that managers in scope may manage it.
std::int64_t FreshT1Account(const World& w, const HttpClient& admin) {
  return NewAccount(admin, "acct" + UniqueSuffix(), {{"role", "member"}, {"team_id", w.t1}});
}

// A join request for a new person, filed by the admin on `team`, moved on to `state`.
std::int64_t FreshRequest(const HttpClient& admin, std::int64_t team, const std::string& state) {
  const HttpResponse r =
      admin.Post("/api/v1/membership-requests",
                 {{"kind", "join"},
                  {"team_id", team},
                  {"person", {{"full_name", "Đinh Văn Xin"}, {"phone", UniquePhone()}}}});
  if (r.status != 201) throw std::runtime_error("request: " + r.Describe());
  const std::int64_t id = IdOf(r.Json());
  if (state == "nominated") {
    const HttpResponse n =
        admin.Post("/api/v1/membership-requests/" + Id(id) + "/nominate", json::object());
    if (n.status != 200) throw std::runtime_error("nominate: " + n.Describe());
  }
  return id;
}

// An amending decision of `commune`, recorded by the admin.
std::int64_t FreshDecision(const HttpClient& admin, std::int64_t commune) {
  const HttpResponse r = admin.Post("/api/v1/decisions", {{"commune_id", commune},
                                                          {"number", UniqueSuffix() + "/QĐ-UBND"},
                                                          {"date", "2025-08-01"},
                                                          {"signer", "Nguyễn Văn Chủ Tịch"},
                                                          {"kind", "amend"}});
  if (r.status != 201) throw std::runtime_error("decision: " + r.Describe());
  return IdOf(r.Json());
}

json JoinRequest(std::int64_t team) {
  return {{"kind", "join"},
          {"team_id", team},
          {"person", {{"full_name", "Phan Thị Đơn"}, {"phone", UniquePhone()}}}};
}

std::string R(std::int64_t id, const char* action) {
  return "/api/v1/membership-requests/" + Id(id) + "/" + action;
}

json Village(std::int64_t commune) {
  return {{"name", "Thôn " + UniqueSuffix()}, {"kind", "village"}, {"parent_id", commune}};
}

// Two fresh villages of `commune`, merged into a new one on the reform's day (unit events).
json MergeOfFreshVillages(const HttpClient& admin, std::int64_t commune) {
  const std::int64_t a = IdOf(MakeVillage(admin, "Thôn A" + UniqueSuffix(), commune));
  const std::int64_t b = IdOf(MakeVillage(admin, "Thôn B" + UniqueSuffix(), commune));
  return {{"kind", "merge"},
          {"effective", "2025-07-01"},
          {"basis", "Nghị quyết 1/NQ-HĐND"},
          {"from", {a, b}},
          {"new_unit", {{"name", "Thôn Gộp " + UniqueSuffix()}, {"parent_id", commune}}}};
}

const std::vector<Row>& Rows() {
  //                                                     admin prov dist chair offi view lead memb
  static const std::vector<Row> rows{
      {"read a village in scope",
       [](const World& w, auto&) {
         return Call{"GET", U(w.v1), {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"read the commune",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1), {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"read another commune",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c2), {}};
       },
       "200 200 200 403 403 403 403 403"},
      {"read another province",
       [](const World& w, auto&) {
         return Call{"GET", U(w.p2), {}};
       },
       "200 403 403 403 403 403 403 403"},
      {"create a village in scope",
       [](const World& w, auto&) {
         return Call{"POST", "/api/v1/units", Village(w.c1)};
       },
       "201 201 201 201 201 403 403 403"},
      {"create a village in another commune",
       [](const World& w, auto&) {
         return Call{"POST", "/api/v1/units", Village(w.c2)};
       },
       "201 201 201 403 403 403 403 403"},
      {"create a province",
       [](const World&, auto&) {
         return Call{"POST", "/api/v1/units",
                     json{{"name", "Tỉnh " + UniqueSuffix()}, {"kind", "province"}}};
       },
       "201 403 403 403 403 403 403 403"},
      {"set the commune's policy",
       [](const World& w, auto&) {
         return Call{"PUT", U(w.c1) + "/policy", json{{"village", {{"max", 12}}}}};
       },
       "200 200 200 200 200 403 403 403"},
      {"read the commune's policy",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/policy", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"set the commune's population",
       [](const World& w, auto&) {
         return Call{"PUT", U(w.c1) + "/population", json{{"year", 2025}, {"age14plus", 5000}}};
       },
       "200 200 200 200 200 403 403 403"},
      {"read the commune's coverage",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/coverage", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"create a team in scope",
       [](const World& w, auto&) {
         return Call{"POST", "/api/v1/teams", json{{"unit_id", w.v1}, {"level", "village"}}};
       },
       "201 201 201 201 201 403 403 403"},
      {"read the own team",
       [](const World& w, auto&) {
         return Call{"GET", T(w.t1), {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"read another commune's team",
       [](const World& w, auto&) {
         return Call{"GET", T(w.t2), {}};
       },
       "200 200 200 403 403 403 403 403"},
      {"add a member",
       [](const World& w, auto&) {
         return Call{"POST", T(w.t1) + "/members",
                     json{{"person", {{"full_name", "Võ Văn Thêm"}}}, {"role", "collaborator"}}};
       },
       "201 201 201 201 201 403 403 403"},
      {"edit a member's contacts",
       [](const World& w, const HttpClient& admin) {
         return Call{"PATCH", T(w.t1) + "/members/" + Id(FreshMember(admin, w.t1)),
                     json{{"person", {{"occupation", "Giáo viên"}}}}};
       },
       "200 200 200 200 200 403 200 403"},
      {"end a membership",
       [](const World& w, const HttpClient& admin) {
         return Call{"DELETE", T(w.t1) + "/members/" + Id(FreshMember(admin, w.t1)), {}};
       },
       "200 200 200 200 200 403 403 403"},
      {"end a membership in another commune",
       [](const World& w, const HttpClient& admin) {
         return Call{"DELETE", T(w.t2) + "/members/" + Id(FreshMember(admin, w.t2)), {}};
       },
       "200 200 200 403 403 403 403 403"},
      {"create an account",
       [](const World&, auto&) {
         return Call{"POST", "/api/v1/accounts",
                     json{{"username", "new" + UniqueSuffix()}, {"password", "mat-khau-dai"}}};
       },
       "201 201 201 201 201 403 403 403"},
      {"list accounts",
       [](const World&, auto&) {
         return Call{"GET", "/api/v1/accounts", {}};
       },
       "200 200 200 200 200 403 403 403"},
      {"grant team_leader on the own team",
       [](const World& w, const HttpClient& admin) {
         return Call{"POST", "/api/v1/accounts/" + Id(FreshT1Account(w, admin)) + "/grants",
                     json{{"role", "team_leader"}, {"team_id", w.t1}}};
       },
       "201 201 201 201 201 403 403 403"},
      {"grant commune_chair on the commune",
       [](const World& w, const HttpClient& admin) {
         return Call{"POST", "/api/v1/accounts/" + Id(FreshT1Account(w, admin)) + "/grants",
                     json{{"role", "commune_chair"}, {"unit_id", w.c1}}};
       },
       "201 201 201 201 403 403 403 403"},
      {"create a member's account",
       [](const World& w, const HttpClient& admin) {
         const json m = AddMember(admin, w.t1, "Lý Thị Tài Khoản", "member");
         return Call{
             "POST",
             T(w.t1) + "/members/" + Id(m["membership_id"].get<std::int64_t>()) + "/account",
             json::object()};
       },
       "201 201 201 201 201 403 403 403"},
      // Join and leave requests (seed 002 §3.1.4): the leader nominates, the chairman approves.
      {"file a join request to the own team",
       [](const World& w, auto&) {
         return Call{"POST", "/api/v1/membership-requests", JoinRequest(w.t1)};
       },
       "201 201 201 201 201 403 201 201"},
      {"file a join request to another commune's team",
       [](const World& w, auto&) {
         return Call{"POST", "/api/v1/membership-requests", JoinRequest(w.t2)};
       },
       "201 201 201 403 403 403 403 403"},
      {"nominate a submitted request",
       [](const World& w, const HttpClient& admin) {
         return Call{"POST", R(FreshRequest(admin, w.t1, "submitted"), "nominate"), json::object()};
       },
       "200 403 403 403 403 403 200 403"},
      {"approve a nominated request",
       [](const World& w, const HttpClient& admin) {
         return Call{"POST", R(FreshRequest(admin, w.t1, "nominated"), "approve"), json::object()};
       },
       "200 403 403 200 403 403 403 403"},
      {"approve a request of another commune",
       [](const World& w, const HttpClient& admin) {
         return Call{"POST", R(FreshRequest(admin, w.t2, "nominated"), "approve"), json::object()};
       },
       "200 403 403 403 403 403 403 403"},
      {"reject a nominated request",
       [](const World& w, const HttpClient& admin) {
         return Call{"POST", R(FreshRequest(admin, w.t1, "nominated"), "reject"),
                     json{{"reason", "Không cư trú tại thôn"}}};
       },
       "200 403 403 200 403 403 403 403"},
      {"withdraw a request someone else filed",
       [](const World& w, const HttpClient& admin) {
         return Call{"POST", R(FreshRequest(admin, w.t1, "submitted"), "withdraw"), json::object()};
       },
       "200 403 403 403 403 403 200 403"},
      {"list the commune's requests",
       [](const World& w, auto&) {
         return Call{"GET", "/api/v1/membership-requests?unit=" + Id(w.c1), {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"read the inbox",
       [](const World&, auto&) {
         return Call{"GET", "/api/v1/inbox", {}};
       },
       "200 200 200 200 200 200 200 200"},
      // Decisions are the chairman's.
      {"record a decision for the commune",
       [](const World& w, auto&) {
         return Call{"POST", "/api/v1/decisions",
                     json{{"commune_id", w.c1},
                          {"number", UniqueSuffix() + "/QĐ-UBND"},
                          {"date", "2025-08-01"},
                          {"signer", "Nguyễn Văn Chủ Tịch"},
                          {"kind", "amend"}}};
       },
       "201 403 403 201 403 403 403 403"},
      {"list the commune's decisions",
       [](const World& w, auto&) {
         return Call{"GET", "/api/v1/decisions?commune=" + Id(w.c1), {}};
       },
       "200 200 200 200 200 200 200 200"},
      // The audit trail: officers and chairs in scope.
      {"read the own team's audit",
       [](const World& w, auto&) {
         return Call{"GET", "/api/v1/audit?entity=team:" + Id(w.t1), {}};
       },
       "200 200 200 200 200 403 403 403"},
      // Chat groups (nhóm Zalo): officers record them; a team leader records his team's.
      {"read the commune's chat group",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/chat-group", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"record the commune's chat group",
       [](const World& w, auto&) {
         return Call{"PUT", U(w.c1) + "/chat-group", json{{"link", "https://zalo.me/g/nhonmy"}}};
       },
       "200 200 200 200 200 403 403 403"},
      {"record the own team's chat group",
       [](const World& w, auto&) {
         return Call{"PUT", T(w.t1) + "/chat-group", json{{"link", "https://zalo.me/g/myphuoc"}}};
       },
       "200 200 200 200 200 403 200 403"},
      {"read another commune's team chat group",
       [](const World& w, auto&) {
         return Call{"GET", T(w.t2) + "/chat-group", {}};
       },
       "200 200 200 403 403 403 403 403"},
      // Form 1: the chairman's decision as a document.
      {"download the commune's decision as PDF",
       [](const World& w, const HttpClient& admin) {
         return Call{
             "GET", "/api/v1/decisions/" + Id(FreshDecision(admin, w.c1)) + "/document.pdf", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"download another commune's decision as DOCX",
       [](const World& w, const HttpClient& admin) {
         return Call{
             "GET", "/api/v1/decisions/" + Id(FreshDecision(admin, w.c2)) + "/document.docx", {}};
       },
       "200 200 200 403 403 403 403 403"},
      // Form 2: the team list out, and members in (a dry run).
      {"export the commune's team list",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/team-list.csv", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"export another commune's team list",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c2) + "/team-list.xlsx", {}};
       },
       "200 200 200 403 403 403 403 403"},
      {"dry-run a member import into the commune",
       [](const World& w, auto&) {
         return Call{"POST",
                     U(w.c1) + "/imports",
                     {},
                     std::string("TT,Tên xã/phường/thị trấn,Tên Tổ công nghệ số cộng đồng,Họ tên,"
                                 "Chức vụ,Điện thoại di động (đã đăng ký Zalo)\n1,Xã Một,"
                                 "Tổ công nghệ số cộng đồng Thôn Một,Hồ Văn Nhập,Tổ viên,") +
                         UniquePhone() + "\n",
                     "text/csv"};
       },
       "200 200 200 200 200 403 403 403"},
      // Field work: the catalogue, targets and indicators.
      {"list the services",
       [](const World&, auto&) {
         return Call{"GET", "/api/v1/services", {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"set the commune's target",
       [](const World& w, auto&) {
         return Call{"PUT", U(w.c1) + "/targets",
                     json{{"year", 2025}, {"indicator", "vneid"}, {"min", 90}}};
       },
       "200 200 200 200 200 403 403 403"},
      {"read the commune's indicators",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/indicators?year=2025", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"read another commune's indicators",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c2) + "/indicators?year=2025", {}};
       },
       "200 200 200 403 403 403 403 403"},
      // --- catalogue rows (catalogue helper) ---
      {"add a province service",
       [](const World& w, auto&) {
         return Call{"POST", U(w.p) + "/services",
                     json{{"code", "svc_" + UniqueSuffix()},
                          {"name", "Dịch vụ của tỉnh"},
                          {"subject", "people"},
                          {"cohort", "age14plus"}}};
       },
       "201 201 403 403 403 403 403 403"},
      {"list the services of the team's village",
       [](const World& w, auto&) {
         return Call{"GET", "/api/v1/services?unit_id=" + Id(w.v1), {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"list the services of another commune",
       [](const World& w, auto&) {
         return Call{"GET", "/api/v1/services?unit_id=" + Id(w.c2), {}};
       },
       "200 200 200 403 403 403 403 403"},
      {"define a province indicator",
       [](const World& w, auto&) {
         return Call{"POST", U(w.p) + "/indicator-definitions",
                     json{{"code", "ind_" + UniqueSuffix()},
                          {"name", "Chỉ số của tỉnh"},
                          {"source", "service"},
                          {"service", "payment_account"},
                          {"cohort", "working_age"},
                          {"measure", "percent"}}};
       },
       "201 201 403 403 403 403 403 403"},
      {"read the commune's indicator definitions",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/indicator-definitions", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"read another commune's indicator definitions",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c2) + "/indicator-definitions", {}};
       },
       "200 200 200 403 403 403 403 403"},
      // --- end catalogue rows ---
      // --- trainings rows (trainings helper) ---
      // Trainings and propaganda events: recorded by the team (as field work), voided by managers.
      // Bodies are built inline: a fresh UUID, a current member of the team (T2 gets a new one).
      {"list the training topics",
       [](const World&, auto&) {
         return Call{"GET", "/api/v1/training-topics", {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"list the propaganda kinds",
       [](const World&, auto&) {
         return Call{"GET", "/api/v1/propaganda-kinds", {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"record a training of the own team",
       [](const World& w, const HttpClient& admin) {
         const std::string n = UniqueSuffix();
         const json member = GetTeam(admin, w.t1)["members"][0]["person"]["id"];
         return Call{"POST", "/api/v1/trainings",
                     json{{"id", "ac7e0000-0000-4000-8000-" + std::string(12 - n.size(), '0') + n},
                          {"team_id", w.t1},
                          {"unit_id", w.v1},
                          {"date", "2025-08-01"},
                          {"audience", "residents"},
                          {"topic", "digital_skills"},
                          {"title", "Kỹ năng số"},
                          {"attendance", 20},
                          {"member_ids", {member}}}};
       },
       "201 201 201 201 201 403 201 201"},
      {"record a training of another commune's team",
       [](const World& w, const HttpClient& admin) {
         const std::string n = UniqueSuffix();
         const json member = AddMember(admin, w.t2, "Mai Thị Học", "member")["person"]["id"];
         return Call{"POST", "/api/v1/trainings",
                     json{{"id", "ac7e0000-0000-4000-8000-" + std::string(12 - n.size(), '0') + n},
                          {"team_id", w.t2},
                          {"unit_id", w.v2},
                          {"date", "2025-08-01"},
                          {"audience", "members"},
                          {"topic", "vneid"},
                          {"title", "VNeID mức 2"},
                          {"attendance", 5},
                          {"member_ids", {member}}}};
       },
       "201 201 201 403 403 403 403 403"},
      {"list the commune's trainings",
       [](const World& w, auto&) {
         return Call{"GET", "/api/v1/trainings?unit_id=" + Id(w.c1), {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"void a training of the own team",
       [](const World& w, const HttpClient& admin) {
         const std::string n = UniqueSuffix();
         const std::string id = "ac7e0000-0000-4000-8000-" + std::string(12 - n.size(), '0') + n;
         const json member = GetTeam(admin, w.t1)["members"][0]["person"]["id"];
         const HttpResponse r = admin.Post("/api/v1/trainings", {{"id", id},
                                                                 {"team_id", w.t1},
                                                                 {"unit_id", w.v1},
                                                                 {"date", "2025-08-01"},
                                                                 {"audience", "residents"},
                                                                 {"topic", "ecommerce"},
                                                                 {"title", "Bán hàng online"},
                                                                 {"attendance", 12},
                                                                 {"households", 4},
                                                                 {"member_ids", {member}}});
         if (r.status != 201) throw std::runtime_error("training: " + r.Describe());
         return Call{"POST", "/api/v1/trainings/void", json{{"id", id}}};
       },
       "200 200 200 200 200 403 403 403"},
      {"record a propaganda event of the own team",
       [](const World& w, const HttpClient& admin) {
         const std::string n = UniqueSuffix();
         const json member = GetTeam(admin, w.t1)["members"][0]["person"]["id"];
         return Call{"POST", "/api/v1/propaganda-events",
                     json{{"id", "ac7e0000-0000-4000-8000-" + std::string(12 - n.size(), '0') + n},
                          {"team_id", w.t1},
                          {"unit_id", w.v1},
                          {"date", "2025-08-01"},
                          {"kind", "loudspeaker"},
                          {"member_ids", {member}}}};
       },
       "201 201 201 201 201 403 201 201"},
      {"list the commune's propaganda events",
       [](const World& w, auto&) {
         return Call{"GET", "/api/v1/propaganda-events?unit_id=" + Id(w.c1), {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"void a propaganda event of another commune's team",
       [](const World& w, const HttpClient& admin) {
         const std::string n = UniqueSuffix();
         const std::string id = "ac7e0000-0000-4000-8000-" + std::string(12 - n.size(), '0') + n;
         const json member = AddMember(admin, w.t2, "Mai Văn Loa", "member")["person"]["id"];
         const HttpResponse r = admin.Post("/api/v1/propaganda-events", {{"id", id},
                                                                         {"team_id", w.t2},
                                                                         {"unit_id", w.v2},
                                                                         {"date", "2025-08-01"},
                                                                         {"kind", "meeting"},
                                                                         {"member_ids", {member}}});
         if (r.status != 201) throw std::runtime_error("event: " + r.Describe());
         return Call{"POST", "/api/v1/propaganda-events/void", json{{"id", id}}};
       },
       "200 200 200 403 403 403 403 403"},
      // --- end trainings rows ---
      // --- reports rows (reports helper) ---
      // The reporting cycle: a team's leader or its commune's officers write the team's
      // report; the level above decides on it (docs/reporting.md).
      {"write the own team's monthly report",
       [](const World& w, auto&) {
         static int n = 0;  // one month of 2001 per role
         return Call{"POST", "/api/v1/reports",
                     json{{"kind", "team_monthly"},
                          {"team_id", w.t1},
                          {"period", "2001-0" + std::to_string(++n)}}};
       },
       "201 201 201 201 201 403 201 403"},
      {"read the own team's report",
       [](const World& w, const HttpClient& admin) {
         static int n = 0;  // one month of 2002 per role
         const json made =
             admin
                 .Post("/api/v1/reports", json{{"kind", "team_monthly"},
                                               {"team_id", w.t1},
                                               {"period", "2002-0" + std::to_string(++n)}})
                 .Json();
         return Call{"GET", "/api/v1/reports/" + Id(IdOf(made)), {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"edit the own team's report",
       [](const World& w, const HttpClient& admin) {
         static int n = 0;  // one month of 2003 per role
         const json made =
             admin
                 .Post("/api/v1/reports", json{{"kind", "team_monthly"},
                                               {"team_id", w.t1},
                                               {"period", "2003-0" + std::to_string(++n)}})
                 .Json();
         return Call{"PATCH", "/api/v1/reports/" + Id(IdOf(made)),
                     json{{"difficulties", "Thiếu điện thoại."}}};
       },
       "200 200 200 200 200 403 200 403"},
      {"submit the own team's report",
       [](const World& w, const HttpClient& admin) {
         static int n = 0;  // one month of 2004 per role
         const json made =
             admin
                 .Post("/api/v1/reports", json{{"kind", "team_monthly"},
                                               {"team_id", w.t1},
                                               {"period", "2004-0" + std::to_string(++n)}})
                 .Json();
         return Call{"POST", "/api/v1/reports/" + Id(IdOf(made)) + "/submit", json::object()};
       },
       "200 200 200 200 200 403 200 403"},
      {"approve the own commune's team report",
       [](const World& w, const HttpClient& admin) {
         static int n = 0;  // one month of 2005 per role
         const json made =
             admin
                 .Post("/api/v1/reports", json{{"kind", "team_monthly"},
                                               {"team_id", w.t1},
                                               {"period", "2005-0" + std::to_string(++n)}})
                 .Json();
         admin.Post("/api/v1/reports/" + Id(IdOf(made)) + "/submit", json::object());
         return Call{"POST", "/api/v1/reports/" + Id(IdOf(made)) + "/approve", json::object()};
       },
       "200 200 200 200 200 403 403 403"},
      {"return another commune's team report",
       [](const World& w, const HttpClient& admin) {
         static int n = 0;  // one month of 2006 per role
         const json made =
             admin
                 .Post("/api/v1/reports", json{{"kind", "team_monthly"},
                                               {"team_id", w.t2},
                                               {"period", "2006-0" + std::to_string(++n)}})
                 .Json();
         admin.Post("/api/v1/reports/" + Id(IdOf(made)) + "/submit", json::object());
         return Call{"POST", "/api/v1/reports/" + Id(IdOf(made)) + "/return",
                     json{{"reason", "Thiếu số liệu."}}};
       },
       "200 200 200 403 403 403 403 403"},
      {"write the commune's monthly report",
       [](const World& w, auto&) {
         static int n = 0;
         return Call{"POST", "/api/v1/reports",
                     json{{"kind", "commune_monthly"},
                          {"unit_id", w.c1},
                          {"period", "2007-0" + std::to_string(++n)}}};
       },
       "201 201 201 201 201 403 403 403"},
      {"approve the commune's report (the district decides)",
       [](const World& w, const HttpClient& admin) {
         static int n = 0;  // one month of 2008 per role
         const json made =
             admin
                 .Post("/api/v1/reports", json{{"kind", "commune_monthly"},
                                               {"unit_id", w.c1},
                                               {"period", "2008-0" + std::to_string(++n)}})
                 .Json();
         admin.Post("/api/v1/reports/" + Id(IdOf(made)) + "/submit", json::object());
         return Call{"POST", "/api/v1/reports/" + Id(IdOf(made)) + "/approve", json::object()};
       },
       "200 200 200 403 403 403 403 403"},
      {"list reports",
       [](const World&, auto&) {
         return Call{"GET", "/api/v1/reports", {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"read the commune's reporting status",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/reporting-status?period=2025-03", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"read another commune's reporting status",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c2) + "/reporting-status?period=2025-03", {}};
       },
       "200 200 200 403 403 403 403 403"},
      {"set the province's due dates",
       [](const World& w, auto&) {
         return Call{"PUT", U(w.p) + "/reporting-policy",
                     json{{"kind", "district_monthly"}, {"due_day", 28}}};
       },
       "200 200 403 403 403 403 403 403"},
      {"read the due dates",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/reporting-policy", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"download the commune's consolidated report",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/consolidated-report?period=2025-03&format=xlsx", {}};
       },
       "200 200 200 200 200 200 403 403"},
      // --- end reports rows ---
      // --- allowances rows (allowances helper) ---
      {"set the commune's allowance rate",
       [](const World& w, auto&) {
         return Call{"PUT", U(w.c1) + "/allowance-rates",
                     json{{"valid_from", "2025-01"}, {"per_member_day", 50000}}};
       },
       "200 200 200 200 200 403 403 403"},
      {"read the commune's allowance rates",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/allowance-rates?period=2025-03", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"read the commune's allowance sheet",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/allowances?period=2025-03", {}};
       },
       "200 200 200 200 200 403 403 403"},
      {"download another commune's allowance sheet",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c2) + "/allowances?period=2025-03&format=csv", {}};
       },
       "200 200 200 403 403 403 403 403"},
      // --- end allowances rows ---
      // --- cashless rows (cashless helper) ---
      {"declare a cashless street in the commune's village",
       [](const World& w, auto&) {
         return Call{"POST", U(w.v1) + "/cashless-places",
                     json{{"kind", "street"},
                          {"name", "Đường " + UniqueSuffix()},
                          {"declared_on", "2025-09-02"}}};
       },
       "201 201 201 201 201 403 403 403"},
      {"declare a cashless market in another commune's village",
       [](const World& w, auto&) {
         return Call{"POST", U(w.v2) + "/cashless-places",
                     json{{"kind", "market"},
                          {"name", "Chợ " + UniqueSuffix()},
                          {"declared_on", "2025-09-02"}}};
       },
       "201 201 201 403 403 403 403 403"},
      {"list the commune's cashless places",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "/cashless-places", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"void a cashless place in the commune's village",
       [](const World& w, const HttpClient& admin) {
         const json made =
             admin
                 .Post(U(w.v1) + "/cashless-places", json{{"kind", "street"},
                                                          {"name", "Đường " + UniqueSuffix()},
                                                          {"declared_on", "2025-09-02"}})
                 .Json();
         return Call{"POST", "/api/v1/cashless-places/" + Id(IdOf(made)) + "/void", json::object()};
       },
       "200 200 200 200 200 403 403 403"},
      // --- end cashless rows ---
      // --- unit events rows (unit-events helper) ---
      {"read the commune as it was on a day",
       [](const World& w, auto&) {
         return Call{"GET", U(w.c1) + "?on=2025-06-30", {}};
       },
       "200 200 200 200 200 200 403 403"},
      {"read the village's events",
       [](const World& w, auto&) {
         return Call{"GET", U(w.v1) + "/events", {}};
       },
       "200 200 200 200 200 200 200 200"},
      {"read another commune's village's events",
       [](const World& w, auto&) {
         return Call{"GET", U(w.v2) + "/events", {}};
       },
       "200 200 200 403 403 403 403 403"},
      {"merge two villages of the commune into a new one",
       [](const World& w, const HttpClient& admin) {
         return Call{"POST", "/api/v1/unit-events", MergeOfFreshVillages(admin, w.c1)};
       },
       "201 201 201 201 201 403 403 403"},
      {"merge two villages of another commune",
       [](const World& w, const HttpClient& admin) {
         return Call{"POST", "/api/v1/unit-events", MergeOfFreshVillages(admin, w.c2)};
       },
       "201 201 201 403 403 403 403 403"},
      {"rename a commune of the district",
       [](const World& w, const HttpClient& admin) {
         const json commune = MakeCommune(admin, "Xã Đổi Tên", w.d);
         return Call{"POST", "/api/v1/unit-events",
                     json{{"kind", "rename"},
                          {"effective", "2025-07-01"},
                          {"unit_id", IdOf(commune)},
                          {"name", "Xã Tên Mới"}}};
       },
       "201 201 201 403 403 403 403 403"},
      {"dissolve an empty district of the province",
       [](const World& w, const HttpClient& admin) {
         const json district = MakeDistrict(admin, "Huyện Giải Thể", w.p);
         return Call{
             "POST", "/api/v1/unit-events",
             json{{"kind", "dissolve"}, {"effective", "2025-07-01"}, {"unit_id", IdOf(district)}}};
       },
       "201 201 403 403 403 403 403 403"},
      {"dissolve an empty province",
       [](const World&, const HttpClient& admin) {
         const json province = MakeProvince(admin, "Tỉnh Giải Thể " + UniqueSuffix());
         return Call{
             "POST", "/api/v1/unit-events",
             json{{"kind", "dissolve"}, {"effective", "2025-07-01"}, {"unit_id", IdOf(province)}}};
       },
       "201 403 403 403 403 403 403 403"},
      // --- end unit events rows ---
      {"read another commune's audit",
       [](const World& w, auto&) {
         return Call{"GET", "/api/v1/audit?unit=" + Id(w.c2), {}};
       },
       "200 200 200 403 403 403 403 403"},
  };
  return rows;
}

std::vector<std::string> Split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

TEST(AccessMatrix, EveryRoleReachesExactlyWhatItShould) {
  const World& w = TheWorld();
  const HttpClient& admin = w.as.at("admin");
  std::ostringstream mismatches;
  int checked = 0;
  for (const Row& row : Rows()) {
    const std::vector<std::string> expected = Split(row.expected);
    ASSERT_EQ(expected.size(), kRoles.size()) << row.name;
    for (std::size_t i = 0; i < kRoles.size(); ++i) {
      const Call call = row.make(w, admin);
      HttpRequest req{.method = call.method, .path = call.path};
      if (call.body) req.body = call.body->dump();
      if (call.raw_body) req.body = *call.raw_body;
      req.content_type = call.content_type;
      const HttpResponse r = w.as.at(kRoles[i]).Send(req);
      ++checked;
      if (std::to_string(r.status) != expected[i]) {
        mismatches << "  " << row.name << " as " << kRoles[i] << ": expected " << expected[i]
                   << ", got " << r.Describe() << "\n";
      }
    }
  }
  EXPECT_TRUE(mismatches.str().empty()) << "Routes that answered otherwise:\n" << mismatches.str();
  EXPECT_GE(checked, 8 * 35);
}

}  // namespace
}  // namespace cnscd_test
