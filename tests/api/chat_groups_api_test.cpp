// Chat groups (nhóm Zalo): seed 000 §2.7 (names: CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách), §2.9 (who is in
// a commune's group), seed 002 §3.3 (the groups of Quảng Trị's teams), and the two-level shape of
// seed 004 (Lâm Đồng → Quảng Sơn → thôn).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http_client.hpp"
#include "places.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

const std::string kLink = "https://zalo.me/g/nhonmy123";

std::string UnitGroup(const json& unit) {
  return "/api/v1/units/" + Id(IdOf(unit)) + "/chat-group";
}
std::string TeamGroup(const json& team) {
  return "/api/v1/teams/" + Id(IdOf(team)) + "/chat-group";
}
std::string Coverage(const json& unit) {
  return "/api/v1/units/" + Id(IdOf(unit)) + "/chat-group-coverage";
}

json Get200(const HttpClient& c, const std::string& path) {
  const HttpResponse r = c.Get(path);
  if (r.status != 200) throw std::runtime_error("GET " + path + ": " + r.Describe());
  return r.Json();
}

json Put200(const HttpClient& c, const std::string& path, const json& body) {
  const HttpResponse r = c.Put(path, body);
  if (r.status != 200) throw std::runtime_error("PUT " + path + ": " + r.Describe());
  return r.Json();
}

std::vector<std::string> Keys(const json& group) {
  std::vector<std::string> keys;
  for (const json& p : group.at("participants")) keys.push_back(p.at("key").get<std::string>());
  return keys;
}

// Every required participant of the group marked as joined.
json AllJoined(const json& group) {
  json joined = json::object();
  for (const std::string& k : Keys(group)) joined[k] = true;
  return joined;
}

// Sóc Trăng → Kế Sách → Nhơn Mỹ → Mỹ Phước (seed 000's own example), with a team in Mỹ Phước.
struct SocTrang : Chain {
  json village, team;
};

SocTrang MakeSocTrang(const HttpClient& c) {
  SocTrang t{MakeChain(c, "Tỉnh Sóc Trăng", "Huyện Kế Sách", "Xã Nhơn Mỹ")};
  t.village = MakeVillage(c, "Ấp Mỹ Phước", IdOf(t.commune));
  t.team = MakeTeam(c, IdOf(t.village), "village");
  return t;
}

// A new account holding one role on a unit or a team, signed in.
HttpClient SignedIn(const HttpClient& admin, const std::string& role, const std::string& place_key,
                    std::int64_t place_id) {
  return SignedInAs(admin, role, place_key, place_id);
}

// --- names -----------------------------------------------------------------------------------

TEST(ChatGroupNames, FollowTheSocTrangConventionAtEveryLevel) {
  const HttpClient c = AdminClient();
  const SocTrang t = MakeSocTrang(c);
  EXPECT_EQ(Get200(c, UnitGroup(t.province))["name"], "CNCĐ_Sóc Trăng");
  EXPECT_EQ(Get200(c, UnitGroup(t.district))["name"], "CNCĐ_Kế Sách_Sóc Trăng");
  EXPECT_EQ(Get200(c, UnitGroup(t.commune))["name"], "CNCĐ_Nhơn Mỹ_Kế Sách");
  EXPECT_EQ(Get200(c, UnitGroup(t.village))["name"], "CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách");
}

TEST(ChatGroupNames, MyPhuocsTeamMeetsInItsHamletsGroup) {
  const HttpClient c = AdminClient();
  const SocTrang t = MakeSocTrang(c);
  const json g = Get200(c, TeamGroup(t.team));
  EXPECT_EQ(g["name"], "CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách");
  EXPECT_EQ(g["owner_type"], "team");
  EXPECT_EQ(g["owner_id"], IdOf(t.team));
  EXPECT_EQ(g["link"], "");
  EXPECT_EQ(g["exists"], false);
  EXPECT_EQ(g["complete"], false);
  EXPECT_TRUE(g["updated_at"].is_null());
  EXPECT_EQ(Keys(g), std::vector<std::string>{"team_members"});
}

