// API.md "Teams and members" and "Coverage"; DOMAIN.md §3 (team names, the Quảng Trị sizes,
// collaborators, joining and leaving).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "http_client.hpp"
#include "places.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

const std::string kTeamPrefix = "Tổ công nghệ số cộng đồng ";

// province → district → commune → two villages, all with unique names.
struct Tree : Chain {
  json village1, village2;
};

Tree MakeTree(const HttpClient& c, const std::string& label) {
  Tree t{MakeChain(c, "Tỉnh " + label + " " + UniqueSuffix(), "Huyện " + label, "Xã " + label)};
  t.village1 = MakeVillage(c, "Ấp Một " + label, IdOf(t.commune));
  t.village2 = MakeVillage(c, "Ấp Hai " + label, IdOf(t.commune));
  return t;
}

bool Has(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string Members(const json& team) { return "/api/v1/teams/" + Id(IdOf(team)) + "/members"; }

size_t MemberCount(const HttpClient& c, const json& team) {
  json t = GetTeam(c, IdOf(team));
  if (!t.contains("members") || !t["members"].is_array()) {
    throw std::runtime_error("team has no \"members\" array: " + t.dump());
  }
  return t["members"].size();
}

bool ListsMembership(const json& team, const json& membership_id) {
  for (const json& m : team.at("members")) {
    if (m.contains("membership_id") && m["membership_id"] == membership_id) return true;
  }
  return false;
}

// Adds `count` people with `role`.
void AddMembers(const HttpClient& c, const json& team, const std::string& role, int count) {
  for (int i = 0; i < count; ++i) {
    AddMember(c, IdOf(team), "Người " + role + " " + UniqueSuffix(), role);
  }
}

// The Quảng Trị plan (seed 002): village teams 5–8, commune teams exactly 5, each with a leader
// and a deputy.
void PutQuangTriPolicy(const HttpClient& c, const json& province) {
  const HttpResponse r = c.Put(
      "/api/v1/units/" + Id(IdOf(province)) + "/policy",
      {{"village", {{"min", 5}, {"max", 8}, {"require_leader", true}, {"require_deputy", true}}},
       {"commune", {{"min", 5}, {"max", 5}, {"require_leader", true}, {"require_deputy", true}}}});
  if (r.status != 200) throw std::runtime_error("PUT policy failed: " + r.Describe());
}

// --- creating teams ---------------------------------------------------------------------------

TEST(Teams, AVillageTeamGetsTheDefaultName) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Tên Tổ");
  const HttpResponse r =
      c.Post("/api/v1/teams", {{"unit_id", IdOf(t.village1)}, {"level", "village"}});
  ASSERT_TRUE(HasStatus(r, 201));
  json team = r.Json();
  EXPECT_TRUE(team.contains("id") && team["id"].is_number_integer()) << r.body;
  EXPECT_EQ(team["unit_id"], IdOf(t.village1));
  EXPECT_EQ(team["level"], "village");
  EXPECT_EQ(team["name"], kTeamPrefix + t.village1["name"].get<std::string>());
  EXPECT_EQ(team["status"], "active");
}

TEST(Teams, ATeamMayBeGivenItsOwnName) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Tên Riêng");
  const HttpResponse r = c.Post(
      "/api/v1/teams",
      {{"unit_id", IdOf(t.village1)}, {"level", "village"}, {"name", "Tổ CNSCĐ ấp Mỹ Phước"}});
  ASSERT_TRUE(HasStatus(r, 201));
  EXPECT_EQ(r.Json()["name"], "Tổ CNSCĐ ấp Mỹ Phước");
}

TEST(Teams, ACommuneTeamSitsOnACommune) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Tổ Xã");
  const HttpResponse r =
      c.Post("/api/v1/teams", {{"unit_id", IdOf(t.commune)}, {"level", "commune"}});
  ASSERT_TRUE(HasStatus(r, 201));
  EXPECT_EQ(r.Json()["level"], "commune");
  EXPECT_EQ(r.Json()["name"], kTeamPrefix + t.commune["name"].get<std::string>());
}

