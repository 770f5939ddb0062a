// Training sessions and propaganda events (migration 0007), and the counters of residents
// trained per place, topic and month kept in the caller's transaction.
#include "store/sqlite/transaction.hpp"

namespace cnscd::store::sqlite {

std::map<std::string, TrainedCount> SqliteTransaction::TrainedCounts(const Unit& within,
                                                                     const std::string& until) {
  const auto [lo, hi] = PathRange(within.path);
  Statement s = db_.Prepare(
      "SELECT c.topic, sum(c.people), sum(c.households) FROM trained_count c "
      "JOIN unit u ON u.id = c.unit_id "
      "WHERE u.path >= ? AND u.path < ? AND c.month <= ? GROUP BY c.topic");
  s.Bind(1, lo).Bind(2, hi).Bind(3, until.substr(0, 7));
  std::map<std::string, TrainedCount> counts;
  while (s.Step()) counts[s.Text(0)] = TrainedCount{s.Int(1), s.Int(2)};
  return counts;
}

}  // namespace cnscd::store::sqlite
