#pragma once
#include <string_view>
#include <vector>

namespace cnscd::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every migration, in version order; applied at start by the store: SQLite's (NNNN_*.sql) and
// PostgreSQL's (postgresql/NNNN_*.sql, from version 10 on).
const std::vector<Migration>& Migrations();
const std::vector<Migration>& PostgresMigrations();

}  // namespace cnscd::store
