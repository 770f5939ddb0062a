// The consolidated report: the status below the unit and the period's work, read in one
// transaction; the figures summed by core/reporting, the document composed and written by
// documents/consolidated_report.
#include "app/consolidated_report.hpp"

#include <map>
#include <vector>

#include "app/access.hpp"
#include "app/reporting_status.hpp"
#include "app/units.hpp"
#include "core/error.hpp"
#include "documents/consolidated_report.hpp"

namespace cnscd::app {

namespace {

// The name shown for who sent a report: the account's full name, else its username.
std::string SenderName(store::Transaction& tx, std::map<store::Id, std::string>& known,
                       const std::optional<store::Id>& account) {
  if (!account) return {};
  auto it = known.find(*account);
  if (it == known.end()) {
    const auto a = tx.FindAccount(*account);
    it = known
             .emplace(*account,
                      a ? (a->full_name.empty() ? a->username : a->full_name) : std::string())
             .first;
  }
  return it->second;
}

}  // namespace

documents::ExportFile ConsolidatedReport(Context& ctx, const Caller& caller, store::Id unit_id,
                                         const std::string& period_text,
                                         std::string_view format_name) {
  using documents::FileFormat;
  const FileFormat format =
      documents::ParseFileFormat(format_name, {FileFormat::kXlsx, FileFormat::kPdf});
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  if (unit.kind == UnitKind::kVillage) {
    throw RuleBroken("not_a_commune_or_above",
                     "Báo cáo tổng hợp lập cho xã, huyện hoặc tỉnh, không cho thôn.",
                     "A consolidated report is for a commune, district or province, not a "
                     "village.",
                     "unit_id");
  }
  const ReportingStatus status = StatusBelow(*tx, ctx, caller, unit, period_text, std::nullopt);
  documents::ConsolidatedInput in;
  in.unit_name = unit.name;
  in.period = reporting::ParsePeriod(status.kind, status.period);
  in.today = ctx.Today();
  in.of = status.of;
  in.summary = status.summary;
  const std::string from = in.period.FirstDay();
  const std::string to = in.period.LastDay();

  // The subtree's figures, and each reporter's: teams read their own work, units their subtree.
  const std::vector<store::ActivityRow> activity = tx->Activity(unit, std::nullopt, from, to);
  reporting::Tally total;
  for (const auto& row : activity) total.Add(row.what, row.n);
  in.totals = reporting::FiguresOf(total);
  std::map<store::Id, std::string> senders;
  for (const StatusItem& item : status.items) {
    const store::Reporter& rep = item.reporter;
    reporting::Tally t;
    if (rep.team_id) {
      const store::Unit team_unit = RequireUnit(*tx, rep.unit_id);
      for (const auto& row : tx->Activity(team_unit, rep.team_id, from, to)) t.Add(row.what, row.n);
    } else {
      for (const auto& row : activity) {
        if (row.path.starts_with(rep.unit_path)) t.Add(row.what, row.n);
      }
    }
    documents::ConsolidatedReporter r;
    r.name = rep.name;
    r.figures = reporting::FiguresOf(t);
    r.timeliness = item.timeliness;
    if (rep.report) {
      r.status = reporting::ParseReportStatus(rep.report->status);
      r.sent_by = SenderName(*tx, senders, rep.report->submitted_by);
      r.difficulties = rep.report->difficulties;
      r.proposals = rep.report->proposals;
    }
    in.reporters.push_back(std::move(r));
  }

  documents::ExportFile file;
  file.name = documents::NameDownload({"BaoCao-TongHop", "Báo-cáo-tổng-hợp"},
                                      {unit.name, status.period}, format);
  file.content_type = documents::ContentType(format);
  const documents::ConsolidatedReport doc = documents::ComposeConsolidatedReport(in);
  file.bytes = format == FileFormat::kXlsx ? documents::WriteConsolidatedXlsx(doc)
                                           : documents::WriteConsolidatedPdf(doc);
  return file;
}

}  // namespace cnscd::app
