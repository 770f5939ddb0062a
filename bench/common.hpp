#pragma once
// What the bench programs share: a raw handle on the database (SQLite or PostgreSQL) that
// bypasses the store on purpose (it is the reference the store is measured against, and the bulk
// loader's fast path), the nation's teams as the database holds them, the support records the
// benchmarks send, and timing helpers. Header-only: each bench/<name>.cpp is its own program.
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/dates.hpp"
#include "core/service.hpp"
#include "core/synthetic.hpp"

namespace cnscd::bench {

using Value = std::variant<std::nullptr_t, std::int64_t, std::string>;
using Row = std::vector<std::string>;

inline bool IsPostgres(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

// One connection, with statements prepared once and run many times. SQL is written with `$N`
// parameters, which both engines accept (SQLite reads `$1` as a named parameter whose index is
// its first appearance, so each must first appear in order).
class RawDb {
 public:
  virtual ~RawDb() = default;
  virtual void Exec(const std::string& sql) = 0;
  virtual std::vector<Row> Query(const std::string& sql) = 0;  // NULL reads as ""
  // Returns a handle for Run().
  virtual int Prepare(const std::string& sql) = 0;
  // Runs a prepared statement; returns the rows it changed.
  virtual std::int64_t Run(int statement, const std::vector<Value>& params) = 0;
  // Appends rows to `table` (columns in order) as fast as the engine allows: prepared INSERTs
  // on SQLite, COPY on PostgreSQL. Call inside a transaction; Flush() before committing.
  virtual void AddRow(const std::string& table, const std::vector<std::string>& columns,
                      const std::vector<Value>& values) = 0;
  virtual void Flush() = 0;
  virtual std::string Engine() const = 0;

  std::string Scalar(const std::string& sql) {
    const std::vector<Row> rows = Query(sql);
    return rows.empty() || rows[0].empty() ? std::string() : rows[0][0];
  }
};

class SqliteDb final : public RawDb {
 public:
  explicit SqliteDb(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) Fail("open " + path);
    sqlite3_busy_timeout(db_, 30000);
    // The same settings as the store's connections (store/sqlite/connection.cpp).
    Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
  }
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;
  SqliteDb(SqliteDb&&) = delete;
  SqliteDb& operator=(SqliteDb&&) = delete;
  ~SqliteDb() override {
    for (sqlite3_stmt* s : statements_) sqlite3_finalize(s);
    for (auto& [key, s] : inserts_) sqlite3_finalize(s);
    sqlite3_close(db_);
  }

  void Exec(const std::string& sql) override {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error != nullptr ? error : "?";
      sqlite3_free(error);
      throw std::runtime_error("sqlite: " + message + " in: " + sql.substr(0, 200));
    }
  }

  std::vector<Row> Query(const std::string& sql) override {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) Fail(sql);
    std::vector<Row> rows;
    int rc = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      Row row;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const unsigned char* text = sqlite3_column_text(s, c);
        row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) Fail(sql);
    return rows;
  }

  int Prepare(const std::string& sql) override {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) !=
        SQLITE_OK) {
      Fail(sql);
    }
    statements_.push_back(s);
    return static_cast<int>(statements_.size()) - 1;
  }

  std::int64_t Run(int statement, const std::vector<Value>& params) override {
    sqlite3_stmt* s = statements_.at(static_cast<std::size_t>(statement));
    Step(s, params);
    return sqlite3_changes(db_);
  }

  void AddRow(const std::string& table, const std::vector<std::string>& columns,
              const std::vector<Value>& values) override {
    sqlite3_stmt*& s = inserts_[table];
    if (s == nullptr) {
      std::string sql = "INSERT INTO " + table + " (";
      std::string marks;
      for (std::size_t i = 0; i < columns.size(); ++i) {
        sql += (i > 0 ? ", " : "") + columns[i];
        marks += (i > 0 ? ", $" : "$") + std::to_string(i + 1);
      }
      sql += ") VALUES (" + marks + ")";
      if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) !=
          SQLITE_OK) {
        Fail(sql);
      }
    }
    Step(s, values);
  }
  void Flush() override {}
  std::string Engine() const override { return "sqlite"; }

 private:
  void Step(sqlite3_stmt* s, const std::vector<Value>& params) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        sqlite3_bind_int64(s, index, *n);
      } else if (const auto* t = std::get_if<std::string>(&params[i])) {
        sqlite3_bind_text(s, index, t->data(), static_cast<int>(t->size()), SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(s, index);
      }
    }
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) Fail(sqlite3_sql(s));
  }

  [[noreturn]] void Fail(const std::string& what) {
    throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db_) +
                             " in: " + what.substr(0, 200));
  }

  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
  std::map<std::string, sqlite3_stmt*> inserts_;
};

class PostgresDb final : public RawDb {
 public:
  explicit PostgresDb(const std::string& url) : db_(PQconnectdb(url.c_str())) {
    if (PQstatus(db_) != CONNECTION_OK) Fail("connect");
  }
  PostgresDb(const PostgresDb&) = delete;
  PostgresDb& operator=(const PostgresDb&) = delete;
  PostgresDb(PostgresDb&&) = delete;
  PostgresDb& operator=(PostgresDb&&) = delete;
  ~PostgresDb() override { PQfinish(db_); }

