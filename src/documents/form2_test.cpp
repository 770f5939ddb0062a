#include "documents/form2.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "core/error.hpp"
#include "documents/csv.hpp"
#include "documents/xlsx_reader.hpp"
#include "refusal.hpp"

namespace cnscd::documents {

// gtest prints a line this way when a comparison fails.
void PrintTo(const Form2Line& l, std::ostream* os) {
  *os << "{" << l.commune << " | " << l.team << " | " << l.full_name << " | " << l.position << " | "
      << l.phone << "}";
}

namespace {

const std::vector<Form2Line> kLines{
    {"Phường 1", "Tổ công nghệ số cộng đồng Khóm 1", "Nguyễn Văn A", "Tổ trưởng", "0912345678"},
    {"Phường 1", "Tổ công nghệ số cộng đồng Khóm 1", "Trần Thị B", "Tổ phó", "0987654321"},
    {"Phường 1", "Tổ công nghệ số cộng đồng Khóm 1", "Lê Văn \"Cò\", C", "Tổ viên", ""},
    {"Phường 1", "Tổ công nghệ số cộng đồng Khóm 2", "Phạm Văn D", "Tổ trưởng", "0359000111"},
    {"Xã Long Đức", "Tổ công nghệ số cộng đồng Ấp Sa Bình", "Võ Thị E", "Cộng tác viên",
     "0779000222"},
};

// The refusal's code (refusal.hpp), "no error" when there is none.
std::string CodeOf(const std::function<void()>& f) {
  const std::optional<cnscd_test::Refusal> r = cnscd_test::RefusalOf(f);
  return r ? r->code : "no error";
}

// The lines a sheet reads back as, with positions written the form's way.
std::vector<Form2Line> AsLines(const Form2Sheet& sheet) {
  std::vector<Form2Line> out;
  for (const Form2Input& in : sheet.rows) {
    out.push_back({in.commune, in.team, in.full_name,
                   in.role ? std::string(PositionOf(*in.role)) : "?" + in.position, in.phone});
  }
  return out;
}

TEST(Form2, PositionsAreReadWhicheverWayTheyAreWritten) {
  EXPECT_EQ(ParsePosition("Tổ trưởng"), Role::kLeader);
  EXPECT_EQ(ParsePosition("TỔ TRƯỞNG"), Role::kLeader);
  EXPECT_EQ(ParsePosition("to truong"), Role::kLeader);
  EXPECT_EQ(ParsePosition("  Tổ   trưởng (Trưởng ấp) "), Role::kLeader);
  EXPECT_EQ(ParsePosition("To\xCC\x82\xCC\x89 pho\xCC\x81"), Role::kDeputy);  // NFD "Tổ phó"
  EXPECT_EQ(ParsePosition("Tổ phó"), Role::kDeputy);
  EXPECT_EQ(ParsePosition("Tổ viên"), Role::kMember);
  EXPECT_EQ(ParsePosition("Thành viên"), Role::kMember);
  EXPECT_EQ(ParsePosition("Cộng tác viên"), Role::kCollaborator);
  EXPECT_EQ(ParsePosition("CTV"), Role::kCollaborator);
  EXPECT_EQ(ParsePosition("leader"), Role::kLeader);
  EXPECT_EQ(ParsePosition("Chủ tịch"), std::nullopt);
  EXPECT_EQ(ParsePosition(""), std::nullopt);
  for (Role r : {Role::kLeader, Role::kDeputy, Role::kMember, Role::kCollaborator}) {
    EXPECT_EQ(ParsePosition(PositionOf(r)), r);
  }
}

TEST(Form2, CsvIsUtf8WithBomCrlfAndTheHeaderFirst) {
  const std::string csv = WriteForm2Csv(kLines);
  ASSERT_TRUE(
      csv.starts_with("\xEF\xBB\xBFTT,Tên xã/phường/thị trấn,Tên Tổ công nghệ số cộng "
                      "đồng,Họ tên,Chức vụ,Điện thoại di động (đã đăng ký Zalo)\r\n"));
  EXPECT_NE(csv.find("\r\n1,Phường 1,Tổ công nghệ số cộng đồng Khóm 1,Nguyễn Văn A,Tổ "
                     "trưởng,0912345678\r\n,,,Trần Thị B,Tổ phó,0987654321\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\r\n,,,\"Lê Văn \"\"Cò\"\", C\",Tổ viên,\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n3,Xã Long Đức,"), std::string::npos) << csv;
  EXPECT_TRUE(csv.ends_with("\r\n"));
  EXPECT_EQ(csv.find('\n'), csv.find("\r\n") + 1);  // no bare line feed
  const auto rows = ReadCsv(csv);
  ASSERT_EQ(rows.size(), kLines.size() + 1);
  EXPECT_EQ(rows[0].cells, Form2Headers());
}

TEST(Form2, CsvReadsBackAsWritten) {
  const Form2Sheet sheet = ReadForm2(WriteForm2Csv(kLines), "text/csv");
  EXPECT_TRUE(sheet.refused.empty());
  EXPECT_EQ(AsLines(sheet), kLines);
  ASSERT_EQ(sheet.rows.size(), kLines.size());
  EXPECT_EQ(sheet.rows[0].line, 2);
  EXPECT_EQ(sheet.rows[4].line, 6);
}

TEST(Form2, XlsxReadsBackAsWrittenWithMergedCellsFilled) {
  const std::string xlsx = WriteForm2Xlsx("Thành phố Trà Vinh, Tỉnh Trà Vinh", kLines);
  ASSERT_TRUE(LooksLikeZip(xlsx));
  const auto rows = ReadXlsx(xlsx);
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[0].cells.at(0), kForm2Title);
  EXPECT_EQ(rows[1].cells.at(0), "Thành phố Trà Vinh, Tỉnh Trà Vinh");
  EXPECT_EQ(rows[2].line, 4);
  EXPECT_EQ(rows[2].cells, Form2Headers());
  // TT and the merged commune and team cells, on the team's last row too.
  EXPECT_EQ(rows[5].cells,
            (std::vector<std::string>{"1", "Phường 1", "Tổ công nghệ số cộng đồng Khóm 1",
                                      "Lê Văn \"Cò\", C", "Tổ viên"}));
  EXPECT_EQ(rows[6].cells.at(0), "2");

