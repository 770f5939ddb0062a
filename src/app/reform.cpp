#include "app/reform.hpp"

#include <map>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/unit_events.hpp"
#include "app/units.hpp"
#include "core/error.hpp"
#include "documents/conversion_table.hpp"

namespace cnscd::app {

namespace {

bool Holds(store::Transaction& tx, store::Id id) { return tx.CountAttachments(id).Attached() > 0; }

// The unit of that kind and code valid from the effective date (the new list imported
// beforehand), or a new one.
store::Unit NewUnit(store::Transaction& tx, UnitKind kind, const std::string& code,
                    const std::string& name, std::optional<store::Id> parent,
                    const std::string& effective, int& created) {
  if (auto u = tx.FindUnitByCode(kind, code, effective)) return *u;
  ++created;
  return tx.InsertUnit({code, name, kind, SubkindFromName(name), parent, effective});
}

}  // namespace

ReformSummary RunReform(Context& ctx, const Caller& caller, const ReformInput& in) {
  Require(caller, Ability::kManage, Target{"/", std::nullopt});  // the whole country
  reform::CheckEventDate(in.effective, ctx.Today(), std::nullopt, "effective");
  const documents::ConversionTable table = documents::ParseConversionTable(in.table_csv);
  if (!table.refused.empty()) {
    const auto& r = table.refused.front();
    throw RuleBroken(
        "unreadable_table", "Bảng chuyển đổi, dòng " + std::to_string(r.line) + ": " + r.message_vi,
        "Conversion table, line " + std::to_string(r.line) + ": " + r.message_en, "plan");
  }
  std::vector<reform::Pair> pairs;
  for (const documents::ConversionRow& r : table.rows) {
    pairs.push_back({r.line, r.new_province_code, r.new_province_name, r.new_commune_code,
                     r.new_commune_name, r.old_commune_code, r.old_commune_name,
                     r.note != documents::ConversionNote::kPart});
  }
  std::vector<reform::Decision> decisions;
  for (const auto& d : documents::ParseReformDecisions(in.decisions_csv)) {
    decisions.push_back({d.line, d.old_key, d.new_code, d.dissolve});
  }

  auto tx = ctx.Begin(in.apply ? store::Access::kWrite : store::Access::kRead);
  std::vector<reform::OldUnit> tree;
  for (const UnitKind kind :
       {UnitKind::kProvince, UnitKind::kDistrict, UnitKind::kCommune, UnitKind::kVillage}) {
    store::UnitQuery of_kind;
    of_kind.kind = kind;
    for (const store::Unit& u : CurrentUnits(*tx, of_kind)) {
      // Units of the new list imported beforehand are targets, not old units.
      if (u.valid_from && *u.valid_from >= in.effective) continue;
      tree.push_back({u.id, u.kind, u.code.value_or(""), u.name, u.parent_id});
    }
  }
  const reform::Plan plan = reform::MakePlan(pairs, tree, decisions, {in.dissolve_unmapped},
                                             [&](reform::Id id) { return Holds(*tx, id); });

  ReformSummary out;
  out.table_pairs = static_cast<int>(pairs.size());
  out.pairs_outside = plan.pairs_outside;
  out.provinces = static_cast<int>(plan.provinces.size());
  for (const auto& p : plan.provinces) {
    out.provinces_kept += p.keep ? 1 : 0;
    out.provinces_merged_away += static_cast<int>(p.merged.size());
  }
  out.communes = static_cast<int>(plan.communes.size());
  for (const auto& c : plan.communes) {
    out.communes_kept += c.keep ? 1 : 0;
    out.communes_merged_away += static_cast<int>(c.wholes.size());
  }
  out.communes_split = static_cast<int>(plan.splits.size());
  for (const auto& s : plan.splits) out.villages_assigned += static_cast<int>(s.villages.size());
  out.unmapped_merged = static_cast<int>(plan.unmapped_into.size());
  out.dissolved = static_cast<int>(plan.dissolved.size());
  out.districts_dissolved = static_cast<int>(plan.districts.size());
  out.questions = plan.questions;
  if (!in.apply || !plan.questions.empty()) return out;

  const EventBasis when{in.effective, in.basis};
  const auto account = caller.audit_account();
  std::map<std::string, store::Unit> provinces, communes;
  int created = 0;
  // The new list imported beforehand (same code, valid from the effective date) holds the
  // targets: then the old unit of that code merges into it instead of going on.
  std::map<std::string, std::vector<reform::Id>> province_sources;
  for (const reform::NewProvince& p : plan.provinces) {
    province_sources[p.code] = p.merged;
    if (auto imported = tx->FindUnitByCode(UnitKind::kProvince, p.code, in.effective)) {
      provinces[p.code] = *imported;
      if (p.keep) {
        province_sources[p.code].push_back(*p.keep);
        --out.provinces_kept;
      }
    } else if (p.keep) {
      store::Unit u = RequireUnit(*tx, *p.keep);
      if (!p.name.empty() && u.name != p.name) {
        u = RenameUnitIn(*tx, u, p.name, SubkindFromName(p.name), when, account);
      }
      provinces[p.code] = u;
    } else {
      provinces[p.code] =
          NewUnit(*tx, UnitKind::kProvince, p.code, p.name, std::nullopt, in.effective, created);
    }
  }
  auto add = [&](const store::MovedCounts& m) {
    out.villages_moved += m.children;
    out.teams_moved += m.teams;
    out.records_moved += m.support_records;
  };
  for (const reform::NewCommune& c : plan.communes) {
    const store::Unit& province = provinces.at(c.province_code);
    store::Unit target;
    std::vector<store::Unit> sources;
    const auto imported = tx->FindUnitByCode(UnitKind::kCommune, c.code, in.effective);
    if (c.keep && imported) {
      target = *imported;
      sources.push_back(RequireUnit(*tx, *c.keep));
      --out.communes_kept;
    } else if (c.keep) {
      target = RequireUnit(*tx, *c.keep);
      if (target.parent_id != province.id) {
        target = ReparentUnitIn(*tx, target, province, when, account);
      }
      if (target.name != c.name) {
        target = RenameUnitIn(*tx, target, c.name, SubkindFromName(c.name), when, account);
      }
    } else {
      target = NewUnit(*tx, UnitKind::kCommune, c.code, c.name, province.id, in.effective,
                       out.communes_created);
    }
    communes[c.code] = target;
    for (const reform::Id id : c.wholes) sources.push_back(RequireUnit(*tx, id));
    if (!sources.empty()) add(MergeUnitsIn(*tx, sources, target, when, account));
  }
  for (const reform::Split& s : plan.splits) {
    const store::Unit unit = RequireUnit(*tx, s.commune);
    std::map<store::Id, store::Unit> parts;
    for (const std::string& code : s.into) parts[communes.at(code).id] = communes.at(code);
    std::map<store::Id, store::Id> assign;
    for (const auto& [village, code] : s.villages) {
      parts[communes.at(code).id] = communes.at(code);
      assign[village] = communes.at(code).id;
    }
    std::optional<store::Id> attachments_to;
    if (s.attachments_to) {
      attachments_to = communes.at(*s.attachments_to).id;
      parts[*attachments_to] = communes.at(*s.attachments_to);
    }
    std::vector<store::Unit> part_list;
    part_list.reserve(parts.size());
    for (const auto& [id, u] : parts) part_list.push_back(u);
    add(SplitUnitIn(*tx, unit, part_list, assign, attachments_to, when, account));
  }
  // Villages before their commune: a unit is dissolved empty.
  const std::vector<reform::Id> dissolved(plan.dissolved.rbegin(), plan.dissolved.rend());
  for (const reform::Id id : dissolved) DissolveUnitIn(*tx, RequireUnit(*tx, id), when, account);
  for (const reform::Id id : plan.districts) {
    DissolveUnitIn(*tx, RequireUnit(*tx, id), when, account);
  }
  for (const reform::NewProvince& p : plan.provinces) {
    std::vector<store::Unit> sources;
    for (const reform::Id id : province_sources[p.code]) sources.push_back(RequireUnit(*tx, id));
    if (!sources.empty()) MergeUnitsIn(*tx, sources, provinces.at(p.code), when, account);
  }
  tx->RebuildHelpedTotals();
  out.applied = true;
  Audit(*tx, ctx, caller, "reform", {"reform", 0, "/"}, std::nullopt,
        Json{{"effective", in.effective},
             {"basis", in.basis},
             {"provinces", out.provinces},
             {"communes", out.communes},
             {"communes_created", out.communes_created},
             {"communes_merged_away", out.communes_merged_away},
             {"communes_split", out.communes_split},
             {"districts_dissolved", out.districts_dissolved},
             {"villages_moved", out.villages_moved},
             {"teams_moved", out.teams_moved}});
  tx->Commit();
  return out;
}

}  // namespace cnscd::app
