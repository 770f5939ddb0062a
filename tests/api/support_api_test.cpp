// Issue 5 item 2: the service catalogue and batches of support records (field work).
#include <gtest/gtest.h>

#include <string>

#include "http_client.hpp"
#include "places.hpp"
#include "server_process.hpp"
#include "test_uuid.hpp"

namespace cnscd_test {
namespace {

// A commune with two villages, a village team on the first and its leader; another commune's
// village outside the team.
struct Field : FieldPlaces {
  std::int64_t member = 0;
};

Field MakeField(const HttpClient& c, const std::string& label) {
  Field f{MakeFieldPlaces(c, label, "Thôn")};
  f.member =
      AddMember(c, IdOf(f.team), "Trần Thị Bình", "leader")["person"]["id"].get<std::int64_t>();
  return f;
}

json Record(const Field& f, const std::string& service = "vneid",
            const std::string& date = "2025-03-10") {
  return {{"id", NewUuid()},
          {"team_id", IdOf(f.team)},
          {"member_id", f.member},
          {"village_id", IdOf(f.village)},
          {"service", service},
          {"date", date},
          {"citizen", {{"phone", "0912 345 678"}}},
          {"age", 30},
          {"sex", "female"}};
}

json Submit(const HttpClient& c, const json& records) {
  const HttpResponse r = c.Post("/api/v1/support-records", {{"records", records}});
  EXPECT_TRUE(HasStatus(r, 200));
  return r.Json()["results"];
}

TEST(SupportRecords, TheServiceCatalogueListsTheElevenBuiltInCodes) {
  const HttpResponse r = AdminClient().Get("/api/v1/services");
  ASSERT_TRUE(HasStatus(r, 200));
  const json body = r.Json();
  EXPECT_EQ(body["total"], 11);
  std::vector<std::string> codes;
  for (const json& s : body["items"]) codes.push_back(s["code"].get<std::string>());
  EXPECT_EQ(codes, (std::vector<std::string>{"vneid", "health_record", "digital_signature",
                                             "public_service", "payment_account", "ecommerce",
                                             "social_network", "citizen_app", "qr_payment",
                                             "ecommerce_shop", "ocop_online"}));
  EXPECT_EQ(body["items"][0]["min_age"], 14);
  EXPECT_EQ(body["items"][0]["cohort"], "age14plus");
}

TEST(SupportRecords, OneBadRecordIsReportedAndTheGoodOnesCommit) {
  const HttpClient c = AdminClient();
  const Field f = MakeField(c, "Lô Một");
  json bad = Record(f);
  bad["id"] = "not-a-uuid";
  const json sent = json::array({Record(f), bad, Record(f, "health_record")});
  const json results = Submit(c, sent);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["status"], "created");
  EXPECT_EQ(results[1]["status"], "error");
  EXPECT_EQ(results[1]["error"]["field"], "records[1].id");
  EXPECT_FALSE(results[1]["error"]["message"].get<std::string>().empty());
  EXPECT_FALSE(results[1]["error"]["message_en"].get<std::string>().empty());
  EXPECT_EQ(results[2]["status"], "created");
  EXPECT_EQ(results[2]["id"], sent[2]["id"]);

  // A phone resending the batch creates nothing new.
  const json again = Submit(c, json::array({sent[0], sent[2]}));
  EXPECT_EQ(again[0]["status"], "duplicate");
  EXPECT_EQ(again[1]["status"], "duplicate");

  const HttpResponse list = c.Get("/api/v1/support-records?team=" + Id(IdOf(f.team)));
  ASSERT_TRUE(HasStatus(list, 200));
  EXPECT_EQ(list.Json()["total"], 2);
  const json listed = list.Json();
  for (const json& r : listed["items"]) {
    EXPECT_FALSE(r.contains("citizen_key"));
    EXPECT_FALSE(r.contains("citizen"));
  }
  EXPECT_EQ(list.body.find("0912"), std::string::npos);
}

TEST(SupportRecords, EachBrokenRuleIsAClearErrorOfItsRecord) {
  const HttpClient c = AdminClient();
  const Field f = MakeField(c, "Lô Hai");
  json future = Record(f, "vneid", "2999-01-01");
  json young = Record(f, "digital_signature");
  young["age"] = 16;
  json outside = Record(f);
  outside["village_id"] = IdOf(f.outside_village);
  json neighbour = Record(f);  // a village team works only in its own village
  neighbour["village_id"] = IdOf(f.other_village);
  const json unknown = Record(f, "teleport");
  const json results = Submit(c, json::array({future, young, outside, neighbour, unknown}));
  ASSERT_EQ(results.size(), 5u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"future_date", "records[0].date"},
      {"below_cohort", "records[1].age"},
      {"village_outside_team", "records[2].village_id"},
      {"village_outside_team", "records[3].village_id"},
      {"unknown_service", "records[4].service"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(results[i]["status"], "error") << i;
    EXPECT_EQ(results[i]["error"]["code"], expected[i].first) << i;
    EXPECT_EQ(results[i]["error"]["field"], expected[i].second) << i;
    EXPECT_NE(results[i]["error"]["message"], results[i]["error"]["message_en"]) << i;
  }
  EXPECT_EQ(c.Get("/api/v1/support-records?team=" + Id(IdOf(f.team))).Json()["total"], 0);
}

TEST(SupportRecords, AViewerCannotSubmitAndGetsAForbiddenEntryPerRecord) {
  const HttpClient c = AdminClient();
  const Field f = MakeField(c, "Lô Ba");
  const HttpClient viewer = SignedInAs(c, "viewer", "unit_id", IdOf(f.commune));
  const json results = Submit(viewer, json::array({Record(f)}));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0]["status"], "error");
  EXPECT_EQ(results[0]["error"]["code"], "forbidden");
  EXPECT_EQ(c.Get("/api/v1/support-records?team=" + Id(IdOf(f.team))).Json()["total"], 0);
}

TEST(SupportRecords, ARecordIsVoidedOnceAndStaysListed) {
  const HttpClient c = AdminClient();
  const Field f = MakeField(c, "Lô Bốn");
  const json rec = Record(f);
  ASSERT_EQ(Submit(c, json::array({rec}))[0]["status"], "created");
  const HttpResponse v = c.Post("/api/v1/support-records/void", {{"id", rec["id"]}});
  ASSERT_TRUE(HasStatus(v, 200));
  EXPECT_FALSE(v.Json()["voided_at"].is_null());
  EXPECT_TRUE(IsError(c.Post("/api/v1/support-records/void", {{"id", rec["id"]}}), 409));
  EXPECT_TRUE(IsError(c.Post("/api/v1/support-records/void", {{"id", NewUuid()}}), 404));
  EXPECT_EQ(c.Get("/api/v1/support-records?team=" + Id(IdOf(f.team))).Json()["total"], 1);
}

TEST(SupportRecords, ABatchOfMoreThanFiveHundredIsRefused) {
  const HttpClient c = AdminClient();
  json many = json::array();
  for (int i = 0; i < 501; ++i) many.push_back(json::object());
  EXPECT_TRUE(
      IsError(c.Post("/api/v1/support-records", {{"records", many}}), 422, "batch_too_large"));
}

}  // namespace
}  // namespace cnscd_test
