#pragma once
// The server's view of an HTTP exchange, free of the HTTP library: handlers see only this.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cnscd::http {

struct Request {
  std::string method;                        // GET, POST, PUT, DELETE
  std::string path;                          // percent-decoded, without the query
  std::map<std::string, std::string> query;  // decoded; the last value wins
  std::string body;
  std::string authorization;    // the Authorization header, raw
  std::string cookie;           // the Cookie header, raw
  std::string content_type;     // the Content-Type header
  std::string csrf_token;       // the X-CSRF-Token header
  std::string forwarded_proto;  // X-Forwarded-Proto, set by a TLS proxy
  std::string remote_address;   // the client's IP
  std::string user_agent;       // the User-Agent header, for the request log alone
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file;  // when set, the server sends this file instead of `body`
};

}  // namespace cnscd::http
