// (allowances: filled by its helper)
#include "store/sqlite/transaction.hpp"

namespace cnscd::store::sqlite {}  // namespace cnscd::store::sqlite
