#pragma once
// The official lists of administrative units (GSO exports, the 2025 two-level list), parsed
// into records ready to load. Pure parsing: no database.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/unit.hpp"

namespace cnscd::documents {

enum class UnitListFormat {
  kGsoCommunes,   // GSO commune list before 1 July 2025: province, district, commune per row
  kGsoDistricts,  // GSO district list before 1 July 2025: province, district per row
  kTwoLevel2025,  // from 1 July 2025: province, commune per row
};

struct UnitRecord {
  int line;  // line in the file where the unit first appears
  UnitKind kind;
  std::string code;  // official code, zero-padded (province 2, district 3, commune 5 digits)
  std::string name;  // official full name, NFC, spaces collapsed: "Xã Nhơn Mỹ"
  std::string subkind;  // lowercase type word: "xã", "phường", "thị trấn", "huyện", "tỉnh", ...
  std::optional<UnitKind> parent_kind;
  std::string parent_code;  // empty for provinces
};

struct Refusal {
  int line;
  std::string message_vi;
  std::string message_en;
};

struct UnitList {
  UnitListFormat format;
  // Provinces, then districts, then communes, each in order of first appearance and once.
  std::vector<UnitRecord> records;
  std::vector<Refusal> refused;  // one per refused row; nothing of a refused row is kept
  int rows_read = 0;             // data rows seen (header excluded)
};

// Detects the format from the header (after text::Clean, columns in any order); throws
// cnscd::Error(kMalformed, "unknown_format") if none matches, or "unreadable_csv" from ReadCsv.
// Bad rows are refused, not thrown: missing or malformed code or name, unknown type, wrong
// number of cells, invalid UTF-8, or a code seen before with different data.
UnitList ParseUnitList(std::string_view content);

}  // namespace cnscd::documents
