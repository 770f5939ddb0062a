// Issue 5 items 1–3: a province's own services and indicators beside the built-in catalogue,
// businesses known by tax code or name in support records, and seed 003 (Sóc Trăng) defined by the
// province and measured over HTTP (its training indicators are measured in app_test,
// src/app/catalogue_test.cpp).
#include <gtest/gtest.h>

#include <string>

#include "http_client.hpp"
#include "server_process.hpp"
#include "test_uuid.hpp"

namespace cnscd_test {
namespace {

std::string Services(const json& unit) { return "/api/v1/units/" + Id(IdOf(unit)) + "/services"; }
std::string Definitions(const json& unit) {
  return "/api/v1/units/" + Id(IdOf(unit)) + "/indicator-definitions";
}

// The item of `items` whose `key` is `code` (throws when absent).
json ItemOf(const json& items, const std::string& key, const std::string& code) {
  for (const json& i : items) {
    if (i.at(key) == code) return i;
  }
  throw std::runtime_error("no item " + code + " in " + items.dump());
}

std::vector<std::string> Codes(const json& items, const std::string& key = "code") {
  std::vector<std::string> out;
  for (const json& i : items) out.push_back(i.at(key).get<std::string>());
  return out;
}

// A province with a commune, its village and the village's team and leader.
struct Province {
  json province, commune, village, team;
  std::int64_t member = 0;
};

Province MakeSocTrang(const HttpClient& c, const std::string& label) {
  Province p;
  p.province = MakeProvince(c, "Tỉnh Sóc Trăng " + label + " " + UniqueSuffix());
  p.commune = MakeCommune(c, "Xã Nhơn Mỹ", IdOf(p.province));
  p.village = MakeVillage(c, "Ấp Mỹ Phước", IdOf(p.commune));
  p.team = MakeTeam(c, IdOf(p.village), "village");
  p.member =
      AddMember(c, IdOf(p.team), "Lâm Thị Hoa", "leader")["person"]["id"].get<std::int64_t>();
  return p;
}

json Record(const Province& p, const std::string& service, const json& citizen,
            const std::string& date = "2023-06-10") {
  return {{"id", NewUuid()},       {"team_id", IdOf(p.team)},
          {"member_id", p.member}, {"village_id", IdOf(p.village)},
          {"service", service},    {"date", date},
          {"citizen", citizen}};
}

json Submit(const HttpClient& c, const json& records) {
  const HttpResponse r = c.Post("/api/v1/support-records", {{"records", records}});
  EXPECT_TRUE(HasStatus(r, 200));
  return r.Json()["results"];
}

const json kVssid = {{"code", "vssid"},
                     {"name", "Ứng dụng VssID – Bảo hiểm xã hội số"},
                     {"name_en", "VssID social insurance app"},
                     {"subject", "people"},
                     {"cohort", "age15plus"},
                     {"min_age", 15}};

TEST(ProvinceServices, AProvinceAddsItsOwnAndItsUnitsSeeThemAfterTheBuiltIns) {
  const HttpClient c = AdminClient();
  const Province p = MakeSocTrang(c, "Dịch Vụ");
  const HttpResponse r = c.Post(Services(p.province), kVssid);
  ASSERT_TRUE(HasStatus(r, 201));
  json s = r.Json();
  EXPECT_EQ(s["code"], "vssid");
  EXPECT_EQ(s["name"], "Ứng dụng VssID – Bảo hiểm xã hội số");
  EXPECT_EQ(s["subject"], "people");
  EXPECT_EQ(s["cohort"], "age15plus");
  EXPECT_EQ(s["min_age"], 15);
  EXPECT_EQ(s["builtin"], false);
  EXPECT_EQ(s["province_id"], IdOf(p.province));

  // Without a unit: the eleven built-ins, as before.
  json all = c.Get("/api/v1/services").Json();
  EXPECT_EQ(all["total"], 11);
  EXPECT_EQ(all["items"][0]["builtin"], true);
  EXPECT_FALSE(all["items"][0].contains("province_id"));
  // With a unit of the province: the province's own after them.
  for (const json& unit : {p.province, p.commune, p.village}) {
    all = c.Get("/api/v1/services?unit_id=" + Id(IdOf(unit))).Json();
    EXPECT_EQ(all["total"], 12);
    EXPECT_EQ(all["items"].back()["code"], "vssid");
    EXPECT_EQ(all["items"].back()["province_id"], IdOf(p.province));
  }
  const Province other = MakeSocTrang(c, "Khác");
  EXPECT_EQ(c.Get("/api/v1/services?unit_id=" + Id(IdOf(other.village))).Json()["total"], 11);
  EXPECT_TRUE(IsError(c.Get("/api/v1/services?unit_id=99999999"), 404, "not_found", "unit_id"));
  EXPECT_TRUE(IsError(c.Get("/api/v1/services?unit_id=abc"), 400, "bad_query"));

  // The team records the province's service; another province's team may not.
  json young = Record(p, "vssid", {{"phone", "0912 000 111"}});
  young["age"] = 14;
  const json results =
      Submit(c, json::array({Record(p, "vssid", {{"phone", "0912 000 111"}}), young,
                             Record(other, "vssid", {{"phone", "0912 000 111"}})}));
  EXPECT_EQ(results[0]["status"], "created");
  EXPECT_EQ(results[1]["error"]["code"], "below_cohort");
  EXPECT_EQ(results[2]["error"]["code"], "unknown_service");
  EXPECT_EQ(results[2]["error"]["field"], "records[2].service");
}

TEST(ProvinceServices, EachBadDefinitionIsRefusedAndWritesNothing) {
  const HttpClient c = AdminClient();
  const Province p = MakeSocTrang(c, "Sai");
  ASSERT_TRUE(HasStatus(c.Post(Services(p.province), kVssid), 201));
  EXPECT_TRUE(IsError(c.Post(Services(p.province), kVssid), 409, "service_exists", "code"));
  EXPECT_TRUE(IsError(c.Post(Services(p.commune), kVssid), 422, "not_a_province", "unit_id"));
  const std::vector<std::tuple<std::string, json, std::string>> bad = {
      {"code", "vneid", "builtin_service_code"},
      {"code", "Công dân", "invalid_service_code"},
      {"name", "  ", "required"},
      {"subject", "citizens", "bad_subject"},
      {"cohort", "adults", "unknown_cohort"},
      {"min_age", 121, "bad_min_age"},
  };
  for (const auto& [field, value, code] : bad) {
    json body = kVssid;
    body["code"] = "vssid_" + UniqueSuffix();
    body[field] = value;
    EXPECT_TRUE(IsError(c.Post(Services(p.province), body), 422, code, field)) << field;
  }
  json no_cohort = kVssid;
  no_cohort.erase("cohort");
  EXPECT_TRUE(IsError(c.Post(Services(p.province), no_cohort), 422, "required", "cohort"));
  json typed = kVssid;
  typed["min_age"] = "15";
  EXPECT_TRUE(IsError(c.Post(Services(p.province), typed), 400, "wrong_type", "min_age"));
  EXPECT_TRUE(IsError(c.Post("/api/v1/units/99999999/services", kVssid), 404));
  // A commune officer of the province manages no province.
  const HttpClient officer = SignedInAs(c, "commune_officer", "unit_id", IdOf(p.commune));
  json body = kVssid;
  body["code"] = "vssid_officer";
  EXPECT_TRUE(IsError(officer.Post(Services(p.province), body), 403, "forbidden"));
  // Only the first definition is there.
  EXPECT_EQ(c.Get("/api/v1/services?unit_id=" + Id(IdOf(p.province))).Json()["total"], 12);
}

TEST(BusinessKeys, ABusinessIsKnownByItsTaxCodeOrItsNameAndCountsOnce) {
  const HttpClient c = AdminClient();
  const Province p = MakeSocTrang(c, "Doanh Nghiệp");
  const json results =
      Submit(c, json::array({
                    Record(p, "qr_payment", {{"tax_code", "2200123456"}}),
                    Record(p, "qr_payment", {{"tax_code", " 2200 123 456 "}}, "2023-07-01"),
                    Record(p, "qr_payment", {{"tax_code", "2200123456-001"}}),  // a branch
                    Record(p, "qr_payment", {{"business", "Tạp hóa Cô Ba"}}),
                    Record(p, "qr_payment", {{"business", "tap hoa  co ba"}}),
                    Record(p, "qr_payment", {{"phone", "0912 345 600"}}),  // the owner's phone
                    Record(p, "qr_payment", {{"household", "Hộ ông Năm"}}),
                    Record(p, "ecommerce_shop", {{"tax_code", "2200123456"}}),
                }));
  for (const json& r : results) EXPECT_EQ(r["status"], "created") << r.dump();
  ASSERT_TRUE(HasStatus(c.Put("/api/v1/units/" + Id(IdOf(p.village)) + "/population",
                              {{"year", 2023}, {"businesses", 10}}),
                        200));
  const json items =
      c.Get("/api/v1/units/" + Id(IdOf(p.commune)) + "/indicators?year=2023").Json()["items"];
  const json qr = ItemOf(items, "code", "qr_payment");
  EXPECT_EQ(qr["numerator"], 5);  // the head office, its branch, Cô Ba, the phone, the household
  EXPECT_EQ(qr["denominator"], 10);
  EXPECT_EQ(qr["percent"], 50.0);
}

TEST(BusinessKeys, APersonsKeyForABusinessAndABusinesssKeyForAPersonAreRefused) {
  const HttpClient c = AdminClient();
  const Province p = MakeSocTrang(c, "Khóa");
  const json results =
      Submit(c, json::array({
                    Record(p, "qr_payment", {{"id_number", "079123456789"}}),
                    Record(p, "vneid", {{"tax_code", "2200123456"}}),
                    Record(p, "vneid", {{"business", "Tạp hóa Cô Ba"}}),
                    Record(p, "qr_payment", {{"tax_code", "22001234"}}),
                    Record(p, "qr_payment", {{"tax_code", "2200123456"}, {"phone", "0912345600"}}),
                    Record(p, "qr_payment", {{"business", "   "}}),
                    Record(p, "qr_payment", {{"tax_code", 2200123456}}),
                }));
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"person_key_for_business", "records[0].citizen.id_number"},
      {"business_key_for_person", "records[1].citizen.tax_code"},
      {"business_key_for_person", "records[2].citizen.business"},
      {"bad_tax_code", "records[3].citizen.tax_code"},
      {"one_citizen_key", "records[4].citizen"},
      {"required", "records[5].citizen.business"},
      {"wrong_type", "records[6].citizen.tax_code"},
  };
  ASSERT_EQ(results.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(results[i]["status"], "error") << i;
    EXPECT_EQ(results[i]["error"]["code"], expected[i].first) << i;
    EXPECT_EQ(results[i]["error"]["field"], expected[i].second) << i;
    EXPECT_NE(results[i]["error"]["message"], results[i]["error"]["message_en"]) << i;
  }
  EXPECT_EQ(c.Get("/api/v1/support-records?team=" + Id(IdOf(p.team))).Json()["total"], 0);
}

