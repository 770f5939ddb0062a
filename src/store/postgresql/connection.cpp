#include "store/postgresql/connection.hpp"

#include <charconv>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "store/postgresql/parameters.hpp"

namespace cnscd::store::postgresql {
namespace {

std::string Trimmed(const char* message) {
  std::string s = message != nullptr ? message : "unknown error";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

[[noreturn]] void Fail(PGconn* conn, std::string_view what) {
  throw std::runtime_error("postgresql: " + std::string(what) + ": " +
                           Trimmed(PQerrorMessage(conn)));
}

// A result that clears itself.
struct Result {
  PGresult* r = nullptr;
  Result() = default;
  explicit Result(PGresult* p) : r(p) {}
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  ~Result() { PQclear(r); }
  void Reset(PGresult* p = nullptr) {
    PQclear(r);
    r = p;
  }
};

void CheckResult(PGconn* conn, const PGresult* r, std::string_view what) {
  const ExecStatusType st = PQresultStatus(r);
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
  const char* msg = PQresultErrorMessage(r);
  throw std::runtime_error("postgresql: " + std::string(what) + ": " +
                           Trimmed(msg != nullptr && *msg != '\0' ? msg : PQerrorMessage(conn)));
}

}  // namespace

class PgCursor final : public sql::Cursor {
 public:
  PgCursor(PgConnection& owner, std::string name, std::string sql, int parameters)
      : owner_(owner),
        name_(std::move(name)),
        sql_(std::move(sql)),
        values_(static_cast<std::size_t>(parameters)),
        null_(static_cast<std::size_t>(parameters), true) {}

  void Bind(int index, std::int64_t value) override { Set(index, std::to_string(value)); }
  void Bind(int index, double value) override {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    Set(index, std::string(buf, end));
  }
  void Bind(int index, std::string_view value) override { Set(index, std::string(value)); }
  void BindBlob(int index, std::string_view value) override {
    // bytea's text input: \x then two hex digits a byte.
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex = "\\x";
    hex.reserve(2 + value.size() * 2);
    for (const char c : value) {
      const auto u = static_cast<unsigned char>(c);
      hex += kHex[u >> 4];
      hex += kHex[u & 15];
    }
    Set(index, std::move(hex));
  }
  void BindNull(int index) override {
    Slot(index), null_[static_cast<std::size_t>(index - 1)] = true;
  }

  bool Step() override {
    if (!ran_) {
      Execute();
      ran_ = true;
      row_ = 0;
    } else {
      ++row_;
    }
    return row_ < rows_;
  }

  std::int64_t Int(int column) const override {
    const char* v = Cell(column);
    if (v == nullptr) return 0;
    if (v[0] == 't' && v[1] == '\0') return 1;  // a boolean expression
    if (v[0] == 'f' && v[1] == '\0') return 0;
    std::int64_t n = 0;
    const char* end = v + PQgetlength(result_.r, row_, column);
    const auto [p, ec] = std::from_chars(v, end, n);
    if (ec == std::errc() && p == end) return n;
    return static_cast<std::int64_t>(std::strtod(v, nullptr));  // numeric: sum() of bigints
  }
  std::string Text(int column) const override {
    const char* v = Cell(column);
    if (v == nullptr) return {};
    return {v, static_cast<std::size_t>(PQgetlength(result_.r, row_, column))};
  }
  std::optional<double> OptDouble(int column) const override {
    const char* v = Cell(column);
    if (v == nullptr) return std::nullopt;
    return std::strtod(v, nullptr);
  }
  bool IsNull(int column) const override { return Cell(column) == nullptr; }
  void Reset() override {
    result_.Reset();
    ran_ = false;
    rows_ = 0;
    row_ = 0;
    for (std::size_t i = 0; i < values_.size(); ++i) {
      values_[i].clear();
      null_[i] = true;
    }
  }

