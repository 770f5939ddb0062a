// Issue 5 item 4, DOMAIN.md §6, docs/reporting.md: the monthly reporting cycle. A team's report
// is prefilled from its records, sent, returned with a reason, sent again and approved by the
// commune; due dates follow the province's policy; completeness and timeliness of the reports
// below a unit; the consolidated report as XLSX and PDF.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <string>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_uuid.hpp"

namespace cnscd_test {
namespace {

// Vietnam's date today (UTC+7), as the server counts it.
std::string Today() {
  const auto now = std::chrono::system_clock::now() + std::chrono::hours(7);
  const std::chrono::year_month_day d{std::chrono::floor<std::chrono::days>(now)};
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf.data();
}
std::string ThisMonth() { return Today().substr(0, 7); }
// A past month, well before today: every report of it is due already.
constexpr const char* kPastMonth = "2025-03";

// A province in the two-level shape → commune → three villages, a team on each with a leader.
struct Place {
  json province, commune;
  std::vector<json> villages, teams;
  std::vector<std::int64_t> leaders;  // person ids
};

Place MakePlace(const HttpClient& c, const std::string& label, int teams = 1) {
  Place p;
  p.province = MakeProvince(c, "Tỉnh " + label + " " + UniqueSuffix());
  p.commune = MakeCommune(c, "Xã " + label, IdOf(p.province));
  for (int i = 1; i <= teams; ++i) {
    p.villages.push_back(MakeVillage(c, "Thôn " + std::to_string(i), IdOf(p.commune)));
    p.teams.push_back(MakeTeam(c, IdOf(p.villages.back()), "village"));
    p.leaders.push_back(AddMember(c, IdOf(p.teams.back()), "Trưởng Thôn " + std::to_string(i),
                                  "leader")["person"]["id"]
                            .get<std::int64_t>());
  }
  return p;
}

// Support records of team `t` today, for `phones` (one citizen each) with `service`.
void Helped(const HttpClient& c, const Place& p, std::size_t t, const std::string& service,
            const std::vector<std::string>& phones, const std::string& date = Today()) {
  json records = json::array();
  for (const std::string& phone : phones) {
    records.push_back({{"id", NewUuid()},
                       {"team_id", IdOf(p.teams[t])},
                       {"member_id", p.leaders[t]},
                       {"village_id", IdOf(p.villages[t])},
                       {"service", service},
                       {"date", date},
                       {"citizen", {{"phone", phone}}}});
  }
  const HttpResponse r = c.Post("/api/v1/support-records", {{"records", records}});
  ASSERT_TRUE(HasStatus(r, 200));
  const json results = r.Json()["results"];
  for (const json& res : results) ASSERT_EQ(res["status"], "created") << res.dump();
}

std::string R(std::int64_t id) { return "/api/v1/reports/" + Id(id); }
std::string U(const json& unit) { return "/api/v1/units/" + Id(IdOf(unit)); }

json TeamReport(const json& team, const std::string& period) {
  return {{"kind", "team_monthly"}, {"team_id", IdOf(team)}, {"period", period}};
}

json Created(const HttpClient& c, const json& body) {
  const HttpResponse r = c.Post("/api/v1/reports", body);
  EXPECT_TRUE(HasStatus(r, 201)) << body.dump();
  return r.Json();
}

HttpResponse Patch(const HttpClient& c, const std::string& path, const json& body) {
  return c.Send(HttpRequest{.method = "PATCH", .path = path, .body = body.dump()});
}

TEST(Reports, ATeamLeaderWritesTheMonthsReportPrefilledFromTheRecords) {
  const HttpClient admin = AdminClient();
  const Place p = MakePlace(admin, "Báo Cáo");
  Helped(admin, p, 0, "vneid", {"0912000001", "0912000002", "0912000003"});
  Helped(admin, p, 0, "vneid", {"0912000001"});  // the same citizen again: one more visit only
  Helped(admin, p, 0, "payment_account", {"0912000004"});
  const HttpClient leader = SignedInAs(admin, "team_leader", "team_id", IdOf(p.teams[0]));

  const json report = Created(leader, TeamReport(p.teams[0], ThisMonth()));
  EXPECT_EQ(report["status"], "draft");
  EXPECT_EQ(report["kind"], "team_monthly");
  EXPECT_EQ(report["unit_id"], IdOf(p.villages[0]));
  EXPECT_EQ(report["team_id"], IdOf(p.teams[0]));
  EXPECT_EQ(report["due_date"].get<std::string>().substr(0, 7), ThisMonth());
  EXPECT_EQ(report["timeliness"], "pending");
  const json& f = report["figures"];
  EXPECT_EQ(f["support"]["records"], 5);
  EXPECT_EQ(f["support"]["citizens"], 4);
  EXPECT_EQ(f["support"]["by_service"][0]["service"], "vneid");
  EXPECT_EQ(f["support"]["by_service"][0]["records"], 4);
  EXPECT_EQ(f["support"]["by_service"][0]["citizens"], 3);
  EXPECT_EQ(f["teams"], 1);
  EXPECT_EQ(f["members"], 1);
  EXPECT_TRUE(f.contains("trainings"));
  EXPECT_TRUE(f.contains("propaganda"));

  const HttpResponse edited = Patch(leader, R(IdOf(report)),
                                    {{"results", "  Hỗ trợ  3 người dân\n\n\n cài VNeID.  "},
                                     {"difficulties", "Nhiều hộ chưa có điện thoại thông minh."},
                                     {"proposals", "Đề nghị hỗ trợ máy tính bảng."}});
  ASSERT_TRUE(HasStatus(edited, 200));
  EXPECT_EQ(edited.Json()["results"], "Hỗ trợ 3 người dân\n\ncài VNeID.");

  const HttpResponse sent = leader.Post(R(IdOf(report)) + "/submit", json::object());
  ASSERT_TRUE(HasStatus(sent, 200));
  EXPECT_EQ(sent.Json()["status"], "submitted");
  EXPECT_EQ(sent.Json()["timeliness"], "on_time");
  EXPECT_FALSE(sent.Json()["first_submitted_at"].is_null());

  // Submitted figures are frozen: later work does not change them.
  Helped(admin, p, 0, "vneid", {"0912000009"});
  const HttpResponse later = leader.Get(R(IdOf(report)));
  ASSERT_TRUE(HasStatus(later, 200));
  EXPECT_EQ(later.Json()["figures"]["support"]["records"], 5);
  EXPECT_TRUE(IsError(Patch(leader, R(IdOf(report)), {{"results", "x"}}), 409, "report_closed"));
}

TEST(Reports, ACommuneOfficerReturnsATeamReportWithAReasonAndApprovesItResent) {
  const HttpClient admin = AdminClient();
  const Place p = MakePlace(admin, "Trả Lại");
  const HttpClient leader = SignedInAs(admin, "team_leader", "team_id", IdOf(p.teams[0]));
  const HttpClient officer = SignedInAs(admin, "commune_officer", "unit_id", IdOf(p.commune));
  const json report = Created(leader, TeamReport(p.teams[0], ThisMonth()));
  const std::string path = R(IdOf(report));
  // Not yet sent: nothing to decide on.
  EXPECT_TRUE(IsError(officer.Post(path + "/approve", json::object()), 409, "bad_transition"));
  ASSERT_TRUE(HasStatus(leader.Post(path + "/submit", json::object()), 200));
  const std::string first = leader.Get(path).Json()["first_submitted_at"];

  // The leader cannot decide on his own report.
  EXPECT_TRUE(IsError(leader.Post(path + "/approve", json::object()), 403, "forbidden"));
  EXPECT_TRUE(
      IsError(officer.Post(path + "/return", json::object()), 422, "reason_required", "reason"));
  EXPECT_TRUE(IsError(officer.Post(path + "/return", {{"reason", std::string(1001, 'x')}}), 422,
                      "too_long", "reason"));
  EXPECT_EQ(leader.Get(path).Json()["status"], "submitted") << "a refusal writes nothing";
  const HttpResponse returned =
      officer.Post(path + "/return", {{"reason", "Thiếu số liệu tập huấn."}});
  ASSERT_TRUE(HasStatus(returned, 200));
  EXPECT_EQ(returned.Json()["status"], "returned");
  EXPECT_EQ(returned.Json()["return_reason"], "Thiếu số liệu tập huấn.");

  ASSERT_TRUE(HasStatus(Patch(leader, path, {{"results", "Đã bổ sung."}}), 200));
  const HttpResponse again = leader.Post(path + "/submit", json::object());
  ASSERT_TRUE(HasStatus(again, 200));
  EXPECT_EQ(again.Json()["status"], "submitted");
  EXPECT_EQ(again.Json()["first_submitted_at"], first) << "timeliness keeps the first sending";

  const HttpResponse approved = officer.Post(path + "/approve", json::object());
  ASSERT_TRUE(HasStatus(approved, 200));
  EXPECT_EQ(approved.Json()["status"], "approved");
  EXPECT_FALSE(approved.Json()["decided_at"].is_null());
  const HttpResponse twice = officer.Post(path + "/approve", json::object());
  ASSERT_TRUE(IsError(twice, 409, "bad_transition"));
  EXPECT_NE(twice.Json()["error"]["message_en"].get<std::string>().find("approved"),
            std::string::npos);

  // Every move is in the audit trail of the report.
  const HttpResponse audit = admin.Get("/api/v1/audit?unit=" + Id(IdOf(p.commune)));
  ASSERT_TRUE(HasStatus(audit, 200));
  int moves = 0;
  const json entries = audit.Json()["items"];
  for (const json& e : entries) {
    if (e.value("entity_type", "") == "report") ++moves;
  }
  EXPECT_GE(moves, 6) << audit.Describe();  // create, submit, return, update, submit, approve
}

TEST(Reports, ARefusedReportWritesNothingAndSaysWhy) {
  const HttpClient admin = AdminClient();
  const Place p = MakePlace(admin, "Sai");
  const json report = Created(admin, TeamReport(p.teams[0], kPastMonth));
  const HttpResponse again = admin.Post("/api/v1/reports", TeamReport(p.teams[0], kPastMonth));
  ASSERT_TRUE(IsError(again, 409, "report_exists"));
  EXPECT_NE(again.Json()["error"]["message_en"].get<std::string>().find(Id(IdOf(report))),
            std::string::npos);
  EXPECT_TRUE(IsError(admin.Post("/api/v1/reports", TeamReport(p.teams[0], "2025-13")), 422,
                      "bad_period", "period"));
  EXPECT_TRUE(IsError(admin.Post("/api/v1/reports", TeamReport(p.teams[0], "2100-01")), 422,
                      "future_period", "period"));
  EXPECT_TRUE(IsError(
      admin.Post("/api/v1/reports",
                 {{"kind", "weekly"}, {"team_id", IdOf(p.teams[0])}, {"period", kPastMonth}}),
      422, "unknown_report_kind", "kind"));
  EXPECT_TRUE(
      IsError(admin.Post("/api/v1/reports", {{"kind", "team_monthly"}, {"period", kPastMonth}}),
              422, "required", "team_id"));
  EXPECT_TRUE(IsError(admin.Post("/api/v1/reports", {{"kind", "commune_monthly"},
                                                     {"unit_id", IdOf(p.villages[0])},
                                                     {"period", kPastMonth}}),
                      422, "wrong_unit_kind", "unit_id"));
  EXPECT_TRUE(IsError(admin.Post("/api/v1/reports", {{"kind", "commune_annual"},
                                                     {"unit_id", IdOf(p.commune)},
                                                     {"period", kPastMonth}}),
                      422, "bad_period", "period"));
  EXPECT_TRUE(IsError(admin.Post("/api/v1/reports", TeamReport(json{{"id", 999999}}, kPastMonth)),
                      404, "not_found"));
  EXPECT_TRUE(IsError(admin.Post("/api/v1/reports", {{"kind", "team_monthly"}, {"period", 5}}), 400,
                      "wrong_type", "period"));
  EXPECT_TRUE(IsError(Patch(admin, R(IdOf(report)), {{"difficulties", std::string(5001, 'a')}}),
                      422, "too_long", "difficulties"));
  EXPECT_TRUE(IsError(admin.Get(R(999999)), 404, "not_found"));
  // A member of the team reads it but may not write it; another team's leader may not read it.
  const HttpClient member = SignedInAs(admin, "member", "team_id", IdOf(p.teams[0]));
  EXPECT_TRUE(HasStatus(member.Get(R(IdOf(report))), 200));
  EXPECT_TRUE(IsError(Patch(member, R(IdOf(report)), {{"results", "x"}}), 403, "forbidden"));
  const Place other = MakePlace(admin, "Khác");
  const HttpClient stranger = SignedInAs(admin, "team_leader", "team_id", IdOf(other.teams[0]));
  EXPECT_TRUE(IsError(stranger.Get(R(IdOf(report))), 403, "forbidden"));
  EXPECT_TRUE(IsError(stranger.Post("/api/v1/reports", TeamReport(p.teams[0], ThisMonth())), 403,
                      "forbidden"));
}

TEST(ReportingPolicy, AProvinceSetsItsDueDatesAndNewReportsFollowThem) {
  const HttpClient admin = AdminClient();
  const Place p = MakePlace(admin, "Hạn Nộp");
  const HttpResponse defaults = admin.Get(U(p.commune) + "/reporting-policy");
  ASSERT_TRUE(HasStatus(defaults, 200));
  ASSERT_EQ(defaults.Json()["items"].size(), 4U);
  const json default_items = defaults.Json()["items"];
  for (const json& i : default_items) {
    EXPECT_EQ(i["default"], true);
    if (i["kind"] == "district_monthly") {
      EXPECT_EQ(i["due_day"], 29);
    }
    if (i["kind"] == "commune_annual") {
      EXPECT_EQ(i["due_month"], 11);
      EXPECT_EQ(i["due_day"], 25);
    }
  }
  const HttpResponse put =
      admin.Put(U(p.province) + "/reporting-policy",
                {{"kind", "team_monthly"}, {"due_day", 5}, {"month_offset", 1}});
  ASSERT_TRUE(HasStatus(put, 200));
  const json put_items = put.Json()["items"];
  for (const json& i : put_items) {
    EXPECT_EQ(i["default"], i["kind"] != "team_monthly") << i.dump();
  }
  const json report = Created(admin, TeamReport(p.teams[0], "2025-12"));
  EXPECT_EQ(report["due_date"], "2026-01-05");
  const json annual = Created(
      admin, {{"kind", "commune_annual"}, {"unit_id", IdOf(p.commune)}, {"period", "2025"}});
  EXPECT_EQ(annual["due_date"], "2025-11-25");

  EXPECT_TRUE(IsError(admin.Put(U(p.commune) + "/reporting-policy", {{"kind", "team_monthly"}}),
                      422, "not_a_province"));
  EXPECT_TRUE(IsError(
      admin.Put(U(p.province) + "/reporting-policy", {{"kind", "team_monthly"}, {"due_day", 32}}),
      422, "bad_due_day", "due_day"));
  EXPECT_TRUE(IsError(
      admin.Put(U(p.province) + "/reporting-policy", {{"kind", "team_monthly"}, {"due_month", 3}}),
      422, "due_month_not_monthly", "due_month"));
}

TEST(ReportingStatus, ACommuneSeesItsTeamsOnTimeLateAndMissing) {
  const HttpClient admin = AdminClient();
  const Place p = MakePlace(admin, "Tình Hình", 3);
  // This month: one team has sent, one has a draft, one nothing: none is due yet.
  const json sent = Created(admin, TeamReport(p.teams[0], ThisMonth()));
  ASSERT_TRUE(HasStatus(admin.Post(R(IdOf(sent)) + "/submit", json::object()), 200));
  Created(admin, TeamReport(p.teams[1], ThisMonth()));
  const HttpResponse now = admin.Get(U(p.commune) + "/reporting-status?period=" + ThisMonth());
  ASSERT_TRUE(HasStatus(now, 200));
  const json n = now.Json();
  EXPECT_EQ(n["kind"], "team_monthly");
  EXPECT_EQ(n["expected"], 3);
  EXPECT_EQ(n["submitted"], 1);
  EXPECT_EQ(n["on_time"], 1);
  EXPECT_EQ(n["pending"], 2);
  EXPECT_EQ(n["missing"], 0);
  EXPECT_DOUBLE_EQ(n["completeness"].get<double>(), 33.3);
  ASSERT_EQ(n["items"].size(), 3U);

  // A past month, before the teams were made (today): a team is expected only from the month it
  // existed (src/app/reporting_status_test.cpp moves the clock to show the missing ones), or when
  // it reported for the month all the same, as the third does, late.
  const json late = Created(admin, TeamReport(p.teams[2], kPastMonth));
  ASSERT_TRUE(HasStatus(admin.Post(R(IdOf(late)) + "/submit", json::object()), 200));
  const HttpResponse past = admin.Get(U(p.commune) + "/reporting-status?period=" + kPastMonth);
  ASSERT_TRUE(HasStatus(past, 200));
  const json s = past.Json();
  EXPECT_EQ(s["expected"], 1);
  EXPECT_EQ(s["submitted"], 1);
  EXPECT_EQ(s["late"], 1);
  EXPECT_EQ(s["missing"], 0);
  EXPECT_DOUBLE_EQ(s["completeness"].get<double>(), 100.0);
  EXPECT_DOUBLE_EQ(s["timeliness"].get<double>(), 0.0);
  ASSERT_EQ(s["items"].size(), 1U);
  EXPECT_EQ(s["items"][0]["due_date"], "2025-03-31");
  EXPECT_EQ(s["items"][0]["team_id"], IdOf(p.teams[2]));
  EXPECT_EQ(s["items"][0]["timeliness"], "late");
  EXPECT_EQ(s["items"][0]["report_id"], IdOf(late));
  EXPECT_EQ(s["items"][0]["status"], "submitted");

  // The province (no districts) watches its communes, or every team with of=teams.
  const HttpResponse province = admin.Get(U(p.province) + "/reporting-status?period=" + kPastMonth);
  ASSERT_TRUE(HasStatus(province, 200));
  EXPECT_EQ(province.Json()["kind"], "commune_monthly");
  EXPECT_EQ(province.Json()["expected"], 1);
  EXPECT_EQ(province.Json()["missing"], 1);
  const HttpResponse teams = admin.Get(
      U(p.province) + "/reporting-status?period=" + std::string(kPastMonth) + "&of=teams");
  ASSERT_TRUE(HasStatus(teams, 200));
  EXPECT_EQ(teams.Json()["expected"], 1);
  EXPECT_EQ(teams.Json()["late"], 1);

  EXPECT_TRUE(IsError(admin.Get(U(p.commune) + "/reporting-status?period=2025-3"), 422,
                      "bad_period", "period"));
  EXPECT_TRUE(IsError(admin.Get(U(p.commune) + "/reporting-status?period=2025-03&of=districts"),
                      422, "bad_of", "of"));
  EXPECT_TRUE(IsError(admin.Get(U(p.commune) + "/reporting-status"), 400, "bad_query", "period"));
}

TEST(ReportingStatus, AProvinceWithDistrictsWatchesTheDistrictsAndACommuneReportsUp) {
  const HttpClient admin = AdminClient();
  const json province = MakeProvince(admin, "Tỉnh Ba Cấp " + UniqueSuffix());
  const json district = MakeDistrict(admin, "Huyện Kế Sách", IdOf(province));
  const json commune = MakeCommune(admin, "Xã Nhơn Mỹ", IdOf(district));
  const HttpResponse s = admin.Get(U(province) + "/reporting-status?period=2022-05");
  ASSERT_TRUE(HasStatus(s, 200));
  EXPECT_EQ(s.Json()["kind"], "district_monthly");
  EXPECT_EQ(s.Json()["items"][0]["due_date"], "2022-05-29");
  // The commune's report is decided by its district's officers, not by the commune's own.
  const json report = Created(
      admin, {{"kind", "commune_monthly"}, {"unit_id", IdOf(commune)}, {"period", "2022-05"}});
  EXPECT_EQ(report["figures"]["reports_below"]["kind"], "team_monthly");
  const HttpClient chair = SignedInAs(admin, "commune_chair", "unit_id", IdOf(commune));
  const HttpClient district_officer =
      SignedInAs(admin, "district_officer", "unit_id", IdOf(district));
  ASSERT_TRUE(HasStatus(chair.Post(R(IdOf(report)) + "/submit", json::object()), 200));
  EXPECT_TRUE(IsError(chair.Post(R(IdOf(report)) + "/approve", json::object()), 403));
  EXPECT_TRUE(HasStatus(district_officer.Post(R(IdOf(report)) + "/approve", json::object()), 200));
  const HttpResponse d = admin.Get(U(district) + "/reporting-status?period=2022-05");
  ASSERT_TRUE(HasStatus(d, 200));
  EXPECT_EQ(d.Json()["kind"], "commune_monthly");
  EXPECT_EQ(d.Json()["items"][0]["status"], "approved");
  EXPECT_EQ(d.Json()["late"], 1);
  // Annual results: period YYYY lists the communes' annual reports.
  const HttpResponse annual = admin.Get(U(province) + "/reporting-status?period=2022");
  ASSERT_TRUE(HasStatus(annual, 200));
  EXPECT_EQ(annual.Json()["kind"], "commune_annual");
  EXPECT_EQ(annual.Json()["items"][0]["due_date"], "2022-11-25");
}

TEST(Reports, ListsReportsInScopeByUnitPeriodAndStatus) {
  const HttpClient admin = AdminClient();
  const Place p = MakePlace(admin, "Danh Sách", 2);
  const json a = Created(admin, TeamReport(p.teams[0], kPastMonth));
  Created(admin, TeamReport(p.teams[1], kPastMonth));
  ASSERT_TRUE(HasStatus(admin.Post(R(IdOf(a)) + "/submit", json::object()), 200));
  const std::string base =
      "/api/v1/reports?unit_id=" + Id(IdOf(p.commune)) + "&period=" + kPastMonth;
  const HttpResponse all = admin.Get(base);
  ASSERT_TRUE(HasStatus(all, 200));
  EXPECT_EQ(all.Json()["total"], 2);
  const HttpResponse submitted = admin.Get(base + "&status=submitted");
  ASSERT_TRUE(HasStatus(submitted, 200));
  EXPECT_EQ(submitted.Json()["total"], 1);
  EXPECT_EQ(submitted.Json()["items"][0]["id"], IdOf(a));
  const HttpClient leader = SignedInAs(admin, "team_leader", "team_id", IdOf(p.teams[1]));
  const HttpResponse own = leader.Get("/api/v1/reports?period=" + std::string(kPastMonth));
  ASSERT_TRUE(HasStatus(own, 200));
  EXPECT_EQ(own.Json()["total"], 1) << "a team's leader lists his team's reports only";
  EXPECT_TRUE(IsError(admin.Get(base + "&status=lost"), 422, "unknown_status", "status"));
}

TEST(ConsolidatedReport, ACommuneDownloadsItsMonthAsXlsxAndPdf) {
  const HttpClient admin = AdminClient();
  const Place p = MakePlace(admin, "Tổng Hợp", 2);
  Helped(admin, p, 0, "vneid", {"0913000001", "0913000002"});
  const json r = Created(admin, TeamReport(p.teams[0], ThisMonth()));
  ASSERT_TRUE(HasStatus(Patch(admin, R(IdOf(r)), {{"difficulties", "Sóng điện thoại yếu."}}), 200));
  ASSERT_TRUE(HasStatus(admin.Post(R(IdOf(r)) + "/submit", json::object()), 200));
  const std::string path = U(p.commune) + "/consolidated-report?period=" + ThisMonth();
  const HttpResponse xlsx = admin.Get(path + "&format=xlsx");
  ASSERT_TRUE(HasStatus(xlsx, 200));
  EXPECT_EQ(xlsx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(xlsx.body.starts_with("PK"));
  EXPECT_NE(xlsx.Header("content-disposition").find("BaoCao-TongHop-Xa-Tong-Hop-"),
            std::string::npos)
      << xlsx.Header("content-disposition");
  const HttpResponse pdf = admin.Get(path + "&format=pdf");
  ASSERT_TRUE(HasStatus(pdf, 200));
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  EXPECT_TRUE(IsError(admin.Get(path + "&format=doc"), 422, "invalid_format"));
  EXPECT_TRUE(IsError(admin.Get(U(p.villages[0]) + "/consolidated-report?period=" + ThisMonth()),
                      422, "not_a_commune_or_above"));
  const HttpResponse province =
      admin.Get(U(p.province) + "/consolidated-report?period=" + ThisMonth() + "&format=pdf");
  EXPECT_TRUE(HasStatus(province, 200));
}

}  // namespace
}  // namespace cnscd_test
