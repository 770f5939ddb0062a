// The consolidated report as files: the XLSX reads back through the repository's own reader with
// its figures in place; the PDF's text (pdftotext) holds the unit, a figure and a quote.
#include "documents/consolidated_report.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "documents/xlsx_reader.hpp"

namespace cnscd::documents {
namespace {

namespace fs = std::filesystem;

ConsolidatedReport Sample(int rows = 3) {
  ConsolidatedReport r;
  r.unit_name = "Xã Quảng Sơn";
  r.period_label = "Tháng 07/2025";
  r.generated_on = "05/08/2025";
  r.reporter_label = "Tổ công nghệ số cộng đồng";
  r.columns = {"Lượt hỗ trợ", "Người dân được hỗ trợ mới", "Buổi tập huấn", "Số tổ"};
  r.totals = {{"Lượt hỗ trợ", 1234},
              {"Người dân được hỗ trợ mới", 987},
              {"Buổi tập huấn", 6},
              {"Số tổ", rows}};
  r.by_service = {{"VNeID mức 2 — lượt hỗ trợ", 800}, {"VNeID mức 2 — người được hỗ trợ mới", 700}};
  for (int i = 1; i <= rows; ++i) {
    r.rows.push_back({"Tổ công nghệ số cộng đồng Thôn " + std::to_string(i),
                      {400 + i, 300 + i, 2, 1},
                      i == 1 ? "Đã duyệt" : "Chưa lập",
                      i == 1 ? "Đúng hạn" : "Thiếu"});
  }
  r.summary = {{"Số báo cáo phải nộp", rows}, {"Đã nộp", 1},      {"Đúng hạn", 1}, {"Muộn", 0},
               {"Thiếu", rows - 1},           {"Chưa đến hạn", 0}};
  r.completeness = 33.3;
  r.timeliness = 33.3;
  r.quotes = {{"Tổ công nghệ số cộng đồng Thôn 1", "Nguyễn Văn Tổ Trưởng",
               "Nhiều hộ dân chưa có điện thoại thông minh.", "Đề nghị hỗ trợ 05 máy tính bảng."}};
  return r;
}

// The value in the column right of the first cell reading `label` (throws when absent).
std::string ValueBeside(const std::vector<CsvRow>& rows, const std::string& label,
                        std::size_t offset = 1) {
  for (const CsvRow& row : rows) {
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (row.cells[c] == label && c + offset < row.cells.size()) return row.cells[c + offset];
    }
  }
  throw std::runtime_error("no cell " + label);
}

TEST(ConsolidatedXlsx, ReadsBackWithItsFigures) {
  const std::string xlsx = WriteConsolidatedXlsx(Sample());
  ASSERT_TRUE(LooksLikeZip(xlsx));
  const std::vector<CsvRow> rows = ReadXlsx(xlsx);
  ASSERT_FALSE(rows.empty());
  EXPECT_NE(rows[0].cells[0].find("BÁO CÁO TỔNG HỢP"), std::string::npos);
  EXPECT_EQ(rows[1].cells[0], "Xã Quảng Sơn — Tháng 07/2025");
  EXPECT_EQ(ValueBeside(rows, "Lượt hỗ trợ"), "1234");
  EXPECT_EQ(ValueBeside(rows, "VNeID mức 2 — người được hỗ trợ mới"), "700");
  // A reporter's row: its figures, its status and timeliness.
  EXPECT_EQ(ValueBeside(rows, "Tổ công nghệ số cộng đồng Thôn 2"), "402");
  EXPECT_EQ(ValueBeside(rows, "Tổ công nghệ số cộng đồng Thôn 1", 5), "Đã duyệt");
  EXPECT_EQ(ValueBeside(rows, "Tổ công nghệ số cộng đồng Thôn 1", 6), "Đúng hạn");
  EXPECT_EQ(ValueBeside(rows, "Tổng cộng"), "1234");
  EXPECT_EQ(ValueBeside(rows, "Số báo cáo phải nộp"), "3");
  EXPECT_EQ(ValueBeside(rows, "Tỷ lệ đầy đủ (%)"), "33,3 %");
  EXPECT_EQ(ValueBeside(rows, "Tổ công nghệ số cộng đồng Thôn 1 (Nguyễn Văn Tổ Trưởng)"),
            "Nhiều hộ dân chưa có điện thoại thông minh.");
}

bool HasTool(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

std::string Shell(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  std::array<char, 4096> buf{};
  while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe.get()))
    out.append(buf.data(), n);
  return out;
}

