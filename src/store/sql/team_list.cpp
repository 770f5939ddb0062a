// Form 2 rows (seed 001, Mẫu 2): current members of the active teams of a subtree, each with
// the commune its team belongs to.
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

std::vector<TeamListRow> SqlTransaction::TeamList(const Unit& within, const Scope& scope) {
  const auto [lo, hi] = PathRange(within.path);
  const SqlFilter in_scope = ScopeFilter(scope, "u.path", "t.id");
  // A commune-level team sits on its commune; a village team's commune is its village's parent.
  Statement s = db_.Prepare(
      std::string("SELECT ") + kTeamColumns +
      ", c.id, c.code, c.name, c.kind, c.subkind, c.parent_id, c.path, c.valid_from, c.valid_to, "
      "m.id, m.team_id, m.role, m.since, m.until, p.id, p.full_name, p.phone, p.zalo, "
      "p.occupation, p.gender, p.birth_year "
      "FROM membership m JOIN person p ON p.id = m.person_id "
      "JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id "
      "JOIN unit c ON c.id = CASE WHEN u.kind = 'commune' THEN u.id ELSE u.parent_id END "
      "WHERE m.until IS NULL AND t.status = 'active' AND u.path >= ? AND u.path < ? AND " +
      in_scope.sql +
      " ORDER BY c.sort_key, c.id, t.sort_key, t.id, CASE m.role WHEN 'leader' THEN 0 "
      "WHEN 'deputy' THEN 1 WHEN 'member' THEN 2 ELSE 3 END, p.sort_key, m.id");
  s.BindAll(lo, hi);
  in_scope.Bind(s, 3);
  std::vector<TeamListRow> out;
  while (s.Step()) {
    TeamListRow row;
    Columns(s) >> row.team >> row.commune >> row.membership;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace cnscd::store::sql
