// API.md "Administrative units" and "Composition policy"; DOMAIN.md §2 (both shapes of the tree,
// GSO codes, population figures).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

std::vector<std::string> Names(const json& list) {
  std::vector<std::string> names;
  for (const json& item : list.at("items")) names.push_back(item.value("name", ""));
  return names;
}

bool ContainsId(const json& list, std::int64_t id) {
  for (const json& item : list.at("items")) {
    if (item.contains("id") && item["id"] == id) return true;
  }
  return false;
}

json ListOk(const HttpClient& c, const std::string& path) {
  const HttpResponse r = c.Get(path);
  EXPECT_TRUE(HasStatus(r, 200)) << path;
  json j = r.Json();
  if (!j.is_object() || !j.contains("items") || !j["items"].is_array() || !j.contains("total")) {
    ADD_FAILURE() << path << " is not {\"items\": [...], \"total\": N}: " << r.Describe();
    return json{{"items", json::array()}, {"total", -1}};
  }
  return j;
}

// --- creating units ---------------------------------------------------------------------------

TEST(Units, CreatingTheSocTrangProvinceReturnsTheUnit) {
  const HttpClient c = AdminClient();
  const HttpResponse r = c.Post(
      "/api/v1/units",
      {{"name", "Tỉnh Sóc Trăng"}, {"kind", "province"}, {"subkind", "tỉnh"}, {"code", "94"}});
  ASSERT_TRUE(HasStatus(r, 201));
  json u = r.Json();
  EXPECT_TRUE(u.contains("id") && u["id"].is_number_integer()) << r.body;
  EXPECT_EQ(u.value("code", ""), "94");
  EXPECT_EQ(u.value("name", ""), "Tỉnh Sóc Trăng");
  EXPECT_EQ(u.value("kind", ""), "province");
  EXPECT_EQ(u.value("subkind", ""), "tỉnh");
  EXPECT_TRUE(u.contains("parent_id") && u["parent_id"].is_null()) << r.body;
}

TEST(Units, GsoCodesHaveTwoThreeOrFiveDigitsByKind) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Mã Số " + UniqueSuffix());
  json d = MakeDistrict(c, "Huyện Mã Số", IdOf(p));
  const std::int64_t provinces_before =
      ListOk(c, "/api/v1/units?kind=province&limit=1000")["total"];

  for (const char* bad : {"9", "123", "ab", "9a"}) {
    SCOPED_TRACE(bad);
    const HttpResponse r =
        c.Post("/api/v1/units",
               {{"name", "Tỉnh Sai Mã"}, {"kind", "province"}, {"subkind", "tỉnh"}, {"code", bad}});
    EXPECT_TRUE(IsError(r, 422, "", "code"));
  }
  for (const char* bad : {"12", "1234", "abc"}) {
    SCOPED_TRACE(bad);
    const HttpResponse r = c.Post("/api/v1/units", {{"name", "Huyện Sai Mã"},
                                                    {"kind", "district"},
                                                    {"subkind", "huyện"},
                                                    {"parent_id", IdOf(p)},
                                                    {"code", bad}});
    EXPECT_TRUE(IsError(r, 422, "", "code"));
  }
  for (const char* bad : {"1234", "123456", "12a45"}) {
    SCOPED_TRACE(bad);
    const HttpResponse r = c.Post("/api/v1/units", {{"name", "Xã Sai Mã"},
                                                    {"kind", "commune"},
                                                    {"subkind", "xã"},
                                                    {"parent_id", IdOf(d)},
                                                    {"code", bad}});
    EXPECT_TRUE(IsError(r, 422, "", "code"));
  }
  EXPECT_EQ(ChildCount(c, IdOf(p)), 1) << "a refused unit was written";
  EXPECT_EQ(ChildCount(c, IdOf(d)), 0) << "a refused unit was written";
  EXPECT_EQ(ListOk(c, "/api/v1/units?kind=province&limit=1000")["total"], provinces_before);
}

