// Accounts, grants, sessions and login throttling.
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

namespace {
constexpr const char* kAccountColumns =
    "a.id, a.username, a.password_hash, a.full_name, a.disabled, a.created_by";

Account ReadAccount(const Statement& s) {
  return Account{s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Int(4) != 0, s.OptInt(5)};
}
}  // namespace

std::optional<Account> SqlTransaction::FindAccountByUsername(const std::string& username) {
  Statement s = db_.Prepare(std::string("SELECT ") + kAccountColumns +
                            " FROM account a WHERE a.username = ?");
  s.Bind(1, username);
  if (!s.Step()) return std::nullopt;
  return ReadAccount(s);
}

std::optional<Account> SqlTransaction::FindAccount(Id id) {
  Statement s =
      db_.Prepare(std::string("SELECT ") + kAccountColumns + " FROM account a WHERE a.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadAccount(s);
}

Account SqlTransaction::InsertAccount(const Account& a) {
  Statement s = db_.Prepare(
      "INSERT INTO account (username, password_hash, full_name, disabled, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  s.Bind(1, a.username).Bind(2, a.password_hash).Bind(3, a.full_name);
  s.Bind(4, a.disabled ? 1 : 0).Bind(5, a.created_by).Bind(6, Now());
  s.Run();
  Account out = a;
  out.id = db_.LastInsertId();
  return out;
}

void SqlTransaction::UpdatePasswordHash(Id account_id, const std::string& hash) {
  Statement s = db_.Prepare("UPDATE account SET password_hash = ? WHERE id = ?");
  s.Bind(1, hash).Bind(2, account_id);
  s.Run();
}

void SqlTransaction::SetDisabled(Id account_id, bool disabled) {
  Statement s = db_.Prepare("UPDATE account SET disabled = ? WHERE id = ?");
  s.Bind(1, disabled ? 1 : 0).Bind(2, account_id);
  s.Run();
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
    s.Bind(1, scope.everything ? 1 : 0).Bind(2, created_by).Bind(3, scope.everything ? 1 : 0);
    return in_scope.Bind(s, 4);
  };
  Page<Account> page;
  {
    Statement c = db_.Prepare("SELECT count(*)" + where);
    bind(c);
    c.Step();
    page.total = c.Int(0);
  }
  Statement s = db_.Prepare(std::string("SELECT ") + kAccountColumns + where +
                            " ORDER BY a.username LIMIT ? OFFSET ?");
  const int next = bind(s);
  s.Bind(next, limit).Bind(next + 1, offset);
  while (s.Step()) page.items.push_back(ReadAccount(s));
  return page;
}

Grant SqlTransaction::InsertGrant(Id account_id, const Grant& g) {
  Statement s =
      db_.Prepare("INSERT INTO grant_ (account_id, role, unit_id, team_id) VALUES (?, ?, ?, ?)");
  s.Bind(1, account_id).Bind(2, g.role).Bind(3, g.unit_id).Bind(4, g.team_id);
  s.Run();
  Grant out = g;
  out.id = db_.LastInsertId();
  out.account_id = account_id;
  return out;
}

std::optional<Grant> SqlTransaction::FindGrant(Id grant_id) {
  Statement s =
      db_.Prepare("SELECT role, unit_id, team_id, id, account_id FROM grant_ WHERE id = ?");
  s.Bind(1, grant_id);
  if (!s.Step()) return std::nullopt;
  return Grant{s.Text(0), s.OptInt(1), s.OptInt(2), s.Int(3), s.Int(4)};
}

void SqlTransaction::DeleteGrant(Id grant_id) {
  Statement s = db_.Prepare("DELETE FROM grant_ WHERE id = ?");
  s.Bind(1, grant_id);
  s.Run();
}

std::vector<Grant> SqlTransaction::Grants(Id account_id) {
  Statement s = db_.Prepare(
      "SELECT role, unit_id, team_id, id, account_id FROM grant_ WHERE account_id = ? ORDER BY id");
  s.Bind(1, account_id);
  std::vector<Grant> out;
  while (s.Step()) out.push_back({s.Text(0), s.OptInt(1), s.OptInt(2), s.Int(3), s.Int(4)});
  return out;
}

void SqlTransaction::InsertToken(Id account_id, const std::string& token_hash,
                                 const std::string& expires_at) {
  Statement s = db_.Prepare(
      "INSERT INTO token (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)");
  s.Bind(1, token_hash).Bind(2, account_id).Bind(3, Now()).Bind(4, expires_at);
  s.Run();
}

std::optional<Id> SqlTransaction::FindTokenAccount(const std::string& token_hash,
                                                   const std::string& now) {
  Statement s = db_.Prepare(
      "SELECT t.account_id FROM token t JOIN account a ON a.id = t.account_id "
      "WHERE t.token_hash = ? AND t.expires_at > ? AND a.disabled = 0");
  s.Bind(1, token_hash).Bind(2, now);
  if (!s.Step()) return std::nullopt;
  return s.Int(0);
}

void SqlTransaction::DeleteToken(const std::string& token_hash) {
  Statement s = db_.Prepare("DELETE FROM token WHERE token_hash = ?");
  s.Bind(1, token_hash);
  s.Run();
}

void SqlTransaction::DeleteTokensOf(Id account_id, const std::string& keep) {
  Statement s = db_.Prepare("DELETE FROM token WHERE account_id = ? AND token_hash <> ?");
  s.Bind(1, account_id).Bind(2, keep);
  s.Run();
}

void SqlTransaction::RecordLoginFailure(const std::string& key, const std::string& at) {
  Statement s = db_.Prepare("INSERT INTO login_failure (key, failed_at) VALUES (?, ?)");
  s.Bind(1, key).Bind(2, at);
  s.Run();
}

int SqlTransaction::CountLoginFailures(const std::string& key, const std::string& since) {
  Statement s = db_.Prepare("SELECT count(*) FROM login_failure WHERE key = ? AND failed_at >= ?");
  s.Bind(1, key).Bind(2, since);
  s.Step();
  return static_cast<int>(s.Int(0));
}

void SqlTransaction::ClearLoginFailures(const std::string& key) {
  Statement s = db_.Prepare("DELETE FROM login_failure WHERE key = ?");
  s.Bind(1, key);
  s.Run();
}

}  // namespace cnscd::store::sql
