#include "documents/allowance_sheet.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace cnscd::documents {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kTeamAmountLabel = "Hỗ trợ hoạt động của Tổ (theo tháng)";
constexpr std::string_view kTotalLabel = "Tổng cộng";

// RFC 4180: quote a cell holding a comma, a quote, a line break or edge spaces.
void AppendCsvCell(std::string& out, const std::string& cell) {
  const bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
                     (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
  if (!quote) {
    out += cell;
    return;
  }
  out.push_back('"');
  for (const char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void AppendCsvRow(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendCsvCell(out, cells[i]);
  }
  out += "\r\n";
}

// libxlsxwriter 1.1.4 writes only to files: the workbook goes to a temporary file that is read
// back and removed whatever happens.
class TempFile {
 public:
  TempFile() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "cnscd-allowances-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
    close(fd);
    path_ = pattern;
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

lxw_format* Bordered(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, 12);
  return f;
}

lxw_format* Heading(lxw_workbook* wb, double size) {
  lxw_format* f = workbook_add_format(wb);
  format_set_bold(f);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, size);
  format_set_align(f, LXW_ALIGN_CENTER);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

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

std::string FormatDong(std::int64_t amount) {
  const bool negative = amount < 0;
  std::string digits = std::to_string(negative ? -amount : amount);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return negative ? "-" + out : out;
}

std::string WriteAllowanceSheetCsv(const AllowanceSheetDocument& sheet) {
  std::string out(kBom);
  AppendCsvRow(out, AllowanceSheetHeaders());
  int stt = 0;
  for (const AllowanceSheetMember& m : sheet.members) {
    AppendCsvRow(out,
                 {std::to_string(++stt), m.full_name, m.team, m.position,
                  std::to_string(m.activity_days), std::to_string(m.paid_days),
                  m.day_rate ? std::to_string(*m.day_rate) : "", std::to_string(m.amount), ""});
  }
  for (const AllowanceSheetTeam& t : sheet.teams) {
    AppendCsvRow(out, {std::to_string(++stt), std::string(kTeamAmountLabel), t.team, "", "", "", "",
                       std::to_string(t.amount), ""});
  }
  AppendCsvRow(out,
               {"", std::string(kTotalLabel), "", "", "", "", "", std::to_string(sheet.total), ""});
  return out;
}

std::string WriteAllowanceSheetXlsx(const AllowanceSheetDocument& sheet) {
  const TempFile file;
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (wb == nullptr) throw std::runtime_error("libxlsxwriter cannot create the workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Chế độ");

  lxw_format* title = Heading(wb, 14);
  lxw_format* subtitle = Heading(wb, 13);
  lxw_format* note = workbook_add_format(wb);
  format_set_italic(note);
  format_set_font_name(note, "Times New Roman");
  format_set_font_size(note, 12);
  format_set_align(note, LXW_ALIGN_CENTER);
  lxw_format* header = Bordered(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xD9E1F2);
  format_set_align(header, LXW_ALIGN_CENTER);
  lxw_format* cell = Bordered(wb);
  lxw_format* centered = Bordered(wb);
  format_set_align(centered, LXW_ALIGN_CENTER);
  lxw_format* money = Bordered(wb);
  format_set_num_format(money, "#,##0");
  lxw_format* bold = Bordered(wb);
  format_set_bold(bold);
  lxw_format* bold_money = Bordered(wb);
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
  const auto& headers = AllowanceSheetHeaders();
  for (std::size_t c = 0; c < headers.size(); ++c) {
    worksheet_write_string(ws, kHeaderRow, static_cast<lxw_col_t>(c), headers[c].c_str(), header);
  }
  worksheet_set_row(ws, kHeaderRow, 36, nullptr);
  worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
  worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);

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
  const std::string in_words = "Tổng số tiền: " + FormatDong(sheet.total) + " đồng.";
  worksheet_write_string(ws, row, 1, in_words.c_str(), nullptr);

  const lxw_error error = workbook_close(wb);
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(error));
  }
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) throw std::runtime_error("cannot read back the written workbook");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace cnscd::documents
