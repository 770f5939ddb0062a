// Chat groups. (stub: being written)
#include <stdexcept>

#include "store/sqlite/transaction.hpp"

namespace cnscd::store::sqlite {

std::optional<ChatGroup> SqliteTransaction::FindChatGroup(const std::string&, Id) {
  throw std::logic_error("not implemented");
}
void SqliteTransaction::PutChatGroup(const ChatGroup&) {
  throw std::logic_error("not implemented");
}
std::vector<ChatGroup> SqliteTransaction::ChatGroupsIn(const Unit&) {
  throw std::logic_error("not implemented");
}

}  // namespace cnscd::store::sqlite
