// Issue 5 item 2: training sessions (tập huấn) and propaganda events (tuyên truyền) recorded by a
// team from a phone, listed in scope, voided by an officer.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "http_client.hpp"
#include "places.hpp"
#include "server_process.hpp"
#include "test_uuid.hpp"

namespace cnscd_test {
namespace {

// A commune with two villages, a village team on the first with a leader and a member, a
// commune team on the commune, and another commune's village.
struct Field : FieldPlaces {
  json commune_team;
  std::int64_t leader = 0, member = 0, commune_member = 0;
};

Field MakeField(const HttpClient& c, const std::string& label) {
  Field f{MakeFieldPlaces(c, label, "Ấp")};
  f.leader =
      AddMember(c, IdOf(f.team), "Trần Thị Bình", "leader")["person"]["id"].get<std::int64_t>();
  f.member =
      AddMember(c, IdOf(f.team), "Lê Văn Cường", "member")["person"]["id"].get<std::int64_t>();
  f.commune_team = MakeTeam(c, IdOf(f.commune), "commune");
  f.commune_member = AddMember(c, IdOf(f.commune_team), "Phạm Thị Dung", "leader")["person"]["id"]
                         .get<std::int64_t>();
  return f;
}

json Session(const Field& f, const std::string& audience = "residents") {
  json j{{"id", NewUuid()},
         {"team_id", IdOf(f.team)},
         {"unit_id", IdOf(f.village)},
         {"date", "2025-03-10"},
         {"audience", audience},
         {"topic", "ecommerce"},
         {"title", "Bán hàng trên sàn thương mại điện tử"},
         {"attendance", 35},
         {"member_ids", {f.leader, f.member}}};
  if (audience == "residents") j["households"] = 9;
  return j;
}

json Event(const Field& f) {
  return {{"id", NewUuid()},
          {"team_id", IdOf(f.team)},
          {"unit_id", IdOf(f.village)},
          {"date", "2025-03-12"},
          {"kind", "meeting"},
          {"attendance", 60},
          {"note", "Họp dân tại nhà văn hóa ấp"},
          {"member_ids", {f.leader}}};
}

std::string Trainings(const std::string& query) { return "/api/v1/trainings?" + query; }
std::string Events(const std::string& query) { return "/api/v1/propaganda-events?" + query; }

TEST(Trainings, TopicsAndKindsAreListedWithTheirNames) {
  const HttpClient c = AdminClient();
  const HttpResponse topics = c.Get("/api/v1/training-topics");
  ASSERT_TRUE(HasStatus(topics, 200));
  EXPECT_EQ(topics.Json()["total"], 7);
  EXPECT_EQ(topics.Json()["items"][1]["code"], "ecommerce");
  EXPECT_EQ(topics.Json()["items"][1]["name"], "Thương mại điện tử");
  EXPECT_EQ(topics.Json()["items"][1]["name_en"], "E-commerce");
  const HttpResponse kinds = c.Get("/api/v1/propaganda-kinds");
  ASSERT_TRUE(HasStatus(kinds, 200));
  EXPECT_EQ(kinds.Json()["total"], 7);
  EXPECT_EQ(kinds.Json()["items"][1]["code"], "loudspeaker");
}

TEST(Trainings, ATeamLeaderRecordsASessionAndAResendAnswersTheStoredOne) {
  const HttpClient admin = AdminClient();
  const Field f = MakeField(admin, "Tập Huấn");
  const HttpClient leader = SignedInAs(admin, "team_leader", "team_id", IdOf(f.team));
  json sent = Session(f);
  sent["title"] = "  Bán hàng   trên Postmart ";
  const HttpResponse r = leader.Post("/api/v1/trainings", sent);
  ASSERT_TRUE(HasStatus(r, 201));
  const json stored = r.Json();
  EXPECT_EQ(stored["id"], sent["id"]);
  EXPECT_EQ(stored["title"], "Bán hàng trên Postmart");
  EXPECT_EQ(stored["households"], 9);
  EXPECT_EQ(stored["member_ids"].size(), 2u);
  EXPECT_EQ(stored["duplicate"], false);
  EXPECT_TRUE(stored["voided_at"].is_null());

  // The phone resends with a changed body: nothing changes.
  json resent = sent;
  resent["attendance"] = 500;
  resent["topic"] = "no-such-topic";
  const HttpResponse again = leader.Post("/api/v1/trainings", resent);
  ASSERT_TRUE(HasStatus(again, 200));
  EXPECT_EQ(again.Json()["duplicate"], true);
  EXPECT_EQ(again.Json()["attendance"], 35);
  EXPECT_EQ(again.Json()["topic"], "ecommerce");

  const HttpResponse list = leader.Get(Trainings("team_id=" + Id(IdOf(f.team))));
  ASSERT_TRUE(HasStatus(list, 200));
  ASSERT_EQ(list.Json()["total"], 1);
  EXPECT_EQ(list.Json()["items"][0]["member_ids"], stored["member_ids"]);

  // The create is in the audit trail, the UUID in its snapshot.
  const HttpResponse audit = admin.Get("/api/v1/audit?unit=" + Id(IdOf(f.village)));
  ASSERT_TRUE(HasStatus(audit, 200));
  bool found = false;
  const json entries = audit.Json()["items"];
  for (const json& e : entries) {
    found = found || (e["entity_type"] == "training_session" && e["action"] == "create" &&
                      e["after"]["id"] == sent["id"]);
  }
  EXPECT_TRUE(found);
}

TEST(Trainings, EachBrokenRuleIsAClearErrorAndWritesNothing) {
  const HttpClient c = AdminClient();
  const Field f = MakeField(c, "Sai Luật");
  struct Case {
    std::string key;
    json value;
    long status;
    std::string code, field;
  };
  const std::vector<Case> cases{
      {"id", "not-a-uuid", 422, "bad_id", "id"},
      {"date", "2999-01-01", 422, "future_date", "date"},
      {"date", "10/03/2025", 422, "bad_date", "date"},
      {"topic", "astrology", 422, "unknown_topic", "topic"},
      {"audience", "officials", 422, "unknown_audience", "audience"},
      {"title", "   ", 422, "required", "title"},
      {"title", std::string(201, 'a'), 422, "too_long", "title"},
      {"attendance", 0, 422, "bad_attendance", "attendance"},
      {"attendance", 10001, 422, "bad_attendance", "attendance"},
      {"households", 36, 422, "bad_households", "households"},
      {"member_ids", json::array(), 422, "no_member_ids", "member_ids"},
      {"member_ids", {f.leader, f.leader}, 422, "duplicate_member", "member_ids[1]"},
      {"member_ids", {f.leader, f.commune_member}, 422, "not_a_member", "member_ids[1]"},
      {"member_ids", {f.leader, "x"}, 400, "wrong_type", "member_ids[1]"},
      {"unit_id", IdOf(f.other_village), 422, "unit_outside_team", "unit_id"},
      {"unit_id", IdOf(f.commune), 422, "unit_outside_team", "unit_id"},
      {"unit_id", 99999999, 404, "not_found", "unit_id"},
      {"team_id", 99999999, 404, "not_found", "team_id"},
      {"attendance", "many", 400, "wrong_type", "attendance"},
  };
  for (const Case& k : cases) {
    json body = Session(f);
    body[k.key] = k.value;
    EXPECT_TRUE(IsError(c.Post("/api/v1/trainings", body), k.status, k.code, k.field))
        << k.key << " = " << k.value.dump();
  }
  json members = Session(f, "members");
  members["households"] = 3;
  EXPECT_TRUE(IsError(c.Post("/api/v1/trainings", members), 422, "bad_households", "households"));
  json fifty_one = Session(f);
  fifty_one["member_ids"] = json::array();
  for (int i = 0; i < 51; ++i) fifty_one["member_ids"].push_back(i + 1);
  EXPECT_TRUE(IsError(c.Post("/api/v1/trainings", fifty_one), 422, "too_many_member_ids"));
  EXPECT_EQ(c.Get(Trainings("unit_id=" + Id(IdOf(f.commune)))).Json()["total"], 0);
}

TEST(Trainings, ACommuneTeamWorksInItsCommuneAndItsVillagesOnly) {
  const HttpClient c = AdminClient();
  const Field f = MakeField(c, "Tổ Xã");
  for (const json& place : {f.commune, f.village, f.other_village}) {
    json body = Session(f);
    body["team_id"] = IdOf(f.commune_team);
    body["unit_id"] = IdOf(place);
    body["member_ids"] = {f.commune_member};
    EXPECT_TRUE(HasStatus(c.Post("/api/v1/trainings", body), 201)) << place.dump();
  }
  json outside = Session(f);
  outside["team_id"] = IdOf(f.commune_team);
  outside["unit_id"] = IdOf(f.outside_village);
  outside["member_ids"] = {f.commune_member};
  EXPECT_TRUE(IsError(c.Post("/api/v1/trainings", outside), 422, "unit_outside_team", "unit_id"));
  // The lists filter by subtree, team and topic.
  EXPECT_EQ(c.Get(Trainings("unit_id=" + Id(IdOf(f.commune)))).Json()["total"], 3);
  EXPECT_EQ(c.Get(Trainings("unit_id=" + Id(IdOf(f.village)))).Json()["total"], 1);
  EXPECT_EQ(c.Get(Trainings("team_id=" + Id(IdOf(f.team)))).Json()["total"], 0);
  EXPECT_EQ(c.Get(Trainings("unit_id=" + Id(IdOf(f.commune)) + "&topic=vneid")).Json()["total"], 0);
  EXPECT_EQ(c.Get(Trainings("unit_id=" + Id(IdOf(f.commune)) + "&from=2025-03-10&to=2025-03-10"))
                .Json()["total"],
            3);
  EXPECT_EQ(c.Get(Trainings("unit_id=" + Id(IdOf(f.commune)) + "&from=2025-03-11")).Json()["total"],
            0);
  EXPECT_TRUE(IsError(c.Get(Trainings("topic=astrology")), 422, "unknown_topic", "topic"));
  EXPECT_TRUE(IsError(c.Get(Trainings("from=March")), 400, "bad_query", "from"));
  EXPECT_TRUE(IsError(c.Get(Trainings("unit_id=99999999")), 404));
}

TEST(Trainings, AnOfficerVoidsASessionOnceAndALeaderMayNot) {
  const HttpClient admin = AdminClient();
  const Field f = MakeField(admin, "Hủy");
  const json sent = Session(f);
  ASSERT_TRUE(HasStatus(admin.Post("/api/v1/trainings", sent), 201));
  const HttpClient leader = SignedInAs(admin, "team_leader", "team_id", IdOf(f.team));
  EXPECT_TRUE(
      IsError(leader.Post("/api/v1/trainings/void", {{"id", sent["id"]}}), 403, "forbidden"));
  const HttpClient officer = SignedInAs(admin, "commune_officer", "unit_id", IdOf(f.commune));
  const HttpResponse v = officer.Post("/api/v1/trainings/void", {{"id", sent["id"]}});
  ASSERT_TRUE(HasStatus(v, 200));
  EXPECT_FALSE(v.Json()["voided_at"].is_null());
  EXPECT_TRUE(
      IsError(officer.Post("/api/v1/trainings/void", {{"id", sent["id"]}}), 409, "already_voided"));
  EXPECT_TRUE(
      IsError(officer.Post("/api/v1/trainings/void", {{"id", NewUuid()}}), 404, "not_found"));
  // A voided session stays listed, marked.
  const json listed = admin.Get(Trainings("team_id=" + Id(IdOf(f.team)))).Json();
  ASSERT_EQ(listed["total"], 1);
  EXPECT_FALSE(listed["items"][0]["voided_at"].is_null());
}

TEST(Trainings, AViewerMayNotRecordAndAMemberSeesOnlyTheOwnTeam) {
  const HttpClient admin = AdminClient();
  const Field f = MakeField(admin, "Phạm Vi");
  const HttpClient viewer = SignedInAs(admin, "viewer", "unit_id", IdOf(f.commune));
  EXPECT_TRUE(IsError(viewer.Post("/api/v1/trainings", Session(f)), 403, "forbidden"));
  EXPECT_TRUE(IsError(viewer.Post("/api/v1/propaganda-events", Event(f)), 403, "forbidden"));
  // A second team on the same village: its sessions are not the first team's members' to see.
  const json neighbour_team = MakeTeam(admin, IdOf(f.village), "village");
  const std::int64_t neighbour =
      AddMember(admin, IdOf(neighbour_team), "Đỗ Văn Em", "leader")["person"]["id"]
          .get<std::int64_t>();
  json theirs = Session(f);
  theirs["team_id"] = IdOf(neighbour_team);
  theirs["member_ids"] = {neighbour};
  ASSERT_TRUE(HasStatus(admin.Post("/api/v1/trainings", theirs), 201));
  ASSERT_TRUE(HasStatus(admin.Post("/api/v1/trainings", Session(f)), 201));
  const HttpClient member = SignedInAs(admin, "member", "team_id", IdOf(f.team));
  const json mine = member.Get(Trainings("unit_id=" + Id(IdOf(f.village)))).Json();
  EXPECT_EQ(mine["total"], 1);
  EXPECT_EQ(viewer.Get(Trainings("unit_id=" + Id(IdOf(f.village)))).Json()["total"], 2);
  // Resending another team's session id answers 403 to whoever may not read that team.
  const HttpClient outsider = SignedInAs(admin, "team_leader", "team_id", IdOf(f.commune_team));
  EXPECT_TRUE(IsError(outsider.Post("/api/v1/trainings", theirs), 403, "forbidden"));
}

TEST(PropagandaEvents, AnEventIsRecordedResentListedAndVoided) {
  const HttpClient c = AdminClient();
  const Field f = MakeField(c, "Tuyên Truyền");
  const json sent = Event(f);
  const HttpResponse r = c.Post("/api/v1/propaganda-events", sent);
  ASSERT_TRUE(HasStatus(r, 201));
  EXPECT_EQ(r.Json()["kind"], "meeting");
  EXPECT_EQ(r.Json()["note"], "Họp dân tại nhà văn hóa ấp");
  json loudspeaker = Event(f);
  loudspeaker.erase("attendance");
  loudspeaker.erase("note");
  loudspeaker["kind"] = "loudspeaker";
  const HttpResponse l = c.Post("/api/v1/propaganda-events", loudspeaker);
  ASSERT_TRUE(HasStatus(l, 201));
  EXPECT_EQ(l.Json()["attendance"], 0);
  EXPECT_TRUE(l.Json()["note"].is_null());

  const HttpResponse again = c.Post("/api/v1/propaganda-events", sent);
  ASSERT_TRUE(HasStatus(again, 200));
  EXPECT_EQ(again.Json()["duplicate"], true);

  const std::string team = "team_id=" + Id(IdOf(f.team));
  EXPECT_EQ(c.Get(Events(team)).Json()["total"], 2);
  EXPECT_EQ(c.Get(Events(team + "&kind=loudspeaker")).Json()["total"], 1);
  EXPECT_TRUE(IsError(c.Get(Events("kind=parade")), 422, "unknown_kind", "kind"));

  ASSERT_TRUE(HasStatus(c.Post("/api/v1/propaganda-events/void", {{"id", sent["id"]}}), 200));
  const HttpResponse twice = c.Post("/api/v1/propaganda-events/void", {{"id", sent["id"]}});
  EXPECT_TRUE(IsError(twice, 409, "already_voided"));
  // When, the Vietnamese way and in Vietnam time: "lúc 14:05 ngày 07/12/2026".
  EXPECT_TRUE(std::regex_search(twice.Json()["error"]["message"].get<std::string>(),
                                std::regex("lúc \\d\\d:\\d\\d ngày \\d\\d/\\d\\d/20\\d\\d\\.$")))
      << twice.body;
  EXPECT_TRUE(std::regex_search(twice.Json()["error"]["message_en"].get<std::string>(),
                                std::regex("at 20\\d\\d-\\d\\d-\\d\\dT")))
      << twice.body;
}

TEST(PropagandaEvents, EachBrokenRuleIsAClearError) {
  const HttpClient c = AdminClient();
  const Field f = MakeField(c, "Sai Sự Kiện");
  struct Case {
    std::string key;
    json value;
    std::string code, field;
  };
  const std::vector<Case> cases{
      {"kind", "parade", "unknown_kind", "kind"},
      {"date", "2999-01-01", "future_date", "date"},
      {"attendance", -1, "bad_attendance", "attendance"},
      {"note", std::string(1001, 'x'), "too_long", "note"},
      {"member_ids", json::array(), "no_member_ids", "member_ids"},
      {"member_ids", {f.commune_member}, "not_a_member", "member_ids[0]"},
      {"unit_id", IdOf(f.outside_village), "unit_outside_team", "unit_id"},
  };
  for (const Case& k : cases) {
    json body = Event(f);
    body[k.key] = k.value;
    EXPECT_TRUE(IsError(c.Post("/api/v1/propaganda-events", body), 422, k.code, k.field)) << k.key;
  }
  json no_kind = Event(f);
  no_kind.erase("kind");
  EXPECT_TRUE(IsError(c.Post("/api/v1/propaganda-events", no_kind), 422, "required", "kind"));
  EXPECT_EQ(c.Get(Events("team_id=" + Id(IdOf(f.team)))).Json()["total"], 0);
}

}  // namespace
}  // namespace cnscd_test