TEST(Teams, ATeamOnTheWrongKindOfUnitIsRefused) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Sai Cấp");
  EXPECT_TRUE(IsError(c.Post("/api/v1/teams", {{"unit_id", IdOf(t.commune)}, {"level", "village"}}),
                      422, "", "unit_id"));
  EXPECT_TRUE(
      IsError(c.Post("/api/v1/teams", {{"unit_id", IdOf(t.village1)}, {"level", "commune"}}), 422,
              "", "unit_id"));
  EXPECT_TRUE(
      IsError(c.Post("/api/v1/teams", {{"unit_id", IdOf(t.province)}, {"level", "village"}}), 422,
              "", "unit_id"));
  const HttpResponse list = c.Get("/api/v1/teams?unit=" + Id(IdOf(t.province)));
  ASSERT_TRUE(HasStatus(list, 200));
  EXPECT_EQ(list.Json()["total"], 0) << "a refused team was written: " << list.body;
}

TEST(Teams, ATeamOnAnUnknownUnitIsNotFound) {
  const HttpClient c = AdminClient();
  EXPECT_TRUE(IsError(c.Post("/api/v1/teams", {{"unit_id", 987654321}, {"level", "village"}}), 404,
                      "", "unit_id"));
}

TEST(Teams, AnUnknownLevelIsRefused) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Cấp Lạ");
  EXPECT_TRUE(
      IsError(c.Post("/api/v1/teams", {{"unit_id", IdOf(t.village1)}, {"level", "district"}}), 422,
              "", "level"));
}

TEST(Teams, TeamsAreListedOverTheUnitsSubtree) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Cây Tổ");
  json t1 = MakeTeam(c, IdOf(t.village1), "village");
  json t2 = MakeTeam(c, IdOf(t.village2), "village");
  json tc = MakeTeam(c, IdOf(t.commune), "commune");

  auto ids = [&c](std::int64_t unit) {
    const HttpResponse r = c.Get("/api/v1/teams?unit=" + Id(unit));
    EXPECT_TRUE(HasStatus(r, 200));
    json j = r.Json();
    std::vector<std::int64_t> out;
    if (!j.is_object() || !j["items"].is_array()) {
      ADD_FAILURE() << "not a list: " << r.body;
      return out;
    }
    for (json& item : j["items"]) out.push_back(IdOf(item));
    EXPECT_EQ(j["total"], out.size()) << r.body;
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<std::int64_t> all = {IdOf(t1), IdOf(t2), IdOf(tc)};
  std::sort(all.begin(), all.end());
  EXPECT_EQ(ids(IdOf(t.province)), all);
  EXPECT_EQ(ids(IdOf(t.district)), all);
  EXPECT_EQ(ids(IdOf(t.commune)), all);
  EXPECT_EQ(ids(IdOf(t.village1)), std::vector<std::int64_t>{IdOf(t1)});
}

TEST(Teams, ATeamShowsItsMembersAndViolations) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Xem Tổ");
  json created = MakeTeam(c, IdOf(t.village1), "village");
  const HttpResponse r = c.Get("/api/v1/teams/" + Id(IdOf(created)));
  ASSERT_TRUE(HasStatus(r, 200));
  json team = r.Json();
  EXPECT_EQ(team["id"], IdOf(created));
  EXPECT_EQ(team["unit_id"], IdOf(t.village1));
  EXPECT_EQ(team["level"], "village");
  EXPECT_EQ(team["name"], created["name"]);
  EXPECT_EQ(team["status"], "active");
  EXPECT_EQ(team["members"], json::array()) << r.body;
  EXPECT_EQ(team["violations"], json::array()) << "no policy, so no violations: " << r.body;
}

TEST(Teams, AnUnknownTeamIsNotFound) {
  const HttpClient c = AdminClient();
  EXPECT_TRUE(IsError(c.Get("/api/v1/teams/987654321"), 404));
}

// --- members ----------------------------------------------------------------------------------

