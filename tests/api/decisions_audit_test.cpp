// Establishment decisions (seed 001 Form 1: Quyết định của Chủ tịch UBND xã; seed 004: kiện toàn)
// and the audit trail: who changed what, when, from where.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

// province → district → two communes; commune A has two villages with a team each, B one.
struct Tree {
  json province, district, commune_a, commune_b, village_a1, village_a2, village_b;
  json team_a1, team_a2, team_b;
};

Tree MakeTree(const HttpClient& c, const std::string& label) {
  Tree t;
  t.province = MakeProvince(c, "Tỉnh " + label + " " + UniqueSuffix());
  t.district = MakeDistrict(c, "Huyện " + label, IdOf(t.province));
  t.commune_a = MakeCommune(c, "Xã Nhơn Mỹ " + label, IdOf(t.district));
  t.commune_b = MakeCommune(c, "Xã Kế An " + label, IdOf(t.district));
  t.village_a1 = MakeVillage(c, "Ấp Mỹ Phước " + label, IdOf(t.commune_a));
  t.village_a2 = MakeVillage(c, "Ấp Mỹ Thuận " + label, IdOf(t.commune_a));
  t.village_b = MakeVillage(c, "Ấp Kế Thành " + label, IdOf(t.commune_b));
  t.team_a1 = MakeTeam(c, IdOf(t.village_a1), "village");
  t.team_a2 = MakeTeam(c, IdOf(t.village_a2), "village");
  t.team_b = MakeTeam(c, IdOf(t.village_b), "village");
  return t;
}

// A new account holding one role on a unit (or a team, for team roles), signed in.
HttpClient SignedIn(const HttpClient& admin, const std::string& role, const std::string& place_key,
                    std::int64_t place_id) {
  return SignedInAs(admin, role, place_key, place_id);
}

HttpClient OnUnit(const HttpClient& admin, const std::string& role, const json& unit) {
  return SignedIn(admin, role, "unit_id", IdOf(unit));
}

// Today in Vietnam (UTC+7), the calendar the decisions' dates use.
std::string VietnamDate(std::chrono::days offset = std::chrono::days(0)) {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(system_clock::now() + hours(7)) + offset};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

json Decision(const json& commune, const std::string& number, const std::string& kind,
              const std::string& date = "2022-08-20") {
  return {{"commune_id", IdOf(commune)},
          {"number", number},
          {"date", date},
          {"signer", "Nguyễn Văn Chuẩn"},
          {"kind", kind}};
}

json Post201(const HttpClient& c, const std::string& path, const json& body) {
  const HttpResponse r = c.Post(path, body);
  if (r.status != 201) throw std::runtime_error("POST " + path + ": " + r.Describe());
  return r.Json();
}

json Audit(const HttpClient& c, const std::string& query) {
  const HttpResponse r = c.Get("/api/v1/audit?" + query);
  if (r.status != 200) throw std::runtime_error("GET /audit?" + query + ": " + r.Describe());
  return r.Json();
}

// The entries of a page with this action on this entity.
std::vector<json> Entries(const json& page, const std::string& action,
                          const std::string& entity_type) {
  std::vector<json> out;
  for (const json& e : page.at("items")) {
    if (e["action"] == action && e["entity_type"] == entity_type) out.push_back(e);
  }
  return out;
}

bool MentionsTeam(const json& page, std::int64_t team_id) {
  return std::any_of(page.at("items").begin(), page.at("items").end(), [&](const json& e) {
    return e["team_id"] == team_id || (e["entity_type"] == "team" && e["entity_id"] == team_id);
  });
}

// --- decisions --------------------------------------------------------------------------------

