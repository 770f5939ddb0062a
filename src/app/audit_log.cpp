#include "app/audit_log.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

#include "app/access.hpp"
#include "app/units.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"

namespace cnscd::app {

namespace {

constexpr std::array<std::string_view, 12> kEntityTypes{"unit",
                                                        "team",
                                                        "membership",
                                                        "person",
                                                        "policy",
                                                        "population",
                                                        "account",
                                                        "grant",
                                                        "decision",
                                                        "membership_request",
                                                        "unit_chat_group",
                                                        "team_chat_group"};

Error BadQuery(const std::string& field, const std::string& vi, const std::string& en) {
  return Malformed("bad_query", vi, en, field);
}

std::pair<std::string, store::Id> ParseEntity(const std::string& s) {
  const std::size_t colon = s.find(':');
  const std::string type = colon == std::string::npos ? s : s.substr(0, colon);
  std::int64_t id = 0;
  bool ok = colon != std::string::npos &&
            std::find(kEntityTypes.begin(), kEntityTypes.end(), type) != kEntityTypes.end();
  if (ok) {
    const char* first = s.data() + colon + 1;
    const char* last = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(first, last, id);
    ok = first != last && ec == std::errc() && ptr == last && id > 0;
  }
  if (!ok) {
    throw BadQuery("entity",
                   "entity phải có dạng LOẠI:MÃ_SỐ, ví dụ team:12 (loại: unit, team, membership, "
                   "person, policy, population, account, grant, decision, membership_request, "
                   "unit_chat_group, team_chat_group).",
                   "entity must be TYPE:ID, e.g. team:12 (types: unit, team, membership, person, "
                   "policy, population, account, grant, decision, membership_request, "
                   "unit_chat_group, team_chat_group).");
  }
  return {type, id};
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A strict UTC timestamp as the trail writes it: YYYY-MM-DDTHH:MM:SSZ.
bool IsTimestamp(std::string_view s) {
  if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return false;
  if (!dates::ParseDate(s.substr(0, 10))) return false;
  const std::string_view hh = s.substr(11, 2);
  const std::string_view mm = s.substr(14, 2);
  const std::string_view ss = s.substr(17, 2);
  return AllDigits(hh) && AllDigits(mm) && AllDigits(ss) && hh < "24" && mm < "60" && ss < "60";
}

// A bound of the time range as a timestamp comparable with the trail's. Dates are Vietnam days
// (UTC+7), as everywhere else in the API: `from` is the day's first second, `to` its last.
std::string Bound(const std::string& raw, const std::string& field, bool end_of_day) {
  using namespace std::chrono;
  if (const auto day = dates::ParseDate(raw)) {
    const sys_seconds start = sys_seconds(*day) - hours(7);
    return dates::Timestamp(end_of_day ? start + days(1) - seconds(1) : start);
  }
  if (IsTimestamp(raw)) return raw;
  throw BadQuery(field, field + " phải là ngày YYYY-MM-DD hoặc thời điểm YYYY-MM-DDTHH:MM:SSZ.",
                 field + " must be a date YYYY-MM-DD or a timestamp YYYY-MM-DDTHH:MM:SSZ.");
}

bool Empty(const store::Scope& s) {
  return !s.everything && s.unit_paths.empty() && s.team_ids.empty();
}

}  // namespace

store::Page<store::AuditEntry> ListAudit(Context& ctx, const Caller& caller,
                                         const AuditLogQuery& in) {
  store::AuditQuery q;
  q.limit = in.limit;
  q.offset = in.offset;
  if (in.entity) {
    auto [type, id] = ParseEntity(*in.entity);
    q.entity_type = type;
    q.entity_id = id;
  }
  if (in.from) q.from = Bound(*in.from, "from", false);
  if (in.to) q.to = Bound(*in.to, "to", true);

  q.scope = ScopeFor(caller, Ability::kReadAudit);
  if (Empty(q.scope)) {
    throw Error(ErrorKind::kForbidden, "forbidden",
                "Tài khoản của bạn không được xem nhật ký thay đổi.",
                "Your account may not read the audit trail.");
  }

  auto tx = ctx.Begin(store::Access::kRead);
  // What lies in one's units today was maybe filed under other paths before a reform: those
  // entries are one's history too.
  q.scope = WithHistory(*tx, q.scope);
  // Naming a unit or a team outside one's scope is refused rather than answered empty, so that
  // a wrong id shows as such.
  if (q.entity_type == "unit") {
    const store::Unit unit = RequireUnit(*tx, *q.entity_id, "entity");
    if (!Covers(q.scope, unit.path)) Require(caller, Ability::kReadAudit, UnitTarget(unit));  // 403
  } else if (q.entity_type == "team") {
    const auto team = tx->FindTeam(*q.entity_id);
    if (!team) throw NotFound("tổ công nghệ số", "team", "entity");
    Require(caller, Ability::kReadAudit, TeamTarget(*tx, *team));
  }
  if (in.unit_id) {
    const store::Unit unit = RequireUnit(*tx, *in.unit_id, "unit");
    // An ancestor of the caller's units is allowed: the scope filter then keeps the caller's
    // own subtrees only. A unit beside them is refused.
    const bool above_scope =
        std::any_of(q.scope.unit_paths.begin(), q.scope.unit_paths.end(),
                    [&](const std::string& p) { return p.starts_with(unit.path); });
    if (!above_scope && !Covers(q.scope, unit.path)) {
      Require(caller, Ability::kReadAudit, UnitTarget(unit));
    }
    q.within_unit_path = unit.path;
    const store::Scope within = WithHistory(*tx, store::Scope{false, {unit.path}, {}, {}});
    q.within_history_paths.assign(within.unit_paths.begin() + 1, within.unit_paths.end());
    q.within_history_units = within.single_unit_paths;
  }
  return tx->ListAudit(q);
}

}  // namespace cnscd::app
