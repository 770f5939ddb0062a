// Form 2 rows. (stub: being written)
#include <stdexcept>

#include "store/sqlite/transaction.hpp"

namespace cnscd::store::sqlite {

std::vector<TeamListRow> SqliteTransaction::TeamList(const Unit&, const Scope&) {
  throw std::logic_error("not implemented");
}

}  // namespace cnscd::store::sqlite
