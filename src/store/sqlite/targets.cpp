// Targets. (stub: being written)
#include <stdexcept>

#include "store/sqlite/transaction.hpp"

namespace cnscd::store::sqlite {

void SqliteTransaction::PutTarget(const TargetRow&) { throw std::logic_error("not implemented"); }
void SqliteTransaction::DeleteTarget(Id, int, const std::string&) {
  throw std::logic_error("not implemented");
}
std::vector<TargetRow> SqliteTransaction::TargetsOf(Id, int) {
  throw std::logic_error("not implemented");
}

}  // namespace cnscd::store::sqlite
