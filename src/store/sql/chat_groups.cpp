// Chat groups (nhóm Zalo) of units and teams: the recorded link and who joined, the joined
// flags kept as one JSON object per group.
#include <nlohmann/json.hpp>

#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

namespace {

constexpr const char* kChatGroupColumns =
    "g.owner_type, g.owner_id, g.link, g.participants, g.updated_at";

// The joined flags as a JSON object, keys in the order they were written.
std::string ParticipantsJson(const std::vector<std::pair<std::string, bool>>& participants) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  for (const auto& [key, joined] : participants) o[key] = joined;
  return o.dump();
}

ChatGroup ReadChatGroup(const Statement& s) {
  ChatGroup g;
  std::string participants;
  Columns(s) >> g.owner_type >> g.owner_id >> g.link >> participants >> g.updated_at;
  const auto o = nlohmann::ordered_json::parse(participants, nullptr, /*allow_exceptions=*/false);
  if (o.is_object()) {
    for (const auto& [key, joined] : o.items()) {
      g.participants.emplace_back(key, joined.is_boolean() && joined.get<bool>());
    }
  }
  return g;
}

}  // namespace

std::optional<ChatGroup> SqlTransaction::FindChatGroup(const std::string& owner_type, Id owner_id) {
  return FirstRow(db_,
                  std::string("SELECT ") + kChatGroupColumns +
                      " FROM chat_group g WHERE g.owner_type = ? AND g.owner_id = ?",
                  ReadChatGroup, owner_type, owner_id);
}

void SqlTransaction::PutChatGroup(const ChatGroup& g) {
  Run(db_,
      "INSERT INTO chat_group (owner_type, owner_id, link, participants, updated_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner_type, owner_id) DO UPDATE SET "
      "link = excluded.link, participants = excluded.participants, "
      "updated_at = excluded.updated_at",
      g.owner_type, g.owner_id, g.link, ParticipantsJson(g.participants), OwnOrNow(g.updated_at));
}

std::vector<ChatGroup> SqlTransaction::ChatGroupsIn(const Unit& within) {
  const auto [lo, hi] = PathRange(within.path);
  return AllRows(
      db_,
      std::string("SELECT ") + kChatGroupColumns +
          " FROM chat_group g JOIN unit u ON u.id = g.owner_id "
          "WHERE g.owner_type = 'unit' AND u.path >= ? AND u.path < ? "
          "UNION ALL SELECT " +
          kChatGroupColumns +
          " FROM chat_group g JOIN team t ON t.id = g.owner_id JOIN unit u ON u.id = t.unit_id "
          "WHERE g.owner_type = 'team' AND u.path >= ? AND u.path < ? "
          "ORDER BY 1 DESC, 2",
      ReadChatGroup, lo, hi, lo, hi);
}

}  // namespace cnscd::store::sql
