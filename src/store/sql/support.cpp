// Field work: support records and the counters of distinct (village, service, citizen) pairs
// that hold the indicators' numerators, kept in the caller's transaction (DESIGN.md "Counts are
// maintained"): per village and month in helped_count, and summed for each unit at every level
// in helped_total, so that reading a province reads its own rows, never the records.
#include <string>

#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {
namespace {

constexpr const char* kRecordColumns =
    "r.id, r.team_id, r.member_id, r.village_id, r.service, r.date, r.citizen_key, r.age, r.sex, "
    "r.recorded_by, r.recorded_at, r.voided_at";

SupportRecord ReadRecord(const Statement& s) {
  SupportRecord r;
  Columns(s) >> r.id >> r.team_id >> r.member_id >> r.village_id >> r.service >> r.date >>
      r.citizen_key >> r.age >> r.sex >> r.recorded_by >> r.recorded_at >> r.voided_at;
  return r;
}

// The village and every unit above it, walked up parent_id: the rows of helped_total that a
// change in one village touches.
constexpr const char* kUnitAndAncestors =
    "WITH RECURSIVE up (id, parent_id) AS ("
    "SELECT id, parent_id FROM unit WHERE id = ? "
    "UNION ALL SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent_id) ";

// +1 / −1 on the pairs counted in one village, service and month, in helped_count and in the
// helped_total rows of the village and each unit above it; rows that reach zero are removed so
// that the live tables equal rebuilt ones row for row.
void AddToCount(Connection& db, Id village, const std::string& service, const std::string& month,
                std::int64_t delta) {
  Run(db,
      "INSERT INTO helped_count (village_id, service, month, n) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (village_id, service, month) DO UPDATE SET n = helped_count.n + excluded.n",
      village, service, month, delta);
  // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join's ON.
  Run(db,
      std::string(kUnitAndAncestors) +
          "INSERT INTO helped_total (unit_id, service, month, n) "
          "SELECT id, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT) "
          "FROM up WHERE true ON CONFLICT (unit_id, service, month) "
          "DO UPDATE SET n = helped_total.n + excluded.n",
      village, service, month, delta);
  if (delta > 0) return;  // nothing can have reached zero
  Run(db, "DELETE FROM helped_count WHERE village_id = ? AND service = ? AND month = ? AND n <= 0",
      village, service, month);
  Run(db,
      std::string(kUnitAndAncestors) +
          "DELETE FROM helped_total WHERE unit_id IN (SELECT id FROM up) "
          "AND service = ? AND month = ? AND n <= 0",
      village, service, month);
}

std::optional<std::string> FirstDate(Connection& db, const SupportRecord& r) {
  return FirstRow(
      db, "SELECT first_date FROM helped WHERE village_id = ? AND service = ? AND citizen_key = ?",
      [](const Statement& s) { return s.Text(0); }, r.village_id, r.service, r.citizen_key);
}

void SetFirstDate(Connection& db, const SupportRecord& r, const std::string& date) {
  Run(db,
      "UPDATE helped SET first_date = ? WHERE village_id = ? AND service = ? AND citizen_key = ?",
      date, r.village_id, r.service, r.citizen_key);
}

}  // namespace

bool SqlTransaction::InsertSupportRecord(const SupportRecord& r) {
  Run(db_,
      "INSERT INTO support_record (id, team_id, member_id, village_id, service, date, "
      "citizen_key, age, sex, recorded_by, recorded_at, voided_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO NOTHING",
      r.id, r.team_id, r.member_id, r.village_id, r.service, r.date, r.citizen_key, r.age, r.sex,
      r.recorded_by, OwnOrNow(r.recorded_at));
  if (db_.Changes() == 0) return false;
  const auto first = FirstDate(db_, r);
  if (!first) {
    Run(db_,
        "INSERT INTO helped (village_id, service, citizen_key, first_date) VALUES (?, ?, ?, ?)",
        r.village_id, r.service, r.citizen_key, r.date);
    AddToCount(db_, r.village_id, r.service, MonthOf(r.date), 1);
  } else if (r.date < *first) {
    SetFirstDate(db_, r, r.date);
    if (MonthOf(r.date) != MonthOf(*first)) {
      AddToCount(db_, r.village_id, r.service, MonthOf(*first), -1);
      AddToCount(db_, r.village_id, r.service, MonthOf(r.date), 1);
    }
  }
  return true;
}

