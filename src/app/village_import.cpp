// Villages from a sheet as one transaction: load, decide (core/village_sheet, pure), apply.
#include "app/village_import.hpp"

#include <algorithm>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/member_import.hpp"  // RowsRefused
#include "app/units.hpp"
#include "documents/village_sheet.hpp"

namespace cnscd::app {

namespace {

// The unit a sheet is made for or imported into: a commune or above.
store::Unit RequireSheetUnit(store::Transaction& tx, const Caller& caller, store::Id unit_id,
                             Ability ability) {
  store::Unit unit = RequireUnitInScope(tx, caller, ability, unit_id);
  if (unit.kind == UnitKind::kVillage) {
    throw RuleBroken(
        "not_a_commune_or_above",
        "Danh sách thôn, ấp lập cho xã, huyện hoặc tỉnh: " + unit.name + " là cấp thôn, ấp.",
        "The list of villages is made for a commune, district or province: " + unit.name +
            " is a village.");
  }
  return unit;
}

// The communes of the unit (itself when a commune), in the tree's order.
std::vector<store::Unit> CommunesOf(store::Transaction& tx, const store::Unit& unit) {
  if (unit.kind == UnitKind::kCommune) return {unit};
  store::UnitQuery q;
  q.kind = UnitKind::kCommune;
  q.limit = 100'000'000;  // a province's communes: one page
  store::Scope subtree;
  subtree.unit_paths.push_back(unit.path);
  return tx.ListUnits(q, subtree).items;
}

std::vector<store::Unit> VillagesOf(store::Transaction& tx, const store::Unit& commune) {
  store::UnitQuery q;
  q.parent_id = commune.id;
  q.kind = UnitKind::kVillage;
  return CurrentUnits(tx, q);
}

village_sheet::Known Load(store::Transaction& tx, const store::Unit& unit,
                          const std::vector<village_sheet::SheetRow>& rows) {
  village_sheet::Known known;
  known.above_commune = unit.kind != UnitKind::kCommune;
  for (const store::Unit& c : CommunesOf(tx, unit)) {
    village_sheet::Commune commune{c.id, c.name, c.code, {}};
    for (const store::Unit& v : VillagesOf(tx, c)) {
      village_sheet::Village village{v.id, v.name, v.code, {}};
      for (const store::Population& p : tx.ListPopulation(v.id)) {
        village.population[p.year] = p.figures;
      }
      commune.villages.push_back(std::move(village));
    }
    known.communes.push_back(std::move(commune));
  }
  // A code the rows name that is a village's outside this unit's communes.
  for (const village_sheet::SheetRow& row : rows) {
    if (row.code.empty() || known.codes_elsewhere.contains(row.code)) continue;
    const auto holder = tx.FindUnitByCode(UnitKind::kVillage, row.code, std::nullopt);
    if (!holder) continue;
    bool ours = false;
    for (const village_sheet::Commune& c : known.communes) {
      ours =
          ours || std::any_of(c.villages.begin(), c.villages.end(),
                              [&](const village_sheet::Village& v) { return v.id == holder->id; });
    }
    if (!ours) known.codes_elsewhere.emplace(row.code, holder->name);
  }
  return known;
}

// The plan as the caller sees it.
VillageImportReport ReportOf(const village_sheet::Plan& plan) {
  return {plan.rows, plan.created, plan.updated, plan.matched, plan.refused, false};
}

void Apply(Context& ctx, const Caller& caller, store::Transaction& tx, const store::Unit& unit,
           const village_sheet::Plan& plan, const std::string& filename) {
  std::vector<store::Id> created;
  for (const village_sheet::NewVillage& n : plan.new_villages) {
    const store::Unit village =
        tx.InsertUnit({n.code, n.name, UnitKind::kVillage, n.subkind, n.commune_id, std::nullopt});
    Audit(tx, ctx, caller, "create", {"unit", village.id, village.path}, std::nullopt,
          ToJson(village));
    created.push_back(village.id);
  }
  for (const village_sheet::Figures& f : plan.population) {
    const store::Id id =
        f.new_village >= 0 ? created[static_cast<std::size_t>(f.new_village)] : f.village_id;
    auto of_year = [&] {
      store::Population out{f.year, {}};
      for (const store::Population& p : tx.ListPopulation(id)) {
        if (p.year == f.year) out = p;
      }
      return out;
    };
    const store::Population before = of_year();
    tx.PutPopulation(id, {f.year, f.figures});
    const auto village = tx.FindUnit(id);
    Audit(tx, ctx, caller, "update", {"population", id, village ? village->path : unit.path},
          ToJson(id, before), ToJson(id, of_year()));
  }
  Audit(tx, ctx, caller, "import", {"unit", unit.id, unit.path}, std::nullopt,
        Json{{"file", filename},
             {"kind", "villages"},
             {"rows", plan.rows.size()},
             {"created", plan.created},
             {"updated", plan.updated}});
}

}  // namespace

documents::ExportFile ExportVillageSheet(Context& ctx, const Caller& caller, store::Id unit_id,
                                         std::string_view format_name) {
  using documents::FileFormat;
  const FileFormat format =
      documents::ParseFileFormat(format_name, {FileFormat::kXlsx, FileFormat::kCsv});
  std::vector<documents::VillageLine> lines;
  std::string heading;
  bool with_commune = false;
  documents::ExportFile file;
  {
    auto tx = ctx.Begin(store::Access::kRead);
    const store::Unit unit = RequireSheetUnit(*tx, caller, unit_id, Ability::kRead);
    with_commune = unit.kind != UnitKind::kCommune;
    const int this_year = std::stoi(ctx.Today().substr(0, 4));
    for (const store::Unit& c : CommunesOf(*tx, unit)) {
      for (const store::Unit& v : VillagesOf(*tx, c)) {
        documents::VillageLine line{c.name, v.name, v.subkind, v.code.value_or(""), this_year, {}};
        for (const store::Population& p : tx->ListPopulation(v.id)) {
          if (!line.figures.empty() && p.year < *line.year) continue;
          line.year = p.year;  // the latest year with figures
          line.figures = p.figures;
        }
        lines.push_back(std::move(line));
      }
    }
    heading = unit.name;
    auto ancestors = tx->Ancestors(unit);
    std::reverse(ancestors.begin(), ancestors.end());
    for (const store::Unit& above : ancestors) heading += ", " + above.name;
    file.name = documents::NameDownload({"Thon-Ap", "Thôn-Ấp"}, {unit.name}, format);
  }
  file.content_type = documents::ContentType(format);
  file.bytes = format == FileFormat::kXlsx
                   ? documents::WriteVillageSheetXlsx(heading, with_commune, lines, 20)
                   : documents::WriteVillageSheetCsv(with_commune, lines);
  file.rows = lines.size();
  return file;
}

VillageImportRefused::VillageImportRefused(VillageImportReport report)
    : Error(RowsRefused(report.refused)), report_(std::move(report)) {}

VillageImportReport ImportVillages(Context& ctx, const Caller& caller, store::Id unit_id,
                                   std::string_view bytes, const std::string& filename,
                                   bool apply) {
  auto tx = ctx.Begin(apply ? store::Access::kWrite : store::Access::kRead);
  const store::Unit unit = RequireSheetUnit(*tx, caller, unit_id, Ability::kManage);
  const std::vector<village_sheet::SheetRow> rows = documents::ReadVillageSheet(bytes, filename);
  if (rows.empty()) {
    throw RuleBroken("empty_sheet", "Tệp không có dòng thôn, ấp nào dưới dòng tiêu đề.",
                     "The file has no village rows under its header.");
  }
  const village_sheet::Plan plan = village_sheet::PlanVillageImport(rows, Load(*tx, unit, rows));
  VillageImportReport report = ReportOf(plan);
  if (!apply) return report;
  if (report.refused > 0) throw VillageImportRefused(std::move(report));
  Apply(ctx, caller, *tx, unit, plan, filename);
  tx->Commit();
  report.applied = true;
  return report;
}

Json VillageImportReportJson(const VillageImportReport& report) {
  Json rows = Json::array();
  for (const village_sheet::Row& r : report.rows) {
    Json j{{"row", r.line}, {"action", r.action}, {"commune", r.commune}, {"name", r.name}};
    if (r.reason) {
      j["reason"] = r.reason->vi;
      j["reason_en"] = r.reason->en;
    }
    rows.push_back(std::move(j));
  }
  return Json{{"mode", report.applied ? "applied" : "dry_run"},
              {"rows", rows},
              {"created", report.created},
              {"updated", report.updated},
              {"matched", report.matched},
              {"refused", report.refused}};
}

}  // namespace cnscd::app
