// The reporting cycle (migration 0008): province due-date policies, reports, the expected
// reporters of a period with their reports (one query however many communes a province has),
// and the period's work read straight from the records (0004, 0007) for a report's figures.
#include <string>

#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

namespace {

constexpr const char* kReportColumns =
    "r.id, r.kind, r.unit_id, r.team_id, r.period, r.status, r.figures, r.results, "
    "r.difficulties, r.proposals, r.due_date, r.created_by, r.created_at, r.updated_at, "
    "r.first_submitted_at, r.submitted_by, r.submitted_at, r.decided_by, r.decided_at, "
    "r.return_reason, u.path";

// A report, in the order of kReportColumns (a reporter's report follows its own columns).
Columns& operator>>(Columns& c, Report& r) {
  return c >> r.id >> r.kind >> r.unit_id >> r.team_id >> r.period >> r.status >> r.figures >>
         r.results >> r.difficulties >> r.proposals >> r.due_date >> r.created_by >> r.created_at >>
         r.updated_at >> r.first_submitted_at >> r.submitted_by >> r.submitted_at >> r.decided_by >>
         r.decided_at >> r.return_reason >> r.unit_path;
}

Report ReadReport(const Statement& s) {
  Report r;
  Columns c(s);
  c >> r;
  return r;
}

std::string ReportSelect() {
  return std::string("SELECT ") + kReportColumns +
         " FROM report r JOIN unit u ON u.id = r.unit_id ";
}

}  // namespace

std::vector<ReportingPolicyRow> SqlTransaction::ReportingPolicies(Id province_id) {
  return AllRows(
      db_,
      "SELECT province_id, kind, due_day, month_offset, due_month FROM reporting_policy "
      "WHERE province_id = ? ORDER BY kind",
      [](const Statement& s) {
        ReportingPolicyRow p;
        Columns(s) >> p.province_id >> p.kind >> p.due_day >> p.month_offset >> p.due_month;
        return p;
      },
      province_id);
}

void SqlTransaction::PutReportingPolicy(const ReportingPolicyRow& p) {
  Run(db_,
      "INSERT INTO reporting_policy (province_id, kind, due_day, month_offset, due_month) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (province_id, kind) DO UPDATE SET "
      "due_day = excluded.due_day, month_offset = excluded.month_offset, "
      "due_month = excluded.due_month",
      p.province_id, p.kind, p.due_day, p.month_offset, p.due_month);
}

Report SqlTransaction::InsertReport(const Report& r) {
  Run(db_,
      "INSERT INTO report (kind, unit_id, team_id, period, status, figures, results, "
      "difficulties, proposals, due_date, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      r.kind, r.unit_id, r.team_id, r.period, r.status, r.figures, r.results, r.difficulties,
      r.proposals, r.due_date, r.created_by, r.created_at, r.updated_at);
  return *FindReport(db_.LastInsertId());
}

std::optional<Report> SqlTransaction::FindReport(Id id) {
  return FirstRow(db_, ReportSelect() + "WHERE r.id = ?", ReadReport, id);
}

std::optional<Report> SqlTransaction::FindReportOf(const std::string& kind, Id unit_id,
                                                   std::optional<Id> team_id,
                                                   const std::string& period) {
  // Matches the unique index report_once.
  return FirstRow(db_,
                  ReportSelect() +
                      "WHERE r.kind = ? AND r.unit_id = ? AND coalesce(r.team_id, 0) = ? "
                      "AND r.period = ?",
                  ReadReport, kind, unit_id, team_id.value_or(0), period);
}

void SqlTransaction::UpdateReport(const Report& r) {
  Run(db_,
      "UPDATE report SET status = ?, figures = ?, results = ?, difficulties = ?, proposals = ?, "
      "updated_at = ?, first_submitted_at = ?, submitted_by = ?, submitted_at = ?, "
      "decided_by = ?, decided_at = ?, return_reason = ? WHERE id = ?",
      r.status, r.figures, r.results, r.difficulties, r.proposals, r.updated_at,
      r.first_submitted_at, r.submitted_by, r.submitted_at, r.decided_by, r.decided_at,
      r.return_reason, r.id);
}

