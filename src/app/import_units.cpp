#include "app/import_units.hpp"

#include <map>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "core/error.hpp"

namespace cnscd::app {

std::optional<std::string> EditionOf(documents::UnitListFormat format) {
  if (format == documents::UnitListFormat::kTwoLevel2025) return "2025-07-01";
  return std::nullopt;
}

UnitImportReport ImportUnits(Context& ctx, const Caller& caller, const documents::UnitList& list,
                             const std::function<void(int, int)>& progress) {
  UnitImportReport report;
  report.rows_read = list.rows_read;
  report.refused = list.refused;
  const auto edition = EditionOf(list.format);
  const int total = static_cast<int>(list.records.size());

  auto tx = ctx.Begin(store::Access::kWrite);
  Require(caller, Ability::kManage, {"/", std::nullopt});     // official lists are the nation's
  std::map<std::pair<UnitKind, std::string>, store::Id> ids;  // parents seen in this run
  int done = 0;
  for (const documents::UnitRecord& r : list.records) {
    ++report.by_kind[r.kind];
    std::optional<store::Id> parent_id;
    if (r.parent_kind) {
      auto key = std::make_pair(*r.parent_kind, r.parent_code);
      auto it = ids.find(key);
      if (it == ids.end()) {
        auto parent = tx->FindUnitByCode(*r.parent_kind, r.parent_code, edition);
        if (!parent) {
          report.refused.push_back({r.line,
                                    "Không tìm thấy đơn vị cấp trên mã " + r.parent_code + ".",
                                    "Parent unit " + r.parent_code + " is unknown."});
          continue;
        }
        it = ids.emplace(key, parent->id).first;
      }
      parent_id = it->second;
    }
    if (auto existing = tx->FindUnitByCode(r.kind, r.code, edition)) {
      if (existing->name != r.name || existing->subkind != r.subkind) {
        tx->UpdateUnitName(existing->id, r.name, r.subkind);
        store::Unit renamed = *existing;
        renamed.name = r.name;
        renamed.subkind = r.subkind;
        Audit(*tx, ctx, caller, "update", {"unit", existing->id, existing->path}, ToJson(*existing),
              ToJson(renamed));
        ++report.updated;
      } else {
        ++report.unchanged;
      }
      ids[{r.kind, r.code}] = existing->id;
    } else {
      const store::Unit u = tx->InsertUnit({r.code, r.name, r.kind, r.subkind, parent_id, edition});
      Audit(*tx, ctx, caller, "create", {"unit", u.id, u.path}, std::nullopt, ToJson(u));
      ids[{r.kind, r.code}] = u.id;
      ++report.created;
    }
    if (progress && (++done % 500 == 0 || done == total)) progress(done, total);
  }
  tx->Commit();
  return report;
}

}  // namespace cnscd::app
