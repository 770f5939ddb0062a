#pragma once
// Villages and their population from a sheet: the commune's (or every commune's under a unit)
// villages exported as XLSX or CSV, and the same sheet filled in read back, each row decided by
// core/village_sheet and the plan applied all or nothing in one transaction.
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "app/snapshot.hpp"
#include "core/error.hpp"
#include "core/village_sheet.hpp"
#include "documents/export.hpp"

namespace cnscd::app {

// The sheet of `unit_id` (a commune or above, kRead on it; a village is 422
// not_a_commune_or_above), `format` "xlsx" or "csv": one row per current village with its
// latest population year (this year, figures blank, when it has none), named
// "Thon-Ap-Xa-Nhon-My.xlsx".
documents::ExportFile ExportVillageSheet(Context& ctx, const Caller& caller, store::Id unit_id,
                                         std::string_view format);

struct VillageImportReport {
  std::vector<village_sheet::Row> rows;
  int created = 0;  // villages
  int updated = 0;  // villages whose population changed
  int matched = 0;
  int refused = 0;
  bool applied = false;
};

// Some rows are refused: a 422 `import_refused` carrying the dry run's report.
class VillageImportRefused : public Error {
 public:
  explicit VillageImportRefused(VillageImportReport report);
  const VillageImportReport& report() const { return report_; }

 private:
  VillageImportReport report_;
};

// Reads the sheet (`bytes`, XLSX or CSV; `filename` or a content type helps to word errors) into
// `unit_id` (kManage: a commune or above). apply=false: a dry run, nothing written. apply=true:
// every village created and figure stored, with their audit entries and one `import` on the unit,
// or nothing (VillageImportRefused). Throws cnscd::Error for an unreadable file (400) or a sheet
// without rows (422 empty_sheet).
VillageImportReport ImportVillages(Context& ctx, const Caller& caller, store::Id unit_id,
                                   std::string_view bytes, const std::string& filename, bool apply);

// {"mode": "dry_run"|"applied", "rows": [{"row", "action", "commune", "name", "reason"?,
// "reason_en"?}], "created", "updated", "matched", "refused"}.
Json VillageImportReportJson(const VillageImportReport& report);

}  // namespace cnscd::app
