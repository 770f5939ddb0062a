#pragma once
// The store's SQL numbers its parameters as SQLite does (`?` the next, `?N` the N-th); libpq
// wants `$N`. Renumbering is done once per statement, when it is prepared.
#include <string>
#include <string_view>
#include <vector>

namespace cnscd::store::postgresql {

struct NumberedSql {
  std::string sql;         // with $1, $2, ...
  int parameters = 0;      // the highest parameter number
  std::vector<bool> used;  // used[n - 1]: $n appears (a statement may skip numbers)
};

// `?` becomes one more than the highest number so far (SQLite's rule), `?N` becomes `$N`; a `?`
// inside a quoted literal or identifier stays as it is.
NumberedSql NumberParameters(std::string_view sql);

}  // namespace cnscd::store::postgresql
