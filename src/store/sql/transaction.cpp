// The transaction's units, teams and people, and the scope filter every list shares.
#include "store/sql/transaction.hpp"

#include <stdexcept>

namespace cnscd::store::sql {

int SqlFilter::Bind(Statement& s, int first) const {
  for (const auto& a : args) {
    if (std::holds_alternative<std::int64_t>(a)) {
      s.Bind(first++, std::get<std::int64_t>(a));
    } else {
      s.Bind(first++, std::get<std::string>(a));
    }
  }
  return first;
}

SqlFilter ScopeFilter(const Scope& scope, std::string_view path_column,
                      std::string_view team_column) {
  SqlFilter f;
  if (scope.everything) {
    f.sql = "1 = 1";
    return f;
  }
  std::vector<std::string> parts;
  for (const std::string& p : scope.unit_paths) {
    const auto [lo, hi] = PathRange(p);
    parts.push_back("(" + std::string(path_column) + " >= ? AND " + std::string(path_column) +
                    " < ?)");
    f.args.emplace_back(lo);
    f.args.emplace_back(hi);
  }
  for (const std::string& p : scope.single_unit_paths) {
    parts.push_back(std::string(path_column) + " = ?");
    f.args.emplace_back(p);
  }
  if (!team_column.empty()) {
    for (const Id id : scope.team_ids) {
      parts.push_back(std::string(team_column) + " = ?");
      f.args.emplace_back(id);
    }
  }
  if (parts.empty()) {
    f.sql = "1 = 0";
    return f;
  }
  f.sql = "(";
  for (std::size_t i = 0; i < parts.size(); ++i) f.sql += (i ? " OR " : "") + parts[i];
  f.sql += ")";
  return f;
}

Page<Unit> SqlTransaction::ListUnits(const UnitQuery& q, const Scope& scope) {
  SqlFilter in_scope = ScopeFilter(scope, "path", "");
  if (q.on) {  // the past is read by who reaches the unit today or reached it then
    const SqlFilter now = ScopeFilter(scope, "path_now", "");
    in_scope.sql = "(" + in_scope.sql + " OR " + now.sql + ")";
    in_scope.args.insert(in_scope.args.end(), now.args.begin(), now.args.end());
  }
  // Only the filters given appear, so that the planner sees them (a parent's children come from
  // the unit_parent index); each combination is its own cached statement.
  SqlFilter where{" FROM unit WHERE valid_to IS NULL", {}};
  if (q.on) {  // the tree as it was that day: its current units and the older states
    where.sql = std::string(" FROM ") + kUnitsOn + " WHERE 1 = 1";
    where.args.assign(4, *q.on);
  }
  if (q.parent_id) {
    where.sql += " AND parent_id = ?";
    where.args.emplace_back(*q.parent_id);
  }
  if (q.kind) {
    where.sql += " AND kind = ?";
    where.args.emplace_back(std::string(ToString(*q.kind)));
  }
  if (!q.folded_text.empty()) {
    where.sql += " AND instr(name_folded, ?) > 0";
    where.args.emplace_back(q.folded_text);
  }
  if (q.valid_from) {
    where.sql += " AND coalesce(valid_from, '') = ?";
    where.args.emplace_back(*q.valid_from);
  }
  where.sql += " AND " + in_scope.sql;
  where.args.insert(where.args.end(), in_scope.args.begin(), in_scope.args.end());
  return PageOf<Unit>(kUnitColumns, where, "sort_key, id", q.limit, q.offset,
                      [](const Statement& s) { return ReadUnit(s); });
}

Page<Team> SqlTransaction::ListTeams(const Unit& within, const Scope& scope, int limit,
                                     int offset) {
  const auto [lo, hi] = PathRange(within.path);
  const SqlFilter in_scope = ScopeFilter(scope, "u.path", "t.id");
  const std::string where =
      " FROM team t JOIN unit u ON u.id = t.unit_id WHERE u.path >= ? AND u.path < ? AND " +
      in_scope.sql;
  Page<Team> page;
  {
    Statement c = db_.Prepare("SELECT count(*)" + where);
    c.Bind(1, lo).Bind(2, hi);
    in_scope.Bind(c, 3);
    c.Step();
    page.total = c.Int(0);
  }
  Statement s = db_.Prepare(std::string("SELECT ") + kTeamColumns + where +
                            " ORDER BY t.sort_key, t.id LIMIT ? OFFSET ?");
  s.Bind(1, lo).Bind(2, hi);
  const int next = in_scope.Bind(s, 3);
  s.Bind(next, limit).Bind(next + 1, offset);
  while (s.Step()) page.items.push_back(ReadTeam(s));
  return page;
}

void SqlTransaction::SetTeamEstablishedBy(Id team_id, Id decision_id) {
  Statement s = db_.Prepare("UPDATE team SET established_by = ? WHERE id = ?");
  s.Bind(1, decision_id).Bind(2, team_id);
  s.Run();
}

std::optional<Person> SqlTransaction::FindPerson(Id id) {
  Statement s = db_.Prepare(
      "SELECT id, full_name, phone, zalo, occupation, gender, birth_year FROM person WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadPerson(s, 0);
}

void SqlTransaction::UpdatePersonContacts(const Person& p) {
  Statement s = db_.Prepare("UPDATE person SET phone = ?, zalo = ?, occupation = ? WHERE id = ?");
  s.Bind(1, p.phone).Bind(2, p.zalo).Bind(3, p.occupation).Bind(4, p.id);
  s.Run();
}

}  // namespace cnscd::store::sql

namespace cnscd::store {

std::string Transaction::Now() const { return now_.empty() ? sql::NowUtc() : now_; }

}  // namespace cnscd::store
