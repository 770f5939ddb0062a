// Joining and leaving a team (seed 002 §3.1.4, DOMAIN.md §3): a resident applies, the team leader
// introduces the request (a join the leader files is introduced by filing it), the commune
// People's Committee chairman approves; only then is the resident a member. Leaving: the member
// asks, the leader proposes, the chairman approves.
// Played over HTTP by real accounts, each holding only its own role.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

const std::string kRequests = "/api/v1/membership-requests";
constexpr const char* kPassword = "mat-khau-123";

// An account with one grant, signed in.
struct Actor {
  HttpClient client{""};
  std::int64_t account_id = 0;
};

Actor MakeActor(const HttpClient& admin, const std::string& role, const std::string& where,
                std::int64_t where_id) {
  const std::string username = "h1-" + role + "-" + UniqueSuffix();
  const HttpResponse made =
      admin.Post("/api/v1/accounts", {{"username", username}, {"password", kPassword}});
  if (made.status != 201) throw std::runtime_error("creating " + username + ": " + made.Describe());
  const std::int64_t id = IdOf(made.Json());
  const HttpResponse granted =
      admin.Post("/api/v1/accounts/" + Id(id) + "/grants", {{"role", role}, {where, where_id}});
  if (granted.status != 201) {
    throw std::runtime_error("granting " + role + ": " + granted.Describe());
  }
  const HttpResponse login =
      admin.Post("/api/v1/auth/login", {{"username", username}, {"password", kPassword}});
  if (login.status != 200) throw std::runtime_error("login " + username + ": " + login.Describe());
  return {HttpClient(admin.base_url(), login.Json().at("token").get<std::string>()), id};
}

// Quảng Trị: a province whose village teams need a leader, a commune with a village and its
// team, the people who act on it, and a second commune with its own chairman.
struct World {
  HttpClient admin = AdminClient();
  json province, commune, village, team, other_commune;
  Actor leader, chair, officer, member, other_chair;
};

const World& TheWorld() {
  static const World* world = [] {
    auto* w = new World;
    const HttpClient& a = w->admin;
    w->province = MakeProvince(a, "Tỉnh Quảng Trị " + UniqueSuffix());
    const HttpResponse policy =
        a.Put("/api/v1/units/" + Id(IdOf(w->province)) + "/policy",
              {{"village", {{"require_leader", true}}}, {"commune", {{"require_leader", true}}}});
    if (policy.status != 200) throw std::runtime_error("policy: " + policy.Describe());
    w->commune = MakeCommune(a, "Xã Cam Tuyền", IdOf(w->province));
    w->village = MakeVillage(a, "Thôn Tân Lập", IdOf(w->commune));
    w->team = MakeTeam(a, IdOf(w->village), "village");
    w->other_commune = MakeCommune(a, "Xã Cam Thành", IdOf(w->province));
    w->leader = MakeActor(a, "team_leader", "team_id", IdOf(w->team));
    w->chair = MakeActor(a, "commune_chair", "unit_id", IdOf(w->commune));
    w->officer = MakeActor(a, "commune_officer", "unit_id", IdOf(w->commune));
    w->member = MakeActor(a, "member", "team_id", IdOf(w->team));
    w->other_chair = MakeActor(a, "commune_chair", "unit_id", IdOf(w->other_commune));
    return w;
  }();
  return *world;
}

std::int64_t TeamId() { return IdOf(TheWorld().team); }

std::string At(std::int64_t request_id, const std::string& step = "") {
  return kRequests + "/" + Id(request_id) + (step.empty() ? "" : "/" + step);
}

json JoinBody(const std::string& full_name, const std::string& phone) {
  return {{"kind", "join"},
          {"team_id", TeamId()},
          {"person", {{"full_name", full_name}, {"phone", phone}, {"occupation", "Giáo viên"}}}};
}

// Files a join request; returns its JSON (throws unless 201).
json SubmitJoin(const HttpClient& c, const std::string& full_name) {
  const HttpResponse r = c.Post(kRequests, JoinBody(full_name, UniquePhone()));
  if (r.status != 201) throw std::runtime_error("submitting a join: " + r.Describe());
  return r.Json();
}

json Step(const HttpClient& c, const json& request, const std::string& step) {
  const HttpResponse r = c.Post(At(IdOf(request), step), json::object());
  if (r.status != 200) throw std::runtime_error(step + ": " + r.Describe());
  return r.Json();
}

json Read(const HttpClient& c, const json& request) {
  const HttpResponse r = c.Get(At(IdOf(request)));
  if (r.status != 200) throw std::runtime_error("reading a request: " + r.Describe());
  return r.Json();
}

size_t MemberCount() { return GetTeam(TheWorld().admin, TeamId()).at("members").size(); }