TEST(Decisions, TheChairEstablishesTheCommunesTeamsAndEachTeamRemembersItsDecision) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Thành Lập");
  AddMember(admin, IdOf(t.team_a1), "Trần Thị Tổ Viên", "member");
  AddMember(admin, IdOf(t.team_a1), "Lê Văn Tổ Trưởng", "leader");
  const HttpClient chair = OnUnit(admin, "commune_chair", t.commune_a);

  const HttpResponse r =
      chair.Post("/api/v1/decisions", Decision(t.commune_a, "15/QĐ-UBND", "establish"));
  ASSERT_TRUE(HasStatus(r, 201));
  const json d = r.Json();
  EXPECT_EQ(d["commune_id"], IdOf(t.commune_a));
  EXPECT_EQ(d["number"], "15/QĐ-UBND");
  EXPECT_EQ(d["date"], "2022-08-20");
  EXPECT_EQ(d["signer"], "Nguyễn Văn Chuẩn");
  EXPECT_EQ(d["kind"], "establish");
  EXPECT_TRUE(d["created_at"].is_string()) << r.body;
  const json& snap = d["snapshot"];
  EXPECT_EQ(snap["commune"]["id"], IdOf(t.commune_a));
  EXPECT_EQ(snap["commune"]["name"], t.commune_a["name"]);
  EXPECT_EQ(snap["commune"]["code"], t.commune_a["code"]);
  ASSERT_EQ(snap["teams"].size(), 2u) << "every active team of the commune, not B's: " << r.body;
  const json& first =
      snap["teams"][0]["id"] == IdOf(t.team_a1) ? snap["teams"][0] : snap["teams"][1];
  EXPECT_EQ(first["name"], t.team_a1["name"]);
  EXPECT_EQ(first["level"], "village");
  EXPECT_EQ(first["unit"]["id"], IdOf(t.village_a1));
  EXPECT_EQ(first["unit"]["name"], t.village_a1["name"]);
  ASSERT_EQ(first["members"].size(), 2u);
  EXPECT_EQ(first["members"][0]["role"], "leader") << "the leader is listed first";
  EXPECT_EQ(first["members"][0]["full_name"], "Lê Văn Tổ Trưởng");
  EXPECT_TRUE(first["members"][0]["phone"].is_string());
  EXPECT_TRUE(first["members"][0].contains("membership_id"));
  EXPECT_TRUE(first["members"][0].contains("occupation"));

  EXPECT_EQ(GetTeam(admin, IdOf(t.team_a1))["established_by"], IdOf(d));
  EXPECT_EQ(GetTeam(admin, IdOf(t.team_a2))["established_by"], IdOf(d));
  EXPECT_TRUE(GetTeam(admin, IdOf(t.team_b))["established_by"].is_null());
}

TEST(Decisions, ADecisionMayNameSomeTeamsOnly) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Một Tổ");
  json body = Decision(t.commune_a, "16/QĐ-UBND", "establish");
  body["team_ids"] = {IdOf(t.team_a2)};
  const json d = Post201(admin, "/api/v1/decisions", body);
  ASSERT_EQ(d["snapshot"]["teams"].size(), 1u);
  EXPECT_EQ(d["snapshot"]["teams"][0]["id"], IdOf(t.team_a2));
  EXPECT_TRUE(GetTeam(admin, IdOf(t.team_a1))["established_by"].is_null());
  EXPECT_EQ(GetTeam(admin, IdOf(t.team_a2))["established_by"], IdOf(d));
}

TEST(Decisions, AnIssuedDecisionDoesNotChangeWhenTheTeamDoes) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Bất Biến");
  const json m = AddMember(admin, IdOf(t.team_a1), "Phạm Văn Đầu", "leader");
  const json d =
      Post201(admin, "/api/v1/decisions", Decision(t.commune_a, "1/QĐ-UBND", "establish"));

  AddMember(admin, IdOf(t.team_a1), "Võ Thị Sau", "member");
  ASSERT_TRUE(HasStatus(admin.Delete("/api/v1/teams/" + Id(IdOf(t.team_a1)) + "/members/" +
                                     Id(m["membership_id"].get<std::int64_t>())),
                        200));
  const HttpResponse r = admin.Get("/api/v1/decisions/" + Id(IdOf(d)));
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(r.Json()["snapshot"], d["snapshot"]) << "the snapshot was rewritten";
}