// Seed 003 (Sóc Trăng), as the province defines it.
const json kSeed003[] = {
    {{"code", "payment_account_working_age"},
     {"name", "Người trong độ tuổi lao động có tài khoản thanh toán trực tuyến"},
     {"name_en", "Working-age people with an online-payment account"},
     {"source", "service"},
     {"service", "payment_account"},
     {"cohort", "working_age"},
     {"measure", "percent"}},
    {{"code", "households_trained_ecommerce"},
     {"name", "Hộ sản xuất, kinh doanh được tập huấn kỹ năng thương mại điện tử"},
     {"source", "training"},
     {"topic", "ecommerce"},
     {"count_of", "households"},
     {"cohort", "business_households"},
     {"measure", "percent"}},
    {{"code", "working_age_trained_digital"},
     {"name", "Người trong độ tuổi lao động được tập huấn kỹ năng số"},
     {"name_en", "Working-age people trained in digital skills"},
     {"source", "training"},
     {"topic", "digital_skills"},
     {"count_of", "people"},
     {"cohort", "working_age"},
     {"measure", "percent"}},
};

TEST(ProvinceIndicators, Seed003IsDefinedTargetedAndMeasuredAtVillageCommuneAndProvince) {
  const HttpClient c = AdminClient();
  const Province p = MakeSocTrang(c, "Chỉ Số");
  for (const json& d : kSeed003) {
    const HttpResponse r = c.Post(Definitions(p.province), d);
    ASSERT_TRUE(HasStatus(r, 201)) << d.dump();
    EXPECT_EQ(r.Json()["builtin"], false);
    EXPECT_EQ(r.Json()["province_id"], IdOf(p.province));
  }
  // Listed for any unit of the province: the built-ins, then the province's in creation order.
  const json defs = c.Get(Definitions(p.village)).Json();
  EXPECT_EQ(defs["total"], 14);
  const json& items = defs["items"];
  EXPECT_EQ(items[0]["code"], "vneid");
  EXPECT_EQ(items[0]["builtin"], true);
  EXPECT_EQ(items[0]["source"], "service");
  EXPECT_EQ(items[0]["service"], "vneid");
  EXPECT_EQ(items[0]["cohort"], "age14plus");
  EXPECT_TRUE(ItemOf(items, "code", "cashless_street")["source"].is_null());
  EXPECT_EQ(ItemOf(items, "code", "cashless_street")["measure"], "count");
  EXPECT_EQ(items[11]["code"], "payment_account_working_age");
  EXPECT_EQ(items[11]["service"], "payment_account");
  EXPECT_TRUE(items[11]["topic"].is_null());
  EXPECT_EQ(items[12]["code"], "households_trained_ecommerce");
  EXPECT_EQ(items[12]["source"], "training");
  EXPECT_EQ(items[12]["topic"], "ecommerce");
  EXPECT_EQ(items[12]["count_of"], "households");
  EXPECT_EQ(items[12]["name_en"], items[12]["name"]);  // no English name was sent
  EXPECT_TRUE(items[12]["service"].is_null());
  EXPECT_EQ(items[13]["code"], "working_age_trained_digital");
  EXPECT_EQ(items[13]["count_of"], "people");
  EXPECT_EQ(items[13]["cohort"], "working_age");

  // The 2023 targets, set by the province.
  for (const auto& [code, min] :
       std::vector<std::pair<std::string, int>>{{"payment_account_working_age", 50},
                                                {"households_trained_ecommerce", 70},
                                                {"working_age_trained_digital", 70}}) {
    ASSERT_TRUE(HasStatus(c.Put("/api/v1/units/" + Id(IdOf(p.province)) + "/targets",
                                {{"year", 2023}, {"indicator", code}, {"min", min}}),
                          200));
  }
  const json targets =
      c.Get("/api/v1/units/" + Id(IdOf(p.village)) + "/targets?year=2023").Json()["items"];
  EXPECT_EQ(targets.size(), 14u);
  EXPECT_EQ(targets[11]["indicator"], "payment_account_working_age");
  EXPECT_EQ(targets[11]["text"], "≥ 50 %");
  EXPECT_EQ(targets[11]["builtin"], false);
  EXPECT_EQ(targets[11]["source_unit_id"], IdOf(p.province));
  EXPECT_EQ(targets[13]["text"], "≥ 70 %");

  // 10 working-age people in the hamlet; 5 of them opened a payment account (one twice).
  ASSERT_TRUE(HasStatus(c.Put("/api/v1/units/" + Id(IdOf(p.village)) + "/population",
                              {{"year", 2023}, {"working_age", 10}, {"business_households", 4}}),
                        200));
  json records = json::array();
  for (int i = 0; i < 5; ++i) {
    records.push_back(Record(p, "payment_account", {{"phone", "091234560" + std::to_string(i)}}));
  }
  records.push_back(Record(p, "payment_account", {{"phone", "0912345600"}}, "2023-09-01"));
  for (const json& r : Submit(c, records)) EXPECT_EQ(r["status"], "created");

  for (const json& unit : {p.village, p.commune, p.province}) {
    const json values =
        c.Get("/api/v1/units/" + Id(IdOf(unit)) + "/indicators?year=2023").Json()["items"];
    ASSERT_EQ(values.size(), 14u);
    EXPECT_EQ(Codes(values).back(), "working_age_trained_digital");
    const json pay = ItemOf(values, "code", "payment_account_working_age");
    EXPECT_EQ(pay["numerator"], 5);
    EXPECT_EQ(pay["denominator"], 10);
    EXPECT_EQ(pay["percent"], 50.0);
    EXPECT_EQ(pay["target"]["text"], "≥ 50 %");
    EXPECT_EQ(pay["status"], "met");
    EXPECT_EQ(pay["builtin"], false);
    const json shops = ItemOf(values, "code", "households_trained_ecommerce");
    EXPECT_EQ(shops["denominator"], 4);
    EXPECT_EQ(shops["target"]["text"], "≥ 70 %");
    EXPECT_EQ(ItemOf(values, "code", "vneid")["builtin"], true);
  }
  // By children: the commune's villages carry the province's indicators too.
  const json children =
      c.Get("/api/v1/units/" + Id(IdOf(p.commune)) + "/indicators?year=2023&by=children").Json();
  EXPECT_EQ(ItemOf(children["items"][0]["indicators"], "code",
                   "payment_account_working_age")["numerator"],
            5);
}

