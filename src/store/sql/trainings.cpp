// Training sessions and propaganda events (migration 0007), the members who took part, and the
// counters of residents trained per place, topic and month kept in the caller's transaction:
// reading a province's training indicators reads trained_count rows, never the sessions.
#include <string>

#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {
namespace {

constexpr const char* kSessionColumns =
    "s.id, s.team_id, s.unit_id, s.date, s.audience, s.topic, s.title, s.attendance, "
    "s.households, s.recorded_by, s.recorded_at, s.voided_at";

TrainingSession ReadSession(const Statement& s) {
  TrainingSession t;
  t.id = s.Text(0);
  t.team_id = s.Int(1);
  t.unit_id = s.Int(2);
  t.date = s.Text(3);
  t.audience = s.Text(4);
  t.topic = s.Text(5);
  t.title = s.Text(6);
  t.attendance = s.Int(7);
  t.households = s.Int(8);
  t.recorded_by = s.OptInt(9);
  t.recorded_at = s.Text(10);
  t.voided_at = s.OptText(11);
  return t;
}

constexpr const char* kEventColumns =
    "s.id, s.team_id, s.unit_id, s.date, s.kind, s.attendance, s.note, s.recorded_by, "
    "s.recorded_at, s.voided_at";

PropagandaEvent ReadEvent(const Statement& s) {
  PropagandaEvent e;
  e.id = s.Text(0);
  e.team_id = s.Int(1);
  e.unit_id = s.Int(2);
  e.date = s.Text(3);
  e.kind = s.Text(4);
  e.attendance = s.Int(5);
  e.note = s.OptText(6);
  e.recorded_by = s.OptInt(7);
  e.recorded_at = s.Text(8);
  e.voided_at = s.OptText(9);
  return e;
}

// The member ids of one session or event, by person id (the primary key's order: no sort).
std::vector<Id> MemberIds(Connection& db, const char* sql, const std::string& id) {
  Statement s = db.Prepare(sql);
  s.Bind(1, id);
  std::vector<Id> out;
  while (s.Step()) out.push_back(s.Int(0));
  return out;
}

constexpr const char* kSessionMembers =
    "SELECT person_id FROM training_member WHERE session_id = ? ORDER BY person_id";
constexpr const char* kEventMembers =
    "SELECT person_id FROM event_member WHERE event_id = ? ORDER BY person_id";

// Adds (or, negative, takes away) a residents' session in its place, topic and month; a row
// left at zero is removed so that the live table equals a rebuilt one row for row.
void AddTrained(Connection& db, const TrainingSession& t, std::int64_t sign) {
  const std::string month = t.date.substr(0, 7);
  {
    Statement s = db.Prepare(
        "INSERT INTO trained_count (unit_id, topic, month, people, households) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (unit_id, topic, month) DO UPDATE SET "
        "people = trained_count.people + excluded.people, "
        "households = trained_count.households + excluded.households");
    s.Bind(1, t.unit_id).Bind(2, t.topic).Bind(3, month);
    s.Bind(4, sign * t.attendance).Bind(5, sign * t.households);
    s.Run();
  }
  Statement d = db.Prepare(
      "DELETE FROM trained_count WHERE unit_id = ? AND topic = ? AND month = ? "
      "AND people <= 0 AND households <= 0");
  d.Bind(1, t.unit_id).Bind(2, t.topic).Bind(3, month);
  d.Run();
}

// The WHERE clause of a list (from FROM on), joined to the place's unit for scope and subtree.
SqlFilter ListFilter(const char* table, const char* code_column, const ActivityQuery& q) {
  const SqlFilter in_scope = ScopeFilter(q.scope, "u.path", "s.team_id");
  SqlFilter f{
      std::string(" FROM ") + table + " s JOIN unit u ON u.id = s.unit_id WHERE " + in_scope.sql,
      in_scope.args};
  if (q.within_unit_path) {
    const auto [lo, hi] = PathRange(*q.within_unit_path);
    f.sql += " AND u.path >= ? AND u.path < ?";
    f.args.emplace_back(lo);
    f.args.emplace_back(hi);
  }
  if (q.team_id) {
    f.sql += " AND s.team_id = ?";
    f.args.emplace_back(*q.team_id);
  }
  if (q.code) {
    f.sql += std::string(" AND s.") + code_column + " = ?";
    f.args.emplace_back(*q.code);
  }
  if (q.from) {
    f.sql += " AND s.date >= ?";
    f.args.emplace_back(*q.from);
  }
  if (q.to) {
    f.sql += " AND s.date <= ?";
    f.args.emplace_back(*q.to);
  }
  return f;
}

constexpr const char* kListOrder = "s.date DESC, s.recorded_at DESC, s.id";

}  // namespace

bool SqlTransaction::InsertTrainingSession(const TrainingSession& t) {
  {
    Statement s = db_.Prepare(
        "INSERT INTO training_session (id, team_id, unit_id, date, audience, topic, title, "
        "attendance, households, recorded_by, recorded_at, voided_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO NOTHING");
    s.Bind(1, t.id).Bind(2, t.team_id).Bind(3, t.unit_id).Bind(4, t.date).Bind(5, t.audience);
    s.Bind(6, t.topic).Bind(7, t.title).Bind(8, t.attendance).Bind(9, t.households);
    s.Bind(10, t.recorded_by).Bind(11, t.recorded_at.empty() ? Now() : t.recorded_at);
    s.Run();
  }
  if (db_.Changes() == 0) return false;
  for (const Id person : t.member_ids) {
    Statement m = db_.Prepare(
        "INSERT INTO training_member (session_id, person_id) VALUES (?, ?) "
        "ON CONFLICT DO NOTHING");
    m.Bind(1, t.id).Bind(2, person);
    m.Run();
  }
  if (t.audience == "residents") AddTrained(db_, t, 1);
  return true;
}

