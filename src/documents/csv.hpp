#pragma once
// CSV reading on top of libcsv (RFC 4180 quoting), keeping the line where each row starts.
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::documents {

// The UTF-8 byte order mark: stripped when CSV is read, written first (CsvWriter) so that Excel
// reads the Vietnamese as UTF-8.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

struct CsvRow {
  int line;  // 1-based physical line where the row starts
  // As libcsv gives them: quotes removed, quoted newlines kept, blanks around unquoted cells cut.
  std::vector<std::string> cells;
};

// Reads all rows; blank lines are skipped and a leading UTF-8 BOM is stripped.
// Throws cnscd::Error (kMalformed, "unreadable_csv") on a misplaced or unclosed double quote.
std::vector<CsvRow> ReadCsv(std::string_view content);

}  // namespace cnscd::documents
