// The monthly allowance sheet as officials print it and as the repository's own readers read it
// back (the XLSX through xlsx_reader, the CSV through libcsv).
#include "documents/allowance_sheet.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "documents/csv.hpp"
#include "documents/xlsx_reader.hpp"

namespace cnscd::documents {
namespace {

AllowanceSheetDocument TwoTeams() {
  AllowanceSheetDocument d;
  d.commune = "Xã Nhơn Mỹ, Huyện Kế Sách, Tỉnh Sóc Trăng";
  d.period = "2025-03";
  d.rate_note = "1.000.000 đồng/tổ/tháng; 50.000 đồng/ngày, tối đa 10 ngày";
  d.members = {
      {"Nguyễn Văn An", "Tổ công nghệ số cộng đồng Ấp Mỹ Phước", "Tổ trưởng", 12, 10, 50'000,
       500'000},
      {"Lê Thị \"Bé\", Ba", "Tổ công nghệ số cộng đồng Ấp Mỹ Phước", "Tổ viên", 3, 3, 50'000,
       150'000},
  };
  d.teams = {{"Tổ công nghệ số cộng đồng Ấp Mỹ Phước", 1'000'000}};
  d.total = 1'650'000;
  return d;
}

TEST(AllowanceSheetText, AmountsAreWrittenWithDotsEveryThreeDigits) {
  EXPECT_EQ(text::GroupThousands(0), "0");
  EXPECT_EQ(text::GroupThousands(500), "500");
  EXPECT_EQ(text::GroupThousands(50'000), "50.000");
  EXPECT_EQ(text::GroupThousands(1'650'000), "1.650.000");
  EXPECT_EQ(text::GroupThousands(-1'000), "-1.000");
  EXPECT_EQ(MonthHeading("2025-03"), "Tháng 03 năm 2025");
}

TEST(AllowanceSheetFile, TheWorkbookReadsBackWithItsTitleColumnsLinesAndTotal) {
  const std::string bytes = WriteAllowanceSheetXlsx(TwoTeams());
  ASSERT_TRUE(LooksLikeZip(bytes));
  const std::vector<CsvRow> rows = ReadXlsx(bytes);
  ASSERT_GE(rows.size(), 9u);
  EXPECT_EQ(rows[0].cells.at(0), kAllowanceSheetTitle);
  EXPECT_EQ(rows[1].cells.at(0), "Xã Nhơn Mỹ, Huyện Kế Sách, Tỉnh Sóc Trăng");
  EXPECT_EQ(rows[2].cells.at(0), "Tháng 03 năm 2025");
  // The header row: the nine columns, in order.
  std::size_t h = 0;
  while (h < rows.size() && rows[h].cells.at(0) != "STT") ++h;
  ASSERT_LT(h + 4, rows.size());
  EXPECT_EQ(rows[h].cells, AllowanceSheetHeaders());
  const std::vector<std::string>& leader = rows[h + 1].cells;
  EXPECT_EQ(leader.at(0), "1");
  EXPECT_EQ(leader.at(1), "Nguyễn Văn An");
  EXPECT_EQ(leader.at(3), "Tổ trưởng");
  EXPECT_EQ(leader.at(4), "12");
  EXPECT_EQ(leader.at(5), "10");
  EXPECT_EQ(leader.at(6), "50000");  // a number, shown as 50,000 by its format
  EXPECT_EQ(leader.at(7), "500000");
  EXPECT_EQ(rows[h + 2].cells.at(1), "Lê Thị \"Bé\", Ba");
  EXPECT_EQ(rows[h + 3].cells.at(2), "Tổ công nghệ số cộng đồng Ấp Mỹ Phước");
  EXPECT_EQ(rows[h + 3].cells.at(7), "1000000");
  EXPECT_EQ(rows[h + 4].cells.at(0), "Tổng cộng");
  EXPECT_EQ(rows[h + 4].cells.at(7), "1650000");
  // Amounts carry a thousands-separator format.
  EXPECT_NE(bytes.find("xl/styles.xml"), std::string::npos);
}

TEST(AllowanceSheetFile, AnEmptyMonthStillHasItsHeaderAndAZeroTotal) {
  AllowanceSheetDocument d;
  d.commune = "Xã Quảng Sơn, Tỉnh Lâm Đồng";
  d.period = "2025-08";
  d.rate_note = "Chưa có mức chi";
  const std::vector<CsvRow> rows = ReadXlsx(WriteAllowanceSheetXlsx(d));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back().cells.size() >= 2 ? rows.back().cells.at(1) : "", "Tổng số tiền: 0 đồng.");
}

TEST(AllowanceSheetFile, TheCsvHasABomTheHeaderEachLineAndTheTotal) {
  const std::string csv = WriteAllowanceSheetCsv(TwoTeams());
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF"));
  EXPECT_NE(csv.find("\r\n"), std::string::npos);
  const std::vector<CsvRow> rows = ReadCsv(csv.substr(3));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].cells, AllowanceSheetHeaders());
  EXPECT_EQ(rows[1].cells,
            (std::vector<std::string>{"1", "Nguyễn Văn An", "Tổ công nghệ số cộng đồng Ấp Mỹ Phước",
                                      "Tổ trưởng", "12", "10", "50000", "500000", ""}));
  EXPECT_EQ(rows[2].cells.at(1), "Lê Thị \"Bé\", Ba");
  EXPECT_EQ(rows[3].cells.at(7), "1000000");
  EXPECT_EQ(rows[4].cells.at(1), "Tổng cộng");
  EXPECT_EQ(rows[4].cells.at(7), "1650000");
}

}  // namespace
}  // namespace cnscd::documents
