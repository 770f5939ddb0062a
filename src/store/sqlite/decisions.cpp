// Decisions of the commune chairman. (To be filled: see the decisions work.)
#include <stdexcept>

#include "store/sqlite/transaction.hpp"

namespace cnscd::store::sqlite {

Decision SqliteTransaction::InsertDecision(const Decision&) {
  throw std::logic_error("not implemented");
}
std::optional<Decision> SqliteTransaction::FindDecision(Id) {
  throw std::logic_error("not implemented");
}
std::optional<Decision> SqliteTransaction::FindDecisionByNumber(Id, const std::string&,
                                                                const std::string&) {
  throw std::logic_error("not implemented");
}
Page<Decision> SqliteTransaction::ListDecisions(const Scope&, std::optional<Id>, int, int) {
  throw std::logic_error("not implemented");
}

}  // namespace cnscd::store::sqlite