std::optional<TrainingSession> SqlTransaction::FindTrainingSession(const std::string& id) {
  TrainingSession t;
  {
    Statement s = db_.Prepare(std::string("SELECT ") + kSessionColumns +
                              " FROM training_session s WHERE s.id = ?");
    s.Bind(1, id);
    if (!s.Step()) return std::nullopt;
    t = ReadSession(s);
  }
  t.member_ids = MemberIds(db_, kSessionMembers, t.id);
  return t;
}

void SqlTransaction::VoidTrainingSession(const std::string& id, const std::string& at) {
  const auto t = FindTrainingSession(id);
  if (!t || t->voided_at) return;
  {
    Statement s = db_.Prepare("UPDATE training_session SET voided_at = ? WHERE id = ?");
    s.Bind(1, at).Bind(2, id);
    s.Run();
  }
  if (t->audience == "residents") AddTrained(db_, *t, -1);
}

Page<TrainingSession> SqlTransaction::ListTrainingSessions(const ActivityQuery& q) {
  auto page = PageOf<TrainingSession>(kSessionColumns, ListFilter("training_session", "topic", q),
                                      kListOrder, q.limit, q.offset, ReadSession);
  for (auto& t : page.items) t.member_ids = MemberIds(db_, kSessionMembers, t.id);
  return page;
}

bool SqlTransaction::InsertPropagandaEvent(const PropagandaEvent& e) {
  {
    Statement s = db_.Prepare(
        "INSERT INTO propaganda_event (id, team_id, unit_id, date, kind, attendance, note, "
        "recorded_by, recorded_at, voided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
        "ON CONFLICT (id) DO NOTHING");
    s.Bind(1, e.id).Bind(2, e.team_id).Bind(3, e.unit_id).Bind(4, e.date).Bind(5, e.kind);
    s.Bind(6, e.attendance).Bind(7, e.note).Bind(8, e.recorded_by);
    s.Bind(9, e.recorded_at.empty() ? Now() : e.recorded_at);
    s.Run();
  }
  if (db_.Changes() == 0) return false;
  for (const Id person : e.member_ids) {
    Statement m = db_.Prepare(
        "INSERT INTO event_member (event_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
    m.Bind(1, e.id).Bind(2, person);
    m.Run();
  }
  return true;
}

std::optional<PropagandaEvent> SqlTransaction::FindPropagandaEvent(const std::string& id) {
  PropagandaEvent e;
  {
    Statement s = db_.Prepare(std::string("SELECT ") + kEventColumns +
                              " FROM propaganda_event s WHERE s.id = ?");
    s.Bind(1, id);
    if (!s.Step()) return std::nullopt;
    e = ReadEvent(s);
  }
  e.member_ids = MemberIds(db_, kEventMembers, e.id);
  return e;
}

void SqlTransaction::VoidPropagandaEvent(const std::string& id, const std::string& at) {
  Statement s =
      db_.Prepare("UPDATE propaganda_event SET voided_at = ? WHERE id = ? AND voided_at IS NULL");
  s.Bind(1, at).Bind(2, id);
  s.Run();
}

Page<PropagandaEvent> SqlTransaction::ListPropagandaEvents(const ActivityQuery& q) {
  auto page = PageOf<PropagandaEvent>(kEventColumns, ListFilter("propaganda_event", "kind", q),
                                      kListOrder, q.limit, q.offset, ReadEvent);
  for (auto& e : page.items) e.member_ids = MemberIds(db_, kEventMembers, e.id);
  return page;
}

std::int64_t SqlTransaction::RebuildTrainedCounts() {
  db_.Exec("DELETE FROM trained_count");
  db_.Exec(
      "INSERT INTO trained_count (unit_id, topic, month, people, households) "
      "SELECT unit_id, topic, substr(date, 1, 7), sum(attendance), sum(households) "
      "FROM training_session WHERE voided_at IS NULL AND audience = 'residents' "
      "GROUP BY unit_id, topic, substr(date, 1, 7)");
  Statement s = db_.Prepare("SELECT count(*) FROM trained_count");
  s.Step();
  return s.Int(0);
}

std::map<std::string, TrainedCount> SqlTransaction::TrainedCounts(const Unit& within,
                                                                  const std::string& until) {
  const auto [lo, hi] = PathRange(within.path);
  Statement s = db_.Prepare(
      "SELECT c.topic, sum(c.people), sum(c.households) FROM trained_count c "
      "JOIN unit u ON u.id = c.unit_id "
      "WHERE u.path >= ? AND u.path < ? AND c.month <= ? GROUP BY c.topic");
  s.Bind(1, lo).Bind(2, hi).Bind(3, until.substr(0, 7));
  std::map<std::string, TrainedCount> counts;
  while (s.Step()) counts[s.Text(0)] = TrainedCount{s.Int(1), s.Int(2)};
  return counts;
}

}  // namespace cnscd::store::sql
