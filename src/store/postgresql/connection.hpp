#pragma once
// The PostgreSQL driver of the store's SQL (libpq): one connection, its statements prepared once
// on the server (PQprepare) and cached, parameters sent as text with their types inferred by the
// server from where they are used. Errors become exceptions carrying the server's message.
#include <libpq-fe.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql/statement.hpp"

namespace cnscd::store::postgresql {

class PgCursor;

class PgConnection final : public sql::Connection {
 public:
  explicit PgConnection(const std::string& url);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection() override;

  sql::Statement Prepare(std::string_view sql) override;
  void Exec(const std::string& sql) override;
  std::int64_t LastInsertId() override;
  std::int64_t Changes() override { return changes_; }
  // Writers take one transaction-scoped advisory lock: one writer at a time on the database, in
  // every process, as on SQLite. Readers see one snapshot (REPEATABLE READ).
  void Begin(Access access) override;
  void Commit() override { Exec("COMMIT"); }
  void Rollback() override { Exec("ROLLBACK"); }

  // Reconnects when the server dropped the connection (a restart); prepared statements go with it.
  void Revive();
  // A query's single value as text ("" when NULL or no row).
  std::string Value(const std::string& sql);

  PGconn* handle() const { return conn_; }
  void SetChanges(std::int64_t n) { changes_ = n; }

 private:
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<PgCursor>> cache_;
  std::int64_t changes_ = 0;
  int next_name_ = 0;
};

// The advisory lock key of writers ("cnscd" in ASCII) and of migrations.
inline constexpr std::int64_t kWriterLock = 0x636e736364;
inline constexpr std::int64_t kMigrationLock = 0x636e736365;

}  // namespace cnscd::store::postgresql
