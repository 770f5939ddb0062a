// The Store on PostgreSQL: a pool of libpq connections per process, the same SQL as SQLite
// (store/sql), its own schema files (migrations/postgresql). Several `cnscd serve` processes may
// share one database: nothing is cached in a process that another could contradict, writers
// exclude each other with one advisory lock, and migrations run under another.
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include "store/migrations/migrations.hpp"
#include "store/postgresql/connection.hpp"
#include "store/sql/transaction.hpp"

namespace cnscd::store {
namespace postgresql {
namespace {

// Unit paths are compared bytewise ('/1/2/' < '/1/20'): a database whose default collation is
// not C would order them by a language's rules and lose subtrees.
void RequireBytewiseCollation(PgConnection& db) {
  const std::string collation =
      db.Value("SELECT datcollate FROM pg_database WHERE datname = current_database()");
  if (collation == "C" || collation == "POSIX" || collation.rfind("C.", 0) == 0) return;
  throw std::runtime_error(
      "Cơ sở dữ liệu PostgreSQL phải dùng collation C (LC_COLLATE '" + collation +
      "' không dùng được): CREATE DATABASE cnscd TEMPLATE template0 ENCODING 'UTF8' "
      "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'. / The PostgreSQL database must use the C "
      "collation (found '" +
      collation +
      "'): CREATE DATABASE cnscd TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' "
      "LC_CTYPE 'C.UTF-8'.");
}

void Migrate(PgConnection& db) {
  // One process migrates at a time; the others wait, then find nothing left to do.
  db.Exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLock) + ")");
  try {
    db.Exec("BEGIN");
    db.Exec(
        "CREATE TABLE IF NOT EXISTS schema_migration (version BIGINT PRIMARY KEY, "
        "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    const std::int64_t current =
        std::stoll("0" + db.Value("SELECT max(version) FROM schema_migration"));
    for (const Migration& m : PostgresMigrations()) {
      if (m.version <= current) continue;
      db.Exec(std::string(m.sql));
      sql::Statement s =
          db.Prepare("INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)");
      s.Bind(1, static_cast<std::int64_t>(m.version)).Bind(2, m.name).Bind(3, sql::NowUtc());
      s.Run();
    }
    db.Exec("COMMIT");
  } catch (...) {
    try {
      db.Exec("ROLLBACK");
    } catch (...) {  // the connection is gone: the server rolled back already
    }
    db.Exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLock) + ")");
    throw;
  }
  db.Exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLock) + ")");
}

class Pool final : public Store {
 public:
  Pool(const std::string& url, int size) {
    for (int i = 0; i < size; ++i) {
      connections_.push_back(std::make_unique<PgConnection>(url));
      free_.push_back(connections_.back().get());
    }
    RequireBytewiseCollation(*connections_.front());
    Migrate(*connections_.front());
  }

  std::unique_ptr<Transaction> Begin(Access access) override {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !free_.empty(); });
    PgConnection* c = free_.back();
    free_.pop_back();
    lock.unlock();
    // When BEGIN throws, SqlTransaction releases the connection before passing the error on.
    return std::make_unique<sql::SqlTransaction>(*c, access, [this, c] { Release(*c); });
  }

 private:
  void Release(PgConnection& c) {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(&c);
    }
    available_.notify_one();
  }

  std::vector<std::unique_ptr<PgConnection>> connections_;
  std::vector<PgConnection*> free_;
  std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace
}  // namespace postgresql

bool IsPostgresUrl(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Store> OpenPostgres(const std::string& url, int connections) {
  return std::make_unique<postgresql::Pool>(url, connections);
}

std::unique_ptr<Store> Open(const std::string& db, int connections) {
  return IsPostgresUrl(db) ? OpenPostgres(db, connections) : OpenSqlite(db, connections);
}

}  // namespace cnscd::store
