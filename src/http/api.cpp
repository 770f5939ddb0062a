#include "http/api.hpp"

#include <iostream>

#include "app/auth.hpp"

namespace cnscd::http {

std::string BearerOf(const Request& request) {
  constexpr std::string_view kBearer = "Bearer ";
  if (request.authorization.starts_with(kBearer)) {
    return request.authorization.substr(kBearer.size());
  }
  return {};
}

std::string TokenOf(const Request& request) {
  if (std::string bearer = BearerOf(request); !bearer.empty()) return bearer;
  constexpr std::string_view kCookie = "cnscd_token=";
  const std::string& c = request.cookie;
  for (std::size_t at = c.find(kCookie); at != std::string::npos; at = c.find(kCookie, at + 1)) {
    if (at == 0 || c[at - 1] == ' ' || c[at - 1] == ';') {
      const std::size_t start = at + kCookie.size();
      return c.substr(start, c.find(';', start) - start);
    }
  }
  return {};
}

namespace {

void AddAllRoutes(Router& router) {
  router.Add(
      "GET", "/api/v1/health",
      [](Call&) {
        return JsonResponse(200, Json{{"status", "ok"}});
      },
      true);
  AddAuthRoutes(router);
  AddUnitRoutes(router);
  AddTeamRoutes(router);
  AddAccountRoutes(router);
  AddRequestRoutes(router);
  AddDecisionRoutes(router);
  AddAuditRoutes(router);
  AddDocumentRoutes(router);
  AddImportRoutes(router);
  AddChatGroupRoutes(router);
  AddSupportRoutes(router);
  AddIndicatorRoutes(router);
  AddCatalogueRoutes(router);
  AddTrainingRoutes(router);
  AddReportRoutes(router);
  AddAllowanceRoutes(router);
  AddCashlessPlaceRoutes(router);
  AddUnitEventRoutes(router);
}

}  // namespace

Api::Api(app::Context& ctx, const RequestLog* log) : ctx_(ctx), log_(log) { AddAllRoutes(router_); }

std::vector<std::string> ApiRoutes() {
  Router router;
  AddAllRoutes(router);
  return router.Describe();
}

Response Api::Handle(const Request& request) {
  const Router::Match match = router_.Find(request.method, request.path);
  Response response = Answer(request, match);
  if (log_ != nullptr) {
    log_->Write(request.method, match.pattern != nullptr ? *match.pattern : std::string(),
                response.status, request.user_agent);
  }
  return response;
}

Response Api::Answer(const Request& request, const Router::Match& match) {
  try {
    return Dispatch(request, match);
  } catch (const Error& e) {
    return ErrorResponse(e);
  } catch (const std::exception& e) {
    // Not a user's mistake: log it, answer 500 without internals.
    std::cerr << "cnscd: " << request.method << " " << request.path << ": " << e.what() << "\n";
    return JsonResponse(500, Json{{"error",
                                   {{"code", "internal"},
                                    {"message", "Lỗi hệ thống; vui lòng thử lại sau."},
                                    {"message_en", "Internal error; please try again later."}}}});
  }
}

Response Api::Dispatch(const Request& request, const Router::Match& match) {
  if (match.handler == nullptr) {
    if (match.path_known) {
      throw Error(ErrorKind::kMethodNotAllowed, "method_not_allowed",
                  "Phương thức " + request.method + " không dùng được cho địa chỉ này.",
                  "Method " + request.method + " is not allowed here.");
    }
    throw NotFound("địa chỉ " + request.path, "route " + request.path);
  }
  if (request.body.size() > kMaxJsonBody) {
    throw Error(ErrorKind::kTooLarge, "body_too_large", "Nội dung yêu cầu vượt quá 1 MB.",
                "The request body is larger than 1 MB.");
  }
  app::Caller caller;
  std::string token;
  if (!match.public_route) {
    token = TokenOf(request);
    caller = app::Authenticate(ctx_, token, request.remote_address);
    // A browser sends cookies on its own; a write riding on the cookie must prove it came from
    // our app by echoing the session's CSRF token.
    const bool by_cookie = BearerOf(request).empty();
    if (by_cookie && request.method != "GET" && request.method != "HEAD" &&
        !app::CsrfMatches(token, request.csrf_token)) {
      throw Error(ErrorKind::kForbidden, "csrf_failed",
                  "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token). Hãy tải lại trang.",
                  "Missing or wrong anti-forgery token (X-CSRF-Token). Reload the page.");
    }
  }
  Call call{ctx_, request, caller, match.ids, token};
  return (*match.handler)(call);
}

}  // namespace cnscd::http
