// Issue 5 item 5: allowances (chế độ). Rates set on a unit and inherited down the tree, and a
// commune's monthly allowance sheet counted from its members' activity days (here, days on which
// they logged support records).
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <set>
#include <string>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_uuid.hpp"

namespace cnscd_test {
namespace {

// Today in Vietnam (UTC+7), YYYY-MM-DD, as the server sees it.
std::string Today() {
  using namespace std::chrono;
  const year_month_day d{floor<days>(system_clock::now() + hours(7))};
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf.data();
}
std::string ThisMonth() { return Today().substr(0, 7); }
std::string NextMonth() {
  const int year = std::stoi(Today().substr(0, 4));
  const int month = std::stoi(Today().substr(5, 2));
  const int next = month == 12 ? 1 : month + 1;
  return std::to_string(month == 12 ? year + 1 : year) + (next < 10 ? "-0" : "-") +
         std::to_string(next);
}

// A province → commune → village, a village team with a leader and a member.
struct Commune {
  json province, commune, village, team;
  std::int64_t leader = 0, member = 0;
};

Commune MakeCommuneWithTeam(const HttpClient& c, const std::string& label) {
  Commune f;
  f.province = MakeProvince(c, "Tỉnh " + label + " " + UniqueSuffix());
  f.commune = MakeCommune(c, "Xã " + label, IdOf(f.province));
  f.village = MakeVillage(c, "Ấp " + label, IdOf(f.commune));
  f.team = MakeTeam(c, IdOf(f.village), "village");
  f.leader = AddMember(c, IdOf(f.team), "Trần Văn Trưởng", "leader")["person"]["id"];
  f.member = AddMember(c, IdOf(f.team), "Âu Thị Viên", "member")["person"]["id"];
  return f;
}

// Support records by `person` on each date (all created).
void LogDays(const HttpClient& c, const Commune& f, std::int64_t person,
             const std::vector<std::string>& dates) {
  json records = json::array();
  for (const std::string& date : dates) {
    records.push_back(
        {{"id", NewUuid()},
         {"team_id", IdOf(f.team)},
         {"member_id", person},
         {"village_id", IdOf(f.village)},
         {"service", "vneid"},
         {"date", date},
         {"citizen", {{"id_number", "0790" + std::to_string(records.size()) + "1234567"}}}});
  }
  const HttpResponse r = c.Post("/api/v1/support-records", {{"records", records}});
  ASSERT_TRUE(HasStatus(r, 200));
  const json results = r.Json()["results"];
  ASSERT_EQ(results.size(), dates.size()) << r.body;
  for (const json& result : results) ASSERT_EQ(result["status"], "created") << r.body;
}

std::string Rates(std::int64_t unit) { return "/api/v1/units/" + Id(unit) + "/allowance-rates"; }
std::string Sheet(std::int64_t unit, const std::string& query) {
  return "/api/v1/units/" + Id(unit) + "/allowances?" + query;
}

const json& LineOf(const json& sheet, std::int64_t person) {
  for (const json& m : sheet["members"]) {
    if (m["person_id"] == person) return m;
  }
  throw std::runtime_error("no line for " + std::to_string(person) + ": " + sheet.dump());
}

TEST(Allowances, AProvinceRateReachesItsCommunesUntilACommuneSetsItsOwn) {
  const HttpClient c = AdminClient();
  const Commune f = MakeCommuneWithTeam(c, "Mức Một");
  const HttpResponse put =
      c.Put(Rates(IdOf(f.province)),
            {{"valid_from", "2025-01"}, {"per_member_day", 50000}, {"max_days", 10}});
  ASSERT_TRUE(HasStatus(put, 200));
  EXPECT_EQ(put.Json()["unit_id"], IdOf(f.province));
  ASSERT_EQ(put.Json()["items"].size(), 1u);
  EXPECT_EQ(put.Json()["items"][0]["per_member_day"], 50000);
  EXPECT_TRUE(put.Json()["items"][0]["per_team_month"].is_null());

  const HttpResponse inherited = c.Get(Rates(IdOf(f.commune)) + "?period=2025-06");
  ASSERT_TRUE(HasStatus(inherited, 200));
  EXPECT_TRUE(inherited.Json()["items"].empty());  // the commune has none of its own
  EXPECT_EQ(inherited.Json()["effective"]["source_unit_id"], IdOf(f.province));
  EXPECT_EQ(inherited.Json()["effective"]["valid_from"], "2025-01");
  EXPECT_EQ(inherited.Json()["effective"]["max_days"], 10);

  ASSERT_TRUE(HasStatus(
      c.Put(Rates(IdOf(f.commune)), {{"valid_from", "2025-05"}, {"per_team_month", 1000000}}),
      200));
  EXPECT_EQ(c.Get(Rates(IdOf(f.commune)) + "?period=2025-06").Json()["effective"]["source_unit_id"],
            IdOf(f.commune));
  // Before May, the province's rate still holds; before 2025 nobody pays.
  EXPECT_EQ(c.Get(Rates(IdOf(f.commune)) + "?period=2025-04").Json()["effective"]["source_unit_id"],
            IdOf(f.province));
  EXPECT_TRUE(c.Get(Rates(IdOf(f.commune)) + "?period=2024-12").Json()["effective"].is_null());
}

TEST(Allowances, ARateForTheSameMonthReplacesTheEarlierOne) {
  const HttpClient c = AdminClient();
  const Commune f = MakeCommuneWithTeam(c, "Mức Hai");
  ASSERT_TRUE(HasStatus(
      c.Put(Rates(IdOf(f.province)), {{"valid_from", "2025-01"}, {"per_member_day", 50000}}), 200));
  const HttpResponse again =
      c.Put(Rates(IdOf(f.province)), {{"valid_from", "2025-01"}, {"per_member_day", 60000}});
  ASSERT_TRUE(HasStatus(again, 200));
  ASSERT_EQ(again.Json()["items"].size(), 1u);
  EXPECT_EQ(again.Json()["items"][0]["per_member_day"], 60000);
  const HttpResponse audit = c.Get("/api/v1/audit?unit=" + Id(IdOf(f.province)));
  ASSERT_TRUE(HasStatus(audit, 200));
  int changes = 0;
  const json entries = audit.Json()["items"];
  ASSERT_FALSE(entries.empty());
  for (const json& e : entries) {
    if (e["entity_type"].get<std::string>() == "allowance_rate") ++changes;
  }
  EXPECT_EQ(changes, 2) << audit.body;
}

TEST(Allowances, EachBadRateIsAClearErrorAndWritesNothing) {
  const HttpClient c = AdminClient();
  const Commune f = MakeCommuneWithTeam(c, "Mức Ba");
  const std::string path = Rates(IdOf(f.province));
  EXPECT_TRUE(
      IsError(c.Put(path, {{"valid_from", "2025-01"}}), 422, "no_amount", "per_team_month"));
  EXPECT_TRUE(IsError(c.Put(path, {{"valid_from", "2025-01"}, {"per_member_day", -1}}), 422,
                      "invalid_amount", "per_member_day"));
  EXPECT_TRUE(IsError(c.Put(path, {{"valid_from", "2025-01"}, {"per_team_month", 100000001}}), 422,
                      "invalid_amount", "per_team_month"));
  EXPECT_TRUE(
      IsError(c.Put(path, {{"valid_from", "2025-01"}, {"per_member_day", 50000}, {"max_days", 32}}),
              422, "invalid_max_days", "max_days"));
  EXPECT_TRUE(IsError(c.Put(path, {{"valid_from", "2025-1"}, {"per_member_day", 50000}}), 422,
                      "invalid_period", "valid_from"));
  EXPECT_TRUE(IsError(c.Put(path, {{"valid_from", "2025-01"}, {"per_member_day", "50.000"}}), 400,
                      "wrong_type", "per_member_day"));
  EXPECT_TRUE(IsError(c.Put(path, {{"per_member_day", 50000}}), 422, "", "valid_from"));
  EXPECT_TRUE(IsError(c.Get(path + "?period=June"), 422, "invalid_period", "period"));
  EXPECT_TRUE(
      IsError(c.Put(Rates(99999999), {{"valid_from", "2025-01"}, {"per_member_day", 1}}), 404));
  EXPECT_TRUE(c.Get(path).Json()["items"].empty());
}

TEST(Allowances, TheSheetPaysEachMembersActivityDaysUpToTheCapAndEachTeamItsMonth) {
  const HttpClient c = AdminClient();
  const Commune f = MakeCommuneWithTeam(c, "Chi Một");
  ASSERT_TRUE(HasStatus(c.Put(Rates(IdOf(f.province)), {{"valid_from", "2025-01"},
                                                        {"per_team_month", 1000000},
                                                        {"per_member_day", 50000},
                                                        {"max_days", 1}}),
                        200));
  // The leader works on the 1st (twice) and today; the member does nothing this month.
  const std::string first = ThisMonth() + "-01";
  LogDays(c, f, f.leader, {first, first, Today()});
  const std::int64_t days = Today() == first ? 1 : 2;

  const HttpResponse r = c.Get(Sheet(IdOf(f.commune), "period=" + ThisMonth()));
  ASSERT_TRUE(HasStatus(r, 200));
  const json sheet = r.Json();
  EXPECT_EQ(sheet["unit_id"], IdOf(f.commune));
  EXPECT_EQ(sheet["name"], "Xã Chi Một");
  EXPECT_EQ(sheet["period"], ThisMonth());
  EXPECT_EQ(sheet["rate"]["source_unit_id"], IdOf(f.province));
  ASSERT_EQ(sheet["teams"].size(), 1u);
  EXPECT_EQ(sheet["teams"][0]["team_id"], IdOf(f.team));
  EXPECT_EQ(sheet["teams"][0]["members"], 2);
  EXPECT_EQ(sheet["teams"][0]["amount"], 1000000);
  ASSERT_EQ(sheet["members"].size(), 2u);
  // Vietnamese order: Âu before Trần.
  EXPECT_EQ(sheet["members"][0]["person_id"], f.member);
  const json& leader = LineOf(sheet, f.leader);
  EXPECT_EQ(leader["full_name"], "Trần Văn Trưởng");
  EXPECT_EQ(leader["role"], "leader");
  EXPECT_EQ(leader["team_name"], f.team["name"]);
  EXPECT_EQ(leader["activity_days"], days);
  EXPECT_EQ(leader["paid_days"], 1);
  EXPECT_EQ(leader["amount"], 50000);
  EXPECT_EQ(LineOf(sheet, f.member)["activity_days"], 0);
  EXPECT_EQ(LineOf(sheet, f.member)["amount"], 0);
  EXPECT_EQ(sheet["total_teams"], 1000000);
  EXPECT_EQ(sheet["total_members"], 50000);
  EXPECT_EQ(sheet["total"], 1050000);
}

TEST(Allowances, WithoutARateTheSheetShowsTheDaysAndPaysNothing) {
  const HttpClient c = AdminClient();
  const Commune f = MakeCommuneWithTeam(c, "Chi Hai");
  LogDays(c, f, f.member, {Today()});
  const HttpResponse r = c.Get(Sheet(IdOf(f.commune), "period=" + ThisMonth() + "&format=json"));
  ASSERT_TRUE(HasStatus(r, 200));
  const json sheet = r.Json();
  EXPECT_TRUE(sheet["rate"].is_null());
  EXPECT_EQ(LineOf(sheet, f.member)["activity_days"], 1);
  EXPECT_EQ(LineOf(sheet, f.member)["amount"], 0);
  EXPECT_EQ(sheet["teams"][0]["amount"], 0);
  EXPECT_EQ(sheet["total"], 0);
}

TEST(Allowances, TheSheetDownloadsAsAWorkbookAndAsCsvAndReadingItIsNotAudited) {
  const HttpClient c = AdminClient();
  const Commune f = MakeCommuneWithTeam(c, "Chi Ba");
  ASSERT_TRUE(HasStatus(
      c.Put(Rates(IdOf(f.province)), {{"valid_from", "2025-01"}, {"per_member_day", 40000}}), 200));
  LogDays(c, f, f.leader, {Today()});
  const HttpResponse xlsx = c.Get(Sheet(IdOf(f.commune), "period=" + ThisMonth() + "&format=xlsx"));
  ASSERT_TRUE(HasStatus(xlsx, 200));
  EXPECT_EQ(xlsx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(xlsx.body.starts_with("PK"));
  EXPECT_NE(xlsx.Header("content-disposition").find("BangChiCheDo-Xa-Chi-Ba-" + ThisMonth()),
            std::string::npos);
  EXPECT_EQ(xlsx.Header("cache-control"), "no-store");

  const HttpResponse csv = c.Get(Sheet(IdOf(f.commune), "period=" + ThisMonth() + "&format=csv"));
  ASSERT_TRUE(HasStatus(csv, 200));
  EXPECT_NE(csv.Header("content-type").find("text/csv"), std::string::npos);
  ASSERT_TRUE(csv.body.starts_with("\xEF\xBB\xBF"));
  EXPECT_NE(csv.body.find("STT,Họ và tên,Tổ,Chức vụ,Số ngày hoạt động,Số ngày được chi,"
                          "Mức chi (đồng/ngày),Thành tiền (đồng),Ký nhận\r\n"),
            std::string::npos);
  EXPECT_NE(csv.body.find("Trần Văn Trưởng"), std::string::npos);
  EXPECT_NE(csv.body.find(",Tổ trưởng,1,1,40000,40000,"), std::string::npos);
  EXPECT_NE(csv.body.find("Tổng cộng,,,,,,40000,"), std::string::npos);

  // Only the rate's change is in the commune's subtree audit: reading the sheet writes nothing.
  const HttpResponse audit = c.Get("/api/v1/audit?unit=" + Id(IdOf(f.commune)));
  ASSERT_TRUE(HasStatus(audit, 200));
  const json entries = audit.Json()["items"];
  ASSERT_FALSE(entries.empty());
  for (const json& e : entries) {
    EXPECT_NE(e["action"], "export") << e.dump();
    EXPECT_NE(e["action"], "read") << e.dump();
  }
}

TEST(Allowances, TheSheetIsRefusedOutsideACommuneAMonthBegunOrTheCommunesManagers) {
  const HttpClient c = AdminClient();
  const Commune f = MakeCommuneWithTeam(c, "Chi Bốn");
  EXPECT_TRUE(
      IsError(c.Get(Sheet(IdOf(f.village), "period=" + ThisMonth())), 422, "not_a_commune"));
  EXPECT_TRUE(
      IsError(c.Get(Sheet(IdOf(f.province), "period=" + ThisMonth())), 422, "not_a_commune"));
  EXPECT_TRUE(IsError(c.Get(Sheet(IdOf(f.commune), "period=" + NextMonth())), 422, "future_period",
                      "period"));
  EXPECT_TRUE(
      IsError(c.Get(Sheet(IdOf(f.commune), "period=2025-13")), 422, "invalid_period", "period"));
  EXPECT_TRUE(IsError(c.Get(Sheet(IdOf(f.commune), "format=json")), 400, "bad_query", "period"));
  EXPECT_TRUE(IsError(c.Get(Sheet(IdOf(f.commune), "period=2025-01&format=pdf")), 422,
                      "invalid_format", "format"));
  EXPECT_TRUE(IsError(c.Get(Sheet(99999999, "period=2025-01")), 404));
  // A partner who reads the commune does not read its pay; a team leader neither.
  const HttpClient viewer = SignedInAs(c, "viewer", "unit_id", IdOf(f.commune));
  EXPECT_TRUE(IsError(viewer.Get(Sheet(IdOf(f.commune), "period=2025-01")), 403, "forbidden"));
  EXPECT_TRUE(HasStatus(viewer.Get(Rates(IdOf(f.commune))), 200));
  EXPECT_TRUE(IsError(
      viewer.Put(Rates(IdOf(f.commune)), {{"valid_from", "2025-01"}, {"per_member_day", 1}}), 403,
      "forbidden"));
  const HttpClient leader = SignedInAs(c, "team_leader", "team_id", IdOf(f.team));
  EXPECT_TRUE(IsError(leader.Get(Sheet(IdOf(f.commune), "period=2025-01")), 403, "forbidden"));
  // A commune officer prepares it.
  const HttpClient officer = SignedInAs(c, "commune_officer", "unit_id", IdOf(f.commune));
  EXPECT_TRUE(HasStatus(officer.Get(Sheet(IdOf(f.commune), "period=2025-01")), 200));
}

}  // namespace
}  // namespace cnscd_test
