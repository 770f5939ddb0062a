// API.md "Targets and indicators"; issue 5 item 3; docs/indicators.md: seed 004's targets for
// 2025 entered for a commune, inherited by its villages, and the indicators judged against them.
#include <gtest/gtest.h>

#include <string>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

std::string Targets(const json& unit) { return "/api/v1/units/" + Id(IdOf(unit)) + "/targets"; }
std::string Indicators(const json& unit) {
  return "/api/v1/units/" + Id(IdOf(unit)) + "/indicators";
}

// The item of `items` whose `key` is `code` (throws when absent).
json ItemOf(const json& items, const std::string& key, const std::string& code) {
  for (const json& i : items) {
    if (i.at(key) == code) return i;
  }
  throw std::runtime_error("no item " + code + " in " + items.dump());
}

// Seed 004, Quảng Sơn, 2025: all eight targets.
void PutSeed004(const HttpClient& c, const json& commune) {
  const json bodies[] = {
      {{"year", 2025}, {"indicator", "vneid"}, {"min", 90}},
      {{"year", 2025}, {"indicator", "health_record"}, {"min", 80}, {"max", 90}},
      {{"year", 2025}, {"indicator", "digital_signature"}, {"min", 40}},
      {{"year", 2025}, {"indicator", "public_service"}, {"min", 50}, {"strict", true}},
      {{"year", 2025}, {"indicator", "payment_account"}, {"min", 50}},
      {{"year", 2025}, {"indicator", "ecommerce"}, {"min", 10}},
      {{"year", 2025}, {"indicator", "qr_payment"}, {"min", 90}},
      {{"year", 2025}, {"indicator", "cashless_street"}, {"min", 1}},
  };
  for (const json& b : bodies) {
    const HttpResponse r = c.Put(Targets(commune), b);
    ASSERT_TRUE(HasStatus(r, 200)) << b.dump();
  }
}

struct Place {
  json province, commune, village;
};

Place MakePlace(const HttpClient& c) {
  Place p;
  p.province = MakeProvince(c, "Tỉnh Chỉ Tiêu " + UniqueSuffix());
  p.commune = MakeCommune(c, "Xã Quảng Sơn", IdOf(p.province));
  p.village = MakeVillage(c, "Thôn Một", IdOf(p.commune));
  return p;
}

TEST(Targets, TheEightSeed004TargetsOfACommuneReadAsThePlanWritesThem) {
  const HttpClient c = AdminClient();
  const Place p = MakePlace(c);
  PutSeed004(c, p.commune);
  const HttpResponse r = c.Get(Targets(p.commune) + "?year=2025");
  ASSERT_TRUE(HasStatus(r, 200));
  const json j = r.Json();
  EXPECT_EQ(j["unit_id"], IdOf(p.commune));
  EXPECT_EQ(j["year"], 2025);
  const json& items = j["items"];
  EXPECT_EQ(ItemOf(items, "indicator", "vneid")["text"], "≥ 90 %");
  EXPECT_EQ(ItemOf(items, "indicator", "health_record")["text"], "80–90 %");
  EXPECT_EQ(ItemOf(items, "indicator", "health_record")["min"], 80);
  EXPECT_EQ(ItemOf(items, "indicator", "health_record")["max"], 90);
  EXPECT_EQ(ItemOf(items, "indicator", "digital_signature")["text"], "≥ 40 %");
  EXPECT_EQ(ItemOf(items, "indicator", "public_service")["text"], "> 50 %");
  EXPECT_EQ(ItemOf(items, "indicator", "public_service")["strict"], true);
  EXPECT_EQ(ItemOf(items, "indicator", "cashless_street")["text"], "≥ 1");
  EXPECT_EQ(ItemOf(items, "indicator", "qr_payment")["source_unit_id"], IdOf(p.commune));
  EXPECT_TRUE(ItemOf(items, "indicator", "social_network")["text"].is_null());
  // 2030's strict floor for digital signatures.
  const HttpResponse r2030 =
      c.Put(Targets(p.commune),
            {{"year", 2030}, {"indicator", "digital_signature"}, {"min", 70}, {"strict", true}});
  ASSERT_TRUE(HasStatus(r2030, 200));
  EXPECT_EQ(ItemOf(r2030.Json()["items"], "indicator", "digital_signature")["text"], "> 70 %");
}

