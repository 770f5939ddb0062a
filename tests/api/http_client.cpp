#include "http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace cnscd_test {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

std::string Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<std::map<std::string, std::string>*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    headers->clear();  // a new response (after "100 Continue"): forget the interim one
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    (*headers)[Lower(Trim(line.substr(0, colon)))] = Trim(line.substr(colon + 1));
  }
  return size * count;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

std::runtime_error Refused(std::string_view what, const HttpResponse& r) {
  return std::runtime_error(std::string(what) + " failed: " + r.Describe());
}

}  // namespace

json HttpResponse::Json() const { return json::parse(body, nullptr, /*allow_exceptions=*/false); }

std::string HttpResponse::Header(std::string_view name) const {
  const auto it = headers.find(Lower(name));
  return it == headers.end() ? "" : it->second;
}

std::string HttpResponse::Describe() const {
  std::string out = "HTTP " + std::to_string(status);
  if (!curl_error.empty()) out += " (curl: " + curl_error + ")";
  constexpr size_t kMax = 600;
  out += " body: ";
  out += body.size() > kMax ? body.substr(0, kMax) + "…[" + std::to_string(body.size()) + " bytes]"
                            : body;
  return out;
}

HttpClient::HttpClient(std::string base_url, std::string token)
    : base_url_(std::move(base_url)), token_(std::move(token)) {
  GlobalInitOnce();
}

HttpResponse HttpClient::Send(const HttpRequest& request) const {
  HttpResponse response;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    response.curl_error = "curl_easy_init failed";
    return response;
  }
  CURL* h = curl.get();
  const std::string url = base_url_ + request.path;
  char error_buffer[CURL_ERROR_SIZE] = {};

  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 3000L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, request.timeout_ms);
  curl_easy_setopt(h, CURLOPT_EXPECT_100_TIMEOUT_MS, 300L);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &response.headers);
  if (request.path_as_is) curl_easy_setopt(h, CURLOPT_PATH_AS_IS, 1L);

  std::unique_ptr<curl_slist, SlistDeleter> headers;
  auto add_header = [&headers](const std::string& line) {
    headers.reset(curl_slist_append(headers.release(), line.c_str()));
  };
  const std::string& token = request.token ? *request.token : token_;
  if (request.authorization) {
    add_header("Authorization: " + *request.authorization);
  } else if (!token.empty()) {
    add_header("Authorization: Bearer " + token);
  }
  add_header("Accept: application/json");
  for (const std::string& line : request.headers) add_header(line);

  if (request.body) {
    add_header("Content-Type: " + request.content_type);
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body->data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body->size()));
    if (request.method != "POST") {
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
  } else if (request.method == "GET") {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());

  const CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    response.curl_error = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(rc);
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  response.status = status;
  return response;
}

HttpResponse HttpClient::Get(std::string_view path) const {
  return Send({.method = "GET", .path = std::string(path)});
}

HttpResponse HttpClient::Delete(std::string_view path) const {
  return Send({.method = "DELETE", .path = std::string(path)});
}

HttpResponse HttpClient::Post(std::string_view path, const json& body) const {
  return Send({.method = "POST", .path = std::string(path), .body = body.dump()});
}

HttpResponse HttpClient::Put(std::string_view path, const json& body) const {
  return Send({.method = "PUT", .path = std::string(path), .body = body.dump()});
}

HttpResponse HttpClient::PostRaw(std::string_view path, std::string raw) const {
  return Send({.method = "POST", .path = std::string(path), .body = std::move(raw)});
}

HttpResponse HttpClient::PutRaw(std::string_view path, std::string raw) const {
  return Send({.method = "PUT", .path = std::string(path), .body = std::move(raw)});
}

// --- assertions -------------------------------------------------------------------------------

::testing::AssertionResult HasStatus(const HttpResponse& r, long status) {
  if (r.status == status) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected HTTP " << status << ", got " << r.Describe();
}

