// Seed 004 target 8 (issue 5, docs/indicators.md): the cashless streets and markets a commune
// declares, and the cashless_street / cashless_market counts they make.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

std::string Places(const json& unit) {
  return "/api/v1/units/" + Id(IdOf(unit)) + "/cashless-places";
}
std::string Void(const json& place) {
  return "/api/v1/cashless-places/" + Id(IdOf(place)) + "/void";
}
std::string Indicators(const json& unit, int year) {
  return "/api/v1/units/" + Id(IdOf(unit)) + "/indicators?year=" + std::to_string(year);
}

json Street(const std::string& name, const std::string& declared_on = "2025-10-15") {
  return {{"kind", "street"}, {"name", name}, {"declared_on", declared_on}};
}
json Market(const std::string& name, const std::string& declared_on = "2025-10-15") {
  return {{"kind", "market"}, {"name", name}, {"declared_on", declared_on}};
}

// Declares and returns the 201 body (throws otherwise).
json Declare(const HttpClient& c, const json& unit, const json& body) {
  const HttpResponse r = c.Post(Places(unit), body);
  if (r.status != 201) throw std::runtime_error("declare: " + r.Describe());
  return r.Json();
}

// The indicator `code` of the unit's table for `year` (throws when absent).
json IndicatorOf(const HttpClient& c, const json& unit, int year, const std::string& code) {
  const HttpResponse r = c.Get(Indicators(unit, year));
  if (r.status != 200) throw std::runtime_error("indicators: " + r.Describe());
  const json body = r.Json();
  for (const json& i : body["items"]) {
    if (i["code"] == code) return i;
  }
  throw std::runtime_error("no indicator " + code);
}

// The year in Vietnam (UTC+7), as the server counts it.
int VietnamYear() {
  using namespace std::chrono;
  const auto day = floor<days>(system_clock::now() + hours(7));
  return static_cast<int>(year_month_day(day).year());
}

// The two-level shape of seed 004: Lâm Đồng → Xã Quảng Sơn → its villages (thôn, bon).
struct QuangSon {
  json province, commune, village, bon;
};

QuangSon MakeQuangSon(const HttpClient& c) {
  QuangSon q;
  q.province = MakeProvince(c, "Tỉnh Lâm Đồng " + UniqueSuffix());
  q.commune = MakeCommune(c, "Xã Quảng Sơn", IdOf(q.province));
  q.village = MakeVillage(c, "Thôn 1", IdOf(q.commune));
  q.bon = MakeVillage(c, "Bon Bu Đắk", IdOf(q.commune));
  return q;
}

void PutTarget(const HttpClient& c, const json& unit, int year, const std::string& indicator,
               int min) {
  const HttpResponse r = c.Put("/api/v1/units/" + Id(IdOf(unit)) + "/targets",
                               {{"year", year}, {"indicator", indicator}, {"min", min}});
  ASSERT_TRUE(HasStatus(r, 200)) << indicator;
}

// Seed 004: at least 1 street in 2025; 2 streets and 1 market in 2030.
void PutSeed004(const HttpClient& c, const json& commune) {
  PutTarget(c, commune, 2025, "cashless_street", 1);
  PutTarget(c, commune, 2030, "cashless_street", 2);
  PutTarget(c, commune, 2030, "cashless_market", 1);
}

