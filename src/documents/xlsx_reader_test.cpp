#include "documents/xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>

#include "core/error.hpp"

namespace cnscd::documents {
namespace {

std::string TempPath() {
  std::string pattern = (std::filesystem::temp_directory_path() / "xlsx-test-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  if (fd >= 0) close(fd);
  return pattern;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::filesystem::remove(path);
  return bytes;
}

// A workbook written by libxlsxwriter, as bytes.
std::string Workbook(const std::function<void(lxw_workbook*, lxw_worksheet*)>& fill,
                     bool constant_memory = false) {
  const std::string path = TempPath();
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Danh sách");
  fill(wb, ws);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return Slurp(path);
}

// A zip archive of the given parts (name -> content), written by libzip, as bytes.
std::string Zip(const std::map<std::string, std::string>& parts) {
  const std::string path = TempPath();
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : parts) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(z), 0);  // reads the buffers: `parts` outlives it
  return Slurp(path);
}

// The minimal package around one worksheet's XML (and optionally shared strings).
std::map<std::string, std::string> Package(const std::string& sheet_xml,
                                           const std::string& shared_xml = "") {
  std::map<std::string, std::string> parts{
      {"[Content_Types].xml",
       R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
      {"_rels/.rels",
       R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
      {"xl/workbook.xml",
       R"(<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="S" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>)"},
      {"xl/worksheets/data.xml", sheet_xml}};
  if (!shared_xml.empty()) parts["xl/strings.xml"] = shared_xml;
  return parts;
}

const std::string kSheetOpen =
    R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";

std::string CodeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kMalformed);
    EXPECT_FALSE(e.message_vi().empty());
    EXPECT_FALSE(e.message_en().empty());
    return e.code();
  }
  return "no error";
}

using Cells = std::vector<std::string>;

TEST(ReadXlsx, ReadsSharedStringsNumbersBooleansAndRowNumbers) {
  const std::string bytes = Workbook([](lxw_workbook*, lxw_worksheet* ws) {
    worksheet_write_string(ws, 0, 0, "Họ tên", nullptr);
    worksheet_write_string(ws, 0, 2, "Điện thoại", nullptr);
    worksheet_write_string(ws, 2, 0, "Nguyễn Văn A", nullptr);
    worksheet_write_number(ws, 2, 1, 1.5, nullptr);
    worksheet_write_number(ws, 2, 2, 912345678, nullptr);  // a phone typed as a number
    worksheet_write_number(ws, 3, 0, 84912345678.0, nullptr);
    worksheet_write_number(ws, 3, 1, -3, nullptr);
    worksheet_write_number(ws, 3, 2, 1e20, nullptr);
    worksheet_write_boolean(ws, 4, 0, 1, nullptr);
    worksheet_write_boolean(ws, 4, 1, 0, nullptr);
    worksheet_write_string(ws, 6, 0, "Nguyễn Văn A", nullptr);  // the same shared string
  });
  const auto rows = ReadXlsx(bytes);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[0].cells, (Cells{"Họ tên", "", "Điện thoại"}));
  EXPECT_EQ(rows[1].line, 3);  // row 2 is empty: left out, numbering kept
  EXPECT_EQ(rows[1].cells, (Cells{"Nguyễn Văn A", "1.5", "912345678"}));
  EXPECT_EQ(rows[2].cells, (Cells{"84912345678", "-3", "1e+20"}));
  EXPECT_EQ(rows[3].cells, (Cells{"TRUE", "FALSE"}));
  EXPECT_EQ(rows[4].line, 7);
  EXPECT_EQ(rows[4].cells, (Cells{"Nguyễn Văn A"}));
}

TEST(ReadXlsx, FillsMergedRangesWithTheTopLeftValue) {
  const std::string bytes = Workbook([](lxw_workbook*, lxw_worksheet* ws) {
    worksheet_merge_range(ws, 0, 0, 0, 3, "DANH SÁCH", nullptr);
    worksheet_merge_range(ws, 1, 1, 3, 1, "Xã Nhơn Mỹ", nullptr);
    worksheet_merge_range(ws, 1, 0, 3, 0, "", nullptr);
    worksheet_write_number(ws, 1, 0, 1, nullptr);  // TT over a merged range
    worksheet_write_string(ws, 1, 2, "A", nullptr);
    worksheet_write_string(ws, 2, 2, "B", nullptr);
    worksheet_write_string(ws, 3, 2, "C", nullptr);
  });
  const auto rows = ReadXlsx(bytes);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].cells, (Cells{"DANH SÁCH", "DANH SÁCH", "DANH SÁCH", "DANH SÁCH"}));
  EXPECT_EQ(rows[1].cells, (Cells{"1", "Xã Nhơn Mỹ", "A"}));
  EXPECT_EQ(rows[2].cells, (Cells{"1", "Xã Nhơn Mỹ", "B"}));
  EXPECT_EQ(rows[3].cells, (Cells{"1", "Xã Nhơn Mỹ", "C"}));
}

TEST(ReadXlsx, ReadsRichTextRunsInlineStringsAndFormulaResults) {
  const std::string bytes = Workbook([](lxw_workbook* wb, lxw_worksheet* ws) {
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_rich_string_tuple first = {bold, const_cast<char*>("Nguyễn ")};
    lxw_rich_string_tuple second = {nullptr, const_cast<char*>("Văn A")};
    lxw_rich_string_tuple* runs[] = {&first, &second, nullptr};
    worksheet_write_rich_string(ws, 0, 0, runs, nullptr);
    worksheet_write_formula_str(ws, 0, 1, "=\"Tổ \"&\"viên\"", nullptr, "Tổ viên");
  });
  EXPECT_EQ(ReadXlsx(bytes).at(0).cells, (Cells{"Nguyễn Văn A", "Tổ viên"}));

  // libxlsxwriter writes inline strings in constant-memory mode.
  const std::string inline_bytes = Workbook(
      [](lxw_workbook*, lxw_worksheet* ws) {
        worksheet_write_string(ws, 0, 0, "Tổ trưởng", nullptr);
        worksheet_write_string(ws, 1, 1, " hai  ", nullptr);
      },
      /*constant_memory=*/true);
  const auto rows = ReadXlsx(inline_bytes);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].cells, (Cells{"Tổ trưởng"}));
  EXPECT_EQ(rows[1].cells, (Cells{"", " hai  "}));
}

