#include "core/reform.hpp"

#include <algorithm>
#include <set>

#include "core/dates.hpp"
#include "core/error.hpp"

namespace cnscd::reform {

namespace {

// How a decision line names a unit by its id ("id:123"), whether or not it has a code.
std::string IdKey(Id id) { return "id:" + std::to_string(id); }

// An old unit as a question names it: "Xã Nhơn Mỹ (94456)", with its code or `key` in brackets.
std::string Named(const OldUnit& u, const std::string& key) { return u.name + " (" + key + ")"; }
std::string Named(const OldUnit& u) { return Named(u, u.code); }

}  // namespace

Plan MakePlan(const std::vector<Pair>& table, const std::vector<OldUnit>& tree,
              const std::vector<Decision>& decisions, const Options& options,
              const std::function<bool(Id)>& holds) {
  Plan plan;
  std::map<std::string, const OldUnit*> province_by_code, commune_by_code;
  std::map<Id, const OldUnit*> by_id;
  std::map<Id, std::vector<const OldUnit*>> children;
  for (const OldUnit& u : tree) {
    by_id[u.id] = &u;
    if (u.parent_id) children[*u.parent_id].push_back(&u);
    if (u.kind == UnitKind::kProvince && !u.code.empty()) province_by_code[u.code] = &u;
    if (u.kind == UnitKind::kCommune && !u.code.empty()) commune_by_code[u.code] = &u;
    if (u.kind == UnitKind::kDistrict) plan.districts.push_back(u.id);
  }
  auto province_of = [&](const OldUnit& u) -> const OldUnit* {
    const OldUnit* p = &u;
    while (p && p->kind != UnitKind::kProvince) {
      p = p->parent_id && by_id.count(*p->parent_id) ? by_id[*p->parent_id] : nullptr;
    }
    return p;
  };

  // The table, grouped by new commune, keeping only what this database holds.
  std::map<std::string, NewCommune> communes;
  std::vector<std::string> commune_order;
  std::map<Id, std::vector<std::string>> destinations;   // old commune -> new codes, table order
  std::map<std::string, std::set<Id>> province_sources;  // new province -> old provinces
  std::map<std::string, std::string> province_names;
  for (const Pair& p : table) {
    const OldUnit* old = nullptr;
    if (!p.old_commune_code.empty()) {
      auto it = commune_by_code.find(p.old_commune_code);
      if (it == commune_by_code.end()) {
        ++plan.pairs_outside;
        continue;
      }
      old = it->second;
    }
    auto [it, fresh] = communes.try_emplace(p.new_commune_code);
    NewCommune& c = it->second;
    if (fresh) {
      c.code = p.new_commune_code;
      c.name = p.new_commune_name;
      c.province_code = p.new_province_code;
      commune_order.push_back(c.code);
    }
    province_names.emplace(p.new_province_code, p.new_province_name);
    if (!old) {
      c.areas.push_back(p.old_commune_name);
      continue;
    }
    auto& dest = destinations[old->id];
    if (std::find(dest.begin(), dest.end(), c.code) == dest.end()) dest.push_back(c.code);
    if (const OldUnit* prov = province_of(*old)) province_sources[c.province_code].insert(prov->id);
  }
  // A new commune fed only by rows without an old commune exists here only if its province does.
  std::set<std::string> fed;
  for (const auto& [old, dest] : destinations) fed.insert(dest.begin(), dest.end());
  std::erase_if(commune_order, [&](const std::string& code) {
    return !fed.count(code) && !province_sources.count(communes[code].province_code);
  });

  // Decisions, by key.
  std::map<std::string, const Decision*> decided;
  std::set<std::string> new_codes(commune_order.begin(), commune_order.end());
  for (const Decision& d : decisions) {
    if (!d.dissolve && !new_codes.count(d.new_code)) {
      plan.questions.push_back(
          {"bad_decision", 0, d.line,
           "Dòng " + std::to_string(d.line) + ": xã mới " + d.new_code +
               " không có trong bảng chuyển đổi (với dữ liệu của cơ sở dữ liệu này).",
           "Line " + std::to_string(d.line) + ": new commune " + d.new_code +
               " is not in the conversion table (for this database's units)."});
      continue;
    }
    decided[d.old_key] = &d;
  }
  auto decision_for = [&](const OldUnit& u) -> const Decision* {
    if (auto it = decided.find(IdKey(u.id)); it != decided.end()) return it->second;
    if (!u.code.empty()) {
      if (auto it = decided.find(u.code); it != decided.end()) return it->second;
    }
    return nullptr;
  };

  // Old communes: kept, merged whole, split, or not mapped.
  for (const OldUnit& u : tree) {
    if (u.kind != UnitKind::kCommune) continue;
    auto it = destinations.find(u.id);
    if (it == destinations.end()) {  // the table does not map it
      const Decision* d = decision_for(u);
      if (d && !d->dissolve) {
        plan.unmapped_into[u.id] = d->new_code;
        communes[d->new_code].wholes.push_back(u.id);
      } else if ((d && d->dissolve) || options.dissolve_unmapped) {
        bool held = holds(u.id);
        for (const OldUnit* v : children[u.id]) held = held || holds(v->id);
        if (held) {
          plan.questions.push_back(
              {"unmapped", u.id, d ? d->line : 0,
               Named(u) + " không có trong bảng chuyển đổi và còn tổ, hồ sơ "
                          "hoặc hoạt động: không thể giải thể; hãy chỉ định xã mới.",
               Named(u) +
                   " is not in the conversion table and still holds "
                   "teams, records or activity: it cannot be dissolved; name its new commune."});
        } else {
          plan.dissolved.push_back(u.id);
          for (const OldUnit* v : children[u.id]) plan.dissolved.push_back(v->id);
        }
      } else {
        plan.questions.push_back(
            {"unmapped", u.id, 0,
             Named(u, u.code.empty() ? IdKey(u.id) : u.code) +
                 " không có trong bảng chuyển đổi: hãy chỉ định xã mới hoặc dissolve.",
             Named(u, u.code.empty() ? IdKey(u.id) : u.code) +
                 " is not in the conversion table: name its new commune, or dissolve."});
      }
      continue;
    }
    const std::vector<std::string>& dest = it->second;
    if (dest.size() == 1) {
      NewCommune& c = communes[dest.front()];
      c.wholes.push_back(u.id);
      continue;
    }
    Split split{u.id, dest, {}, std::nullopt};
    for (const std::string& code : dest) communes[code].parts.push_back(u.id);
    const Decision* own = decision_for(u);
    if (own && !own->dissolve) split.attachments_to = own->new_code;
    if (!split.attachments_to && holds(u.id)) {
      plan.questions.push_back({"split_commune", u.id, 0,
                                Named(u) + " được chia cho nhiều xã mới và còn tổ hoặc hoạt động "
                                           "cấp xã: hãy chỉ định xã mới nhận chúng.",
                                Named(u) +
                                    " was split between new communes and holds commune-level "
                                    "teams or activity: name the new commune that takes them."});
    }
    for (const OldUnit* v : children[u.id]) {
      const Decision* d = decision_for(*v);
      if (d && d->old_key != IdKey(v->id)) d = nullptr;  // the commune's own line
      if (d && !d->dissolve) {
        split.villages[v->id] = d->new_code;
      } else if (split.attachments_to) {
        split.villages[v->id] = *split.attachments_to;
      } else {
        plan.questions.push_back(
            {"split_village", v->id, 0,
             Named(*v, IdKey(v->id)) + " thuộc " + Named(u) +
                 ", xã được chia cho nhiều xã mới: hãy chỉ định xã mới của thôn.",
             Named(*v, IdKey(v->id)) + " lies in " + Named(u) +
                 ", which was split between new communes: name the village's new commune."});
      }
    }
    plan.splits.push_back(std::move(split));
  }

  // A commune that went whole and alone into a new commune of its own code goes on.
  for (const std::string& code : commune_order) {
    NewCommune& c = communes[code];
    if (c.wholes.size() == 1 && c.parts.empty() && c.areas.empty()) {
      const OldUnit* old = by_id[c.wholes.front()];
      if (old->code == c.code) {
        c.keep = old->id;
        c.wholes.clear();
      }
    }
    plan.communes.push_back(c);
  }

  // Provinces: the old province of the new code goes on; the others are merged into it.
  std::set<std::string> province_codes;
  for (const NewCommune& c : plan.communes) province_codes.insert(c.province_code);
  for (const std::string& code : province_codes) {
    NewProvince p{code, province_names[code], std::nullopt, {}};
    if (auto it = province_by_code.find(code); it != province_by_code.end())
      p.keep = it->second->id;
    for (const Id old : province_sources[code]) {
      if (!p.keep || old != *p.keep) p.merged.push_back(old);
    }
    plan.provinces.push_back(std::move(p));
  }
  return plan;
}

void CheckEventDate(const std::string& effective, const std::string& today,
                    const std::optional<std::string>& since, const std::string& field) {
  if (!dates::ParseDate(effective)) {
    throw RuleBroken("invalid_date", "Ngày hiệu lực phải có dạng YYYY-MM-DD: " + effective,
                     "The effective date must be YYYY-MM-DD: " + effective, field);
  }
  if (effective > today) {
    throw RuleBroken("future_date",
                     "Ngày hiệu lực " + dates::Vietnamese(effective) +
                         " chưa đến: chỉ ghi thay đổi từ ngày đó trở đi.",
                     "The effective date " + effective +
                         " has not come yet: enter the change on or after that day.",
                     field);
  }
  if (since && effective < *since) {
    throw RuleBroken(
        "before_current_state",
        "Ngày hiệu lực " + dates::Vietnamese(effective) +
            " sớm hơn thay đổi gần nhất của đơn vị (" + dates::Vietnamese(*since) + ").",
        "The effective date " + effective + " is before the unit's last change (" + *since + ").",
        field);
  }
}

}  // namespace cnscd::reform
