#include "app/allowances.hpp"

#include <algorithm>
#include <cctype>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/units.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "documents/allowance_sheet.hpp"
#include "documents/form2.hpp"  // PositionOf

namespace cnscd::app {

namespace {

void CheckPeriod(const std::string& period, const std::string& field) {
  if (!allowance::IsMonth(period)) {
    throw RuleBroken("invalid_period", "Tháng phải có dạng YYYY-MM (năm 2000–2100).",
                     "The month must be YYYY-MM (years 2000–2100).", field);
  }
}

Json OptJson(const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(); }

Json RateJson(const store::AllowanceRateRow& r) {
  return Json{{"valid_from", r.valid_from},
              {"per_team_month", OptJson(r.per_team_month)},
              {"per_member_day", OptJson(r.per_member_day)},
              {"max_days", OptJson(r.max_days)}};
}

// Nearest first: the unit, then its parent, up to the province.
std::optional<EffectiveRate> EffectiveAt(store::Transaction& tx, const store::Unit& unit,
                                         const std::string& period) {
  std::vector<store::Unit> chain = tx.Ancestors(unit);
  chain.push_back(unit);
  std::reverse(chain.begin(), chain.end());
  for (const store::Unit& u : chain) {
    std::optional<store::AllowanceRateRow> latest;
    for (const store::AllowanceRateRow& row : tx.AllowanceRatesOf(u.id)) {
      if (row.valid_from <= period) latest = row;  // rows come oldest first
    }
    if (latest) {
      return EffectiveRate{{latest->per_team_month, latest->per_member_day, latest->max_days},
                           u.id,
                           latest->valid_from};
    }
  }
  return std::nullopt;
}

std::string ThisMonth(const Context& ctx) { return ctx.Today().substr(0, 7); }

AllowanceRates RatesOf(store::Transaction& tx, const store::Unit& unit, const std::string& period) {
  return AllowanceRates{unit.id, tx.AllowanceRatesOf(unit.id), period,
                        EffectiveAt(tx, unit, period)};
}

// How the sheet states its rate, in Vietnamese.
std::string RateNote(store::Transaction& tx, const std::optional<EffectiveRate>& rate) {
  if (!rate) return "Chưa có mức chi áp dụng cho tháng này: số ngày hoạt động chỉ để đối chiếu.";
  std::vector<std::string> parts;
  if (rate->rate.per_team_month) {
    parts.push_back(text::GroupThousands(*rate->rate.per_team_month) + " đồng/tổ/tháng");
  }
  if (rate->rate.per_member_day) {
    std::string day = text::GroupThousands(*rate->rate.per_member_day) + " đồng/người/ngày";
    if (rate->rate.max_days) {
      day += ", tối đa " + std::to_string(*rate->rate.max_days) + " ngày/tháng";
    }
    parts.push_back(day);
  }
  std::string note = "Mức chi: ";
  for (std::size_t i = 0; i < parts.size(); ++i) note += (i > 0 ? "; " : "") + parts[i];
  const auto source = tx.FindUnit(rate->source_unit_id);
  note += " (" + (source ? source->name + ", " : std::string()) + "áp dụng từ tháng " +
          rate->valid_from.substr(5, 2) + "/" + rate->valid_from.substr(0, 4) + ")";
  return note;
}

struct SheetAndNote {
  AllowanceSheet sheet;
  std::string rate_note;
};

SheetAndNote BuildSheet(Context& ctx, const Caller& caller, store::Id unit_id,
                        const std::string& period) {
  CheckPeriod(period, "period");
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kManage, UnitTarget(unit));
  if (unit.kind != UnitKind::kCommune) {
    throw RuleBroken(
        "not_a_commune",
        "Bảng thanh toán chế độ lập cho từng xã: " + unit.name + " không phải cấp xã.",
        "The allowance sheet is made per commune: " + unit.name + " is not a commune.");
  }
  if (period > ThisMonth(ctx)) {
    throw RuleBroken("future_period", "Chưa thể lập bảng chế độ cho tháng chưa đến.",
                     "The allowance sheet cannot be made for a month still to come.", "period");
  }
  SheetAndNote out;
  AllowanceSheet& sheet = out.sheet;
  sheet.unit = unit;
  sheet.period = period;
  sheet.heading = unit.name;
  std::vector<store::Unit> ancestors = tx->Ancestors(unit);
  std::reverse(ancestors.begin(), ancestors.end());
  for (const store::Unit& above : ancestors) sheet.heading += ", " + above.name;
  sheet.rate = EffectiveAt(*tx, unit, period);
  const std::optional<allowance::Rate> rate =
      sheet.rate ? std::optional<allowance::Rate>(sheet.rate->rate) : std::nullopt;

