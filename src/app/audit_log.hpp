#pragma once
// Reading the audit trail: who changed what, when, from where. Reading only: the trail is
// append-only (written by app/audit inside each change's transaction).
#include <optional>
#include <string>

#include "app/context.hpp"

namespace cnscd::app {

struct AuditLogQuery {
  std::optional<std::string> entity;  // "TYPE:ID", e.g. "team:12" (a team: also its members)
  std::optional<store::Id> unit_id;   // entries within this unit's subtree
  std::optional<std::string> from;    // YYYY-MM-DD (Vietnam day) or timestamp, inclusive
  std::optional<std::string> to;      // a date means the end of that day
  int limit = 100;
  int offset = 0;
};

// Entries the caller may read (ability kReadAudit), newest first. 403 for callers without the
// ability anywhere, or when the entity (a unit or team) or unit lies outside their scope; 400
// bad_query for a malformed entity, from or to.
store::Page<store::AuditEntry> ListAudit(Context& ctx, const Caller& caller,
                                         const AuditLogQuery& query);

}  // namespace cnscd::app