TEST(ChatGroupNames, ACommuneTeamsGroupIsNotTheCommunesGroup) {
  const HttpClient c = AdminClient();
  const SocTrang t = MakeSocTrang(c);
  const json team = MakeTeam(c, IdOf(t.commune), "commune");
  EXPECT_EQ(Get200(c, TeamGroup(team))["name"], "CNCĐ_Tổ_Nhơn Mỹ_Kế Sách");
  // A second team in the same hamlet gets its own, numbered group.
  const json second = MakeTeam(c, IdOf(t.village), "village");
  EXPECT_EQ(Get200(c, TeamGroup(second))["name"], "CNCĐ_Tổ 2_Mỹ Phước_Nhơn Mỹ_Kế Sách");
  EXPECT_EQ(Get200(c, TeamGroup(t.team))["name"], "CNCĐ_Mỹ Phước_Nhơn Mỹ_Kế Sách");
}

TEST(ChatGroupNames, WithoutDistrictsQuangSonsVillagesNameTheirProvince) {
  const HttpClient c = AdminClient();
  const json lam_dong = MakeProvince(c, "Tỉnh Lâm Đồng");
  const json quang_son = MakeCommune(c, "Xã Quảng Sơn", IdOf(lam_dong));
  const json thon1 = CreateUnit(c, "Thôn 1", "village", "thôn", IdOf(quang_son), std::nullopt);
  EXPECT_EQ(Get200(c, UnitGroup(lam_dong))["name"], "CNCĐ_Lâm Đồng");
  EXPECT_EQ(Get200(c, UnitGroup(quang_son))["name"], "CNCĐ_Quảng Sơn_Lâm Đồng");
  EXPECT_EQ(Get200(c, UnitGroup(thon1))["name"], "CNCĐ_Thôn 1_Quảng Sơn_Lâm Đồng");
  // The province department takes the district's seats in the commune's group.
  EXPECT_EQ(Keys(Get200(c, UnitGroup(quang_son))),
            (std::vector<std::string>{"province_department", "commune_leaders", "post_office",
                                      "telecom", "it_enterprises"}));
}

TEST(ChatGroupNames, NumberedWardsKeepTheirTypeWord) {
  const HttpClient c = AdminClient();
  const json province = MakeProvince(c, "Tỉnh Sóc Trăng");
  const json city = MakeDistrict(c, "Thành phố Sóc Trăng", IdOf(province));
  const json ward = CreateUnit(c, "Phường 1", "commune", "phường", IdOf(city), UniqueCommuneCode());
  const json khom = CreateUnit(c, "Khóm 3", "village", "khóm", IdOf(ward), std::nullopt);
  EXPECT_EQ(Get200(c, UnitGroup(ward))["name"], "CNCĐ_Phường 1_Sóc Trăng");
  EXPECT_EQ(Get200(c, UnitGroup(khom))["name"], "CNCĐ_Khóm 3_Phường 1_Sóc Trăng");
}

// --- recording a group -------------------------------------------------------------------------

TEST(ChatGroups, ACommunesGroupListsWhomSeed000Requires) {
  const HttpClient c = AdminClient();
  const SocTrang t = MakeSocTrang(c);
  const json g = Get200(c, UnitGroup(t.commune));
  EXPECT_EQ(Keys(g), (std::vector<std::string>{"district_leader", "district_digital_officer",
                                               "district_culture_office", "commune_leaders",
                                               "post_office", "telecom", "it_enterprises"}));
  for (const json& p : g["participants"]) {
    EXPECT_FALSE(p["label"].get<std::string>().empty()) << p;
    EXPECT_FALSE(p["label_en"].get<std::string>().empty()) << p;
    EXPECT_EQ(p["joined"], false) << p;
  }
}

TEST(ChatGroups, AnOfficerRecordsTheLinkThenWhoJoinedUntilTheGroupIsComplete) {
  const HttpClient c = AdminClient();
  const SocTrang t = MakeSocTrang(c);
  json g = Put200(c, UnitGroup(t.commune),
                  {{"link", kLink}, {"participants", {{"district_leader", true}}}});
  EXPECT_EQ(g["link"], kLink);
  EXPECT_EQ(g["exists"], true);
  EXPECT_EQ(g["complete"], false);
  EXPECT_EQ(g["participants"][0]["key"], "district_leader");
  EXPECT_EQ(g["participants"][0]["joined"], true);
  EXPECT_EQ(g["participants"][1]["joined"], false);
  EXPECT_TRUE(g["updated_at"].is_string());
  EXPECT_EQ(Get200(c, UnitGroup(t.commune)), g);

  // Keys left out keep their value; the link stays when not sent.
  json rest = AllJoined(g);
  rest.erase("district_leader");
  g = Put200(c, UnitGroup(t.commune), {{"participants", rest}});
  EXPECT_EQ(g["link"], kLink);
  EXPECT_EQ(g["complete"], true);

  // Someone left: incomplete again.
  g = Put200(c, UnitGroup(t.commune), {{"participants", {{"telecom", false}}}});
  EXPECT_EQ(g["complete"], false);
  g = Put200(c, UnitGroup(t.commune), {{"participants", {{"telecom", true}}}});
  EXPECT_EQ(g["complete"], true);

  // An empty link clears the group: it no longer exists, nor is it complete.
  g = Put200(c, UnitGroup(t.commune), {{"link", ""}});
  EXPECT_EQ(g["exists"], false);
  EXPECT_EQ(g["complete"], false);
  EXPECT_EQ(g["participants"][0]["joined"], true);
}

