// Official documents as files: Form 1 (the chairman's establishment decision) and Form 2 (the
// list of teams and members), seed 001.
#include <cctype>
#include <string>
#include <string_view>

#include "app/team_list.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

// --- Form 1: decision documents
// ------------------------------------------------------------------- (Form 1's handlers and their
// AddDecisionDocumentRoutes go here.)

// --- Form 2: the team list
// ------------------------------------------------------------------------

// RFC 5987 ext-value: UTF-8 bytes percent-encoded but for attr-chars.
std::string TeamListPercentEncode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 ||
        std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

Response TeamListFile(Call& call, std::string_view format) {
  app::ExportedFile file = app::ExportTeamList(call.ctx, call.caller, call.ids[0], format);
  Response r;
  r.status = 200;
  r.content_type = file.content_type;
  r.body = std::move(file.bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file.filename +
                                                    "\"; filename*=UTF-8''" +
                                                    TeamListPercentEncode(file.filename_utf8));
  r.headers.emplace_back("Cache-Control", "no-store");  // personal data: not kept by proxies
  return r;
}

void AddTeamListRoutes(Router& router) {
  router.Add("GET", "/api/v1/units/{id}/team-list.xlsx",
             [](Call& call) { return TeamListFile(call, "xlsx"); });
  router.Add("GET", "/api/v1/units/{id}/team-list.csv",
             [](Call& call) { return TeamListFile(call, "csv"); });
}

}  // namespace

void AddDocumentRoutes(Router& router) {
  AddTeamListRoutes(router);
  // Form 1: AddDecisionDocumentRoutes(router);
}

}  // namespace cnscd::http