TEST(Members, NguyenVanAnJoinsAsLeaderAndHisPhoneIsStoredAsTenDigits) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Thành Viên");
  json team = MakeTeam(c, IdOf(t.village1), "village");
  const HttpResponse r = c.Post(Members(team), {{"person",
                                                 {{"full_name", "Nguyễn Văn An"},
                                                  {"phone", "+84 912 345 678"},
                                                  {"zalo", "0912345678"},
                                                  {"occupation", "Giáo viên"},
                                                  {"gender", "male"},
                                                  {"birth_year", 1985}}},
                                                {"role", "leader"}});
  ASSERT_TRUE(HasStatus(r, 201));
  json m = r.Json();
  EXPECT_TRUE(m.contains("membership_id") && m["membership_id"].is_number_integer()) << r.body;
  EXPECT_EQ(m["role"], "leader");
  EXPECT_TRUE(m["since"].is_string() && m["since"].get<std::string>().size() == 10)
      << "since should be YYYY-MM-DD: " << r.body;
  json& person = m["person"];
  EXPECT_TRUE(person.is_object() && person["id"].is_number_integer()) << r.body;
  EXPECT_EQ(person["full_name"], "Nguyễn Văn An");
  EXPECT_EQ(person["phone"], "0912345678");
  EXPECT_EQ(person["occupation"], "Giáo viên");

  json shown = GetTeam(c, IdOf(team));
  ASSERT_EQ(shown["members"].size(), 1u) << shown.dump();
  json& listed = shown["members"][0];
  EXPECT_EQ(listed["membership_id"], m["membership_id"]);
  EXPECT_EQ(listed["role"], "leader");
  EXPECT_EQ(listed["since"], m["since"]);
  EXPECT_EQ(listed["person"]["full_name"], "Nguyễn Văn An");
  EXPECT_EQ(listed["person"]["phone"], "0912345678");
  EXPECT_EQ(listed["person"]["occupation"], "Giáo viên");
}

TEST(Members, APhoneThatIsNotAVietnameseMobileIsRefused) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Số Điện Thoại");
  json team = MakeTeam(c, IdOf(t.village1), "village");
  for (const std::string& phone : {std::string(40, '9'), std::string("12345")}) {
    SCOPED_TRACE(phone);
    const HttpResponse r = c.Post(
        Members(team),
        {{"person", {{"full_name", "Trần Thị Bình"}, {"phone", phone}}}, {"role", "member"}});
    EXPECT_TRUE(IsError(r, 422, "", "person.phone"));
  }
  EXPECT_EQ(MemberCount(c, team), 0u) << "a refused member was written";
}

TEST(Members, AnEmptyFullNameIsRefused) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Họ Tên Trống");
  json team = MakeTeam(c, IdOf(t.village1), "village");
  for (const char* name : {"", "   "}) {
    SCOPED_TRACE(std::string("full_name \"") + name + "\"");
    const HttpResponse r =
        c.Post(Members(team),
               {{"person", {{"full_name", name}, {"phone", UniquePhone()}}}, {"role", "member"}});
    EXPECT_TRUE(IsError(r, 422, "", "person.full_name"));
  }
  EXPECT_EQ(MemberCount(c, team), 0u);
}

TEST(Members, AnUnknownRoleIsRefused) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Vai Trò Lạ");
  json team = MakeTeam(c, IdOf(t.village1), "village");
  const HttpResponse r =
      c.Post(Members(team), {{"person", {{"full_name", "Lê Văn Cường"}, {"phone", UniquePhone()}}},
                             {"role", "chairman"}});
  EXPECT_TRUE(IsError(r, 422, "", "role"));
  EXPECT_EQ(MemberCount(c, team), 0u);
}

TEST(Members, ThePhoneIsOptional) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Không Điện Thoại");
  json team = MakeTeam(c, IdOf(t.village1), "village");
  const HttpResponse r =
      c.Post(Members(team), {{"person", {{"full_name", "Phạm Thị Dung"}}}, {"role", "member"}});
  ASSERT_TRUE(HasStatus(r, 201));
  json person = r.Json()["person"];
  EXPECT_TRUE(!person.contains("phone") || person["phone"].is_null()) << r.body;
  EXPECT_EQ(MemberCount(c, team), 1u);
}

TEST(Members, APhoneAlreadyUsedByAnotherPersonIsAConflict) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Trùng Số");
  json team = MakeTeam(c, IdOf(t.village1), "village");
  json other_team = MakeTeam(c, IdOf(t.village2), "village");
  const std::string phone = UniquePhone();
  ASSERT_TRUE(HasStatus(
      c.Post(Members(team),
             {{"person", {{"full_name", "Võ Văn Em"}, {"phone", phone}}}, {"role", "member"}}),
      201));
  const HttpResponse r =
      c.Post(Members(other_team),
             {{"person", {{"full_name", "Đặng Thị Giang"}, {"phone", phone}}}, {"role", "member"}});
  EXPECT_TRUE(IsError(r, 409, "phone_in_use"));
  EXPECT_EQ(MemberCount(c, other_team), 0u);
}

