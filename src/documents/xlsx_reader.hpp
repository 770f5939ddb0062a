#pragma once
// Reading the first worksheet of an Excel workbook (.xlsx, Office Open XML) as rows of text, the
// way ReadCsv gives them: what officials send is usually a spreadsheet, not a CSV file.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "documents/csv.hpp"

namespace cnscd::documents {

// Limits that keep a hostile file (a zip bomb, a merge over a million rows) from exhausting
// memory; anything beyond them is refused as unreadable.
struct XlsxLimits {
  std::size_t max_part_bytes = 50u << 20;  // one decompressed part (sheet, shared strings)
  int max_rows = 100'000;                  // the highest row holding a value
  int max_columns = 200;                   // the highest column holding a value
  std::size_t max_text_bytes = 64u << 20;  // all cells' text together, merges filled
  std::size_t max_cells = 2'000'000;       // cells holding a value, merges filled
};

// The first worksheet (in the workbook's order) as rows: `line` is the sheet's row number
// (1-based), `cells` run from column A to the last cell holding a value; rows without any value
// are left out. Shared strings (rich text runs joined), inline strings, formula results,
// booleans (TRUE/FALSE) and numbers (integers written exactly, without ".0" or exponent: phone
// numbers stored as numbers come back as their digits) are read as text. A merged range takes
// its top-left value in every cell. Throws cnscd::Error (kMalformed, "unreadable_xlsx") when the
// bytes are not a readable workbook or exceed `limits`.
std::vector<CsvRow> ReadXlsx(std::string_view bytes, const XlsxLimits& limits = {});

// True when `bytes` start like a zip archive (an .xlsx file is one).
bool LooksLikeZip(std::string_view bytes);

// The rows of an uploaded sheet: a workbook (by its zip signature) read by ReadXlsx, else CSV in
// UTF-8 read by ReadCsv. `filename_or_type` ("list.xlsx", "text/csv"): a name or type saying
// spreadsheet makes bytes that are not one unreadable_xlsx rather than a CSV. Throws
// cnscd::Error (kMalformed): unreadable_xlsx (also a legacy .xls or password-protected file),
// not_utf8, unreadable_csv.
std::vector<CsvRow> ReadSheetRows(std::string_view bytes, std::string_view filename_or_type);

// A comparison key for column titles: folded (no case, no diacritics), every character but
// letters and digits a space, spaces collapsed ("Tên thôn, ấp" -> "ten thon ap").
std::string TitleKey(std::string_view s);

}  // namespace cnscd::documents
