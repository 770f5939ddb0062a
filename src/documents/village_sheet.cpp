#include "documents/village_sheet.hpp"

#include <xlsxwriter.h>

#include <array>

#include "core/error.hpp"
#include "core/service.hpp"
#include "core/text.hpp"
#include "documents/export.hpp"
#include "documents/xlsx_reader.hpp"
#include "documents/xlsx_writer.hpp"

namespace cnscd::documents {
namespace {

constexpr std::string_view kTitle = "DANH SÁCH THÔN, ẤP VÀ DÂN SỐ";
constexpr std::string_view kCommuneTitle = "Xã, phường (tên hoặc mã)";
constexpr std::string_view kNameTitle = "Tên thôn, ấp";
constexpr std::string_view kKindTitle = "Loại (thôn, ấp, bản…)";
constexpr std::string_view kCodeTitle = "Mã thôn";
constexpr std::string_view kYearTitle = "Năm";

// The population figures' titles, in the order of Cohorts().
const std::map<std::string, std::string>& CohortTitles() {
  static const std::map<std::string, std::string> kTitles{
      {"age14plus", "Dân số từ 14 tuổi trở lên"},
      {"age15plus", "Dân số từ 15 tuổi trở lên"},
      {"age18plus", "Dân số từ 18 tuổi trở lên"},
      {"working_age", "Dân số trong độ tuổi lao động"},
      {"households", "Số hộ"},
      {"business_households", "Số hộ sản xuất, kinh doanh"},
      {"businesses", "Số doanh nghiệp, cửa hàng"}};
  return kTitles;
}

// The cells of one village, numbers as text.
std::vector<std::string> Cells(bool with_commune, const VillageLine& v) {
  std::vector<std::string> cells;
  if (with_commune) cells.push_back(v.commune);
  cells.insert(cells.end(), {v.name, v.kind, v.code, v.year ? std::to_string(*v.year) : ""});
  for (const std::string& c : Cohorts()) {
    const auto it = v.figures.find(c);
    cells.push_back(it == v.figures.end() ? "" : std::to_string(it->second));
  }
  return cells;
}

// The columns found in the header row, as indexes; -1 when absent.
struct Columns {
  int commune = -1;
  int name = -1;
  int kind = -1;
  int code = -1;
  int year = -1;
  std::map<std::string, int> figures;
};

Columns FindColumns(const std::vector<std::string>& cells) {
  std::map<std::string, std::string> cohort_of;  // title key -> cohort
  for (const auto& [cohort, title] : CohortTitles()) cohort_of[TitleKey(title)] = cohort;
  cohort_of["so ho gia dinh"] = "households";
  Columns c;
  auto take = [](int& slot, std::size_t index) {
    if (slot < 0) slot = static_cast<int>(index);
  };
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string key = TitleKey(cells[i]);
    if (key.starts_with("ten thon") || key.starts_with("thon ap") || key == "ten ap") {
      take(c.name, i);
    } else if (key.starts_with("xa") || key.starts_with("ten xa") || key == "ma xa") {
      take(c.commune, i);
    } else if (key.starts_with("loai")) {
      take(c.kind, i);
    } else if (key == "ma thon" || key == "ma") {
      take(c.code, i);
    } else if (key == "nam") {
      take(c.year, i);
    } else if (const auto cohort = cohort_of.find(key); cohort != cohort_of.end()) {
      c.figures.emplace(cohort->second, static_cast<int>(i));
    }
  }
  return c;
}

std::string Cell(const std::vector<std::string>& cells, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= cells.size()) return {};
  return text::Clean(cells[static_cast<std::size_t>(index)]);
}

}  // namespace

std::vector<std::string> VillageSheetHeaders(bool with_commune) {
  std::vector<std::string> out;
  if (with_commune) out.emplace_back(kCommuneTitle);
  out.insert(out.end(), {std::string(kNameTitle), std::string(kKindTitle), std::string(kCodeTitle),
                         std::string(kYearTitle)});
  for (const std::string& c : Cohorts()) out.push_back(CohortTitles().at(c));
  return out;
}

std::string WriteVillageSheetCsv(bool with_commune, const std::vector<VillageLine>& rows) {
  CsvWriter csv;
  csv.Row(VillageSheetHeaders(with_commune));
  for (const VillageLine& v : rows) csv.Row(Cells(with_commune, v));
  return csv.Text();
}

