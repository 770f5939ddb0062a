// The audit trail: appended in the same transaction as the change it records; never edited
// (triggers in migration 0002 refuse UPDATE and DELETE).
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

void SqlTransaction::AppendAudit(const AuditEntry& e) {
  Statement s = db_.Prepare(
      "INSERT INTO audit (at, account_id, username, address, action, entity_type, entity_id, "
      "team_id, unit_path, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, e.at.empty() ? Now() : e.at).Bind(2, e.account_id).Bind(3, e.username);
  s.Bind(4, e.address).Bind(5, e.action).Bind(6, e.entity_type).Bind(7, e.entity_id);
  s.Bind(8, e.team_id).Bind(9, e.unit_path).Bind(10, e.before_json).Bind(11, e.after_json);
  s.Run();
}

Page<AuditEntry> SqlTransaction::ListAudit(const AuditQuery& q) {
  const SqlFilter in_scope = ScopeFilter(q.scope, "unit_path", "team_id");
  std::string where = " FROM audit WHERE " + in_scope.sql;
  std::vector<std::variant<std::int64_t, std::string>> args = in_scope.args;
  if (q.entity_type && q.entity_id) {
    if (*q.entity_type == "team") {
      where += " AND ((entity_type = 'team' AND entity_id = ?) OR team_id = ?)";
      args.emplace_back(*q.entity_id);
      args.emplace_back(*q.entity_id);
    } else {
      where += " AND entity_type = ? AND entity_id = ?";
      args.emplace_back(*q.entity_type);
      args.emplace_back(*q.entity_id);
    }
  }
  if (q.within_unit_path) {
    // The unit's subtree today, and where what it holds was filed before.
    Scope within;
    within.unit_paths.push_back(*q.within_unit_path);
    within.unit_paths.insert(within.unit_paths.end(), q.within_history_paths.begin(),
                             q.within_history_paths.end());
    within.single_unit_paths = q.within_history_units;
    const SqlFilter f = ScopeFilter(within, "unit_path", "");
    where += " AND " + f.sql;
    args.insert(args.end(), f.args.begin(), f.args.end());
  }
  if (q.from) {
    where += " AND at >= ?";
    args.emplace_back(*q.from);
  }
  if (q.to) {
    where += " AND at <= ?";
    args.emplace_back(*q.to);
  }
  return PageOf<AuditEntry>(
      "id, at, account_id, username, address, action, entity_type, entity_id, team_id, unit_path, "
      "before, after",
      {where, args}, "id DESC", q.limit, q.offset, [](const Statement& s) {
        return AuditEntry{s.Int(0),    s.Text(1), s.OptInt(2),   s.Text(3),
                          s.Text(4),   s.Text(5), s.Text(6),     s.Int(7),
                          s.OptInt(8), s.Text(9), s.OptText(10), s.OptText(11)};
      });
}

}  // namespace cnscd::store::sql
