#pragma once
// Routes /api/v1 requests to handlers by method and path pattern ("/api/v1/units/{id}").
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "app/context.hpp"
#include "http/json_io.hpp"
#include "http/request.hpp"

namespace cnscd::http {

// What a handler gets: the parsed request, who is calling, and the numeric ids of the path.
struct Call {
  app::Context& ctx;
  const Request& request;
  const app::Caller& caller;
  std::vector<store::Id> ids;  // the {id} segments, in order
  std::string token;           // the caller's bearer token

  // ?limit= (1..1000, default 100) and ?offset= (>= 0): 400 bad_query otherwise.
  int Limit() const;
  int Offset() const;
  // An optional numeric query parameter: 400 bad_query when present and not a positive integer.
  std::optional<store::Id> QueryId(const std::string& name) const;
  // A query parameter's text; an empty one is no parameter, as everywhere in the API.
  std::optional<std::string> QueryText(const std::string& name) const;
  // The same, required: 400 bad_query naming it when missing or empty.
  std::string RequireQuery(const std::string& name) const;
};

using Handler = std::function<Response(Call&)>;

// The handler of a route whose one input is the path's {id}: 200 with what the use case returns,
// written by `render` (app::ToJson, or the resource's own).
template <typename Result>
Handler ById(Result (*use_case)(app::Context&, const app::Caller&, store::Id),
             Json (*render)(const std::type_identity_t<Result>&)) {
  return [use_case, render](Call& call) {
    return JsonResponse(200, render(use_case(call.ctx, call.caller, call.ids[0])));
  };
}

// The same for a route whose body says what to do with the row of the path's {id}, or what to
// add under it: the body read by `read`, `status` 200 (a change) or 201 (an addition).
template <typename Draft, typename Result>
Handler ById(Result (*use_case)(app::Context&, const app::Caller&, store::Id, const Draft&),
             Draft (*read)(const Json& body), Json (*render)(const std::type_identity_t<Result>&),
             int status = 200) {
  return [use_case, read, render, status](Call& call) {
    const Draft draft = read(ParseObject(call.request.body));
    return JsonResponse(status, render(use_case(call.ctx, call.caller, call.ids[0], draft)));
  };
}

class Router {
 public:
  // `pattern` segments written {id} match a positive integer. `public_route` needs no login.
  void Add(std::string method, const std::string& pattern, Handler handler,
           bool public_route = false);

  struct Match {
    const Handler* handler = nullptr;
    const std::string* pattern = nullptr;  // the matched route, "/api/v1/units/{id}"
    bool public_route = false;
    std::vector<store::Id> ids;
    bool path_known = false;  // some route has this path, maybe with another method
  };
  Match Find(const std::string& method, const std::string& path) const;
  // Every route as "METHOD /api/v1/path/{id}", sorted: what `cnscd routes` prints, so that a
  // test can hold the routes against the OpenAPI contract.
  std::vector<std::string> Describe() const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    std::string pattern;  // the segments joined again, as Describe and the request log write it
    Handler handler;
    bool public_route;
  };
  std::vector<Route> routes_;
};

void AddAuthRoutes(Router& router);
void AddUnitRoutes(Router& router);
void AddTeamRoutes(Router& router);
void AddAccountRoutes(Router& router);
void AddRequestRoutes(Router& router);
void AddDecisionRoutes(Router& router);
void AddAuditRoutes(Router& router);
void AddDocumentRoutes(Router& router);
void AddImportRoutes(Router& router);
void AddChatGroupRoutes(Router& router);
void AddSupportRoutes(Router& router);
void AddIndicatorRoutes(Router& router);
void AddCatalogueRoutes(Router& router);
void AddTrainingRoutes(Router& router);
void AddReportRoutes(Router& router);
void AddAllowanceRoutes(Router& router);
void AddCashlessPlaceRoutes(Router& router);
void AddUnitEventRoutes(Router& router);

}  // namespace cnscd::http
