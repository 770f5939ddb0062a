// Units through time (issue 8): states before each change, closing, events, and moving what
// hangs on a unit merged away or split.
#include <stdexcept>

#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

namespace {
// Keeps the current state of the units the WHERE clause names, closed on the first parameter,
// unless it began that same day (two changes on one day make one state).
constexpr const char* kKeepState =
    "INSERT INTO unit_version (unit_id, state_from, state_to, name, name_folded, sort_key, "
    "subkind, parent_id, path) SELECT id, coalesce(state_from, valid_from), ?, name, "
    "name_folded, sort_key, subkind, parent_id, path FROM unit WHERE ";

// The current units strictly below `from_prefix` take `to_prefix` in its place, from `effective`
// on, their old paths kept: a subtree that moves keeps its shape.
void MoveSubtreePaths(Connection& db, const std::string& from_prefix, const std::string& to_prefix,
                      const std::string& effective) {
  const auto [lo, hi] = PathRange(from_prefix);
  Run(db,
      std::string(kKeepState) +
          "path > ? AND path < ? AND valid_to IS NULL AND "
          "coalesce(state_from, valid_from, '') < ?",
      effective, lo, hi, effective);
  Run(db,
      "UPDATE unit SET path = CAST(? AS TEXT) || substr(path, CAST(? AS INTEGER)), "
      "state_from = ? WHERE path > ? AND path < ? AND valid_to IS NULL",
      to_prefix, static_cast<std::int64_t>(from_prefix.size()) + 1, effective, lo, hi);
}
}  // namespace

std::optional<Unit> SqlTransaction::FindUnitOn(Id id, const std::string& on) {
  return FirstRow(db_,
                  std::string("SELECT ") + kUnitColumns + " FROM " + kUnitsOn + " WHERE id = ?",
                  ReadRow<Unit>, on, on, on, on, id);
}

std::vector<Unit> SqlTransaction::AncestorsOn(const Unit& unit, const std::string& on) {
  std::vector<Unit> out;
  std::optional<Id> next = unit.parent_id;
  while (next) {
    auto u = FindUnitOn(*next, on);
    if (!u) break;
    next = u->parent_id;
    out.insert(out.begin(), std::move(*u));
  }
  return out;
}

std::int64_t SqlTransaction::CountChildrenOn(Id id, const std::string& on) {
  return Count(db_, std::string("SELECT count(*) FROM ") + kUnitsOn + " WHERE parent_id = ?", on,
               on, on, on, id);
}

std::optional<std::string> SqlTransaction::StateSince(Id id) {
  // No unit, or one with neither date: nullopt.
  return FirstRow(
             db_, "SELECT coalesce(state_from, valid_from) FROM unit WHERE id = ?",
             [](const Statement& s) { return s.OptText(0); }, id)
      .value_or(std::nullopt);
}

Unit SqlTransaction::ReshapeUnit(Id id, const std::string& name, const std::string& subkind,
                                 std::optional<Id> parent_id, const std::string& effective) {
  const auto unit = FindUnit(id);
  if (!unit) throw std::logic_error("ReshapeUnit: unit vanished");
  std::string parent_path = "/";
  if (parent_id) {
    const auto parent = FindUnit(*parent_id);
    if (!parent) throw std::logic_error("ReshapeUnit: parent vanished");
    parent_path = parent->path;
  }
  const std::string path = parent_path + std::to_string(id) + "/";
  Run(db_, std::string(kKeepState) + "id = ? AND coalesce(state_from, valid_from, '') < ?",
      effective, id, effective);
  // The current units below keep their place but not their path.
  if (path != unit->path) MoveSubtreePaths(db_, unit->path, path, effective);
  Statement s = db_.Prepare(
      "UPDATE unit SET name = ?, name_folded = ?, sort_key = ?, subkind = ?, parent_id = ?, "
      "path = ?, state_from = ? WHERE id = ?");
  s.Bind(1, name).Bind(2, text::Fold(name)).BindBlob(3, text::CollationKey(name));
  s.Bind(4, subkind).Bind(5, parent_id).Bind(6, path).Bind(7, effective).Bind(8, id);
  s.Run();
  return *FindUnit(id);
}

std::int64_t SqlTransaction::MoveChildren(Id from, Id to, const std::string& effective) {
  const auto source = FindUnit(from);
  const auto target = FindUnit(to);
  if (!source || !target) throw std::logic_error("MoveChildren: unit vanished");
  // The states are kept (with the old parent) before the parent changes.
  MoveSubtreePaths(db_, source->path, target->path, effective);
  Run(db_, "UPDATE unit SET parent_id = ? WHERE parent_id = ? AND valid_to IS NULL", to, from);
  return db_.Changes();
}

