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
  r.id = s.Int(0);
  r.kind = s.Text(1);
  r.team_id = s.Int(2);
  r.state = s.Text(3);
  r.person_json = s.OptText(4);
  r.membership_id = s.OptInt(5);
  r.role = ParseRole(s.Text(6)).value_or(Role::kMember);
  r.note = s.Text(7);
  r.submitted_by = s.Int(8);
  r.submitted_at = s.Text(9);
  r.nominated_by = s.OptInt(10);
  r.nominated_at = s.OptText(11);
  r.decided_by = s.OptInt(12);
  r.decided_at = s.OptText(13);
  r.reason = s.OptText(14);
  r.result_membership_id = s.OptInt(15);
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
  Statement s = db_.Prepare(
      "INSERT INTO membership_request (kind, team_id, state, person, membership_id, role, note, "
      "submitted_by, submitted_at, nominated_by, nominated_at, decided_by, decided_at, reason, "
      "result_membership_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, r.kind).Bind(2, r.team_id).Bind(3, r.state).Bind(4, r.person_json);
  s.Bind(5, r.membership_id).Bind(6, ToString(r.role)).Bind(7, r.note).Bind(8, r.submitted_by);
  s.Bind(9, r.submitted_at).Bind(10, r.nominated_by).Bind(11, r.nominated_at);
  s.Bind(12, r.decided_by).Bind(13, r.decided_at).Bind(14, r.reason);
  s.Bind(15, r.result_membership_id);
  s.Run();
  MembershipRequest out = r;
  out.id = db_.LastInsertId();
  return out;
}

std::optional<MembershipRequest> SqlTransaction::FindRequest(Id id) {
  Statement s = db_.Prepare(std::string("SELECT ") + kRequestColumns +
                            " FROM membership_request r WHERE r.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadRequest(s);
}

void SqlTransaction::UpdateRequest(const MembershipRequest& r) {
  // What a request's life changes; kind, team, applicant and submission stay as filed.
  Statement s = db_.Prepare(
      "UPDATE membership_request SET state = ?, nominated_by = ?, nominated_at = ?, "
      "decided_by = ?, decided_at = ?, reason = ?, result_membership_id = ? WHERE id = ?");
  s.Bind(1, r.state).Bind(2, r.nominated_by).Bind(3, r.nominated_at).Bind(4, r.decided_by);
  s.Bind(5, r.decided_at).Bind(6, r.reason).Bind(7, r.result_membership_id).Bind(8, r.id);
  s.Run();
}

Page<MembershipRequest> SqlTransaction::ListRequests(const RequestQuery& q) {
  const SqlFilter in_scope = ScopeFilter(q.scope, "u.path", "r.team_id");
  std::string where =
      " FROM membership_request r JOIN team t ON t.id = r.team_id "
      "JOIN unit u ON u.id = t.unit_id WHERE " +
      in_scope.sql;
  std::vector<std::variant<std::int64_t, std::string>> args = in_scope.args;
  if (q.within_unit_path) {
    const auto [lo, hi] = PathRange(*q.within_unit_path);
    where += " AND u.path >= ? AND u.path < ?";
    args.emplace_back(lo);
    args.emplace_back(hi);
  }
  if (!q.states.empty()) {
    where += " AND r.state IN (" + Placeholders(q.states.size()) + ")";
    for (const std::string& state : q.states) args.emplace_back(state);
  }
  if (!q.team_ids.empty()) {
    where += " AND r.team_id IN (" + Placeholders(q.team_ids.size()) + ")";
    for (const Id id : q.team_ids) args.emplace_back(id);
  }
  // Newest first; ids grow with submission time.
  return PageOf<MembershipRequest>(kRequestColumns, {where, args}, "r.id DESC", q.limit, q.offset,
                                   ReadRequest);
}

}  // namespace cnscd::store::sql
