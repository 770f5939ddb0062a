#pragma once
// The consolidated report (báo cáo tổng hợp) of a commune, district or province for a period
// (DOMAIN.md §6): the period's figures summed over the subtree, one row per reporter below with
// its figures and report status, the completeness summary, and the difficulties and proposals
// the reports below sent up. A document model, composed from the period's figures and the
// reporting status (consolidated_report_content.cpp), written as XLSX (libxlsxwriter) and PDF
// (cairo + pango). Pure: no database.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/reporting.hpp"

namespace cnscd::documents {

// A labelled figure: "Lượt hỗ trợ" 120.
struct Figure {
  std::string label;
  std::int64_t value = 0;
};

// One reporter below (a team, commune or district).
struct ConsolidatedRow {
  std::string name;
  std::vector<std::int64_t> values;  // in the order of ConsolidatedReport::columns
  std::string status;                // as printed: "Đã duyệt", "Chưa nộp"…
  std::string timeliness;            // "Đúng hạn", "Muộn", "Thiếu", "Chưa đến hạn"
};

// What one report below said under difficulties (khó khăn, vướng mắc) and proposals (đề xuất).
struct Quote {
  std::string from;  // the reporter's name
  std::string by;    // who sent it (account name)
  std::string difficulties;
  std::string proposals;
};

struct ConsolidatedReport {
  std::string unit_name;       // "Xã Quảng Sơn"
  std::string period_label;    // "Tháng 07/2025" or "Năm 2025"
  std::string generated_on;    // DD/MM/YYYY
  std::string reporter_label;  // heading of the rows' name column: "Tổ", "Xã/phường", "Huyện"
  std::vector<Figure> totals;        // over the subtree: records, citizens, trainings…
  std::vector<Figure> by_service;    // records and citizens per service, as labelled figures
  std::vector<std::string> columns;  // the rows' figure columns
  std::vector<ConsolidatedRow> rows;
  std::vector<Figure> summary;  // expected, submitted, on time, late, missing, pending
  double completeness = 0;      // percent, one decimal
  double timeliness = 0;
  std::vector<Quote> quotes;
};

// One reporter below as the use case reads it.
struct ConsolidatedReporter {
  std::string name;
  reporting::Figures figures;                     // a team's own work, a unit's subtree's
  std::optional<reporting::ReportStatus> status;  // nullopt: no report made yet
  reporting::Timeliness timeliness = reporting::Timeliness::kPending;
  std::string sent_by;  // the name of the account that sent the report, if known
  std::string difficulties;
  std::string proposals;
};

// What the consolidated report is made of.
struct ConsolidatedInput {
  std::string unit_name;
  reporting::Period period;
  std::string today;  // YYYY-MM-DD
  std::string of;     // the reporters' level: teams, communes, districts
  reporting::Figures totals;
  std::vector<ConsolidatedReporter> reporters;
  reporting::StatusSummary summary;
};

// The document: the figures under their printed labels (the same eight columns for the totals
// and each reporter), the period and date as printed, states and timeliness in words, and the
// difficulties and proposals of the reports that were sent up (submitted or approved).
ConsolidatedReport ComposeConsolidatedReport(const ConsolidatedInput& in);

// Throw std::runtime_error when the library fails (an internal error, never a user's).
std::string WriteConsolidatedXlsx(const ConsolidatedReport& report);
std::string WriteConsolidatedPdf(const ConsolidatedReport& report);

}  // namespace cnscd::documents
