#pragma once
// JSON in and out: reading request bodies with typed, field-named errors, and rendering errors.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "http/request.hpp"

namespace cnscd::http {

using Json = nlohmann::json;

// The body as a JSON object: 400 malformed_json or not_an_object otherwise.
Json ParseObject(const std::string& body);

// Typed field access. A missing (or null) optional field is nullopt; a present field of another
// type is 400 wrong_type naming the field (`prefix` + key, e.g. "person.phone").
std::optional<std::string> OptString(const Json& obj, const std::string& key,
                                     const std::string& prefix = {});
std::string RequireString(const Json& obj, const std::string& key, const std::string& prefix = {});
std::optional<std::int64_t> OptInt(const Json& obj, const std::string& key,
                                   const std::string& prefix = {});
std::int64_t RequireInt(const Json& obj, const std::string& key, const std::string& prefix = {});
std::optional<bool> OptBool(const Json& obj, const std::string& key,
                            const std::string& prefix = {});
std::optional<Json> OptObject(const Json& obj, const std::string& key,
                              const std::string& prefix = {});

Response JsonResponse(int status, const Json& body);

// A list answer, 200 {"items": [render(item)...], "total": total}: the shape of every list of
// the API (`total` counts all that match, `items` the page).
template <typename Items, typename Render>
Response PageResponse(const Items& items, std::size_t total, Render render) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(render(item));
  return JsonResponse(200, Json{{"items", std::move(out)}, {"total", total}});
}
Response ErrorResponse(const Error& e);
int StatusOf(ErrorKind kind);

}  // namespace cnscd::http