TEST(ChatGroups, TheChatZaloLinkIsAcceptedToo) {
  const HttpClient c = AdminClient();
  const SocTrang t = MakeSocTrang(c);
  const json g = Put200(c, UnitGroup(t.village), {{"link", "  https://chat.zalo.me/?g=myphuoc  "}});
  EXPECT_EQ(g["link"], "https://chat.zalo.me/?g=myphuoc");
}

TEST(ChatGroups, TheWriteIsInTheAuditTrailWithBeforeAndAfter) {
  const HttpClient c = AdminClient();
  const SocTrang t = MakeSocTrang(c);
  Put200(c, TeamGroup(t.team), {{"link", kLink}});
  Put200(c, TeamGroup(t.team), {{"participants", {{"team_members", true}}}});
  const json trail = Get200(c, "/api/v1/audit?entity=team:" + Id(IdOf(t.team)));
  std::vector<json> writes;
  for (const json& e : trail["items"]) {
    if (e["entity_type"] == "team_chat_group") writes.push_back(e);
  }
  ASSERT_EQ(writes.size(), 2u) << trail.dump();
  const json& last = writes[0];  // newest first
  EXPECT_EQ(last["action"], "update");
  EXPECT_EQ(last["before"]["link"], kLink);
  EXPECT_EQ(last["before"]["participants"], json::object());
  EXPECT_EQ(last["after"]["participants"]["team_members"], true);
  EXPECT_TRUE(writes[1]["before"].is_null());

  Put200(c, UnitGroup(t.commune), {{"link", kLink}});
  const json unit_trail = Get200(c, "/api/v1/audit?unit=" + Id(IdOf(t.commune)));
  bool found = false;
  for (const json& e : unit_trail["items"]) {
    found = found || (e["entity_type"] == "unit_chat_group" && e["entity_id"] == IdOf(t.commune) &&
                      e["after"]["name"] == "CNCĐ_Nhơn Mỹ_Kế Sách");
  }
  EXPECT_TRUE(found) << unit_trail.dump();
}

// --- refusals ------------------------------------------------------------------------------------

TEST(ChatGroups, ALinkThatIsNotAZaloGroupIsRefused) {
  const HttpClient c = AdminClient();
  const SocTrang t = MakeSocTrang(c);
  Put200(c, UnitGroup(t.commune), {{"link", kLink}});
  for (const char* bad : {"http://zalo.me/g/abc", "https://facebook.com/groups/nhonmy",
                          "zalo.me/g/abc", "https://zalo.me/g/", "nhóm Zalo xã"}) {
    EXPECT_TRUE(IsError(c.Put(UnitGroup(t.commune), {{"link", bad}}), 422, "invalid_link", "link"))
        << bad;
  }
  EXPECT_TRUE(IsError(c.Put(UnitGroup(t.commune), {{"link", 42}}), 400, "wrong_type", "link"));
  EXPECT_EQ(Get200(c, UnitGroup(t.commune))["link"], kLink) << "a refused link was written";
}

TEST(ChatGroups, AParticipantTheGroupDoesNotHaveIsRefused) {
  const HttpClient c = AdminClient();
  const SocTrang t = MakeSocTrang(c);
  // The enterprises are in the commune's group, not in a village team's.
  EXPECT_TRUE(
      IsError(c.Put(TeamGroup(t.team), {{"link", kLink}, {"participants", {{"telecom", true}}}}),
              422, "unknown_participant", "participants.telecom"));
  EXPECT_TRUE(IsError(c.Put(UnitGroup(t.commune), {{"participants", {{"mayor", true}}}}), 422,
                      "unknown_participant", "participants.mayor"));
  EXPECT_TRUE(IsError(c.Put(UnitGroup(t.commune), {{"participants", {{"telecom", "yes"}}}}), 400,
                      "wrong_type", "participants.telecom"));
  EXPECT_EQ(Get200(c, TeamGroup(t.team))["link"], "") << "a refused request was written";
}

