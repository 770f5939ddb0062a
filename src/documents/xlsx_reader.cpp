#include "documents/xlsx_reader.hpp"

#include <zip.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cnscd::documents {
namespace {

Error Unreadable(const std::string& why_vi, const std::string& why_en) {
  return Malformed("unreadable_xlsx", "Không đọc được tệp Excel (.xlsx): " + why_vi + ".",
                   "The Excel file (.xlsx) cannot be read: " + why_en + ".");
}

Error TooLarge(const std::string& what_vi, const std::string& what_en) {
  return Unreadable("tệp quá lớn (" + what_vi + ")", "the file is too large (" + what_en + ")");
}

struct ZipDeleter {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileDeleter {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// The archive's parts, each read with a cap on its decompressed size: the size the archive
// declares is not trusted, the bytes read are counted.
class Archive {
 public:
  Archive(std::string_view bytes, std::size_t max_part_bytes) : max_part_bytes_(max_part_bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      throw std::bad_alloc();
    }
    zip_t* z = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (z == nullptr) {
      zip_source_free(source);  // still ours when opening failed
      throw Unreadable("không phải tệp .xlsx hợp lệ (không mở được dạng nén zip)",
                       "not a valid .xlsx file (not a readable zip archive)");
    }
    zip_.reset(z);
  }

  // The part's bytes, or nullopt when the archive has no such part.
  std::optional<std::string> Read(const std::string& name) const {
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    std::unique_ptr<zip_file_t, ZipFileDeleter> file(
        zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
      throw Unreadable("không giải nén được phần " + name + " (tệp được đặt mật khẩu?)",
                       "cannot decompress part " + name + " (is the file password-protected?)");
    }
    std::string out;
    char buffer[1 << 16];
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
      if (n < 0) {
        throw Unreadable("phần " + name + " bị hỏng", "part " + name + " is corrupt");
      }
      if (n == 0) break;
      if (out.size() + static_cast<std::size_t>(n) > max_part_bytes_) {
        throw TooLarge(
            "phần " + name + " vượt quá " + std::to_string(max_part_bytes_ >> 20) + " MB",
            "part " + name + " exceeds " + std::to_string(max_part_bytes_ >> 20) + " MB");
      }
      out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  std::unique_ptr<zip_t, ZipDeleter> zip_;
  std::size_t max_part_bytes_;
};

// Element names without their namespace prefix: some writers emit <x:row> instead of <row>.
std::string_view Local(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && Local(c) == local) return c;
  }
  return {};
}

// An attribute by its local name ("r:id" and "id" are both "id"), prefixed ones only when asked.
const char* Attr(const pugi::xml_node& node, std::string_view local, bool prefixed = false) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view name = a.name();
    const std::size_t colon = name.find(':');
    if (prefixed && colon == std::string_view::npos) continue;
    if (colon != std::string_view::npos) name = name.substr(colon + 1);
    if (name == local) return a.value();
  }
  return nullptr;
}

pugi::xml_document Parse(const std::string& xml, const std::string& part) {
  pugi::xml_document doc;
  // A lone space in <t xml:space="preserve"> </t> is a value; other white space between
  // elements is layout. DOCTYPEs are not parsed, so no entity can expand.
  const pugi::xml_parse_result ok =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                      pugi::encoding_utf8);
  if (!ok) {
    throw Unreadable("phần " + part + " không phải XML hợp lệ",
                     "part " + part + " is not valid XML");
  }
  return doc;
}

// A part name relative to the folder of `from` ("xl/workbook.xml" + "worksheets/sheet1.xml").
std::string Resolve(const std::string& from, std::string_view target) {
  std::string base;
  if (target.starts_with('/')) {
    target.remove_prefix(1);
  } else {
    const std::size_t slash = from.rfind('/');
    if (slash != std::string::npos) base = from.substr(0, slash + 1);
  }
  std::vector<std::string> segments;
  const std::string joined = base + std::string(target);
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    const std::string segment = joined.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& s : segments) out += (out.empty() ? "" : "/") + s;
  return out;
}