TEST(Units, AVillageCodeIsFreeTextUpToTwentyCharacters) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Mã Ấp " + UniqueSuffix());
  json x = MakeCommune(c, "Xã Mã Ấp", IdOf(p));

  const HttpResponse ok = c.Post("/api/v1/units", {{"name", "Ấp Mỹ Phước"},
                                                   {"kind", "village"},
                                                   {"subkind", "ấp"},
                                                   {"parent_id", IdOf(x)},
                                                   {"code", "MP-01 ấp"}});
  ASSERT_TRUE(HasStatus(ok, 201));
  EXPECT_EQ(ok.Json().value("code", ""), "MP-01 ấp");

  const HttpResponse twenty = c.Post("/api/v1/units", {{"name", "Ấp Hai Mươi"},
                                                       {"kind", "village"},
                                                       {"subkind", "ấp"},
                                                       {"parent_id", IdOf(x)},
                                                       {"code", std::string(20, 'a')}});
  EXPECT_TRUE(HasStatus(twenty, 201));

  const HttpResponse too_long = c.Post("/api/v1/units", {{"name", "Ấp Mã Dài"},
                                                         {"kind", "village"},
                                                         {"subkind", "ấp"},
                                                         {"parent_id", IdOf(x)},
                                                         {"code", std::string(21, 'a')}});
  EXPECT_TRUE(IsError(too_long, 422, "", "code"));
  EXPECT_EQ(ChildCount(c, IdOf(x)), 2);
}

TEST(Units, ADuplicateCodeForTheSameKindIsAConflict) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Trùng Mã " + UniqueSuffix());
  const HttpResponse again =
      c.Post("/api/v1/units", {{"name", "Tỉnh Trùng Mã Khác " + UniqueSuffix()},
                               {"kind", "province"},
                               {"subkind", "tỉnh"},
                               {"code", p.value("code", "")}});
  EXPECT_TRUE(IsError(again, 409, "duplicate_code"));

  json x = MakeCommune(c, "Xã Trùng Mã", IdOf(p));
  const HttpResponse commune_again = c.Post("/api/v1/units", {{"name", "Xã Trùng Mã Khác"},
                                                              {"kind", "commune"},
                                                              {"subkind", "xã"},
                                                              {"parent_id", IdOf(p)},
                                                              {"code", x.value("code", "")}});
  EXPECT_TRUE(IsError(commune_again, 409, "duplicate_code"));
  EXPECT_EQ(ChildCount(c, IdOf(p)), 1) << "a refused unit was written";
}

TEST(Units, BothShapesOfTheTreeAreAccepted) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Hai Dạng " + UniqueSuffix());
  // Three levels (until 2025): province → district → commune → village.
  json d = MakeDistrict(c, "Huyện Kế Sách", IdOf(p));
  EXPECT_EQ(d["parent_id"], IdOf(p));
  json x3 = MakeCommune(c, "Xã Nhơn Mỹ", IdOf(d));
  EXPECT_EQ(x3["parent_id"], IdOf(d));
  json v3 = MakeVillage(c, "Ấp Mỹ Phước", IdOf(x3));
  EXPECT_EQ(v3["parent_id"], IdOf(x3));
  // Two levels (from 1 July 2025): province → commune → village.
  json x2 = MakeCommune(c, "Xã Quảng Sơn", IdOf(p));
  EXPECT_EQ(x2["parent_id"], IdOf(p));
  json v2 = CreateUnit(c, "Thôn Quảng Hòa", "village", "thôn", IdOf(x2), std::nullopt);
  EXPECT_EQ(v2["parent_id"], IdOf(x2));
  EXPECT_EQ(ChildCount(c, IdOf(p)), 2);
}

TEST(Units, AVillageDirectlyUnderAProvinceIsAnInvalidParent) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Ấp Sai Chỗ " + UniqueSuffix());
  const HttpResponse r =
      c.Post("/api/v1/units",
             {{"name", "Ấp Lạc"}, {"kind", "village"}, {"subkind", "ấp"}, {"parent_id", IdOf(p)}});
  EXPECT_TRUE(IsError(r, 422, "invalid_parent", "parent_id"));
  EXPECT_EQ(ChildCount(c, IdOf(p)), 0) << "a refused unit was written";
}