TEST(ChatGroups, UnknownUnitsAndTeamsAre404) {
  const HttpClient c = AdminClient();
  EXPECT_TRUE(IsError(c.Get("/api/v1/units/987654/chat-group"), 404));
  EXPECT_TRUE(IsError(c.Put("/api/v1/teams/987654/chat-group", {{"link", kLink}}), 404));
  EXPECT_TRUE(IsError(c.Get("/api/v1/units/987654/chat-group-coverage"), 404));
}

// --- who may write -------------------------------------------------------------------------------

TEST(ChatGroupAccess, AViewerReadsButCannotWrite) {
  const HttpClient admin = AdminClient();
  const SocTrang t = MakeSocTrang(admin);
  const HttpClient viewer = SignedIn(admin, "viewer", "unit_id", IdOf(t.commune));
  EXPECT_TRUE(HasStatus(viewer.Get(UnitGroup(t.commune)), 200));
  EXPECT_TRUE(HasStatus(viewer.Get(TeamGroup(t.team)), 200));
  EXPECT_TRUE(HasStatus(viewer.Get(Coverage(t.commune)), 200));
  EXPECT_TRUE(IsError(viewer.Put(UnitGroup(t.commune), {{"link", kLink}}), 403, "forbidden"));
  EXPECT_TRUE(IsError(viewer.Put(TeamGroup(t.team), {{"link", kLink}}), 403, "forbidden"));
  EXPECT_EQ(Get200(admin, UnitGroup(t.commune))["link"], "");
}

TEST(ChatGroupAccess, ACommuneOfficerKeepsHisCommunesGroupsButNotAnothers) {
  const HttpClient admin = AdminClient();
  const SocTrang t = MakeSocTrang(admin);
  const json other = MakeCommune(admin, "Xã Kế An", IdOf(t.district));
  const HttpClient officer = SignedIn(admin, "commune_officer", "unit_id", IdOf(t.commune));
  EXPECT_TRUE(HasStatus(officer.Put(UnitGroup(t.commune), {{"link", kLink}}), 200));
  EXPECT_TRUE(HasStatus(officer.Put(TeamGroup(t.team), {{"link", kLink}}), 200));
  EXPECT_TRUE(IsError(officer.Put(UnitGroup(other), {{"link", kLink}}), 403, "forbidden"));
  EXPECT_TRUE(IsError(officer.Get(UnitGroup(other)), 403, "forbidden"));
}

TEST(ChatGroupAccess, ATeamLeaderKeepsHisTeamsGroupButNotAnothers) {
  const HttpClient admin = AdminClient();
  const SocTrang t = MakeSocTrang(admin);
  const json other_village = MakeVillage(admin, "Ấp Mỹ Thuận", IdOf(t.commune));
  const json other_team = MakeTeam(admin, IdOf(other_village), "village");
  const HttpClient leader = SignedIn(admin, "team_leader", "team_id", IdOf(t.team));

  const HttpResponse own =
      leader.Put(TeamGroup(t.team), {{"link", kLink}, {"participants", {{"team_members", true}}}});
  ASSERT_TRUE(HasStatus(own, 200));
  EXPECT_EQ(own.Json()["complete"], true);
  EXPECT_TRUE(HasStatus(leader.Get(TeamGroup(t.team)), 200));

  EXPECT_TRUE(IsError(leader.Put(TeamGroup(other_team), {{"link", kLink}}), 403, "forbidden"));
  EXPECT_TRUE(IsError(leader.Get(TeamGroup(other_team)), 403, "forbidden"));
  // The hamlet's own record and the commune's are the officers' to keep.
  EXPECT_TRUE(IsError(leader.Put(UnitGroup(t.village), {{"link", kLink}}), 403, "forbidden"));
  EXPECT_TRUE(IsError(leader.Put(UnitGroup(t.commune), {{"link", kLink}}), 403, "forbidden"));

  const HttpClient member = SignedIn(admin, "member", "team_id", IdOf(t.team));
  EXPECT_TRUE(HasStatus(member.Get(TeamGroup(t.team)), 200));
  EXPECT_TRUE(IsError(member.Put(TeamGroup(t.team), {{"link", kLink}}), 403, "forbidden"));
}