TEST(Members, AnActiveMemberCannotJoinTheSameTeamTwice) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Vào Hai Lần");
  json team = MakeTeam(c, IdOf(t.village1), "village");
  const json body = {{"person", {{"full_name", "Hồ Văn Hải"}, {"phone", UniquePhone()}}},
                     {"role", "member"}};
  ASSERT_TRUE(HasStatus(c.Post(Members(team), body), 201));
  EXPECT_TRUE(IsError(c.Post(Members(team), body), 409, "already_member"));
  EXPECT_EQ(MemberCount(c, team), 1u);
}

TEST(Members, AddingToAnUnknownTeamIsNotFound) {
  const HttpClient c = AdminClient();
  const HttpResponse r = c.Post(
      "/api/v1/teams/987654321/members",
      {{"person", {{"full_name", "Ngô Văn Khoa"}, {"phone", UniquePhone()}}}, {"role", "member"}});
  EXPECT_TRUE(IsError(r, 404));
}

// --- composition (Quảng Trị, seed 002) --------------------------------------------------------

TEST(Composition, QuangTriCommuneTeamWithSixMembersIsFlagged) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Quảng Trị Sáu");
  PutQuangTriPolicy(c, t.province);
  json team = MakeTeam(c, IdOf(t.commune), "commune");
  AddMembers(c, team, "leader", 1);
  AddMembers(c, team, "deputy", 1);
  AddMembers(c, team, "member", 4);  // allowed: the policy is not strict
  json shown = GetTeam(c, IdOf(team));
  EXPECT_EQ(shown["members"].size(), 6u);
  const std::vector<std::string> codes = ViolationCodes(shown);
  EXPECT_TRUE(Has(codes, "too_many_members")) << shown["violations"].dump();
  EXPECT_FALSE(Has(codes, "too_few_members")) << shown["violations"].dump();
  EXPECT_FALSE(Has(codes, "no_leader")) << shown["violations"].dump();
  EXPECT_FALSE(Has(codes, "no_deputy")) << shown["violations"].dump();
  for (json& v : shown["violations"]) {
    EXPECT_TRUE(v["message"].is_string() && !v["message"].get<std::string>().empty()) << v;
  }
}

TEST(Composition, QuangTriVillageTeamOfFourIsTooSmall) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Quảng Trị Bốn");
  PutQuangTriPolicy(c, t.province);
  json team = MakeTeam(c, IdOf(t.village1), "village");
  AddMembers(c, team, "leader", 1);
  AddMembers(c, team, "deputy", 1);
  AddMembers(c, team, "member", 2);
  json shown = GetTeam(c, IdOf(team));
  const std::vector<std::string> codes = ViolationCodes(shown);
  EXPECT_TRUE(Has(codes, "too_few_members")) << shown["violations"].dump();
  EXPECT_FALSE(Has(codes, "too_many_members")) << shown["violations"].dump();
}

TEST(Composition, QuangTriVillageTeamWithinFiveToEightHasNoViolations) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Quảng Trị Đủ");
  PutQuangTriPolicy(c, t.province);
  json team = MakeTeam(c, IdOf(t.village1), "village");
  AddMembers(c, team, "leader", 1);
  AddMembers(c, team, "deputy", 1);
  AddMembers(c, team, "member", 3);
  json shown = GetTeam(c, IdOf(team));
  EXPECT_EQ(shown["violations"], json::array());
}

