#include "http/request_log.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace cnscd::http {
namespace {

namespace fs = std::filesystem;

class RequestLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cnscd-request-log-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Read(const fs::path& file) const {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
};

TEST_F(RequestLogTest, WritesOneTabSeparatedLinePerRequest) {
  const fs::path file = dir_ / "requests.log";
  {
    const RequestLog log(file.string());
    log.Write("POST", "/api/v1/teams/{id}/members", 201, "Mozilla/5.0 HeadlessChrome/140");
    log.Write("GET", "", 404, "");
  }
  EXPECT_EQ(Read(file),
            "POST\t/api/v1/teams/{id}/members\t201\tMozilla/5.0 HeadlessChrome/140\n"
            "GET\t-\t404\t-\n");
}

// Several servers of one test run share a file: each appends, none truncates the others.
TEST_F(RequestLogTest, AppendsToWhatOtherProcessesWrote) {
  const fs::path file = dir_ / "requests.log";
  const RequestLog first(file.string());
  const RequestLog second(file.string());
  first.Write("GET", "/api/v1/health", 200, "node");
  second.Write("DELETE", "/api/v1/accounts/{id}/grants/{id}", 204, "node");
  first.Write("PUT", "/api/v1/units/{id}/policy", 422, "node");
  EXPECT_EQ(Read(file),
            "GET\t/api/v1/health\t200\tnode\n"
            "DELETE\t/api/v1/accounts/{id}/grants/{id}\t204\tnode\n"
            "PUT\t/api/v1/units/{id}/policy\t422\tnode\n");
}

// The user agent is the client's text: it can neither add a field nor start a line.
TEST_F(RequestLogTest, AUserAgentCannotSplitOrForgeALine) {
  const fs::path file = dir_ / "requests.log";
  const RequestLog log(file.string());
  log.Write("GET", "/api/v1/units", 200, "evil\tagent\nPOST\t/api/v1/units\t201");
  log.Write("GET", "/api/v1/units", 200, std::string(500, 'x'));
  EXPECT_EQ(Read(file),
            "GET\t/api/v1/units\t200\tevil agent POST /api/v1/units 201\n"
            "GET\t/api/v1/units\t200\t" +
                std::string(200, 'x') + "\n");
}

TEST_F(RequestLogTest, AFileThatCannotBeOpenedIsRefusedWithItsName) {
  const std::string file = (dir_ / "missing" / "requests.log").string();
  try {
    const RequestLog log(file);
    FAIL() << "opened " << file;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(file), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("request log"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cnscd::http