TEST(Decisions, AnAmendingDecisionKeepsTheTeamsFirstEstablishment) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Kiện Toàn");
  const HttpClient chair = OnUnit(admin, "commune_chair", t.commune_a);
  const json first =
      Post201(chair, "/api/v1/decisions", Decision(t.commune_a, "15/QĐ-UBND", "establish"));
  const json amend = Post201(chair, "/api/v1/decisions",
                             Decision(t.commune_a, "40/QĐ-UBND", "amend", "2023-03-01"));
  EXPECT_EQ(amend["kind"], "amend");
  EXPECT_EQ(GetTeam(admin, IdOf(t.team_a1))["established_by"], IdOf(first));
  // A second "establish" naming an established team does not take it over either.
  Post201(chair, "/api/v1/decisions",
          Decision(t.commune_a, "41/QĐ-UBND", "establish", "2023-04-01"));
  EXPECT_EQ(GetTeam(admin, IdOf(t.team_a1))["established_by"], IdOf(first));
}

TEST(Decisions, TheSameNumberAndDateTwiceIsAConflict) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Trùng Số");
  Post201(admin, "/api/v1/decisions", Decision(t.commune_a, "15/QĐ-UBND", "establish"));
  EXPECT_TRUE(IsError(admin.Post("/api/v1/decisions", Decision(t.commune_a, "15/QĐ-UBND", "amend")),
                      409, "duplicate_decision"));
  // Another commune numbers its own decisions.
  EXPECT_TRUE(HasStatus(
      admin.Post("/api/v1/decisions", Decision(t.commune_b, "15/QĐ-UBND", "establish")), 201));
}

TEST(Decisions, ADateAfterTodayIsRefused) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Ngày Mai");
  EXPECT_TRUE(
      IsError(admin.Post("/api/v1/decisions", Decision(t.commune_a, "2/QĐ-UBND", "establish",
                                                       VietnamDate(std::chrono::days(2)))),
              422, "", "date"));
  EXPECT_TRUE(HasStatus(admin.Post("/api/v1/decisions",
                                   Decision(t.commune_a, "3/QĐ-UBND", "establish", VietnamDate())),
                        201));
}

TEST(Decisions, IncompleteOrWrongDecisionsAreRefusedByField) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Sai Sót");
  const std::string path = "/api/v1/decisions";
  for (const char* date : {"20/08/2022", "2022-02-30", "2022-8-20", ""}) {
    EXPECT_TRUE(IsError(admin.Post(path, Decision(t.commune_a, "5/QĐ-UBND", "establish", date)),
                        422, "", "date"))
        << date;
  }
  json no_number = Decision(t.commune_a, "  ", "establish");
  EXPECT_TRUE(IsError(admin.Post(path, no_number), 422, "", "number"));
  json long_number = Decision(t.commune_a, std::string(51, '9'), "establish");
  EXPECT_TRUE(IsError(admin.Post(path, long_number), 422, "", "number"));
  json no_signer = Decision(t.commune_a, "6/QĐ-UBND", "establish");
  no_signer["signer"] = "";
  EXPECT_TRUE(IsError(admin.Post(path, no_signer), 422, "", "signer"));
  EXPECT_TRUE(
      IsError(admin.Post(path, Decision(t.commune_a, "7/QĐ-UBND", "dissolve")), 422, "", "kind"));
  EXPECT_TRUE(IsError(admin.Post(path, Decision(t.village_a1, "8/QĐ-UBND", "establish")), 422, "",
                      "commune_id"));
  EXPECT_TRUE(IsError(admin.Post(path, Decision(t.district, "8/QĐ-UBND", "establish")), 422, "",
                      "commune_id"));
  json other_team = Decision(t.commune_a, "9/QĐ-UBND", "establish");
  other_team["team_ids"] = {IdOf(t.team_a1), IdOf(t.team_b)};
  EXPECT_TRUE(IsError(admin.Post(path, other_team), 422, "", "team_ids"));
  json bad_ids = Decision(t.commune_a, "9/QĐ-UBND", "establish");
  bad_ids["team_ids"] = "all";
  EXPECT_TRUE(IsError(admin.Post(path, bad_ids), 400, "wrong_type", "team_ids"));
  json empty = Decision(t.commune_a, "9/QĐ-UBND", "establish");
  empty["team_ids"] = json::array();
  EXPECT_TRUE(IsError(admin.Post(path, empty), 422, "no_teams"));
  const json bare = MakeCommune(admin, "Xã Chưa Có Tổ " + UniqueSuffix(), IdOf(t.district));
  EXPECT_TRUE(
      IsError(admin.Post(path, Decision(bare, "10/QĐ-UBND", "establish")), 422, "no_teams"));

  const HttpResponse list = admin.Get("/api/v1/decisions?commune=" + Id(IdOf(t.commune_a)));
  ASSERT_TRUE(HasStatus(list, 200));
  EXPECT_EQ(list.Json()["total"], 0) << "a refused decision was written: " << list.body;
  EXPECT_TRUE(GetTeam(admin, IdOf(t.team_a1))["established_by"].is_null());
}

