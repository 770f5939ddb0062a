#include "documents/conversion_table.hpp"

#include <cctype>

#include "core/error.hpp"
#include "core/text.hpp"
#include "documents/csv.hpp"

namespace cnscd::documents {
namespace {

bool AllDigits(std::string_view s, std::size_t n) {
  if (s.size() != n) return false;
  for (const char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

ConversionNote NoteOf(const std::string& text) {
  // Folded, so that NFD, case and the table's own typos ("Nhâp") read alike.
  const std::string f = text::Fold(text);
  if (StartsWith(f, "nhap toan bo")) return ConversionNote::kWhole;
  if (StartsWith(f, "nhap mot phan")) return ConversionNote::kPart;
  if (StartsWith(f, "giu nguyen")) return ConversionNote::kUnchanged;
  if (StartsWith(f, "doi ten")) return ConversionNote::kRenamed;
  if (StartsWith(f, "doi loai hinh")) return ConversionNote::kRetyped;
  if (StartsWith(f, "sap xep toan bo huyen")) return ConversionNote::kDistrictToSpecialZone;
  return ConversionNote::kOther;
}

}  // namespace

std::string TrailingCode(std::string_view name) {
  const std::string s = text::Clean(name);
  if (s.empty() || s.back() != ')') return {};
  const auto open = s.rfind('(');
  if (open == std::string::npos) return {};
  std::string code = s.substr(open + 1, s.size() - open - 2);
  for (const char c : code) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return {};
  }
  return code;
}

ConversionTable ParseConversionTable(std::string_view content) {
  const std::vector<CsvRow> csv = ReadCsv(content);
  // Row 2 holds the column names; row 1 groups them (new units, old units).
  if (csv.size() < 2 || csv[1].cells.size() < 8 || text::Fold(csv[1].cells[2]) != "ma xa moi" ||
      text::Fold(csv[1].cells[4]) != "ma xa cu") {
    throw Malformed("unknown_format",
                    "Không phải bảng chuyển đổi đơn vị hành chính mới–cũ (thiếu cột Mã Xã mới, "
                    "Mã Xã cũ ở dòng 2).",
                    "Not the NSO old-to-new conversion table (no Mã Xã mới, Mã Xã cũ columns "
                    "on line 2).");
  }
  ConversionTable table;
  for (std::size_t i = 2; i < csv.size(); ++i) {
    const CsvRow& r = csv[i];
    std::vector<std::string> c(8);
    for (std::size_t k = 0; k < 8 && k < r.cells.size(); ++k) c[k] = text::Clean(r.cells[k]);
    bool only_first = !c[0].empty();
    for (std::size_t k = 1; k < 8; ++k) only_first = only_first && c[k].empty();
    if (only_first) {
      ++table.section_rows;
      continue;
    }
    ConversionRow row;
    row.line = r.line;
    row.new_province_code = TrailingCode(c[0]);
    row.new_province_name = text::Clean(c[0].substr(0, c[0].rfind(" (")));
    row.new_commune_name = c[1];
    row.new_commune_code = c[2];
    row.old_commune_name = c[3];
    row.old_commune_code = c[4];
    row.note_text = c[5];
    row.note = NoteOf(c[5]);
    row.old_district_code = TrailingCode(c[6]);
    row.old_province_code = TrailingCode(c[7]);
    if (!AllDigits(row.new_commune_code, 5) || row.new_commune_name.empty()) {
      table.refused.push_back({r.line, "Thiếu mã xã mới (5 chữ số) hoặc tên xã mới.",
                               "The new commune's five-digit code or name is missing."});
      continue;
    }
    if (!row.old_commune_code.empty() && !AllDigits(row.old_commune_code, 5)) {
      table.refused.push_back(
          {r.line, "Mã xã cũ phải có 5 chữ số: " + row.old_commune_code,
           "The old commune code must have five digits: " + row.old_commune_code});
      continue;
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::vector<ReformDecision> ParseReformDecisions(std::string_view content) {
  std::vector<ReformDecision> out;
  for (const CsvRow& r : ReadCsv(content)) {
    std::vector<std::string> c;
    for (const std::string& cell : r.cells) c.push_back(text::Clean(cell));
    while (!c.empty() && c.back().empty()) c.pop_back();
    if (c.empty()) continue;
    if (out.empty() && c.size() == 2 && text::Fold(c[0]) == "old" && text::Fold(c[1]) == "new") {
      continue;
    }
    const std::string where = std::to_string(r.line);
    const bool by_id =
        c[0].starts_with("id:") && c[0].size() > 3 && AllDigits(c[0].substr(3), c[0].size() - 3);
    if (c.size() != 2 || (!by_id && !AllDigits(c[0], 5)) ||
        (c[1] != "dissolve" && !AllDigits(c[1], 5))) {
      throw RuleBroken("bad_decision",
                       "Dòng " + where +
                           ": cần \"mã xã cũ (5 chữ số) hoặc id:N, mã xã mới (5 chữ số) hoặc "
                           "dissolve\".",
                       "Line " + where +
                           ": expected \"old commune code (5 digits) or id:N, new commune code "
                           "(5 digits) or dissolve\".",
                       "decisions");
    }
    out.push_back({r.line, c[0], c[1] == "dissolve" ? "" : c[1], c[1] == "dissolve"});
  }
  return out;
}

}  // namespace cnscd::documents
