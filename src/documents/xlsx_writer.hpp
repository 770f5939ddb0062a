#pragma once
// Writing an official spreadsheet (Form 2, the allowance sheet, the consolidated report) with
// libxlsxwriter: the workbook's life, and the cell formats the documents share.
#include <xlsxwriter.h>

#include <string>
#include <string_view>
#include <vector>

#include "documents/export.hpp"

namespace cnscd::documents {

// libxlsxwriter 1.1 writes only to a file: the workbook lives in a ScratchFile and Close() reads
// it back. A workbook never closed (an exception while filling it) is freed, its file removed.
class XlsxWorkbook {
 public:
  explicit XlsxWorkbook(std::string_view purpose);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  lxw_workbook* get() const { return wb_; }
  lxw_worksheet* AddSheet(const std::string& name);
  // Writes the file and returns its bytes.
  std::string Close();

  // The documents' cell: Times New Roman 12 (Decree 30/2020/NĐ-CP's type), vertically centred,
  // with a thin border and wrapped text unless asked otherwise.
  lxw_format* Cell(bool bold = false, bool border = true, bool wrap = true);
  // A title: bold, centred, Times New Roman at `size_pt`.
  lxw_format* Heading(double size_pt);
  // A table's column headings: a bold, centred Cell on a light blue fill.
  lxw_format* ColumnHeader();

  // A sheet printed as the documents are: A4 landscape, as wide as one page.
  static void PrintA4Landscape(lxw_worksheet* ws);
  // A table's header row at `row`, `height_pt` high, in ColumnHeader, frozen on screen and
  // repeated on every printed page; the sheet printed A4 landscape.
  void TableHeader(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& headers,
                   double height_pt);

 private:
  ScratchFile file_;
  lxw_workbook* wb_ = nullptr;
};

}  // namespace cnscd::documents
