#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace cnscd::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / "cnscd-static-test";
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

TEST(StaticFilesWithoutApp, ServesTheBuiltInPageAtTheRootOnly) {
  const Response home = ServeStatic("/nonexistent-web-root", "/");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("Tổ công nghệ số cộng đồng"), std::string::npos);
  EXPECT_EQ(ServeStatic("/nonexistent-web-root", "/index.html").status, 404);
}

}  // namespace
}  // namespace cnscd::http