TEST(Composition, CollaboratorsDoNotCountTowardTheSize) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Cộng Tác Viên");
  PutQuangTriPolicy(c, t.province);

  // 4 members + 2 collaborators: still too small for 5–8.
  json village_team = MakeTeam(c, IdOf(t.village1), "village");
  AddMembers(c, village_team, "leader", 1);
  AddMembers(c, village_team, "deputy", 1);
  AddMembers(c, village_team, "member", 2);
  AddMembers(c, village_team, "collaborator", 2);
  json v = GetTeam(c, IdOf(village_team));
  EXPECT_TRUE(Has(ViolationCodes(v), "too_few_members")) << v["violations"].dump();

  // 5 members + 1 collaborator: exactly 5 for the commune team.
  json commune_team = MakeTeam(c, IdOf(t.commune), "commune");
  AddMembers(c, commune_team, "leader", 1);
  AddMembers(c, commune_team, "deputy", 1);
  AddMembers(c, commune_team, "member", 3);
  AddMembers(c, commune_team, "collaborator", 1);
  json x = GetTeam(c, IdOf(commune_team));
  EXPECT_EQ(x["violations"], json::array());
}

TEST(Composition, ATeamWithoutLeaderOrDeputyIsFlaggedWhenThePolicyRequiresThem) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Thiếu Tổ Trưởng");
  PutQuangTriPolicy(c, t.province);
  json team = MakeTeam(c, IdOf(t.village1), "village");
  AddMembers(c, team, "member", 5);
  json shown = GetTeam(c, IdOf(team));
  const std::vector<std::string> codes = ViolationCodes(shown);
  EXPECT_TRUE(Has(codes, "no_leader")) << shown["violations"].dump();
  EXPECT_TRUE(Has(codes, "no_deputy")) << shown["violations"].dump();
  EXPECT_FALSE(Has(codes, "too_few_members")) << shown["violations"].dump();
}

TEST(Composition, AStrictPolicyRefusesAMemberBeyondMaxAndWritesNothing) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Nghiêm Ngặt");
  ASSERT_TRUE(HasStatus(c.Put("/api/v1/units/" + Id(IdOf(t.province)) + "/policy",
                              {{"commune", {{"min", 1}, {"max", 2}, {"strict", true}}}}),
                        200));
  json effective = c.Get("/api/v1/units/" + Id(IdOf(t.commune)) + "/policy").Json();
  EXPECT_EQ(effective["commune"]["strict"], true) << effective.dump();

  json team = MakeTeam(c, IdOf(t.commune), "commune");
  AddMembers(c, team, "leader", 1);
  AddMembers(c, team, "member", 1);
  const std::string phone = UniquePhone();
  const HttpResponse third =
      c.Post(Members(team),
             {{"person", {{"full_name", "Lý Văn Thừa"}, {"phone", phone}}}, {"role", "member"}});
  EXPECT_TRUE(IsError(third, 422));
  EXPECT_EQ(MemberCount(c, team), 2u) << "a refused member was written";

  // Nothing was written: not even the person, so the phone is still free for someone else.
  json village_team = MakeTeam(c, IdOf(t.village1), "village");
  EXPECT_TRUE(HasStatus(
      c.Post(Members(village_team),
             {{"person", {{"full_name", "Mai Thị Khác"}, {"phone", phone}}}, {"role", "member"}}),
      201));
}

// --- leaving ----------------------------------------------------------------------------------

TEST(Members, RemovingAMemberTakesThemOffTheTeam) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Rời Tổ");
  json team = MakeTeam(c, IdOf(t.village1), "village");
  json stays = AddMember(c, IdOf(team), "Trương Văn Ở", "leader");
  json leaves = AddMember(c, IdOf(team), "Đinh Thị Đi", "member");
  const std::string path = Members(team) + "/" + Id(leaves["membership_id"].get<std::int64_t>());

  EXPECT_TRUE(HasStatus(c.Delete(path), 200));
  json shown = GetTeam(c, IdOf(team));
  EXPECT_FALSE(ListsMembership(shown, leaves["membership_id"])) << shown["members"].dump();
  EXPECT_TRUE(ListsMembership(shown, stays["membership_id"])) << shown["members"].dump();

  EXPECT_TRUE(IsErrorIn(c.Delete(path), {404, 409}));
  EXPECT_EQ(MemberCount(c, team), 1u);
}

TEST(Members, AMembershipOfAnotherTeamIsNotFound) {
  const HttpClient c = AdminClient();
  Tree t = MakeTree(c, "Tổ Khác");
  json team = MakeTeam(c, IdOf(t.village1), "village");
  json other = MakeTeam(c, IdOf(t.village2), "village");
  json m = AddMember(c, IdOf(team), "Cao Văn Lạc", "member");
  const HttpResponse r =
      c.Delete(Members(other) + "/" + Id(m["membership_id"].get<std::int64_t>()));
  EXPECT_TRUE(IsError(r, 404));
  EXPECT_TRUE(ListsMembership(GetTeam(c, IdOf(team)), m["membership_id"]));
}

