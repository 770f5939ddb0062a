#pragma once
// The network server: carries HTTP to the Api and the web app's files. Only server.cpp includes
// RESTinio (it takes ~11 s to compile).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "http/api.hpp"

namespace cnscd::http {

struct ServerOptions {
  std::string host = "0.0.0.0";
  std::uint16_t port = 8080;
  int threads = 4;       // workers; SQLite's pool has one connection per worker
  std::string web_root;  // web/dist; empty or missing serves the built-in page
  // Proxies whose X-Real-IP names the client (client_address.hpp); empty: the TCP peer is.
  std::vector<std::string> trusted_proxies;
};

// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns.
// `on_ready` runs once the port is open. Throws if the port cannot be opened.
void Serve(const ServerOptions& options, Api& api, const std::function<void()>& on_ready);

}  // namespace cnscd::http
