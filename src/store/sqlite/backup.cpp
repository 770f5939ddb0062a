// Backup and restore support for SQLite files: the online backup API, a read-only inspection,
// and the probe for a database that a running server holds open. These open their own plain
// connections: the store's Connection would switch the file to WAL mode, which a backup file
// must not be (it has to stay one self-contained file).
#include <sqlite3.h>

#include <stdexcept>
#include <string>

#include "store/migrations/migrations.hpp"
#include "store/store.hpp"

namespace cnscd::store {
namespace {

class Db {
 public:
  Db(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw std::runtime_error("sqlite: cannot open " + path + ": " + msg);
    }
  }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db() { sqlite3_close(db_); }
  sqlite3* get() const { return db_; }

  // Runs `sql`; returns the first column of its first row as text (empty when none).
  std::string Scalar(const std::string& sql) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
    }
    std::string out;
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      const auto* p = sqlite3_column_text(stmt, 0);
      if (p != nullptr) out = reinterpret_cast<const char*>(p);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_));
    }
    return out;
  }
  std::int64_t Count(const std::string& sql) const {
    const std::string s = Scalar(sql);
    return s.empty() ? 0 : std::stoll(s);
  }
  bool HasTable(const std::string& name) const {
    return Count("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + name +
                 "'") > 0;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Restarts tolerated before the rest is copied in one step: a writer on another connection makes
// the backup start over at its next step, so a busy server could starve a stepwise copy. In WAL
// mode one long step is only a read transaction, which blocks no writer.
constexpr int kMaxRestarts = 3;

}  // namespace

void BackupSqlite(const std::string& from, const std::string& to, int pages_per_step,
                  const std::function<void(int, int)>& progress) {
  // READWRITE without CREATE: a missing source fails instead of being made; the backup only
  // reads, but a WAL database needs its shared-memory file, which a read-only open may not make.
  const Db source(from, SQLITE_OPEN_READWRITE);
  sqlite3_busy_timeout(source.get(), 5000);
  const Db dest(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_backup* backup = sqlite3_backup_init(dest.get(), "main", source.get(), "main");
  if (backup == nullptr) {
    throw std::runtime_error(std::string("sqlite: backup: ") + sqlite3_errmsg(dest.get()));
  }
  int restarts = 0;
  int last_remaining = -1;
  int rc = SQLITE_OK;
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    const int step = restarts >= kMaxRestarts ? -1 : pages_per_step;
    rc = sqlite3_backup_step(backup, step);
    const int remaining = sqlite3_backup_remaining(backup);
    if (last_remaining >= 0 && remaining > last_remaining) ++restarts;
    last_remaining = remaining;
    if (progress) progress(remaining, sqlite3_backup_pagecount(backup));
    // Yields between steps so that the server's writer gets the database.
    if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(2);
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    throw std::runtime_error(std::string("sqlite: backup: ") + sqlite3_errstr(rc));
  }
  // The copied header still says WAL (the source's mode); DELETE mode makes the backup one file
  // that opens read-only anywhere, with no -wal or -shm beside it.
  if (dest.Scalar("PRAGMA journal_mode = DELETE") != "delete") {
    throw std::runtime_error("sqlite: backup: cannot leave WAL mode in " + to);
  }
}

SqliteFileFacts InspectSqlite(const std::string& path) {
  SqliteFileFacts facts;
  try {
    // immutable=1: no lock, no journal, no -shm; the file is read exactly as it lies.
    std::string uri = "file:";
    for (const char c : path) {
      if (c == '?' || c == '#' || c == '%') {
        static const char* const kHex = "0123456789ABCDEF";
        uri += '%';
        uri += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
        uri += kHex[static_cast<unsigned char>(c) & 0xF];
      } else {
        uri += c;
      }
    }
    uri += "?immutable=1";
    const Db db(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    const std::string check = db.Scalar("PRAGMA quick_check");
    if (check != "ok") {
      facts.problem = check;
      return facts;
    }
    facts.readable = true;
    facts.has_schema = db.HasTable("schema_migration");
    if (!facts.has_schema) return facts;
    facts.schema_version = db.Count("SELECT coalesce(max(version), 0) FROM schema_migration");
    if (db.HasTable("unit")) facts.units = db.Count("SELECT count(*) FROM unit");
    if (db.HasTable("team")) facts.teams = db.Count("SELECT count(*) FROM team");
    if (db.HasTable("membership")) {
      facts.members = db.Count("SELECT count(*) FROM membership WHERE until IS NULL");
    }
    if (db.HasTable("support_record")) {
      facts.support_records = db.Count("SELECT count(*) FROM support_record");
    }
  } catch (const std::exception& e) {
    facts.readable = false;
    facts.problem = e.what();
  }
  return facts;
}

bool SqliteInUse(const std::string& path) {
  try {
    const Db db(path, SQLITE_OPEN_READWRITE);
    // In WAL mode every open connection keeps a shared lock on the file; exclusive locking mode
    // set before the first read asks for an exclusive lock, which fails while any is held.
    db.Scalar("PRAGMA locking_mode = EXCLUSIVE");
    const int rc = sqlite3_exec(db.get(), "BEGIN EXCLUSIVE; COMMIT;", nullptr, nullptr, nullptr);
    return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
  } catch (const std::exception&) {
    return false;  // not a database we can open: nothing of ours is using it
  }
}

std::int64_t SqliteSchemaVersion() {
  const auto& all = Migrations();
  return all.empty() ? 0 : all.back().version;
}

}  // namespace cnscd::store