// --- coverage ---------------------------------------------------------------------------------

json Coverage(const HttpClient& c, const json& unit) {
  const HttpResponse r = c.Get("/api/v1/units/" + Id(IdOf(unit)) + "/coverage");
  EXPECT_TRUE(HasStatus(r, 200));
  json j = r.Json();
  for (const char* key :
       {"villages", "villages_with_team", "percent", "teams", "members", "teams_with_violations"}) {
    EXPECT_TRUE(j.is_object() && j.contains(key) && j[key].is_number())
        << "coverage lacks a number \"" << key << "\": " << r.body;
  }
  return j.is_object() ? j : json::object();
}

TEST(Coverage, TwoOfThreeVillagesWithATeamIsSixtySixPointSevenPercent) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Độ Phủ " + UniqueSuffix());
  json x = MakeCommune(c, "Xã Độ Phủ", IdOf(p));
  json v1 = MakeVillage(c, "Ấp Phủ Một", IdOf(x));
  json v2 = MakeVillage(c, "Ấp Phủ Hai", IdOf(x));
  json v3 = MakeVillage(c, "Ấp Phủ Ba", IdOf(x));
  json t1 = MakeTeam(c, IdOf(v1), "village");
  MakeTeam(c, IdOf(v2), "village");
  AddMember(c, IdOf(t1), "Tôn Văn Phủ", "leader");

  for (json* unit : {&x, &p}) {
    SCOPED_TRACE(unit->value("name", ""));
    json cov = Coverage(c, *unit);
    EXPECT_EQ(cov["villages"], 3);
    EXPECT_EQ(cov["villages_with_team"], 2);
    EXPECT_NEAR(cov.value("percent", -1.0), 66.7, 0.05);
    EXPECT_EQ(cov["teams"], 2);
    EXPECT_EQ(cov["members"], 1);
    EXPECT_EQ(cov["teams_with_violations"], 0);
  }

  json with_team = Coverage(c, v1);
  EXPECT_EQ(with_team["villages"], 1);
  EXPECT_EQ(with_team["villages_with_team"], 1);
  EXPECT_NEAR(with_team.value("percent", -1.0), 100.0, 0.05);
  EXPECT_EQ(with_team["teams"], 1);
  EXPECT_EQ(with_team["members"], 1);

  json without = Coverage(c, v3);
  EXPECT_EQ(without["villages"], 1);
  EXPECT_EQ(without["villages_with_team"], 0);
  EXPECT_NEAR(without.value("percent", -1.0), 0.0, 0.05);
  EXPECT_EQ(without["teams"], 0);
}

TEST(Coverage, TeamsThatBreakThePolicyAreCounted) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Vi Phạm " + UniqueSuffix());
  json x = MakeCommune(c, "Xã Vi Phạm", IdOf(p));
  json t1 = MakeTeam(c, IdOf(MakeVillage(c, "Ấp Vi Phạm Một", IdOf(x))), "village");
  json t2 = MakeTeam(c, IdOf(MakeVillage(c, "Ấp Vi Phạm Hai", IdOf(x))), "village");
  AddMembers(c, t1, "member", 2);
  AddMembers(c, t2, "member", 1);
  EXPECT_EQ(Coverage(c, x)["teams_with_violations"], 0);

  ASSERT_TRUE(HasStatus(
      c.Put("/api/v1/units/" + Id(IdOf(x)) + "/policy", {{"village", {{"min", 2}, {"max", 8}}}}),
      200));
  json cov = Coverage(c, x);
  EXPECT_EQ(cov["teams_with_violations"], 1) << cov.dump();  // t2 has 1 < 2
  EXPECT_EQ(cov["members"], 3);
}

TEST(Coverage, CoverageOfAnUnknownUnitIsNotFound) {
  const HttpClient c = AdminClient();
  EXPECT_TRUE(IsError(c.Get("/api/v1/units/987654321/coverage"), 404));
}

}  // namespace
}  // namespace cnscd_test
