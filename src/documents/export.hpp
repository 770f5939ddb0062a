#pragma once
// One way to write the files officials download: the formats offered, a download's name (one slug
// rule), CSV as spreadsheets open it safely, and the scratch file libxlsxwriter writes through.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::documents {

enum class FileFormat { kCsv, kXlsx, kPdf, kDocx };

std::string_view Extension(FileFormat format);    // "csv"
std::string_view ContentType(FileFormat format);  // "text/csv; charset=utf-8"
// The format a request names, among those an export offers; anything else is 422
// invalid_format (field "format"), naming the offered ones. The one error for every export.
FileFormat ParseFileFormat(std::string_view format, std::initializer_list<FileFormat> offered);

// A download's name: ASCII for old clients (Content-Disposition filename=) and as written in
// Vietnamese (filename*=UTF-8'').
struct DownloadName {
  std::string ascii;  // "DanhSach-To-CNSCD-Xa-Nhon-My.csv"
  std::string utf8;   // "DanhSach-To-CNSCĐ-Xã-Nhơn-Mỹ.csv"
};

// The one slug rule: the runs of letters and digits of `text`, joined by '-', case kept; the ASCII
// form drops diacritics (đ -> d). "Xã Nhơn Mỹ" -> "Xa-Nhon-My" / "Xã-Nhơn-Mỹ";
// "25/QĐ-UBND" -> "25-QD-UBND" / "25-QĐ-UBND". Text with no letter or digit gives "Don-vi" /
// "Đơn-vị".
DownloadName Slug(std::string_view text);

// "<prefix>-<part>-<part>.<ext>" with every part slugged; `prefix` is given in both forms.
DownloadName NameDownload(const DownloadName& prefix, std::initializer_list<std::string_view> parts,
                          FileFormat format);

// A file to download: its bytes, its media type and its names.
struct ExportFile {
  std::string bytes;
  std::string content_type;
  DownloadName name;
  std::size_t rows = 0;  // the lines it lists (people, teams), for the caller's audit entry
};

// CSV for spreadsheets: UTF-8 with a BOM (Excel reads Vietnamese then), CRLF line ends, RFC 4180
// quoting, and cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
// carriage return) made text with a leading apostrophe, as OWASP advises. A cell that is a plain
// number ("-5", "+84912345678", "1.5") is left as it is: it is no formula, and the apostrophe would
// turn a figure into text.
class CsvWriter {
 public:
  CsvWriter();
  void Row(const std::vector<std::string>& cells);
  const std::string& Text() const { return out_; }

 private:
  std::string out_;
};

// A cell as CsvWriter writes it (quoted and neutralised as above), for CSV written line by line.
std::string CsvCell(std::string_view cell);

// A scratch file for libraries that write only to files (libxlsxwriter 1.1): created empty and
// private (mkstemp), removed whatever happens. Bytes() reads it back whole.
class ScratchFile {
 public:
  explicit ScratchFile(std::string_view purpose);
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::string& path() const { return path_; }
  std::string Bytes() const;

 private:
  std::string path_;
};

}  // namespace cnscd::documents