TEST(Cashless, QuangSonDeclaresAStreetIn2025AndMeetsSeed004sFirstTarget) {
  const HttpClient c = AdminClient();
  const QuangSon q = MakeQuangSon(c);
  PutSeed004(c, q.commune);

  json body = Street("  Đường   Hai Bà Trưng ");
  body["decision_ref"] = "45/QĐ-UBND";
  const HttpResponse r = c.Post(Places(q.commune), body);
  ASSERT_TRUE(HasStatus(r, 201));
  const json street = r.Json();
  EXPECT_GT(IdOf(street), 0);
  EXPECT_EQ(street["unit_id"], IdOf(q.commune));
  EXPECT_EQ(street["kind"], "street");
  EXPECT_EQ(street["name"], "Đường Hai Bà Trưng");
  EXPECT_EQ(street["declared_on"], "2025-10-15");
  EXPECT_EQ(street["decision_ref"], "45/QĐ-UBND");
  EXPECT_FALSE(street["created_at"].get<std::string>().empty());
  EXPECT_TRUE(street["voided_at"].is_null());

  json s2025 = IndicatorOf(c, q.commune, 2025, "cashless_street");
  EXPECT_EQ(s2025["numerator"], 1);
  EXPECT_EQ(s2025["measure"], "count");
  EXPECT_TRUE(s2025["denominator"].is_null());
  EXPECT_EQ(s2025["target"]["text"], "≥ 1");
  EXPECT_EQ(s2025["status"], "met");
  EXPECT_EQ(IndicatorOf(c, q.commune, 2025, "cashless_market")["status"], "no_target");

  // 2030 asks for two streets and a market: one street is not enough, no market yet. Before
  // 2030 begins the pace is 0, so the table says on_track (docs/indicators.md, Status).
  const json s2030 = IndicatorOf(c, q.commune, 2030, "cashless_street");
  EXPECT_EQ(s2030["numerator"], 1);
  EXPECT_EQ(s2030["target"]["text"], "≥ 2");
  EXPECT_NE(s2030["status"], "met");
  if (VietnamYear() < 2030) {
    EXPECT_EQ(s2030["status"], "on_track");
  }
  const json m2030 = IndicatorOf(c, q.commune, 2030, "cashless_market");
  EXPECT_EQ(m2030["numerator"], 0);
  EXPECT_EQ(m2030["target"]["text"], "≥ 1");
  EXPECT_NE(m2030["status"], "met");

  // A second street declared in 2026 counts from 2026 on, not in 2025's table.
  Declare(c, q.commune, Street("Đường Lê Lợi", "2026-01-10"));
  EXPECT_EQ(IndicatorOf(c, q.commune, 2025, "cashless_street")["numerator"], 1);
  const json again2030 = IndicatorOf(c, q.commune, 2030, "cashless_street");
  EXPECT_EQ(again2030["numerator"], 2);
  EXPECT_EQ(again2030["status"], "met");

  // The declaration is in the audit trail under its id.
  const HttpResponse audit = c.Get("/api/v1/audit?unit=" + Id(IdOf(q.commune)));
  ASSERT_TRUE(HasStatus(audit, 200));
  bool found = false;
  const json entries = audit.Json()["items"];
  for (const json& e : entries) {
    found = found || (e["entity_type"] == "cashless_place" && e["action"] == "create" &&
                      e["entity_id"] == IdOf(street) && e["after"]["name"] == street["name"]);
  }
  EXPECT_TRUE(found);
}

TEST(Cashless, AVillagesDeclarationCountsAtItsCommuneAndProvince) {
  const HttpClient c = AdminClient();
  const QuangSon q = MakeQuangSon(c);
  Declare(c, q.bon, Market("Chợ Bon Bu Đắk"));
  EXPECT_EQ(IndicatorOf(c, q.bon, 2025, "cashless_market")["numerator"], 1);
  EXPECT_EQ(IndicatorOf(c, q.commune, 2025, "cashless_market")["numerator"], 1);
  EXPECT_EQ(IndicatorOf(c, q.province, 2025, "cashless_market")["numerator"], 1);
  EXPECT_EQ(IndicatorOf(c, q.village, 2025, "cashless_market")["numerator"], 0);
  EXPECT_EQ(IndicatorOf(c, q.province, 2025, "cashless_street")["numerator"], 0);
  // A target the province sets is met at the province by the village's market.
  PutTarget(c, q.province, 2025, "cashless_market", 1);
  EXPECT_EQ(IndicatorOf(c, q.province, 2025, "cashless_market")["status"], "met");
  // Ranking the province's communes shows it on Quảng Sơn.
  const HttpResponse r = c.Get(Indicators(q.province, 2025) + "&by=children");
  ASSERT_TRUE(HasStatus(r, 200));
  ASSERT_EQ(r.Json()["items"].size(), 1u);
  bool counted = false;
  const json indicators = r.Json()["items"][0]["indicators"];
  for (const json& i : indicators) {
    counted = counted || (i["code"] == "cashless_market" && i["numerator"] == 1);
  }
  EXPECT_TRUE(counted);
}

