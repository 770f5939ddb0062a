// Issue 8, the HTTP side: the tree read as it was on a day (?on=), and the changes of the tree
// (rename, re-parent, merge, split, dissolve) entered through POST /api/v1/unit-events, with a
// unit's history at GET /api/v1/units/ID/events.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_uuid.hpp"

namespace cnscd_test {
namespace {

constexpr const char* kReformDay = "2025-07-01";
constexpr const char* kDayBefore = "2025-06-30";
constexpr const char* kBasis = "Nghị quyết 35/NQ-HĐND ngày 20/6/2025";

std::string U(const json& unit) { return "/api/v1/units/" + Id(IdOf(unit)); }

HttpResponse Apply(const HttpClient& c, const json& event) {
  return c.Post("/api/v1/unit-events", event);
}

// The event's body with its date and basis.
json Event(const std::string& kind, json fields) {
  fields["kind"] = kind;
  if (!fields.contains("effective")) fields["effective"] = kReformDay;
  if (!fields.contains("basis")) fields["basis"] = kBasis;
  return fields;
}

json GetOk(const HttpClient& c, const std::string& path) {
  const HttpResponse r = c.Get(path);
  EXPECT_TRUE(HasStatus(r, 200)) << path;
  return r.Json();
}

std::vector<std::string> Names(const json& list) {
  std::vector<std::string> names;
  for (const json& item : list.at("items")) names.push_back(item.at("name").get<std::string>());
  return names;
}

// The names along a unit's "path", province first.
std::vector<std::string> PathNames(const json& unit) {
  std::vector<std::string> names;
  for (const json& step : unit.at("path")) names.push_back(step.at("name").get<std::string>());
  return names;
}

std::vector<std::int64_t> Ids(const json& list) {
  std::vector<std::int64_t> ids;
  for (const json& id : list) ids.push_back(id.get<std::int64_t>());
  return ids;
}

// A vneid support record of `citizen_phone` in the team's village, before the reform.
json VneidRecord(const json& team, std::int64_t member, const json& village,
                 const std::string& citizen_phone) {
  return {{"id", NewUuid()},
          {"team_id", IdOf(team)},
          {"member_id", member},
          {"village_id", IdOf(village)},
          {"service", "vneid"},
          {"date", "2025-03-10"},
          {"citizen", {{"phone", citizen_phone}}},
          {"age", 30},
          {"sex", "female"}};
}

void Submit(const HttpClient& c, const json& records) {
  const HttpResponse r = c.Post("/api/v1/support-records", {{"records", records}});
  ASSERT_TRUE(HasStatus(r, 200));
  for (const json& one : r.Json()["results"]) ASSERT_EQ(one["status"], "created") << r.body;
}

// The vneid numerator of a unit for 2025.
std::int64_t VneidHelped(const HttpClient& c, const json& unit) {
  const json j = GetOk(c, U(unit) + "/indicators?year=2025");
  for (const json& i : j.at("items")) {
    if (i.at("code") == "vneid") return i.at("numerator").get<std::int64_t>();
  }
  ADD_FAILURE() << "no vneid indicator: " << j.dump();
  return -1;
}

// --- merge -----------------------------------------------------------------------------------

struct TwoVillages {
  json province, commune, east, west, east_team, west_team;
  std::int64_t east_member = 0, west_member = 0;
};

TwoVillages MakeTwoVillages(const HttpClient& c, const std::string& label) {
  TwoVillages w;
  w.province = MakeProvince(c, "Tỉnh " + label + " " + UniqueSuffix());
  w.commune = MakeCommune(c, "Xã " + label, IdOf(w.province));
  w.east = MakeVillage(c, "Thôn Đông", IdOf(w.commune));
  w.west = MakeVillage(c, "Thôn Tây", IdOf(w.commune));
  w.east_team = MakeTeam(c, IdOf(w.east), "village");
  w.west_team = MakeTeam(c, IdOf(w.west), "village");
  w.east_member =
      AddMember(c, IdOf(w.east_team), "Lê Thị Đông", "leader")["person"]["id"].get<std::int64_t>();
  w.west_member =
      AddMember(c, IdOf(w.west_team), "Phạm Văn Tây", "leader")["person"]["id"].get<std::int64_t>();
  return w;
}

TEST(UnitEvents, TwoVillagesMergedIntoANewOneOnTheFirstOfJulyReadAsTheyWereTheDayBefore) {
  const HttpClient c = AdminClient();
  const TwoVillages w = MakeTwoVillages(c, "Sáp Nhập");
  // Helped before the reform: two citizens in each village, one of them in both.
  const std::string both = "0912 000 001";
  Submit(c, json::array({VneidRecord(w.east_team, w.east_member, w.east, both),
                         VneidRecord(w.east_team, w.east_member, w.east, "0912 000 002")}));
  Submit(c, json::array({VneidRecord(w.west_team, w.west_member, w.west, both),
                         VneidRecord(w.west_team, w.west_member, w.west, "0912 000 003")}));
  ASSERT_EQ(VneidHelped(c, w.east), 2);
  ASSERT_EQ(VneidHelped(c, w.west), 2);
  const json merge =
      Event("merge", {{"from", {IdOf(w.east), IdOf(w.west)}},
                      {"new_unit", {{"name", "Thôn Đông Tây"}, {"parent_id", IdOf(w.commune)}}}});

  // First the dry run: what would end, begin and move, and nothing written.
  const HttpResponse dry = c.Post("/api/v1/unit-events?dry_run=true", merge);
  ASSERT_TRUE(HasStatus(dry, 200));
  const json d = dry.Json();
  EXPECT_EQ(d.at("mode"), "dry_run");
  EXPECT_TRUE(d.at("event").at("id").is_null());
  EXPECT_EQ(d.at("event").at("kind"), "merge");
  EXPECT_TRUE(d.at("unit").is_null()) << "the new village has no id before it is made";
  ASSERT_EQ(d.at("creates").size(), 1U);
  EXPECT_EQ(d.at("creates")[0].at("name"), "Thôn Đông Tây");
  EXPECT_EQ(d.at("creates")[0].at("parent_id"), IdOf(w.commune));
  std::vector<std::string> ends;
  for (const json& u : d.at("ends")) ends.push_back(u.at("name"));
  EXPECT_EQ(ends, (std::vector<std::string>{"Thôn Đông", "Thôn Tây"}));
  ASSERT_EQ(d.at("units").size(), 2U);
  EXPECT_EQ(d.at("units")[0].at("unit").at("id"), IdOf(w.east));
  ASSERT_EQ(d.at("units")[0].at("teams").size(), 1U);
  EXPECT_EQ(d.at("units")[0].at("teams")[0].at("id"), IdOf(w.east_team));
  EXPECT_EQ(d.at("units")[0].at("members"), 1);
  EXPECT_TRUE(d.at("units")[0].at("children").empty());
  EXPECT_EQ(d.at("moved").at("teams"), 2);
  EXPECT_EQ(d.at("moved").at("support_records"), 4);
  EXPECT_TRUE(GetOk(c, U(w.east)).at("valid_to").is_null());
  EXPECT_EQ(GetTeam(c, IdOf(w.east_team)).at("unit_id"), IdOf(w.east));
  EXPECT_EQ(GetOk(c, U(w.east) + "/events").at("total"), 0);
  EXPECT_EQ(GetOk(c, "/api/v1/units?parent=" + Id(IdOf(w.commune))).at("total"), 2);
  // A dry run refuses what the change would refuse, and only true or false.
  EXPECT_TRUE(IsError(c.Post("/api/v1/unit-events?dry_run=true",
                             Event("merge", {{"from", {IdOf(w.east)}}, {"into", IdOf(w.east)}})),
                      422, "merge_into_itself", "from"));
  EXPECT_TRUE(
      IsError(c.Post("/api/v1/unit-events?dry_run=yes", merge), 400, "bad_query", "dry_run"));

  const HttpResponse r = Apply(c, merge);
  ASSERT_TRUE(HasStatus(r, 201));
  const json body = r.Json();
  const json& merged = body.at("unit");
  EXPECT_EQ(merged.at("name"), "Thôn Đông Tây");
  EXPECT_EQ(merged.at("kind"), "village");
  EXPECT_EQ(merged.at("parent_id"), IdOf(w.commune));
  EXPECT_EQ(merged.at("valid_from"), kReformDay);
  EXPECT_TRUE(merged.at("valid_to").is_null());
  const json& event = body.at("event");
  EXPECT_EQ(event.at("kind"), "merge");
  EXPECT_EQ(event.at("effective"), kReformDay);
  EXPECT_EQ(event.at("basis"), kBasis);
  EXPECT_TRUE(event.at("detail").is_object()) << event.dump();
  EXPECT_EQ(Ids(event.at("from")), (std::vector<std::int64_t>{IdOf(w.east), IdOf(w.west)}));
  EXPECT_EQ(Ids(event.at("to")), (std::vector<std::int64_t>{IdOf(merged)}));
  EXPECT_FALSE(event.at("created_at").get<std::string>().empty());
  EXPECT_EQ(body.at("moved").at("teams"), 2);
  EXPECT_EQ(body.at("moved").at("support_records"), 4);
  EXPECT_EQ(body.at("moved").at("children"), 0);

  // The teams now sit in the merged village.
  EXPECT_EQ(GetTeam(c, IdOf(w.east_team)).at("unit_id"), IdOf(merged));
  EXPECT_EQ(GetTeam(c, IdOf(w.west_team)).at("unit_id"), IdOf(merged));

  // Today the commune has the merged village only; the day before, the two old ones.
  const std::string children = "/api/v1/units?parent=" + Id(IdOf(w.commune));
  EXPECT_EQ(Names(GetOk(c, children)), (std::vector<std::string>{"Thôn Đông Tây"}));
  EXPECT_EQ(Names(GetOk(c, children + "&on=" + kDayBefore)),
            (std::vector<std::string>{"Thôn Đông", "Thôn Tây"}));
  EXPECT_EQ(Names(GetOk(c, children + "&on=" + kReformDay)),
            (std::vector<std::string>{"Thôn Đông Tây"}));
  EXPECT_EQ(GetOk(c, U(w.commune)).at("children"), 1);
  EXPECT_EQ(GetOk(c, U(w.commune) + "?on=" + kDayBefore).at("children"), 2);

  // The old village reads as it was, and today says when it ended.
  const json then = GetOk(c, U(w.east) + "?on=" + kDayBefore);
  EXPECT_EQ(then.at("name"), "Thôn Đông");
  EXPECT_EQ(PathNames(then),
            (std::vector<std::string>{w.province.at("name"), "Xã Sáp Nhập", "Thôn Đông"}));
  const json now = GetOk(c, U(w.east));
  EXPECT_EQ(now.at("valid_to"), kReformDay);
  EXPECT_TRUE(IsError(c.Get(U(merged) + "?on=" + kDayBefore), 404, "not_found"));
  EXPECT_TRUE(IsError(c.Get(U(w.east) + "?on=" + kReformDay), 404, "not_found"));

  // The history of the old village lists the merge.
  const json events = GetOk(c, U(w.east) + "/events");
  ASSERT_EQ(events.at("total"), 1);
  EXPECT_EQ(events.at("items")[0].at("kind"), "merge");
  EXPECT_EQ(events.at("items")[0].at("id"), event.at("id"));
  EXPECT_EQ(GetOk(c, U(merged) + "/events").at("total"), 1);

  // The support records still count once: 2 + 2 minus the citizen helped in both.
  EXPECT_EQ(VneidHelped(c, merged), 3);
  EXPECT_EQ(VneidHelped(c, w.commune), 3);
}

TEST(UnitEvents, AVillageMergedIntoAnExistingOneTakesItsTeam) {
  const HttpClient c = AdminClient();
  const TwoVillages w = MakeTwoVillages(c, "Nhập Vào");
  const HttpResponse r =
      Apply(c, Event("merge", {{"from", {IdOf(w.west)}}, {"into", IdOf(w.east)}}));
  ASSERT_TRUE(HasStatus(r, 201));
  EXPECT_EQ(r.Json().at("unit").at("id"), IdOf(w.east));
  EXPECT_EQ(r.Json().at("moved").at("teams"), 1);
  EXPECT_EQ(GetTeam(c, IdOf(w.west_team)).at("unit_id"), IdOf(w.east));
  EXPECT_EQ(GetOk(c, U(w.west)).at("valid_to"), kReformDay);
  EXPECT_TRUE(GetOk(c, U(w.east)).at("valid_to").is_null());
}

// --- rename and re-parent --------------------------------------------------------------------

TEST(UnitEvents, ACommuneRenamedAndMovedFromItsDistrictToTheProvinceReadsBothWays) {
  const HttpClient c = AdminClient();
  const json province = MakeProvince(c, "Tỉnh Hai Cấp " + UniqueSuffix());
  const json district = MakeDistrict(c, "Huyện Cũ", IdOf(province));
  const json commune = MakeCommune(c, "Xã Cũ", IdOf(district));
  const json village = MakeVillage(c, "Thôn Giữa", IdOf(commune));
  const std::string pname = province.at("name");

  HttpResponse r = Apply(
      c, Event("rename", {{"unit_id", IdOf(commune)}, {"name", "Xã Mới"}, {"subkind", "xã"}}));
  ASSERT_TRUE(HasStatus(r, 201));
  EXPECT_EQ(r.Json().at("unit").at("name"), "Xã Mới");
  EXPECT_EQ(r.Json().at("event").at("kind"), "rename");
  r = Apply(c, Event("reparent", {{"unit_id", IdOf(commune)}, {"parent_id", IdOf(province)}}));
  ASSERT_TRUE(HasStatus(r, 201));
  EXPECT_EQ(r.Json().at("unit").at("parent_id"), IdOf(province));
  EXPECT_EQ(Ids(r.Json().at("event").at("to")), (std::vector<std::int64_t>{IdOf(province)}));

  const json before = GetOk(c, U(commune) + "?on=" + kDayBefore);
  EXPECT_EQ(before.at("name"), "Xã Cũ");
  EXPECT_EQ(before.at("parent_id"), IdOf(district));
  EXPECT_EQ(PathNames(before), (std::vector<std::string>{pname, "Huyện Cũ", "Xã Cũ"}));
  const json today = GetOk(c, U(commune));
  EXPECT_EQ(today.at("name"), "Xã Mới");
  EXPECT_EQ(PathNames(today), (std::vector<std::string>{pname, "Xã Mới"}));
  EXPECT_TRUE(today.at("valid_to").is_null());

  // Its village follows, and still reads where it sat.
  EXPECT_EQ(PathNames(GetOk(c, U(village))),
            (std::vector<std::string>{pname, "Xã Mới", "Thôn Giữa"}));
  EXPECT_EQ(PathNames(GetOk(c, U(village) + "?on=" + kDayBefore)),
            (std::vector<std::string>{pname, "Huyện Cũ", "Xã Cũ", "Thôn Giữa"}));

  // The district's children: the commune before, none today.
  const std::string under_district = "/api/v1/units?parent=" + Id(IdOf(district));
  EXPECT_EQ(Names(GetOk(c, under_district + "&on=" + kDayBefore)),
            (std::vector<std::string>{"Xã Cũ"}));
  EXPECT_EQ(GetOk(c, under_district).at("total"), 0);
  EXPECT_EQ(Names(GetOk(c, "/api/v1/units?kind=commune&parent=" + Id(IdOf(province)))),
            (std::vector<std::string>{"Xã Mới"}));

  const json events = GetOk(c, U(commune) + "/events");
  ASSERT_EQ(events.at("total"), 2);
  EXPECT_EQ(events.at("items")[0].at("kind"), "rename");
  EXPECT_EQ(events.at("items")[1].at("kind"), "reparent");
}

// --- split -----------------------------------------------------------------------------------

TEST(UnitEvents, ACommuneSplitWithEveryVillageAssignedAndRefusedWhenOneIsNot) {
  const HttpClient c = AdminClient();
  const json province = MakeProvince(c, "Tỉnh Chia Tách " + UniqueSuffix());
  const json split = MakeCommune(c, "Xã Chia", IdOf(province));
  const json north = MakeCommune(c, "Xã Bắc", IdOf(province));
  const json south = MakeCommune(c, "Xã Nam", IdOf(province));
  const json v1 = MakeVillage(c, "Thôn Một", IdOf(split));
  const json v2 = MakeVillage(c, "Thôn Hai", IdOf(split));
  const json v3 = MakeVillage(c, "Thôn Ba", IdOf(split));
  const json commune_team = MakeTeam(c, IdOf(split), "commune");

  // One village left out: refused, and nothing written.
  json partial =
      Event("split", {{"unit_id", IdOf(split)},
                      {"into", {IdOf(north), IdOf(south)}},
                      {"assign", {{Id(IdOf(v1)), IdOf(north)}, {Id(IdOf(v2)), IdOf(north)}}},
                      {"attachments_to", IdOf(north)}});
  EXPECT_TRUE(IsError(Apply(c, partial), 422, "child_not_assigned", "assign"));
  EXPECT_TRUE(GetOk(c, U(split)).at("valid_to").is_null());
  EXPECT_EQ(GetOk(c, "/api/v1/units?parent=" + Id(IdOf(split))).at("total"), 3);
  EXPECT_EQ(GetOk(c, U(split) + "/events").at("total"), 0);
  EXPECT_EQ(GetTeam(c, IdOf(commune_team)).at("unit_id"), IdOf(split));

  // Its own team needs a home too.
  json every = partial;
  every["assign"][Id(IdOf(v3))] = IdOf(south);
  every.erase("attachments_to");
  EXPECT_TRUE(IsError(Apply(c, every), 422, "attachments_unassigned", "attachments_to"));

  every["attachments_to"] = IdOf(north);
  const HttpResponse r = Apply(c, every);
  ASSERT_TRUE(HasStatus(r, 201));
  EXPECT_EQ(r.Json().at("moved").at("children"), 3);
  EXPECT_EQ(r.Json().at("moved").at("teams"), 1);
  EXPECT_EQ(r.Json().at("event").at("kind"), "split");
  EXPECT_EQ(Names(GetOk(c, "/api/v1/units?parent=" + Id(IdOf(north)))),
            (std::vector<std::string>{"Thôn Hai", "Thôn Một"}));
  EXPECT_EQ(Names(GetOk(c, "/api/v1/units?parent=" + Id(IdOf(south)))),
            (std::vector<std::string>{"Thôn Ba"}));
  EXPECT_EQ(GetOk(c, U(split)).at("valid_to"), kReformDay);
  EXPECT_EQ(GetTeam(c, IdOf(commune_team)).at("unit_id"), IdOf(north));
  EXPECT_EQ(PathNames(GetOk(c, U(v3) + "?on=" + kDayBefore)).at(1), "Xã Chia");
  EXPECT_EQ(PathNames(GetOk(c, U(v3))).at(1), "Xã Nam");
  EXPECT_EQ(GetOk(c, U(south) + "/events").at("total"), 1);
}

// --- dissolve --------------------------------------------------------------------------------

TEST(UnitEvents, ARenameMoveOrMergeThatWouldRepeatAVillagesNameIsAConflict) {
  const HttpClient c = AdminClient();
  const TwoVillages w = MakeTwoVillages(c, "Trùng Tên");
  const json north = MakeVillage(c, "Thôn Bắc", IdOf(w.commune));
  // Renaming a village to its neighbour's name (the type word and case aside) writes nothing.
  EXPECT_TRUE(IsError(Apply(c, Event("rename", {{"unit_id", IdOf(w.east)}, {"name", "ấp tây"}})),
                      409, "name_in_use", "name"));
  EXPECT_EQ(GetOk(c, U(w.east))["name"], "Thôn Đông");
  // Its own name, written otherwise, is no conflict.
  EXPECT_TRUE(HasStatus(
      Apply(c, Event("rename", {{"unit_id", IdOf(w.east)}, {"name", "Thôn đông"}})), 201));
  // A new village made by a merge may take a merged village's name, not another's.
  EXPECT_TRUE(IsError(
      Apply(c,
            Event("merge", {{"from", {IdOf(w.east), IdOf(w.west)}},
                            {"new_unit", {{"name", "Thôn Bắc"}, {"parent_id", IdOf(w.commune)}}}})),
      409, "name_in_use", "new_unit.name"));
  EXPECT_TRUE(HasStatus(
      Apply(c,
            Event("merge", {{"from", {IdOf(w.east), IdOf(w.west)}},
                            {"new_unit", {{"name", "Thôn Tây"}, {"parent_id", IdOf(w.commune)}}}})),
      201));
  // A merged village is closed; the refusal says since when, the Vietnamese way.
  const HttpResponse closed =
      Apply(c, Event("rename", {{"unit_id", IdOf(w.east)}, {"name", "Thôn Đông Mới"}}));
  EXPECT_TRUE(IsError(closed, 422, "unit_closed"));
  EXPECT_NE(closed.Json()["error"]["message"].get<std::string>().find("từ ngày 01/07/2025"),
            std::string::npos)
      << closed.body;
  EXPECT_NE(closed.Json()["error"]["message_en"].get<std::string>().find("2025-07-01"),
            std::string::npos)
      << closed.body;
  // A village moved into a commune that has its name is refused too.
  const json other = MakeCommune(c, "Xã Bên Cạnh", IdOf(w.province));
  const json other_north = MakeVillage(c, "Thôn Bắc", IdOf(other));
  EXPECT_TRUE(IsError(
      Apply(c, Event("reparent", {{"unit_id", IdOf(other_north)}, {"parent_id", IdOf(w.commune)}})),
      409, "name_in_use", "parent_id"));
  EXPECT_TRUE(IdOf(north) > 0);
}

TEST(UnitEvents, AVillageIsDissolvedOnlyWhenNothingHangsOnIt) {
  const HttpClient c = AdminClient();
  const json province = MakeProvince(c, "Tỉnh Giải Thể " + UniqueSuffix());
  const json commune = MakeCommune(c, "Xã Giải Thể", IdOf(province));
  const json held = MakeVillage(c, "Thôn Có Tổ", IdOf(commune));
  const json empty = MakeVillage(c, "Thôn Trống", IdOf(commune));
  MakeTeam(c, IdOf(held), "village");

  EXPECT_TRUE(IsError(Apply(c, Event("dissolve", {{"unit_id", IdOf(held)}})), 422, "unit_not_empty",
                      "unit_id"));
  EXPECT_TRUE(GetOk(c, U(held)).at("valid_to").is_null());
  EXPECT_EQ(GetOk(c, U(held) + "/events").at("total"), 0);
  // A commune with villages is not empty either.
  EXPECT_TRUE(
      IsError(Apply(c, Event("dissolve", {{"unit_id", IdOf(commune)}})), 422, "unit_not_empty"));

  const HttpResponse r = Apply(c, Event("dissolve", {{"unit_id", IdOf(empty)}}));
  ASSERT_TRUE(HasStatus(r, 201));
  EXPECT_TRUE(r.Json().at("unit").is_null());
  EXPECT_EQ(r.Json().at("event").at("kind"), "dissolve");
  EXPECT_EQ(GetOk(c, U(empty)).at("valid_to"), kReformDay);
  EXPECT_EQ(Names(GetOk(c, "/api/v1/units?parent=" + Id(IdOf(commune)))),
            (std::vector<std::string>{"Thôn Có Tổ"}));
  EXPECT_EQ(GetOk(c, U(empty) + "?on=" + kDayBefore).at("name"), "Thôn Trống");
  // Once closed, it changes no more.
  EXPECT_TRUE(IsError(Apply(c, Event("rename", {{"unit_id", IdOf(empty)}, {"name", "Thôn Lại"}})),
                      422, "unit_closed"));
}

// --- bad inputs ------------------------------------------------------------------------------

TEST(UnitEvents, BadEventsAreRefusedNamingTheFieldAndWriteNothing) {
  const HttpClient c = AdminClient();
  const TwoVillages w = MakeTwoVillages(c, "Sai");
  const json rename = Event("rename", {{"unit_id", IdOf(w.east)}, {"name", "Thôn Mới"}});

  json future = rename;
  future["effective"] = "2999-01-01";
  EXPECT_TRUE(IsError(Apply(c, future), 422, "future_date", "effective"));
  json malformed = rename;
  malformed["effective"] = "1/7/2025";
  EXPECT_TRUE(IsError(Apply(c, malformed), 422, "invalid_date", "effective"));
  json missing = rename;
  missing.erase("effective");
  EXPECT_TRUE(IsError(Apply(c, missing), 422, "", "effective"));
  json kind = rename;
  kind["kind"] = "teleport";
  EXPECT_TRUE(IsError(Apply(c, kind), 422, "invalid_kind", "kind"));
  json unknown = rename;
  unknown["unit_id"] = 987654321;
  EXPECT_TRUE(IsError(Apply(c, unknown), 404, "not_found", "unit_id"));
  EXPECT_TRUE(IsError(Apply(c, Event("merge", {{"from", {IdOf(w.east)}}, {"into", 987654321}})),
                      404, "not_found", "into"));
  // A village does not merge into a commune.
  const json other_commune = MakeCommune(c, "Xã Bên", IdOf(w.province));
  EXPECT_TRUE(
      IsError(Apply(c, Event("merge", {{"from", {IdOf(w.east)}}, {"into", IdOf(other_commune)}})),
              422, "merge_kind_mismatch", "from"));

  // Wrong types are 400 naming the field.
  json wrong = rename;
  wrong["unit_id"] = "12";
  EXPECT_TRUE(IsError(Apply(c, wrong), 400, "wrong_type", "unit_id"));
  EXPECT_TRUE(IsError(Apply(c, Event("merge", {{"from", IdOf(w.east)}, {"into", IdOf(w.west)}})),
                      400, "wrong_type", "from"));
  EXPECT_TRUE(
      IsError(Apply(c, Event("merge", {{"from", {IdOf(w.east), "x"}}, {"into", IdOf(w.west)}})),
              400, "wrong_type", "from[1]"));
  EXPECT_TRUE(
      IsError(Apply(c, Event("merge", {{"from", {IdOf(w.east)}}, {"into", {IdOf(w.west)}}})), 400,
              "wrong_type", "into"));
  EXPECT_TRUE(IsError(Apply(c, Event("split", {{"unit_id", IdOf(w.commune)},
                                               {"into", {IdOf(w.east)}},
                                               {"assign", {{"Thôn Đông", IdOf(w.east)}}}})),
                      400, "wrong_type", "assign"));
  EXPECT_TRUE(IsError(Apply(c, Event("split", {{"unit_id", IdOf(w.commune)},
                                               {"assign", {{Id(IdOf(w.east)), "Bắc"}}}})),
                      400, "wrong_type", "assign." + Id(IdOf(w.east))));
  EXPECT_TRUE(
      IsError(Apply(c, Event("merge", {{"from", {IdOf(w.east)}}, {"new_unit", {{"name", 5}}}})),
              400, "wrong_type", "new_unit.name"));
  EXPECT_TRUE(IsError(c.PostRaw("/api/v1/unit-events", "{\"kind\": "), 400, "malformed_json"));
  EXPECT_TRUE(IsError(
      Apply(c,
            Event("merge", {{"from", {IdOf(w.east)}},
                            {"into", IdOf(w.west)},
                            {"new_unit", {{"name", "Thôn Ba"}, {"parent_id", IdOf(w.commune)}}}})),
      422, "into_or_new_unit", "new_unit"));

  // A date before the unit's last change.
  ASSERT_TRUE(HasStatus(Apply(c, rename), 201));
  json earlier = rename;
  earlier["effective"] = "2025-03-01";
  earlier["name"] = "Thôn Sớm";
  EXPECT_TRUE(IsError(Apply(c, earlier), 422, "before_current_state"));

  // Only the one accepted rename was written.
  const json events = GetOk(c, U(w.east) + "/events");
  EXPECT_EQ(events.at("total"), 1);
  EXPECT_EQ(GetOk(c, U(w.east)).at("name"), "Thôn Mới");
  EXPECT_TRUE(GetOk(c, U(w.west)).at("valid_to").is_null());
  EXPECT_EQ(GetTeam(c, IdOf(w.east_team)).at("unit_id"), IdOf(w.east));

  // Reading: ?on= must be a date; an unknown unit has no history.
  EXPECT_TRUE(IsError(c.Get("/api/v1/units?on=2025-13-45"), 400, "bad_query", "on"));
  EXPECT_TRUE(IsError(c.Get(U(w.east) + "?on=30/6/2025"), 400, "bad_query", "on"));
  EXPECT_TRUE(IsError(c.Get("/api/v1/units/987654321/events"), 404, "not_found"));
}

// --- who may ---------------------------------------------------------------------------------

TEST(UnitEvents, ACommuneOfficerMergesTheCommunesVillagesButNotCommunes) {
  const HttpClient c = AdminClient();
  const TwoVillages w = MakeTwoVillages(c, "Cán Bộ");
  const json neighbour = MakeCommune(c, "Xã Láng Giềng", IdOf(w.province));
  const json far1 = MakeVillage(c, "Thôn Xa Một", IdOf(neighbour));
  const json far2 = MakeVillage(c, "Thôn Xa Hai", IdOf(neighbour));
  const HttpClient officer = SignedInAs(c, "commune_officer", "unit_id", IdOf(w.commune));

  // Not the communes themselves, nor another commune's villages.
  EXPECT_TRUE(IsError(
      Apply(officer, Event("merge", {{"from", {IdOf(neighbour)}}, {"into", IdOf(w.commune)}})), 403,
      "forbidden"));
  EXPECT_TRUE(
      IsError(Apply(officer, Event("merge", {{"from", {IdOf(far1)}}, {"into", IdOf(far2)}})), 403,
              "forbidden"));
  EXPECT_TRUE(IsError(
      Apply(officer, Event("rename", {{"unit_id", IdOf(w.commune)}, {"name", "Xã Khác Tên"}})), 403,
      "forbidden"));
  EXPECT_TRUE(IsError(officer.Get(U(far1) + "/events"), 403, "forbidden"));

  const HttpResponse r = Apply(
      officer,
      Event("merge", {{"from", {IdOf(w.east), IdOf(w.west)}},
                      {"new_unit", {{"name", "Thôn Hợp Nhất"}, {"parent_id", IdOf(w.commune)}}}}));
  ASSERT_TRUE(HasStatus(r, 201));
  EXPECT_TRUE(HasStatus(officer.Get(U(w.east) + "/events"), 200));
  EXPECT_EQ(GetOk(officer, U(w.west) + "?on=" + kDayBefore).at("name"), "Thôn Tây");
  EXPECT_EQ(
      Names(GetOk(officer, "/api/v1/units?parent=" + Id(IdOf(w.commune)) + "&on=" + kDayBefore)),
      (std::vector<std::string>{"Thôn Đông", "Thôn Tây"}));
}

// History is the new unit's too: the officer of a commune made of two reads the closed communes,
// their reports and what the trail recorded in them, under the paths of then; an officer of
// another commune does not.
TEST(UnitEvents, TheOfficerOfAMergedCommuneReadsThePastOfTheCommunesItWasMadeOf) {
  const HttpClient c = AdminClient();
  const TwoVillages one = MakeTwoVillages(c, "Nhật Ký Một");
  const json second = MakeCommune(c, "Xã Nhật Ký Hai", IdOf(one.province));
  const json village = MakeVillage(c, "Thôn Bắc", IdOf(second));
  const json team = MakeTeam(c, IdOf(village), "village");
  // The second commune's report for June, filed before the merge.
  const HttpResponse report =
      c.Post("/api/v1/reports",
             {{"kind", "commune_monthly"}, {"unit_id", IdOf(second)}, {"period", "2025-06"}});
  ASSERT_TRUE(HasStatus(report, 201));
  const std::string report_path = "/api/v1/reports/" + Id(IdOf(report.Json()));
  const HttpResponse r = Apply(
      c,
      Event("merge", {{"from", {IdOf(one.commune), IdOf(second)}},
                      {"new_unit", {{"name", "Xã Nhật Ký"}, {"parent_id", IdOf(one.province)}}}}));
  ASSERT_TRUE(HasStatus(r, 201));
  const std::int64_t merged = IdOf(r.Json().at("unit"));
  const HttpClient officer = SignedInAs(c, "commune_officer", "unit_id", merged);

  auto teams_created = [](const json& page) {
    std::vector<std::int64_t> ids;
    for (const json& e : page.at("items")) {
      if (e.at("entity_type") == "team" && e.at("action") == "create") {
        ids.push_back(e.at("entity_id").get<std::int64_t>());
      }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  std::vector<std::int64_t> expected{IdOf(one.east_team), IdOf(one.west_team), IdOf(team)};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(teams_created(GetOk(officer, "/api/v1/audit?limit=500")), expected);
  EXPECT_EQ(teams_created(GetOk(officer, "/api/v1/audit?limit=500&unit=" + Id(merged))), expected);
  EXPECT_TRUE(HasStatus(officer.Get("/api/v1/audit?entity=unit:" + Id(IdOf(second))), 200));
  // The closed commune, its history and its report stay readable to the officer it went to.
  EXPECT_FALSE(GetOk(officer, U(second)).at("valid_to").is_null());
  EXPECT_EQ(GetOk(officer, U(second) + "/events").at("total"), 1);
  EXPECT_EQ(GetOk(officer, report_path).at("unit_id"), IdOf(second));
  auto report_ids = [](const json& page) {
    std::vector<std::int64_t> ids;
    for (const json& r : page.at("items")) ids.push_back(r.at("id").get<std::int64_t>());
    return ids;
  };
  const std::vector<std::int64_t> filed{IdOf(report.Json())};
  EXPECT_EQ(report_ids(GetOk(officer, "/api/v1/reports")), filed);
  EXPECT_EQ(report_ids(GetOk(officer, "/api/v1/reports?unit_id=" + Id(merged))), filed);

  const json elsewhere = MakeCommune(c, "Xã Bên Cạnh", IdOf(one.province));
  const HttpClient stranger = SignedInAs(c, "commune_officer", "unit_id", IdOf(elsewhere));
  EXPECT_TRUE(teams_created(GetOk(stranger, "/api/v1/audit?limit=500")).empty());
  EXPECT_TRUE(
      IsError(stranger.Get("/api/v1/audit?entity=unit:" + Id(IdOf(second))), 403, "forbidden"));
  EXPECT_TRUE(IsError(stranger.Get(U(second)), 403, "forbidden"));
  EXPECT_TRUE(IsError(stranger.Get(report_path), 403, "forbidden"));
  EXPECT_TRUE(report_ids(GetOk(stranger, "/api/v1/reports")).empty());
}

}  // namespace
}  // namespace cnscd_test