bool ListsMembership(const json& team, const json& membership_id) {
  return std::any_of(team.at("members").begin(), team.at("members").end(),
                     [&](const json& m) { return m.at("membership_id") == membership_id; });
}

std::vector<std::string> Codes(const json& request) {
  std::vector<std::string> out;
  for (const json& c : request.at("consequences")) out.push_back(c.at("code"));
  return out;
}

std::vector<std::int64_t> Ids(const HttpResponse& list) {
  std::vector<std::int64_t> out;
  const json body = list.Json();  // kept alive: the loop runs over a part of it
  for (const json& item : body.at("items")) out.push_back(IdOf(item));
  return out;
}

bool Contains(const std::vector<std::int64_t>& ids, const json& request) {
  return std::find(ids.begin(), ids.end(), IdOf(request)) != ids.end();
}

// The current leader's membership, adding one when the team has none.
json LeaderMembership() {
  const World& w = TheWorld();
  const json team = GetTeam(w.admin, TeamId());
  for (const json& m : team.at("members")) {
    if (m.at("role") == "leader") return m;
  }
  return AddMember(w.admin, TeamId(), "Trưởng Thôn " + UniqueSuffix(), "leader");
}

// --- the procedure ----------------------------------------------------------------------------

TEST(JoinRequests, AResidentBecomesAMemberOnlyWhenTheChairmanApprovesWhatTheLeaderIntroduced) {
  const World& w = TheWorld();
  const size_t before = MemberCount();

  const HttpResponse filed =
      w.member.client.Post(kRequests, JoinBody("Nguyễn Thị Hoa", "+84 912 700 001"));
  ASSERT_TRUE(HasStatus(filed, 201));
  const json request = filed.Json();
  EXPECT_EQ(request["kind"], "join");
  EXPECT_EQ(request["state"], "submitted");
  EXPECT_EQ(request["team_id"], TeamId());
  EXPECT_EQ(request["role"], "member");
  EXPECT_EQ(request["person"]["full_name"], "Nguyễn Thị Hoa");
  EXPECT_EQ(request["person"]["phone"], "0912700001");
  EXPECT_EQ(request["submitted_by"], w.member.account_id);
  EXPECT_TRUE(request["submitted_at"].is_string());
  EXPECT_TRUE(request["nominated_by"].is_null());
  EXPECT_TRUE(request["decided_by"].is_null());
  EXPECT_TRUE(request["result_membership_id"].is_null());
  EXPECT_TRUE(request["consequences"].is_array());
  EXPECT_EQ(MemberCount(), before) << "an application alone makes nobody a member";

  const json nominated = Step(w.leader.client, request, "nominate");
  EXPECT_EQ(nominated["state"], "nominated");
  EXPECT_EQ(nominated["nominated_by"], w.leader.account_id);
  EXPECT_TRUE(nominated["nominated_at"].is_string());
  EXPECT_EQ(MemberCount(), before) << "the leader's introduction alone makes nobody a member";

  const json approved = Step(w.chair.client, request, "approve");
  EXPECT_EQ(approved["state"], "approved");
  EXPECT_EQ(approved["decided_by"], w.chair.account_id);
  EXPECT_TRUE(approved["decided_at"].is_string());
  ASSERT_TRUE(approved["result_membership_id"].is_number_integer()) << approved.dump();

  const json team = GetTeam(w.admin, TeamId());
  EXPECT_EQ(team["members"].size(), before + 1);
  ASSERT_TRUE(ListsMembership(team, approved["result_membership_id"]));
  for (const json& m : team["members"]) {
    if (m["membership_id"] != approved["result_membership_id"]) continue;
    EXPECT_EQ(m["role"], "member");
    EXPECT_EQ(m["person"]["full_name"], "Nguyễn Thị Hoa");
    EXPECT_EQ(m["person"]["phone"], "0912700001");
    EXPECT_EQ(m["person"]["occupation"], "Giáo viên");
  }
  EXPECT_EQ(Read(w.member.client, request)["state"], "approved");
}

