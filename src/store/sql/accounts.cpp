// Accounts, grants, sessions and login throttling.
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

namespace {
constexpr const char* kAccountColumns =
    "a.id, a.username, a.password_hash, a.full_name, a.disabled, a.created_by";

Account ReadAccount(const Statement& s) {
  Account a;
  Columns(s) >> a.id >> a.username >> a.password_hash >> a.full_name >> a.disabled >> a.created_by;
  return a;
}

constexpr const char* kGrantSelect = "SELECT role, unit_id, team_id, id, account_id FROM grant_ ";

Grant ReadGrant(const Statement& s) {
  Grant g;
  Columns(s) >> g.role >> g.unit_id >> g.team_id >> g.id >> g.account_id;
  return g;
}
}  // namespace

std::optional<Account> SqlTransaction::FindAccountByUsername(const std::string& username) {
  return FirstRow(db_,
                  std::string("SELECT ") + kAccountColumns + " FROM account a WHERE a.username = ?",
                  ReadAccount, username);
}

std::optional<Account> SqlTransaction::FindAccount(Id id) {
  return FirstRow(db_, std::string("SELECT ") + kAccountColumns + " FROM account a WHERE a.id = ?",
                  ReadAccount, id);
}

Account SqlTransaction::InsertAccount(const Account& a) {
  Run(db_,
      "INSERT INTO account (username, password_hash, full_name, disabled, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      a.username, a.password_hash, a.full_name, a.disabled ? 1 : 0, a.created_by, Now());
  Account out = a;
  out.id = db_.LastInsertId();
  return out;
}

void SqlTransaction::UpdatePasswordHash(Id account_id, const std::string& hash) {
  Run(db_, "UPDATE account SET password_hash = ? WHERE id = ?", hash, account_id);
}

void SqlTransaction::SetDisabled(Id account_id, bool disabled) {
  Run(db_, "UPDATE account SET disabled = ? WHERE id = ?", disabled ? 1 : 0, account_id);
}

Page<Account> SqlTransaction::ListAccounts(const Scope& scope, Id created_by, int limit,
                                           int offset) {
  // A grant's place: its unit's path, or its team's unit's path.
  const SqlFilter in_scope = ScopeFilter(scope, "coalesce(gu.path, tu.path)", "g.team_id");
  const std::string where =
      " FROM account a WHERE ? OR a.created_by = ? OR EXISTS (SELECT 1 FROM grant_ g "
      "LEFT JOIN unit gu ON gu.id = g.unit_id LEFT JOIN team t ON t.id = g.team_id "
      "LEFT JOIN unit tu ON tu.id = t.unit_id WHERE g.account_id = a.id AND "
      "(g.role <> 'admin' OR ?) AND " +
      in_scope.sql + ")";
  auto bind = [&](Statement& s) {
    const int everything = scope.everything ? 1 : 0;
    s.BindAll(everything, created_by, everything);
    return in_scope.Bind(s, 4);
  };
  return PageOf<Account>(kAccountColumns, where, bind, "a.username", limit, offset, ReadAccount);
}

Grant SqlTransaction::InsertGrant(Id account_id, const Grant& g) {
  Run(db_, "INSERT INTO grant_ (account_id, role, unit_id, team_id) VALUES (?, ?, ?, ?)",
      account_id, g.role, g.unit_id, g.team_id);
  Grant out = g;
  out.id = db_.LastInsertId();
  out.account_id = account_id;
  return out;
}

std::optional<Grant> SqlTransaction::FindGrant(Id grant_id) {
  return FirstRow(db_, std::string(kGrantSelect) + "WHERE id = ?", ReadGrant, grant_id);
}

void SqlTransaction::DeleteGrant(Id grant_id) {
  Run(db_, "DELETE FROM grant_ WHERE id = ?", grant_id);
}

std::vector<Grant> SqlTransaction::Grants(Id account_id) {
  return AllRows(db_, std::string(kGrantSelect) + "WHERE account_id = ? ORDER BY id", ReadGrant,
                 account_id);
}

void SqlTransaction::InsertToken(Id account_id, const std::string& token_hash,
                                 const std::string& expires_at) {
  Run(db_, "INSERT INTO token (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
      token_hash, account_id, Now(), expires_at);
}

std::optional<Id> SqlTransaction::FindTokenAccount(const std::string& token_hash,
                                                   const std::string& now) {
  return FirstRow(
      db_,
      "SELECT t.account_id FROM token t JOIN account a ON a.id = t.account_id "
      "WHERE t.token_hash = ? AND t.expires_at > ? AND a.disabled = 0",
      [](const Statement& s) { return s.Int(0); }, token_hash, now);
}

void SqlTransaction::DeleteToken(const std::string& token_hash) {
  Run(db_, "DELETE FROM token WHERE token_hash = ?", token_hash);
}

void SqlTransaction::DeleteTokensOf(Id account_id, const std::string& keep) {
  Run(db_, "DELETE FROM token WHERE account_id = ? AND token_hash <> ?", account_id, keep);
}

void SqlTransaction::RecordLoginFailure(const std::string& key, const std::string& at) {
  Run(db_, "INSERT INTO login_failure (key, failed_at) VALUES (?, ?)", key, at);
}

int SqlTransaction::CountLoginFailures(const std::string& key, const std::string& since) {
  return static_cast<int>(Count(
      db_, "SELECT count(*) FROM login_failure WHERE key = ? AND failed_at >= ?", key, since));
}

void SqlTransaction::ClearLoginFailures(const std::string& key) {
  Run(db_, "DELETE FROM login_failure WHERE key = ?", key);
}

}  // namespace cnscd::store::sql
