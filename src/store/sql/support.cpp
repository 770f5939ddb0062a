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
  r.id = s.Text(0);
  r.team_id = s.Int(1);
  r.member_id = s.Int(2);
  r.village_id = s.Int(3);
  r.service = s.Text(4);
  r.date = s.Text(5);
  r.citizen_key = s.Text(6);
  if (const auto age = s.OptInt(7)) r.age = static_cast<int>(*age);
  r.sex = s.OptText(8);
  r.recorded_by = s.OptInt(9);
  r.recorded_at = s.Text(10);
  r.voided_at = s.OptText(11);
  return r;
}

std::string MonthOf(const std::string& date) { return date.substr(0, 7); }

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
  {
    Statement s = db.Prepare(
        "INSERT INTO helped_count (village_id, service, month, n) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (village_id, service, month) DO UPDATE SET n = helped_count.n + excluded.n");
    s.Bind(1, village).Bind(2, service).Bind(3, month).Bind(4, delta);
    s.Run();
  }
  {
    // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join's ON.
    Statement s = db.Prepare(std::string(kUnitAndAncestors) +
                             "INSERT INTO helped_total (unit_id, service, month, n) "
                             "SELECT id, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT) "
                             "FROM up WHERE true ON CONFLICT (unit_id, service, month) "
                             "DO UPDATE SET n = helped_total.n + excluded.n");
    s.Bind(1, village).Bind(2, service).Bind(3, month).Bind(4, delta);
    s.Run();
  }
  if (delta > 0) return;  // nothing can have reached zero
  {
    Statement d = db.Prepare(
        "DELETE FROM helped_count WHERE village_id = ? AND service = ? AND month = ? AND n <= 0");
    d.Bind(1, village).Bind(2, service).Bind(3, month);
    d.Run();
  }
  Statement d = db.Prepare(std::string(kUnitAndAncestors) +
                           "DELETE FROM helped_total WHERE unit_id IN (SELECT id FROM up) "
                           "AND service = ? AND month = ? AND n <= 0");
  d.Bind(1, village).Bind(2, service).Bind(3, month);
  d.Run();
}

std::optional<std::string> FirstDate(Connection& db, const SupportRecord& r) {
  Statement s = db.Prepare(
      "SELECT first_date FROM helped WHERE village_id = ? AND service = ? AND citizen_key = ?");
  s.Bind(1, r.village_id).Bind(2, r.service).Bind(3, r.citizen_key);
  if (!s.Step()) return std::nullopt;
  return s.Text(0);
}

void SetFirstDate(Connection& db, const SupportRecord& r, const std::string& date) {
  Statement s = db.Prepare(
      "UPDATE helped SET first_date = ? WHERE village_id = ? AND service = ? AND citizen_key = ?");
  s.Bind(1, date).Bind(2, r.village_id).Bind(3, r.service).Bind(4, r.citizen_key);
  s.Run();
}

}  // namespace