TEST(Units, OtherMisplacedUnitsAreRefused) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Sai Chỗ " + UniqueSuffix());
  json x = MakeCommune(c, "Xã Sai Chỗ", IdOf(p));
  json v = MakeVillage(c, "Ấp Sai Chỗ", IdOf(x));

  const HttpResponse orphan_district = c.Post("/api/v1/units", {{"name", "Huyện Mồ Côi"},
                                                                {"kind", "district"},
                                                                {"subkind", "huyện"},
                                                                {"code", UniqueDistrictCode()}});
  EXPECT_TRUE(IsError(orphan_district, 422));

  const HttpResponse province_with_parent =
      c.Post("/api/v1/units", {{"name", "Tỉnh Con"},
                               {"kind", "province"},
                               {"subkind", "tỉnh"},
                               {"parent_id", IdOf(p)},
                               {"code", UniqueProvinceCode()}});
  EXPECT_TRUE(IsError(province_with_parent, 422));

  const HttpResponse district_under_commune =
      c.Post("/api/v1/units", {{"name", "Huyện Dưới Xã"},
                               {"kind", "district"},
                               {"subkind", "huyện"},
                               {"parent_id", IdOf(x)},
                               {"code", UniqueDistrictCode()}});
  EXPECT_TRUE(IsError(district_under_commune, 422, "invalid_parent", "parent_id"));

  const HttpResponse commune_under_village =
      c.Post("/api/v1/units", {{"name", "Xã Dưới Ấp"},
                               {"kind", "commune"},
                               {"subkind", "xã"},
                               {"parent_id", IdOf(v)},
                               {"code", UniqueCommuneCode()}});
  EXPECT_TRUE(IsError(commune_under_village, 422, "invalid_parent", "parent_id"));

  EXPECT_EQ(ChildCount(c, IdOf(p)), 1);
  EXPECT_EQ(ChildCount(c, IdOf(x)), 1);
  EXPECT_EQ(ChildCount(c, IdOf(v)), 0);
}

TEST(Units, VillagesOfOneCommuneNeverShareAName) {
  const HttpClient c = AdminClient();
  const json province = MakeProvince(c, "Tỉnh Trùng Tên " + UniqueSuffix());
  const json commune = MakeCommune(c, "Xã Cam Tuyền", IdOf(province));
  const json first = MakeVillage(c, "Thôn 1", IdOf(commune));
  // Case, diacritics and the type word aside, these are all "Thôn 1".
  for (const char* name : {"thôn 1", "THON 1", "Thôn  1", "Ấp 1", "1"}) {
    const HttpResponse r = c.Post(
        "/api/v1/units", {{"name", name}, {"kind", "village"}, {"parent_id", IdOf(commune)}});
    EXPECT_TRUE(IsError(r, 409, "name_in_use", "name")) << name << ": " << r.Describe();
    if (r.status == 409) {
      const json e = r.Json()["error"];
      EXPECT_NE(e["message"].get<std::string>().find("Thôn 1"), std::string::npos) << r.body;
      EXPECT_NE(e["message_en"].get<std::string>().find("Thôn 1"), std::string::npos) << r.body;
    }
  }
  // Nothing was written: the commune still has one village.
  EXPECT_EQ(c.Get("/api/v1/units?parent=" + Id(IdOf(commune))).Json()["total"], 1);
  // Another name, or the same name in another commune, is free.
  EXPECT_TRUE(
      HasStatus(c.Post("/api/v1/units",
                       {{"name", "Thôn 1A"}, {"kind", "village"}, {"parent_id", IdOf(commune)}}),
                201));
  const json other = MakeCommune(c, "Xã Cam Thành", IdOf(province));
  EXPECT_TRUE(
      HasStatus(c.Post("/api/v1/units",
                       {{"name", "Thôn 1"}, {"kind", "village"}, {"parent_id", IdOf(other)}}),
                201));
  EXPECT_TRUE(IdOf(first) > 0);
}

TEST(Units, AnUnknownParentIsNotFound) {
  const HttpClient c = AdminClient();
  const HttpResponse r = c.Post("/api/v1/units", {{"name", "Xã Không Cha"},
                                                  {"kind", "commune"},
                                                  {"subkind", "xã"},
                                                  {"parent_id", 987654321},
                                                  {"code", UniqueCommuneCode()}});
  EXPECT_TRUE(IsError(r, 404, "", "parent_id"));
}