TEST(Decisions, OnlyTheChairOfTheCommuneSigns) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Ký Tên");
  const HttpClient officer = OnUnit(admin, "commune_officer", t.commune_a);
  const HttpClient other_chair = OnUnit(admin, "commune_chair", t.commune_b);
  const HttpClient province_officer = OnUnit(admin, "province_officer", t.province);
  const json body = Decision(t.commune_a, "15/QĐ-UBND", "establish");
  EXPECT_TRUE(IsError(officer.Post("/api/v1/decisions", body), 403, "forbidden"));
  EXPECT_TRUE(IsError(other_chair.Post("/api/v1/decisions", body), 403, "forbidden"));
  EXPECT_TRUE(IsError(province_officer.Post("/api/v1/decisions", body), 403, "forbidden"));
  EXPECT_TRUE(GetTeam(admin, IdOf(t.team_a1))["established_by"].is_null());
}

TEST(Decisions, AViewerReadsTheDecisionsInScopeButRecordsNone) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Xem");
  const json old = Post201(admin, "/api/v1/decisions",
                           Decision(t.commune_a, "15/QĐ-UBND", "establish", "2022-08-20"));
  const json newer = Post201(admin, "/api/v1/decisions",
                             Decision(t.commune_a, "40/QĐ-UBND", "amend", "2023-03-01"));
  const json in_b =
      Post201(admin, "/api/v1/decisions", Decision(t.commune_b, "3/QĐ-UBND", "establish"));
  const HttpClient viewer = OnUnit(admin, "viewer", t.commune_a);

  const HttpResponse list = viewer.Get("/api/v1/decisions");
  ASSERT_TRUE(HasStatus(list, 200));
  const json page = list.Json();
  ASSERT_EQ(page["total"], 2) << "only commune A's decisions: " << list.body;
  EXPECT_EQ(page["items"][0]["id"], IdOf(newer)) << "newest date first";
  EXPECT_EQ(page["items"][1]["id"], IdOf(old));
  EXPECT_FALSE(page["items"][0].contains("snapshot")) << "lists leave the snapshot out";
  EXPECT_EQ(page["items"][0]["number"], "40/QĐ-UBND");

  const HttpResponse one = viewer.Get("/api/v1/decisions/" + Id(IdOf(old)));
  ASSERT_TRUE(HasStatus(one, 200));
  EXPECT_EQ(one.Json()["snapshot"], old["snapshot"]);
  EXPECT_TRUE(IsError(viewer.Get("/api/v1/decisions/" + Id(IdOf(in_b))), 403, "forbidden"));
  EXPECT_TRUE(
      IsError(viewer.Post("/api/v1/decisions", Decision(t.commune_a, "99/QĐ-UBND", "amend")), 403,
              "forbidden"));
  EXPECT_TRUE(IsError(admin.Get("/api/v1/decisions/999999"), 404));

  const HttpResponse by_commune = admin.Get("/api/v1/decisions?commune=" + Id(IdOf(t.commune_b)));
  ASSERT_TRUE(HasStatus(by_commune, 200));
  EXPECT_EQ(by_commune.Json()["total"], 1);
}

