#pragma once
// The statistics office's conversion table of the 2025 reform (Bảng chuyển đổi ĐVHC mới–cũ,
// published with QĐ 19/2025/QĐ-TTg): one row per (new commune, old commune) pair, saying whether
// the old commune went into the new one whole or in part (issue 8 item 3). Read as the office
// publishes it: two header rows, a section row per province (only its first cell filled), NFD
// text in places, cells with stray spaces and line breaks, codes inside names ("Tỉnh Lai Châu
// (12)"), and rows that name no old commune (an island district made a special zone, an area).
#include <string>
#include <string_view>
#include <vector>

#include "documents/unit_lists.hpp"

namespace cnscd::documents {

// What the table's note (Ghi chú) says of the pair.
enum class ConversionNote {
  kWhole,      // Nhập toàn bộ: the whole old commune went in
  kPart,       // Nhập một phần (…diện tích, …dân số): a part of it did
  kUnchanged,  // Giữ nguyên
  kRenamed,    // Đổi tên
  kRetyped,    // Đổi loại hình (a xã made a phường, ...)
  kDistrictToSpecialZone,  // Sắp xếp toàn bộ huyện … thành đặc khu: an island district, no commune
  kOther,                  // anything else: kept as text, for a human to read
};

struct ConversionRow {
  int line = 0;                   // where the row starts in the file
  std::string new_province_code;  // "12"
  std::string new_province_name;  // "Tỉnh Lai Châu", without its code
  std::string new_commune_code;   // five digits
  std::string new_commune_name;   // NFC, spaces collapsed
  std::string old_commune_code;   // five digits; empty when the row names no old commune
  std::string old_commune_name;   // may name an area without a code
  std::string old_district_code;  // three digits, or empty
  std::string old_province_code;  // two digits, or empty
  ConversionNote note = ConversionNote::kOther;
  std::string note_text;  // the note as written (cleaned)
};

struct ConversionTable {
  std::vector<ConversionRow> rows;
  std::vector<Refusal> refused;  // rows that could not be read, with their line
  int section_rows = 0;          // province headings skipped
};

// Throws cnscd::Error (kMalformed, "unknown_format") when the header is not the table's, or
// "unreadable_csv". A row without a five-digit new commune code is refused, not thrown.
ConversionTable ParseConversionTable(std::string_view content);

// The decisions file of `cnscd reform --decisions`: CSV lines "old,new" where old is an old
// commune's five-digit code or "id:N" (any unit by id) and new a new commune's five-digit code or
// "dissolve"; a first line "old,new" is a header. Blank lines are skipped. Throws a 422 Error
// (code "bad_decision") naming the first malformed line.
struct ReformDecision {
  int line = 0;
  std::string old_key;
  std::string new_code;  // empty when dissolve
  bool dissolve = false;
};
std::vector<ReformDecision> ParseReformDecisions(std::string_view content);

// The code in parentheses at the end of a name ("Tỉnh Lai Châu (12)" → "12"), or "".
std::string TrailingCode(std::string_view name);

}  // namespace cnscd::documents