TEST(JoinRequests, ALeadersOwnJoinRequestGoesStraightToTheChairman) {
  const World& w = TheWorld();
  const size_t before = MemberCount();
  const json request = SubmitJoin(w.leader.client, "Lê Thị Thẳng");
  EXPECT_EQ(request["state"], "nominated");
  EXPECT_EQ(request["submitted_by"], w.leader.account_id);
  EXPECT_EQ(request["nominated_by"], w.leader.account_id);
  EXPECT_EQ(request["nominated_at"], request["submitted_at"]);
  // Nothing is left for the leader to introduce: the chairman has it at once.
  EXPECT_FALSE(Contains(Ids(w.leader.client.Get("/api/v1/inbox")), request));
  EXPECT_TRUE(Contains(Ids(w.chair.client.Get("/api/v1/inbox")), request));
  EXPECT_TRUE(IsError(w.leader.client.Post(At(IdOf(request), "nominate"), json::object()), 409,
                      "invalid_transition"));
  const json approved = Step(w.chair.client, request, "approve");
  EXPECT_EQ(approved["state"], "approved");
  EXPECT_EQ(MemberCount(), before + 1);
  // A leave the leader files still waits on the leader, as a member's does.
  const json m = AddMember(w.admin, TeamId(), "Lê Văn Ở " + UniqueSuffix(), "member");
  const HttpResponse leave = w.leader.client.Post(
      kRequests, {{"kind", "leave"}, {"team_id", TeamId()}, {"membership_id", m["membership_id"]}});
  ASSERT_TRUE(HasStatus(leave, 201));
  EXPECT_EQ(leave.Json()["state"], "submitted");
  Step(w.leader.client, leave.Json(), "withdraw");
}

TEST(LeaveRequests, ALeaderWhoLeavesShowsTheTeamWithoutALeaderAndIsKeptInHistory) {
  const World& w = TheWorld();
  const json leader = LeaderMembership();
  const size_t before = MemberCount();

  const HttpResponse filed =
      w.leader.client.Post(kRequests, {{"kind", "leave"},
                                       {"team_id", TeamId()},
                                       {"membership_id", leader["membership_id"]},
                                       {"note", "Chuyển công tác"}});
  ASSERT_TRUE(HasStatus(filed, 201));
  const json request = filed.Json();
  EXPECT_EQ(request["kind"], "leave");
  EXPECT_EQ(request["membership_id"], leader["membership_id"]);
  EXPECT_EQ(request["role"], "leader");
  EXPECT_EQ(request["note"], "Chuyển công tác");
  EXPECT_EQ(request["person"]["full_name"], leader["person"]["full_name"]);
  const auto codes = Codes(request);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "no_leader"), codes.end()) << request.dump();
  for (const json& c : request["consequences"]) {
    EXPECT_TRUE(c["message"].is_string() && c["message_en"].is_string());
  }

  Step(w.leader.client, request, "nominate");
  // The chairman sees what approving would do before deciding.
  const auto seen = Codes(Read(w.chair.client, request));
  EXPECT_NE(std::find(seen.begin(), seen.end(), "no_leader"), seen.end());
  EXPECT_EQ(MemberCount(), before);

  const json approved = Step(w.chair.client, request, "approve");
  EXPECT_EQ(approved["state"], "approved");
  EXPECT_EQ(approved["result_membership_id"], leader["membership_id"]);
  EXPECT_TRUE(approved["consequences"].empty()) << "a decided request has nothing pending";

  const json team = GetTeam(w.admin, TeamId());
  EXPECT_EQ(team["members"].size(), before - 1);
  EXPECT_FALSE(ListsMembership(team, leader["membership_id"]));
  const auto violations = ViolationCodes(team);
  EXPECT_NE(std::find(violations.begin(), violations.end(), "no_leader"), violations.end());
  // The membership is kept, ended: asking again finds it and says so.
  EXPECT_TRUE(IsError(w.leader.client.Post(kRequests, {{"kind", "leave"},
                                                       {"team_id", TeamId()},
                                                       {"membership_id", leader["membership_id"]}}),
                      409, "membership_ended"));
  AddMember(w.admin, TeamId(), "Trưởng Thôn Mới " + UniqueSuffix(), "leader");
}

TEST(LeaveRequests, AMemberAsksToLeaveAndTheConsequencesAreEmptyWhenTheTeamStaysWhole) {
  const World& w = TheWorld();
  LeaderMembership();
  const json m = AddMember(w.admin, TeamId(), "Lê Văn Tư " + UniqueSuffix(), "member");
  const HttpResponse filed = w.member.client.Post(
      kRequests, {{"kind", "leave"}, {"team_id", TeamId()}, {"membership_id", m["membership_id"]}});
  ASSERT_TRUE(HasStatus(filed, 201));
  const json request = filed.Json();
  EXPECT_EQ(request["role"], "member");
  EXPECT_TRUE(request["consequences"].empty()) << request.dump();
  Step(w.leader.client, request, "nominate");
  Step(w.chair.client, request, "approve");
  EXPECT_FALSE(ListsMembership(GetTeam(w.admin, TeamId()), m["membership_id"]));
}