// --- the audit trail --------------------------------------------------------------------------

TEST(Audit, ATeamsTrailShowsItsCreationAndItsMembersComingAndGoing) {
  const HttpClient admin = AdminClient();
  const json province = MakeProvince(admin, "Tỉnh Nhật Ký " + UniqueSuffix());
  const json commune = MakeCommune(admin, "Xã Nhật Ký", IdOf(province));
  const json village = MakeVillage(admin, "Thôn Nhật Ký", IdOf(commune));
  const json team = MakeTeam(admin, IdOf(village), "village");
  const json m = AddMember(admin, IdOf(team), "Đỗ Thị Ghi", "member");
  const std::int64_t mid = m["membership_id"].get<std::int64_t>();
  ASSERT_TRUE(
      HasStatus(admin.Delete("/api/v1/teams/" + Id(IdOf(team)) + "/members/" + Id(mid)), 200));

  const json page = Audit(admin, "entity=team%3A" + Id(IdOf(team)));
  const auto created = Entries(page, "create", "team");
  ASSERT_EQ(created.size(), 1u) << page.dump();
  EXPECT_TRUE(created[0]["before"].is_null());
  EXPECT_EQ(created[0]["after"]["name"], team["name"]);
  EXPECT_EQ(created[0]["username"], "admin");
  EXPECT_EQ(created[0]["address"], "127.0.0.1");
  EXPECT_TRUE(created[0]["account_id"].is_number_integer());
  EXPECT_TRUE(created[0]["at"].is_string());

  const auto joined = Entries(page, "create", "membership");
  ASSERT_EQ(joined.size(), 1u) << page.dump();
  EXPECT_EQ(joined[0]["entity_id"], mid);
  EXPECT_EQ(joined[0]["team_id"], IdOf(team));
  EXPECT_EQ(joined[0]["after"]["person"]["full_name"], "Đỗ Thị Ghi");
  const auto ended = Entries(page, "end", "membership");
  ASSERT_EQ(ended.size(), 1u) << page.dump();
  EXPECT_TRUE(ended[0]["before"]["until"].is_null());
  EXPECT_TRUE(ended[0]["after"]["until"].is_string());
  EXPECT_EQ(Entries(page, "create", "person").size(), 1u);

  // Newest first: the end, then the joining, then the creation.
  std::vector<std::int64_t> ids;
  for (const json& e : page["items"]) ids.push_back(e["id"].get<std::int64_t>());
  EXPECT_TRUE(std::is_sorted(ids.rbegin(), ids.rend())) << page.dump();
  EXPECT_EQ(page["items"][0]["action"], "end");

  const json unit_page = Audit(admin, "entity=unit%3A" + Id(IdOf(village)));
  ASSERT_EQ(Entries(unit_page, "create", "unit").size(), 1u);
  EXPECT_EQ(unit_page["total"], 1) << "a unit's own entries only: " << unit_page.dump();
}

TEST(Audit, ReadingATeamsPhoneNumbersIsRecorded) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Đọc Số");
  AddMember(admin, IdOf(t.team_a1), "Ngô Văn Số", "member");
  const HttpClient officer = OnUnit(admin, "commune_officer", t.commune_a);
  ASSERT_TRUE(HasStatus(officer.Get("/api/v1/teams/" + Id(IdOf(t.team_a1))), 200));
  const auto reads =
      Entries(Audit(admin, "entity=team%3A" + Id(IdOf(t.team_a1))), "read_phones", "team");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_NE(reads[0]["username"], "admin") << "the officer who read them";
  EXPECT_EQ(reads[0]["after"]["members"], 1);
}

