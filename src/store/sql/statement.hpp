#pragma once
// What the store's SQL needs from a database driver, so that one body of SQL (this folder) runs
// on SQLite (store/sqlite) and PostgreSQL (store/postgresql): a connection that prepares cached
// statements and runs transactions, and a statement that binds, steps and reads columns.
//
// The SQL is written once, in the dialect both engines accept: `?` and `?N` parameters (the
// PostgreSQL driver renumbers them to `$N`), ON CONFLICT upserts, no engine-specific functions
// (the PostgreSQL schema defines instr()). A parameter's type comes from where it is used; where
// nothing says it (`? IS NULL`), the SQL casts it. Errors become exceptions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace cnscd::store::sql {

// A prepared statement of a driver, cached by its connection and reused.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void Bind(int index, std::int64_t value) = 0;
  virtual void Bind(int index, double value) = 0;
  virtual void Bind(int index, std::string_view value) = 0;
  virtual void BindBlob(int index, std::string_view value) = 0;
  virtual void BindNull(int index) = 0;
  virtual bool Step() = 0;  // true while a row is available
  virtual std::int64_t Int(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual std::optional<double> OptDouble(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
  virtual void Reset() = 0;  // clears the bindings and any result; the statement stays prepared
};

// A handle on a cached Cursor for one use: resets it when it goes out of scope.
class Statement {
 public:
  explicit Statement(Cursor& cursor) : c_(&cursor) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept : c_(other.c_) { other.c_ = nullptr; }
  Statement& operator=(Statement&&) = delete;
  ~Statement() {
    if (c_ != nullptr) c_->Reset();
  }

  Statement& Bind(int index, std::int64_t value) {
    c_->Bind(index, value);
    return *this;
  }
  Statement& Bind(int index, double value) {
    c_->Bind(index, value);
    return *this;
  }
  Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
  Statement& Bind(int index, std::string_view value) {
    c_->Bind(index, value);
    return *this;
  }
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Statement& BindBlob(int index, std::string_view value) {
    c_->BindBlob(index, value);
    return *this;
  }
  Statement& BindNull(int index) {
    c_->BindNull(index);
    return *this;
  }
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }
  // Binds `values` to the parameters 1, 2, … in order.
  template <typename... Values>
  Statement& BindAll(const Values&... values) {
    [[maybe_unused]] int index = 0;  // unused when a statement has no parameters
    (Bind(++index, values), ...);
    return *this;
  }

  bool Step() { return c_->Step(); }
  void Run() {
    while (Step()) {
    }
  }

  std::int64_t Int(int column) const { return c_->Int(column); }
  std::string Text(int column) const { return c_->Text(column); }
  std::optional<std::string> OptText(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Text(column);
  }
  std::optional<std::int64_t> OptInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Int(column);
  }
  std::optional<double> OptDouble(int column) const { return c_->OptDouble(column); }
  bool IsNull(int column) const { return c_->IsNull(column); }

 private:
  Cursor* c_;
};

// One connection of a driver's pool.
class Connection {
 public:
  virtual ~Connection() = default;
  // A cached prepared statement for `sql` (compiled once per connection).
  virtual Statement Prepare(std::string_view sql) = 0;
  virtual void Exec(const std::string& sql) = 0;  // schema and transaction control
  virtual std::int64_t LastInsertId() = 0;        // the id the last INSERT generated
  virtual std::int64_t Changes() = 0;             // rows the last statement changed
  // Transaction control. A write transaction excludes every other writer on the database (in
  // every process), as SQLite's single writer does, so a use case's read-then-write cannot lose
  // an update; a read transaction sees one snapshot.
  virtual void Begin(Access access) = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
};

}  // namespace cnscd::store::sql