// The relationships of a part: id -> (type, resolved target).
struct Relationship {
  std::string type;
  std::string target;
};
std::map<std::string, Relationship> ReadRelationships(const Archive& archive,
                                                      const std::string& part) {
  const std::size_t slash = part.rfind('/');
  const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
  const std::string rels_name = folder + "_rels/" + file + ".rels";
  std::map<std::string, Relationship> out;
  const auto xml = archive.Read(rels_name);
  if (!xml) return out;
  const pugi::xml_document doc = Parse(*xml, rels_name);
  for (pugi::xml_node r : Child(doc, "Relationships").children()) {
    if (Local(r) != "Relationship") continue;
    const char* id = Attr(r, "Id");
    const char* target = Attr(r, "Target");
    const char* mode = Attr(r, "TargetMode");
    if (id == nullptr || target == nullptr ||
        (mode != nullptr && std::string_view(mode) == "External")) {
      continue;
    }
    const char* type = Attr(r, "Type");
    out[id] = {type == nullptr ? "" : type, Resolve(part, target)};
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// OOXML writes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_; a literal
// "_x" is escaped as _x005F_x).
std::string DecodeEscapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '_' && i + 7 <= s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      std::uint32_t cp = 0;
      const auto [ptr, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, cp, 16);
      if (ec == std::errc() && ptr == s.data() + i + 6 && (cp < 0xD800 || cp > 0xDFFF)) {
        AppendUtf8(out, cp);
        i += 7;
        continue;
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

// The text of a shared or inline string: its <t>, or its rich text runs' <t> joined; phonetic
// runs (<rPh>) are not part of the value.
std::string StringItemText(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node c : item.children()) {
    if (c.type() != pugi::node_element) continue;
    if (Local(c) == "t") {
      out += c.text().get();
    } else if (Local(c) == "r") {
      if (pugi::xml_node t = Child(c, "t")) out += t.text().get();
    }
  }
  return DecodeEscapes(out);
}

// A number as a person reads it: integers exactly ("912345678", not "9.12345678E8"), others in
// their shortest form.
std::string FormatNumber(std::string_view v) {
  double d = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || ptr != v.data() + v.size() || !std::isfinite(d)) return std::string(v);
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(d));
  }
  char buffer[64];
  const auto [end, ec2] = std::to_chars(buffer, buffer + sizeof buffer, d);
  if (ec2 != std::errc()) return std::string(v);
  return {buffer, end};
}

// "AB12" -> column 27 (0-based) and row 12; nullopt when it is not a cell reference.
struct CellRef {
  int row = 0;
  int column = 0;
};
std::optional<CellRef> ParseRef(std::string_view ref) {
  std::size_t i = 0;
  std::int64_t column = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])) != 0 && i < 4) {
    column = column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    ++i;
  }
  std::int64_t row = 0;
  if (i < ref.size()) {
    const auto [ptr, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
    if (ec != std::errc() || ptr != ref.data() + ref.size()) return std::nullopt;
  }
  // Excel's bounds: 16384 columns, 1048576 rows; a reference without a row is "column only".
  if (column > 16384 || row > 1'048'576 || row < 0) return std::nullopt;
  return CellRef{static_cast<int>(row), static_cast<int>(column) - 1};
}

class Grid {
 public:
  explicit Grid(const XlsxLimits& limits) : limits_(limits) {}

