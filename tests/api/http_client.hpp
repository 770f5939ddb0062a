#pragma once
// A small libcurl client for black-box tests of the cnscd HTTP API, and the helpers the API tests
// share (error-body checks, making units, teams and members).
#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd_test {

using nlohmann::json;

struct HttpResponse {
  long status = 0;                             // 0: no HTTP response (see curl_error)
  std::string body;                            // raw bytes
  std::map<std::string, std::string> headers;  // names lower-cased; the last value wins
  std::string curl_error;                      // empty when curl reported no error

  // The body parsed as JSON; a discarded value (is_discarded()) when it is not JSON.
  json Json() const;
  // The header's value, or "" when absent. `name` is matched case-insensitively.
  std::string Header(std::string_view name) const;
  // "HTTP 422 {...body...}" (body cut to a readable length) for failure messages.
  std::string Describe() const;
};

struct HttpRequest {
  std::string method = "GET";
  std::string path;                   // "/api/v1/units?parent=3", sent as given
  std::optional<std::string> body{};  // raw bytes; nullopt: no body
  std::string content_type = "application/json";
  std::optional<std::string> token{};          // overrides the client's token; "" sends none
  std::optional<std::string> authorization{};  // a raw Authorization header (overrides token)
  bool path_as_is = false;                     // CURLOPT_PATH_AS_IS: keep "/../" as written
  std::vector<std::string> headers{};          // extra "Name: value" lines (Cookie, X-CSRF-Token)
  long timeout_ms = 30000;
};

class HttpClient {
 public:
  explicit HttpClient(std::string base_url, std::string token = "");

  void set_token(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }
  const std::string& base_url() const { return base_url_; }

  HttpResponse Send(const HttpRequest& request) const;

  HttpResponse Get(std::string_view path) const;
  HttpResponse Delete(std::string_view path) const;
  HttpResponse Post(std::string_view path, const json& body) const;
  HttpResponse Put(std::string_view path, const json& body) const;
  // Sends `raw` bytes as the body, whatever they are.
  HttpResponse PostRaw(std::string_view path, std::string raw) const;
  HttpResponse PutRaw(std::string_view path, std::string raw) const;

 private:
  std::string base_url_;
  std::string token_;
};

// --- assertions -------------------------------------------------------------------------------

// The response has exactly this status (the body is printed when it does not).
::testing::AssertionResult HasStatus(const HttpResponse& r, long status);

// The response is an API error: one of `statuses`, a body {"error": {"code", "message",
// "message_en", "field"?}} with non-empty `message` and `message_en` that differ; `code` and
// `field` must match when given (non-empty).
::testing::AssertionResult IsErrorIn(const HttpResponse& r, std::initializer_list<long> statuses,
                                     std::string_view code = "", std::string_view field = "");
::testing::AssertionResult IsError(const HttpResponse& r, long status, std::string_view code = "",
                                   std::string_view field = "");

// --- helpers that build test data (they throw std::runtime_error when the server refuses) ------

// Unique values within this test process.
std::string UniqueSuffix();        // "7", "8", ...
std::string UniqueProvinceCode();  // 2 digits, never "94" (used by a named test)
std::string UniqueDistrictCode();  // 3 digits
std::string UniqueCommuneCode();   // 5 digits
std::string UniquePhone();         // a valid ten-digit mobile number, "098xxxxxxx"

json CreateUnit(const HttpClient& c, const std::string& name, const std::string& kind,
                const std::string& subkind, std::optional<std::int64_t> parent_id,
                std::optional<std::string> code);
json MakeProvince(const HttpClient& c, const std::string& name);
json MakeDistrict(const HttpClient& c, const std::string& name, std::int64_t province_id);
json MakeCommune(const HttpClient& c, const std::string& name, std::int64_t parent_id);
json MakeVillage(const HttpClient& c, const std::string& name, std::int64_t commune_id);

json MakeTeam(const HttpClient& c, std::int64_t unit_id, const std::string& level);
// Adds a new person (unique phone) with `role` to the team; returns the 201 body.
json AddMember(const HttpClient& c, std::int64_t team_id, const std::string& full_name,
               const std::string& role);

// `total` of GET /units?parent=ID.
// A new account holding `role` on a unit (`place_key` "unit_id") or a team ("team_id"), signed
// in; throws unless every step succeeds.
HttpClient SignedInAs(const HttpClient& admin, const std::string& role,
                      const std::string& place_key, std::int64_t place_id);

std::int64_t ChildCount(const HttpClient& c, std::int64_t parent_id);
// GET /teams/ID as JSON (throws unless 200).
json GetTeam(const HttpClient& c, std::int64_t team_id);
// The codes in a team's `violations`.
std::vector<std::string> ViolationCodes(const json& team);

std::string Id(std::int64_t id);   // std::to_string, for building paths
std::int64_t IdOf(const json& j);  // j["id"] as an integer (throws when absent)

}  // namespace cnscd_test