::testing::AssertionResult IsErrorIn(const HttpResponse& r, std::initializer_list<long> statuses,
                                     std::string_view code, std::string_view field) {
  auto fail = [&r]() {
    return ::testing::AssertionFailure() << "\n  response: " << r.Describe() << "\n  problem: ";
  };
  if (std::find(statuses.begin(), statuses.end(), r.status) == statuses.end()) {
    std::string wanted;
    for (long s : statuses) wanted += (wanted.empty() ? "" : " or ") + std::to_string(s);
    return fail() << "status should be " << wanted;
  }
  const json j = r.Json();
  if (!j.is_object() || !j.contains("error") || !j["error"].is_object()) {
    return fail() << "body is not {\"error\": {...}}";
  }
  const json& e = j["error"];
  for (const char* key : {"code", "message", "message_en"}) {
    if (!e.contains(key) || !e[key].is_string() || e[key].get<std::string>().empty()) {
      return fail() << "error." << key << " should be a non-empty string";
    }
  }
  if (e["message"] == e["message_en"]) {
    return fail() << "error.message (Vietnamese) and error.message_en (English) are identical";
  }
  if (!code.empty() && e["code"] != code) {
    return fail() << "error.code should be \"" << code << "\"";
  }
  if (!field.empty()) {
    if (!e.contains("field") || !e["field"].is_string()) {
      return fail() << "error.field should be \"" << field << "\" but is absent";
    }
    if (e["field"] != field) return fail() << "error.field should be \"" << field << "\"";
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult IsError(const HttpResponse& r, long status, std::string_view code,
                                   std::string_view field) {
  return IsErrorIn(r, {status}, code, field);
}

// --- helpers ----------------------------------------------------------------------------------

namespace {
std::atomic<int> g_counter{1};
std::atomic<int> g_province{10};
std::atomic<int> g_district{100};
std::atomic<int> g_commune{10000};
std::atomic<int> g_phone{1000000};
}  // namespace

std::string UniqueSuffix() { return std::to_string(g_counter++); }

std::string UniqueProvinceCode() {
  int n = g_province++;
  if (n == 94) n = g_province++;
  if (n > 99) throw std::runtime_error("the tests ran out of two-digit province codes");
  return std::to_string(n);
}

std::string UniqueDistrictCode() { return std::to_string(g_district++); }
std::string UniqueCommuneCode() { return std::to_string(g_commune++); }
std::string UniquePhone() { return "098" + std::to_string(g_phone++); }

json CreateUnit(const HttpClient& c, const std::string& name, const std::string& kind,
                const std::string& subkind, std::optional<std::int64_t> parent_id,
                std::optional<std::string> code) {
  json body = {{"name", name}, {"kind", kind}, {"subkind", subkind}};
  body["parent_id"] = parent_id ? json(*parent_id) : json(nullptr);
  if (code) body["code"] = *code;
  const HttpResponse r = c.Post("/api/v1/units", body);
  if (r.status != 201) throw Refused("creating unit " + body.dump(), r);
  return r.Json();
}

json MakeProvince(const HttpClient& c, const std::string& name) {
  return CreateUnit(c, name, "province", "tỉnh", std::nullopt, UniqueProvinceCode());
}

json MakeDistrict(const HttpClient& c, const std::string& name, std::int64_t province_id) {
  return CreateUnit(c, name, "district", "huyện", province_id, UniqueDistrictCode());
}

json MakeCommune(const HttpClient& c, const std::string& name, std::int64_t parent_id) {
  return CreateUnit(c, name, "commune", "xã", parent_id, UniqueCommuneCode());
}

json MakeVillage(const HttpClient& c, const std::string& name, std::int64_t commune_id) {
  return CreateUnit(c, name, "village", "ấp", commune_id, std::nullopt);
}

json MakeTeam(const HttpClient& c, std::int64_t unit_id, const std::string& level) {
  const json body = {{"unit_id", unit_id}, {"level", level}};
  const HttpResponse r = c.Post("/api/v1/teams", body);
  if (r.status != 201) throw Refused("creating team " + body.dump(), r);
  return r.Json();
}

json AddMember(const HttpClient& c, std::int64_t team_id, const std::string& full_name,
               const std::string& role) {
  const json body = {{"person", {{"full_name", full_name}, {"phone", UniquePhone()}}},
                     {"role", role}};
  const HttpResponse r = c.Post("/api/v1/teams/" + Id(team_id) + "/members", body);
  if (r.status != 201) throw Refused("adding member " + body.dump(), r);
  return r.Json();
}

std::int64_t ChildCount(const HttpClient& c, std::int64_t parent_id) {
  const HttpResponse r = c.Get("/api/v1/units?parent=" + Id(parent_id));
  const json j = r.Json();
  if (r.status != 200 || !j.is_object() || !j.contains("total") ||
      !j["total"].is_number_integer()) {
    throw Refused("listing children of unit " + Id(parent_id), r);
  }
  return j["total"].get<std::int64_t>();
}

json GetTeam(const HttpClient& c, std::int64_t team_id) {
  const HttpResponse r = c.Get("/api/v1/teams/" + Id(team_id));
  if (r.status != 200 || !r.Json().is_object()) throw Refused("reading team " + Id(team_id), r);
  return r.Json();
}

std::vector<std::string> ViolationCodes(const json& team) {
  std::vector<std::string> codes;
  if (!team.contains("violations") || !team["violations"].is_array()) {
    throw std::runtime_error("team has no \"violations\" array: " + team.dump());
  }
  for (const json& v : team["violations"]) codes.push_back(v.value("code", ""));
  return codes;
}

std::string Id(std::int64_t id) { return std::to_string(id); }

std::int64_t IdOf(const json& j) {
  if (!j.is_object() || !j.contains("id") || !j["id"].is_number_integer()) {
    throw std::runtime_error("no integer \"id\" in " + j.dump());
  }
  return j["id"].get<std::int64_t>();
}

HttpClient SignedInAs(const HttpClient& admin, const std::string& role,
                      const std::string& place_key, std::int64_t place_id) {
  const std::string username = "u_" + role + UniqueSuffix();
  const std::string password = "mat-khau-" + username;
  const HttpResponse a = admin.Post(
      "/api/v1/accounts",
      {{"username", username}, {"password", password}, {"full_name", "Nguyễn Văn " + username}});
  if (a.status != 201) throw std::runtime_error("creating account: " + a.Describe());
  const HttpResponse g = admin.Post("/api/v1/accounts/" + Id(IdOf(a.Json())) + "/grants",
                                    {{"role", role}, {place_key, place_id}});
  if (g.status != 201) throw std::runtime_error("granting " + role + ": " + g.Describe());
  const HttpResponse l =
      admin.Post("/api/v1/auth/login", {{"username", username}, {"password", password}});
  if (l.status != 200) throw std::runtime_error("login: " + l.Describe());
  return HttpClient(admin.base_url(), l.Json()["token"].get<std::string>());
}

}  // namespace cnscd_test