TEST(Units, AnEmptyOrBlankNameIsRefused) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Tên Trống " + UniqueSuffix());
  for (const char* name : {"", "   ", " \t \n "}) {
    SCOPED_TRACE(std::string("name \"") + name + "\"");
    const HttpResponse r = c.Post("/api/v1/units", {{"name", name},
                                                    {"kind", "commune"},
                                                    {"subkind", "xã"},
                                                    {"parent_id", IdOf(p)},
                                                    {"code", UniqueCommuneCode()}});
    EXPECT_TRUE(IsError(r, 422, "empty_name", "name"));
  }
  EXPECT_EQ(ChildCount(c, IdOf(p)), 0) << "a refused unit was written";
}

TEST(Units, AnUnknownKindIsRefused) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Loại Lạ " + UniqueSuffix());
  const HttpResponse r = c.Post(
      "/api/v1/units",
      {{"name", "Vùng Lạ"}, {"kind", "region"}, {"subkind", "vùng"}, {"parent_id", IdOf(p)}});
  EXPECT_TRUE(IsError(r, 422, "", "kind"));
  EXPECT_EQ(ChildCount(c, IdOf(p)), 0);
}

TEST(Units, NamesAreStoredInNfc) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Chuẩn Hóa " + UniqueSuffix());
  // "Xã" written decomposed: "a" followed by U+0303 COMBINING TILDE.
  const std::string nfd = "Xa\u0303 Nhơn Mỹ";
  const std::string nfc = "X\u00e3 Nhơn Mỹ";
  ASSERT_NE(nfd, nfc);
  json x = CreateUnit(c, nfd, "commune", "xã", IdOf(p), UniqueCommuneCode());
  EXPECT_EQ(x.value("name", ""), nfc);
  const HttpResponse r = c.Get("/api/v1/units/" + Id(IdOf(x)));
  ASSERT_TRUE(HasStatus(r, 200));
  EXPECT_EQ(r.Json().value("name", ""), nfc);
}

// --- listing and search -----------------------------------------------------------------------

TEST(UnitLists, ChildrenAreListedByParent) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Danh Sách " + UniqueSuffix());
  json d1 = MakeDistrict(c, "Huyện Châu Thành", IdOf(p));
  json d2 = MakeDistrict(c, "Huyện Kế Sách", IdOf(p));
  MakeCommune(c, "Xã Phú Tâm", IdOf(d1));

  json list = ListOk(c, "/api/v1/units?parent=" + Id(IdOf(p)));
  EXPECT_EQ(list["total"], 2);
  ASSERT_EQ(list["items"].size(), 2u) << list.dump();
  EXPECT_TRUE(ContainsId(list, IdOf(d1)));
  EXPECT_TRUE(ContainsId(list, IdOf(d2)));
  for (json& item : list["items"]) {
    for (const char* key : {"id", "code", "name", "kind", "subkind", "parent_id"}) {
      EXPECT_TRUE(item.contains(key)) << "list item lacks \"" << key << "\": " << item.dump();
    }
    EXPECT_EQ(item["parent_id"], IdOf(p));
  }
}

TEST(UnitLists, KindFiltersTheList) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Lọc Loại " + UniqueSuffix());
  MakeDistrict(c, "Huyện Lọc", IdOf(p));
  json x = MakeCommune(c, "Xã Lọc", IdOf(p));

  json under = ListOk(c, "/api/v1/units?parent=" + Id(IdOf(p)) + "&kind=commune");
  EXPECT_EQ(under["total"], 1);
  ASSERT_EQ(under["items"].size(), 1u) << under.dump();
  EXPECT_EQ(under["items"][0]["id"], IdOf(x));

  json all = ListOk(c, "/api/v1/units?kind=commune&limit=1000");
  EXPECT_TRUE(ContainsId(all, IdOf(x)));
  for (json& item : all["items"]) EXPECT_EQ(item.value("kind", ""), "commune");
}

