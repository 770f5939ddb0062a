#include "http/json_io.hpp"

namespace cnscd::http {

namespace {

Error WrongType(const std::string& field, const char* expected_vi, const char* expected_en) {
  return Malformed("wrong_type", "Trường " + field + " phải là " + expected_vi + ".",
                   "Field " + field + " must be " + expected_en + ".", field);
}

const Json* Find(const Json& obj, const std::string& key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}

Error Missing(const std::string& field) {
  return RuleBroken("required", "Thiếu trường bắt buộc " + field + ".",
                    "The field " + field + " is required.", field);
}

}  // namespace

Json ParseObject(const std::string& body) {
  Json j = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    throw Malformed("malformed_json", "Nội dung yêu cầu không phải JSON hợp lệ.",
                    "The request body is not valid JSON.");
  }
  if (!j.is_object()) {
    throw Malformed("not_an_object", "Nội dung yêu cầu phải là một đối tượng JSON {...}.",
                    "The request body must be a JSON object {...}.");
  }
  return j;
}

std::optional<std::string> OptString(const Json& obj, const std::string& key,
                                     const std::string& prefix) {
  const Json* v = Find(obj, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) throw WrongType(prefix + key, "chuỗi ký tự", "a string");
  return v->get<std::string>();
}

std::string RequireString(const Json& obj, const std::string& key, const std::string& prefix) {
  auto v = OptString(obj, key, prefix);
  if (!v) throw Missing(prefix + key);
  return *v;
}

std::optional<std::int64_t> OptInt(const Json& obj, const std::string& key,
                                   const std::string& prefix) {
  const Json* v = Find(obj, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) throw WrongType(prefix + key, "số nguyên", "an integer");
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > INT64_MAX) {
    throw WrongType(prefix + key, "số nguyên", "an integer");
  }
  return v->get<std::int64_t>();
}

std::int64_t RequireInt(const Json& obj, const std::string& key, const std::string& prefix) {
  auto v = OptInt(obj, key, prefix);
  if (!v) throw Missing(prefix + key);
  return *v;
}

std::optional<bool> OptBool(const Json& obj, const std::string& key, const std::string& prefix) {
  const Json* v = Find(obj, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) throw WrongType(prefix + key, "true hoặc false", "true or false");
  return v->get<bool>();
}

std::optional<Json> OptObject(const Json& obj, const std::string& key, const std::string& prefix) {
  const Json* v = Find(obj, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_object()) throw WrongType(prefix + key, "một đối tượng {...}", "an object {...}");
  return *v;
}

Response JsonResponse(int status, const Json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

int StatusOf(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kMalformed:
      return 400;
    case ErrorKind::kUnauthenticated:
      return 401;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kMethodNotAllowed:
      return 405;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kTooLarge:
      return 413;
    case ErrorKind::kTooManyRequests:
      return 429;
    case ErrorKind::kRuleBroken:
      return 422;
  }
  return 400;
}

Response ErrorResponse(const Error& e) {
  Json err{{"code", e.code()}, {"message", e.message_vi()}, {"message_en", e.message_en()}};
  if (!e.field().empty()) err["field"] = e.field();
  Response r = JsonResponse(StatusOf(e.kind()), Json{{"error", err}});
  if (auto s = e.retry_after_seconds()) {
    err["retry_after"] = *s;
    r = JsonResponse(StatusOf(e.kind()), Json{{"error", err}});
    r.headers.emplace_back("Retry-After", std::to_string(*s));
  }
  return r;
}

}  // namespace cnscd::http
