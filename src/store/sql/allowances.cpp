// Allowances (migration 0009): rates per unit and month, and the monthly sheet's lines with
// each person's activity days, counted in one query over the three kinds of activity.
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

namespace {

// Dates of a month as a closed text range: every valid YYYY-MM-DD of the month sorts inside.
std::pair<std::string, std::string> MonthRange(const std::string& month) {
  return {month + "-01", month + "-31"};
}

}  // namespace

void SqlTransaction::PutAllowanceRate(const AllowanceRateRow& r) {
  Run(db_,
      "INSERT INTO allowance_rate (unit_id, valid_from, per_team_month, per_member_day, "
      "max_days, created_at) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (unit_id, valid_from) DO UPDATE SET per_team_month = excluded.per_team_month, "
      "per_member_day = excluded.per_member_day, max_days = excluded.max_days, "
      "created_at = excluded.created_at",
      r.unit_id, r.valid_from, r.per_team_month, r.per_member_day, r.max_days, r.created_at);
}

std::vector<AllowanceRateRow> SqlTransaction::AllowanceRatesOf(Id unit_id) {
  return AllRows(
      db_,
      "SELECT valid_from, per_team_month, per_member_day, max_days, created_at "
      "FROM allowance_rate WHERE unit_id = ? ORDER BY valid_from",
      [unit_id](const Statement& s) {
        AllowanceRateRow r{unit_id};
        Columns(s) >> r.valid_from >> r.per_team_month >> r.per_member_day >> r.max_days >>
            r.created_at;
        return r;
      },
      unit_id);
}

std::vector<Team> SqlTransaction::AllowanceTeams(const Unit& commune, const std::string& month) {
  const auto [lo, hi] = PathRange(commune.path);
  // Teams carry no end date: an active team created by the month's end was active in it.
  return AllRows(db_,
                 std::string("SELECT ") + kTeamColumns +
                     " FROM team t JOIN unit u ON u.id = t.unit_id "
                     "WHERE u.path >= ? AND u.path < ? AND t.status = 'active' "
                     "AND substr(t.created_at, 1, 7) <= ? ORDER BY t.sort_key, t.id",
                 ReadRow<Team>, lo, hi, month);
}

std::vector<AllowanceLine> SqlTransaction::AllowanceLines(const Unit& commune,
                                                          const std::string& month) {
  const auto [lo, hi] = PathRange(commune.path);
  const auto [first, last] = MonthRange(month);
  // ?1..?2 the commune's subtree, ?3..?4 the month's dates, ?5 the month.
  // A person's days: distinct dates of their non-voided support records, training sessions and
  // propaganda events held by the commune's teams. A person in several teams appears once, under
  // the first team in Vietnamese order (leader before deputy before member within it); someone
  // with days and no membership in the month appears under the team of their first activity.
  Statement s = db_.Prepare(
      "WITH teams AS (SELECT t.id, t.sort_key FROM team t JOIN unit u ON u.id = t.unit_id "
      "  WHERE u.path >= ?1 AND u.path < ?2), "
      "acts AS ("
      "  SELECT r.member_id AS person_id, r.date, r.team_id FROM support_record r "
      "  WHERE r.team_id IN (SELECT id FROM teams) AND r.date BETWEEN ?3 AND ?4 "
      "  AND r.voided_at IS NULL "
      "  UNION ALL SELECT tm.person_id, ts.date, ts.team_id FROM training_session ts "
      "  JOIN training_member tm ON tm.session_id = ts.id "
      "  WHERE ts.team_id IN (SELECT id FROM teams) AND ts.date BETWEEN ?3 AND ?4 "
      "  AND ts.voided_at IS NULL "
      "  UNION ALL SELECT em.person_id, e.date, e.team_id FROM propaganda_event e "
      "  JOIN event_member em ON em.event_id = e.id "
      "  WHERE e.team_id IN (SELECT id FROM teams) AND e.date BETWEEN ?3 AND ?4 "
      "  AND e.voided_at IS NULL), "
      "days AS (SELECT person_id, count(DISTINCT date) AS n, "
      "  (SELECT a2.team_id FROM acts a2 WHERE a2.person_id = a.person_id "
      "   ORDER BY a2.date, a2.team_id LIMIT 1) AS team_id FROM acts a GROUP BY person_id), "
      "ms AS (SELECT m.person_id, m.team_id, m.role, row_number() OVER (PARTITION BY m.person_id "
      "  ORDER BY tt.sort_key, tt.id, CASE m.role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 "
      "  WHEN 'member' THEN 2 ELSE 3 END, m.id) AS rn "
      "  FROM membership m JOIN team tt ON tt.id = m.team_id "
      "  JOIN teams ON teams.id = tt.id "
      "  WHERE tt.status = 'active' AND substr(tt.created_at, 1, 7) <= ?5 "
      "  AND m.since <= ?4 AND (m.until IS NULL OR m.until >= ?3)), "
      "lines AS (SELECT person_id, team_id, role FROM ms WHERE rn = 1 "
      "  UNION ALL SELECT d.person_id, d.team_id, NULL FROM days d "
      "  WHERE d.person_id NOT IN (SELECT person_id FROM ms)) "
      "SELECT l.person_id, p.full_name, l.team_id, t.name, l.role, coalesce(d.n, 0) "
      "FROM lines l JOIN person p ON p.id = l.person_id JOIN team t ON t.id = l.team_id "
      "LEFT JOIN days d ON d.person_id = l.person_id "
      "ORDER BY t.sort_key, t.id, p.sort_key, p.id");
  s.BindAll(lo, hi, first, last, month);
  std::vector<AllowanceLine> out;
  while (s.Step()) {
    AllowanceLine line;
    line.person_id = s.Int(0);
    line.full_name = s.Text(1);
    line.team_id = s.Int(2);
    line.team_name = s.Text(3);
    if (auto role = s.OptText(4)) line.role = ParseRole(*role);
    line.activity_days = s.Int(5);
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace cnscd::store::sql
