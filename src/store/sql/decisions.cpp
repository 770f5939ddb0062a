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
  Columns(s) >> d.id >> d.commune_id >> d.number >> d.date >> d.signer >> d.kind >>
      d.snapshot_json >> d.created_by >> d.created_at;
  return d;
}
}  // namespace

Decision SqlTransaction::InsertDecision(const Decision& d) {
  Decision out = d;
  out.created_at = OwnOrNow(d.created_at);
  Run(db_,
      "INSERT INTO decision (commune_id, number, date, signer, kind, snapshot, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      d.commune_id, d.number, d.date, d.signer, d.kind, d.snapshot_json, d.created_by,
      out.created_at);
  out.id = db_.LastInsertId();
  return out;
}

std::optional<Decision> SqlTransaction::FindDecision(Id id) {
  return FirstRow(db_,
                  std::string("SELECT ") + kDecisionColumns + " FROM decision d WHERE d.id = ?",
                  ReadDecision, id);
}

std::optional<Decision> SqlTransaction::FindDecisionByNumber(Id commune_id,
                                                             const std::string& number,
                                                             const std::string& date) {
  return FirstRow(db_,
                  std::string("SELECT ") + kDecisionColumns +
                      " FROM decision d WHERE d.commune_id = ? AND d.number = ? AND d.date = ?",
                  ReadDecision, commune_id, number, date);
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
    s.BindAll(commune_id, commune_id);
    return in_scope.Bind(s, 3);
  };
  return PageOf<Decision>(kDecisionListColumns, where, bind, "d.date DESC, d.id DESC", limit,
                          offset, ReadDecision);
}

}  // namespace cnscd::store::sql
