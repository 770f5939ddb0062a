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

Report ReadReport(const Statement& s, int c = 0) {
  Report r;
  r.id = s.Int(c);
  r.kind = s.Text(c + 1);
  r.unit_id = s.Int(c + 2);
  r.team_id = s.OptInt(c + 3);
  r.period = s.Text(c + 4);
  r.status = s.Text(c + 5);
  r.figures = s.Text(c + 6);
  r.results = s.Text(c + 7);
  r.difficulties = s.Text(c + 8);
  r.proposals = s.Text(c + 9);
  r.due_date = s.Text(c + 10);
  r.created_by = s.OptInt(c + 11);
  r.created_at = s.Text(c + 12);
  r.updated_at = s.Text(c + 13);
  r.first_submitted_at = s.OptText(c + 14);
  r.submitted_by = s.OptInt(c + 15);
  r.submitted_at = s.OptText(c + 16);
  r.decided_by = s.OptInt(c + 17);
  r.decided_at = s.OptText(c + 18);
  r.return_reason = s.OptText(c + 19);
  r.unit_path = s.Text(c + 20);
  return r;
}

std::string ReportSelect() {
  return std::string("SELECT ") + kReportColumns +
         " FROM report r JOIN unit u ON u.id = r.unit_id ";
}

}  // namespace

std::vector<ReportingPolicyRow> SqlTransaction::ReportingPolicies(Id province_id) {
  Statement s = db_.Prepare(
      "SELECT province_id, kind, due_day, month_offset, due_month FROM reporting_policy "
      "WHERE province_id = ? ORDER BY kind");
  s.Bind(1, province_id);
  std::vector<ReportingPolicyRow> out;
  while (s.Step()) {
    ReportingPolicyRow p;
    p.province_id = s.Int(0);
    p.kind = s.Text(1);
    if (const auto d = s.OptInt(2)) p.due_day = static_cast<int>(*d);
    p.month_offset = static_cast<int>(s.Int(3));
    if (const auto m = s.OptInt(4)) p.due_month = static_cast<int>(*m);
    out.push_back(p);
  }
  return out;
}

void SqlTransaction::PutReportingPolicy(const ReportingPolicyRow& p) {
  Statement s = db_.Prepare(
      "INSERT INTO reporting_policy (province_id, kind, due_day, month_offset, due_month) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (province_id, kind) DO UPDATE SET "
      "due_day = excluded.due_day, month_offset = excluded.month_offset, "
      "due_month = excluded.due_month");
  s.Bind(1, p.province_id).Bind(2, p.kind).Bind(3, p.due_day).Bind(4, p.month_offset);
  s.Bind(5, p.due_month);
  s.Run();
}

