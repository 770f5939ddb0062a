#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace cnscd::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test and process: ctest runs the tests of this fixture in parallel.
    root_ = fs::temp_directory_path() /
            ("cnscd-static-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<!doctype html><title>cnscd</title>";
    std::ofstream(root_ / "assets" / "app.js") << "console.log(1)";
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirTypes) {
  const Response js = ServeStatic(root_, "/assets/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.file, (root_ / "assets" / "app.js").string());
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(ServeStatic(root_, "/").file, (root_ / "index.html").string());
}

TEST_F(StaticFilesTest, RoutesOfTheAppGetIndexButMissingAssetsAre404) {
  EXPECT_EQ(ServeStatic(root_, "/units/12").file, (root_ / "index.html").string());
  EXPECT_EQ(ServeStatic(root_, "/assets/missing.js").status, 404);
}

TEST_F(StaticFilesTest, RefusesToClimbOutOfTheRoot) {
  for (const char* path : {"/../../etc/passwd", "/assets/../../x", "/..", "/a\\..\\b"}) {
    const Response r = ServeStatic(root_, path);
    EXPECT_EQ(r.status, 400) << path;
    EXPECT_TRUE(r.file.empty()) << path;
  }
}

// The build leaves app.js.gz beside app.js: a client that accepts gzip gets it, labelled so.
TEST_F(StaticFilesTest, SendsThePrecompressedFileToClientsThatAcceptGzip) {
  std::ofstream(root_ / "assets" / "app.js.gz") << "gzipped bytes";
  const Response gz = ServeStatic(root_, "/assets/app.js", true);
  EXPECT_EQ(gz.file, (root_ / "assets" / "app.js.gz").string());
  EXPECT_EQ(gz.content_type, "text/javascript; charset=utf-8");
  auto header = [](const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return std::string();
  };
  EXPECT_EQ(header(gz, "Content-Encoding"), "gzip");
  EXPECT_EQ(header(gz, "Vary"), "Accept-Encoding");
  const Response plain = ServeStatic(root_, "/assets/app.js", false);
  EXPECT_EQ(plain.file, (root_ / "assets" / "app.js").string());
  EXPECT_EQ(header(plain, "Content-Encoding"), "");
  EXPECT_EQ(header(plain, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header(ServeStatic(root_, "/", true), "Cache-Control"), "no-cache");
}

// With app.js.br too, a client that accepts brotli gets it; one that accepts only gzip, the .gz.
TEST_F(StaticFilesTest, PrefersBrotliWhereTheClientAcceptsIt) {
  std::ofstream(root_ / "assets" / "app.js.gz") << "gzipped bytes";
  std::ofstream(root_ / "assets" / "app.js.br") << "brotli bytes";
  const Response br = ServeStatic(root_, "/assets/app.js", true, true);
  EXPECT_EQ(br.file, (root_ / "assets" / "app.js.br").string());
  const bool labelled_br = std::ranges::any_of(
      br.headers, [](const auto& h) { return h.first == "Content-Encoding" && h.second == "br"; });
  EXPECT_TRUE(labelled_br);
  EXPECT_EQ(ServeStatic(root_, "/assets/app.js", true, false).file,
            (root_ / "assets" / "app.js.gz").string());
  EXPECT_EQ(ServeStatic(root_, "/assets/app.js", false, false).file,
            (root_ / "assets" / "app.js").string());
}

TEST(AcceptEncoding, AdmitsBrotliOnlyWhenNamed) {
  EXPECT_TRUE(AcceptsCoding("gzip, deflate, br, zstd", "br"));
  EXPECT_FALSE(AcceptsCoding("gzip, deflate", "br"));
  EXPECT_FALSE(AcceptsCoding("br;q=0, gzip", "br"));
}

TEST(AcceptEncoding, AdmitsGzipUnlessItIsRefused) {
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, gzip;q=0.8"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("identity"));
}

TEST(StaticFilesWithoutApp, ServesTheBuiltInPageAtTheRootOnly) {
  const Response home = ServeStatic("/nonexistent-web-root", "/");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("Tổ công nghệ số cộng đồng"), std::string::npos);
  EXPECT_EQ(ServeStatic("/nonexistent-web-root", "/index.html").status, 404);
}

}  // namespace
}  // namespace cnscd::http
