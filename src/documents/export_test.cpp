#include "documents/export.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"

namespace cnscd::documents {
namespace {

TEST(Slug, KeepsCaseAndDropsDiacriticsInAscii) {
  EXPECT_EQ(Slug("Xã Nhơn Mỹ").ascii, "Xa-Nhon-My");
  EXPECT_EQ(Slug("Xã Nhơn Mỹ").utf8, "Xã-Nhơn-Mỹ");
  EXPECT_EQ(Slug("25/QĐ-UBND").ascii, "25-QD-UBND");
  EXPECT_EQ(Slug("25/QĐ-UBND").utf8, "25-QĐ-UBND");
  EXPECT_EQ(Slug("  Ấp  Mỹ Phước (cũ) ").ascii, "Ap-My-Phuoc-cu");
  EXPECT_EQ(Slug("Đắk Lắk").ascii, "Dak-Lak");
}

TEST(Slug, DropsWhatFileSystemsRefuse) {
  const DownloadName s = Slug("a/b\\c:d*e?\"f<g>h|i");
  EXPECT_EQ(s.ascii, "a-b-c-d-e-f-g-h-i");
  EXPECT_EQ(s.utf8, "a-b-c-d-e-f-g-h-i");
}

TEST(Slug, NamesTheUnitWhenNothingIsLeft) {
  EXPECT_EQ(Slug("").ascii, "Don-vi");
  EXPECT_EQ(Slug("—").utf8, "Đơn-vị");
}

TEST(NameDownload, JoinsPrefixPartsAndExtension) {
  const DownloadName n = NameDownload({"BaoCao-TongHop", "Báo-cáo-tổng-hợp"},
                                      {"Xã Nhơn Mỹ", "2026-11"}, FileFormat::kXlsx);
  EXPECT_EQ(n.ascii, "BaoCao-TongHop-Xa-Nhon-My-2026-11.xlsx");
  EXPECT_EQ(n.utf8, "Báo-cáo-tổng-hợp-Xã-Nhơn-Mỹ-2026-11.xlsx");
}

TEST(ParseFileFormat, AcceptsOnlyWhatIsOffered) {
  EXPECT_EQ(ParseFileFormat("csv", {FileFormat::kXlsx, FileFormat::kCsv}), FileFormat::kCsv);
  try {
    ParseFileFormat("doc", {FileFormat::kXlsx, FileFormat::kCsv});
    FAIL() << "doc accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kRuleBroken);
    EXPECT_EQ(e.code(), "invalid_format");
    EXPECT_EQ(e.field(), "format");
    EXPECT_EQ(e.message_vi(), "Định dạng phải là xlsx hoặc csv.");
    EXPECT_EQ(e.message_en(), "The format must be xlsx or csv.");
  }
  try {
    ParseFileFormat("", {FileFormat::kXlsx, FileFormat::kCsv, FileFormat::kPdf});
    FAIL() << "empty accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.message_en(), "The format must be xlsx, csv or pdf.");
  }
}

TEST(CsvWriter, WritesBomCrlfAndQuotesWhatNeedsIt) {
  CsvWriter csv;
  csv.Row({"STT", "Họ và tên", "Ghi chú"});
  csv.Row({"1", "Nguyễn Văn \"Tư\"", "a, b"});
  csv.Row({"2", " lề", "dòng 1\ndòng 2"});
  EXPECT_EQ(csv.Text(),
            "\xEF\xBB\xBFSTT,Họ và tên,Ghi chú\r\n"
            "1,\"Nguyễn Văn \"\"Tư\"\"\",\"a, b\"\r\n"
            "2,\" lề\",\"dòng 1\ndòng 2\"\r\n");
}

// OWASP's CSV injection: a cell a spreadsheet would evaluate becomes text.
TEST(CsvCell, NeutralisesFormulas) {
  EXPECT_EQ(CsvCell("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(CsvCell("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\"");
  EXPECT_EQ(CsvCell("-2+3"), "\"'-2+3\"");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(CsvCell("\tx"), "\"'\tx\"");
  EXPECT_EQ(CsvCell("\r=1"), "\"'\r=1\"");
}

TEST(CsvCell, LeavesNumbersAndOrdinaryTextAlone) {
  EXPECT_EQ(CsvCell("-5"), "-5");
  EXPECT_EQ(CsvCell("+84912345678"), "+84912345678");
  EXPECT_EQ(CsvCell("-1.5"), "-1.5");
  EXPECT_EQ(CsvCell("0912345678"), "0912345678");
  EXPECT_EQ(CsvCell("Tổ trưởng"), "Tổ trưởng");
  EXPECT_EQ(CsvCell("a=b"), "a=b");
  EXPECT_EQ(CsvCell(""), "");
  EXPECT_EQ(CsvCell("-"), "\"'-\"");
}

TEST(ScratchFile, IsPrivateAndGoneAfterUse) {
  std::string path;
  {
    const ScratchFile file("test");
    path = file.path();
    EXPECT_TRUE(std::filesystem::exists(path));
    const auto perms = std::filesystem::status(path).permissions();
    EXPECT_EQ(perms & std::filesystem::perms::others_read, std::filesystem::perms::none);
    std::ofstream(path, std::ios::binary) << "bytes";
    EXPECT_EQ(file.Bytes(), "bytes");
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace cnscd::documents
