// Field work. (stub: being written)
#include <stdexcept>

#include "store/sqlite/transaction.hpp"

namespace cnscd::store::sqlite {

bool SqliteTransaction::InsertSupportRecord(const SupportRecord&) {
  throw std::logic_error("not implemented");
}
std::optional<SupportRecord> SqliteTransaction::FindSupportRecord(const std::string&) {
  throw std::logic_error("not implemented");
}
void SqliteTransaction::VoidSupportRecord(const std::string&, const std::string&) {
  throw std::logic_error("not implemented");
}
Page<SupportRecord> SqliteTransaction::ListSupportRecords(const SupportQuery&) {
  throw std::logic_error("not implemented");
}
std::map<std::string, std::int64_t> SqliteTransaction::HelpedCounts(const Unit&,
                                                                    const std::string&) {
  return {};
}
std::int64_t SqliteTransaction::RebuildCounters() { throw std::logic_error("not implemented"); }
std::string SqliteTransaction::SecretKey(const std::string&, const std::string&) {
  throw std::logic_error("not implemented");
}

}  // namespace cnscd::store::sqlite