// --- Quảng Trị's team groups and the coverage counts ---------------------------------------------

TEST(ChatGroups, AVillageTeamInvitesTheCommuneTeamsLeaderWhereThereIsOne) {
  const HttpClient c = AdminClient();
  const SocTrang t = MakeSocTrang(c);
  EXPECT_EQ(Keys(Get200(c, TeamGroup(t.team))), std::vector<std::string>{"team_members"});
  const json commune_team = MakeTeam(c, IdOf(t.commune), "commune");
  EXPECT_EQ(Keys(Get200(c, TeamGroup(t.team))),
            (std::vector<std::string>{"team_members", "commune_team_leader"}));
  EXPECT_EQ(Keys(Get200(c, TeamGroup(commune_team))),
            (std::vector<std::string>{"commune_team", "village_team_leaders",
                                      "village_team_deputies", "district_culture_office",
                                      "district_education_office", "district_youth_union"}));
}

TEST(ChatGroupCoverage, CountsUnitsAndTeamsWithAGroupAndWithAFullOne) {
  const HttpClient c = AdminClient();
  const json province = MakeProvince(c, "Tỉnh Quảng Trị");
  const json district = MakeDistrict(c, "Huyện Cam Lộ", IdOf(province));
  const json commune = MakeCommune(c, "Xã Cam Thành", IdOf(district));
  const json v1 = CreateUnit(c, "Thôn Phan Xá", "village", "thôn", IdOf(commune), std::nullopt);
  const json v2 = CreateUnit(c, "Thôn Tân Mỹ", "village", "thôn", IdOf(commune), std::nullopt);
  const json commune_team = MakeTeam(c, IdOf(commune), "commune");
  const json t1 = MakeTeam(c, IdOf(v1), "village");
  MakeTeam(c, IdOf(v2), "village");

  json zero = Get200(c, Coverage(district));
  EXPECT_EQ(zero, (json{{"units", 4},
                        {"units_with_group", 0},
                        {"units_with_complete_group", 0},
                        {"teams", 3},
                        {"teams_with_group", 0},
                        {"teams_with_complete_group", 0}}));

  // The commune's group, complete; Phan Xá's hamlet group, link only.
  json g = Get200(c, UnitGroup(commune));
  Put200(c, UnitGroup(commune), {{"link", kLink}, {"participants", AllJoined(g)}});
  Put200(c, UnitGroup(v1), {{"link", "https://zalo.me/g/phanxa"}});
  // The commune team's group, complete; Phan Xá's team: members in, commune leader not yet.
  g = Get200(c, TeamGroup(commune_team));
  Put200(c, TeamGroup(commune_team), {{"link", kLink}, {"participants", AllJoined(g)}});
  Put200(c, TeamGroup(t1),
         {{"link", "https://zalo.me/g/phanxa"}, {"participants", {{"team_members", true}}}});
  // Flags without a link are no group.
  Put200(c, UnitGroup(v2), {{"participants", {{"team_members", true}}}});

  const json district_counts = Get200(c, Coverage(district));
  EXPECT_EQ(district_counts, (json{{"units", 4},
                                   {"units_with_group", 2},
                                   {"units_with_complete_group", 1},
                                   {"teams", 3},
                                   {"teams_with_group", 2},
                                   {"teams_with_complete_group", 1}}));
  // The province counts itself too; a village counts itself and its team.
  EXPECT_EQ(Get200(c, Coverage(province))["units"], 5);
  EXPECT_EQ(Get200(c, Coverage(province))["units_with_group"], 2);
  const json village = Get200(c, Coverage(v1));
  EXPECT_EQ(village["units"], 1);
  EXPECT_EQ(village["units_with_group"], 1);
  EXPECT_EQ(village["teams"], 1);
  EXPECT_EQ(village["teams_with_group"], 1);
  EXPECT_EQ(village["teams_with_complete_group"], 0);

  // The commune team's leader joins Phan Xá's group: complete.
  Put200(c, TeamGroup(t1), {{"participants", {{"commune_team_leader", true}}}});
  EXPECT_EQ(Get200(c, Coverage(district))["teams_with_complete_group"], 2);
}

}  // namespace
}  // namespace cnscd_test