TEST(JoinRequests, TheChairmanRejectsWithAReason) {
  const World& w = TheWorld();
  const size_t before = MemberCount();
  const json request = SubmitJoin(w.member.client, "Trần Văn Bình");
  Step(w.leader.client, request, "nominate");

  EXPECT_TRUE(
      IsError(w.chair.client.Post(At(IdOf(request), "reject"), json::object()), 422, "", "reason"));
  EXPECT_TRUE(IsError(w.chair.client.Post(At(IdOf(request), "reject"), {{"reason", "   "}}), 422,
                      "", "reason"));
  EXPECT_EQ(Read(w.chair.client, request)["state"], "nominated");

  const HttpResponse rejected =
      w.chair.client.Post(At(IdOf(request), "reject"), {{"reason", "Không cư trú tại thôn"}});
  ASSERT_TRUE(HasStatus(rejected, 200));
  EXPECT_EQ(rejected.Json()["state"], "rejected");
  EXPECT_EQ(rejected.Json()["reason"], "Không cư trú tại thôn");
  EXPECT_EQ(rejected.Json()["decided_by"], w.chair.account_id);
  EXPECT_EQ(MemberCount(), before);
}

TEST(JoinRequests, TheChairmanMayRejectAnApplicationTheLeaderHasNotYetIntroduced) {
  const World& w = TheWorld();
  const json request = SubmitJoin(w.member.client, "Hồ Thị Lan");
  const HttpResponse rejected =
      w.chair.client.Post(At(IdOf(request), "reject"), {{"reason", "Hồ sơ chưa đủ"}});
  ASSERT_TRUE(HasStatus(rejected, 200));
  EXPECT_EQ(rejected.Json()["state"], "rejected");
}

TEST(JoinRequests, TheApplicantWithdrawsTheirOwnRequest) {
  const World& w = TheWorld();
  const json request = SubmitJoin(w.member.client, "Phạm Thị Cúc");
  // Neither an officer nor the chairman may take back someone else's request.
  EXPECT_TRUE(IsError(w.officer.client.Post(At(IdOf(request), "withdraw"), json::object()), 403,
                      "forbidden"));
  EXPECT_TRUE(IsError(w.chair.client.Post(At(IdOf(request), "withdraw"), json::object()), 403,
                      "forbidden"));
  EXPECT_EQ(Read(w.admin, request)["state"], "submitted");

  const json withdrawn = Step(w.member.client, request, "withdraw");
  EXPECT_EQ(withdrawn["state"], "withdrawn");
  EXPECT_EQ(withdrawn["decided_by"], w.member.account_id);
}

TEST(JoinRequests, TheLeaderMayWithdrawARequestOfTheTeam) {
  const World& w = TheWorld();
  const json request = SubmitJoin(w.member.client, "Đặng Văn Sơn");
  Step(w.leader.client, request, "nominate");
  EXPECT_EQ(Step(w.leader.client, request, "withdraw")["state"], "withdrawn");
}

TEST(JoinRequests, EveryStepIsInTheAuditTrailWithTheMembershipItMade) {
  const World& w = TheWorld();
  const json request = SubmitJoin(w.member.client, "Lý Thị Ghi");
  Step(w.leader.client, request, "nominate");
  const json approved = Step(w.chair.client, request, "approve");

  const HttpResponse trail =
      w.admin.Get("/api/v1/audit?entity=membership_request:" + Id(IdOf(request)));
  ASSERT_TRUE(HasStatus(trail, 200));
  const json entries = trail.Json()["items"];
  std::vector<std::string> actions;
  for (const json& e : entries) {
    actions.push_back(e["action"]);
    EXPECT_EQ(e["team_id"], TeamId());
    EXPECT_EQ(e["entity_type"], "membership_request");
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"approve", "nominate", "create"}));
  ASSERT_EQ(entries.size(), 3U);
  EXPECT_EQ(entries[0]["before"]["state"], "nominated");
  EXPECT_EQ(entries[0]["after"]["state"], "approved");
  EXPECT_EQ(entries[0]["account_id"], w.chair.account_id);
  EXPECT_EQ(entries[1]["account_id"], w.leader.account_id);
  EXPECT_EQ(entries[2]["account_id"], w.member.account_id);

  const HttpResponse membership =
      w.admin.Get("/api/v1/audit?entity=membership:" +
                  Id(approved["result_membership_id"].get<std::int64_t>()));
  ASSERT_TRUE(HasStatus(membership, 200));
  ASSERT_EQ(membership.Json()["total"], 1);
  EXPECT_EQ(membership.Json()["items"][0]["action"], "create");
  EXPECT_EQ(membership.Json()["items"][0]["account_id"], w.chair.account_id);
}

// --- refusals ---------------------------------------------------------------------------------

