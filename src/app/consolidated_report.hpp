#pragma once
// The consolidated report (báo cáo tổng hợp) of a unit for a period, as a file to download
// (docs/reporting.md): read in one transaction, composed and laid out by documents/.
#include <string>
#include <string_view>

#include "app/context.hpp"
#include "documents/export.hpp"

namespace cnscd::app {

// The consolidated report of a commune, district or province for a period (kRead), `format`
// xlsx or pdf (422 invalid_format; a village is 422 not_a_commune_or_above), named
// "BaoCao-TongHop-Xa-Nhon-My-2026-11.xlsx" and "Báo-cáo-tổng-hợp-Xã-Nhơn-Mỹ-2026-11.xlsx".
documents::ExportFile ConsolidatedReport(Context& ctx, const Caller& caller, store::Id unit_id,
                                         const std::string& period, std::string_view format);

}  // namespace cnscd::app
