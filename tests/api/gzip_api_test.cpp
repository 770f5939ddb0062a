// JSON answers gzipped for clients that send Accept-Encoding: gzip (issue 15 step 5); the same
// bytes, once inflated, as a client that does not ask gets.
#include <gtest/gtest.h>

#include <string>

#include "gunzip.hpp"
#include "http_client.hpp"
#include "places.hpp"
#include "server_process.hpp"

namespace cnscd_test {
namespace {

HttpResponse GetWith(const HttpClient& c, const std::string& path, const std::string& encoding) {
  HttpRequest r{.path = path};
  if (!encoding.empty()) r.headers.push_back("Accept-Encoding: " + encoding);
  return c.Send(r);
}

TEST(Gzip, ALargeJsonAnswerIsGzippedForAClientThatAcceptsIt) {
  const HttpClient c = AdminClient();
  const std::string label = "Nén " + UniqueSuffix();
  const json commune = MakeChain(c, "Tỉnh " + label, "Huyện " + label, "Xã " + label).commune;
  for (int i = 1; i <= 12; ++i)
    MakeVillage(c, "Thôn " + std::to_string(i) + " " + label, IdOf(commune));
  const std::string path = "/api/v1/units?parent=" + Id(IdOf(commune));

  const HttpResponse plain = GetWith(c, path, "");  // the test client asks for no encoding
  ASSERT_TRUE(HasStatus(plain, 200));
  ASSERT_GE(plain.body.size(), 1024U) << "the answer should be large enough to compress";
  EXPECT_EQ(plain.Header("Content-Encoding"), "");
  EXPECT_EQ(plain.Header("Vary"), "Accept-Encoding");
  EXPECT_FALSE(plain.Json().is_discarded());

  for (const char* accept : {"gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8"}) {
    SCOPED_TRACE(accept);
    const HttpResponse gz = GetWith(c, path, accept);
    ASSERT_TRUE(HasStatus(gz, 200));
    EXPECT_EQ(gz.Header("Content-Encoding"), "gzip");
    EXPECT_EQ(gz.Header("Vary"), "Accept-Encoding");
    EXPECT_EQ(gz.Header("Content-Type"), plain.Header("Content-Type"));
    EXPECT_LT(gz.body.size(), plain.body.size());
    EXPECT_EQ(Gunzip(gz.body), plain.body);
  }

  const HttpResponse refused = GetWith(c, path, "gzip;q=0");
  EXPECT_EQ(refused.Header("Content-Encoding"), "");
  EXPECT_EQ(refused.body, plain.body);
}

TEST(Gzip, SmallAnswersGoAsTheyAre) {
  const HttpResponse health = GetWith(SharedServer().Client(), "/api/v1/health", "gzip");
  ASSERT_TRUE(HasStatus(health, 200));
  EXPECT_EQ(health.Header("Content-Encoding"), "");
  EXPECT_EQ(health.Json()["status"], "ok");
}

}  // namespace
}  // namespace cnscd_test
