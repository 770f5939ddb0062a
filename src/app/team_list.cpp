// Form 2 exported: the list read in one transaction (the export audited), the file laid out
// after it.
#include "app/team_list.hpp"

#include <algorithm>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/units.hpp"
#include "core/error.hpp"
#include "documents/form2.hpp"

namespace cnscd::app {

store::Unit RequireForm2Unit(store::Transaction& tx, const Caller& caller, store::Id unit_id,
                             bool importing) {
  store::Unit unit =
      RequireUnitInScope(tx, caller, importing ? Ability::kManage : Ability::kRead, unit_id);
  if (unit.kind == UnitKind::kVillage) {
    throw RuleBroken("not_a_commune_or_above",
                     std::string(importing ? "Nhập danh sách (Mẫu 2) vào một xã, huyện hoặc tỉnh: "
                                           : "Danh sách (Mẫu 2) lập cho xã, huyện hoặc tỉnh: ") +
                         unit.name + " là cấp thôn, ấp.",
                     std::string(importing ? "Import the list (Form 2) into a commune, district or "
                                             "province: "
                                           : "The list (Form 2) is made for a commune, district or "
                                             "province: ") +
                         unit.name + " is a village.");
  }
  return unit;
}

documents::ExportFile ExportTeamList(Context& ctx, const Caller& caller, store::Id unit_id,
                                     std::string_view format_name) {
  using documents::FileFormat;
  const FileFormat format =
      documents::ParseFileFormat(format_name, {FileFormat::kXlsx, FileFormat::kCsv});
  std::vector<documents::Form2Line> lines;
  std::string heading;
  documents::ExportFile file;
  {
    // A write transaction: exporting members' phone numbers is itself recorded.
    auto tx = ctx.Begin(store::Access::kWrite);
    const store::Unit unit = RequireForm2Unit(*tx, caller, unit_id, false);
    store::Scope scope = ScopeFor(caller);
    scope.single_unit_paths.clear();  // a team role lists its own team, not its village's others
    for (const store::TeamListRow& r : tx->TeamList(unit, scope)) {
      lines.push_back({r.commune.name, r.team.name, r.membership.person.full_name,
                       std::string(documents::PositionOf(r.membership.role)),
                       r.membership.person.phone.value_or("")});
    }
    heading = unit.name;
    // "Xã Nhơn Mỹ, Huyện Kế Sách, Tỉnh Sóc Trăng": the unit, then the units above it.
    auto ancestors = tx->Ancestors(unit);
    std::reverse(ancestors.begin(), ancestors.end());
    for (const store::Unit& above : ancestors) heading += ", " + above.name;
    Audit(*tx, ctx, caller, "export", {"unit", unit.id, unit.path}, std::nullopt,
          Json{{"format", documents::Extension(format)}, {"rows", lines.size()}});
    tx->Commit();
    file.name =
        documents::NameDownload({"DanhSach-To-CNSCD", "DanhSach-To-CNSCĐ"}, {unit.name}, format);
  }
  // Built after the commit: the writer's lock is not held while the file is laid out.
  file.content_type = documents::ContentType(format);
  if (format == FileFormat::kXlsx) {
    file.bytes = documents::WriteForm2Xlsx(heading, lines);
  } else {
    file.bytes = documents::WriteForm2Csv(lines);
  }
  file.rows = lines.size();
  return file;
}

}  // namespace cnscd::app