TEST(Audit, ADecisionAndTheTeamsItEstablishesAreRecorded) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Nhật Ký QĐ");
  const json d =
      Post201(admin, "/api/v1/decisions", Decision(t.commune_a, "15/QĐ-UBND", "establish"));
  const json dpage = Audit(admin, "entity=decision%3A" + Id(IdOf(d)));
  const auto created = Entries(dpage, "create", "decision");
  ASSERT_EQ(created.size(), 1u) << dpage.dump();
  EXPECT_EQ(created[0]["after"]["number"], "15/QĐ-UBND");
  EXPECT_EQ(created[0]["after"]["snapshot"], d["snapshot"]);

  const auto updates =
      Entries(Audit(admin, "entity=team%3A" + Id(IdOf(t.team_a1))), "update", "team");
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_TRUE(updates[0]["before"]["established_by"].is_null());
  EXPECT_EQ(updates[0]["after"]["established_by"], IdOf(d));
  EXPECT_EQ(updates[0]["team_id"], IdOf(t.team_a1));
}

TEST(Audit, AUnitsTrailCanBeReadForATimeRange) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Khoảng");
  const std::string unit = "unit=" + Id(IdOf(t.commune_a));
  const json today = Audit(admin, unit + "&from=" + VietnamDate() + "&to=" + VietnamDate());
  EXPECT_GE(today["total"], 5) << "commune A, its two villages and two teams: " << today.dump();
  EXPECT_TRUE(MentionsTeam(today, IdOf(t.team_a1)));
  EXPECT_FALSE(MentionsTeam(today, IdOf(t.team_b))) << "commune B is outside commune A";
  EXPECT_EQ(Audit(admin, unit)["total"], today["total"]);
  EXPECT_EQ(Audit(admin, unit + "&from=2000-01-01&to=2000-12-31")["total"], 0);
  EXPECT_EQ(Audit(admin, unit + "&to=" + VietnamDate(std::chrono::days(-1)))["total"], 0);
  EXPECT_EQ(Audit(admin, unit + "&from=2000-01-01T00%3A00%3A00Z")["total"], today["total"]);
  const json two = Audit(admin, unit + "&limit=2");
  EXPECT_EQ(two["items"].size(), 2u);
  EXPECT_EQ(two["total"], today["total"]);

  for (const char* bad : {"from=yesterday", "to=2024-13-01", "from=2024-01-01T25%3A00%3A00Z"}) {
    EXPECT_TRUE(IsError(admin.Get("/api/v1/audit?" + unit + "&" + bad), 400, "bad_query")) << bad;
  }
  EXPECT_TRUE(IsError(admin.Get("/api/v1/audit?unit=999999"), 404));
}

TEST(Audit, ACommuneOfficerReadsHerOwnCommunesTrailOnly) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Phạm Vi");
  const HttpClient officer = OnUnit(admin, "commune_officer", t.commune_a);

  const json own = Audit(officer, "unit=" + Id(IdOf(t.commune_a)));
  EXPECT_TRUE(MentionsTeam(own, IdOf(t.team_a1)));
  EXPECT_TRUE(
      MentionsTeam(Audit(officer, "entity=team%3A" + Id(IdOf(t.team_a2))), IdOf(t.team_a2)));

  EXPECT_TRUE(
      IsError(officer.Get("/api/v1/audit?unit=" + Id(IdOf(t.commune_b))), 403, "forbidden"));
  EXPECT_TRUE(
      IsError(officer.Get("/api/v1/audit?entity=team%3A" + Id(IdOf(t.team_b))), 403, "forbidden"));
  EXPECT_TRUE(IsError(officer.Get("/api/v1/audit?entity=unit%3A" + Id(IdOf(t.commune_b))), 403,
                      "forbidden"));
  EXPECT_TRUE(IsError(officer.Get("/api/v1/audit?entity=team%3A999999"), 404));

  // Asking for the whole district shows her own commune's part of it.
  const json district = Audit(officer, "unit=" + Id(IdOf(t.district)));
  EXPECT_TRUE(MentionsTeam(district, IdOf(t.team_a1)));
  EXPECT_FALSE(MentionsTeam(district, IdOf(t.team_b))) << district.dump();
  for (const json& e : district["items"]) {
    EXPECT_FALSE(e["entity_type"] == "unit" && e["entity_id"] == IdOf(t.district))
        << "the district's own creation: " << e.dump();
  }
  // Accounts and grants sit above every commune: administrators only.
  const json everything = Audit(officer, "");
  for (const json& e : everything["items"]) {
    EXPECT_NE(e["entity_type"], "account") << e.dump();
    EXPECT_NE(e["entity_type"], "grant") << e.dump();
  }
}

