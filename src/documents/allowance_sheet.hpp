#pragma once
// The monthly allowance sheet of a commune (Bảng thanh toán chế độ Tổ công nghệ số cộng đồng):
// one line per member with the days they were active and paid, the teams' monthly amounts, and a
// total, with a column for each payee to sign on receipt (ký nhận). Written as XLSX and as CSV.
// Pure: no database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::documents {

inline constexpr std::string_view kAllowanceSheetTitle =
    "BẢNG THANH TOÁN CHẾ ĐỘ TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG";

// The nine column titles, as the sheet prints them.
const std::vector<std::string>& AllowanceSheetHeaders();

struct AllowanceSheetMember {
  std::string full_name;
  std::string team;
  std::string position;  // Tổ trưởng, Tổ phó, Tổ viên, Cộng tác viên; empty when none
  std::int64_t activity_days = 0;
  std::int64_t paid_days = 0;
  std::optional<std::int64_t> day_rate;  // đồng per day; nullopt: the rate pays no day
  std::int64_t amount = 0;
};

// A team's own monthly amount, signed for by its leader.
struct AllowanceSheetTeam {
  std::string team;
  std::int64_t amount = 0;
};

struct AllowanceSheetDocument {
  std::string commune;    // "Xã Nhơn Mỹ, Huyện Kế Sách, Tỉnh Sóc Trăng"
  std::string period;     // YYYY-MM
  std::string rate_note;  // how the rate reads, or that none is set
  std::vector<AllowanceSheetMember> members;
  std::vector<AllowanceSheetTeam> teams;  // only when the rate pays per team
  std::int64_t total = 0;
};

// "Tháng 03 năm 2025" for "2025-03".
std::string MonthHeading(std::string_view period);

// UTF-8 with a BOM (so that Excel reads the diacritics), CRLF, RFC 4180 quoting: the header row,
// one row per member, one per team amount, then the total. Amounts are plain integers.
std::string WriteAllowanceSheetCsv(const AllowanceSheetDocument& sheet);
// The sheet as an Excel workbook: the title, the commune and month above a bold header, amounts
// as numbers shown with thousands separators, a total row, the signing column empty; A4
// landscape. Throws std::runtime_error when libxlsxwriter fails (a full disk).
std::string WriteAllowanceSheetXlsx(const AllowanceSheetDocument& sheet);

}  // namespace cnscd::documents