TEST(UnitLists, SearchIgnoresCaseAndDiacritics) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Tìm Kiếm " + UniqueSuffix());
  json d =
      CreateUnit(c, "Thành phố Đà Lạt", "district", "thành phố", IdOf(p), UniqueDistrictCode());
  json x = MakeCommune(c, "Xã Nhơn Mỹ", IdOf(d));
  json other = MakeCommune(c, "Xã Phú Hữu", IdOf(d));

  // Without `parent`, q searches every unit.
  json nhon_my = ListOk(c, "/api/v1/units?q=nhon%20my&limit=1000");
  EXPECT_TRUE(ContainsId(nhon_my, IdOf(x))) << nhon_my.dump();
  EXPECT_FALSE(ContainsId(nhon_my, IdOf(other)));
  json da_lat = ListOk(c, "/api/v1/units?q=da%20lat&limit=1000");
  EXPECT_TRUE(ContainsId(da_lat, IdOf(d))) << da_lat.dump();
  json upper = ListOk(c, "/api/v1/units?q=NHON%20MY&limit=1000");
  EXPECT_TRUE(ContainsId(upper, IdOf(x))) << upper.dump();
  json with_marks = ListOk(c, "/api/v1/units?q=nh%C6%A1n%20m%E1%BB%B9&limit=1000");  // nhơn mỹ
  EXPECT_TRUE(ContainsId(with_marks, IdOf(x))) << with_marks.dump();

  // With `parent`, only that parent's children.
  json under = ListOk(c, "/api/v1/units?parent=" + Id(IdOf(d)) + "&q=nhon%20my");
  EXPECT_EQ(under["total"], 1);
  EXPECT_TRUE(ContainsId(under, IdOf(x)));
}

TEST(UnitLists, LimitAndOffsetPageTheListAndTotalCountsEverything) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Phân Trang " + UniqueSuffix());
  for (const char* name : {"Xã An Mỹ", "Xã Bình Mỹ", "Xã Cát Mỹ"}) MakeCommune(c, name, IdOf(p));

  json all = ListOk(c, "/api/v1/units?parent=" + Id(IdOf(p)));
  ASSERT_EQ(all["items"].size(), 3u) << all.dump();
  json page = ListOk(c, "/api/v1/units?parent=" + Id(IdOf(p)) + "&limit=1&offset=1");
  EXPECT_EQ(page["total"], 3);
  ASSERT_EQ(page["items"].size(), 1u) << page.dump();
  EXPECT_EQ(page["items"][0]["id"], all["items"][1]["id"]);

  json past_end = ListOk(c, "/api/v1/units?parent=" + Id(IdOf(p)) + "&offset=10");
  EXPECT_EQ(past_end["total"], 3);
  EXPECT_TRUE(past_end["items"].empty());

  EXPECT_TRUE(HasStatus(c.Get("/api/v1/units?limit=1000"), 200));
}

TEST(UnitLists, ALimitOutsideOneToAThousandIsABadQuery) {
  const HttpClient c = AdminClient();
  for (const char* limit : {"1001", "0", "-1", "abc", "10x"}) {
    SCOPED_TRACE(std::string("limit=") + limit);
    EXPECT_TRUE(
        IsError(c.Get(std::string("/api/v1/units?limit=") + limit), 400, "bad_query", "limit"));
  }
}

TEST(UnitLists, VillagesSortInVietnameseOrder) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Thứ Tự " + UniqueSuffix());
  json x = MakeCommune(c, "Xã Thứ Tự", IdOf(p));
  // "Ấp An" and "Ấp Ăn" would be one name (villages of a commune never share one, diacritics
  // aside); "Ăn Quả" still sorts after "An Thạnh", as ă comes after a.
  for (const char* name : {"Ấp Bàu", "Ấp Ăn Quả", "Ấp An Thạnh", "Ấp Đông", "Ấp Dương"}) {
    MakeVillage(c, name, IdOf(x));
  }
  json list = ListOk(c, "/api/v1/units?parent=" + Id(IdOf(x)));
  EXPECT_EQ(Names(list), (std::vector<std::string>{"Ấp An Thạnh", "Ấp Ăn Quả", "Ấp Bàu", "Ấp Dương",
                                                   "Ấp Đông"}));
}

