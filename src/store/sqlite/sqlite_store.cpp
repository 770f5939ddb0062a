// The Store on SQLite: WAL, foreign keys, STRICT tables, a small pool of connections (WAL lets
// readers run beside the one writer), prepared statements cached per connection.
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include "store/migrations/migrations.hpp"
#include "store/sql/transaction.hpp"
#include "store/sqlite/connection.hpp"

namespace cnscd::store {
namespace sqlite {

class Pool final : public Store {
 public:
  Pool(const std::string& path, int size) {
    for (int i = 0; i < size; ++i) {
      connections_.push_back(std::make_unique<SqliteConnection>(path));
      free_.push_back(connections_.back().get());
    }
    Migrate(*connections_.front());
  }

  std::unique_ptr<Transaction> Begin(Access access) override {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !free_.empty(); });
    SqliteConnection* c = free_.back();
    free_.pop_back();
    lock.unlock();
    if (access == Access::kWrite) writer_.lock();
    // When BEGIN throws, SqlTransaction releases the connection before passing the error on.
    return std::make_unique<sql::SqlTransaction>(*c, access,
                                                 [this, c, access] { Release(*c, access); });
  }

  void Release(SqliteConnection& c, Access access) {
    if (access == Access::kWrite) writer_.unlock();
    {
      std::lock_guard lock(mutex_);
      free_.push_back(&c);
    }
    available_.notify_one();
  }

 private:
  static void Migrate(SqliteConnection& db) {
    db.Exec(
        "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, "
        "name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
    db.Exec("BEGIN IMMEDIATE");
    try {
      std::int64_t current = 0;
      {
        sql::Statement s = db.Prepare("SELECT coalesce(max(version), 0) FROM schema_migration");
        s.Step();
        current = s.Int(0);
      }
      for (const Migration& m : Migrations()) {
        if (m.version <= current) continue;
        db.Exec(std::string(m.sql));
        sql::Statement s =
            db.Prepare("INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)");
        s.Bind(1, m.version).Bind(2, m.name).Bind(3, sql::NowUtc());
        s.Run();
      }
      db.Exec("COMMIT");
    } catch (...) {
      db.Exec("ROLLBACK");
      throw;
    }
  }

  std::vector<std::unique_ptr<SqliteConnection>> connections_;
  std::vector<SqliteConnection*> free_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::mutex writer_;
};

}  // namespace sqlite

std::unique_ptr<Store> OpenSqlite(const std::string& path, int connections) {
  return std::make_unique<sqlite::Pool>(path, connections);
}

}  // namespace cnscd::store
