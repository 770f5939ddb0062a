#pragma once
// The JSON API as a function from Request to Response: authentication, routing, and the mapping
// of every refusal to its 4xx body. The network server (server.cpp) only carries bytes to it.
#include "app/context.hpp"
#include "http/request.hpp"
#include "http/request_log.hpp"
#include "http/router.hpp"

namespace cnscd::http {

// Largest JSON body accepted; a larger one is 413 body_too_large.
constexpr std::size_t kMaxJsonBody = 1 << 20;

class Api {
 public:
  // `log`, when given, gets a line for every request Handle answers; it must outlive the Api.
  explicit Api(app::Context& ctx, const RequestLog* log = nullptr);
  Response Handle(const Request& request);

 private:
  Response Answer(const Request& request, const Router::Match& match);
  Response Dispatch(const Request& request, const Router::Match& match);
  app::Context& ctx_;
  const RequestLog* log_;
  Router router_;
};

// Every route the API serves, as Router::Describe gives them (`cnscd routes`).
std::vector<std::string> ApiRoutes();

// The bearer token of a request: the Authorization header, else the cnscd_token cookie.
std::string TokenOf(const Request& request);
// The token of the Authorization header alone (empty when the request relies on the cookie).
std::string BearerOf(const Request& request);

}  // namespace cnscd::http
