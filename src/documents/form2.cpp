#include "documents/form2.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "core/error.hpp"
#include "core/text.hpp"
#include "documents/csv.hpp"
#include "documents/xlsx_reader.hpp"

namespace cnscd::documents {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// A comparison key for column titles and positions: folded (no case, no diacritics), every
// character but letters and digits a space, spaces collapsed.
std::string Key(std::string_view s) {
  std::string folded = text::Fold(s);
  std::string out;
  bool space = false;
  for (const char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    } else {
      space = true;  // punctuation and what Fold left outside ASCII separate words
    }
  }
  return out;
}

bool StartsWithAny(std::string_view key, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (key == p || key.starts_with(std::string(p) + " ")) return true;
  }
  return false;
}

// The columns of Form 2, as indexes into a row; -1 when absent.
struct Columns {
  int tt = -1;
  int commune = -1;
  int team = -1;
  int name = -1;
  int position = -1;
  int phone = -1;
  bool Complete() const {
    return commune >= 0 && team >= 0 && name >= 0 && position >= 0 && phone >= 0;
  }
};

// The header row's columns, recognised by their titles as officials write them.
Columns FindColumns(const std::vector<std::string>& cells) {
  Columns c;
  auto take = [](int& slot, int index) {
    if (slot < 0) slot = index;
  };
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string key = Key(cells[i]);
    const int index = static_cast<int>(i);
    if (key == "tt" || key == "stt" || key == "so tt" || key == "so thu tu") {
      take(c.tt, index);
    } else if (StartsWithAny(key, {"ten xa", "xa phuong", "xa", "ten phuong", "ten don vi"})) {
      take(c.commune, index);
    } else if (StartsWithAny(key, {"ten to", "to cong nghe so", "to"})) {
      take(c.team, index);
    } else if (StartsWithAny(key, {"ho ten", "ho va ten"})) {
      take(c.name, index);
    } else if (StartsWithAny(key, {"chuc vu", "vai tro", "chuc danh"})) {
      take(c.position, index);
    } else if (StartsWithAny(key, {"dien thoai", "so dien thoai", "sdt", "dtdd"})) {
      take(c.phone, index);
    }
  }
  return c;
}

std::string Cell(const std::vector<std::string>& cells, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= cells.size()) return {};
  return text::Clean(cells[static_cast<std::size_t>(index)]);
}

bool Blank(const std::vector<std::string>& cells) {
  for (const std::string& c : cells) {
    if (!text::Clean(c).empty()) return false;
  }
  return true;
}

// "(1)", "2": a column-numbering row printed under some forms' headers.
bool IsNumbering(const std::string& cell) {
  std::string_view s = cell;
  if (s.starts_with('(') && s.ends_with(')') && s.size() > 2) s = s.substr(1, s.size() - 2);
  if (s.empty()) return false;
  for (const char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}
bool IsNumberingRow(const std::vector<std::string>& cells, const Columns& columns) {
  if (!IsNumbering(Cell(cells, columns.name))) return false;
  for (const std::string& c : cells) {
    const std::string v = text::Clean(c);
    if (!v.empty() && !IsNumbering(v)) return false;
  }
  return true;
}

// Excel turns a phone typed as a number into 912345678: give it its 0 back.
std::string RestoreLeadingZero(std::string phone) {
  if (phone.size() == 9 && std::string_view("35789").find(phone[0]) != std::string_view::npos) {
    for (const char c : phone) {
      if (std::isdigit(static_cast<unsigned char>(c)) == 0) return phone;
    }
    return "0" + phone;
  }
  return phone;
}

bool NamesSpreadsheet(std::string_view filename_or_type) {
  const std::string lower = text::Lower(filename_or_type);
  return lower.ends_with(".xlsx") || lower.ends_with(".xls") || lower.ends_with(".xlsm") ||
         lower.find("spreadsheetml") != std::string::npos ||
         lower.find("ms-excel") != std::string::npos;
}

std::vector<CsvRow> ReadRows(std::string_view bytes, std::string_view filename_or_type) {
  if (LooksLikeZip(bytes)) return ReadXlsx(bytes);
  // The Compound File signature: a legacy .xls workbook, or a password-protected .xlsx.
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    throw Malformed("unreadable_xlsx",
                    "Tệp là bảng tính Excel cũ (.xls) hoặc được đặt mật khẩu: hãy bỏ mật khẩu và "
                    "lưu lại dưới dạng .xlsx hoặc CSV UTF-8.",
                    "The file is a legacy Excel workbook (.xls) or password-protected: remove "
                    "the password and save it as .xlsx or CSV UTF-8.");
  }
  if (NamesSpreadsheet(filename_or_type)) {
    throw Malformed("unreadable_xlsx", "Tệp không phải bảng tính Excel (.xlsx) đọc được.",
                    "The file is not a readable Excel workbook (.xlsx).");
  }
  if (!text::IsValidUtf8(bytes)) {
    throw Malformed("not_utf8",
                    "Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: \"CSV UTF-8\").",
                    "The CSV file must be saved as UTF-8 (in Excel: \"CSV UTF-8\").");
  }
  return ReadCsv(bytes);
}