TEST(UnitLists, NumbersInNamesSortByValue) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Số Thứ Tự " + UniqueSuffix());
  json d =
      CreateUnit(c, "Thành phố Sóc Trăng", "district", "thành phố", IdOf(p), UniqueDistrictCode());
  for (const char* name : {"Phường 10", "Phường 2", "Phường 1"}) {
    CreateUnit(c, name, "commune", "phường", IdOf(d), UniqueCommuneCode());
  }
  json list = ListOk(c, "/api/v1/units?parent=" + Id(IdOf(d)));
  EXPECT_EQ(Names(list), (std::vector<std::string>{"Phường 1", "Phường 2", "Phường 10"}));
}

// --- one unit ---------------------------------------------------------------------------------

TEST(OneUnit, AUnitShowsItsPathFromTheProvinceAndItsChildCount) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Đường Dẫn " + UniqueSuffix());
  json d = MakeDistrict(c, "Huyện Kế Sách", IdOf(p));
  json x = MakeCommune(c, "Xã Nhơn Mỹ", IdOf(d));
  json v = MakeVillage(c, "Ấp Mỹ Phước", IdOf(x));
  MakeVillage(c, "Ấp Mỹ Hội", IdOf(x));

  const HttpResponse r = c.Get("/api/v1/units/" + Id(IdOf(v)));
  ASSERT_TRUE(HasStatus(r, 200));
  json u = r.Json();
  EXPECT_EQ(u.value("name", ""), "Ấp Mỹ Phước");
  EXPECT_EQ(u.value("kind", ""), "village");
  EXPECT_EQ(u["parent_id"], IdOf(x));
  ASSERT_TRUE(u.contains("path") && u["path"].is_array()) << r.body;
  json expected = json::array({
      {{"id", IdOf(p)}, {"name", p["name"]}, {"kind", "province"}},
      {{"id", IdOf(d)}, {"name", "Huyện Kế Sách"}, {"kind", "district"}},
      {{"id", IdOf(x)}, {"name", "Xã Nhơn Mỹ"}, {"kind", "commune"}},
      {{"id", IdOf(v)}, {"name", "Ấp Mỹ Phước"}, {"kind", "village"}},
  });
  ASSERT_EQ(u["path"].size(), expected.size()) << r.body;
  for (size_t i = 0; i < expected.size(); ++i) {
    for (const char* key : {"id", "name", "kind"}) {
      EXPECT_EQ(u["path"][i].value(key, json()), expected[i][key]) << "path[" << i << "]." << key;
    }
  }
  EXPECT_EQ(u["children"], 0);

  const HttpResponse commune = c.Get("/api/v1/units/" + Id(IdOf(x)));
  ASSERT_TRUE(HasStatus(commune, 200));
  EXPECT_EQ(commune.Json()["children"], 2);
  EXPECT_EQ(commune.Json()["path"].size(), 3u);
}

TEST(OneUnit, AnUnknownUnitIsNotFound) {
  const HttpClient c = AdminClient();
  EXPECT_TRUE(IsError(c.Get("/api/v1/units/987654321"), 404));
}

TEST(OneUnit, ANonNumericUnitIdIsRefused) {
  const HttpClient c = AdminClient();
  EXPECT_TRUE(IsErrorIn(c.Get("/api/v1/units/abc"), {400, 404}));
  EXPECT_TRUE(IsErrorIn(c.Get("/api/v1/units/12abc"), {400, 404}));
  EXPECT_TRUE(IsErrorIn(c.Get("/api/v1/units/99999999999999999999999"), {400, 404}));
}

// --- population -------------------------------------------------------------------------------

const char* const kFigures[] = {"age14plus",  "age15plus",           "age18plus", "working_age",
                                "households", "business_households", "businesses"};