TEST(RequestSteps, EveryStepOutOfOrderIsAConflictAndWritesNothing) {
  const World& w = TheWorld();
  const size_t before = MemberCount();

  const json submitted = SubmitJoin(w.member.client, "Võ Văn Năm");
  const HttpResponse early = w.chair.client.Post(At(IdOf(submitted), "approve"), json::object());
  EXPECT_TRUE(IsError(early, 409, "invalid_transition"));
  EXPECT_NE(early.Json()["error"]["message"].get<std::string>().find("đã gửi"), std::string::npos)
      << "the message names the current state: " << early.body;
  EXPECT_EQ(Read(w.admin, submitted)["state"], "submitted");

  Step(w.leader.client, submitted, "nominate");
  const HttpResponse twice = w.leader.client.Post(At(IdOf(submitted), "nominate"), json::object());
  EXPECT_TRUE(IsError(twice, 409, "invalid_transition"));
  EXPECT_NE(twice.Json()["error"]["message"].get<std::string>().find("đã giới thiệu"),
            std::string::npos)
      << twice.body;
  EXPECT_EQ(Read(w.admin, submitted)["nominated_by"], w.leader.account_id);

  const json withdrawn = SubmitJoin(w.member.client, "Võ Thị Sáu");
  Step(w.leader.client, withdrawn, "nominate");
  Step(w.leader.client, withdrawn, "withdraw");
  EXPECT_TRUE(IsError(w.chair.client.Post(At(IdOf(withdrawn), "approve"), json::object()), 409,
                      "invalid_transition"));
  EXPECT_TRUE(IsError(w.leader.client.Post(At(IdOf(withdrawn), "withdraw"), json::object()), 409,
                      "invalid_transition"));
  EXPECT_TRUE(IsError(w.chair.client.Post(At(IdOf(withdrawn), "reject"), {{"reason", "Muộn"}}), 409,
                      "invalid_transition"));
  EXPECT_EQ(Read(w.admin, withdrawn)["state"], "withdrawn");
  EXPECT_EQ(MemberCount(), before) << "no refused step may add a member";

  Step(w.chair.client, submitted, "approve");
  const size_t after_one = MemberCount();
  EXPECT_EQ(after_one, before + 1);
  const HttpResponse stale = w.chair.client.Post(At(IdOf(submitted), "approve"), json::object());
  EXPECT_TRUE(IsError(stale, 409, "invalid_transition"));
  EXPECT_NE(stale.Json()["error"]["message"].get<std::string>().find("đã phê duyệt"),
            std::string::npos)
      << stale.body;
  EXPECT_TRUE(IsError(w.chair.client.Post(At(IdOf(submitted), "reject"), {{"reason", "Nhầm"}}), 409,
                      "invalid_transition"));
  EXPECT_TRUE(IsError(w.leader.client.Post(At(IdOf(submitted), "withdraw"), json::object()), 409,
                      "invalid_transition"));
  EXPECT_EQ(MemberCount(), after_one);
  EXPECT_EQ(Read(w.admin, submitted)["state"], "approved");
}

TEST(RequestSteps, EachStepBelongsToItsRole) {
  const World& w = TheWorld();
  const json request = SubmitJoin(w.member.client, "Huỳnh Văn Tám");
  // Only the team leader introduces.
  EXPECT_TRUE(IsError(w.chair.client.Post(At(IdOf(request), "nominate"), json::object()), 403,
                      "forbidden"));
  EXPECT_TRUE(IsError(w.member.client.Post(At(IdOf(request), "nominate"), json::object()), 403,
                      "forbidden"));
  EXPECT_TRUE(IsError(w.officer.client.Post(At(IdOf(request), "nominate"), json::object()), 403,
                      "forbidden"));
  EXPECT_EQ(Read(w.admin, request)["state"], "submitted");
  Step(w.leader.client, request, "nominate");
  // Only the chairman of this commune decides.
  const size_t before = MemberCount();
  for (const Actor* who : {&w.officer, &w.leader, &w.member, &w.other_chair}) {
    EXPECT_TRUE(
        IsError(who->client.Post(At(IdOf(request), "approve"), json::object()), 403, "forbidden"));
    EXPECT_TRUE(IsError(who->client.Post(At(IdOf(request), "reject"), {{"reason", "Không"}}), 403,
                        "forbidden"));
  }
  EXPECT_EQ(Read(w.admin, request)["state"], "nominated");
  EXPECT_EQ(MemberCount(), before);
  // Another commune's chairman does not even see it.
  EXPECT_TRUE(IsError(w.other_chair.client.Get(At(IdOf(request))), 403, "forbidden"));
  EXPECT_TRUE(IsError(w.other_chair.client.Post(kRequests, JoinBody("Người Ngoài", UniquePhone())),
                      403, "forbidden"));
}

