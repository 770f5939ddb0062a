// Form 2 written: the CSV and the workbook officials download. Reading it back is form2_reader.
#include "documents/form2.hpp"

#include <xlsxwriter.h>

#include <array>
#include <cstdlib>

#include "documents/export.hpp"
#include "documents/xlsx_writer.hpp"

namespace cnscd::documents {
namespace {

// A team's rows are consecutive rows with the same commune and team.
bool SameTeam(const Form2Line& a, const Form2Line& b) {
  return a.commune == b.commune && a.team == b.team;
}

}  // namespace

const std::vector<std::string>& Form2Headers() {
  static const std::vector<std::string> kHeaders{"TT",
                                                 "Tên xã/phường/thị trấn",
                                                 "Tên Tổ công nghệ số cộng đồng",
                                                 "Họ tên",
                                                 "Chức vụ",
                                                 "Điện thoại di động (đã đăng ký Zalo)"};
  return kHeaders;
}

std::string WriteForm2Csv(const std::vector<Form2Line>& rows) {
  CsvWriter csv;
  csv.Row(Form2Headers());
  int tt = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Form2Line& r = rows[i];
    const bool first = i == 0 || !SameTeam(rows[i - 1], r);
    if (first) ++tt;
    csv.Row({first ? std::to_string(tt) : "", first ? r.commune : "", first ? r.team : "",
             r.full_name, r.position, r.phone});
  }
  return csv.Text();
}

std::string WriteForm2Xlsx(const std::string& unit_name, const std::vector<Form2Line>& rows) {
  XlsxWorkbook book("form2");
  lxw_worksheet* ws = book.AddSheet("Mẫu 2");

  lxw_format* title = book.Heading(14);
  lxw_format* subtitle = book.Heading(13);
  lxw_format* cell = book.Cell();
  lxw_format* centered = book.Cell();
  format_set_align(centered, LXW_ALIGN_CENTER);
  lxw_format* phone = book.Cell();
  format_set_num_format(phone, "@");  // text: an edited phone keeps its leading 0

  constexpr std::array<double, 6> kWidths{6, 28, 36, 26, 15, 20};
  for (std::size_t c = 0; c < kWidths.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, kWidths[c], nullptr);
  }
  worksheet_merge_range(ws, 0, 0, 0, 5, std::string(kForm2Title).c_str(), title);
  worksheet_set_row(ws, 0, 24, nullptr);
  worksheet_merge_range(ws, 1, 0, 1, 5, unit_name.c_str(), subtitle);
  constexpr lxw_row_t kHeaderRow = 3;
  book.TableHeader(ws, kHeaderRow, Form2Headers(), 48);

  lxw_row_t row = kHeaderRow + 1;
  int tt = 0;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t end = i + 1;
    while (end < rows.size() && SameTeam(rows[i], rows[end])) ++end;
    ++tt;
    const lxw_row_t first = row;
    const lxw_row_t last = row + static_cast<lxw_row_t>(end - i - 1);
    if (last > first) {
      // A merged range holds a string; the TT number overwrites its first cell.
      worksheet_merge_range(ws, first, 0, last, 0, "", centered);
      worksheet_merge_range(ws, first, 1, last, 1, rows[i].commune.c_str(), cell);
      worksheet_merge_range(ws, first, 2, last, 2, rows[i].team.c_str(), cell);
    } else {
      worksheet_write_string(ws, first, 1, rows[i].commune.c_str(), cell);
      worksheet_write_string(ws, first, 2, rows[i].team.c_str(), cell);
    }
    worksheet_write_number(ws, first, 0, tt, centered);
    for (; i < end; ++i, ++row) {
      worksheet_write_string(ws, row, 3, rows[i].full_name.c_str(), cell);
      worksheet_write_string(ws, row, 4, rows[i].position.c_str(), centered);
      worksheet_write_string(ws, row, 5, rows[i].phone.c_str(), phone);
    }
  }

  return book.Close();
}

}  // namespace cnscd::documents
