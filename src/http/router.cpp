#include "http/router.hpp"

#include <algorithm>
#include <charconv>

namespace cnscd::http {

namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = path.find('/', start);
    const std::size_t stop = end == std::string::npos ? path.size() : end;
    if (stop > start) out.push_back(path.substr(start, stop - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::optional<std::int64_t> PositiveInt(const std::string& s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

Error BadQuery(const std::string& name, const std::string& vi, const std::string& en) {
  return Malformed("bad_query", vi, en, name);
}

}  // namespace

int Call::Limit() const {
  auto it = request.query.find("limit");
  if (it == request.query.end()) return 100;
  auto v = PositiveInt(it->second);
  if (!v || *v > 1000) {
    throw BadQuery("limit", "limit phải là số nguyên từ 1 đến 1000.",
                   "limit must be an integer from 1 to 1000.");
  }
  return static_cast<int>(*v);
}

int Call::Offset() const {
  auto it = request.query.find("offset");
  if (it == request.query.end() || it->second == "0") return 0;
  auto v = PositiveInt(it->second);
  if (!v || *v > 1'000'000'000) {
    throw BadQuery("offset", "offset phải là số nguyên không âm.",
                   "offset must be a non-negative integer.");
  }
  return static_cast<int>(*v);
}

std::optional<store::Id> Call::QueryId(const std::string& name) const {
  auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty()) return std::nullopt;
  auto v = PositiveInt(it->second);
  if (!v) {
    throw BadQuery(name, name + " phải là mã số (số nguyên dương).",
                   name + " must be an id (a positive integer).");
  }
  return *v;
}

std::optional<std::string> Call::QueryText(const std::string& name) const {
  const auto it = request.query.find(name);
  if (it == request.query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::string Call::RequireQuery(const std::string& name) const {
  auto v = QueryText(name);
  if (!v) throw BadQuery(name, "Thiếu tham số " + name + ".", name + " is required.");
  return *v;
}

void Router::Add(std::string method, const std::string& pattern, Handler handler,
                 bool public_route) {
  std::vector<std::string> segments = Split(pattern);
  std::string joined;
  for (const std::string& segment : segments) joined += "/" + segment;
  routes_.push_back({std::move(method), std::move(segments), std::move(joined), std::move(handler),
                     public_route});
}

std::vector<std::string> Router::Describe() const {
  std::vector<std::string> out;
  out.reserve(routes_.size());
  for (const Route& route : routes_) out.push_back(route.method + " " + route.pattern);
  std::sort(out.begin(), out.end());
  return out;
}

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  const std::vector<std::string> segments = Split(path);
  Match match;
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::vector<store::Id> ids;
    bool ok = true;
    for (std::size_t i = 0; ok && i < segments.size(); ++i) {
      if (route.segments[i] == "{id}") {
        auto id = PositiveInt(segments[i]);
        ok = id.has_value();
        if (ok) ids.push_back(*id);
      } else {
        ok = route.segments[i] == segments[i];
      }
    }
    if (!ok) continue;
    match.path_known = true;
    if (route.method == method) {
      match.handler = &route.handler;
      match.pattern = &route.pattern;
      match.public_route = route.public_route;
      match.ids = std::move(ids);
      return match;
    }
  }
  return match;
}

}  // namespace cnscd::http
