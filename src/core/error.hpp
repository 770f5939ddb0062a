#pragma once
// The one error type that crosses layers: a refusal with a reason in Vietnamese and English.
// Core and app throw it; http maps `kind` to a status code. Nothing else is a user's mistake.
#include <optional>
#include <stdexcept>
#include <string>

namespace cnscd {

enum class ErrorKind {
  kMalformed,         // 400: the request itself cannot be read
  kUnauthenticated,   // 401
  kForbidden,         // 403
  kNotFound,          // 404
  kMethodNotAllowed,  // 405
  kConflict,          // 409: clashes with the current state
  kTooLarge,          // 413
  kTooManyRequests,   // 429: try again later
  kRuleBroken,        // 422: a rule of the domain is broken
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string code, std::string message_vi, std::string message_en,
        std::string field = {})
      : std::runtime_error(message_en),
        kind_(kind),
        code_(std::move(code)),
        message_vi_(std::move(message_vi)),
        message_en_(std::move(message_en)),
        field_(std::move(field)) {}

  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const std::string& message_vi() const { return message_vi_; }
  const std::string& message_en() const { return message_en_; }
  const std::string& field() const { return field_; }
  // For 429: when the caller may try again.
  std::optional<int> retry_after_seconds() const { return retry_after_; }
  Error& RetryAfter(int seconds) {
    retry_after_ = seconds;
    return *this;
  }

 private:
  ErrorKind kind_;
  std::string code_;
  std::string message_vi_;
  std::string message_en_;
  std::string field_;
  std::optional<int> retry_after_;
};

// Shorthands for the common refusals.
inline Error RuleBroken(std::string code, std::string vi, std::string en, std::string field = {}) {
  return {ErrorKind::kRuleBroken, std::move(code), std::move(vi), std::move(en), std::move(field)};
}
inline Error NotFound(const std::string& what_vi, const std::string& what_en,
                      std::string field = {}) {
  return {ErrorKind::kNotFound, "not_found", "Không tìm thấy " + what_vi + ".",
          "No such " + what_en + ".", std::move(field)};
}
inline Error Conflict(std::string code, std::string vi, std::string en, std::string field = {}) {
  return {ErrorKind::kConflict, std::move(code), std::move(vi), std::move(en), std::move(field)};
}
inline Error Malformed(std::string code, std::string vi, std::string en, std::string field = {}) {
  return {ErrorKind::kMalformed, std::move(code), std::move(vi), std::move(en), std::move(field)};
}

}  // namespace cnscd
