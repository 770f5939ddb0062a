// Join and leave requests (seed 002 §3.1.4).
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

namespace {

constexpr const char* kRequestColumns =
    "r.id, r.kind, r.team_id, r.state, r.person, r.membership_id, r.role, r.note, "
    "r.submitted_by, r.submitted_at, r.nominated_by, r.nominated_at, r.decided_by, r.decided_at, "
    "r.reason, r.result_membership_id";

MembershipRequest ReadRequest(const Statement& s) {
  MembershipRequest r;
  Columns(s) >> r.id >> r.kind >> r.team_id >> r.state >> r.person_json >> r.membership_id >>
      r.role >> r.note >> r.submitted_by >> r.submitted_at >> r.nominated_by >> r.nominated_at >>
      r.decided_by >> r.decided_at >> r.reason >> r.result_membership_id;
  return r;
}

// "?, ?, ?" for n values.
std::string Placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace

MembershipRequest SqlTransaction::InsertRequest(const MembershipRequest& r) {
  Run(db_,
      "INSERT INTO membership_request (kind, team_id, state, person, membership_id, role, note, "
      "submitted_by, submitted_at, nominated_by, nominated_at, decided_by, decided_at, reason, "
      "result_membership_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      r.kind, r.team_id, r.state, r.person_json, r.membership_id, ToString(r.role), r.note,
      r.submitted_by, r.submitted_at, r.nominated_by, r.nominated_at, r.decided_by, r.decided_at,
      r.reason, r.result_membership_id);
  MembershipRequest out = r;
  out.id = db_.LastInsertId();
  return out;
}

std::optional<MembershipRequest> SqlTransaction::FindRequest(Id id) {
  return FirstRow(
      db_, std::string("SELECT ") + kRequestColumns + " FROM membership_request r WHERE r.id = ?",
      ReadRequest, id);
}

void SqlTransaction::UpdateRequest(const MembershipRequest& r) {
  // What a request's life changes; kind, team, applicant and submission stay as filed.
  Run(db_,
      "UPDATE membership_request SET state = ?, nominated_by = ?, nominated_at = ?, "
      "decided_by = ?, decided_at = ?, reason = ?, result_membership_id = ? WHERE id = ?",
      r.state, r.nominated_by, r.nominated_at, r.decided_by, r.decided_at, r.reason,
      r.result_membership_id, r.id);
}

Page<MembershipRequest> SqlTransaction::ListRequests(const RequestQuery& q) {
  const SqlFilter in_scope = ScopeFilter(q.scope, "u.path", "r.team_id");
  SqlFilter where{
      " FROM membership_request r JOIN team t ON t.id = r.team_id "
      "JOIN unit u ON u.id = t.unit_id WHERE " +
          in_scope.sql,
      in_scope.args};
  where.AndWithin("u.path", q.within_unit_path);
  if (!q.states.empty()) {
    where.sql += " AND r.state IN (" + Placeholders(q.states.size()) + ")";
    for (const std::string& state : q.states) where.args.emplace_back(state);
  }
  if (!q.team_ids.empty()) {
    where.sql += " AND r.team_id IN (" + Placeholders(q.team_ids.size()) + ")";
    for (const Id id : q.team_ids) where.args.emplace_back(id);
  }
  // Newest first; ids grow with submission time.
  return PageOf<MembershipRequest>(kRequestColumns, where, "r.id DESC", q.limit, q.offset,
                                   ReadRequest);
}

}  // namespace cnscd::store::sql
