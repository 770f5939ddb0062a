#pragma once
// Form 2 (Mẫu 2, seed 001): the list of a commune's teams and their members, "DANH SÁCH VÀ THÔNG
// TIN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", one row per member: TT | Tên xã/phường/thị trấn | Tên Tổ công
// nghệ số cộng đồng | Họ tên | Chức vụ | Điện thoại di động (đã đăng ký Zalo). TT numbers the
// teams; the commune and team cells are written on a team's first row only (officials merge them
// or leave them blank). Written as CSV and XLSX (form2.cpp), read back from either
// (form2_reader.cpp). Pure: no database.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/member_import.hpp"
#include "core/team.hpp"
#include "documents/unit_lists.hpp"  // Refusal

namespace cnscd::documents {

inline constexpr std::string_view kForm2Title = "DANH SÁCH VÀ THÔNG TIN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG";

// The six column titles, as the form prints them.
const std::vector<std::string>& Form2Headers();

// A member's position as the form writes it: Tổ trưởng, Tổ phó, Tổ viên, Cộng tác viên (the
// import's notes use the same words).
using member_import::PositionOf;
// Reads a position ignoring case, diacritics and a remark in brackets ("to truong", "TỔ TRƯỞNG",
// "Tổ phó", "Thành viên" = member, "CTV", "Tổ trưởng (Trưởng ấp)"); the English role names are
// also accepted. nullopt when it is none of them (an empty text included).
std::optional<Role> ParsePosition(std::string_view text);

// One member's row, in the order the list is printed (teams' rows together).
struct Form2Line {
  std::string commune;
  std::string team;
  std::string full_name;
  std::string position;
  std::string phone;
  bool operator==(const Form2Line&) const = default;
};

// UTF-8 with a BOM (so that Excel reads the diacritics), CRLF, RFC 4180 quoting; the header row
// first, no title line. TT, commune and team on each team's first row only.
std::string WriteForm2Csv(const std::vector<Form2Line>& rows);
// The form as an Excel workbook: the title and `unit_name` above a bold, shaded header; TT,
// commune and team merged down each team's rows; the header frozen. Throws std::runtime_error
// when libxlsxwriter fails (a full disk).
std::string WriteForm2Xlsx(const std::string& unit_name, const std::vector<Form2Line>& rows);

// One member row read from a sheet.
struct Form2Input {
  int line = 0;         // the sheet's row number (XLSX) or the file's line (CSV)
  std::string commune;  // carried down from the rows above when blank or merged
  std::string team;
  std::string full_name;
  std::string position;      // as written (cleaned)
  std::optional<Role> role;  // parsed; a blank position is a member; nullopt when unknown
  std::string phone;         // as written; nine digits (Excel dropped the 0) get their 0 back
};

struct Form2Sheet {
  std::vector<Form2Input> rows;
  std::vector<Refusal> refused;  // rows that cannot be read at all (invalid UTF-8)
};

// Reads Form 2 from XLSX (detected by its zip signature) or CSV (UTF-8, BOM optional). The header
// row is the first whose cells name the columns (a title above it is skipped; column order may
// vary, TT may be missing); blank rows and a numbering row "(1) (2) …" are skipped. Rows naming
// only a commune or team set them for the rows below. The table ends where its rows end: at the
// first row without a number in TT whose first filled cell opens the signature block officials
// write under the list ("NGƯỜI LẬP BIỂU", "Người lập biểu", "(Ký, ghi rõ họ tên)", "XÁC NHẬN
// CỦA UBND …", "TM. …", "KT. …", "THỦ TRƯỞNG ĐƠN VỊ", "Nơi nhận:", or "…, ngày … tháng … năm …");
// nothing below it is read. A row without a number in TT whose first filled cell is a total
// ("Tổng cộng: 12 người", "Tổng: …", "Cộng: …") is skipped where it stands. Any other row is a
// member's, refused later if it is wrong: a bad row in the middle of the list is never dropped.
// `filename_or_type` ("list.xlsx", "text/csv"): a name or type saying spreadsheet makes bytes that
// are not one unreadable_xlsx rather than a CSV. Throws cnscd::Error (kMalformed): unreadable_xlsx,
// unreadable_csv, not_utf8, form2_header_missing.
Form2Sheet ReadForm2(std::string_view bytes, std::string_view filename_or_type);

}  // namespace cnscd::documents
