#pragma once
// Appends to the audit trail inside the caller's transaction, so the record and the change
// commit or roll back together.
#include <optional>
#include <string_view>

#include "app/context.hpp"
#include "app/snapshot.hpp"

namespace cnscd::app {

struct AuditSubject {
  std::string_view entity_type;  // unit, team, membership, person, policy, account, grant, ...
  store::Id entity_id = 0;
  std::string unit_path;             // where it sits, for scoped reading ("/" for accounts)
  std::optional<store::Id> team_id;  // also found under this team
};

void Audit(store::Transaction& tx, const Context& ctx, const Caller& caller,
           std::string_view action, const AuditSubject& subject, const std::optional<Json>& before,
           const std::optional<Json>& after);

}  // namespace cnscd::app
