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
  Columns(s) >> t.id >> t.team_id >> t.unit_id >> t.date >> t.audience >> t.topic >> t.title >>
      t.attendance >> t.households >> t.recorded_by >> t.recorded_at >> t.voided_at;
  return t;
}

constexpr const char* kEventColumns =
    "s.id, s.team_id, s.unit_id, s.date, s.kind, s.attendance, s.note, s.recorded_by, "
    "s.recorded_at, s.voided_at";

PropagandaEvent ReadEvent(const Statement& s) {
  PropagandaEvent e;
  Columns(s) >> e.id >> e.team_id >> e.unit_id >> e.date >> e.kind >> e.attendance >> e.note >>
      e.recorded_by >> e.recorded_at >> e.voided_at;
  return e;
}

// The table of the members who ran or attended a session, or an event.
struct MemberTable {
  const char* link;  // (session or event id, person id); a link made before is kept
  const char* ids;   // the person ids of one session or event, in the primary key's order
};

constexpr MemberTable kSessionMembers{
    "INSERT INTO training_member (session_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
    "SELECT person_id FROM training_member WHERE session_id = ? ORDER BY person_id"};
constexpr MemberTable kEventMembers{
    "INSERT INTO event_member (event_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
    "SELECT person_id FROM event_member WHERE event_id = ? ORDER BY person_id"};

std::vector<Id> MemberIds(Connection& db, const MemberTable& members, const std::string& id) {
  return AllRows(
      db, members.ids, [](const Statement& s) { return s.Int(0); }, id);
}

// Runs `insert`, a session's or an event's insert that does nothing for a client UUID already
// stored, then links its members; false, having changed nothing, for such a resend.
template <typename... Values>
bool InsertOnce(Connection& db, std::string_view insert, const MemberTable& members,
                const std::string& id, const std::vector<Id>& member_ids, const Values&... values) {
  Run(db, insert, values...);
  if (db.Changes() == 0) return false;
  for (const Id person : member_ids) Run(db, members.link, id, person);
  return true;
}

// Adds (or, negative, takes away) a residents' session in its place, topic and month; a row
// left at zero is removed so that the live table equals a rebuilt one row for row.
void AddTrained(Connection& db, const TrainingSession& t, std::int64_t sign) {
  const std::string month = MonthOf(t.date);
  Run(db,
      "INSERT INTO trained_count (unit_id, topic, month, people, households) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (unit_id, topic, month) DO UPDATE SET "
      "people = trained_count.people + excluded.people, "
      "households = trained_count.households + excluded.households",
      t.unit_id, t.topic, month, sign * t.attendance, sign * t.households);
  Run(db,
      "DELETE FROM trained_count WHERE unit_id = ? AND topic = ? AND month = ? "
      "AND people <= 0 AND households <= 0",
      t.unit_id, t.topic, month);
}

// The WHERE clause of a list of the sessions or events of `table` (from FROM on).
SqlFilter ListFilter(const std::string& table, const std::string& code_column,
                     const ActivityQuery& q) {
  return FieldWorkFilter(" FROM " + table + " s JOIN unit u ON u.id = s.unit_id", "s", q,
                         code_column, q.code);
}

constexpr const char* kListOrder = "s.date DESC, s.recorded_at DESC, s.id";

}  // namespace

bool SqlTransaction::InsertTrainingSession(const TrainingSession& t) {
  if (!InsertOnce(db_,
                  "INSERT INTO training_session (id, team_id, unit_id, date, audience, topic, "
                  "title, attendance, households, recorded_by, recorded_at, voided_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (id) DO NOTHING",
                  kSessionMembers, t.id, t.member_ids, t.id, t.team_id, t.unit_id, t.date,
                  t.audience, t.topic, t.title, t.attendance, t.households, t.recorded_by,
                  OwnOrNow(t.recorded_at))) {
    return false;
  }
  if (t.audience == "residents") AddTrained(db_, t, 1);
  return true;
}

std::optional<TrainingSession> SqlTransaction::FindTrainingSession(const std::string& id) {
  auto t = FirstRow(
      db_, std::string("SELECT ") + kSessionColumns + " FROM training_session s WHERE s.id = ?",
      ReadSession, id);
  if (t) t->member_ids = MemberIds(db_, kSessionMembers, t->id);
  return t;
}

void SqlTransaction::VoidTrainingSession(const std::string& id, const std::string& at) {
  const auto t = FindTrainingSession(id);
  if (!t || t->voided_at) return;
  Run(db_, "UPDATE training_session SET voided_at = ? WHERE id = ?", at, id);
  if (t->audience == "residents") AddTrained(db_, *t, -1);
}

Page<TrainingSession> SqlTransaction::ListTrainingSessions(const ActivityQuery& q) {
  auto page = PageOf<TrainingSession>(kSessionColumns, ListFilter("training_session", "topic", q),
                                      kListOrder, q.limit, q.offset, ReadSession);
  for (auto& t : page.items) t.member_ids = MemberIds(db_, kSessionMembers, t.id);
  return page;
}

bool SqlTransaction::InsertPropagandaEvent(const PropagandaEvent& e) {
  return InsertOnce(db_,
                    "INSERT INTO propaganda_event (id, team_id, unit_id, date, kind, attendance, "
                    "note, recorded_by, recorded_at, voided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, NULL) ON CONFLICT (id) DO NOTHING",
                    kEventMembers, e.id, e.member_ids, e.id, e.team_id, e.unit_id, e.date, e.kind,
                    e.attendance, e.note, e.recorded_by, OwnOrNow(e.recorded_at));
}

std::optional<PropagandaEvent> SqlTransaction::FindPropagandaEvent(const std::string& id) {
  auto e = FirstRow(
      db_, std::string("SELECT ") + kEventColumns + " FROM propaganda_event s WHERE s.id = ?",
      ReadEvent, id);
  if (e) e->member_ids = MemberIds(db_, kEventMembers, e->id);
  return e;
}

void SqlTransaction::VoidPropagandaEvent(const std::string& id, const std::string& at) {
  Run(db_, "UPDATE propaganda_event SET voided_at = ? WHERE id = ? AND voided_at IS NULL", at, id);
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
  return Count(db_, "SELECT count(*) FROM trained_count");
}

std::map<std::string, TrainedCount> SqlTransaction::TrainedCounts(const Unit& within,
                                                                  const std::string& until) {
  const auto [lo, hi] = PathRange(within.path);
  Statement s = db_.Prepare(
      "SELECT c.topic, sum(c.people), sum(c.households) FROM trained_count c "
      "JOIN unit u ON u.id = c.unit_id "
      "WHERE u.path >= ? AND u.path < ? AND c.month <= ? GROUP BY c.topic");
  s.BindAll(lo, hi, MonthOf(until));
  std::map<std::string, TrainedCount> counts;
  while (s.Step()) counts[s.Text(0)] = TrainedCount{s.Int(1), s.Int(2)};
  return counts;
}

}  // namespace cnscd::store::sql
