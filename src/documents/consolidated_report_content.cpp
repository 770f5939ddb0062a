// What the consolidated report says, in the words it prints; the writers lay it out.
#include <string>
#include <utility>
#include <vector>

#include "documents/consolidated_report.hpp"

namespace cnscd::documents {

namespace {

using reporting::ReportStatus;
using reporting::Timeliness;

std::string StatusVi(const std::optional<ReportStatus>& status) {
  if (!status) return "Chưa lập";
  switch (*status) {
    case ReportStatus::kDraft:
      return "Bản nháp";
    case ReportStatus::kSubmitted:
      return "Đã nộp";
    case ReportStatus::kApproved:
      return "Đã duyệt";
    case ReportStatus::kReturned:
      return "Bị trả lại";
  }
  return "Bị trả lại";
}

std::string TimelinessVi(Timeliness t) {
  switch (t) {
    case Timeliness::kOnTime:
      return "Đúng hạn";
    case Timeliness::kLate:
      return "Muộn";
    case Timeliness::kMissing:
      return "Thiếu";
    case Timeliness::kPending:
      return "Chưa đến hạn";
  }
  return "";
}

// The figures every reporter has, under their printed labels.
std::vector<Figure> Columns(const reporting::Figures& f) {
  return {{"Lượt hỗ trợ", f.records},
          {"Người dân được hỗ trợ mới", f.citizens},
          {"Buổi tập huấn", f.trainings.sessions},
          {"Lượt người dự tập huấn", f.trainings.attendance},
          {"Buổi tuyên truyền", f.events},
          {"Lượt người dự tuyên truyền", f.event_attendance},
          {"Số tổ", f.teams},
          {"Thành viên", f.members}};
}

std::string DayMonthYear(const std::string& ymd) {
  return ymd.substr(8, 2) + "/" + ymd.substr(5, 2) + "/" + ymd.substr(0, 4);
}

}  // namespace

ConsolidatedReport ComposeConsolidatedReport(const ConsolidatedInput& in) {
  ConsolidatedReport doc;
  doc.unit_name = in.unit_name;
  const std::string year = std::to_string(in.period.year);
  const std::string month = (in.period.month < 10 ? "0" : "") + std::to_string(in.period.month);
  doc.period_label = in.period.month == 0 ? "Năm " + year : "Tháng " + month + "/" + year;
  doc.generated_on = DayMonthYear(in.today);
  doc.reporter_label = in.of == "teams"      ? "Tổ công nghệ số cộng đồng"
                       : in.of == "communes" ? "Xã, phường, thị trấn"
                                             : "Quận, huyện, thị xã";
  doc.totals = Columns(in.totals);
  for (const Figure& f : doc.totals) doc.columns.push_back(f.label);
  for (const reporting::ServiceFigures& s : in.totals.by_service) {
    doc.by_service.push_back({s.name + " — lượt hỗ trợ", s.records});
    doc.by_service.push_back({s.name + " — người được hỗ trợ mới", s.citizens});
  }
  for (const ConsolidatedReporter& r : in.reporters) {
    std::vector<std::int64_t> values;
    for (const Figure& f : Columns(r.figures)) values.push_back(f.value);
    doc.rows.push_back({r.name, std::move(values), StatusVi(r.status), TimelinessVi(r.timeliness)});
    const bool sent = r.status == ReportStatus::kSubmitted || r.status == ReportStatus::kApproved;
    if (sent && (!r.difficulties.empty() || !r.proposals.empty())) {
      doc.quotes.push_back({r.name, r.sent_by, r.difficulties, r.proposals});
    }
  }
  const reporting::StatusSummary& s = in.summary;
  doc.summary = {{"Số báo cáo phải nộp", s.expected},
                 {"Đã nộp", s.submitted},
                 {"Đúng hạn", s.on_time},
                 {"Muộn", s.late},
                 {"Thiếu (quá hạn chưa nộp)", s.missing},
                 {"Chưa đến hạn", s.pending}};
  doc.completeness = s.completeness;
  doc.timeliness = s.timeliness;
  return doc;
}

}  // namespace cnscd::documents
