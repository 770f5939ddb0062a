#include "app/audit.hpp"

namespace cnscd::app {

void Audit(store::Transaction& tx, const Context& ctx, const Caller& caller,
           std::string_view action, const AuditSubject& subject, const std::optional<Json>& before,
           const std::optional<Json>& after) {
  store::AuditEntry e;
  e.at = ctx.NowTimestamp();
  e.account_id = caller.audit_account();
  e.username = caller.username;
  e.address = caller.address;
  e.action = std::string(action);
  e.entity_type = std::string(subject.entity_type);
  e.entity_id = subject.entity_id;
  e.team_id = subject.team_id;
  e.unit_path = subject.unit_path;
  if (before) e.before_json = before->dump();
  if (after) e.after_json = after->dump();
  tx.AppendAudit(e);
}

}  // namespace cnscd::app