  const Form2Sheet sheet = ReadForm2(xlsx, "list.xlsx");
  EXPECT_TRUE(sheet.refused.empty());
  EXPECT_EQ(AsLines(sheet), kLines);
  ASSERT_EQ(sheet.rows.size(), kLines.size());
  EXPECT_EQ(sheet.rows[0].line, 5);
}

TEST(Form2, AnEmptyListStillHasItsHeader) {
  EXPECT_EQ(ReadCsv(WriteForm2Csv({})).size(), 1u);
  EXPECT_TRUE(ReadForm2(WriteForm2Csv({}), "a.csv").rows.empty());
  EXPECT_TRUE(ReadForm2(WriteForm2Xlsx("Xã A", {}), "a.xlsx").rows.empty());
}

// The seed's own layout (001, Mẫu 2), saved as CSV by an official: a title row, the commune and
// team only on each team's first row, a blank row between teams, Windows line ends.
TEST(Form2, ReadsTheSeedLayoutAsOfficialsSaveIt) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "DANH SÁCH VÀ THÔNG TIN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG,,,,,\r\n"
      "xã/phường/thị trấn,,,,,\r\n"
      ",,,,,\r\n"
      "TT,Tên xã/phường/thị trấn,Tên Tổ công nghệ số cộng đồng,Họ tên,Chức vụ,Điện thoại di "
      "động (đã đăng ký Zalo)\r\n"
      "(1),(2),(3),(4),(5),(6)\r\n"
      "1,\"UBND phường 1, thành phố Trà Vinh\",Tổ công nghệ số cộng đồng phường 1,Nguyễn Văn "
      "A,Tổ trưởng,0912 345 678\r\n"
      ",,,Nguyễn Văn B,TỔ PHÓ,912345679\r\n"
      ",,,Nguyễn Văn C,Tổ viên,\r\n"
      ",,,  Nguyễn   Văn D ,,\r\n"
      ",,,,,\r\n"
      "2,,Tổ công nghệ số cộng đồng Khóm 3,Lê Thị E,Thành viên,+84 98 765 4321\r\n"
      "3,,,Trần F,Chủ tịch,\r\n";
  const Form2Sheet sheet = ReadForm2(csv, "danh-sach.csv");
  EXPECT_TRUE(sheet.refused.empty());
  ASSERT_EQ(sheet.rows.size(), 6u);
  const std::string commune = "UBND phường 1, thành phố Trà Vinh";
  const Form2Input& a = sheet.rows[0];
  EXPECT_EQ(a.line, 6);
  EXPECT_EQ(a.commune, commune);
  EXPECT_EQ(a.team, "Tổ công nghệ số cộng đồng phường 1");
  EXPECT_EQ(a.role, Role::kLeader);
  EXPECT_EQ(a.phone, "0912 345 678");
  EXPECT_EQ(sheet.rows[1].line, 7);
  EXPECT_EQ(sheet.rows[1].team, a.team);
  EXPECT_EQ(sheet.rows[1].role, Role::kDeputy);
  EXPECT_EQ(sheet.rows[1].phone, "0912345679");  // Excel's lost 0 restored
  EXPECT_EQ(sheet.rows[2].phone, "");
  EXPECT_EQ(sheet.rows[3].full_name, "Nguyễn Văn D");
  EXPECT_EQ(sheet.rows[3].position, "");
  EXPECT_EQ(sheet.rows[3].role, Role::kMember);  // a blank position is a member
  EXPECT_EQ(sheet.rows[4].line, 11);
  EXPECT_EQ(sheet.rows[4].commune, commune);  // carried across the blank row
  EXPECT_EQ(sheet.rows[4].team, "Tổ công nghệ số cộng đồng Khóm 3");
  EXPECT_EQ(sheet.rows[4].role, Role::kMember);
  // A new TT without a team name does not inherit the previous team's.
  EXPECT_EQ(sheet.rows[5].team, "");
  EXPECT_EQ(sheet.rows[5].role, std::nullopt);
  EXPECT_EQ(sheet.rows[5].position, "Chủ tịch");
}

