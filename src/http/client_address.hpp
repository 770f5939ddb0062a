#pragma once
// Which address a request comes from. Behind nginx every TCP peer is nginx, so the login
// throttle would count every client together; the proxy's X-Real-IP is believed only when the
// peer is one of the proxies the operator named (`cnscd serve --trusted-proxy ADDR`), never from
// anyone else, who could write any address there.
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::http {

// `peer` itself, unless it is in `trusted_proxies` and `real_ip` is one well-formed IPv4 or IPv6
// address: then `real_ip` (normalised). An address in `trusted_proxies` is compared after
// normalisation too ("::ffff:127.0.0.1" and "127.0.0.1" are one).
std::string ClientAddress(std::string_view peer, std::string_view real_ip,
                          const std::vector<std::string>& trusted_proxies);

// The address normalised, or "" when `text` is not one IP address.
std::string NormalIp(std::string_view text);

}  // namespace cnscd::http
