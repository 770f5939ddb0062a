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

// RFC 5987 ext-value for filename*=UTF-8''...: UTF-8 bytes percent-encoded but for attr-chars.
std::string PercentEncode(const std::string& s) {
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

// A document to download, named in ASCII for old clients and in Vietnamese for the others
// ("QD-25-QD-UBND-Nhon-My.pdf"); never kept by proxies: it names people.
Response Download(std::string bytes, const std::string& content_type, const std::string& filename,
                  const std::string& filename_utf8) {
  Response r;
  r.status = 200;
  r.content_type = content_type;
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename +
                                                    "\"; filename*=UTF-8''" +
                                                    PercentEncode(filename_utf8));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

// --- Form 1: decision documents -------------------------------------------------------------

Response DecisionDocumentFile(Call& call, const std::string& format) {
  app::DecisionFile file = app::DecisionDocument(call.ctx, call.caller, call.ids[0], format);
  return Download(std::move(file.bytes), file.content_type, file.filename, file.filename_utf8);
}

void AddDecisionDocumentRoutes(Router& router) {
  router.Add("GET", "/api/v1/decisions/{id}/document.docx",
             [](Call& call) { return DecisionDocumentFile(call, "docx"); });
  router.Add("GET", "/api/v1/decisions/{id}/document.pdf",
             [](Call& call) { return DecisionDocumentFile(call, "pdf"); });
}

// --- Form 2: the team list ------------------------------------------------------------------

Response TeamListFile(Call& call, std::string_view format) {
  app::ExportedFile file = app::ExportTeamList(call.ctx, call.caller, call.ids[0], format);
  return Download(std::move(file.bytes), file.content_type, file.filename, file.filename_utf8);
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
