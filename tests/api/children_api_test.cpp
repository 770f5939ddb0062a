// GET /units/{id}/children: a unit's children, each with the coverage of its subtree, in one
// request (issue 15 step 5). Its figures are those of GET /units/{child}/coverage.
#include <gtest/gtest.h>

#include <string>

#include "http_client.hpp"
#include "places.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

constexpr const char* kFigures[] = {
    "villages",      "villages_with_team",   "percent", "teams", "members",
    "collaborators", "teams_with_violations"};

std::string Children(const json& unit) { return "/api/v1/units/" + Id(IdOf(unit)) + "/children"; }

json Page(const HttpClient& c, const std::string& path) {
  const HttpResponse r = c.Get(path);
  EXPECT_TRUE(HasStatus(r, 200));
  json j = r.Json();
  EXPECT_TRUE(j.is_object() && j.contains("items") && j["items"].is_array() && j.contains("total"))
      << r.body;
  return j.is_object() ? j : json::object();
}

void SetPolicy(const HttpClient& c, const json& unit, const json& policy) {
  const HttpResponse r = c.Put("/api/v1/units/" + Id(IdOf(unit)) + "/policy", policy);
  if (r.status != 200) throw std::runtime_error("PUT policy failed: " + r.Describe());
}

// Each child's figures equal its own coverage route's; the children are those of
// GET /units?parent=, in the same order.
void ExpectSameAsOneByOne(const HttpClient& c, const json& unit) {
  SCOPED_TRACE(unit.value("name", ""));
  const json page = Page(c, Children(unit));
  const json listed = Page(c, "/api/v1/units?parent=" + Id(IdOf(unit)));
  ASSERT_EQ(page["total"], listed["total"]);
  ASSERT_EQ(page["items"].size(), listed["items"].size());
  for (std::size_t i = 0; i < page["items"].size(); ++i) {
    json child = page["items"][i];
    SCOPED_TRACE(child.value("name", ""));
    ASSERT_TRUE(child.contains("coverage") && child["coverage"].is_object()) << child.dump();
    const json coverage = child["coverage"];
    child.erase("coverage");
    EXPECT_EQ(child, listed["items"][i]) << "a child reads as in GET /units?parent=";
    const json one = c.Get("/api/v1/units/" + Id(IdOf(child)) + "/coverage").Json();
    for (const char* key : kFigures) EXPECT_EQ(coverage[key], one[key]) << key;
    EXPECT_EQ(coverage.size(), std::size(kFigures)) << coverage.dump();
  }
}

struct Places {
  Chain chain;      // province → district → commune
  json commune2;    // a second commune of the district, no team
  json v1, v2, v3;  // villages of the commune: a team of two, an empty team, none
};

// Violations come from a policy on the commune (a leader and two people) and a stricter one on
// the first village (three), so that a policy set below the unit asked about counts too; the
// commune's own commune-level team (empty, breaking the commune rule) belongs to no child.
Places MakePlaces(const HttpClient& c) {
  const std::string label = "Con " + UniqueSuffix();
  Places p{MakeChain(c, "Tỉnh " + label, "Huyện " + label, "Xã " + label), {}, {}, {}, {}};
  p.commune2 = MakeCommune(c, "Xã Hai " + label, IdOf(p.chain.district));
  p.v1 = MakeVillage(c, "Thôn Một " + label, IdOf(p.chain.commune));
  p.v2 = MakeVillage(c, "Thôn Hai " + label, IdOf(p.chain.commune));
  p.v3 = MakeVillage(c, "Thôn Ba " + label, IdOf(p.chain.commune));
  const json t1 = MakeTeam(c, IdOf(p.v1), "village");
  AddMember(c, IdOf(t1), "Lê Văn Một", "leader");
  AddMember(c, IdOf(t1), "Lê Thị Hai", "member");
  AddMember(c, IdOf(t1), "Lê Văn Ba", "collaborator");
  MakeTeam(c, IdOf(p.v2), "village");
  MakeTeam(c, IdOf(p.chain.commune), "commune");
  SetPolicy(c, p.chain.commune,
            {{"village", {{"min", 2}, {"require_leader", true}}}, {"commune", {{"min", 1}}}});
  SetPolicy(c, p.v1, {{"village", {{"min", 3}}}});
  return p;
}

TEST(Children, EachChildsFiguresAreThoseOfItsCoverageRoute) {
  const HttpClient c = AdminClient();
  const Places p = MakePlaces(c);
  for (const json* unit : {&p.chain.province, &p.chain.district, &p.chain.commune}) {
    ExpectSameAsOneByOne(c, *unit);
  }

  // The figures themselves, for the district's first commune.
  const json page = Page(c, Children(p.chain.district));
  ASSERT_EQ(page["total"], 2);
  const json& x =
      page["items"][0]["id"] == IdOf(p.chain.commune) ? page["items"][0] : page["items"][1];
  EXPECT_EQ(x["coverage"]["villages"], 3);
  EXPECT_EQ(x["coverage"]["villages_with_team"], 2);
  EXPECT_NEAR(x["coverage"].value("percent", -1.0), 66.7, 0.05);
  EXPECT_EQ(x["coverage"]["teams"], 3);
  EXPECT_EQ(x["coverage"]["members"], 2);
  EXPECT_EQ(x["coverage"]["collaborators"], 1);
  EXPECT_EQ(x["coverage"]["teams_with_violations"], 3);

  // Below the commune: the villages alone; the commune-level team is nobody's child.
  const json villages = Page(c, Children(p.chain.commune));
  ASSERT_EQ(villages["total"], 3);
  std::int64_t violations = 0;
  for (const json& v : villages["items"]) {
    violations += v["coverage"]["teams_with_violations"].get<std::int64_t>();
    EXPECT_EQ(v["coverage"]["villages"], 1);
  }
  EXPECT_EQ(violations, 2);
}

TEST(Children, PagedAsLists) {
  const HttpClient c = AdminClient();
  const Places p = MakePlaces(c);
  const json all = Page(c, Children(p.chain.commune));
  const json second = Page(c, Children(p.chain.commune) + "?limit=1&offset=1");
  EXPECT_EQ(second["total"], 3);
  ASSERT_EQ(second["items"].size(), 1U);
  EXPECT_EQ(second["items"][0], all["items"][1]);
  EXPECT_TRUE(IsError(c.Get(Children(p.chain.commune) + "?limit=0"), 400, "bad_query"));
  EXPECT_TRUE(IsError(c.Get("/api/v1/units/987654321/children"), 404));
  EXPECT_EQ(Page(c, Children(p.v1))["total"], 0) << "a village has no children";
}

TEST(Children, ACommuneOfficerSeesOnlyHisUnits) {
  const HttpClient admin = AdminClient();
  const Places p = MakePlaces(admin);
  const HttpClient officer = SignedInAs(admin, "commune_officer", "unit_id", IdOf(p.chain.commune));
  ExpectSameAsOneByOne(officer, p.chain.commune);
  EXPECT_EQ(Page(officer, Children(p.chain.commune))["total"], 3);
  EXPECT_TRUE(IsError(officer.Get(Children(p.chain.district)), 403));
  EXPECT_TRUE(IsError(officer.Get(Children(p.commune2)), 403));
  EXPECT_TRUE(IsError(SharedServer().Client().Get(Children(p.chain.commune)), 401));
}

}  // namespace
}  // namespace cnscd_test