TEST(Cashless, AVoidedDeclarationStopsCounting) {
  const HttpClient c = AdminClient();
  const QuangSon q = MakeQuangSon(c);
  PutSeed004(c, q.commune);
  const json street = Declare(c, q.village, Street("Đường Trần Phú"));
  EXPECT_EQ(IndicatorOf(c, q.commune, 2025, "cashless_street")["status"], "met");

  const HttpResponse v = c.Post(Void(street), json::object());
  ASSERT_TRUE(HasStatus(v, 200));
  EXPECT_EQ(v.Json()["id"], IdOf(street));
  EXPECT_FALSE(v.Json()["voided_at"].is_null());
  const json s2025 = IndicatorOf(c, q.commune, 2025, "cashless_street");
  EXPECT_EQ(s2025["numerator"], 0);
  EXPECT_EQ(s2025["status"], "behind");  // 2025 is over without a street

  EXPECT_TRUE(IsError(c.Post(Void(street), json::object()), 409, "already_voided", "id"));
  // The list leaves it out unless asked; it stays in history.
  EXPECT_EQ(c.Get(Places(q.commune)).Json()["total"], 0);
  const HttpResponse all = c.Get(Places(q.commune) + "?include_voided=true");
  ASSERT_TRUE(HasStatus(all, 200));
  ASSERT_EQ(all.Json()["total"], 1);
  EXPECT_FALSE(all.Json()["items"][0]["voided_at"].is_null());
  // Declared again, properly this time: the voided one no longer blocks the name.
  Declare(c, q.village, Street("Đường Trần Phú", "2025-12-01"));
  EXPECT_EQ(IndicatorOf(c, q.commune, 2025, "cashless_street")["status"], "met");

  const HttpResponse audit = c.Get("/api/v1/audit?unit=" + Id(IdOf(q.village)));
  bool voided = false;
  const json entries = audit.Json()["items"];
  for (const json& e : entries) {
    voided = voided || (e["entity_type"] == "cashless_place" && e["action"] == "void" &&
                        e["entity_id"] == IdOf(street) && e["before"]["voided_at"].is_null() &&
                        !e["after"]["voided_at"].is_null());
  }
  EXPECT_TRUE(voided);
}

TEST(Cashless, TheSameStreetTwiceInOneUnitIsAConflict) {
  const HttpClient c = AdminClient();
  const QuangSon q = MakeQuangSon(c);
  Declare(c, q.village, Street("Đường Hai Bà Trưng"));
  // Case, spacing and diacritics aside, the same name.
  EXPECT_TRUE(IsError(c.Post(Places(q.village), Street(" đường  hai bà trưng")), 409,
                      "place_exists", "name"));
  EXPECT_TRUE(IsError(c.Post(Places(q.village), Street("Duong Hai Ba Trung", "2025-11-01")), 409,
                      "place_exists", "name"));
  // A market of that name, or the same street name in another unit, is another place.
  EXPECT_TRUE(HasStatus(c.Post(Places(q.village), Market("Đường Hai Bà Trưng")), 201));
  EXPECT_TRUE(HasStatus(c.Post(Places(q.bon), Street("Đường Hai Bà Trưng")), 201));
  EXPECT_TRUE(HasStatus(c.Post(Places(q.commune), Street("Đường Hai Bà Trưng")), 201));
  EXPECT_EQ(c.Get(Places(q.commune)).Json()["total"], 4);
}

TEST(Cashless, TheListCoversTheSubtreeByDateThenName) {
  const HttpClient c = AdminClient();
  const QuangSon q = MakeQuangSon(c);
  Declare(c, q.bon, Market("Chợ Quảng Sơn", "2025-12-20"));
  Declare(c, q.village, Street("Đường Nguyễn Huệ", "2025-09-02"));
  Declare(c, q.commune, Street("Đường Bà Triệu", "2025-09-02"));
  HttpResponse r = c.Get(Places(q.commune));
  ASSERT_TRUE(HasStatus(r, 200));
  json j = r.Json();
  ASSERT_EQ(j["total"], 3);
  EXPECT_EQ(j["items"][0]["name"], "Đường Bà Triệu");
  EXPECT_EQ(j["items"][1]["name"], "Đường Nguyễn Huệ");
  EXPECT_EQ(j["items"][2]["name"], "Chợ Quảng Sơn");
  EXPECT_EQ(j["items"][2]["unit_id"], IdOf(q.bon));
  r = c.Get(Places(q.commune) + "?kind=market");
  ASSERT_TRUE(HasStatus(r, 200));
  ASSERT_EQ(r.Json()["total"], 1);
  EXPECT_EQ(r.Json()["items"][0]["kind"], "market");
  EXPECT_EQ(c.Get(Places(q.village)).Json()["total"], 1);
  EXPECT_EQ(c.Get(Places(q.province)).Json()["total"], 3);
  r = c.Get(Places(q.commune) + "?limit=1&offset=1");
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(r.Json()["total"], 3);
  ASSERT_EQ(r.Json()["items"].size(), 1u);
  EXPECT_EQ(r.Json()["items"][0]["name"], "Đường Nguyễn Huệ");
}

