#include "http/gzip.hpp"

#include <gtest/gtest.h>

#include <string>

#include "gunzip.hpp"

namespace cnscd::http {
namespace {

std::string Header(const Response& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return {};
}

// A JSON list of units, as repetitive as the API's answers are.
std::string UnitsJson(int n) {
  std::string out = R"({"items":[)";
  for (int i = 0; i < n; ++i) {
    out += (i ? "," : "") + std::string(R"({"id":)") + std::to_string(i) + R"(,"name":"Thôn )" +
           std::to_string(i) + R"(","kind":"village","subkind":"thôn"})";
  }
  return out + R"(],"total":)" + std::to_string(n) + "}";
}

Response Json(std::string body) {
  Response r;
  r.body = std::move(body);
  return r;
}

TEST(Gzip, RoundTripsAndShrinksJson) {
  const std::string json = UnitsJson(200);
  const std::string gz = Gzip(json);
  ASSERT_GE(gz.size(), 2U);
  EXPECT_EQ(static_cast<unsigned char>(gz[0]), 0x1f);  // the gzip magic number
  EXPECT_EQ(static_cast<unsigned char>(gz[1]), 0x8b);
  EXPECT_EQ(cnscd_test::Gunzip(gz), json);
  EXPECT_LT(gz.size() * 4, json.size());
  EXPECT_EQ(cnscd_test::Gunzip(Gzip("")), "");
}

TEST(Gzip, CompressesALargeJsonBodyForAClientThatAcceptsGzip) {
  const std::string json = UnitsJson(50);
  ASSERT_GE(json.size(), kGzipMinBytes);
  Response r = Json(json);
  CompressJson(r, true);
  EXPECT_EQ(Header(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(Header(r, "Vary"), "Accept-Encoding");
  EXPECT_EQ(cnscd_test::Gunzip(r.body), json);
}

TEST(Gzip, SaysItVariesButSendsPlainToAClientThatDoesNot) {
  const std::string json = UnitsJson(50);
  Response r = Json(json);
  CompressJson(r, false);
  EXPECT_EQ(r.body, json);
  EXPECT_EQ(Header(r, "Content-Encoding"), "");
  EXPECT_EQ(Header(r, "Vary"), "Accept-Encoding");
}

TEST(Gzip, LeavesSmallBodiesFilesAndOtherTypesAlone) {
  Response small = Json(R"({"status":"ok"})");
  CompressJson(small, true);
  EXPECT_EQ(small.body, R"({"status":"ok"})");
  EXPECT_TRUE(small.headers.empty());

  Response file = Json("");
  file.file = "/srv/web/assets/app.js";  // the pre-gzipped static files choose for themselves
  CompressJson(file, true);
  EXPECT_TRUE(file.headers.empty());

  Response html = Json(std::string(4 * kGzipMinBytes, 'x'));
  html.content_type = "text/html; charset=utf-8";
  CompressJson(html, true);
  EXPECT_EQ(html.body.size(), 4 * kGzipMinBytes);
  EXPECT_TRUE(html.headers.empty());
}

}  // namespace
}  // namespace cnscd::http