Report SqlTransaction::InsertReport(const Report& r) {
  Statement s = db_.Prepare(
      "INSERT INTO report (kind, unit_id, team_id, period, status, figures, results, "
      "difficulties, proposals, due_date, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, r.kind).Bind(2, r.unit_id).Bind(3, r.team_id).Bind(4, r.period).Bind(5, r.status);
  s.Bind(6, r.figures).Bind(7, r.results).Bind(8, r.difficulties).Bind(9, r.proposals);
  s.Bind(10, r.due_date).Bind(11, r.created_by).Bind(12, r.created_at).Bind(13, r.updated_at);
  s.Run();
  return *FindReport(db_.LastInsertId());
}

std::optional<Report> SqlTransaction::FindReport(Id id) {
  Statement s = db_.Prepare(ReportSelect() + "WHERE r.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadReport(s);
}

std::optional<Report> SqlTransaction::FindReportOf(const std::string& kind, Id unit_id,
                                                   std::optional<Id> team_id,
                                                   const std::string& period) {
  // Matches the unique index report_once.
  Statement s = db_.Prepare(ReportSelect() +
                            "WHERE r.kind = ? AND r.unit_id = ? AND coalesce(r.team_id, 0) = ? "
                            "AND r.period = ?");
  s.Bind(1, kind).Bind(2, unit_id).Bind(3, team_id.value_or(0)).Bind(4, period);
  if (!s.Step()) return std::nullopt;
  return ReadReport(s);
}

void SqlTransaction::UpdateReport(const Report& r) {
  Statement s = db_.Prepare(
      "UPDATE report SET status = ?, figures = ?, results = ?, difficulties = ?, proposals = ?, "
      "updated_at = ?, first_submitted_at = ?, submitted_by = ?, submitted_at = ?, "
      "decided_by = ?, decided_at = ?, return_reason = ? WHERE id = ?");
  s.Bind(1, r.status).Bind(2, r.figures).Bind(3, r.results).Bind(4, r.difficulties);
  s.Bind(5, r.proposals).Bind(6, r.updated_at).Bind(7, r.first_submitted_at);
  s.Bind(8, r.submitted_by).Bind(9, r.submitted_at).Bind(10, r.decided_by);
  s.Bind(11, r.decided_at).Bind(12, r.return_reason).Bind(13, r.id);
  s.Run();
}

Page<Report> SqlTransaction::ListReports(const ReportQuery& q) {
  const SqlFilter in_scope = ScopeFilter(q.scope, "u.path", "r.team_id");
  SqlFilter where;
  where.sql = " FROM report r JOIN unit u ON u.id = r.unit_id WHERE " + in_scope.sql;
  where.args = in_scope.args;
  if (q.within_unit_path) {
    Scope within = q.within_history;
    within.everything = false;
    within.unit_paths.push_back(*q.within_unit_path);
    const SqlFilter f = ScopeFilter(within, "u.path", "");
    where.sql += " AND " + f.sql;
    where.args.insert(where.args.end(), f.args.begin(), f.args.end());
  }
  if (q.unit_id) {
    where.sql += " AND r.unit_id = ?";
    where.args.emplace_back(*q.unit_id);
  }
  if (q.period) {
    where.sql += " AND r.period = ?";
    where.args.emplace_back(*q.period);
  }
  if (q.kind) {
    where.sql += " AND r.kind = ?";
    where.args.emplace_back(*q.kind);
  }
  if (q.status) {
    where.sql += " AND r.status = ?";
    where.args.emplace_back(*q.status);
  }
  return PageOf<Report>(kReportColumns, where, "r.period DESC, r.kind, u.sort_key, r.id", q.limit,
                        q.offset, [](const Statement& s) { return ReadReport(s); });
}

std::vector<Reporter> SqlTransaction::Reporters(const Unit& within, const std::string& of,
                                                const std::string& kind, const std::string& period,
                                                const Scope& scope) {
  const auto [lo, hi] = PathRange(within.path);
  std::string sql;
  SqlFilter in_scope;
  if (of == "teams") {
    in_scope = ScopeFilter(scope, "u.path", "t.id");
    sql = std::string("SELECT u.id, u.path, t.id, t.name, ") + kReportColumns +
          " FROM team t JOIN unit u ON u.id = t.unit_id "
          "LEFT JOIN report r ON r.team_id = t.id AND r.kind = ? AND r.period = ? "
          "WHERE t.status = 'active' AND u.path >= ? AND u.path < ? AND " +
          in_scope.sql + " ORDER BY t.sort_key, t.id";
  } else {
    in_scope = ScopeFilter(scope, "u.path", "");
    // The unit's own report: the one without a team.
    sql = std::string("SELECT u.id, u.path, NULL, u.name, ") + kReportColumns +
          " FROM unit u LEFT JOIN report r ON r.unit_id = u.id AND r.team_id IS NULL "
          "AND r.kind = ? AND r.period = ? "
          "WHERE u.kind = ? AND u.valid_to IS NULL AND u.path > ? AND u.path < ? AND " +
          in_scope.sql + " ORDER BY u.sort_key, u.id";
  }
  // kReportColumns reads the report's unit path as u.path: the reporter's own, the same.
  Statement s = db_.Prepare(sql);
  s.Bind(1, kind).Bind(2, period);
  int next = 3;
  if (of != "teams") s.Bind(next++, of == "districts" ? "district" : "commune");
  s.Bind(next, lo).Bind(next + 1, hi);
  in_scope.Bind(s, next + 2);
  std::vector<Reporter> out;
  while (s.Step()) {
    Reporter r;
    r.unit_id = s.Int(0);
    r.unit_path = s.Text(1);
    r.team_id = s.OptInt(2);
    r.name = s.Text(3);
    if (!s.IsNull(4)) r.report = ReadReport(s, 4);
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
