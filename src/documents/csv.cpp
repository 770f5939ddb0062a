#include "documents/csv.hpp"

#include <csv.h>

#include <memory>

#include "core/error.hpp"

namespace cnscd::documents {
namespace {

struct State {
  std::vector<CsvRow> rows;
  CsvRow current{0, {}};
  bool in_row = false;
};

// Callbacks run inside libcsv's C frames, which must not be unwound: noexcept terminates on
// bad_alloc instead.
void OnField(void* data, std::size_t size, void* state) noexcept {
  auto& s = *static_cast<State*>(state);
  // libcsv may pass a null buffer for an empty cell.
  s.current.cells.emplace_back(size == 0 ? "" : std::string(static_cast<const char*>(data), size));
}

void OnRow(int /*terminator*/, void* state) noexcept {
  auto& s = *static_cast<State*>(state);
  s.rows.push_back(std::move(s.current));
  s.current = CsvRow{0, {}};
  s.in_row = false;
}

// libcsv's defaults: between rows it skips blanks and line ends; any other byte opens a row.
bool OpensRow(char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; }

struct ParserDeleter {
  void operator()(csv_parser* p) const {
    csv_free(p);
    delete p;
  }
};

Error Unreadable(int line) {
  const std::string n = std::to_string(line);
  return Malformed(
      "unreadable_csv",
      "Không đọc được tệp CSV ở dòng " + n + ": dấu ngoặc kép đặt sai chỗ hoặc không được đóng.",
      "The CSV file cannot be read at line " + n +
          ": a double quote is misplaced or never closed.");
}

}  // namespace

std::vector<CsvRow> ReadCsv(std::string_view content) {
  if (content.starts_with(kUtf8Bom)) content.remove_prefix(kUtf8Bom.size());
  std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser);
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
  State state;
  int line = 1;
  // Fed a byte at a time: the only way to learn the line where libcsv opens each row.
  for (char c : content) {
    if (!state.in_row && OpensRow(c)) {
      state.in_row = true;
      state.current.line = line;
    }
    if (csv_parse(parser.get(), &c, 1, OnField, OnRow, &state) != 1) {
      if (csv_error(parser.get()) == CSV_EPARSE) throw Unreadable(line);
      throw std::bad_alloc();  // CSV_ENOMEM or CSV_ETOOBIG
    }
    if (c == '\n') ++line;
  }
  if (csv_fini(parser.get(), OnField, OnRow, &state) != 0) throw Unreadable(state.current.line);
  return std::move(state.rows);
}

}  // namespace cnscd::documents