TEST(ProvinceIndicators, BadDefinitionsAndOtherProvincesCodesAreRefused) {
  const HttpClient c = AdminClient();
  const Province p = MakeSocTrang(c, "Sai Chỉ Số");
  const Province other = MakeSocTrang(c, "Tỉnh Bạn");
  ASSERT_TRUE(HasStatus(c.Post(Definitions(p.province), kSeed003[0]), 201));
  EXPECT_TRUE(
      IsError(c.Post(Definitions(p.province), kSeed003[0]), 409, "indicator_exists", "code"));
  EXPECT_TRUE(
      IsError(c.Post(Definitions(p.commune), kSeed003[1]), 422, "not_a_province", "unit_id"));
  const std::vector<std::tuple<std::string, json, std::string>> bad = {
      {"code", "vneid", "builtin_indicator_code"}, {"code", "Chỉ số", "invalid_indicator_code"},
      {"source", "survey", "bad_source"},          {"service", "teleport", "unknown_service"},
      {"topic", "ecommerce", "field_not_allowed"}, {"cohort", "adults", "unknown_cohort"},
      {"measure", "ratio", "bad_measure"},
  };
  for (const auto& [field, value, code] : bad) {
    json body = kSeed003[0];
    body["code"] = "pay_" + UniqueSuffix();
    body[field] = value;
    EXPECT_TRUE(IsError(c.Post(Definitions(p.province), body), 422, code, field)) << field;
  }
  json training = kSeed003[1];
  training["topic"] = "knitting";
  EXPECT_TRUE(IsError(c.Post(Definitions(p.province), training), 422, "unknown_topic", "topic"));
  training = kSeed003[1];
  training.erase("count_of");
  EXPECT_TRUE(IsError(c.Post(Definitions(p.province), training), 422, "required", "count_of"));
  json count = kSeed003[0];
  count["code"] = "ocop_online";  // a built-in service without a built-in indicator
  count["service"] = "ocop_online";
  count["measure"] = "count";
  EXPECT_TRUE(IsError(c.Post(Definitions(p.province), count), 422, "cohort_for_count", "cohort"));
  count.erase("cohort");
  EXPECT_TRUE(HasStatus(c.Post(Definitions(p.province), count), 201));

  // The province's own service is known to its indicators, not to another province's.
  ASSERT_TRUE(HasStatus(c.Post(Services(p.province), kVssid), 201));
  json vssid = kSeed003[0];
  vssid["code"] = "vssid_working_age";
  vssid["service"] = "vssid";
  EXPECT_TRUE(
      IsError(c.Post(Definitions(other.province), vssid), 422, "unknown_service", "service"));
  EXPECT_TRUE(HasStatus(c.Post(Definitions(p.province), vssid), 201));

  // Targets: the province's indicators within the province only.
  EXPECT_TRUE(IsError(c.Put("/api/v1/units/" + Id(IdOf(other.commune)) + "/targets",
                            {{"year", 2023}, {"indicator", "vssid_working_age"}, {"min", 10}}),
                      422, "unknown_indicator", "indicator"));
  EXPECT_TRUE(HasStatus(c.Put("/api/v1/units/" + Id(IdOf(p.commune)) + "/targets",
                              {{"year", 2023}, {"indicator", "ocop_online"}, {"min", 3}}),
                        200));
  EXPECT_EQ(c.Get(Definitions(other.village)).Json()["total"], 11);
  EXPECT_EQ(c.Get(Definitions(p.village)).Json()["total"], 14);
  EXPECT_TRUE(IsError(c.Get("/api/v1/units/99999999/indicator-definitions"), 404));
}

}  // namespace
}  // namespace cnscd_test