TEST(RequestInput, BadRequestsAreRefusedByField) {
  const World& w = TheWorld();
  const HttpClient& c = w.leader.client;
  json body = JoinBody("Ngô Văn Một", UniquePhone());
  body.erase("team_id");
  EXPECT_TRUE(IsError(c.Post(kRequests, body), 422, "", "team_id"));
  body["team_id"] = 987654321;
  EXPECT_TRUE(IsError(c.Post(kRequests, body), 404, "not_found", "team_id"));
  EXPECT_TRUE(IsError(c.Post(kRequests, JoinBody("Ngô Văn Hai", "12345")), 422, "invalid_phone",
                      "person.phone"));
  body = JoinBody("Ngô Văn Ba", UniquePhone());
  body["kind"] = "transfer";
  EXPECT_TRUE(IsError(c.Post(kRequests, body), 422, "", "kind"));
  body.erase("kind");
  EXPECT_TRUE(IsError(c.Post(kRequests, body), 422, "", "kind"));
  body = JoinBody("Ngô Văn Bốn", UniquePhone());
  body["role"] = "chief";
  EXPECT_TRUE(IsError(c.Post(kRequests, body), 422, "", "role"));
  EXPECT_TRUE(
      IsError(c.Post(kRequests, {{"kind", "join"}, {"team_id", TeamId()}}), 422, "", "person"));
  EXPECT_TRUE(IsError(c.Post(kRequests, {{"kind", "leave"}, {"team_id", TeamId()}}), 422, "",
                      "membership_id"));
  EXPECT_TRUE(IsError(
      c.Post(kRequests, {{"kind", "leave"}, {"team_id", TeamId()}, {"membership_id", 987654321}}),
      404, "not_found", "membership_id"));
  EXPECT_TRUE(IsError(c.Post(kRequests, {{"kind", "join"}, {"team_id", "x"}}), 400, "wrong_type",
                      "team_id"));
  EXPECT_TRUE(IsError(c.PostRaw(kRequests, "{"), 400, "malformed_json"));
  EXPECT_TRUE(IsError(c.Get(At(987654321)), 404, "not_found"));
  EXPECT_TRUE(IsError(c.Post(At(987654321, "approve"), json::object()), 404, "not_found"));
  EXPECT_TRUE(IsError(c.Get(kRequests + "?state=pending"), 400, "bad_query", "state"));
  EXPECT_TRUE(IsError(c.Get(kRequests + "?unit=abc"), 400, "bad_query", "unit"));
  EXPECT_TRUE(IsError(c.Get(kRequests + "?limit=0"), 400, "bad_query", "limit"));
}

TEST(RequestInput, OneOpenRequestPerApplicantAndPerMembership) {
  const World& w = TheWorld();
  const std::string phone = UniquePhone();
  ASSERT_TRUE(HasStatus(w.leader.client.Post(kRequests, JoinBody("Mai Văn Đông", phone)), 201));
  EXPECT_TRUE(IsError(w.member.client.Post(kRequests, JoinBody("Mai Văn Đông", phone)), 409,
                      "duplicate_request"));

  const json m = AddMember(w.admin, TeamId(), "Mai Thị Xuân " + UniqueSuffix(), "member");
  EXPECT_TRUE(IsError(
      w.leader.client.Post(kRequests, JoinBody(m["person"]["full_name"], m["person"]["phone"])),
      409, "already_member"));
  EXPECT_TRUE(
      IsError(w.leader.client.Post(kRequests, JoinBody("Người Khác Tên", m["person"]["phone"])),
              409, "phone_in_use", "person.phone"));
  const json leave = {
      {"kind", "leave"}, {"team_id", TeamId()}, {"membership_id", m["membership_id"]}};
  ASSERT_TRUE(HasStatus(w.member.client.Post(kRequests, leave), 201));
  EXPECT_TRUE(IsError(w.leader.client.Post(kRequests, leave), 409, "duplicate_request"));
}

TEST(RequestInput, ALeaveForAMembershipEndedMeanwhileIsRefusedAndWaits) {
  const World& w = TheWorld();
  const json m = AddMember(w.admin, TeamId(), "Tạ Văn Rời " + UniqueSuffix(), "member");
  const HttpResponse filed = w.member.client.Post(
      kRequests, {{"kind", "leave"}, {"team_id", TeamId()}, {"membership_id", m["membership_id"]}});
  ASSERT_TRUE(HasStatus(filed, 201));
  Step(w.leader.client, filed.Json(), "nominate");
  ASSERT_TRUE(HasStatus(w.admin.Delete("/api/v1/teams/" + Id(TeamId()) + "/members/" +
                                       Id(m["membership_id"].get<std::int64_t>())),
                        200));
  EXPECT_TRUE(IsError(w.chair.client.Post(At(IdOf(filed.Json()), "approve"), json::object()), 409,
                      "membership_ended"));
  EXPECT_EQ(Read(w.admin, filed.Json())["state"], "nominated");
  EXPECT_EQ(Step(w.leader.client, filed.Json(), "withdraw")["state"], "withdrawn");

  // A membership of another team is not this team's to end.
  const json village = MakeVillage(w.admin, "Thôn Bên " + UniqueSuffix(), IdOf(w.commune));
  const json other = AddMember(w.admin, IdOf(MakeTeam(w.admin, IdOf(village), "village")),
                               "Người Tổ Bên " + UniqueSuffix(), "member");
  EXPECT_TRUE(IsError(w.leader.client.Post(kRequests, {{"kind", "leave"},
                                                       {"team_id", TeamId()},
                                                       {"membership_id", other["membership_id"]}}),
                      404, "not_found", "membership_id"));
}