TEST(ConsolidatedPdf, HoldsTheUnitTheFiguresAndTheQuotes) {
  const std::string pdf = WriteConsolidatedPdf(Sample());
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  if (!HasTool("pdftotext")) GTEST_SKIP() << "poppler-utils (pdftotext) not installed";
  const fs::path file =
      fs::temp_directory_path() / ("cnscd-consolidated-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(file, std::ios::binary) << pdf;
  const std::string text = Shell("pdftotext -enc UTF-8 '" + file.string() + "' -");
  fs::remove(file);
  for (const char* needle : {"Xã Quảng Sơn", "Tháng 07/2025", "1.234", "Đúng hạn",
                             "Nhiều hộ dân chưa có điện thoại thông minh", "33,3 %"}) {
    EXPECT_NE(text.find(needle), std::string::npos) << needle << "\n" << text.substr(0, 600);
  }
}

TEST(ConsolidatedPdf, ALongListRunsOverSeveralPages) {
  const std::string pdf = WriteConsolidatedPdf(Sample(80));
  if (!HasTool("pdftotext")) GTEST_SKIP() << "poppler-utils (pdftotext) not installed";
  const fs::path file = fs::temp_directory_path() /
                        ("cnscd-consolidated-long-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(file, std::ios::binary) << pdf;
  const std::string page2 = Shell("pdftotext -enc UTF-8 -f 2 -l 2 '" + file.string() + "' -");
  const std::string all = Shell("pdftotext -enc UTF-8 '" + file.string() + "' -");
  fs::remove(file);
  EXPECT_NE(page2.find("Lượt hỗ trợ"), std::string::npos) << "the header repeats";
  EXPECT_NE(all.find("Tổng cộng"), std::string::npos) << "the total row after the 80 teams";
}

TEST(ConsolidatedContent, IsComposedFromTheFiguresAndTheStatusInItsOwnWords) {
  ConsolidatedInput in;
  in.unit_name = "Xã Quảng Sơn";
  in.period = {2025, 7};
  in.today = "2025-08-05";
  in.of = "teams";
  reporting::Tally t;
  t.Add("records:vneid", 12);
  t.Add("citizens:vneid", 9);
  t.Add("teams", 2);
  in.totals = reporting::FiguresOf(t);
  using reporting::ReportStatus;
  using reporting::Timeliness;
  const auto reporter = [&](const std::string& name, std::optional<ReportStatus> status,
                            Timeliness timeliness, const std::string& difficulties) {
    return ConsolidatedReporter{name, in.totals, status, timeliness, "Người Gửi", difficulties, ""};
  };
  in.reporters = {reporter("Tổ 1", ReportStatus::kApproved, Timeliness::kOnTime, "Thiếu máy."),
                  reporter("Tổ 2", ReportStatus::kDraft, Timeliness::kMissing, "Chưa gửi."),
                  reporter("Tổ 3", ReportStatus::kReturned, Timeliness::kLate, "Trả lại."),
                  reporter("Tổ 4", ReportStatus::kSubmitted, Timeliness::kLate, ""),
                  reporter("Tổ 5", std::nullopt, Timeliness::kPending, "")};
  in.summary = reporting::Summarize({Timeliness::kOnTime, Timeliness::kMissing});
  const ConsolidatedReport doc = ComposeConsolidatedReport(in);
  EXPECT_EQ(doc.period_label, "Tháng 07/2025");
  EXPECT_EQ(doc.generated_on, "05/08/2025");
  EXPECT_EQ(doc.reporter_label, "Tổ công nghệ số cộng đồng");
  ASSERT_EQ(doc.columns.size(), 8u);
  EXPECT_EQ(doc.columns[0], "Lượt hỗ trợ");
  EXPECT_EQ(doc.totals[0].value, 12);
  EXPECT_EQ(doc.totals[1].value, 9);
  EXPECT_EQ(doc.totals[6].label, "Số tổ");
  EXPECT_EQ(doc.totals[6].value, 2);
  ASSERT_FALSE(doc.by_service.empty());
  EXPECT_EQ(doc.by_service[0].value, 12);
  EXPECT_TRUE(doc.by_service[0].label.ends_with(" — lượt hỗ trợ")) << doc.by_service[0].label;
  ASSERT_EQ(doc.rows.size(), 5u);
  EXPECT_EQ(doc.rows[0].values.size(), 8u);
  std::vector<std::string> states;
  for (const ConsolidatedRow& r : doc.rows) states.push_back(r.status + "/" + r.timeliness);
  EXPECT_EQ(states,
            (std::vector<std::string>{"Đã duyệt/Đúng hạn", "Bản nháp/Thiếu", "Bị trả lại/Muộn",
                                      "Đã nộp/Muộn", "Chưa lập/Chưa đến hạn"}));
  // Only what was sent up, and said something, is quoted.
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].from, "Tổ 1");
  EXPECT_EQ(doc.quotes[0].by, "Người Gửi");
  EXPECT_EQ(doc.summary.at(0).value, 2);
  EXPECT_DOUBLE_EQ(doc.completeness, 50);

  in.period = {2025, 0};
  in.of = "communes";
  const ConsolidatedReport year = ComposeConsolidatedReport(in);
  EXPECT_EQ(year.period_label, "Năm 2025");
  EXPECT_EQ(year.reporter_label, "Xã, phường, thị trấn");
}

}  // namespace
}  // namespace cnscd::documents