TEST(ReadXlsx, ReadsPrefixedElementsImplicitReferencesAndEscapes) {
  const std::string sheet =
      R"(<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
      R"(<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>)"
      R"(<x:row r="4"><x:c r="C4" t="inlineStr"><x:is><x:t>a_x000D_b _x005F_x000D_</x:t></x:is></x:c><x:c><x:v>7.0</x:v></x:c></x:row>)"
      R"(<x:row><x:c r="A5" t="str"><x:v>kết quả</x:v></x:c><x:c r="B5" t="e"><x:v>#N/A</x:v></x:c></x:row>)"
      R"(</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:A3"/></x:mergeCells></x:worksheet>)";
  const std::string shared =
      R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Ấp Mỹ Phước</t></si>)"
      R"(<si><r><t>Tổ </t></r><r><rPr><b/></rPr><t>phó</t></r><rPh><t>ふりがな</t></rPh></si></sst>)";
  const auto rows = ReadXlsx(Zip(Package(sheet, shared)));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[0].cells, (Cells{"Ấp Mỹ Phước", "Tổ phó"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].cells, (Cells{"Ấp Mỹ Phước"}));
  EXPECT_EQ(rows[2].cells, (Cells{"Ấp Mỹ Phước"}));
  EXPECT_EQ(rows[3].line, 4);
  EXPECT_EQ(rows[3].cells, (Cells{"", "", "a\rb _x000D_", "7"}));
  EXPECT_EQ(rows[4].line, 5);
  EXPECT_EQ(rows[4].cells, (Cells{"kết quả", "#N/A"}));
}

TEST(ReadXlsx, RefusesWhatIsNotAWorkbook) {
  EXPECT_EQ(CodeOf([] { ReadXlsx("PK\x03\x04 this is not a zip archive"); }), "unreadable_xlsx");
  EXPECT_EQ(CodeOf([] { ReadXlsx(""); }), "unreadable_xlsx");
  EXPECT_EQ(CodeOf([] { ReadXlsx("TT,Họ tên\n1,A\n"); }), "unreadable_xlsx");
  // A truncated workbook (a download cut short).
  const std::string whole = Workbook(
      [](lxw_workbook*, lxw_worksheet* ws) { worksheet_write_string(ws, 0, 0, "x", nullptr); });
  EXPECT_EQ(CodeOf([&] { ReadXlsx(whole.substr(0, whole.size() / 2)); }), "unreadable_xlsx");
  // A zip that is not a spreadsheet (a .docx, say).
  EXPECT_EQ(CodeOf([] { ReadXlsx(Zip({{"word/document.xml", "<w/>"}})); }), "unreadable_xlsx");
  // Broken XML, and a shared string index that does not exist.
  EXPECT_EQ(CodeOf([] { ReadXlsx(Zip(Package(kSheetOpen + "<row><c>"))); }), "unreadable_xlsx");
  EXPECT_EQ(CodeOf([] {
              ReadXlsx(Zip(Package(
                  kSheetOpen +
                  R"(<row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData></worksheet>)")));
            }),
            "unreadable_xlsx");
}

TEST(ReadXlsx, RefusesPartsRowsColumnsAndMergesBeyondItsLimits) {
  // A part that decompresses beyond the cap (a zip bomb in miniature).
  const std::string big = kSheetOpen + std::string(5000, ' ') + "</sheetData></worksheet>";
  XlsxLimits small;
  small.max_part_bytes = 4000;
  EXPECT_EQ(CodeOf([&] { ReadXlsx(Zip(Package(big)), small); }), "unreadable_xlsx");
  EXPECT_NO_THROW(ReadXlsx(Zip(Package(big))));

  const std::string far_row =
      kSheetOpen + R"(<row r="11"><c r="A11"><v>1</v></c></row></sheetData></worksheet>)";
  XlsxLimits ten_rows;
  ten_rows.max_rows = 10;
  EXPECT_EQ(CodeOf([&] { ReadXlsx(Zip(Package(far_row)), ten_rows); }), "unreadable_xlsx");

  const std::string far_column =
      kSheetOpen + R"(<row r="1"><c r="GS1"><v>1</v></c></row></sheetData></worksheet>)";
  EXPECT_EQ(CodeOf([&] { ReadXlsx(Zip(Package(far_column))); }), "unreadable_xlsx");  // col 201
  // An empty styled cell far away is no value: not refused.
  const std::string styled =
      kSheetOpen + R"(<row r="1"><c r="XFD1" s="1"/></row></sheetData></worksheet>)";
  EXPECT_TRUE(ReadXlsx(Zip(Package(styled))).empty());

  // One value merged over a huge range.
  const std::string merged =
      kSheetOpen +
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>)"
      R"(</sheetData><mergeCells><mergeCell ref="A1:GR100000"/></mergeCells></worksheet>)";
  EXPECT_EQ(CodeOf([&] { ReadXlsx(Zip(Package(merged))); }), "unreadable_xlsx");
}

}  // namespace
}  // namespace cnscd::documents