  const std::vector<store::Team> teams = tx->AllowanceTeams(unit, period);
  const std::vector<store::AllowanceLine> lines = tx->AllowanceLines(unit, period);
  std::vector<std::int64_t> team_ids;
  team_ids.reserve(teams.size());
  for (const store::Team& t : teams) team_ids.push_back(t.id);
  std::vector<allowance::MemberDays> days;
  days.reserve(lines.size());
  for (const store::AllowanceLine& l : lines) {
    days.push_back({l.person_id, l.team_id, l.activity_days});
  }
  const allowance::Sheet pay = allowance::ComputeSheet(rate, team_ids, days);
  for (std::size_t i = 0; i < teams.size(); ++i) {
    const allowance::TeamPay& p = pay.teams[i];
    sheet.teams.push_back({teams[i].id, teams[i].name, p.members, p.amount, p.members_amount});
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const store::AllowanceLine& l = lines[i];
    const allowance::MemberPay& p = pay.members[i];
    sheet.members.push_back({l.person_id, l.full_name, l.team_id, l.team_name, l.role,
                             p.activity_days, p.paid_days, p.amount});
  }
  sheet.total_teams = pay.total_teams;
  sheet.total_members = pay.total_members;
  sheet.total = pay.total;
  out.rate_note = RateNote(*tx, sheet.rate);
  return out;
}

}  // namespace

AllowanceRates PutAllowanceRate(Context& ctx, const Caller& caller, store::Id unit_id,
                                const AllowanceRateInput& in) {
  CheckPeriod(in.valid_from, "valid_from");
  allowance::CheckRate(in.rate);
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kManage, UnitTarget(unit));
  std::optional<Json> before;
  for (const store::AllowanceRateRow& row : tx->AllowanceRatesOf(unit.id)) {
    if (row.valid_from == in.valid_from) before = RateJson(row);
  }
  const store::AllowanceRateRow row{
      unit.id,          in.valid_from,     in.rate.per_team_month, in.rate.per_member_day,
      in.rate.max_days, ctx.NowTimestamp()};
  tx->PutAllowanceRate(row);
  Audit(*tx, ctx, caller, "update", {"allowance_rate", unit.id, unit.path}, before, RateJson(row));
  AllowanceRates out = RatesOf(*tx, unit, ThisMonth(ctx));
  tx->Commit();
  return out;
}

AllowanceRates ListAllowanceRates(Context& ctx, const Caller& caller, store::Id unit_id,
                                  const std::optional<std::string>& period) {
  const std::string month = period.value_or(ThisMonth(ctx));
  CheckPeriod(month, "period");
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  return RatesOf(*tx, unit, month);
}

AllowanceSheet AllowanceSheetOf(Context& ctx, const Caller& caller, store::Id unit_id,
                                const std::string& period) {
  return BuildSheet(ctx, caller, unit_id, period).sheet;
}

documents::ExportFile AllowanceSheetFile(Context& ctx, const Caller& caller, store::Id unit_id,
                                         const std::string& period, std::string_view format_name) {
  using documents::FileFormat;
  const FileFormat format =
      documents::ParseFileFormat(format_name, {FileFormat::kXlsx, FileFormat::kCsv});
  const SheetAndNote built = BuildSheet(ctx, caller, unit_id, period);
  const AllowanceSheet& sheet = built.sheet;
  documents::AllowanceSheetDocument doc;
  doc.commune = sheet.heading;
  doc.period = sheet.period;
  doc.rate_note = built.rate_note;
  const std::optional<std::int64_t> day_rate =
      sheet.rate ? sheet.rate->rate.per_member_day : std::nullopt;
  for (const SheetMember& m : sheet.members) {
    doc.members.push_back({m.full_name, m.team_name,
                           m.role ? std::string(documents::PositionOf(*m.role)) : std::string(),
                           m.activity_days, m.paid_days, day_rate, m.amount});
  }
  if (sheet.rate && sheet.rate->rate.per_team_month) {
    for (const SheetTeam& t : sheet.teams) doc.teams.push_back({t.name, t.amount});
  }
  doc.total = sheet.total;
  documents::ExportFile file;
  file.name = documents::NameDownload({"BangChiCheDo", "Bảng-chi-chế-độ"},
                                      {sheet.unit.name, sheet.period}, format);
  file.content_type = documents::ContentType(format);
  file.bytes = format == FileFormat::kXlsx ? documents::WriteAllowanceSheetXlsx(doc)
                                           : documents::WriteAllowanceSheetCsv(doc);
  file.rows = doc.members.size();
  return file;
}

}  // namespace cnscd::app
