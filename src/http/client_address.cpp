#include "http/client_address.hpp"

#include <asio/ip/address.hpp>
#include <system_error>

namespace cnscd::http {

std::string NormalIp(std::string_view text) {
  std::error_code ec;
  asio::ip::address a = asio::ip::make_address(std::string(text), ec);
  if (ec) return {};
  if (a.is_v6() && a.to_v6().is_v4_mapped()) {
    a = asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6());
  }
  return a.to_string();
}

std::string ClientAddress(std::string_view peer, std::string_view real_ip,
                          const std::vector<std::string>& trusted_proxies) {
  std::string from = NormalIp(peer);
  if (from.empty()) return std::string(peer);
  if (real_ip.empty()) return from;
  bool trusted = false;
  for (const std::string& p : trusted_proxies) trusted = trusted || NormalIp(p) == from;
  if (!trusted) return from;
  std::string client = NormalIp(real_ip);
  return client.empty() ? from : client;
}

}  // namespace cnscd::http