std::optional<SupportRecord> SqlTransaction::FindSupportRecord(const std::string& id) {
  return FirstRow(db_,
                  std::string("SELECT ") + kRecordColumns + " FROM support_record r WHERE r.id = ?",
                  ReadRecord, id);
}

void SqlTransaction::VoidSupportRecord(const std::string& id, const std::string& at) {
  const auto r = FindSupportRecord(id);
  if (!r || r->voided_at) return;
  Run(db_, "UPDATE support_record SET voided_at = ? WHERE id = ?", at, id);
  const auto first = FirstDate(db_, *r);
  if (!first) return;  // counters out of step: a recount repairs them
  // min() gives one row, NULL when no live record is left.
  const std::optional<std::string> remaining = *FirstRow(
      db_,
      "SELECT min(date) FROM support_record WHERE village_id = ? AND service = ? "
      "AND citizen_key = ? AND voided_at IS NULL",
      [](const Statement& s) { return s.OptText(0); }, r->village_id, r->service, r->citizen_key);
  if (!remaining) {
    Run(db_, "DELETE FROM helped WHERE village_id = ? AND service = ? AND citizen_key = ?",
        r->village_id, r->service, r->citizen_key);
    AddToCount(db_, r->village_id, r->service, MonthOf(*first), -1);
  } else if (*remaining != *first) {
    SetFirstDate(db_, *r, *remaining);
    if (MonthOf(*remaining) != MonthOf(*first)) {
      AddToCount(db_, r->village_id, r->service, MonthOf(*first), -1);
      AddToCount(db_, r->village_id, r->service, MonthOf(*remaining), 1);
    }
  }
}

Page<SupportRecord> SqlTransaction::ListSupportRecords(const SupportQuery& q) {
  return PageOf<SupportRecord>(
      kRecordColumns,
      FieldWorkFilter(" FROM support_record r JOIN unit u ON u.id = r.village_id", "r", q,
                      "service", q.service),
      "r.date DESC, r.recorded_at DESC, r.id", q.limit, q.offset, ReadRecord);
}

std::map<std::string, std::int64_t> SqlTransaction::HelpedCounts(const Unit& within,
                                                                 const std::string& until) {
  if (within.id != 0) {
    // The unit's own totals: at most a row per service and month, whatever lies below.
    return CountsByKey(db_,
                       "SELECT service, sum(n) FROM helped_total WHERE unit_id = ? AND month <= ? "
                       "GROUP BY service",
                       within.id, MonthOf(until));
  }
  // No unit (the whole country): the villages' counters, summed.
  const auto [lo, hi] = PathRange(within.path);
  return CountsByKey(db_,
                     "SELECT c.service, sum(c.n) FROM helped_count c JOIN unit u ON u.id = "
                     "c.village_id WHERE u.path >= ? AND u.path < ? AND c.month <= ? "
                     "GROUP BY c.service",
                     lo, hi, MonthOf(until));
}

std::int64_t SqlTransaction::RebuildCounters() {
  db_.Exec("DELETE FROM helped");
  db_.Exec("DELETE FROM helped_count");
  db_.Exec(
      "INSERT INTO helped (village_id, service, citizen_key, first_date) "
      "SELECT village_id, service, citizen_key, min(date) FROM support_record "
      "WHERE voided_at IS NULL GROUP BY village_id, service, citizen_key");
  db_.Exec(
      "INSERT INTO helped_count (village_id, service, month, n) "
      "SELECT village_id, service, substr(first_date, 1, 7), count(*) FROM helped "
      "GROUP BY village_id, service, substr(first_date, 1, 7)");
  RebuildHelpedTotals();  // today's units; the totals of closed units stay as they closed
  return Count(db_, "SELECT count(*) FROM helped");
}

std::string SqlTransaction::SecretKey(const std::string& name,
                                      const std::string& fresh_if_missing) {
  Run(db_, "INSERT INTO secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name,
      fresh_if_missing);
  return *FirstRow(
      db_, "SELECT value FROM secret WHERE name = ?", [](const Statement& s) { return s.Text(0); },
      name);
}

}  // namespace cnscd::store::sql
