#include "documents/export.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "core/error.hpp"
#include "documents/csv.hpp"

namespace cnscd::documents {

namespace {

// One form of the slug: runs of letters and digits joined by '-'. The ASCII form reads the NFD
// text and drops the combining marks, so "ỹ" gives "y"; đ and Đ have no decomposition.
std::string SlugForm(std::string_view text, bool ascii) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (ascii) {
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFD unavailable");
    u = nfd->normalize(u, status);
  }
  icu::UnicodeString out;
  bool dash = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (ascii && u_getCombiningClass(c) != 0) continue;
    if (ascii && c == 0x0111) c = 'd';  // đ
    if (ascii && c == 0x0110) c = 'D';  // Đ
    const bool keep =
        ascii ? (c < 0x80 && u_isalnum(c)) : (u_isalnum(c) || u_getCombiningClass(c) != 0);
    if (!keep) {
      dash = !out.isEmpty();
      continue;
    }
    if (dash) out.append(static_cast<UChar>('-'));
    dash = false;
    out.append(c);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

// A plain number, written as spreadsheets read one: an optional sign, digits, one decimal mark.
bool IsPlainNumber(std::string_view cell) {
  std::size_t i = cell.empty() || (cell[0] != '+' && cell[0] != '-') ? 0 : 1;
  bool digits = false;
  bool mark = false;
  for (; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if ((c == '.' || c == ',') && !mark && digits) {
      mark = true;
    } else {
      return false;
    }
  }
  return digits && cell.back() >= '0' && cell.back() <= '9';
}

bool RunsAsFormula(std::string_view cell) {
  if (cell.empty()) return false;
  const char c = cell.front();
  return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') &&
         !IsPlainNumber(cell);
}

}  // namespace

std::string_view Extension(FileFormat format) {
  switch (format) {
    case FileFormat::kCsv:
      return "csv";
    case FileFormat::kXlsx:
      return "xlsx";
    case FileFormat::kPdf:
      return "pdf";
    case FileFormat::kDocx:
      return "docx";
  }
  return "";
}

std::string_view ContentType(FileFormat format) {
  switch (format) {
    case FileFormat::kCsv:
      return "text/csv; charset=utf-8";
    case FileFormat::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    case FileFormat::kPdf:
      return "application/pdf";
    case FileFormat::kDocx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  return "";
}

FileFormat ParseFileFormat(std::string_view format, std::initializer_list<FileFormat> offered) {
  std::string names;
  std::size_t left = offered.size();
  for (const FileFormat f : offered) {
    if (Extension(f) == format) return f;
    --left;
    names += std::string(Extension(f)) + (left == 0 ? "" : left == 1 ? " | " : ", ");
  }
  std::string vi = names;
  std::string en = names;
  if (const auto bar = names.rfind(" | "); bar != std::string::npos) {
    vi.replace(bar, 3, " hoặc ");
    en.replace(bar, 3, " or ");
  }
  throw RuleBroken("invalid_format", "Định dạng phải là " + vi + ".",
                   "The format must be " + en + ".", "format");
}

DownloadName Slug(std::string_view text) {
  DownloadName s{SlugForm(text, true), SlugForm(text, false)};
  if (s.ascii.empty()) s.ascii = "Don-vi";
  if (s.utf8.empty()) s.utf8 = "Đơn-vị";
  return s;
}

DownloadName NameDownload(const DownloadName& prefix, std::initializer_list<std::string_view> parts,
                          FileFormat format) {
  DownloadName name = prefix;
  for (const std::string_view part : parts) {
    const DownloadName s = Slug(part);
    name.ascii += "-" + s.ascii;
    name.utf8 += "-" + s.utf8;
  }
  const std::string dot_ext = "." + std::string(Extension(format));
  name.ascii += dot_ext;
  name.utf8 += dot_ext;
  return name;
}

std::string CsvCell(std::string_view cell) {
  std::string value(cell);
  if (RunsAsFormula(cell)) value.insert(0, "'");
  const bool quote = value.find_first_of(",\"\r\n") != std::string::npos ||
                     (!value.empty() && (value.front() == ' ' || value.back() == ' ')) ||
                     value.size() != cell.size();
  if (!quote) return value;
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

CsvWriter::CsvWriter() : out_(kUtf8Bom) {}

void CsvWriter::Row(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out_.push_back(',');
    out_ += CsvCell(cells[i]);
  }
  out_ += "\r\n";
}

ScratchFile::ScratchFile(std::string_view purpose) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / ("cnscd-" + std::string(purpose) + "-XXXXXX"))
          .string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0)
    throw std::runtime_error("cannot create a temporary file for " + std::string(purpose));
  close(fd);
  path_ = pattern;
}

ScratchFile::~ScratchFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

std::string ScratchFile::Bytes() const {
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read back " + path_);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace cnscd::documents