std::string WriteVillageSheetXlsx(const std::string& heading, bool with_commune,
                                  const std::vector<VillageLine>& rows, int blank_rows) {
  XlsxWorkbook book("village-sheet");
  lxw_worksheet* ws = book.AddSheet("Thôn, ấp");
  lxw_format* cell = book.Cell();
  lxw_format* text_cell = book.Cell();
  format_set_num_format(text_cell, "@");  // a code such as 001 keeps its zeros
  lxw_format* number = book.Cell();
  format_set_num_format(number, "#,##0");

  const std::vector<std::string> headers = VillageSheetHeaders(with_commune);
  const auto last = static_cast<lxw_col_t>(headers.size() - 1);
  const lxw_col_t first_name = with_commune ? 1 : 0;
  if (with_commune) worksheet_set_column(ws, 0, 0, 24, nullptr);
  worksheet_set_column(ws, first_name, first_name, 24, nullptr);
  worksheet_set_column(ws, first_name + 1, first_name + 2, 12, text_cell);
  worksheet_set_column(ws, first_name + 3, last, 13, nullptr);
  worksheet_merge_range(ws, 0, 0, 0, last, std::string(kTitle).c_str(), book.Heading(14));
  worksheet_merge_range(ws, 1, 0, 1, last, heading.c_str(), book.Heading(13));
  constexpr lxw_row_t kHeaderRow = 3;
  book.TableHeader(ws, kHeaderRow, headers, 48);

  lxw_row_t row = kHeaderRow + 1;
  for (const VillageLine& v : rows) {
    const std::vector<std::string> cells = Cells(with_commune, v);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      // The year and figures as numbers, so that Excel sums them.
      if (col >= first_name + 3 && !cells[c].empty()) {
        worksheet_write_number(ws, row, col, std::stod(cells[c]),
                               col == first_name + 3 ? cell : number);
      } else {
        worksheet_write_string(ws, row, col, cells[c].c_str(),
                               col == first_name + 2 ? text_cell : cell);
      }
    }
    ++row;
  }
  // Empty bordered rows under the last village, for new ones.
  for (int i = 0; i < blank_rows; ++i, ++row) {
    for (lxw_col_t c = 0; c <= last; ++c) {
      worksheet_write_blank(ws, row, c, c == first_name + 2 ? text_cell : cell);
    }
  }
  return book.Close();
}

std::vector<village_sheet::SheetRow> ReadVillageSheet(std::string_view bytes,
                                                      std::string_view filename_or_type) {
  const std::vector<CsvRow> rows = ReadSheetRows(bytes, filename_or_type);
  std::size_t i = 0;
  Columns columns;
  for (; i < rows.size(); ++i) {
    columns = FindColumns(rows[i].cells);
    if (columns.name >= 0) break;
  }
  if (i == rows.size()) {
    throw Malformed("village_sheet_header_missing",
                    "Không tìm thấy dòng tiêu đề: cần ít nhất cột \"Tên thôn, ấp\" (tải bảng mẫu "
                    "để có đủ các cột).",
                    "The header row was not found: at least the column \"Tên thôn, ấp\" is "
                    "required (download the sheet for every column).");
  }
  std::vector<village_sheet::SheetRow> out;
  std::string commune;
  for (++i; i < rows.size(); ++i) {
    const CsvRow& row = rows[i];
    village_sheet::SheetRow r;
    r.line = row.line;
    bool valid = true;
    bool blank = true;
    for (const std::string& c : row.cells) {
      valid = valid && text::IsValidUtf8(c);
      blank = blank && (!valid || text::Clean(c).empty());
    }
    if (!valid) {
      r.refused = village_sheet::Reason{"Dòng có ký tự không phải UTF-8 hợp lệ.",
                                        "The row holds text that is not valid UTF-8."};
      out.push_back(std::move(r));
      continue;
    }
    if (blank) continue;
    r.commune = Cell(row.cells, columns.commune);
    r.name = Cell(row.cells, columns.name);
    r.kind = Cell(row.cells, columns.kind);
    r.code = Cell(row.cells, columns.code);
    r.year = Cell(row.cells, columns.year);
    for (const auto& [cohort, index] : columns.figures) {
      if (std::string v = Cell(row.cells, index); !v.empty())
        r.figures.emplace(cohort, std::move(v));
    }
    // A blank commune cell (or a merged one) is the one above; a row naming only its commune
    // heads the rows below it.
    if (r.commune.empty()) r.commune = commune;
    commune = r.commune;
    if (r.name.empty() && r.kind.empty() && r.code.empty() && r.year.empty() && r.figures.empty()) {
      continue;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace cnscd::documents