bool SqlTransaction::InsertSupportRecord(const SupportRecord& r) {
  {
    Statement s = db_.Prepare(
        "INSERT INTO support_record (id, team_id, member_id, village_id, service, date, "
        "citizen_key, age, sex, recorded_by, recorded_at, voided_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO NOTHING");
    s.Bind(1, r.id).Bind(2, r.team_id).Bind(3, r.member_id).Bind(4, r.village_id);
    s.Bind(5, r.service).Bind(6, r.date).Bind(7, r.citizen_key).Bind(8, r.age).Bind(9, r.sex);
    s.Bind(10, r.recorded_by).Bind(11, r.recorded_at.empty() ? Now() : r.recorded_at);
    s.Run();
  }
  if (db_.Changes() == 0) return false;
  const auto first = FirstDate(db_, r);
  if (!first) {
    Statement s = db_.Prepare(
        "INSERT INTO helped (village_id, service, citizen_key, first_date) VALUES (?, ?, ?, ?)");
    s.Bind(1, r.village_id).Bind(2, r.service).Bind(3, r.citizen_key).Bind(4, r.date);
    s.Run();
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
  Statement s = db_.Prepare(std::string("SELECT ") + kRecordColumns +
                            " FROM support_record r WHERE r.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadRecord(s);
}

void SqlTransaction::VoidSupportRecord(const std::string& id, const std::string& at) {
  const auto r = FindSupportRecord(id);
  if (!r || r->voided_at) return;
  {
    Statement s = db_.Prepare("UPDATE support_record SET voided_at = ? WHERE id = ?");
    s.Bind(1, at).Bind(2, id);
    s.Run();
  }
  const auto first = FirstDate(db_, *r);
  if (!first) return;  // counters out of step: a recount repairs them
  std::optional<std::string> remaining;
  {
    Statement s = db_.Prepare(
        "SELECT min(date) FROM support_record WHERE village_id = ? AND service = ? "
        "AND citizen_key = ? AND voided_at IS NULL");
    s.Bind(1, r->village_id).Bind(2, r->service).Bind(3, r->citizen_key);
    s.Step();
    remaining = s.OptText(0);
  }
  if (!remaining) {
    Statement d =
        db_.Prepare("DELETE FROM helped WHERE village_id = ? AND service = ? AND citizen_key = ?");
    d.Bind(1, r->village_id).Bind(2, r->service).Bind(3, r->citizen_key);
    d.Run();
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
  const SqlFilter in_scope = ScopeFilter(q.scope, "u.path", "r.team_id");
  std::string where =
      " FROM support_record r JOIN unit u ON u.id = r.village_id WHERE " + in_scope.sql;
  std::vector<std::variant<std::int64_t, std::string>> args = in_scope.args;
  if (q.within_unit_path) {
    const auto [lo, hi] = PathRange(*q.within_unit_path);
    where += " AND u.path >= ? AND u.path < ?";
    args.emplace_back(lo);
    args.emplace_back(hi);
  }
  if (q.team_id) {
    where += " AND r.team_id = ?";
    args.emplace_back(*q.team_id);
  }
  if (q.service) {
    where += " AND r.service = ?";
    args.emplace_back(*q.service);
  }
  if (q.from) {
    where += " AND r.date >= ?";
    args.emplace_back(*q.from);
  }
  if (q.to) {
    where += " AND r.date <= ?";
    args.emplace_back(*q.to);
  }
  return PageOf<SupportRecord>(kRecordColumns, {where, args},
                               "r.date DESC, r.recorded_at DESC, r.id", q.limit, q.offset,
                               ReadRecord);
}

std::map<std::string, std::int64_t> SqlTransaction::HelpedCounts(const Unit& within,
                                                                 const std::string& until) {
  std::map<std::string, std::int64_t> counts;
  if (within.id != 0) {
    // The unit's own totals: at most a row per service and month, whatever lies below.
    Statement s = db_.Prepare(
        "SELECT service, sum(n) FROM helped_total WHERE unit_id = ? AND month <= ? "
        "GROUP BY service");
    s.Bind(1, within.id).Bind(2, MonthOf(until));
    while (s.Step()) counts[s.Text(0)] = s.Int(1);
    return counts;
  }
  // No unit (the whole country): the villages' counters, summed.
  const auto [lo, hi] = PathRange(within.path);
  Statement s = db_.Prepare(
      "SELECT c.service, sum(c.n) FROM helped_count c JOIN unit u ON u.id = c.village_id "
      "WHERE u.path >= ? AND u.path < ? AND c.month <= ? GROUP BY c.service");
  s.Bind(1, lo).Bind(2, hi).Bind(3, MonthOf(until));
  while (s.Step()) counts[s.Text(0)] = s.Int(1);
  return counts;
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
  Statement s = db_.Prepare("SELECT count(*) FROM helped");
  s.Step();
  return s.Int(0);
}

std::string SqlTransaction::SecretKey(const std::string& name,
                                      const std::string& fresh_if_missing) {
  {
    Statement s = db_.Prepare(
        "INSERT INTO secret (name, value) VALUES (?, ?) "
        "ON CONFLICT (name) DO NOTHING");
    s.Bind(1, name).Bind(2, fresh_if_missing);
    s.Run();
  }
  Statement s = db_.Prepare("SELECT value FROM secret WHERE name = ?");
  s.Bind(1, name);
  s.Step();
  return s.Text(0);
}

}  // namespace cnscd::store::sql