 private:
  std::string& Slot(int index) {
    if (index < 1 || static_cast<std::size_t>(index) > values_.size()) {
      throw std::logic_error("postgresql: parameter " + std::to_string(index) +
                             " out of range in " + sql_);
    }
    return values_[static_cast<std::size_t>(index - 1)];
  }
  void Set(int index, std::string value) {
    Slot(index) = std::move(value);
    null_[static_cast<std::size_t>(index - 1)] = false;
  }
  const char* Cell(int column) const {
    if (result_.r == nullptr || row_ >= rows_) throw std::logic_error("postgresql: no row");
    if (PQgetisnull(result_.r, row_, column) != 0) return nullptr;
    return PQgetvalue(result_.r, row_, column);
  }
  void Execute() {
    std::vector<const char*> params(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) {
      params[i] = null_[i] ? nullptr : values_[i].c_str();
    }
    PGconn* conn = owner_.handle();
    result_.Reset(PQexecPrepared(conn, name_.c_str(), static_cast<int>(params.size()),
                                 params.data(), nullptr, nullptr, 0));
    CheckResult(conn, result_.r, sql_);
    rows_ = PQntuples(result_.r);
    const char* changed = PQcmdTuples(result_.r);
    owner_.SetChanges(changed != nullptr && *changed != '\0' ? std::atoll(changed) : 0);
  }

  PgConnection& owner_;
  std::string name_;
  std::string sql_;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  Result result_;
  bool ran_ = false;
  int rows_ = 0;
  int row_ = 0;
};

PgConnection::PgConnection(const std::string& url) {
  conn_ = PQconnectdb(url.c_str());
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    const std::string msg = conn_ != nullptr ? Trimmed(PQerrorMessage(conn_)) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    throw std::runtime_error(
        "Không kết nối được PostgreSQL (kiểm tra --db: máy, cổng, tên cơ sở "
        "dữ liệu, người dùng). / Cannot connect to PostgreSQL (check --db: "
        "host, port, database, user): " +
        msg);
  }
  Exec("SET client_encoding = 'UTF8'; SET client_min_messages = warning");
}

PgConnection::~PgConnection() {
  cache_.clear();
  PQfinish(conn_);
}

void PgConnection::Revive() {
  if (PQstatus(conn_) == CONNECTION_OK) return;
  cache_.clear();  // the server forgot the prepared statements with the old session
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) Fail(conn_, "reconnect");
  Exec("SET client_encoding = 'UTF8'; SET client_min_messages = warning");
}

sql::Statement PgConnection::Prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it == cache_.end()) {
    NumberedSql numbered = NumberParameters(sql);
    std::string name = "s" + std::to_string(++next_name_);
    // The server infers each parameter's type from its use; one the SQL skips (?1, ?2, ?5) is
    // declared text, since nothing would say what it is.
    constexpr Oid kText = 25;
    std::vector<Oid> types(numbered.used.size());
    for (std::size_t i = 0; i < types.size(); ++i) types[i] = numbered.used[i] ? 0 : kText;
    Result r(PQprepare(conn_, name.c_str(), numbered.sql.c_str(), static_cast<int>(types.size()),
                       types.data()));
    CheckResult(conn_, r.r, "prepare " + numbered.sql);
    it = cache_
             .emplace(std::string(sql),
                      std::make_unique<PgCursor>(*this, std::move(name), std::move(numbered.sql),
                                                 numbered.parameters))
             .first;
  }
  return sql::Statement(*it->second);
}

void PgConnection::Exec(const std::string& sql) {
  Result r(PQexec(conn_, sql.c_str()));
  CheckResult(conn_, r.r, sql.size() > 200 ? sql.substr(0, 200) + "…" : sql);
}

std::string PgConnection::Value(const std::string& sql) {
  Result r(PQexec(conn_, sql.c_str()));
  CheckResult(conn_, r.r, sql);
  if (PQntuples(r.r) == 0 || PQgetisnull(r.r, 0, 0) != 0) return {};
  return PQgetvalue(r.r, 0, 0);
}

std::int64_t PgConnection::LastInsertId() { return std::atoll(Value("SELECT lastval()").c_str()); }

void PgConnection::Begin(Access access) {
  Revive();
  if (access == Access::kWrite) {
    Exec("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriterLock) + ")");
  } else {
    Exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
  }
}

}  // namespace cnscd::store::postgresql
