#include "documents/allowance_sheet.hpp"

#include <xlsxwriter.h>

#include <array>
#include <stdexcept>

#include "core/text.hpp"
#include "documents/export.hpp"
#include "documents/xlsx_writer.hpp"

namespace cnscd::documents {
namespace {

constexpr std::string_view kTeamAmountLabel = "Hỗ trợ hoạt động của Tổ (theo tháng)";
constexpr std::string_view kTotalLabel = "Tổng cộng";

}  // namespace

const std::vector<std::string>& AllowanceSheetHeaders() {
  static const std::vector<std::string> kHeaders{"STT",
                                                 "Họ và tên",
                                                 "Tổ",
                                                 "Chức vụ",
                                                 "Số ngày hoạt động",
                                                 "Số ngày được chi",
                                                 "Mức chi (đồng/ngày)",
                                                 "Thành tiền (đồng)",
                                                 "Ký nhận"};
  return kHeaders;
}

std::string MonthHeading(std::string_view period) {
  if (period.size() != 7) return std::string(period);
  return "Tháng " + std::string(period.substr(5, 2)) + " năm " + std::string(period.substr(0, 4));
}

std::string WriteAllowanceSheetCsv(const AllowanceSheetDocument& sheet) {
  CsvWriter csv;
  csv.Row(AllowanceSheetHeaders());
  int stt = 0;
  for (const AllowanceSheetMember& m : sheet.members) {
    csv.Row({std::to_string(++stt), m.full_name, m.team, m.position,
             std::to_string(m.activity_days), std::to_string(m.paid_days),
             m.day_rate ? std::to_string(*m.day_rate) : "", std::to_string(m.amount), ""});
  }
  for (const AllowanceSheetTeam& t : sheet.teams) {
    csv.Row({std::to_string(++stt), std::string(kTeamAmountLabel), t.team, "", "", "", "",
             std::to_string(t.amount), ""});
  }
  csv.Row({"", std::string(kTotalLabel), "", "", "", "", "", std::to_string(sheet.total), ""});
  return csv.Text();
}

std::string WriteAllowanceSheetXlsx(const AllowanceSheetDocument& sheet) {
  XlsxWorkbook book("allowances");
  lxw_workbook* wb = book.get();
  lxw_worksheet* ws = book.AddSheet("Chế độ");

  lxw_format* title = book.Heading(14);
  lxw_format* subtitle = book.Heading(13);
  lxw_format* note = workbook_add_format(wb);
  format_set_italic(note);
  format_set_font_name(note, "Times New Roman");
  format_set_font_size(note, 12);
  format_set_align(note, LXW_ALIGN_CENTER);
  lxw_format* cell = book.Cell();
  lxw_format* centered = book.Cell();
  format_set_align(centered, LXW_ALIGN_CENTER);
  lxw_format* money = book.Cell();
  format_set_num_format(money, "#,##0");
  lxw_format* bold = book.Cell();
  format_set_bold(bold);
  lxw_format* bold_money = book.Cell();
  format_set_bold(bold_money);
  format_set_num_format(bold_money, "#,##0");

  constexpr std::array<double, 9> kWidths{6, 26, 30, 14, 11, 11, 13, 15, 14};
  for (std::size_t c = 0; c < kWidths.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, kWidths[c], nullptr);
  }
  constexpr lxw_col_t kLast = 8;
  worksheet_merge_range(ws, 0, 0, 0, kLast, std::string(kAllowanceSheetTitle).c_str(), title);
  worksheet_set_row(ws, 0, 24, nullptr);
  worksheet_merge_range(ws, 1, 0, 1, kLast, sheet.commune.c_str(), subtitle);
  worksheet_merge_range(ws, 2, 0, 2, kLast, MonthHeading(sheet.period).c_str(), subtitle);
  worksheet_merge_range(ws, 3, 0, 3, kLast, sheet.rate_note.c_str(), note);
  constexpr lxw_row_t kHeaderRow = 5;
  book.TableHeader(ws, kHeaderRow, AllowanceSheetHeaders(), 36);

  lxw_row_t row = kHeaderRow + 1;
  int stt = 0;
  for (const AllowanceSheetMember& m : sheet.members) {
    worksheet_write_number(ws, row, 0, ++stt, centered);
    worksheet_write_string(ws, row, 1, m.full_name.c_str(), cell);
    worksheet_write_string(ws, row, 2, m.team.c_str(), cell);
    worksheet_write_string(ws, row, 3, m.position.c_str(), centered);
    worksheet_write_number(ws, row, 4, static_cast<double>(m.activity_days), centered);
    worksheet_write_number(ws, row, 5, static_cast<double>(m.paid_days), centered);
    if (m.day_rate) {
      worksheet_write_number(ws, row, 6, static_cast<double>(*m.day_rate), money);
    } else {
      worksheet_write_blank(ws, row, 6, money);
    }
    worksheet_write_number(ws, row, 7, static_cast<double>(m.amount), money);
    worksheet_write_blank(ws, row, 8, cell);
    ++row;
  }
  for (const AllowanceSheetTeam& t : sheet.teams) {
    worksheet_write_number(ws, row, 0, ++stt, centered);
    worksheet_write_string(ws, row, 1, std::string(kTeamAmountLabel).c_str(), cell);
    worksheet_write_string(ws, row, 2, t.team.c_str(), cell);
    for (lxw_col_t c = 3; c <= 6; ++c) worksheet_write_blank(ws, row, c, cell);
    worksheet_write_number(ws, row, 7, static_cast<double>(t.amount), money);
    worksheet_write_blank(ws, row, 8, cell);
    ++row;
  }
  worksheet_merge_range(ws, row, 0, row, 6, std::string(kTotalLabel).c_str(), bold);
  worksheet_write_number(ws, row, 7, static_cast<double>(sheet.total), bold_money);
  worksheet_write_blank(ws, row, 8, bold);
  row += 2;
  const std::string in_words = "Tổng số tiền: " + text::GroupThousands(sheet.total) + " đồng.";
  worksheet_write_string(ws, row, 1, in_words.c_str(), nullptr);

  return book.Close();
}

}  // namespace cnscd::documents