TEST(RequestInput, SomeoneAlreadyInAnotherTeamJoinsAsThemselves) {
  const World& w = TheWorld();
  const json other_village = MakeVillage(w.admin, "Thôn Khác " + UniqueSuffix(), IdOf(w.commune));
  const json other_team = MakeTeam(w.admin, IdOf(other_village), "village");
  const std::string suffix = UniqueSuffix();
  const json there = AddMember(w.admin, IdOf(other_team), "Đoàn Thị Thu " + suffix, "member");
  // The same phone and the same name (ignoring case and diacritics) is the same person.
  const std::string folded_name = "doan thi thu " + suffix;
  const HttpResponse filed =
      w.leader.client.Post(kRequests, JoinBody(folded_name, there["person"]["phone"]));
  ASSERT_TRUE(HasStatus(filed, 201));
  EXPECT_EQ(filed.Json()["state"], "nominated") << "the leader filed it";
  const json approved = Step(w.chair.client, filed.Json(), "approve");
  const json team = GetTeam(w.admin, TeamId());
  for (const json& m : team["members"]) {
    if (m["membership_id"] == approved["result_membership_id"]) {
      EXPECT_EQ(m["person"]["id"], there["person"]["id"]) << "one person, two teams";
    }
  }
  EXPECT_TRUE(ListsMembership(GetTeam(w.admin, IdOf(other_team)), there["membership_id"]));
}

TEST(RequestInput, AStrictTeamThatIsFullRefusesTheApprovalAndTheRequestWaits) {
  const World& w = TheWorld();
  const json village = MakeVillage(w.admin, "Thôn Đủ Người " + UniqueSuffix(), IdOf(w.commune));
  ASSERT_TRUE(HasStatus(w.admin.Put("/api/v1/units/" + Id(IdOf(village)) + "/policy",
                                    {{"village", {{"max", 1}, {"strict", true}}}}),
                        200));
  const json team = MakeTeam(w.admin, IdOf(village), "village");
  AddMember(w.admin, IdOf(team), "Người Duy Nhất", "leader");
  const HttpResponse filed = w.admin.Post(
      kRequests, {{"kind", "join"},
                  {"team_id", IdOf(team)},
                  {"person", {{"full_name", "Người Thứ Hai"}, {"phone", UniquePhone()}}}});
  ASSERT_TRUE(HasStatus(filed, 201));
  const auto codes = Codes(filed.Json());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "too_many_members"), codes.end());
  Step(w.admin, filed.Json(), "nominate");
  EXPECT_TRUE(IsError(w.chair.client.Post(At(IdOf(filed.Json()), "approve"), json::object()), 422,
                      "team_full"));
  EXPECT_EQ(Read(w.admin, filed.Json())["state"], "nominated");
  EXPECT_EQ(GetTeam(w.admin, IdOf(team))["members"].size(), 1U);
  // As a collaborator the same person is admitted.
  const HttpResponse as_collaborator = w.admin.Post(
      kRequests, {{"kind", "join"},
                  {"team_id", IdOf(team)},
                  {"role", "collaborator"},
                  {"person", {{"full_name", "Người Thứ Ba"}, {"phone", UniquePhone()}}}});
  ASSERT_TRUE(HasStatus(as_collaborator, 201));
  Step(w.admin, as_collaborator.Json(), "nominate");
  EXPECT_EQ(Step(w.chair.client, as_collaborator.Json(), "approve")["state"], "approved");
}

// --- lists --------------------------------------------------------------------------------------