TEST(Form2, FindsColumnsInAnotherOrderAndWithoutTt) {
  const std::string csv =
      "Họ và tên,Số điện thoại,Vai trò,Tổ,Xã\n"
      "Nguyễn Văn A,0912345678,Tổ trưởng,Tổ CNSCĐ Ấp 1,Xã A\n";
  const Form2Sheet sheet = ReadForm2(csv, "x.csv");
  ASSERT_EQ(sheet.rows.size(), 1u);
  EXPECT_EQ(sheet.rows[0].full_name, "Nguyễn Văn A");
  EXPECT_EQ(sheet.rows[0].phone, "0912345678");
  EXPECT_EQ(sheet.rows[0].team, "Tổ CNSCĐ Ấp 1");
  EXPECT_EQ(sheet.rows[0].commune, "Xã A");
}

TEST(Form2, ReadsAPhoneStoredAsANumberInAnXlsx) {
  std::string pattern = (std::filesystem::temp_directory_path() / "form2-test-XXXXXX").string();
  close(mkstemp(pattern.data()));
  lxw_workbook* wb = workbook_new(pattern.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  for (int c = 0; c < 6; ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), Form2Headers()[c].c_str(), nullptr);
  }
  worksheet_merge_range(ws, 1, 1, 2, 1, "Xã A", nullptr);
  worksheet_merge_range(ws, 1, 2, 2, 2, "Tổ công nghệ số cộng đồng Ấp 1", nullptr);
  worksheet_write_number(ws, 1, 0, 1, nullptr);
  worksheet_write_string(ws, 1, 3, "Nguyễn Văn A", nullptr);
  worksheet_write_string(ws, 1, 4, "Tổ trưởng", nullptr);
  worksheet_write_number(ws, 1, 5, 912345678, nullptr);
  worksheet_write_string(ws, 2, 3, "Nguyễn Văn B", nullptr);
  worksheet_write_number(ws, 2, 5, 84987654321.0, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(pattern, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::filesystem::remove(pattern);

  const Form2Sheet sheet = ReadForm2(bytes, "");
  ASSERT_EQ(sheet.rows.size(), 2u);
  EXPECT_EQ(sheet.rows[0].phone, "0912345678");
  EXPECT_EQ(sheet.rows[1].phone, "84987654321");  // normalised later, as AddMember does
  EXPECT_EQ(sheet.rows[1].commune, "Xã A");
  EXPECT_EQ(sheet.rows[1].team, "Tổ công nghệ số cộng đồng Ấp 1");
}

// The footer officials write under the list (a total, the signature block, the place and date)
// is not rows of the table: the table ends where its rows end.
TEST(Form2, TheTableEndsWhereItsRowsEnd) {
  const std::string csv =
      "TT,Tên xã/phường/thị trấn,Tên Tổ công nghệ số cộng đồng,Họ tên,Chức vụ,Điện thoại\r\n"
      "1,Xã A,Tổ CNSCĐ Ấp 1,Nguyễn Văn A,Tổ trưởng,0912345678\r\n"
      ",,,Trần Thị B,Tổ viên,0912345679\r\n"
      ",,,,,\r\n"
      "\"Tổng cộng: 2 người\",,,2,,\r\n"
      ",,,,,\r\n"
      ",NGƯỜI LẬP BIỂU,,,XÁC NHẬN CỦA UBND XÃ,\r\n"
      ",\"(Ký, ghi rõ họ tên)\",,,\"(Ký tên, đóng dấu)\",\r\n"
      ",,,,,\r\n"
      ",,,Lê Văn Lập,Tổ viên,0912000111\r\n"  // the signer's name, under the signature
      "2,,Tổ CNSCĐ Ấp 2,Phạm Văn D,Tổ trưởng,0912000222\r\n";
  const Form2Sheet sheet = ReadForm2(csv, "a.csv");
  EXPECT_TRUE(sheet.refused.empty());
  ASSERT_EQ(sheet.rows.size(), 2u);
  EXPECT_EQ(sheet.rows[1].full_name, "Trần Thị B");

  // Each line that opens a signature block ends the table, wherever its first filled cell is.
  const std::string head =
      "TT,Tên xã,Tên tổ,Họ tên,Chức vụ,Điện thoại\r\n1,Xã A,Tổ 1,Nguyễn Văn A,Tổ trưởng,\r\n";
  for (const std::string footer :
       {"Người lập biểu,,,,,", ",,,NGƯỜI LẬP BIỂU,,", ",,,,\"Nhơn Mỹ, ngày 05 tháng 8 năm 2025\",",
        ",,,,\"Ngày ... tháng ... năm 2025\",", ",,,\"(Ký và ghi rõ họ tên)\",,",
        ",Xác nhận của UBND xã Nhơn Mỹ,,,,", ",,,,TM. ỦY BAN NHÂN DÂN,", ",,,,KT. CHỦ TỊCH,",
        ",,,,THỦ TRƯỞNG ĐƠN VỊ,", "Nơi nhận:,,,,,"}) {
    const Form2Sheet s = ReadForm2(head + footer + "\r\n,,,Ký Tên Người Lập,,\r\n", "a.csv");
    EXPECT_EQ(s.rows.size(), 1u) << footer;
  }
}

// A total line is skipped where it stands (a district's list may total each commune), and no
// member's row ends the table or is dropped: bad rows in the middle stay rows, to be refused.
TEST(Form2, TotalsAreSkippedAndBadRowsInTheMiddleAreKept) {
  const std::string csv =
      "TT,Tên xã,Tên tổ,Họ tên,Chức vụ,Điện thoại\r\n"
      "1,Xã A,Tổ 1,Nguyễn Văn A,Tổ trưởng,\r\n"
      ",Cộng: 1,,,,\r\n"
      "2,Xã B,Tổ 2,Tống Văn Tổng,Tổ trưởng,\r\n"  // Tống is a family name
      ",,,Người Không Rõ,Chủ tịch,\r\n"           // an unknown position: refused later
      ",,,,Tổ viên,12345\r\n"                     // no name: refused later
      "3,,,Người Lập Biểu,Tổ viên,\r\n"           // numbered: a member, whatever the name
      "Tổng: 4,,,,,\r\n"
      "TỔNG CỘNG,,,5,,\r\n";
  const Form2Sheet sheet = ReadForm2(csv, "a.csv");
  std::vector<std::string> names;
  for (const Form2Input& in : sheet.rows) names.push_back(in.full_name);
  EXPECT_EQ(names, (std::vector<std::string>{"Nguyễn Văn A", "Tống Văn Tổng", "Người Không Rõ", "",
                                             "Người Lập Biểu"}));
  EXPECT_EQ(sheet.rows[1].commune, "Xã B");
  EXPECT_EQ(sheet.rows[2].role, std::nullopt);
}

TEST(Form2, RefusesFilesItCannotRead) {
  EXPECT_EQ(CodeOf([] { ReadForm2("a,b,c\n1,2,3\n", "x.csv"); }), "form2_header_missing");
  EXPECT_EQ(CodeOf([] { ReadForm2("", "x.csv"); }), "form2_header_missing");
  EXPECT_EQ(CodeOf([] { ReadForm2("TT;Họ tên;Chức vụ\n", "x.csv"); }), "form2_header_missing");
  EXPECT_EQ(CodeOf([] { ReadForm2("TT,H\xF4 t\xEAn\n", "x.csv"); }), "not_utf8");  // Latin-1
  EXPECT_EQ(CodeOf([] { ReadForm2("TT,\"Họ tên\n", "x.csv"); }), "unreadable_csv");
  EXPECT_EQ(CodeOf([] { ReadForm2("not a workbook", "danh-sach.xlsx"); }), "unreadable_xlsx");
  EXPECT_EQ(CodeOf([] { ReadForm2(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "a.xls"); }),
            "unreadable_xlsx");
  EXPECT_EQ(CodeOf([] { ReadForm2("PK\x03\x04garbage", "a.csv"); }), "unreadable_xlsx");
}

TEST(Form2, TheSemicolonHintNamesTheFix) {
  try {
    ReadForm2("TT;Tên xã;Tên tổ;Họ tên;Chức vụ;Điện thoại\n", "x.csv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(e.message_en().find("semicolon"), std::string::npos) << e.message_en();
  }
}

}  // namespace
}  // namespace cnscd::documents