TEST(Targets, AVillageInheritsItsCommunesTargetsUntilItSetsItsOwn) {
  const HttpClient c = AdminClient();
  const Place p = MakePlace(c);
  PutSeed004(c, p.commune);
  json items = c.Get(Targets(p.village) + "?year=2025").Json()["items"];
  EXPECT_EQ(ItemOf(items, "indicator", "health_record")["text"], "80–90 %");
  EXPECT_EQ(ItemOf(items, "indicator", "health_record")["source_unit_id"], IdOf(p.commune));
  ASSERT_TRUE(HasStatus(
      c.Put(Targets(p.village), {{"year", 2025}, {"indicator", "vneid"}, {"min", 95}}), 200));
  items = c.Get(Targets(p.village) + "?year=2025").Json()["items"];
  EXPECT_EQ(ItemOf(items, "indicator", "vneid")["text"], "≥ 95 %");
  EXPECT_EQ(ItemOf(items, "indicator", "vneid")["source_unit_id"], IdOf(p.village));
  // Neither min nor max: the village's own target goes, the commune's applies again.
  const HttpResponse r = c.Put(Targets(p.village), {{"year", 2025}, {"indicator", "vneid"}});
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(ItemOf(r.Json()["items"], "indicator", "vneid")["source_unit_id"], IdOf(p.commune));
}

TEST(Indicators, ACommuneAndItsVillagesAreMeasuredAgainstTheirTargets) {
  const HttpClient c = AdminClient();
  const Place p = MakePlace(c);
  PutSeed004(c, p.commune);
  ASSERT_TRUE(HasStatus(c.Put("/api/v1/units/" + Id(IdOf(p.village)) + "/population",
                              {{"year", 2025}, {"age14plus", 800}, {"age18plus", 700}}),
                        200));
  HttpResponse r = c.Get(Indicators(p.commune) + "?year=2025");
  ASSERT_TRUE(HasStatus(r, 200));
  json j = r.Json();
  EXPECT_EQ(j["unit_id"], IdOf(p.commune));
  EXPECT_EQ(j["year"], 2025);
  const json vneid = ItemOf(j["items"], "code", "vneid");
  EXPECT_EQ(vneid["denominator"], 800);  // the village's figure, summed up
  EXPECT_EQ(vneid["numerator"], 0);
  EXPECT_EQ(vneid["target"]["text"], "≥ 90 %");
  EXPECT_FALSE(vneid["name"].get<std::string>().empty());
  EXPECT_FALSE(vneid["name_en"].get<std::string>().empty());
  const json payment = ItemOf(j["items"], "code", "payment_account");
  EXPECT_TRUE(payment["denominator"].is_null());
  EXPECT_EQ(payment["status"], "no_population");
  EXPECT_EQ(ItemOf(j["items"], "code", "social_network")["status"], "no_target");

  r = c.Get(Indicators(p.commune) + "?year=2025&by=children");
  ASSERT_TRUE(HasStatus(r, 200));
  j = r.Json();
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["unit_id"], IdOf(p.village));
  EXPECT_EQ(j["items"][0]["name"], "Thôn Một");
  EXPECT_EQ(ItemOf(j["items"][0]["indicators"], "code", "digital_signature")["denominator"], 700);
}

