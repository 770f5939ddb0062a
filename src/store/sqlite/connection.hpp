#pragma once
// The SQLite driver of the store's SQL: one connection (WAL, foreign keys) and its cache of
// prepared statements. Errors become exceptions.
#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql/statement.hpp"

namespace cnscd::store::sqlite {

class SqliteCursor;

class SqliteConnection final : public sql::Connection {
 public:
  explicit SqliteConnection(const std::string& path);
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection() override;

  sql::Statement Prepare(std::string_view sql) override;
  void Exec(const std::string& sql) override;
  std::int64_t LastInsertId() override { return sqlite3_last_insert_rowid(db_); }
  std::int64_t Changes() override { return sqlite3_changes(db_); }
  // Writers also queue on the pool's mutex (sqlite_store.cpp), so BEGIN IMMEDIATE never meets a
  // sibling connection's lock.
  void Begin(Access access) override {
    Exec(access == Access::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  }
  void Commit() override { Exec("COMMIT"); }
  void Rollback() override { Exec("ROLLBACK"); }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<SqliteCursor>> cache_;
};

}  // namespace cnscd::store::sqlite
