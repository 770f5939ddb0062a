#pragma once
// Use cases on the tree through time (issue 8): a unit renamed, re-parented, merged, split or
// dissolved from an effective date on a legal basis, and the events a unit went through. Each
// event is written in one transaction with its audit entry; what hangs on a unit follows it by
// the rules of docs/reform.md.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace cnscd::app {

// What every event says: from when, and on what legal basis (resolution number and date).
struct EventBasis {
  std::string effective;  // YYYY-MM-DD, not after today
  std::string basis;      // e.g. "Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025"
};

// POST /api/v1/unit-events, by kind:
//  rename:   unit_id, name, subkind?
//  reparent: unit_id, parent_id
//  merge:    from (unit ids), into (an existing unit of the same kind) or new_unit (name, code?,
//            parent_id) to create
//  split:    unit_id, into (unit ids), assign {child id: unit id}, attachments_to (unit id)
//  dissolve: unit_id (refused while anything hangs on it or below it)
struct UnitEventInput {
  std::string kind;
  EventBasis when;
  std::optional<store::Id> unit_id;
  std::optional<std::string> name, subkind, code;
  std::optional<store::Id> parent_id;
  std::vector<store::Id> from;
  std::vector<store::Id> into;
  std::optional<store::Id> into_unit;  // merge into an existing unit
  std::map<store::Id, store::Id> assign;
  std::optional<store::Id> attachments_to;
};

// What a change would do, shown before it is made (a dry run).
struct UnitEventPreview {
  // A unit the change is about (renamed, moved, merged away, split, dissolved), as it stands
  // before the change: its current children, the teams of its subtree, their members.
  struct Concerned {
    store::Unit unit;
    std::vector<store::Unit> children;
    std::vector<store::Team> teams;
    std::int64_t members = 0;  // members and collaborators of those teams
  };
  std::vector<Concerned> units;
  std::vector<store::Unit> ends;     // units that cease to exist on the effective date
  std::vector<store::Unit> creates;  // units that begin on it (a merge into a new unit)
};

struct UnitEventResult {
  store::UnitEvent event;
  std::optional<store::Unit> unit;  // the renamed, re-parented or merged-into unit
  store::MovedCounts moved;
  std::optional<UnitEventPreview> preview;  // a dry run's
};

// Checks, applies and audits one event. Administrators change provinces and districts; a
// province's officers change what lies below their province, a commune's its villages. With
// `dry_run`, the same checks and the same work in a transaction that is never committed: the
// result says what would change (and `preview` what it concerns), nothing is written.
UnitEventResult ApplyUnitEvent(Context& ctx, const Caller& caller, const UnitEventInput& in,
                               bool dry_run = false);

// GET /api/v1/units/ID/events: the events that concern the unit, oldest first.
std::vector<store::UnitEvent> ListUnitEvents(Context& ctx, const Caller& caller, store::Id unit_id);

// The building blocks, inside an open transaction (ApplyUnitEvent and `cnscd reform`): each
// checks its dates and records its event, and none audits.
store::Unit RenameUnitIn(store::Transaction& tx, const store::Unit& unit, const std::string& name,
                         const std::string& subkind, const EventBasis& when,
                         std::optional<store::Id> account);
store::Unit ReparentUnitIn(store::Transaction& tx, const store::Unit& unit,
                           const store::Unit& parent, const EventBasis& when,
                           std::optional<store::Id> account);
// Merges `sources` into `target`: their children and what hangs on them move, population figures
// add up where every source has one, the sources close.
store::MovedCounts MergeUnitsIn(store::Transaction& tx, const std::vector<store::Unit>& sources,
                                const store::Unit& target, const EventBasis& when,
                                std::optional<store::Id> account);
// Splits `unit` between `parts`: each child to the part `assign` names (every child must be
// named), what hangs on the unit itself to `attachments_to` (required when anything does).
store::MovedCounts SplitUnitIn(store::Transaction& tx, const store::Unit& unit,
                               const std::vector<store::Unit>& parts,
                               const std::map<store::Id, store::Id>& assign,
                               std::optional<store::Id> attachments_to, const EventBasis& when,
                               std::optional<store::Id> account);
void DissolveUnitIn(store::Transaction& tx, const store::Unit& unit, const EventBasis& when,
                    std::optional<store::Id> account);

}  // namespace cnscd::app
