#pragma once
// Form 2 (Mẫu 2, seed 001), the list of teams and members: exporting a unit's list as XLSX or
// CSV, and importing members from such a sheet (what officials already keep in Excel).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "app/snapshot.hpp"
#include "core/error.hpp"

namespace cnscd::app {

struct ExportedFile {
  std::string bytes;
  std::string content_type;
  std::string filename;       // ASCII: "DanhSach-To-CNSCD-Xa-Nhon-My.xlsx"
  std::string filename_utf8;  // with diacritics: "DanhSach-To-CNSCĐ-Xã-Nhơn-Mỹ.xlsx"
  std::size_t rows = 0;
};

// The list of a commune, district or province (kRead on it; the rows are those the caller may
// read), `format` "xlsx" or "csv" (422 invalid_format otherwise; a village is 422
// not_a_commune_or_above). Exporting personal data is audited: action `export` on the unit.
ExportedFile ExportTeamList(Context& ctx, const Caller& caller, store::Id unit_id,
                            std::string_view format);

// One row of a sheet and what the import does with it.
struct ImportRow {
  int line = 0;                       // the sheet's row number
  std::string status;                 // create, match, refuse
  std::string commune;                // as written (carried down)
  std::string team;                   // as written (carried down)
  std::string full_name;              // cleaned
  std::string role;                   // leader, deputy, member, collaborator; the text when unknown
  std::string phone;                  // normalised when valid, else as written
  std::optional<std::string> reason;  // why refused (Vietnamese)
  std::optional<std::string> reason_en;    // why refused (English)
  std::optional<std::string> team_action;  // "create_team": the row's team will be created
  std::optional<std::string> note;         // match: the role on record differs
  std::optional<std::string> note_en;
};

struct ImportReport {
  std::vector<ImportRow> rows;
  int created = 0;  // memberships (with their people) created
  int matched = 0;  // already current members: nothing to do
  int refused = 0;
  int teams_created = 0;
  bool applied = false;
};

// The sheet could not be applied: some rows are refused. A 422 `import_refused` carrying the
// report (computed as a dry run), so that the caller can show every row's reason.
class ImportRefused : public Error {
 public:
  explicit ImportRefused(ImportReport report);
  const ImportReport& report() const { return report_; }

 private:
  ImportReport report_;
};

// Reads Form 2 (`bytes`, XLSX or CSV; `filename` or a content type only helps to word errors)
// and matches it against `unit_id`'s subtree (kManage on the unit: a commune or above). Each
// row's commune is found by name among the communes of the subtree (or the unit itself), its
// team by name among the commune's teams, or the team is to be created when named
// "Tổ công nghệ số cộng đồng <village>" for a village without a team (or <the commune> for a
// commune-level team). People are found by phone as AddMember does.
// apply=false: a dry run, nothing written. apply=true: all or nothing, in one transaction, with
// the audit entries of each creation and one `import` on the unit; throws ImportRefused when any
// row is refused. Throws cnscd::Error for an unreadable file (400) or a sheet without rows (422).
ImportReport ImportMembers(Context& ctx, const Caller& caller, store::Id unit_id,
                           std::string_view bytes, const std::string& filename, bool apply);

// The API's (and the command line's --json) shape of a report:
// {"mode": "dry_run"|"applied", "summary": {...}, "rows": [...]}.
Json ImportReportJson(const ImportReport& report);

}  // namespace cnscd::app