Error HeaderMissing(const std::vector<CsvRow>& rows) {
  std::string vi =
      "Không tìm thấy dòng tiêu đề của Mẫu 2: cần các cột Tên xã/phường/thị trấn, Tên Tổ công "
      "nghệ số cộng đồng, Họ tên, Chức vụ, Điện thoại di động.";
  std::string en =
      "The header row of Form 2 was not found: the columns Tên xã/phường/thị trấn, Tên Tổ công "
      "nghệ số cộng đồng, Họ tên, Chức vụ and Điện thoại di động are required.";
  // Excel in a Vietnamese locale may separate CSV cells with semicolons.
  for (std::size_t i = 0; i < rows.size() && i < 10; ++i) {
    if (rows[i].cells.size() == 1 && rows[i].cells[0].find(';') != std::string::npos) {
      vi +=
          " Tệp dường như dùng dấu chấm phẩy để ngăn cách: hãy lưu dưới dạng CSV UTF-8 "
          "(ngăn cách bằng dấu phẩy).";
      en +=
          " The file seems to separate cells with semicolons: save it as CSV UTF-8 (comma "
          "delimited).";
      break;
    }
  }
  return Malformed("form2_header_missing", vi, en);
}

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

// A team's rows are consecutive rows with the same commune and team.
bool SameTeam(const Form2Line& a, const Form2Line& b) {
  return a.commune == b.commune && a.team == b.team;
}

// The workbook is written to a temporary file (libxlsxwriter 1.1.4 has no in-memory output) and
// read back; the file is removed whatever happens.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cnscd-form2-XXXXXX").string();
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

lxw_format* BorderedFormat(lxw_workbook* wb) {
  lxw_format* f = workbook_add_format(wb);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, 12);
  return f;
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

std::string_view PositionOf(Role role) {
  switch (role) {
    case Role::kLeader:
      return "Tổ trưởng";
    case Role::kDeputy:
      return "Tổ phó";
    case Role::kMember:
      return "Tổ viên";
    case Role::kCollaborator:
      return "Cộng tác viên";
  }
  return "Tổ viên";
}

std::optional<Role> ParsePosition(std::string_view text) {
  std::string_view s = text;
  // "Tổ trưởng (Trưởng ấp)": the remark says who holds it, not the position.
  if (const std::size_t bracket = s.find('('); bracket != std::string_view::npos && bracket > 0) {
    s = s.substr(0, bracket);
  }
  const std::string key = Key(s);
  if (key == "to truong" || key == "truong to" || key == "leader") return Role::kLeader;
  if (key == "to pho" || key == "pho to" || key == "to pho to" || key == "deputy") {
    return Role::kDeputy;
  }
  if (key == "to vien" || key == "thanh vien" || key == "member") return Role::kMember;
  if (key == "cong tac vien" || key == "ctv" || key == "collaborator") return Role::kCollaborator;
  return std::nullopt;
}

