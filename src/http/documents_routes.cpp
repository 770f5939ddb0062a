// Official documents as files: Form 1 (the chairman's establishment decision) and Form 2 (the
// list of teams and members), seed 001.
#include <cctype>
#include <string>
#include <string_view>

#include "app/decision_document.hpp"
#include "app/team_list.hpp"
#include "http/router.hpp"

namespace cnscd::http {

namespace {

// --- Form 1: decision documents
// -------------------------------------------------------------------

// RFC 5987 ext-value for filename*=UTF-8''...: UTF-8 bytes percent-encoded but for attr-chars.
std::string DecisionPercentEncode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos;
    if (plain) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

// The decision as a file to download, named in ASCII for old clients and in Vietnamese for the
// others ("QD-25-QD-UBND-Nhon-My.pdf").
Response DecisionDocumentFile(Call& call, const std::string& format) {
  app::DecisionFile file = app::DecisionDocument(call.ctx, call.caller, call.ids[0], format);
  Response r;
  r.status = 200;
  r.content_type = file.content_type;
  r.body = std::move(file.bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file.filename +
                                                    "\"; filename*=UTF-8''" +
                                                    DecisionPercentEncode(file.filename_utf8));
  r.headers.emplace_back("Cache-Control", "no-store");  // it names people
  return r;
}

void AddDecisionDocumentRoutes(Router& router) {
  router.Add("GET", "/api/v1/decisions/{id}/document.docx",
             [](Call& call) { return DecisionDocumentFile(call, "docx"); });
  router.Add("GET", "/api/v1/decisions/{id}/document.pdf",
             [](Call& call) { return DecisionDocumentFile(call, "pdf"); });
}

// --- Form 2: the team list ------------------------------------------------------------------

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
  AddDecisionDocumentRoutes(router);
}

}  // namespace cnscd::http