TEST(Indicators, AProvincesRankingReachesItsCommunesThroughItsDistricts) {
  const HttpClient c = AdminClient();
  const json province = MakeProvince(c, "Tỉnh Xếp Hạng " + UniqueSuffix());
  const json ke_sach = MakeDistrict(c, "Huyện Kế Sách", IdOf(province));
  const json my_tu = MakeDistrict(c, "Huyện Mỹ Tú", IdOf(province));
  const json an_my = MakeCommune(c, "Xã An Mỹ", IdOf(ke_sach));
  const json nhon_my = MakeCommune(c, "Xã Nhơn Mỹ", IdOf(ke_sach));
  const json my_huong = MakeCommune(c, "Xã Mỹ Hương", IdOf(my_tu));

  HttpResponse r = c.Get(Indicators(province) + "?year=2025&by=communes");
  ASSERT_TRUE(HasStatus(r, 200));
  json j = r.Json();
  EXPECT_EQ(j["total"], 3);
  ASSERT_EQ(j["items"].size(), 3U);
  EXPECT_EQ(j["items"][0]["unit_id"], IdOf(an_my));  // in name order
  EXPECT_EQ(j["items"][0]["name"], "Xã An Mỹ");
  EXPECT_EQ(j["items"][0]["parent_id"], IdOf(ke_sach));
  EXPECT_EQ(j["items"][0]["parent_name"], "Huyện Kế Sách");
  EXPECT_EQ(j["items"][1]["parent_name"], "Huyện Mỹ Tú");
  EXPECT_EQ(j["items"][1]["unit_id"], IdOf(my_huong));
  EXPECT_FALSE(j["items"][2]["indicators"].empty());
  EXPECT_EQ(ItemOf(j["items"][2]["indicators"], "code", "vneid")["numerator"], 0);
  // The level below is still the districts.
  r = c.Get(Indicators(province) + "?year=2025&by=children");
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(r.Json()["items"].size(), 2U);

  // Paged as lists.
  r = c.Get(Indicators(province) + "?year=2025&by=communes&limit=2&offset=2");
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(r.Json()["total"], 3);
  ASSERT_EQ(r.Json()["items"].size(), 1U);
  EXPECT_EQ(r.Json()["items"][0]["unit_id"], IdOf(nhon_my));
  EXPECT_TRUE(IsError(c.Get(Indicators(province) + "?year=2025&by=communes&limit=0"), 400,
                      "bad_query", "limit"));
  EXPECT_TRUE(
      IsError(c.Get(Indicators(province) + "?year=2025&by=villages"), 400, "bad_query", "by"));

  // A district's officer ranks the district's communes, and cannot rank the province's.
  const HttpClient officer = SignedInAs(c, "district_officer", "unit_id", IdOf(ke_sach));
  r = officer.Get(Indicators(ke_sach) + "?year=2025&by=communes");
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(r.Json()["total"], 2);
  EXPECT_TRUE(
      IsError(officer.Get(Indicators(province) + "?year=2025&by=communes"), 403, "forbidden"));
}

TEST(Targets, BadTargetsAreRefused) {
  const HttpClient c = AdminClient();
  const Place p = MakePlace(c);
  EXPECT_TRUE(IsError(
      c.Put(Targets(p.commune), {{"year", 2025}, {"indicator", "vneid"}, {"min", 90}, {"max", 80}}),
      422));
  EXPECT_TRUE(IsError(
      c.Put(Targets(p.commune), {{"year", 2025}, {"indicator", "vneid"}, {"min", 120}}), 422));
  EXPECT_TRUE(
      IsError(c.Put(Targets(p.commune), {{"year", 2025}, {"indicator", "lucky"}, {"min", 10}}), 422,
              "", "indicator"));
  EXPECT_TRUE(IsError(c.Get(Targets(p.commune)), 400, "bad_query", "year"));
  EXPECT_TRUE(IsError(c.Get(Targets(p.commune) + "?year=abc"), 400, "bad_query", "year"));
  EXPECT_TRUE(IsError(c.Get(Indicators(p.commune)), 400, "bad_query", "year"));
}

TEST(Targets, AViewerReadsButCannotSetAndAnotherCommunesOfficerIsForbidden) {
  const HttpClient c = AdminClient();
  const Place p = MakePlace(c);
  PutSeed004(c, p.commune);
  const HttpClient viewer = SignedInAs(c, "viewer", "unit_id", IdOf(p.commune));
  EXPECT_TRUE(HasStatus(viewer.Get(Targets(p.village) + "?year=2025"), 200));
  EXPECT_TRUE(HasStatus(viewer.Get(Indicators(p.commune) + "?year=2025"), 200));
  EXPECT_TRUE(
      IsError(viewer.Put(Targets(p.commune), {{"year", 2025}, {"indicator", "vneid"}, {"min", 10}}),
              403, "forbidden"));
  const json other = MakeCommune(c, "Xã Khác", IdOf(p.province));
  const HttpClient officer = SignedInAs(c, "commune_officer", "unit_id", IdOf(other));
  EXPECT_TRUE(IsError(officer.Get(Targets(p.commune) + "?year=2025"), 403, "forbidden"));
  EXPECT_TRUE(IsError(
      officer.Put(Targets(p.commune), {{"year", 2025}, {"indicator", "vneid"}, {"min", 10}}), 403,
      "forbidden"));
  EXPECT_TRUE(HasStatus(
      officer.Put(Targets(other), {{"year", 2025}, {"indicator", "vneid"}, {"min", 10}}), 200));
}

}  // namespace
}  // namespace cnscd_test
