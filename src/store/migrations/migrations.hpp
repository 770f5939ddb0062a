#pragma once
#include <string_view>
#include <vector>

namespace cnscd::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every migration, in version order; applied at start by the store.
const std::vector<Migration>& Migrations();

}  // namespace cnscd::store