Page<Report> SqlTransaction::ListReports(const ReportQuery& q) {
  const SqlFilter in_scope = ScopeFilter(q.scope, "u.path", "r.team_id");
  SqlFilter where{" FROM report r JOIN unit u ON u.id = r.unit_id WHERE " + in_scope.sql,
                  in_scope.args};
  if (q.within_unit_path) {
    Scope within = q.within_history;
    within.everything = false;
    within.unit_paths.push_back(*q.within_unit_path);
    where.And(ScopeFilter(within, "u.path", ""));
  }
  where.AndIf("r.unit_id = ?", q.unit_id)
      .AndIf("r.period = ?", q.period)
      .AndIf("r.kind = ?", q.kind)
      .AndIf("r.status = ?", q.status);
  return PageOf<Report>(kReportColumns, where, "r.period DESC, r.kind, u.sort_key, r.id", q.limit,
                        q.offset, ReadReport);
}

std::vector<Reporter> SqlTransaction::Reporters(const Unit& within, const std::string& of,
                                                const std::string& kind, const std::string& period,
                                                const std::string& last_day, const Scope& scope) {
  const auto [lo, hi] = PathRange(within.path);
  const bool teams = of == "teams";
  const SqlFilter in_scope = ScopeFilter(scope, "u.path", teams ? "t.id" : "");
  // The active teams of the subtree, or its units of one level (`u.path >` leaves `within` out),
  // a unit's own report being the one without a team. kReportColumns reads the report's unit
  // path as u.path: the reporter's own, the same. A team's created_at is a UTC timestamp: it
  // existed in the period when it was created before the period's last Vietnam day ended.
  const std::string sql =
      std::string(teams ? "SELECT u.id, u.path, t.id, t.name, "
                        : "SELECT u.id, u.path, NULL, u.name, ") +
      kReportColumns +
      (teams ? " FROM team t JOIN unit u ON u.id = t.unit_id "
               "LEFT JOIN report r ON r.team_id = t.id AND r.kind = ? AND r.period = ? "
               "WHERE t.status = 'active' AND (t.created_at < ? OR r.id IS NOT NULL) "
               "AND u.path >= ? AND u.path < ? AND "
             : " FROM unit u LEFT JOIN report r ON r.unit_id = u.id AND r.team_id IS NULL "
               "AND r.kind = ? AND r.period = ? "
               "WHERE u.kind = ? AND u.valid_to IS NULL "
               "AND (u.valid_from IS NULL OR u.valid_from <= ? OR r.id IS NOT NULL) "
               "AND u.path > ? AND u.path < ? AND ") +
      in_scope.sql + (teams ? " ORDER BY t.sort_key, t.id" : " ORDER BY u.sort_key, u.id");
  Statement s = db_.Prepare(sql);
  s.BindAll(kind, period);
  int next = 3;
  if (teams) {
    s.Bind(next++, dates::EndOfVietnamDay(last_day));
  } else {
    s.Bind(next++, of == "districts" ? "district" : "commune");
    s.Bind(next++, last_day);
  }
  s.Bind(next, lo).Bind(next + 1, hi);
  in_scope.Bind(s, next + 2);
  std::vector<Reporter> out;
  while (s.Step()) {
    Reporter r;
    Columns c(s);
    c >> r.unit_id >> r.unit_path >> r.team_id >> r.name;
    if (!s.IsNull(4)) c >> r.report.emplace();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<ActivityRow> SqlTransaction::Activity(const Unit& within, std::optional<Id> team_id,
                                                  const std::string& from, const std::string& to) {
  // Not a structured binding: clang-tidy 14 refuses to capture one in the lambda.
  const std::pair<std::string, std::string> range = PathRange(within.path);
  std::vector<ActivityRow> out;
  // "AND <column> = team" for a team's figures, else a no-op on the NULL team: two statements,
  // so that the planner sees the team id and looks it up (an "IS NULL OR" hid it: a scan of
  // every team of the nation for one team's report).
  const bool one_team = team_id.has_value();
  auto of_team = [one_team](const char* column) {
    return one_team ? std::string(" AND ") + column + " = ?5"
                    : std::string(" AND CAST(?5 AS BIGINT) IS NULL");
  };
  // Each statement takes (lo, hi, from, to, team or NULL) and gives (path, team, what, n).
  auto read = [&](const std::string& sql) {
    Statement s = db_.Prepare(sql);
    s.Bind(1, range.first).Bind(2, range.second).Bind(3, from).Bind(4, to).Bind(5, team_id);
    while (s.Step()) out.push_back({s.Text(0), s.OptInt(1), s.Text(2), s.Int(3)});
  };
  read(
      "SELECT u.path, r.team_id, 'records:' || r.service, count(*) FROM support_record r "
      "JOIN unit u ON u.id = r.village_id WHERE u.path >= ?1 AND u.path < ?2 "
      "AND r.date >= ?3 AND r.date <= ?4 AND r.voided_at IS NULL " +
      of_team("r.team_id") + " GROUP BY u.path, r.team_id, r.service");
  if (team_id) {
    // The citizens the team helped first with a service in the period: a pair's first record
    // is the team's (the lowest team id where two teams came the same day).
    read(
        "SELECT u.path, CAST(?5 AS BIGINT), 'citizens:' || h.service, count(*) FROM helped h "
        "JOIN unit u ON u.id = h.village_id WHERE u.path >= ?1 AND u.path < ?2 "
        "AND h.first_date >= ?3 AND h.first_date <= ?4 AND ?5 = (SELECT min(r.team_id) "
        "FROM support_record r WHERE r.village_id = h.village_id AND r.service = h.service "
        "AND r.citizen_key = h.citizen_key AND r.date = h.first_date AND r.voided_at IS NULL) "
        "GROUP BY u.path, h.service");
  } else {
    // Newly helped citizens per village from the counters, by month.
    read(
        "SELECT u.path, NULL, 'citizens:' || c.service, sum(c.n) FROM helped_count c "
        "JOIN unit u ON u.id = c.village_id WHERE u.path >= ?1 AND u.path < ?2 "
        "AND c.month >= substr(?3, 1, 7) AND c.month <= substr(?4, 1, 7) AND CAST(?5 AS BIGINT) IS "
        "NULL "
        "GROUP BY u.path, c.service");
  }
  read(
      "SELECT u.path, t.team_id, 'sessions:' || t.audience, count(*) FROM training_session t "
      "JOIN unit u ON u.id = t.unit_id WHERE u.path >= ?1 AND u.path < ?2 "
      "AND t.date >= ?3 AND t.date <= ?4 AND t.voided_at IS NULL " +
      of_team("t.team_id") + " GROUP BY u.path, t.team_id, t.audience");
  read(
      "SELECT u.path, t.team_id, 'attendance:' || t.audience, sum(t.attendance) "
      "FROM training_session t JOIN unit u ON u.id = t.unit_id WHERE u.path >= ?1 AND u.path < ?2 "
      "AND t.date >= ?3 AND t.date <= ?4 AND t.voided_at IS NULL " +
      of_team("t.team_id") + " GROUP BY u.path, t.team_id, t.audience");
  read(
      "SELECT u.path, e.team_id, 'events', count(*) FROM propaganda_event e "
      "JOIN unit u ON u.id = e.unit_id WHERE u.path >= ?1 AND u.path < ?2 "
      "AND e.date >= ?3 AND e.date <= ?4 AND e.voided_at IS NULL " +
      of_team("e.team_id") + " GROUP BY u.path, e.team_id");
  read(
      "SELECT u.path, e.team_id, 'event_attendance', sum(e.attendance) FROM propaganda_event e "
      "JOIN unit u ON u.id = e.unit_id WHERE u.path >= ?1 AND u.path < ?2 "
      "AND e.date >= ?3 AND e.date <= ?4 AND e.voided_at IS NULL " +
      of_team("e.team_id") + " GROUP BY u.path, e.team_id");
  // Teams and their current members (today's, whatever the period: memberships hold no history
  // of counts); the dates are bound but unused.
  read(
      "SELECT u.path, t.id, 'teams', 1 FROM team t JOIN unit u ON u.id = t.unit_id "
      "WHERE u.path >= ?1 AND u.path < ?2 AND t.status = 'active' " +
      of_team("t.id"));
  read(
      "SELECT u.path, t.id, CASE WHEN m.role = 'collaborator' THEN 'collaborators' "
      "ELSE 'members' END, count(*) FROM team t JOIN unit u ON u.id = t.unit_id "
      "JOIN membership m ON m.team_id = t.id AND m.until IS NULL "
      "WHERE u.path >= ?1 AND u.path < ?2 AND t.status = 'active' " +
      of_team("t.id") +
      " GROUP BY u.path, t.id, m.role = "
      "'collaborator'");
  return out;
}

}  // namespace cnscd::store::sql
