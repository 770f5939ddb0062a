#pragma once
// The sheet of a commune's villages (thôn, ấp, bản…) and their population: written as XLSX and
// CSV for officials to fill in Excel, read back from either for app/village_import. Columns:
// commune (above a commune only) | Tên thôn, ấp | Loại | Mã thôn | Năm | the population figures
// of PUT /units/ID/population. Pure: no database.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/village_sheet.hpp"

namespace cnscd::documents {

// The column titles, as written: the commune's first when `with_commune`.
std::vector<std::string> VillageSheetHeaders(bool with_commune);

// One village as the sheet lists it.
struct VillageLine {
  std::string commune;  // written only when the sheet has the column
  std::string name;
  std::string kind;  // the subkind: "thôn"
  std::string code;
  std::optional<int> year;
  std::map<std::string, std::int64_t> figures;  // cohort -> figure
};

// UTF-8 with a BOM, CRLF, the header row first.
std::string WriteVillageSheetCsv(bool with_commune, const std::vector<VillageLine>& rows);
// A workbook: the title and `heading` (the unit) above the frozen header, then the villages and
// `blank_rows` empty bordered rows for new ones. Throws std::runtime_error when libxlsxwriter
// fails.
std::string WriteVillageSheetXlsx(const std::string& heading, bool with_commune,
                                  const std::vector<VillageLine>& rows, int blank_rows);

// Reads the sheet from XLSX or CSV (ReadSheetRows). The header row is the first holding the
// village name's column ("Tên thôn, ấp", "Tên thôn", "Thôn, ấp"); the others are found by their
// titles, in any order, each optional. Blank rows are skipped; a row with invalid UTF-8 is
// refused. Cells are cleaned (text::Clean); blank figures are left out. Throws cnscd::Error
// (kMalformed): those of ReadSheetRows, village_sheet_header_missing.
std::vector<village_sheet::SheetRow> ReadVillageSheet(std::string_view bytes,
                                                      std::string_view filename_or_type);

}  // namespace cnscd::documents
