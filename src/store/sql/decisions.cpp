// Decisions of the commune chairman (seed 001 Form 1), each with its frozen snapshot.
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

namespace {
constexpr const char* kDecisionColumns =
    "d.id, d.commune_id, d.number, d.date, d.signer, d.kind, d.snapshot, d.created_by, "
    "d.created_at";
// Lists leave the snapshot out: it may hold hundreds of members per decision.
constexpr const char* kDecisionListColumns =
    "d.id, d.commune_id, d.number, d.date, d.signer, d.kind, '', d.created_by, d.created_at";

Decision ReadDecision(const Statement& s) {
  Decision d;
  d.id = s.Int(0);
  d.commune_id = s.Int(1);
  d.number = s.Text(2);
  d.date = s.Text(3);
  d.signer = s.Text(4);
  d.kind = s.Text(5);
  d.snapshot_json = s.Text(6);
  d.created_by = s.OptInt(7);
  d.created_at = s.Text(8);
  return d;
}
}  // namespace

Decision SqlTransaction::InsertDecision(const Decision& d) {
  Statement s = db_.Prepare(
      "INSERT INTO decision (commune_id, number, date, signer, kind, snapshot, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  Decision out = d;
  if (out.created_at.empty()) out.created_at = Now();
  s.Bind(1, d.commune_id).Bind(2, d.number).Bind(3, d.date).Bind(4, d.signer).Bind(5, d.kind);
  s.Bind(6, d.snapshot_json).Bind(7, d.created_by).Bind(8, out.created_at);
  s.Run();
  out.id = db_.LastInsertId();
  return out;
}

std::optional<Decision> SqlTransaction::FindDecision(Id id) {
  Statement s =
      db_.Prepare(std::string("SELECT ") + kDecisionColumns + " FROM decision d WHERE d.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadDecision(s);
}

std::optional<Decision> SqlTransaction::FindDecisionByNumber(Id commune_id,
                                                             const std::string& number,
                                                             const std::string& date) {
  Statement s = db_.Prepare(std::string("SELECT ") + kDecisionColumns +
                            " FROM decision d WHERE d.commune_id = ? AND d.number = ? AND "
                            "d.date = ?");
  s.Bind(1, commune_id).Bind(2, number).Bind(3, date);
  if (!s.Step()) return std::nullopt;
  return ReadDecision(s);
}

Page<Decision> SqlTransaction::ListDecisions(const Scope& scope, std::optional<Id> commune_id,
                                             int limit, int offset) {
  const SqlFilter in_scope = ScopeFilter(scope, "u.path", "");
  // "? IS NULL OR …" keeps one prepared plan for both forms.
  const std::string where =
      " FROM decision d JOIN unit u ON u.id = d.commune_id "
      "WHERE (CAST(? AS BIGINT) IS NULL OR d.commune_id = ?) AND " +
      in_scope.sql;
  auto bind = [&](Statement& s) {
    s.Bind(1, commune_id).Bind(2, commune_id);
    return in_scope.Bind(s, 3);
  };
  Page<Decision> page;
  {
    Statement c = db_.Prepare("SELECT count(*)" + where);
    bind(c);
    c.Step();
    page.total = c.Int(0);
  }
  Statement s = db_.Prepare(std::string("SELECT ") + kDecisionListColumns + where +
                            " ORDER BY d.date DESC, d.id DESC LIMIT ? OFFSET ?");
  const int next = bind(s);
  s.Bind(next, limit).Bind(next + 1, offset);
  while (s.Step()) page.items.push_back(ReadDecision(s));
  return page;
}

}  // namespace cnscd::store::sql
