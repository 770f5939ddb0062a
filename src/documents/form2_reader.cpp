// Form 2 read back, as officials fill it: the header found under any title, merged or blank
// cells carried down, phones typed as numbers, and the table ended where its rows end.
#include <cctype>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/text.hpp"
#include "documents/csv.hpp"
#include "documents/form2.hpp"
#include "documents/xlsx_reader.hpp"

namespace cnscd::documents {
namespace {

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
    const std::string key = TitleKey(cells[i]);
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

// The first filled cell of a row, cleaned.
std::string FirstFilled(const std::vector<std::string>& cells) {
  for (const std::string& c : cells) {
    std::string v = text::Clean(c);
    if (!v.empty()) return v;
  }
  return {};
}

// "Nhơn Mỹ, ngày 05 tháng 8 năm 2025", "Ngày … tháng … năm …": the words in that order.
bool IsDateLine(const std::string& key) {
  std::size_t at = 0;
  for (const std::string_view word : {"ngay", "thang", "nam"}) {
    bool found = false;
    while (!found && at < key.size()) {
      std::size_t end = key.find(' ', at);
      if (end == std::string::npos) end = key.size();
      found = std::string_view(key).substr(at, end - at) == word;
      at = end + 1;
    }
    if (!found) return false;
  }
  return true;
}

// What officials write under the list to sign it: "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)",
// "XÁC NHẬN CỦA UBND …", "TM. UBND XÃ", "KT. CHỦ TỊCH", "THỦ TRƯỞNG ĐƠN VỊ", "Nơi nhận:", and
// the place and date. No one's name begins so: a name never starts with "(", and these words
// are not Vietnamese names.
bool OpensSignatureBlock(const std::string& first) {
  const std::string key = TitleKey(first);
  if (first.starts_with('(') && StartsWithAny(key, {"ky"})) return true;
  return StartsWithAny(
             key, {"nguoi lap", "can bo lap", "xac nhan", "tm", "kt", "thu truong", "noi nhan"}) ||
         IsDateLine(key);
}

// "Tổng cộng: 12 người", "Tổng: 12", "Cộng: 5": a count, not a member. Read with its
// diacritics: "Tống" is a family name.
bool IsTotalLine(const std::string& first) {
  const std::string lower = text::Lower(first);
  for (const std::string_view word : {"tổng", "cộng"}) {
    if (!lower.starts_with(word)) continue;
    if (lower.size() == word.size()) return true;
    const auto next = static_cast<unsigned char>(lower[word.size()]);
    if (next < 0x80 && std::isalpha(next) == 0) return true;  // a space, ':' or a digit
  }
  return false;
}

}  // namespace

std::optional<Role> ParsePosition(std::string_view text) {
  std::string_view s = text;
  // "Tổ trưởng (Trưởng ấp)": the remark says who holds it, not the position.
  if (const std::size_t bracket = s.find('('); bracket != std::string_view::npos && bracket > 0) {
    s = s.substr(0, bracket);
  }
  const std::string key = TitleKey(s);
  if (key == "to truong" || key == "truong to" || key == "leader") return Role::kLeader;
  if (key == "to pho" || key == "pho to" || key == "to pho to" || key == "deputy") {
    return Role::kDeputy;
  }
  if (key == "to vien" || key == "thanh vien" || key == "member") return Role::kMember;
  if (key == "cong tac vien" || key == "ctv" || key == "collaborator") return Role::kCollaborator;
  return std::nullopt;
}

Form2Sheet ReadForm2(std::string_view bytes, std::string_view filename_or_type) {
  const std::vector<CsvRow> rows = ReadSheetRows(bytes, filename_or_type);
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
    const std::string row_tt = Cell(row.cells, columns.tt);
    // The table ends where its rows end (docs/documents.md): a row without a number in TT that
    // opens the signature block ends it, and nothing below is read; a total line is skipped.
    if (row_tt.empty() || std::isdigit(static_cast<unsigned char>(row_tt[0])) == 0) {
      const std::string first = FirstFilled(row.cells);
      if (OpensSignatureBlock(first)) break;
      if (IsTotalLine(first)) continue;
    }
    // A new TT opens a new team: its team name is not the previous one's.
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
