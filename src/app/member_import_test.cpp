// The member import on a real store (app_fixture.hpp): a commune's own sheet, with the footer
// officials write under the list, applies entirely.
#include "app/member_import.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/teams.hpp"
#include "app_fixture.hpp"

namespace cnscd::app {
namespace {

class MemberImportUseCase : public cnscd_test::AppTest {
 protected:
  void Populate() override {
    const store::Id province = MakeProvince("Tỉnh Sóc Trăng", "94");
    commune_ = MakeCommune("Xã Nhơn Mỹ", province, "31234");
    MakeVillage("Ấp Mỹ Phước", commune_);
    MakeVillage("Ấp Mỹ Hòa", commune_);
  }

  // Every row applied, two teams created with them.
  void ExpectAppliedEntirely(const std::string& bytes, const std::string& filename) {
    const ImportReport dry = ImportMembers(*ctx_, caller_, commune_, bytes, filename, false);
    for (const ImportRow& r : dry.rows) {
      EXPECT_EQ(r.status, "create") << r.line << ": " << r.reason_en.value_or("");
    }
    const ImportReport done = ImportMembers(*ctx_, caller_, commune_, bytes, filename, true);
    EXPECT_TRUE(done.applied);
    EXPECT_EQ(done.rows.size(), 3u);
    EXPECT_EQ(done.created, 3);
    EXPECT_EQ(done.refused, 0);
    EXPECT_EQ(done.teams_created, 2);
    const auto teams = ListTeams(*ctx_, caller_, commune_, 100, 0);
    EXPECT_EQ(teams.total, 2);
  }

  store::Id commune_ = 0;
};

TEST_F(MemberImportUseCase, ACsvEndingWithItsFooterAppliesEntirely) {
  ExpectAppliedEntirely(
      "DANH SÁCH VÀ THÔNG TIN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG,,,,,\r\n"
      "TT,Tên xã/phường/thị trấn,Tên Tổ công nghệ số cộng đồng,Họ tên,Chức vụ,Điện thoại di "
      "động (đã đăng ký Zalo)\r\n"
      "1,Xã Nhơn Mỹ,Tổ CNSCĐ Ấp Mỹ Phước,Nguyễn Văn A,Tổ trưởng,912345678\r\n"
      ",,,Trần Thị B,Tổ viên,\r\n"
      "2,,Tổ công nghệ số cộng đồng Ấp Mỹ Hòa,Lê Văn C,Tổ trưởng,0987654321\r\n"
      ",,,,,\r\n"
      "\"Tổng cộng: 3 người\",,,,,\r\n"
      ",,,,\"Nhơn Mỹ, ngày 05 tháng 8 năm 2025\",\r\n"
      ",NGƯỜI LẬP BIỂU,,,XÁC NHẬN CỦA UBND XÃ,\r\n"
      ",\"(Ký, ghi rõ họ tên)\",,,\"(Ký tên, đóng dấu)\",\r\n"
      ",,,,,\r\n"
      ",Phạm Văn Lập,,,Võ Văn Chủ Tịch,\r\n",
      "danh-sach.csv");
}

// As a commune's workbook looks: a title above the table, the team's cells merged down, a phone
// typed as a number, and the footer in merged cells.
TEST_F(MemberImportUseCase, AnXlsxEndingWithItsFooterAppliesEntirely) {
  std::string path = (std::filesystem::temp_directory_path() / "member-import-XXXXXX").string();
  close(mkstemp(path.data()));
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  worksheet_merge_range(ws, 0, 0, 0, 5, "DANH SÁCH VÀ THÔNG TIN TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG",
                        nullptr);
  const char* headers[] = {"STT", "Tên xã", "Tên Tổ", "Họ và tên", "Chức vụ", "Số điện thoại"};
  for (int c = 0; c < 6; ++c) {
    worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), headers[c], nullptr);
  }
  worksheet_write_number(ws, 3, 0, 1, nullptr);
  worksheet_merge_range(ws, 3, 1, 5, 1, "UBND xã Nhơn Mỹ", nullptr);
  worksheet_merge_range(ws, 3, 2, 4, 2, "Tổ CNSCĐ Ấp Mỹ Phước", nullptr);
  worksheet_write_string(ws, 3, 3, "Nguyễn Văn A", nullptr);
  worksheet_write_string(ws, 3, 4, "Tổ trưởng", nullptr);
  worksheet_write_number(ws, 3, 5, 912345678, nullptr);
  worksheet_write_string(ws, 4, 3, "Trần Thị B", nullptr);
  worksheet_write_number(ws, 5, 0, 2, nullptr);
  worksheet_write_string(ws, 5, 2, "Tổ công nghệ số cộng đồng Ấp Mỹ Hòa", nullptr);
  worksheet_write_string(ws, 5, 3, "Lê Văn C", nullptr);
  worksheet_write_string(ws, 5, 4, "Tổ trưởng", nullptr);
  worksheet_write_string(ws, 5, 5, "0987654321", nullptr);
  worksheet_merge_range(ws, 6, 0, 6, 2, "Tổng cộng: 3 người", nullptr);
  worksheet_merge_range(ws, 8, 3, 8, 5, "Nhơn Mỹ, ngày 05 tháng 8 năm 2025", nullptr);
  worksheet_merge_range(ws, 9, 0, 9, 2, "NGƯỜI LẬP BIỂU", nullptr);
  worksheet_merge_range(ws, 9, 3, 9, 5, "TM. ỦY BAN NHÂN DÂN", nullptr);
  worksheet_merge_range(ws, 10, 0, 10, 2, "(Ký, ghi rõ họ tên)", nullptr);
  worksheet_write_string(ws, 13, 3, "Phạm Văn Lập", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::filesystem::remove(path);
  ExpectAppliedEntirely(bytes, "danh-sach.xlsx");
}

}  // namespace
}  // namespace cnscd::app