TEST(Inbox, EachRoleSeesWhatWaitsOnIt) {
  const World& w = TheWorld();
  const json waiting_for_leader = SubmitJoin(w.member.client, "Chờ Tổ Trưởng");
  const json waiting_for_chair = SubmitJoin(w.member.client, "Chờ Chủ Tịch");
  Step(w.leader.client, waiting_for_chair, "nominate");
  const json decided = SubmitJoin(w.member.client, "Đã Xong");
  Step(w.member.client, decided, "withdraw");

  const HttpResponse leader = w.leader.client.Get("/api/v1/inbox");
  ASSERT_TRUE(HasStatus(leader, 200));
  EXPECT_TRUE(leader.Json()["total"].is_number_integer());
  EXPECT_TRUE(Contains(Ids(leader), waiting_for_leader));
  EXPECT_FALSE(Contains(Ids(leader), waiting_for_chair));
  EXPECT_FALSE(Contains(Ids(leader), decided));
  const json leader_items = leader.Json()["items"];
  for (const json& item : leader_items) EXPECT_EQ(item["state"], "submitted");

  const HttpResponse chair = w.chair.client.Get("/api/v1/inbox");
  ASSERT_TRUE(HasStatus(chair, 200));
  EXPECT_TRUE(Contains(Ids(chair), waiting_for_chair));
  EXPECT_FALSE(Contains(Ids(chair), waiting_for_leader));
  const json chair_items = chair.Json()["items"];
  for (const json& item : chair_items) EXPECT_EQ(item["state"], "nominated");

  for (const Actor* nobody : {&w.other_chair, &w.officer, &w.member}) {
    const HttpResponse r = nobody->client.Get("/api/v1/inbox");
    ASSERT_TRUE(HasStatus(r, 200));
    EXPECT_EQ(r.Json()["total"], 0) << r.body;
  }
  // Paging through the leader's inbox, newest first.
  const HttpResponse first = w.leader.client.Get("/api/v1/inbox?limit=1");
  ASSERT_TRUE(HasStatus(first, 200));
  EXPECT_EQ(first.Json()["items"].size(), 1U);
  EXPECT_EQ(first.Json()["total"], leader.Json()["total"]);
  EXPECT_EQ(IdOf(first.Json()["items"][0]), Ids(leader).front());
}

TEST(RequestLists, RequestsAreListedWithinTheCallersScopeNewestFirst) {
  const World& w = TheWorld();
  const json older = SubmitJoin(w.member.client, "Cũ Hơn");
  const json newer = SubmitJoin(w.member.client, "Mới Hơn");
  Step(w.leader.client, newer, "nominate");

  const HttpResponse all = w.chair.client.Get(kRequests + "?unit=" + Id(IdOf(w.commune)));
  ASSERT_TRUE(HasStatus(all, 200));
  const auto ids = Ids(all);
  ASSERT_TRUE(Contains(ids, older) && Contains(ids, newer));
  EXPECT_LT(std::find(ids.begin(), ids.end(), IdOf(newer)),
            std::find(ids.begin(), ids.end(), IdOf(older)));
  EXPECT_EQ(all.Json()["total"], static_cast<std::int64_t>(ids.size()));

  const HttpResponse nominated = w.member.client.Get(kRequests + "?state=nominated");
  ASSERT_TRUE(HasStatus(nominated, 200));
  EXPECT_TRUE(Contains(Ids(nominated), newer));
  EXPECT_FALSE(Contains(Ids(nominated), older));

  const HttpResponse outside = w.other_chair.client.Get(kRequests);
  ASSERT_TRUE(HasStatus(outside, 200));
  EXPECT_FALSE(Contains(Ids(outside), older));
  EXPECT_FALSE(Contains(Ids(outside), newer));
  const HttpResponse other_unit = w.admin.Get(kRequests + "?unit=" + Id(IdOf(w.other_commune)));
  ASSERT_TRUE(HasStatus(other_unit, 200));
  EXPECT_EQ(other_unit.Json()["total"], 0);
}

// --- two chairmen at once
// -------------------------------------------------------------------------

TEST(RequestSteps, TwoApprovalsAtOnceMakeOneMembership) {
  const World& w = TheWorld();
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const json request = SubmitJoin(w.leader.client, "Cùng Lúc " + UniqueSuffix());  // nominated
    const size_t before = MemberCount();
    // Two clients of the same chairman (say, the office PC and the phone).
    const HttpClient one(w.chair.client.base_url(), w.chair.client.token());
    const HttpClient two(w.chair.client.base_url(), w.chair.client.token());
    HttpResponse a;
    HttpResponse b;
    std::thread ta([&] { a = one.Post(At(IdOf(request), "approve"), json::object()); });
    std::thread tb([&] { b = two.Post(At(IdOf(request), "approve"), json::object()); });
    ta.join();
    tb.join();
    const int ok = (a.status == 200 ? 1 : 0) + (b.status == 200 ? 1 : 0);
    EXPECT_EQ(ok, 1) << a.Describe() << "\n" << b.Describe();
    EXPECT_TRUE(IsError(a.status == 200 ? b : a, 409, "invalid_transition"));
    EXPECT_EQ(MemberCount(), before + 1);
  }
}

}  // namespace
}  // namespace cnscd_test
