// `cnscd serve --request-log FILE` (here through its env CNSCD_REQUEST_LOG): a line per API
// request with the matched route as the spec writes it, the status and the user agent; what the
// browser tests' write coverage check reads (tests/e2e/write-coverage.mjs).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "http_client.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kBrowser = "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/1";

std::string ReadFile(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RequestLog, NamesTheMatchedRouteItsStatusAndTheUserAgent) {
  const fs::path file =
      fs::temp_directory_path() / ("cnscd-request-log-" + std::to_string(::getpid()) + ".log");
  fs::remove(file);
  ::setenv("CNSCD_REQUEST_LOG", file.c_str(), 1);
  {
    ServerProcess server;
    ::unsetenv("CNSCD_REQUEST_LOG");
    const HttpClient admin(server.base_url(), server.Login());
    const json province = MakeProvince(admin, "Tỉnh Nhật Ký");
    ASSERT_TRUE(HasStatus(admin.Send({.method = "GET",
                                      .path = "/api/v1/units/" + Id(IdOf(province)),
                                      .headers = {std::string("User-Agent: ") + kBrowser}}),
                          200));
    ASSERT_TRUE(HasStatus(admin.Send({.method = "DELETE",
                                      .path = "/api/v1/teams/12/members/34",
                                      .token = "",
                                      .headers = {std::string("User-Agent: ") + kBrowser}}),
                          401));
    ASSERT_TRUE(HasStatus(admin.Send({.method = "GET", .path = "/api/v1/nowhere"}), 404));
    ASSERT_TRUE(HasStatus(admin.Send({.method = "PATCH", .path = "/api/v1/units"}), 405));
    EXPECT_TRUE(server.Stop().Clean()) << server.log();
  }
  const std::string log = ReadFile(file);
  fs::remove(file);
  const std::string browser = kBrowser;
  for (const std::string& line : std::vector<std::string>{
           "GET\t/api/v1/health\t200\t-\n", "POST\t/api/v1/auth/login\t200\t-\n",
           "POST\t/api/v1/units\t201\t-\n", "GET\t/api/v1/units/{id}\t200\t" + browser + "\n",
           "DELETE\t/api/v1/teams/{id}/members/{id}\t401\t" + browser + "\n", "GET\t-\t404\t-\n",
           "PATCH\t-\t405\t-\n"}) {
    EXPECT_NE(log.find(line), std::string::npos) << "no line " << line << "in:\n" << log;
  }
}

// A log that cannot be opened stops the server before it serves anything, saying why.
TEST(RequestLog, AFileThatCannotBeOpenedStopsTheServer) {
  ::setenv("CNSCD_REQUEST_LOG", "/nonexistent-folder/requests.log", 1);
  try {
    const ServerProcess server;
    ::unsetenv("CNSCD_REQUEST_LOG");
    FAIL() << "cnscd serve started with a request log it cannot write";
  } catch (const std::runtime_error& e) {
    ::unsetenv("CNSCD_REQUEST_LOG");
    EXPECT_NE(std::string(e.what()).find("cannot open the request log"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace cnscd_test