  void Set(int row, int column, std::string value) {
    if (value.empty()) return;
    if (row > limits_.max_rows) {
      throw TooLarge("quá " + std::to_string(limits_.max_rows) + " dòng",
                     "more than " + std::to_string(limits_.max_rows) + " rows");
    }
    if (column >= limits_.max_columns) {
      throw TooLarge("quá " + std::to_string(limits_.max_columns) + " cột",
                     "more than " + std::to_string(limits_.max_columns) + " columns");
    }
    std::vector<std::string>& cells = rows_[row];
    if (cells.size() <= static_cast<std::size_t>(column)) {
      cells.resize(static_cast<std::size_t>(column) + 1);
    }
    if (cells[static_cast<std::size_t>(column)].empty() && ++cell_count_ > limits_.max_cells) {
      throw TooLarge("quá " + std::to_string(limits_.max_cells) + " ô có dữ liệu",
                     "more than " + std::to_string(limits_.max_cells) + " cells with a value");
    }
    text_bytes_ += value.size();
    text_bytes_ -= cells[static_cast<std::size_t>(column)].size();
    if (text_bytes_ > limits_.max_text_bytes) {
      throw TooLarge(
          "nội dung các ô vượt quá " + std::to_string(limits_.max_text_bytes >> 20) + " MB",
          "the cells' text exceeds " + std::to_string(limits_.max_text_bytes >> 20) + " MB");
    }
    cells[static_cast<std::size_t>(column)] = std::move(value);
  }

  const std::string* Get(int row, int column) const {
    auto it = rows_.find(row);
    if (it == rows_.end() || static_cast<std::size_t>(column) >= it->second.size()) return nullptr;
    const std::string& v = it->second[static_cast<std::size_t>(column)];
    return v.empty() ? nullptr : &v;
  }

  std::vector<CsvRow> Rows() && {
    std::vector<CsvRow> out;
    out.reserve(rows_.size());
    for (auto& [row, cells] : rows_) out.push_back({row, std::move(cells)});
    return out;
  }

 private:
  const XlsxLimits& limits_;
  std::map<int, std::vector<std::string>> rows_;
  std::size_t text_bytes_ = 0;
  std::size_t cell_count_ = 0;
};

std::vector<std::string> ReadSharedStrings(const Archive& archive, const std::string& part) {
  std::vector<std::string> out;
  const auto xml = archive.Read(part);
  if (!xml) return out;
  const pugi::xml_document doc = Parse(*xml, part);
  for (pugi::xml_node si : Child(doc, "sst").children()) {
    if (si.type() == pugi::node_element && Local(si) == "si") out.push_back(StringItemText(si));
  }
  return out;
}

std::string CellValue(const pugi::xml_node& c, const std::vector<std::string>& shared) {
  const char* type_attr = Attr(c, "t");
  const std::string_view type = type_attr == nullptr ? "n" : type_attr;
  if (type == "inlineStr") {
    const pugi::xml_node is = Child(c, "is");
    return is ? StringItemText(is) : std::string();
  }
  const pugi::xml_node v = Child(c, "v");
  if (!v) return {};
  const std::string_view value = v.text().get();
  if (type == "s") {
    std::size_t index = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
    if (ec != std::errc() || ptr != value.data() + value.size() || index >= shared.size()) {
      throw Unreadable("một ô trỏ tới chuỗi dùng chung không tồn tại",
                       "a cell refers to a shared string that does not exist");
    }
    return shared[index];
  }
  if (type == "b") return value == "1" ? "TRUE" : "FALSE";
  if (type == "n") return FormatNumber(value);
  return DecodeEscapes(value);  // str (a formula's text), e (#N/A…), d (ISO date)
}

// Where the workbook part is: the package's officeDocument relationship, or the usual place.
std::string WorkbookPart(const Archive& archive) {
  for (const auto& [id, rel] : ReadRelationships(archive, "")) {
    if (EndsWith(rel.type, "/officeDocument")) return rel.target;
  }
  return "xl/workbook.xml";
}

bool NamesSpreadsheet(std::string_view filename_or_type) {
  const std::string lower = text::Lower(filename_or_type);
  return lower.ends_with(".xlsx") || lower.ends_with(".xls") || lower.ends_with(".xlsm") ||
         lower.find("spreadsheetml") != std::string::npos ||
         lower.find("ms-excel") != std::string::npos;
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) { return bytes.starts_with("PK\x03\x04"); }