  void Exec(const std::string& sql) override { Check(PQexec(db_, sql.c_str()), sql); }

  std::vector<Row> Query(const std::string& sql) override {
    PGresult* r = Check(PQexec(db_, sql.c_str()), sql, true);
    std::vector<Row> rows;
    for (int i = 0; i < PQntuples(r); ++i) {
      Row row;
      for (int c = 0; c < PQnfields(r); ++c) row.emplace_back(PQgetvalue(r, i, c));
      rows.push_back(std::move(row));
    }
    PQclear(r);
    return rows;
  }

  int Prepare(const std::string& sql) override {
    const std::string name = "bench" + std::to_string(prepared_);
    Check(PQprepare(db_, name.c_str(), sql.c_str(), 0, nullptr), sql);
    return prepared_++;
  }

  std::int64_t Run(int statement, const std::vector<Value>& params) override {
    std::vector<std::string> text(params.size());
    std::vector<const char*> pointers(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        text[i] = std::to_string(*n);
        pointers[i] = text[i].c_str();
      } else if (const auto* t = std::get_if<std::string>(&params[i])) {
        pointers[i] = t->c_str();
      }
    }
    const std::string name = "bench" + std::to_string(statement);
    PGresult* r = Check(PQexecPrepared(db_, name.c_str(), static_cast<int>(params.size()),
                                       pointers.data(), nullptr, nullptr, 0),
                        name, true);
    const char* tuples = PQcmdTuples(r);
    const std::int64_t changed = tuples[0] != '\0' ? std::stoll(tuples) : 0;
    PQclear(r);
    return changed;
  }

  void AddRow(const std::string& table, const std::vector<std::string>& columns,
              const std::vector<Value>& values) override {
    Copy& copy = copies_[table];
    if (copy.sql.empty()) {
      copy.sql = "COPY " + table + " (";
      for (std::size_t i = 0; i < columns.size(); ++i) copy.sql += (i > 0 ? ", " : "") + columns[i];
      copy.sql += ") FROM STDIN";
    }
    std::string& out = copy.buffer;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out += '\t';
      if (const auto* n = std::get_if<std::int64_t>(&values[i])) {
        out += std::to_string(*n);
      } else if (const auto* t = std::get_if<std::string>(&values[i])) {
        out += *t;  // the loader's text has no tab, newline nor backslash
      } else {
        out += "\\N";
      }
    }
    out += '\n';
    if (out.size() > (8U << 20U)) Send(copy);
  }

  void Flush() override {
    for (auto& [table, copy] : copies_) Send(copy);
  }
  std::string Engine() const override { return "postgresql"; }

 private:
  struct Copy {
    std::string sql, buffer;
  };

  // One COPY per 8 MB of a table's rows: large enough to run at COPY's speed, small enough to
  // stream.
  void Send(Copy& copy) {
    if (copy.buffer.empty()) return;
    Check(PQexec(db_, copy.sql.c_str()), copy.sql, false, PGRES_COPY_IN);
    if (PQputCopyData(db_, copy.buffer.data(), static_cast<int>(copy.buffer.size())) != 1 ||
        PQputCopyEnd(db_, nullptr) != 1) {
      Fail(copy.sql);
    }
    Check(PQgetResult(db_), copy.sql);
    while (PGresult* extra = PQgetResult(db_)) PQclear(extra);
    copy.buffer.clear();
  }

  PGresult* Check(PGresult* r, const std::string& what, bool keep = false,
                  ExecStatusType expected = PGRES_COMMAND_OK) {
    const ExecStatusType status = PQresultStatus(r);
    if (status != expected && status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      const std::string message = PQresultErrorMessage(r);
      PQclear(r);
      throw std::runtime_error("postgresql: " + message + " in: " + what.substr(0, 200));
    }
    if (keep) return r;
    PQclear(r);
    return nullptr;
  }

  [[noreturn]] void Fail(const std::string& what) {
    throw std::runtime_error(std::string("postgresql: ") + PQerrorMessage(db_) + " in: " + what);
  }

  PGconn* db_;
  int prepared_ = 0;
  std::map<std::string, Copy> copies_;
};

inline std::unique_ptr<RawDb> OpenRaw(const std::string& db) {
  if (IsPostgres(db)) return std::make_unique<PostgresDb>(db);
  return std::make_unique<SqliteDb>(db);
}

// A village team as the database holds it: the team, its village, its current members.
struct TeamRef {
  std::int64_t team = 0;
  std::int64_t village = 0;
  std::vector<std::int64_t> members;
};

