// API.md conventions: "A user's mistake is never a 500, and a refused request writes nothing."
// Malformed, oversized and hostile requests; after each one the server still answers.
#include <gtest/gtest.h>

#include <string>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

void ExpectStillServing() {
  const HttpResponse r = SharedServer().Client().Get("/api/v1/health");
  EXPECT_TRUE(HasStatus(r, 200)) << "the server stopped answering";
}

// A province with one commune under it, for requests that try to add a second one.
struct Parent {
  json province;
  std::int64_t id = 0;
};

Parent MakeParent(const HttpClient& c, const std::string& label) {
  Parent p;
  p.province = MakeProvince(c, "Tỉnh " + label + " " + UniqueSuffix());
  p.id = IdOf(p.province);
  MakeCommune(c, "Xã Có Sẵn", p.id);
  return p;
}

// The body of a valid POST /units for a commune under `parent`, as text, with `name_json`
// spliced in verbatim as the value of "name".
std::string CommuneBodyWithRawName(std::int64_t parent, const std::string& name_json) {
  return R"({"name": )" + name_json + R"(, "kind": "commune", "subkind": "xã", "parent_id": )" +
         Id(parent) + R"(, "code": ")" + UniqueCommuneCode() + R"("})";
}

TEST(BadInput, MalformedJsonIsRefused) {
  const HttpClient c = AdminClient();
  Parent p = MakeParent(c, "JSON Hỏng");
  for (const std::string& body :
       {std::string(R"({"name": "Xã Hỏng", "kind": )"), std::string(R"({"name": 'Xã'})"),
        std::string("{\"name\": \"Xã\",}"), std::string("not json at all"),
        CommuneBodyWithRawName(p.id, R"x("Xã Thừa") trailing)x")}) {
    SCOPED_TRACE(body);
    EXPECT_TRUE(IsError(c.PostRaw("/api/v1/units", body), 400, "malformed_json"));
  }
  EXPECT_TRUE(IsErrorIn(c.PostRaw("/api/v1/units", ""), {400}));
  EXPECT_EQ(ChildCount(c, p.id), 1) << "a refused unit was written";
  ExpectStillServing();
}

TEST(BadInput, JsonThatIsNotAnObjectIsRefused) {
  const HttpClient c = AdminClient();
  Parent p = MakeParent(c, "Không Phải Đối Tượng");
  for (const char* body : {"[1, 2, 3]", "\"Xã\"", "42", "null", "true"}) {
    SCOPED_TRACE(body);
    EXPECT_TRUE(IsErrorIn(c.PostRaw("/api/v1/units", body), {400, 422}));
    EXPECT_TRUE(IsErrorIn(c.PostRaw("/api/v1/teams", body), {400, 422}));
  }
  EXPECT_EQ(ChildCount(c, p.id), 1);
  ExpectStillServing();
}

TEST(BadInput, AFieldOfTheWrongTypeIsRefusedAndNamed) {
  const HttpClient c = AdminClient();
  Parent p = MakeParent(c, "Sai Kiểu");
  for (const char* name : {"5", "true", "[\"Xã\"]", "{\"vi\": \"Xã\"}", "null"}) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(IsErrorIn(c.PostRaw("/api/v1/units", CommuneBodyWithRawName(p.id, name)),
                          {400, 422}, "", "name"));
  }
  const HttpResponse parent_as_text = c.Post("/api/v1/units", {{"name", "Xã Cha Chữ"},
                                                               {"kind", "commune"},
                                                               {"subkind", "xã"},
                                                               {"parent_id", "một"},
                                                               {"code", UniqueCommuneCode()}});
  EXPECT_TRUE(IsErrorIn(parent_as_text, {400, 422}, "", "parent_id"));
  const HttpResponse kind_as_number =
      c.Post("/api/v1/units",
             {{"name", "Xã Loại Số"}, {"kind", 3}, {"subkind", "xã"}, {"parent_id", p.id}});
  EXPECT_TRUE(IsErrorIn(kind_as_number, {400, 422}, "", "kind"));
  const HttpResponse unit_as_text =
      c.Post("/api/v1/teams", {{"unit_id", Id(p.id)}, {"level", "village"}});
  EXPECT_TRUE(IsErrorIn(unit_as_text, {400, 422}, "", "unit_id"));
  EXPECT_EQ(ChildCount(c, p.id), 1) << "a refused unit was written";
  ExpectStillServing();
}

TEST(BadInput, AFiftyMegabyteBodyIsTooLarge) {
  const HttpClient c = AdminClient();
  Parent p = MakeParent(c, "Quá Lớn");
  // A syntactically plausible unit whose name is 50 MB long.
  std::string body =
      R"({"kind": "commune", "subkind": "xã", "parent_id": )" + Id(p.id) + R"(, "name": ")";
  body.append(50u * 1024u * 1024u, 'a');
  body += "\"}";
  const HttpResponse r = c.Send(
      {.method = "POST", .path = "/api/v1/units", .body = std::move(body), .timeout_ms = 20000});
  EXPECT_TRUE(IsError(r, 413, "body_too_large"));
  ExpectStillServing();
  EXPECT_EQ(ChildCount(c, p.id), 1);
}