TEST(Population, AnySubsetOfFiguresIsStoredAndTheRestAreNull) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Dân Số " + UniqueSuffix());
  json x = MakeCommune(c, "Xã Quảng Sơn", IdOf(p));
  const std::string path = "/api/v1/units/" + Id(IdOf(x)) + "/population";

  const HttpResponse r = c.Put(path, {{"year", 2025}, {"age14plus", 1200}, {"households", 310}});
  ASSERT_TRUE(HasStatus(r, 200));
  json j = r.Json();
  EXPECT_EQ(j["unit_id"], IdOf(x));
  EXPECT_EQ(j["year"], 2025);
  EXPECT_EQ(j["age14plus"], 1200);
  EXPECT_EQ(j["households"], 310);
  for (const char* key : kFigures) {
    EXPECT_TRUE(j.contains(key)) << "missing figure \"" << key << "\": " << r.body;
  }
  for (const char* key :
       {"age15plus", "age18plus", "working_age", "business_households", "businesses"}) {
    EXPECT_TRUE(j.contains(key) && j[key].is_null()) << key << " should be null: " << r.body;
  }

  ASSERT_TRUE(HasStatus(c.Put(path, {{"year", 2024}, {"businesses", 42}}), 200));
  const HttpResponse list = c.Get(path);
  ASSERT_TRUE(HasStatus(list, 200));
  json l = list.Json();
  EXPECT_EQ(l["total"], 2);
  ASSERT_TRUE(l.contains("items") && l["items"].is_array()) << list.body;
  bool found_2025 = false;
  for (json& item : l["items"]) {
    if (item.value("year", 0) == 2025) {
      found_2025 = true;
      EXPECT_EQ(item["age14plus"], 1200);
      EXPECT_EQ(item["households"], 310);
    }
  }
  EXPECT_TRUE(found_2025) << list.body;
}

TEST(Population, ANegativeFigureIsRefusedAndNothingIsWritten) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Dân Số Âm " + UniqueSuffix());
  const std::string path = "/api/v1/units/" + Id(IdOf(p)) + "/population";
  EXPECT_TRUE(IsError(c.Put(path, {{"year", 2025}, {"age14plus", -5}}), 422, "", "age14plus"));
  EXPECT_TRUE(IsError(c.Put(path, {{"year", 2025}, {"households", 10}, {"businesses", -1}}), 422,
                      "", "businesses"));
  const HttpResponse list = c.Get(path);
  ASSERT_TRUE(HasStatus(list, 200));
  EXPECT_EQ(list.Json()["total"], 0) << list.body;
}

TEST(Population, AMissingYearIsRefused) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Thiếu Năm " + UniqueSuffix());
  const std::string path = "/api/v1/units/" + Id(IdOf(p)) + "/population";
  EXPECT_TRUE(IsError(c.Put(path, {{"age14plus", 100}}), 422, "", "year"));
  EXPECT_EQ(c.Get(path).Json()["total"], 0);
}

TEST(Population, AStringInsteadOfANumberIsRefused) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Chữ Số " + UniqueSuffix());
  const std::string path = "/api/v1/units/" + Id(IdOf(p)) + "/population";
  EXPECT_TRUE(IsErrorIn(c.Put(path, {{"year", 2025}, {"age14plus", "nhiều"}}), {400, 422}, "",
                        "age14plus"));
  EXPECT_TRUE(IsErrorIn(c.Put(path, {{"year", "2025"}, {"age14plus", 1}}), {400, 422}, "", "year"));
  EXPECT_EQ(c.Get(path).Json()["total"], 0);
}

TEST(Population, PopulationOfAnUnknownUnitIsNotFound) {
  const HttpClient c = AdminClient();
  EXPECT_TRUE(IsError(
      c.Put("/api/v1/units/987654321/population", {{"year", 2025}, {"age14plus", 1}}), 404));
}

// --- composition policy -----------------------------------------------------------------------

TEST(Policy, AProvincePolicyIsEffectiveInItsVillages) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Quảng Trị " + UniqueSuffix());
  json d = MakeDistrict(c, "Huyện Hải Lăng", IdOf(p));
  json x = MakeCommune(c, "Xã Hải Phú", IdOf(d));
  json v = CreateUnit(c, "Thôn Phú Hưng", "village", "thôn", IdOf(x), std::nullopt);

  const HttpResponse put = c.Put(
      "/api/v1/units/" + Id(IdOf(p)) + "/policy",
      {{"village", {{"min", 5}, {"max", 8}, {"require_leader", true}, {"require_deputy", true}}},
       {"commune", {{"min", 5}, {"max", 5}}}});
  ASSERT_TRUE(HasStatus(put, 200));

  const HttpResponse r = c.Get("/api/v1/units/" + Id(IdOf(v)) + "/policy");
  ASSERT_TRUE(HasStatus(r, 200));
  json j = r.Json();
  ASSERT_TRUE(j.contains("village") && j["village"].is_object()) << r.body;
  EXPECT_EQ(j["village"]["min"], 5);
  EXPECT_EQ(j["village"]["max"], 8);
  EXPECT_EQ(j["village"]["require_leader"], true);
  EXPECT_EQ(j["village"]["require_deputy"], true);
  EXPECT_EQ(j["village"]["strict"], false);
  EXPECT_EQ(j["village"]["source_unit_id"], IdOf(p));
  ASSERT_TRUE(j.contains("commune") && j["commune"].is_object()) << r.body;
  EXPECT_EQ(j["commune"]["min"], 5);
  EXPECT_EQ(j["commune"]["max"], 5);
  EXPECT_EQ(j["commune"]["source_unit_id"], IdOf(p));
}

