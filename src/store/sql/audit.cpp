// The audit trail: appended in the same transaction as the change it records; never edited
// (triggers in migration 0002 refuse UPDATE and DELETE).
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

void SqlTransaction::AppendAudit(const AuditEntry& e) {
  Run(db_,
      "INSERT INTO audit (at, account_id, username, address, action, entity_type, entity_id, "
      "team_id, unit_path, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      OwnOrNow(e.at), e.account_id, e.username, e.address, e.action, e.entity_type, e.entity_id,
      e.team_id, e.unit_path, e.before_json, e.after_json);
}

Page<AuditEntry> SqlTransaction::ListAudit(const AuditQuery& q) {
  const SqlFilter in_scope = ScopeFilter(q.scope, "unit_path", "team_id");
  SqlFilter where{" FROM audit WHERE " + in_scope.sql, in_scope.args};
  if (q.entity_type && q.entity_id) {
    if (*q.entity_type == "team") {
      where.And({"((entity_type = 'team' AND entity_id = ?) OR team_id = ?)",
                 {*q.entity_id, *q.entity_id}});
    } else {
      where.And({"entity_type = ? AND entity_id = ?", {*q.entity_type, *q.entity_id}});
    }
  }
  if (q.within_unit_path) {
    // The unit's subtree today, and where what it holds was filed before.
    Scope within;
    within.unit_paths.push_back(*q.within_unit_path);
    within.unit_paths.insert(within.unit_paths.end(), q.within_history_paths.begin(),
                             q.within_history_paths.end());
    within.single_unit_paths = q.within_history_units;
    where.And(ScopeFilter(within, "unit_path", ""));
  }
  where.AndIf("at >= ?", q.from).AndIf("at <= ?", q.to);
  return PageOf<AuditEntry>(
      "id, at, account_id, username, address, action, entity_type, entity_id, team_id, unit_path, "
      "before, after",
      where, "id DESC", q.limit, q.offset, [](const Statement& s) {
        AuditEntry e;
        Columns(s) >> e.id >> e.at >> e.account_id >> e.username >> e.address >> e.action >>
            e.entity_type >> e.entity_id >> e.team_id >> e.unit_path >> e.before_json >>
            e.after_json;
        return e;
      });
}

}  // namespace cnscd::store::sql
