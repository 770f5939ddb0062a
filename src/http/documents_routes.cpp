// Official documents as files: Form 1 (the chairman's establishment decision) and Form 2 (the
// list of teams and members), seed 001; the sheet of a commune's villages and population.
#include <string>
#include <string_view>

#include "app/decision_document.hpp"
#include "app/team_list.hpp"
#include "app/village_import.hpp"
#include "http/attachment.hpp"
#include "http/router.hpp"

namespace cnscd::http {

void AddDocumentRoutes(Router& router) {
  // Form 1, the decision, as DOCX and PDF; Form 2, the team list, as XLSX and CSV: the path's
  // extension is the format.
  for (const std::string format : {"docx", "pdf"}) {
    router.Add("GET", "/api/v1/decisions/{id}/document." + format, [format](Call& call) {
      return Attachment(app::DecisionDocument(call.ctx, call.caller, call.ids[0], format));
    });
  }
  for (const std::string format : {"xlsx", "csv"}) {
    router.Add("GET", "/api/v1/units/{id}/team-list." + format, [format](Call& call) {
      return Attachment(app::ExportTeamList(call.ctx, call.caller, call.ids[0], format));
    });
    router.Add("GET", "/api/v1/units/{id}/village-sheet." + format, [format](Call& call) {
      return Attachment(app::ExportVillageSheet(call.ctx, call.caller, call.ids[0], format));
    });
  }
}

}  // namespace cnscd::http
