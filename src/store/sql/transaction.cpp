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

SqlFilter& SqlFilter::And(const SqlFilter& other) {
  sql += " AND " + other.sql;
  args.insert(args.end(), other.args.begin(), other.args.end());
  return *this;
}

SqlFilter& SqlFilter::AndWithin(std::string_view path_column,
                                const std::optional<std::string>& path) {
  if (path) {
    const auto [lo, hi] = PathRange(*path);
    sql += " AND " + std::string(path_column) + " >= ? AND " + std::string(path_column) + " < ?";
    args.emplace_back(lo);
    args.emplace_back(hi);
  }
  return *this;
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

SqlFilter FieldWorkFilter(const std::string& from, const std::string& alias,
                          const FieldWorkQuery& q, const std::string& kind_column,
                          const std::optional<std::string>& kind) {
  const SqlFilter in_scope = ScopeFilter(q.scope, "u.path", alias + ".team_id");
  SqlFilter f{from + " WHERE " + in_scope.sql, in_scope.args};
  f.AndWithin("u.path", q.within_unit_path)
      .AndIf(alias + ".team_id = ?", q.team_id)
      .AndIf(alias + "." + kind_column + " = ?", kind)
      .AndIf(alias + ".date >= ?", q.from)
      .AndIf(alias + ".date <= ?", q.to);
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
  where.AndIf("parent_id = ?", q.parent_id);
  if (q.kind) {
    where.sql += " AND kind = ?";
    where.args.emplace_back(std::string(ToString(*q.kind)));
  }
  if (!q.folded_text.empty()) {
    where.sql += " AND instr(name_folded, ?) > 0";
    where.args.emplace_back(q.folded_text);
  }
  where.AndIf("coalesce(valid_from, '') = ?", q.valid_from).And(in_scope);
  return PageOf<Unit>(kUnitColumns, where, "sort_key, id", q.limit, q.offset, ReadRow<Unit>);
}

Page<Team> SqlTransaction::ListTeams(const Unit& within, const Scope& scope, int limit,
                                     int offset) {
  const SqlFilter in_scope = ScopeFilter(scope, "u.path", "t.id");
  const std::string where =
      " FROM team t JOIN unit u ON u.id = t.unit_id WHERE u.path >= ? AND u.path < ? AND " +
      in_scope.sql;
  const auto range = PathRange(within.path);
  auto bind = [&](Statement& s) {
    s.BindAll(range.first, range.second);
    return in_scope.Bind(s, 3);
  };
  return PageOf<Team>(kTeamColumns, where, bind, "t.sort_key, t.id", limit, offset, ReadRow<Team>);
}

void SqlTransaction::SetTeamEstablishedBy(Id team_id, Id decision_id) {
  Run(db_, "UPDATE team SET established_by = ? WHERE id = ?", decision_id, team_id);
}

std::optional<Person> SqlTransaction::FindPerson(Id id) {
  return FirstRow(db_, std::string("SELECT ") + kPersonColumns + " FROM person WHERE id = ?",
                  ReadRow<Person>, id);
}

void SqlTransaction::UpdatePersonContacts(const Person& p) {
  Run(db_, "UPDATE person SET phone = ?, zalo = ?, occupation = ? WHERE id = ?", p.phone, p.zalo,
      p.occupation, p.id);
}

}  // namespace cnscd::store::sql

namespace cnscd::store {

std::string Transaction::Now() const { return now_.empty() ? sql::NowUtc() : now_; }

}  // namespace cnscd::store