std::string WriteForm2Csv(const std::vector<Form2Line>& rows) {
  std::string out(kBom);
  AppendCsvRow(out, Form2Headers());
  int tt = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Form2Line& r = rows[i];
    const bool first = i == 0 || !SameTeam(rows[i - 1], r);
    if (first) ++tt;
    AppendCsvRow(out, {first ? std::to_string(tt) : "", first ? r.commune : "", first ? r.team : "",
                       r.full_name, r.position, r.phone});
  }
  return out;
}

std::string WriteForm2Xlsx(const std::string& unit_name, const std::vector<Form2Line>& rows) {
  const TempFile file;
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (wb == nullptr) throw std::runtime_error("libxlsxwriter cannot create the workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Mẫu 2");

  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_name(title, "Times New Roman");
  format_set_font_size(title, 14);
  format_set_align(title, LXW_ALIGN_CENTER);
  format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* subtitle = workbook_add_format(wb);
  format_set_bold(subtitle);
  format_set_font_name(subtitle, "Times New Roman");
  format_set_font_size(subtitle, 13);
  format_set_align(subtitle, LXW_ALIGN_CENTER);
  lxw_format* header = BorderedFormat(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xD9E1F2);
  format_set_align(header, LXW_ALIGN_CENTER);
  lxw_format* cell = BorderedFormat(wb);
  lxw_format* centered = BorderedFormat(wb);
  format_set_align(centered, LXW_ALIGN_CENTER);
  lxw_format* phone = BorderedFormat(wb);
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
  const auto& headers = Form2Headers();
  for (std::size_t c = 0; c < headers.size(); ++c) {
    worksheet_write_string(ws, kHeaderRow, static_cast<lxw_col_t>(c), headers[c].c_str(), header);
  }
  worksheet_set_row(ws, kHeaderRow, 48, nullptr);
  worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
  worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);

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

  const lxw_error error = workbook_close(wb);
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("libxlsxwriter: ") + lxw_strerror(error));
  }
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) throw std::runtime_error("cannot read back the written workbook");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Form2Sheet ReadForm2(std::string_view bytes, std::string_view filename_or_type) {
  const std::vector<CsvRow> rows = ReadRows(bytes, filename_or_type);
  Form2Sheet sheet;
  std::size_t i = 0;
  Columns columns;
  for (; i < rows.size(); ++i) {
    columns = FindColumns(rows[i].cells);
    if (columns.Complete()) break;
  }
  if (i == rows.size()) throw HeaderMissing(rows);

  std::string tt;
  std::string commune;
  std::string team;
  for (++i; i < rows.size(); ++i) {
    const CsvRow& row = rows[i];
    if (Blank(row.cells) || IsNumberingRow(row.cells, columns)) continue;
    bool valid = true;
    for (const std::string& c : row.cells) valid = valid && text::IsValidUtf8(c);
    if (!valid) {
      sheet.refused.push_back({row.line, "Dòng có ký tự không phải UTF-8 hợp lệ.",
                               "The row holds text that is not valid UTF-8."});
      continue;
    }
    // A new TT opens a new team: its team name is not the previous one's.
    const std::string row_tt = Cell(row.cells, columns.tt);
    const bool new_team = !row_tt.empty() && row_tt != tt;
    if (!row_tt.empty()) tt = row_tt;
    if (std::string c = Cell(row.cells, columns.commune); !c.empty()) commune = std::move(c);
    if (std::string t = Cell(row.cells, columns.team); !t.empty()) {
      team = std::move(t);
    } else if (new_team) {
      team.clear();
    }
    Form2Input in;
    in.line = row.line;
    in.full_name = Cell(row.cells, columns.name);
    in.position = Cell(row.cells, columns.position);
    in.phone = RestoreLeadingZero(Cell(row.cells, columns.phone));
    // A row naming only its commune or team heads the rows below it.
    if (in.full_name.empty() && in.position.empty() && in.phone.empty()) continue;
    in.commune = commune;
    in.team = team;
    in.role = in.position.empty() ? std::optional<Role>(Role::kMember) : ParsePosition(in.position);
    sheet.rows.push_back(std::move(in));
  }
  return sheet;
}

}  // namespace cnscd::documents