std::vector<CsvRow> ReadXlsx(std::string_view bytes, const XlsxLimits& limits) {
  const Archive archive(bytes, limits.max_part_bytes);
  const std::string workbook_part = WorkbookPart(archive);
  const auto workbook_xml = archive.Read(workbook_part);
  if (!workbook_xml) {
    throw Unreadable("thiếu phần workbook (không phải bảng tính Excel)",
                     "the workbook part is missing (not an Excel spreadsheet)");
  }
  const pugi::xml_document workbook = Parse(*workbook_xml, workbook_part);
  const auto rels = ReadRelationships(archive, workbook_part);

  std::string sheet_part;
  for (pugi::xml_node sheet : Child(Child(workbook, "workbook"), "sheets").children()) {
    if (Local(sheet) != "sheet") continue;
    const char* rid = Attr(sheet, "id", /*prefixed=*/true);
    if (rid == nullptr) continue;
    auto it = rels.find(rid);
    if (it != rels.end() && EndsWith(it->second.type, "/worksheet")) {
      sheet_part = it->second.target;
      break;
    }
  }
  if (sheet_part.empty()) {
    throw Unreadable("bảng tính không có trang tính nào", "the workbook has no worksheet");
  }
  std::vector<std::string> shared;
  for (const auto& [id, rel] : rels) {
    if (EndsWith(rel.type, "/sharedStrings")) shared = ReadSharedStrings(archive, rel.target);
  }

  const auto sheet_xml = archive.Read(sheet_part);
  if (!sheet_xml) {
    throw Unreadable("thiếu trang tính " + sheet_part, "worksheet " + sheet_part + " is missing");
  }
  const pugi::xml_document sheet = Parse(*sheet_xml, sheet_part);
  const pugi::xml_node worksheet = Child(sheet, "worksheet");

  Grid grid(limits);
  int row_number = 0;
  for (pugi::xml_node row : Child(worksheet, "sheetData").children()) {
    if (Local(row) != "row") continue;
    // Rows and cells may leave out their reference: then they follow the previous one.
    if (const char* r = Attr(row, "r")) {
      const auto ref = ParseRef(r);
      if (!ref || ref->row == 0 || ref->column != -1) {
        throw Unreadable("số dòng không hợp lệ", "a row number is not valid");
      }
      row_number = ref->row;
    } else {
      ++row_number;
    }
    int column = -1;
    for (pugi::xml_node c : row.children()) {
      if (Local(c) != "c") continue;
      if (const char* r = Attr(c, "r")) {
        const auto ref = ParseRef(r);
        if (!ref || ref->column < 0) {
          throw Unreadable("địa chỉ ô không hợp lệ", "a cell reference is not valid");
        }
        column = ref->column;
      } else {
        ++column;
      }
      grid.Set(row_number, column, CellValue(c, shared));
    }
  }

  for (pugi::xml_node merge : Child(worksheet, "mergeCells").children()) {
    if (Local(merge) != "mergeCell") continue;
    const char* ref_attr = Attr(merge, "ref");
    if (ref_attr == nullptr) continue;
    const std::string_view ref = ref_attr;
    const std::size_t colon = ref.find(':');
    if (colon == std::string_view::npos) continue;  // a single cell: nothing to fill
    const auto from = ParseRef(ref.substr(0, colon));
    const auto to = ParseRef(ref.substr(colon + 1));
    if (!from || !to || from->row < 1 || from->column < 0 || to->row < from->row ||
        to->column < from->column) {
      throw Unreadable("vùng gộp ô không hợp lệ", "a merged range is not valid");
    }
    const std::string* top_left = grid.Get(from->row, from->column);
    if (top_left == nullptr) continue;
    const std::string value = *top_left;
    for (int r = from->row; r <= to->row; ++r) {
      for (int col = from->column; col <= to->column; ++col) {
        if (r != from->row || col != from->column) grid.Set(r, col, value);
      }
    }
  }
  return std::move(grid).Rows();
}

std::string TitleKey(std::string_view s) {
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

std::vector<CsvRow> ReadSheetRows(std::string_view bytes, std::string_view filename_or_type) {
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

}  // namespace cnscd::documents
