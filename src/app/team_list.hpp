#pragma once
// Form 2 (Mẫu 2, seed 001), the list of teams and members: exporting a unit's list as XLSX or
// CSV. Importing such a sheet is app/member_import.
#include <string_view>

#include "app/context.hpp"
#include "documents/export.hpp"

namespace cnscd::app {

// The list of a commune, district or province (kRead on it; the rows are those the caller may
// read), `format` "xlsx" or "csv" (422 invalid_format otherwise; a village is 422
// not_a_commune_or_above), named "DanhSach-To-CNSCD-Xa-Nhon-My.xlsx" and
// "DanhSach-To-CNSCĐ-Xã-Nhơn-Mỹ.xlsx". Exporting personal data is audited: `export` on the unit.
documents::ExportFile ExportTeamList(Context& ctx, const Caller& caller, store::Id unit_id,
                                     std::string_view format);

// Shared with the member import: the unit a Form 2 is listed for or imported into, with kRead
// (kManage when `importing`) checked; a village is 422 not_a_commune_or_above.
store::Unit RequireForm2Unit(store::Transaction& tx, const Caller& caller, store::Id unit_id,
                             bool importing);

}  // namespace cnscd::app