TEST(BadInput, APathWithDotDotNeverReachesAFile) {
  const HttpClient c = AdminClient();
  for (const char* path :
       {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/v1/../../etc/passwd",
        "/api/v1/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/api/v1/units/..%2f..%2f..%2fetc%2fpasswd",
        "/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd"}) {
    SCOPED_TRACE(path);
    const HttpResponse r = c.Send({.method = "GET", .path = path, .path_as_is = true});
    EXPECT_TRUE(IsErrorIn(r, {400, 404}));
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << "file contents leaked: " << r.body;
  }
  ExpectStillServing();
}

TEST(BadInput, InvalidUtf8InANameIsRefused) {
  const HttpClient c = AdminClient();
  Parent p = MakeParent(c, "UTF-8 Hỏng");
  for (const std::string& name : {std::string("\"X\xff\xfe Nh\xc6\""),  // stray bytes
                                  std::string("\"X\xc3\""),             // cut in the middle
                                  std::string("\"\xc0\xaf\""),          // overlong "/"
                                  std::string("\"\xed\xa0\x80\""),      // a UTF-16 surrogate
                                  std::string("\"\\ud800 X\"")}) {      // an escaped lone one
    SCOPED_TRACE(::testing::PrintToString(name));
    EXPECT_TRUE(
        IsErrorIn(c.PostRaw("/api/v1/units", CommuneBodyWithRawName(p.id, name)), {400, 422}));
  }
  EXPECT_EQ(ChildCount(c, p.id), 1) << "a refused unit was written";
  ExpectStillServing();
}

TEST(BadInput, DeeplyNestedJsonIsRefusedWithoutCrashing) {
  const HttpClient c = AdminClient();
  Parent p = MakeParent(c, "Lồng Sâu");
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_TRUE(IsErrorIn(c.PostRaw("/api/v1/units", deep), {400, 413, 422}));
  EXPECT_TRUE(
      IsErrorIn(c.PostRaw("/api/v1/units", CommuneBodyWithRawName(p.id, deep)), {400, 413, 422}));
  ExpectStillServing();
  EXPECT_EQ(ChildCount(c, p.id), 1);
}

TEST(BadInput, RefusedMemberAndTeamRequestsWriteNothing) {
  const HttpClient c = AdminClient();
  Parent p = MakeParent(c, "Tổ Hỏng");
  json x = MakeCommune(c, "Xã Tổ Hỏng", p.id);
  json v = MakeVillage(c, "Ấp Tổ Hỏng", IdOf(x));
  json team = MakeTeam(c, IdOf(v), "village");
  const std::string members = "/api/v1/teams/" + Id(IdOf(team)) + "/members";

  EXPECT_TRUE(
      IsError(c.PostRaw(members, R"({"person": {"full_name": "Võ)"), 400, "malformed_json"));
  EXPECT_TRUE(IsErrorIn(c.PostRaw(members, "[]"), {400, 422}));
  EXPECT_TRUE(IsErrorIn(c.Post(members, {{"person", "Võ Văn Tần"}, {"role", "member"}}), {400, 422},
                        "", "person"));
  EXPECT_TRUE(IsErrorIn(c.Post(members, {{"person", {{"full_name", 7}}}, {"role", "member"}}),
                        {400, 422}, "", "person.full_name"));
  EXPECT_TRUE(IsErrorIn(
      c.PostRaw(members, "{\"person\": {\"full_name\": \"V\xff\"}, \"role\": \"member\"}"),
      {400, 422}));
  EXPECT_EQ(GetTeam(c, IdOf(team))["members"].size(), 0u) << "a refused member was written";

  EXPECT_TRUE(IsError(c.PostRaw("/api/v1/teams", R"({"unit_id": )"), 400, "malformed_json"));
  const HttpResponse teams = c.Get("/api/v1/teams?unit=" + Id(IdOf(v)));
  ASSERT_TRUE(HasStatus(teams, 200));
  EXPECT_EQ(teams.Json()["total"], 1);

  EXPECT_TRUE(IsError(c.PutRaw("/api/v1/units/" + Id(IdOf(v)) + "/policy", "{\"village\": {"), 400,
                      "malformed_json"));
  EXPECT_TRUE(IsError(c.PutRaw("/api/v1/units/" + Id(IdOf(v)) + "/population", "{\"year\""), 400,
                      "malformed_json"));
  ExpectStillServing();
}

}  // namespace
}  // namespace cnscd_test
