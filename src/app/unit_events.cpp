#include "app/unit_events.hpp"

#include <algorithm>
#include <set>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/units.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/reform.hpp"
#include "core/text.hpp"
#include "core/text_input.hpp"

namespace cnscd::app {

namespace {

constexpr const char* kAnyDay =
    "9999-12-31";  // the In functions leave "not in the future" to callers

template <typename T>
Json Opt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json Brief(const store::Unit& u) {
  return Json{{"id", u.id}, {"name", u.name}, {"kind", ToString(u.kind)}, {"code", Opt(u.code)}};
}

void Add(store::MovedCounts& sum, const store::MovedCounts& m) {
  sum.children += m.children;
  sum.teams += m.teams;
  sum.support_records += m.support_records;
  sum.trainings += m.trainings;
  sum.events += m.events;
  sum.cashless_places += m.cashless_places;
}

void RequireCurrent(const store::Unit& u, const std::string& field) {
  if (u.valid_to) {
    throw RuleBroken("unit_closed",
                     u.name + " đã thôi tồn tại từ ngày " + dates::Vietnamese(*u.valid_to) +
                         ": không thể thay đổi.",
                     u.name + " ceased to exist on " + *u.valid_to + ": it cannot change.", field);
  }
}

void CheckSince(store::Transaction& tx, const store::Unit& u, const EventBasis& when,
                const std::string& field) {
  RequireCurrent(u, field);
  reform::CheckEventDate(when.effective, kAnyDay, tx.StateSince(u.id), "effective");
}

store::Id Record(store::Transaction& tx, const std::string& kind, const EventBasis& when,
                 std::vector<store::Id> from, std::vector<store::Id> to, const Json& detail,
                 std::optional<store::Id> account, std::vector<store::Id> moved = {}) {
  store::UnitEvent e;
  e.moved = std::move(moved);
  e.kind = kind;
  e.effective = when.effective;
  e.basis = when.basis;
  e.detail = detail.dump();
  e.from = std::move(from);
  e.to = std::move(to);
  e.account_id = account;
  return tx.InsertUnitEvent(e);
}

std::vector<store::Unit> CurrentChildren(store::Transaction& tx, store::Id id) {
  store::UnitQuery q;
  q.parent_id = id;
  return CurrentUnits(tx, q);
}

// Figures that add up: a cohort of a year is the sum of every merged unit's when each of them
// has a figure for that year and cohort; otherwise the target's own figure goes (its children's
// sum stands in), for a partial sum would undercount.
void AddUpPopulation(store::Transaction& tx, const std::vector<store::Unit>& sources,
                     const store::Unit& target) {
  std::vector<std::vector<store::Population>> all;
  all.reserve(sources.size() + 1);
  for (const store::Unit& u : sources) all.push_back(tx.ListPopulation(u.id));
  const std::vector<store::Population> own = tx.ListPopulation(target.id);
  if (!own.empty()) all.push_back(own);
  std::set<std::pair<int, std::string>> cells;
  for (const auto& rows : all) {
    for (const auto& p : rows) {
      for (const auto& [cohort, n] : p.figures) cells.insert({p.year, cohort});
    }
  }
  for (const auto& [year, cohort] : cells) {
    std::int64_t sum = 0;
    bool complete = true;
    for (const auto& rows : all) {
      bool found = false;
      for (const auto& p : rows) {
        if (p.year != year) continue;
        if (auto it = p.figures.find(cohort); it != p.figures.end()) {
          sum += it->second;
          found = true;
        }
      }
      complete = complete && found;
    }
    if (complete) {
      tx.PutPopulation(target.id, store::Population{year, {{cohort, sum}}});
    } else {
      tx.DeletePopulation(target.id, year, cohort);
    }
  }
}

// Changing a unit is managing the unit it sits in (a province: the whole country), as creating
// one is.
void RequireManageAround(store::Transaction& tx, const Caller& caller, const store::Unit& u) {
  Target where{"/", std::nullopt};
  if (u.parent_id) where = UnitTarget(RequireUnit(tx, *u.parent_id));
  Require(caller, Ability::kManage, where);
}

void Chain(store::Transaction& tx, const store::Unit& u, std::set<store::Id>& out) {
  out.insert(u.id);
  for (const store::Unit& a : tx.Ancestors(u)) out.insert(a.id);
}

}  // namespace

store::Unit RenameUnitIn(store::Transaction& tx, const store::Unit& unit, const std::string& name,
                         const std::string& subkind, const EventBasis& when,
                         std::optional<store::Id> account) {
  CheckSince(tx, unit, when, "unit_id");
  if (name.empty()) {
    throw RuleBroken("empty_name", "Tên không được để trống.", "The name must not be empty.",
                     "name");
  }
  store::Unit after = tx.ReshapeUnit(unit.id, name, subkind, unit.parent_id, when.effective);
  Record(tx, "rename", when, {unit.id}, {},
         Json{{"before", {{"name", unit.name}, {"subkind", unit.subkind}}},
              {"after", {{"name", name}, {"subkind", subkind}}}},
         account);
  return after;
}

store::Unit ReparentUnitIn(store::Transaction& tx, const store::Unit& unit,
                           const store::Unit& parent, const EventBasis& when,
                           std::optional<store::Id> account) {
  CheckSince(tx, unit, when, "unit_id");
  RequireCurrent(parent, "parent_id");
  CheckParent(unit.kind, parent.kind);
  if (parent.path.starts_with(unit.path)) {
    throw RuleBroken("parent_in_subtree", "Đơn vị cha mới nằm trong chính đơn vị này.",
                     "The new parent lies within the unit itself.", "parent_id");
  }
  store::Unit after = tx.ReshapeUnit(unit.id, unit.name, unit.subkind, parent.id, when.effective);
  Record(
      tx, "reparent", when, {unit.id}, {parent.id},
      Json{{"before", {{"parent_id", Opt(unit.parent_id)}}}, {"after", {{"parent_id", parent.id}}}},
      account);
  return after;
}

store::MovedCounts MergeUnitsIn(store::Transaction& tx, const std::vector<store::Unit>& sources,
                                const store::Unit& target, const EventBasis& when,
                                std::optional<store::Id> account) {
  RequireCurrent(target, "into");
  reform::CheckEventDate(when.effective, kAnyDay, std::nullopt, "effective");
  if (sources.empty()) {
    throw RuleBroken("required", "Cần ít nhất một đơn vị được sáp nhập (from).",
                     "At least one unit to merge is required (from).", "from");
  }
  store::MovedCounts moved;
  Json from = Json::array();
  for (const store::Unit& s : sources) {
    CheckSince(tx, s, when, "from");
    if (s.id == target.id) {
      throw RuleBroken("merge_into_itself", "Không thể sáp nhập một đơn vị vào chính nó.",
                       "A unit cannot be merged into itself.", "from");
    }
    if (s.kind != target.kind) {
      throw RuleBroken("merge_kind_mismatch",
                       "Chỉ sáp nhập các đơn vị cùng cấp: " + s.name + " và " + target.name + ".",
                       "Only units of one kind merge: " + s.name + " and " + target.name + ".",
                       "from");
    }
    from.push_back(Brief(s));
  }
  AddUpPopulation(tx, sources, target);
  std::vector<store::Id> children;
  for (const store::Unit& s : sources) {
    for (const store::Unit& c : CurrentChildren(tx, s.id)) children.push_back(c.id);
  }
  for (const store::Unit& s : sources) {
    moved.children += tx.MoveChildren(s.id, target.id, when.effective);
    Add(moved, tx.MoveAttachments(s.id, target.id));
    if (s.kind == UnitKind::kProvince) tx.CopyProvinceDefinitions(s.id, target.id);
    tx.CloseUnit(s.id, when.effective);
  }
  std::vector<store::Id> ids;
  ids.reserve(sources.size());
  for (const store::Unit& s : sources) ids.push_back(s.id);
  Record(tx, "merge", when, ids, {target.id},
         Json{{"from", from}, {"into", Brief(target)}, {"moved", ToJson(moved)}}, account,
         std::move(children));
  return moved;
}

store::MovedCounts SplitUnitIn(store::Transaction& tx, const store::Unit& unit,
                               const std::vector<store::Unit>& parts,
                               const std::map<store::Id, store::Id>& assign,
                               std::optional<store::Id> attachments_to, const EventBasis& when,
                               std::optional<store::Id> account) {
  CheckSince(tx, unit, when, "unit_id");
  if (parts.size() < 2) {
    throw RuleBroken("split_needs_parts", "Chia tách cần ít nhất hai đơn vị nhận (into).",
                     "A split needs at least two receiving units (into).", "into");
  }
  std::set<store::Id> part_ids;
  Json into = Json::array();
  for (const store::Unit& p : parts) {
    RequireCurrent(p, "into");
    if (p.id == unit.id || p.kind != unit.kind) {
      throw RuleBroken(
          "split_kind_mismatch", "Đơn vị nhận phải là đơn vị khác, cùng cấp: " + p.name + ".",
          "A receiving unit must be another unit of the same kind: " + p.name + ".", "into");
    }
    part_ids.insert(p.id);
    into.push_back(Brief(p));
  }
  const std::vector<store::Unit> children = CurrentChildren(tx, unit.id);
  for (const store::Unit& c : children) {
    auto it = assign.find(c.id);
    if (it == assign.end() || !part_ids.count(it->second)) {
      throw RuleBroken("child_not_assigned",
                       c.name + " (id " + std::to_string(c.id) +
                           ") chưa được giao cho một trong các đơn vị nhận.",
                       c.name + " (id " + std::to_string(c.id) +
                           ") is not assigned to one of the receiving units.",
                       "assign");
    }
  }
  const bool holds = tx.CountAttachments(unit.id).Attached() > 0;
  if (holds && (!attachments_to || !part_ids.count(*attachments_to))) {
    throw RuleBroken("attachments_unassigned",
                     unit.name +
                         " còn tổ, hồ sơ hoặc hoạt động của chính nó: hãy chỉ định đơn vị "
                         "nhận (attachments_to) trong các đơn vị nhận.",
                     unit.name +
                         " holds teams, records or activity of its own: name the unit "
                         "that takes them (attachments_to), one of the receiving units.",
                     "attachments_to");
  }
  store::MovedCounts moved;
  Json assigned = Json::object();
  for (const store::Unit& c : children) {
    const store::Id to = assign.at(c.id);
    for (const store::Unit& p : parts) {
      if (p.id == to) tx.ReshapeUnit(c.id, c.name, c.subkind, p.id, when.effective);
    }
    assigned[std::to_string(c.id)] = to;
    ++moved.children;
  }
  if (holds) Add(moved, tx.MoveAttachments(unit.id, *attachments_to));
  tx.CloseUnit(unit.id, when.effective);
  std::vector<store::Id> ids(part_ids.begin(), part_ids.end());
  Record(tx, "split", when, {unit.id}, ids,
         Json{{"unit", Brief(unit)},
              {"into", into},
              {"assign", assigned},
              {"attachments_to", Opt(attachments_to)},
              {"moved", ToJson(moved)}},
         account, [&] {
           std::vector<store::Id> ids;
           ids.reserve(children.size());
           for (const store::Unit& c : children) ids.push_back(c.id);
           return ids;
         }());
  return moved;
}

void DissolveUnitIn(store::Transaction& tx, const store::Unit& unit, const EventBasis& when,
                    std::optional<store::Id> account) {
  CheckSince(tx, unit, when, "unit_id");
  const store::MovedCounts held = tx.CountAttachments(unit.id);
  if (held.children + held.Attached() > 0) {
    throw RuleBroken(
        "unit_not_empty",
        unit.name +
            " còn đơn vị trực thuộc, tổ, hồ sơ hoặc hoạt động: hãy sáp nhập hoặc chia "
            "tách thay vì giải thể.",
        unit.name +
            " still holds units, teams, records or activity: merge or split it instead "
            "of dissolving it.",
        "unit_id");
  }
  tx.CloseUnit(unit.id, when.effective);
  Record(tx, "dissolve", when, {unit.id}, {}, Json{{"unit", Brief(unit)}}, account);
}

UnitEventResult ApplyUnitEvent(Context& ctx, const Caller& caller, const UnitEventInput& in,
                               bool dry_run) {
  static const std::set<std::string> kKinds{"rename", "reparent", "merge", "split", "dissolve"};
  if (!kKinds.count(in.kind)) {
    throw RuleBroken("invalid_kind",
                     "Loại sự kiện phải là rename, reparent, merge, split hoặc dissolve.",
                     "kind must be rename, reparent, merge, split or dissolve.", "kind");
  }
  EventBasis when{in.when.effective, input::Text(in.when.basis, "basis", 300)};
  reform::CheckEventDate(when.effective, ctx.Today(), std::nullopt, "effective");

  auto tx = ctx.Begin(store::Access::kWrite);
  auto unit_of = [&](const std::optional<store::Id>& id, const std::string& field) {
    if (!id) {
      throw RuleBroken("required", "Thiếu " + field + ".", "The field " + field + " is required.",
                       field);
    }
    return RequireUnit(*tx, *id, field);
  };
  UnitEventResult out;
  std::set<store::Id> touched;  // units whose totals change: the chains before and after
  store::Id main = 0;
  // A dry run notes each unit the change is about before the change moves what hangs on it.
  UnitEventPreview preview;
  auto concern = [&](const store::Unit& u) {
    if (!dry_run) return;
    UnitEventPreview::Concerned c{u, CurrentChildren(*tx, u.id), {}, 0};
    c.teams = tx->ListTeams(u, store::Scope{.everything = true}, 100000, 0).items;
    const store::Coverage counts = tx->CountCoverage(u);
    c.members = counts.members + counts.collaborators;
    preview.units.push_back(std::move(c));
  };
  if (in.kind == "rename") {
    const store::Unit u = unit_of(in.unit_id, "unit_id");
    RequireManageAround(*tx, caller, u);
    concern(u);
    const std::string name = input::Text(in.name.value_or(""), "name", 200);
    std::string subkind = text::Lower(input::Text(in.subkind.value_or(""), "subkind", 40));
    if (subkind.empty()) subkind = in.subkind ? SubkindFromName(name) : u.subkind;
    if (u.kind == UnitKind::kVillage && u.parent_id) {
      RequireFreeVillageName(*tx, RequireUnit(*tx, *u.parent_id), name, {u.id}, "name");
    }
    out.unit = RenameUnitIn(*tx, u, name, subkind, when, caller.audit_account());
    main = u.id;
  } else if (in.kind == "reparent") {
    const store::Unit u = unit_of(in.unit_id, "unit_id");
    const store::Unit parent = unit_of(in.parent_id, "parent_id");
    RequireManageAround(*tx, caller, u);
    Require(caller, Ability::kManage, UnitTarget(parent));
    if (u.kind == UnitKind::kVillage) {
      RequireFreeVillageName(*tx, parent, u.name, {u.id}, "parent_id");
    }
    Chain(*tx, u, touched);
    concern(u);
    out.unit = ReparentUnitIn(*tx, u, parent, when, caller.audit_account());
    Chain(*tx, *out.unit, touched);
    main = u.id;
  } else if (in.kind == "merge") {
    std::vector<store::Unit> sources;
    for (const store::Id id : in.from) {
      sources.push_back(RequireUnit(*tx, id, "from"));
      RequireManageAround(*tx, caller, sources.back());
      Chain(*tx, sources.back(), touched);
      concern(sources.back());
    }
    store::Unit target;
    if (in.into_unit) {
      target = RequireUnit(*tx, *in.into_unit, "into");
      RequireManageAround(*tx, caller, target);
    } else {
      // A new unit, of the sources' kind, valid from the effective date.
      const std::string name = input::Text(in.name.value_or(""), "name", 200);
      if (name.empty()) {
        throw RuleBroken("required", "Cần đơn vị nhận (into) hoặc tên đơn vị mới (new_unit.name).",
                         "Name the receiving unit (into) or the new unit (new_unit.name).", "into");
      }
      if (sources.empty()) unit_of(std::nullopt, "from");
      const store::Unit parent = unit_of(in.parent_id, "parent_id");
      Require(caller, Ability::kManage, UnitTarget(parent));
      RequireCurrent(parent, "parent_id");
      CheckParent(sources.front().kind, parent.kind);
      if (sources.front().kind == UnitKind::kVillage) {
        // The villages merged away close as the new one opens: its name may be one of theirs.
        std::vector<store::Id> closing;
        closing.reserve(sources.size());
        for (const store::Unit& s : sources) closing.push_back(s.id);
        RequireFreeVillageName(*tx, parent, name, closing, "new_unit.name");
      }
      const std::optional<std::string> code = input::OptionalText(in.code, "code");
      if (code) {
        CheckUnitCode(sources.front().kind, *code);
        if (tx->FindUnitByCode(sources.front().kind, *code, when.effective)) {
          throw Conflict("duplicate_code", "Mã " + *code + " đã được dùng.",
                         "Code " + *code + " is already used.", "code");
        }
      }
      std::string subkind = text::Lower(input::Text(in.subkind.value_or(""), "subkind", 40));
      if (subkind.empty()) subkind = SubkindFromName(name);
      if (subkind.empty()) subkind = sources.front().subkind;
      target =
          tx->InsertUnit({code, name, sources.front().kind, subkind, parent.id, when.effective});
      preview.creates.push_back(target);
    }
    out.moved = MergeUnitsIn(*tx, sources, target, when, caller.audit_account());
    out.unit = RequireUnit(*tx, target.id);
    Chain(*tx, *out.unit, touched);
    main = target.id;
  } else if (in.kind == "split") {
    const store::Unit u = unit_of(in.unit_id, "unit_id");
    RequireManageAround(*tx, caller, u);
    Chain(*tx, u, touched);
    concern(u);
    std::vector<store::Unit> parts;
    for (const store::Id id : in.into) {
      parts.push_back(RequireUnit(*tx, id, "into"));
      RequireManageAround(*tx, caller, parts.back());
      Chain(*tx, parts.back(), touched);
    }
    out.moved =
        SplitUnitIn(*tx, u, parts, in.assign, in.attachments_to, when, caller.audit_account());
    main = u.id;
  } else {  // dissolve
    const store::Unit u = unit_of(in.unit_id, "unit_id");
    RequireManageAround(*tx, caller, u);
    concern(u);
    DissolveUnitIn(*tx, u, when, caller.audit_account());
    main = u.id;
  }
  tx->RebuildHelpedTotalsOf(std::vector<store::Id>(touched.begin(), touched.end()));
  out.event = tx->UnitEventsOf(main).back();
  const store::Unit subject = RequireUnit(*tx, main);
  if (dry_run) {
    // What closed, read back before the transaction is dropped uncommitted.
    for (const UnitEventPreview::Concerned& c : preview.units) {
      const store::Unit after = RequireUnit(*tx, c.unit.id);
      if (after.valid_to) preview.ends.push_back(after);
    }
    out.preview = std::move(preview);
    return out;
  }
  Audit(*tx, ctx, caller, in.kind, {"unit_event", out.event.id, subject.path}, std::nullopt,
        Json::parse(out.event.detail));
  tx->Commit();
  return out;
}

std::vector<store::UnitEvent> ListUnitEvents(Context& ctx, const Caller& caller,
                                             store::Id unit_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  RequireHistory(*tx, caller, Ability::kRead, UnitTarget(RequireUnit(*tx, unit_id)));
  return tx->UnitEventsOf(unit_id);
}

}  // namespace cnscd::app
