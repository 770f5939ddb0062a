#pragma once
// The store a test runs on. Every test binary that touches the store is registered twice with
// ctest: as itself (SQLite) and with the suffix `.postgresql`, which sets CNSCD_STORE=postgresql;
// those runs create a fresh database on the PostgreSQL server named by CNSCD_TEST_POSTGRES (a URL
// to its `postgres` database; `make test` starts a throwaway server, scripts/pg-cluster.sh) and
// drop it at the end. Without that server the `.postgresql` runs are skipped with a message.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace cnscd_test {

// True when this run is the PostgreSQL one (CNSCD_STORE=postgresql).
bool WantsPostgres();
// Why this run cannot have its store (PostgreSQL wanted, no server given), else nullopt.
// A fixture's SetUp: `if (auto why = StoreUnavailable()) GTEST_SKIP() << *why;`
std::optional<std::string> StoreUnavailable();

// A fresh empty database for one test or one server: the file `dir`/t.db on SQLite, a new
// database on the PostgreSQL server otherwise. The destructor drops the PostgreSQL database.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& dir, const std::string& file = "t.db");
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  // What `--db` and store::Open take: a file path or a postgresql:// URL.
  const std::string& db() const { return db_; }

 private:
  std::string db_;
  std::string dropped_name_;  // the PostgreSQL database to drop, if any
};

// store::Open on a fresh TestDatabase in `dir`, dropped with the store.
std::unique_ptr<cnscd::store::Store> OpenTestStore(const std::string& dir, int connections = 2,
                                                   const std::string& file = "t.db");

// Raw SQL on the database of a store OpenTestStore made, for tests that set up what no use case
// writes (backdated rows) or read a table whole. Statements run outside the store's pool; write
// SQL both engines accept. Query returns every row, each value as text ("" for NULL).
// Both throw std::runtime_error with the engine's message.
void ExecSql(const cnscd::store::Store& store, const std::string& sql);
std::vector<std::vector<std::string>> QuerySql(const cnscd::store::Store& store,
                                               const std::string& sql);

}  // namespace cnscd_test