inline std::vector<TeamRef> LoadTeams(RawDb& db, std::int64_t limit = 0) {
  std::string sql =
      "SELECT t.id, t.unit_id, m.person_id FROM team t JOIN membership m ON m.team_id = t.id "
      "WHERE m.until IS NULL AND t.status = 'active' AND t.level = 'village'";
  if (limit > 0)
    sql += " AND t.id IN (SELECT id FROM team ORDER BY id LIMIT " + std::to_string(limit) + ")";
  sql += " ORDER BY t.id, m.id";
  std::vector<TeamRef> teams;
  for (const Row& row : db.Query(sql)) {
    const std::int64_t team = std::stoll(row[0]);
    if (teams.empty() || teams.back().team != team) teams.push_back({team, std::stoll(row[1]), {}});
    teams.back().members.push_back(std::stoll(row[2]));
  }
  return teams;
}

using synthetic::Rng;  // the same stream as `cnscd gen`

// One support record as a member's phone sends it (the citizen by phone: every service accepts
// one), and what the raw insert writes for it.
struct Visit {
  std::string id;
  std::int64_t team = 0, member = 0, village = 0;
  std::string service, date, phone;
};

// `count` records spread evenly at random over `teams`, the built-in services and the days
// [from, to]; one citizen in ten is helped a second time, later, with the same service (two
// records, counted once), as `cnscd gen` does. Ids are UUIDs whose first group is `id_prefix`
// (8 hex digits), so that two benchmarks never collide; the same arguments give the same records.
inline std::vector<Visit> MakeVisits(const std::vector<TeamRef>& teams, std::int64_t count,
                                     std::uint64_t seed, const std::string& id_prefix,
                                     std::chrono::sys_days from, std::chrono::sys_days to) {
  const std::vector<Service>& services = BuiltinServices();
  const auto span = static_cast<std::uint64_t>((to - from).count());
  Rng rng(seed);
  std::vector<std::uint32_t> citizens(teams.size(), 0);
  std::vector<Visit> out;
  out.reserve(static_cast<std::size_t>(count));
  auto id = [&] {
    std::array<char, 40> buf{};
    std::snprintf(buf.data(), buf.size(), "%s-9e00-4000-8000-%012llx", id_prefix.c_str(),
                  static_cast<unsigned long long>(out.size()));
    return std::string(buf.data());
  };
  while (static_cast<std::int64_t>(out.size()) < count) {
    const std::size_t t = rng.Below(teams.size());
    const TeamRef& team = teams[t];
    Visit v;
    v.team = team.team;
    v.member = team.members[rng.Below(team.members.size())];
    v.village = team.village;
    v.service = services[rng.Below(services.size())].code;
    const std::uint64_t day = rng.Below(span + 1);
    v.date = dates::Date(from + std::chrono::days(static_cast<int>(day)));
    std::array<char, 16> phone{};
    std::snprintf(phone.data(), phone.size(), "03%08llu",
                  static_cast<unsigned long long>(
                      ((static_cast<std::uint64_t>(team.village) * 40009ULL) + citizens[t]++) %
                      100000000ULL));
    v.phone = phone.data();
    const bool again = rng.Below(10) == 0 && static_cast<std::int64_t>(out.size()) + 2 <= count;
    v.id = id();
    Visit second = v;
    out.push_back(std::move(v));
    if (again) {
      second.id = id();
      second.member = team.members[rng.Below(team.members.size())];
      second.date =
          dates::Date(from + std::chrono::days(static_cast<int>(day + rng.Below(span - day + 1))));
      out.push_back(std::move(second));
    }
  }
  return out;
}

// {"id", "team_id", "member_id", "village_id", "service", "date", "citizen": {"phone"}}, as the
// web app sends it (no JSON library: the fields hold no character that needs escaping).
inline std::string VisitJson(const Visit& v) {
  return R"({"id":")" + v.id + R"(","team_id":)" + std::to_string(v.team) + R"(,"member_id":)" +
         std::to_string(v.member) + R"(,"village_id":)" + std::to_string(v.village) +
         R"(,"service":")" + v.service + R"(","date":")" + v.date + R"(","citizen":{"phone":")" +
         v.phone + R"("}})";
}

using Clock = std::chrono::steady_clock;
inline double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// The p-th percentile (0..100) of `samples`, nearest rank; 0 when empty.
inline double Percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(samples.size()));
  return samples[std::min(rank, samples.size() - 1)];
}

// The command line's `--name value` pairs (every bench program takes only these).
inline std::map<std::string, std::string> Args(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view key = argv[i];
    if (key.substr(0, 2) != "--") throw std::runtime_error("expected --name value pairs");
    args[std::string(key.substr(2))] = argv[i + 1];
  }
  return args;
}

inline std::string Get(const std::map<std::string, std::string>& args, const std::string& key,
                       const std::string& fallback = {}) {
  const auto it = args.find(key);
  if (it != args.end()) return it->second;
  if (fallback.empty()) throw std::runtime_error("--" + key + " is required");
  return fallback;
}

// A benchmark's main: its Main, with an uncaught error reported under its name, exit 1.
inline int RunMain(const char* name, int (*main)(int, char**), int argc, char** argv) {
  try {
    return main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << name << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace cnscd::bench
