#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace cnscd::http {
namespace {

const std::vector<std::string> kNginx{"127.0.0.1"};

TEST(ClientAddress, WithoutATrustedProxyThePeerIsTheClientWhateverItsHeaderSays) {
  EXPECT_EQ(ClientAddress("203.0.113.7", "198.51.100.1", {}), "203.0.113.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", {}), "127.0.0.1");
}

TEST(ClientAddress, BehindTheNamedProxyItsRealIpIsTheClient) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", kNginx), "198.51.100.1");
  EXPECT_EQ(ClientAddress("::ffff:127.0.0.1", "2001:db8::1", kNginx), "2001:db8::1");
}

TEST(ClientAddress, AnotherPeerCannotChooseItsAddressByWritingTheHeader) {
  EXPECT_EQ(ClientAddress("203.0.113.7", "198.51.100.1", kNginx), "203.0.113.7");
}

TEST(ClientAddress, AProxyHeaderThatIsNotOneAddressIsIgnored) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1, 10.0.0.1", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "evil", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "", kNginx), "127.0.0.1");
}

TEST(ClientAddress, NormalIpReadsOneAddressOrNothing) {
  EXPECT_EQ(NormalIp("::ffff:10.1.2.3"), "10.1.2.3");
  EXPECT_EQ(NormalIp("10.1.2.3 "), "");
  EXPECT_EQ(NormalIp("localhost"), "");
}

}  // namespace
}  // namespace cnscd::http
