#pragma once
// An opt-in log of the API's requests (`cnscd serve --request-log FILE`), one line each:
//   METHOD <tab> route <tab> status <tab> user agent
// `route` is the matched route as the router and the OpenAPI spec write it
// (/api/v1/teams/{id}/members), "-" when none matched. The browser tests read it to learn which
// write operations a browser performed (tests/e2e/write-coverage.mjs).
#include <string>
#include <string_view>

namespace cnscd::http {

class RequestLog {
 public:
  // Opens `file` for appending, creating it; throws std::runtime_error when it cannot.
  explicit RequestLog(const std::string& file);
  ~RequestLog();
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  // Appends one line with one write(2) on an O_APPEND file: whole lines, in order, even when
  // several threads or processes append to the same file.
  void Write(std::string_view method, std::string_view route, int status,
             std::string_view user_agent) const;

 private:
  int fd_ = -1;
};

}  // namespace cnscd::http
