// Join and leave requests. (To be filled: see the requests work.)
#include <stdexcept>

#include "store/sqlite/transaction.hpp"

namespace cnscd::store::sqlite {

MembershipRequest SqliteTransaction::InsertRequest(const MembershipRequest&) {
  throw std::logic_error("not implemented");
}
std::optional<MembershipRequest> SqliteTransaction::FindRequest(Id) {
  throw std::logic_error("not implemented");
}
void SqliteTransaction::UpdateRequest(const MembershipRequest&) {
  throw std::logic_error("not implemented");
}
Page<MembershipRequest> SqliteTransaction::ListRequests(const RequestQuery&) {
  throw std::logic_error("not implemented");
}

}  // namespace cnscd::store::sqlite
