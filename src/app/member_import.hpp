#pragma once
// Importing members from Form 2 (Mẫu 2), the list officials already keep in Excel: the sheet is
// read (documents/form2), what the decision needs is loaded from the store, each row is
// decided by core/member_import, and the plan is applied in the same transaction.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "app/snapshot.hpp"
#include "core/error.hpp"
#include "core/member_import.hpp"

namespace cnscd::app {

// One row of a sheet and what the import does with it (status create, match or refuse).
using ImportRow = member_import::Row;

struct ImportReport {
  std::vector<ImportRow> rows;
  int created = 0;  // memberships (with their people) created
  int matched = 0;  // already current members: nothing to do
  int refused = 0;
  int teams_created = 0;
  bool applied = false;
};

// The 422 `import_refused` of a sheet with `refused` rows: nothing written (every import's).
Error RowsRefused(int refused);

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
// and matches it against `unit_id`'s subtree (kManage on the unit: a commune or above), by the
// rules of member_import::PlanMemberImport; people's names and phones as AddMember accepts them.
// apply=false: a dry run, nothing written. apply=true: all or nothing, in one transaction, with
// the audit entries of each creation and one `import` on the unit; throws ImportRefused when any
// row is refused. Throws cnscd::Error for an unreadable file (400) or a sheet without rows (422).
ImportReport ImportMembers(Context& ctx, const Caller& caller, store::Id unit_id,
                           std::string_view bytes, const std::string& filename, bool apply);

// The API's (and the command line's --json) shape of a report:
// {"mode": "dry_run"|"applied", "summary": {...}, "rows": [...]}.
Json ImportReportJson(const ImportReport& report);

}  // namespace cnscd::app