TEST(Audit, ViewersAndTeamRolesCannotReadTheTrail) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Cấm Xem");
  const HttpClient viewer = OnUnit(admin, "viewer", t.commune_a);
  const HttpClient leader = SignedIn(admin, "team_leader", "team_id", IdOf(t.team_a1));
  for (const HttpClient* c : {&viewer, &leader}) {
    EXPECT_TRUE(
        IsError(c->Get("/api/v1/audit?entity=team%3A" + Id(IdOf(t.team_a1))), 403, "forbidden"));
    EXPECT_TRUE(IsError(c->Get("/api/v1/audit?unit=" + Id(IdOf(t.commune_a))), 403, "forbidden"));
    EXPECT_TRUE(IsError(c->Get("/api/v1/audit"), 403, "forbidden"));
  }
  const HttpClient chair = OnUnit(admin, "commune_chair", t.commune_a);
  EXPECT_TRUE(HasStatus(chair.Get("/api/v1/audit?unit=" + Id(IdOf(t.commune_a))), 200));
}

TEST(Audit, TheTrailIsAppendOnly) {
  const HttpClient admin = AdminClient();
  EXPECT_TRUE(IsError(admin.Put("/api/v1/audit", json::object()), 405, "method_not_allowed"));
  EXPECT_TRUE(IsError(admin.Delete("/api/v1/audit"), 405, "method_not_allowed"));
  EXPECT_TRUE(IsError(admin.Post("/api/v1/audit", json::object()), 405, "method_not_allowed"));
}

TEST(Audit, ARefusedRequestLeavesNoEntry) {
  const HttpClient admin = AdminClient();
  const Tree t = MakeTree(admin, "Từ Chối");
  const std::string query = "entity=team%3A" + Id(IdOf(t.team_a1));
  const std::string unit_query = "unit=" + Id(IdOf(t.commune_a));
  const json before = Audit(admin, query);
  const json unit_before = Audit(admin, unit_query);
  EXPECT_TRUE(IsError(admin.Post("/api/v1/teams/" + Id(IdOf(t.team_a1)) + "/members",
                                 {{"person", {{"full_name", "Sai Số"}, {"phone", "12345"}}}}),
                      422, "", "person.phone"));
  EXPECT_TRUE(IsError(admin.Post("/api/v1/decisions",
                                 Decision(t.commune_a, "1/QĐ-UBND", "establish", "2999-01-01")),
                      422));
  const json after = Audit(admin, query);
  EXPECT_EQ(after["total"], before["total"]) << after.dump();
  EXPECT_EQ(Audit(admin, unit_query)["total"], unit_before["total"]);
}

TEST(Audit, AMalformedEntityIsABadQuery) {
  const HttpClient admin = AdminClient();
  for (const char* e :
       {"team", "team:", "team:abc", "team:0", "team:-3", "cat:1", ":5", "team:1x"}) {
    std::string encoded;  // ':' percent-encoded, as URLSearchParams writes it
    for (const char* c = e; *c != '\0'; ++c) encoded += *c == ':' ? "%3A" : std::string(1, *c);
    EXPECT_TRUE(IsError(admin.Get("/api/v1/audit?entity=" + encoded), 400, "bad_query", "entity"))
        << e;
  }
  const HttpResponse none = admin.Get("/api/v1/audit?entity=membership%3A999999");
  ASSERT_TRUE(HasStatus(none, 200));
  EXPECT_EQ(none.Json()["total"], 0);
}

}  // namespace
}  // namespace cnscd_test
