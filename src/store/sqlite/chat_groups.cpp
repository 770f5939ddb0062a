// Chat groups (nhóm Zalo) of units and teams: the recorded link and who joined, the joined
// flags kept as one JSON object per group.
#include <cstdio>

#include "store/sqlite/transaction.hpp"

namespace cnscd::store::sqlite {

namespace {

constexpr const char* kChatGroupColumns =
    "g.owner_type, g.owner_id, g.link, g.participants, g.updated_at";

// A JSON string literal; keys are checked by the app, but the store writes any text safely.
std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string ParticipantsJson(const std::vector<std::pair<std::string, bool>>& participants) {
  std::string out = "{";
  for (const auto& [key, joined] : participants) {
    if (out.size() > 1) out += ',';
    out += JsonString(key) + ':' + (joined ? "true" : "false");
  }
  return out + "}";
}

// Reads the row at the statement's cursor; the participants are unpacked by SQLite's json_each,
// in the order they were written.
ChatGroup ReadChatGroup(Connection& db, const Statement& s) {
  ChatGroup g;
  g.owner_type = s.Text(0);
  g.owner_id = s.Int(1);
  g.link = s.Text(2);
  g.updated_at = s.Text(4);
  Statement p = db.Prepare("SELECT key, type = 'true' FROM json_each(?) ORDER BY id");
  p.Bind(1, s.Text(3));
  while (p.Step()) g.participants.emplace_back(p.Text(0), p.Int(1) != 0);
  return g;
}

}  // namespace

std::optional<ChatGroup> SqliteTransaction::FindChatGroup(const std::string& owner_type,
                                                          Id owner_id) {
  Statement s = db_.Prepare(std::string("SELECT ") + kChatGroupColumns +
                            " FROM chat_group g WHERE g.owner_type = ? AND g.owner_id = ?");
  s.Bind(1, owner_type).Bind(2, owner_id);
  if (!s.Step()) return std::nullopt;
  return ReadChatGroup(db_, s);
}

void SqliteTransaction::PutChatGroup(const ChatGroup& g) {
  Statement s = db_.Prepare(
      "INSERT INTO chat_group (owner_type, owner_id, link, participants, updated_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner_type, owner_id) DO UPDATE SET "
      "link = excluded.link, participants = excluded.participants, "
      "updated_at = excluded.updated_at");
  s.Bind(1, g.owner_type).Bind(2, g.owner_id).Bind(3, g.link);
  s.Bind(4, ParticipantsJson(g.participants));
  s.Bind(5, g.updated_at.empty() ? NowUtc() : g.updated_at);
  s.Run();
}

std::vector<ChatGroup> SqliteTransaction::ChatGroupsIn(const Unit& within) {
  const auto [lo, hi] = PathRange(within.path);
  Statement s = db_.Prepare(
      std::string("SELECT ") + kChatGroupColumns +
      " FROM chat_group g JOIN unit u ON u.id = g.owner_id "
      "WHERE g.owner_type = 'unit' AND u.path >= ? AND u.path < ? "
      "UNION ALL SELECT " +
      kChatGroupColumns +
      " FROM chat_group g JOIN team t ON t.id = g.owner_id JOIN unit u ON u.id = t.unit_id "
      "WHERE g.owner_type = 'team' AND u.path >= ? AND u.path < ? "
      "ORDER BY 1 DESC, 2");
  s.Bind(1, lo).Bind(2, hi).Bind(3, lo).Bind(4, hi);
  std::vector<ChatGroup> out;
  while (s.Step()) out.push_back(ReadChatGroup(db_, s));
  return out;
}

}  // namespace cnscd::store::sqlite
