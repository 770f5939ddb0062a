#include "documents/xlsx_writer.hpp"

#include <stdexcept>

namespace cnscd::documents {

XlsxWorkbook::XlsxWorkbook(std::string_view purpose)
    : file_(purpose), wb_(workbook_new(file_.path().c_str())) {
  if (wb_ == nullptr) throw std::runtime_error("libxlsxwriter cannot create the workbook");
}

XlsxWorkbook::~XlsxWorkbook() {
  if (wb_ != nullptr) lxw_workbook_free(wb_);
}

lxw_worksheet* XlsxWorkbook::AddSheet(const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (ws == nullptr) throw std::runtime_error("libxlsxwriter cannot add the sheet " + name);
  return ws;
}

std::string XlsxWorkbook::Close() {
  const lxw_error error = workbook_close(wb_);
  wb_ = nullptr;  // workbook_close frees it, even when it fails
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(error));
  }
  return file_.Bytes();
}

lxw_format* XlsxWorkbook::Cell(bool bold, bool border, bool wrap) {
  lxw_format* f = workbook_add_format(wb_);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (wrap) format_set_text_wrap(f);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, 12);
  if (bold) format_set_bold(f);
  return f;
}

lxw_format* XlsxWorkbook::Heading(double size_pt) {
  lxw_format* f = workbook_add_format(wb_);
  format_set_bold(f);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, size_pt);
  format_set_align(f, LXW_ALIGN_CENTER);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

lxw_format* XlsxWorkbook::ColumnHeader() {
  lxw_format* f = Cell(true);
  format_set_bg_color(f, 0xD9E1F2);
  format_set_align(f, LXW_ALIGN_CENTER);
  return f;
}

void XlsxWorkbook::PrintA4Landscape(lxw_worksheet* ws) {
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
}

void XlsxWorkbook::TableHeader(lxw_worksheet* ws, lxw_row_t row,
                               const std::vector<std::string>& headers, double height_pt) {
  lxw_format* header = ColumnHeader();
  for (std::size_t c = 0; c < headers.size(); ++c) {
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), headers[c].c_str(), header);
  }
  worksheet_set_row(ws, row, height_pt, nullptr);
  worksheet_freeze_panes(ws, row + 1, 0);
  worksheet_repeat_rows(ws, row, row);
  PrintA4Landscape(ws);
}

}  // namespace cnscd::documents