TEST(Cashless, EachBrokenRuleIsAClearErrorAndWritesNothing) {
  const HttpClient c = AdminClient();
  const QuangSon q = MakeQuangSon(c);
  struct Case {
    std::string key;
    json value;
    long status;
    std::string code;
  };
  const Case cases[] = {
      {"kind", nullptr, 422, "required"},
      {"kind", "square", 422, "unknown_kind"},
      {"kind", 1, 400, "wrong_type"},
      {"name", nullptr, 422, "required"},
      {"name", "   ", 422, "required"},
      {"name", std::string(201, 'a'), 422, "too_long"},
      {"name", json::array(), 400, "wrong_type"},
      {"declared_on", nullptr, 422, "required"},
      {"declared_on", "15/10/2025", 422, "bad_date"},
      {"declared_on", "2999-01-01", 422, "future_date"},
      {"decision_ref", std::string(51, 'x'), 422, "too_long"},
  };
  for (const Case& k : cases) {
    json body = Street("Đường Sai");
    if (k.value.is_null()) {
      body.erase(k.key);
    } else {
      body[k.key] = k.value;
    }
    EXPECT_TRUE(IsError(c.Post(Places(q.commune), body), k.status, k.code, k.key)) << k.key;
  }
  EXPECT_TRUE(IsError(c.Post(Places(q.province), Street("Đường Tỉnh")), 422,
                      "not_a_commune_or_village", "unit_id"));
  EXPECT_TRUE(IsError(c.Post("/api/v1/units/999999999/cashless-places", Street("Đường Không")), 404,
                      "not_found"));
  EXPECT_TRUE(IsError(c.PostRaw(Places(q.commune), "{not json"), 400, "malformed_json"));
  EXPECT_EQ(c.Get(Places(q.province) + "?include_voided=true").Json()["total"], 0);

  EXPECT_TRUE(IsError(c.Get(Places(q.commune) + "?kind=square"), 422, "unknown_kind", "kind"));
  EXPECT_TRUE(IsError(c.Get(Places(q.commune) + "?include_voided=yes"), 400, "bad_query",
                      "include_voided"));
  EXPECT_TRUE(
      IsError(c.Post("/api/v1/cashless-places/999999999/void", json::object()), 404, "not_found"));
}

TEST(Cashless, OnlyThoseWhoManageTheUnitDeclareOrVoid) {
  const HttpClient c = AdminClient();
  const QuangSon q = MakeQuangSon(c);
  const json street = Declare(c, q.village, Street("Đường Quang Trung"));
  const HttpClient viewer = SignedInAs(c, "viewer", "unit_id", IdOf(q.commune));
  EXPECT_TRUE(HasStatus(viewer.Get(Places(q.commune)), 200));
  EXPECT_TRUE(IsError(viewer.Post(Places(q.village), Street("Đường Mới")), 403, "forbidden"));
  EXPECT_TRUE(IsError(viewer.Post(Void(street), json::object()), 403, "forbidden"));

  const json other = MakeCommune(c, "Xã Khác", IdOf(q.province));
  const HttpClient outsider = SignedInAs(c, "commune_officer", "unit_id", IdOf(other));
  EXPECT_TRUE(IsError(outsider.Get(Places(q.commune)), 403, "forbidden"));
  EXPECT_TRUE(IsError(outsider.Post(Places(q.village), Street("Đường Mới")), 403, "forbidden"));
  EXPECT_TRUE(IsError(outsider.Post(Void(street), json::object()), 403, "forbidden"));
  // Out of scope is 403 before the unit's kind is judged.
  EXPECT_TRUE(IsError(outsider.Post(Places(q.province), Street("Đường Mới")), 403, "forbidden"));

  const HttpClient officer = SignedInAs(c, "commune_officer", "unit_id", IdOf(q.commune));
  EXPECT_TRUE(HasStatus(officer.Post(Places(q.village), Street("Đường Mới")), 201));
  EXPECT_TRUE(HasStatus(officer.Post(Void(street), json::object()), 200));
}

}  // namespace
}  // namespace cnscd_test