void SqlTransaction::CloseUnit(Id id, const std::string& day) {
  Run(db_, "UPDATE unit SET valid_to = ? WHERE id = ?", day, id);
}

Id SqlTransaction::InsertUnitEvent(const UnitEvent& e) {
  Run(db_,
      "INSERT INTO unit_event (kind, effective, basis, detail, account_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      e.kind, e.effective, e.basis, e.detail, e.account_id, Now());
  const Id id = db_.LastInsertId();
  auto link = [&](const std::vector<Id>& units, const char* role) {
    for (const Id unit_id : units) {
      Run(db_,
          "INSERT INTO unit_event_unit (event_id, unit_id, role) VALUES (?, ?, ?) "
          "ON CONFLICT DO NOTHING",
          id, unit_id, std::string(role));
    }
  };
  link(e.from, "from");
  link(e.to, "to");
  link(e.moved, "moved");
  return id;
}

std::vector<UnitEvent> SqlTransaction::UnitEventsOf(Id unit_id) {
  std::vector<UnitEvent> out = AllRows(
      db_,
      "SELECT id, kind, effective, basis, detail, account_id, created_at FROM unit_event "
      "WHERE id IN (SELECT event_id FROM unit_event_unit WHERE unit_id = ?) "
      "ORDER BY effective, id",
      [](const Statement& s) {
        UnitEvent e;
        Columns(s) >> e.id >> e.kind >> e.effective >> e.basis >> e.detail >> e.account_id >>
            e.created_at;
        return e;
      },
      unit_id);
  for (UnitEvent& e : out) {
    Statement s = db_.Prepare(
        "SELECT unit_id, role FROM unit_event_unit WHERE event_id = ? ORDER BY unit_id");
    s.Bind(1, e.id);
    while (s.Step()) {
      const std::string role = s.Text(1);
      (role == "from" ? e.from : role == "to" ? e.to : e.moved).push_back(s.Int(0));
    }
  }
  return out;
}

MovedCounts SqlTransaction::MoveAttachments(Id from, Id to) {
  MovedCounts moved;
  auto run = [&](const std::string& sql, std::int64_t* count = nullptr) {
    Run(db_, sql, to, from);
    if (count) *count += db_.Changes();
  };
  run("UPDATE team SET unit_id = ? WHERE unit_id = ?", &moved.teams);
  run("UPDATE support_record SET village_id = ? WHERE village_id = ?", &moved.support_records);
  // The distinct pairs: a citizen helped in both villages is one pair of the merged one, dated
  // by the first help.
  run("INSERT INTO helped (village_id, service, citizen_key, first_date) "
      "SELECT ?, service, citizen_key, first_date FROM helped WHERE village_id = ? "
      "ON CONFLICT (village_id, service, citizen_key) DO UPDATE SET first_date = CASE WHEN "
      "excluded.first_date < helped.first_date THEN excluded.first_date ELSE helped.first_date "
      "END");
  Run(db_, "DELETE FROM helped WHERE village_id = ?", from);
  Run(db_, "DELETE FROM helped_count WHERE village_id = ?", from);
  Run(db_, "DELETE FROM helped_count WHERE village_id = ?", to);
  Run(db_,
      "INSERT INTO helped_count (village_id, service, month, n) SELECT village_id, service, "
      "substr(first_date, 1, 7), count(*) FROM helped WHERE village_id = ? "
      "GROUP BY village_id, service, substr(first_date, 1, 7)",
      to);
  run("UPDATE training_session SET unit_id = ? WHERE unit_id = ?", &moved.trainings);
  run("UPDATE propaganda_event SET unit_id = ? WHERE unit_id = ?", &moved.events);
  run("INSERT INTO trained_count (unit_id, topic, month, people, households) "
      "SELECT ?, topic, month, people, households FROM trained_count WHERE unit_id = ? "
      "ON CONFLICT (unit_id, topic, month) DO UPDATE SET people = trained_count.people + "
      "excluded.people, households = trained_count.households + excluded.households");
  Run(db_, "DELETE FROM trained_count WHERE unit_id = ?", from);
  // The same place declared in both units is one place: the moving declaration is voided.
  Run(db_,
      "UPDATE cashless_place SET voided_at = ? WHERE unit_id = ? AND voided_at IS NULL AND "
      "EXISTS (SELECT 1 FROM cashless_place o WHERE o.unit_id = ? AND o.kind = "
      "cashless_place.kind AND o.name_folded = cashless_place.name_folded AND "
      "o.voided_at IS NULL)",
      Now(), from, to);
  run("UPDATE cashless_place SET unit_id = ? WHERE unit_id = ?", &moved.cashless_places);
  return moved;
}

MovedCounts SqlTransaction::CountAttachments(Id unit_id) {
  MovedCounts n;
  auto count = [&](const char* sql) { return Count(db_, sql, unit_id); };
  n.children = count("SELECT count(*) FROM unit WHERE parent_id = ? AND valid_to IS NULL");
  n.teams = count("SELECT count(*) FROM team WHERE unit_id = ?");
  n.support_records = count("SELECT count(*) FROM support_record WHERE village_id = ?");
  n.trainings = count("SELECT count(*) FROM training_session WHERE unit_id = ?");
  n.events = count("SELECT count(*) FROM propaganda_event WHERE unit_id = ?");
  n.cashless_places = count("SELECT count(*) FROM cashless_place WHERE unit_id = ?");
  return n;
}

void SqlTransaction::RebuildHelpedTotals() {
  db_.Exec(
      "DELETE FROM helped_total WHERE unit_id IN (SELECT id FROM unit WHERE valid_to IS NULL)");
  db_.Exec(
      "WITH RECURSIVE up (village_id, unit_id) AS ("
      "SELECT DISTINCT c.village_id, c.village_id FROM helped_count c "
      "JOIN unit v ON v.id = c.village_id WHERE v.valid_to IS NULL "
      "UNION ALL SELECT up.village_id, u.parent_id FROM up JOIN unit u ON u.id = up.unit_id "
      "WHERE u.parent_id IS NOT NULL) "
      "INSERT INTO helped_total (unit_id, service, month, n) "
      "SELECT up.unit_id, c.service, c.month, sum(c.n) FROM helped_count c "
      "JOIN up ON up.village_id = c.village_id GROUP BY up.unit_id, c.service, c.month");
}

void SqlTransaction::RebuildHelpedTotalsOf(const std::vector<Id>& units) {
  for (const Id id : units) {
    const auto unit = FindUnit(id);
    if (!unit || unit->valid_to) continue;
    Run(db_, "DELETE FROM helped_total WHERE unit_id = ?", id);
    const auto [lo, hi] = PathRange(unit->path);
    Run(db_,
        "INSERT INTO helped_total (unit_id, service, month, n) SELECT CAST(? AS BIGINT), "
        "c.service, c.month, sum(c.n) FROM helped_count c JOIN unit v ON v.id = c.village_id "
        "WHERE v.path >= ? AND v.path < ? AND v.valid_to IS NULL GROUP BY c.service, c.month",
        id, lo, hi);
  }
}

std::vector<Transaction::HistoryPath> SqlTransaction::HistoryPaths(const std::string& path) {
  const auto [lo, hi] = PathRange(path);
  std::vector<HistoryPath> out;
  {
    Statement s = db_.Prepare(
        "SELECT DISTINCT v.path FROM unit_version v JOIN unit u ON u.id = v.unit_id "
        "WHERE u.path >= ? AND u.path < ? AND u.valid_to IS NULL AND "
        "NOT (v.path >= ? AND v.path < ?)");
    s.BindAll(lo, hi, lo, hi);
    while (s.Step()) out.push_back({s.Text(0), true});
  }
  Statement s = db_.Prepare(
      "SELECT DISTINCT c.path, e.kind FROM unit n "
      "JOIN unit_event_unit t ON t.unit_id = n.id AND t.role = 'to' "
      "JOIN unit_event e ON e.id = t.event_id AND e.kind IN ('merge', 'split') "
      "JOIN unit_event_unit f ON f.event_id = e.id AND f.role = 'from' "
      "JOIN unit c ON c.id = f.unit_id "
      "WHERE n.path >= ? AND n.path < ? AND c.valid_to IS NOT NULL");
  s.BindAll(lo, hi);
  while (s.Step()) out.push_back({s.Text(0), s.Text(1) == "merge"});
  return out;
}

void SqlTransaction::CopyProvinceDefinitions(Id from_province, Id to_province) {
  for (const char* sql :
       {"INSERT INTO province_service (province_id, code, name_vi, name_en, subject, cohort, "
        "min_age, created_at) SELECT ?, code, name_vi, name_en, subject, cohort, min_age, "
        "created_at FROM province_service WHERE province_id = ? ON CONFLICT DO NOTHING",
        "INSERT INTO province_indicator (province_id, code, name_vi, name_en, source, service, "
        "topic, count_of, cohort, measure, created_at) SELECT ?, code, name_vi, name_en, "
        "source, service, topic, count_of, cohort, measure, created_at FROM "
        "province_indicator WHERE province_id = ? ON CONFLICT DO NOTHING",
        "INSERT INTO reporting_policy (province_id, kind, due_day, due_month, month_offset) "
        "SELECT ?, kind, due_day, due_month, month_offset FROM reporting_policy WHERE "
        "province_id = ? ON CONFLICT DO NOTHING"}) {
    Run(db_, sql, to_province, from_province);
  }
}

}  // namespace cnscd::store::sql
