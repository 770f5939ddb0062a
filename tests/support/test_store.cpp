#include "test_store.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

namespace cnscd_test {
namespace {

std::string AdminUrl() {
  const char* url = std::getenv("CNSCD_TEST_POSTGRES");
  return url != nullptr ? url : "";
}

// The URL of database `name` on the same server: the admin URL with its path replaced.
std::string UrlOf(const std::string& name) {
  std::string url = AdminUrl();
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  const auto query = url.find('?');
  const std::string tail = query == std::string::npos ? "" : url.substr(query);
  return (slash == std::string::npos ? url : url.substr(0, slash)) + "/" + name + tail;
}

class DroppingStore final : public cnscd::store::Store {
 public:
  DroppingStore(std::unique_ptr<TestDatabase> db, std::unique_ptr<cnscd::store::Store> inner)
      : db_(std::move(db)), inner_(std::move(inner)) {}
  ~DroppingStore() override { inner_.reset(); }  // close the connections before the drop
  DroppingStore(const DroppingStore&) = delete;
  DroppingStore& operator=(const DroppingStore&) = delete;
  std::unique_ptr<cnscd::store::Transaction> Begin(cnscd::store::Access access) override {
    return inner_->Begin(access);
  }
  const std::string& db() const { return db_->db(); }

 private:
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<cnscd::store::Store> inner_;
};

const std::string& DbOf(const cnscd::store::Store& store) {
  const auto* s = dynamic_cast<const DroppingStore*>(&store);
  if (s == nullptr) throw std::logic_error("ExecSql/QuerySql: not a store of OpenTestStore");
  return s->db();
}

using Rows = std::vector<std::vector<std::string>>;

Rows RunSqlite(const std::string& path, const std::string& sql) {
  sqlite3* h = nullptr;
  Rows rows;
  std::string error;
  if (sqlite3_open(path.c_str(), &h) != SQLITE_OK) {
    error = sqlite3_errmsg(h);
  } else {
    sqlite3_busy_timeout(h, 5000);
    char* message = nullptr;
    auto collect = [](void* out, int n, char** values, char** /*names*/) {
      auto& r = *static_cast<Rows*>(out);
      r.emplace_back();
      for (int i = 0; i < n; ++i) r.back().emplace_back(values[i] != nullptr ? values[i] : "");
      return 0;
    };
    if (sqlite3_exec(h, sql.c_str(), collect, &rows, &message) != SQLITE_OK) {
      error = message != nullptr ? message : "sqlite error";
    }
    sqlite3_free(message);
  }
  sqlite3_close(h);
  if (!error.empty()) throw std::runtime_error(error + "\n" + sql);
  return rows;
}

Rows RunPostgres(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  Rows rows;
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = PQerrorMessage(conn);
  } else {
    PQsetNoticeProcessor(
        conn, [](void* /*arg*/, const char* /*message*/) {}, nullptr);
    PGresult* r = PQexec(conn, sql.c_str());
    const ExecStatusType st = PQresultStatus(r);
    if (st == PGRES_TUPLES_OK) {
      for (int i = 0; i < PQntuples(r); ++i) {
        rows.emplace_back();
        for (int j = 0; j < PQnfields(r); ++j) rows.back().emplace_back(PQgetvalue(r, i, j));
      }
    } else if (st != PGRES_COMMAND_OK) {
      error = PQresultErrorMessage(r);
    }
    PQclear(r);
  }
  PQfinish(conn);
  if (!error.empty()) throw std::runtime_error(error + "\n" + sql);
  return rows;
}

// One statement on the server's `postgres` database (CREATE/DROP DATABASE cannot run in a
// transaction, so not through the store).
void Admin(const std::string& sql) { RunPostgres(AdminUrl(), sql); }

Rows Run(const cnscd::store::Store& store, const std::string& sql) {
  const std::string& db = DbOf(store);
  return cnscd::store::IsPostgresUrl(db) ? RunPostgres(db, sql) : RunSqlite(db, sql);
}

}  // namespace

void ExecSql(const cnscd::store::Store& store, const std::string& sql) { Run(store, sql); }

std::vector<std::vector<std::string>> QuerySql(const cnscd::store::Store& store,
                                               const std::string& sql) {
  return Run(store, sql);
}

bool WantsPostgres() {
  const char* s = std::getenv("CNSCD_STORE");
  return s != nullptr && std::string(s) == "postgresql";
}

std::optional<std::string> StoreUnavailable() {
  if (WantsPostgres() && AdminUrl().empty()) {
    return "PostgreSQL run skipped: no server (CNSCD_TEST_POSTGRES is not set; `make test` starts "
           "one when PostgreSQL is installed)";
  }
  return std::nullopt;
}

TestDatabase::TestDatabase(const std::string& dir, const std::string& file) {
  if (!WantsPostgres()) {
    db_ = dir + "/" + file;
    return;
  }
  if (auto why = StoreUnavailable()) throw std::runtime_error(*why);
  static std::atomic<int> counter{0};
  dropped_name_ = "cnscd_t" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  Admin("DROP DATABASE IF EXISTS " + dropped_name_);
  Admin("CREATE DATABASE " + dropped_name_ + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE " +
        "'C.UTF-8' LC_CTYPE 'C.UTF-8'");
  db_ = UrlOf(dropped_name_);
}

TestDatabase::~TestDatabase() {
  if (dropped_name_.empty() || std::getenv("CNSCD_TEST_KEEP_DIR") != nullptr) return;
  try {
    Admin("DROP DATABASE IF EXISTS " + dropped_name_ + " WITH (FORCE)");
  } catch (...) {  // a leftover database in a throwaway cluster harms nothing
  }
}

std::unique_ptr<cnscd::store::Store> OpenTestStore(const std::string& dir, int connections,
                                                   const std::string& file) {
  auto db = std::make_unique<TestDatabase>(dir, file);
  auto inner = cnscd::store::Open(db->db(), connections);
  return std::make_unique<DroppingStore>(std::move(db), std::move(inner));
}

}  // namespace cnscd_test