TEST(Policy, TheNearestSettingWinsLevelByLevel) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Gần Nhất " + UniqueSuffix());
  json x = MakeCommune(c, "Xã Gần Nhất", IdOf(p));
  json v = MakeVillage(c, "Ấp Gần Nhất", IdOf(x));
  ASSERT_TRUE(HasStatus(
      c.Put("/api/v1/units/" + Id(IdOf(p)) + "/policy",
            {{"village", {{"min", 5}, {"max", 8}}}, {"commune", {{"min", 5}, {"max", 5}}}}),
      200));
  ASSERT_TRUE(HasStatus(
      c.Put("/api/v1/units/" + Id(IdOf(x)) + "/policy", {{"village", {{"min", 3}, {"max", 10}}}}),
      200));

  json j = c.Get("/api/v1/units/" + Id(IdOf(v)) + "/policy").Json();
  ASSERT_TRUE(j.is_object() && j["village"].is_object() && j["commune"].is_object()) << j.dump();
  EXPECT_EQ(j["village"]["min"], 3);
  EXPECT_EQ(j["village"]["max"], 10);
  EXPECT_EQ(j["village"]["source_unit_id"], IdOf(x));
  EXPECT_EQ(j["commune"]["min"], 5);
  EXPECT_EQ(j["commune"]["source_unit_id"], IdOf(p));

  // The province itself still sees its own village setting.
  json at_p = c.Get("/api/v1/units/" + Id(IdOf(p)) + "/policy").Json();
  EXPECT_EQ(at_p["village"]["max"], 8) << at_p.dump();
}

TEST(Policy, ALevelNobodySetsIsNull) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Không Chính Sách " + UniqueSuffix());
  json x = MakeCommune(c, "Xã Không Chính Sách", IdOf(p));

  json none = c.Get("/api/v1/units/" + Id(IdOf(x)) + "/policy").Json();
  ASSERT_TRUE(none.is_object()) << none.dump();
  EXPECT_TRUE(none.contains("village") && none["village"].is_null()) << none.dump();
  EXPECT_TRUE(none.contains("commune") && none["commune"].is_null()) << none.dump();

  ASSERT_TRUE(HasStatus(
      c.Put("/api/v1/units/" + Id(IdOf(p)) + "/policy", {{"village", {{"min", 1}, {"max", 10}}}}),
      200));
  json half = c.Get("/api/v1/units/" + Id(IdOf(x)) + "/policy").Json();
  EXPECT_TRUE(half["village"].is_object()) << half.dump();
  EXPECT_TRUE(half.contains("commune") && half["commune"].is_null()) << half.dump();
}

TEST(Policy, AMinimumAboveTheMaximumIsRefusedAndNothingIsWritten) {
  const HttpClient c = AdminClient();
  json p = MakeProvince(c, "Tỉnh Sai Giới Hạn " + UniqueSuffix());
  const std::string path = "/api/v1/units/" + Id(IdOf(p)) + "/policy";
  EXPECT_TRUE(IsError(
      c.Put(path, {{"village", {{"min", 9}, {"max", 8}}}, {"commune", {{"min", 5}, {"max", 5}}}}),
      422, "", "village.min"));
  json j = c.Get(path).Json();
  EXPECT_TRUE(j.is_object() && j["village"].is_null() && j["commune"].is_null())
      << "a refused policy was (partly) written: " << j.dump();
}

}  // namespace
}  // namespace cnscd_test
