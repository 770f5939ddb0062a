#pragma once
// The store's transaction, written once in SQL both engines run: one class whose methods are
// spread over the files of this folder by subject (transaction.cpp: units, teams, people;
// accounts.cpp; requests.cpp; ...). The drivers (store/sqlite, store/postgresql) hand it a
// Connection. Internal to the store: nothing outside src/store includes it.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/dates.hpp"
#include "core/text.hpp"
#include "store/sql/statement.hpp"
#include "store/store.hpp"

namespace cnscd::store::sql {

inline std::string NowUtc() { return dates::Timestamp(std::chrono::system_clock::now()); }

// Subtree of a unit: paths in [prefix, prefix with its final '/' replaced by '0').
inline std::pair<std::string, std::string> PathRange(const std::string& path) {
  std::string upper = path;
  upper.back() = '0';  // '/' + 1
  return {path, upper};
}

// A date's month, YYYY-MM (of a timestamp too).
inline std::string MonthOf(const std::string& date) { return date.substr(0, 7); }

// A row's columns read in order from `first` on, each as the type of the field it fills, so that
// a reader names its fields once, in the order of its column list.
class Columns {
 public:
  explicit Columns(const Statement& s, int first = 0) : s_(s), next_(first) {}

  Columns& operator>>(std::int64_t& out) {
    out = s_.Int(next_++);
    return *this;
  }
  Columns& operator>>(int& out) {
    out = static_cast<int>(s_.Int(next_++));
    return *this;
  }
  Columns& operator>>(bool& out) {
    out = s_.Int(next_++) != 0;
    return *this;
  }
  Columns& operator>>(std::string& out) {
    out = s_.Text(next_++);
    return *this;
  }
  Columns& operator>>(std::optional<std::string>& out) {
    out = s_.OptText(next_++);
    return *this;
  }
  Columns& operator>>(std::optional<std::int64_t>& out) {
    out = s_.OptInt(next_++);
    return *this;
  }
  Columns& operator>>(std::optional<int>& out) {
    const auto v = s_.OptInt(next_++);
    out = v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
    return *this;
  }
  Columns& operator>>(std::optional<double>& out) {
    out = s_.OptDouble(next_++);
    return *this;
  }
  // The domain's words, stored as text; a word the code no longer knows reads as the default.
  Columns& operator>>(UnitKind& out) {
    out = ParseUnitKind(s_.Text(next_++)).value_or(UnitKind::kVillage);
    return *this;
  }
  Columns& operator>>(TeamLevel& out) {
    out = ParseTeamLevel(s_.Text(next_++)).value_or(TeamLevel::kVillage);
    return *this;
  }
  Columns& operator>>(Role& out) {
    out = ParseRole(s_.Text(next_++)).value_or(Role::kMember);
    return *this;
  }
  Columns& operator>>(Subject& out) {
    out = ParseSubject(s_.Text(next_++)).value_or(Subject::kPeople);
    return *this;
  }
  // The rows the subjects share, each in the order of its column list below.
  Columns& operator>>(Unit& u) {
    return *this >> u.id >> u.code >> u.name >> u.kind >> u.subkind >> u.parent_id >> u.path >>
           u.valid_from >> u.valid_to;
  }
  Columns& operator>>(Team& t) {
    return *this >> t.id >> t.unit_id >> t.level >> t.name >> t.status >> t.established_by;
  }
  Columns& operator>>(Person& p) {
    return *this >> p.id >> p.full_name >> p.phone >> p.zalo >> p.occupation >> p.gender >>
           p.birth_year;
  }
  Columns& operator>>(Membership& m) {
    return *this >> m.id >> m.team_id >> m.role >> m.since >> m.until >> m.person;
  }

 private:
  const Statement& s_;
  int next_;
};

// Runs `sql` with `values` bound to its parameters in order.
template <typename... Values>
void Run(Connection& db, std::string_view sql, const Values&... values) {
  Statement s = db.Prepare(sql);
  s.BindAll(values...);
  s.Run();
}

// The first row `sql` gives with `values` bound, read by `read`; nullopt when it gives none.
template <typename Read, typename... Values>
auto FirstRow(Connection& db, std::string_view sql, Read read, const Values&... values)
    -> std::optional<std::invoke_result_t<Read&, const Statement&>> {
  Statement s = db.Prepare(sql);
  s.BindAll(values...);
  if (!s.Step()) return std::nullopt;
  return read(s);
}

// Every row `sql` gives with `values` bound, read by `read`.
template <typename Read, typename... Values>
auto AllRows(Connection& db, std::string_view sql, Read read, const Values&... values)
    -> std::vector<std::invoke_result_t<Read&, const Statement&>> {
  Statement s = db.Prepare(sql);
  s.BindAll(values...);
  std::vector<std::invoke_result_t<Read&, const Statement&>> out;
  while (s.Step()) out.push_back(read(s));
  return out;
}

// The first N columns of the one row `sql` gives with `values` bound: counts and sums.
template <std::size_t N, typename... Values>
std::array<std::int64_t, N> Counts(Connection& db, std::string_view sql, const Values&... values) {
  Statement s = db.Prepare(sql);
  s.BindAll(values...);
  s.Step();
  std::array<std::int64_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = s.Int(static_cast<int>(i));
  return out;
}

// The one number a count gives.
template <typename... Values>
std::int64_t Count(Connection& db, std::string_view sql, const Values&... values) {
  return Counts<1>(db, sql, values...)[0];
}

// The (key, number) rows `sql` gives with `values` bound: counts by kind or by service.
template <typename... Values>
std::map<std::string, std::int64_t> CountsByKey(Connection& db, std::string_view sql,
                                                const Values&... values) {
  Statement s = db.Prepare(sql);
  s.BindAll(values...);
  std::map<std::string, std::int64_t> out;
  while (s.Step()) out[s.Text(0)] = s.Int(1);
  return out;
}

// A row of one of the shared kinds, from the first column.
template <typename Row>
Row ReadRow(const Statement& s) {
  Row row;
  Columns(s) >> row;
  return row;
}

inline constexpr const char* kUnitColumns =
    "id, code, name, kind, subkind, parent_id, path, valid_from, valid_to";

// The units as they were on a day, with the columns of `unit` and `path_now` (today's path, for
// scope): a derived table to select from as `unit`, whose four parameters are that day. A unit's
// row holds its state since state_from; unit_version holds the states before.
inline constexpr const char* kUnitsOn =
    "(SELECT id, code, name, name_folded, sort_key, kind, subkind, parent_id, path, valid_from, "
    "valid_to, path AS path_now FROM unit WHERE coalesce(state_from, valid_from, '') <= ? AND "
    "(valid_to IS NULL OR valid_to > ?) "
    "UNION ALL SELECT u.id, u.code, v.name, v.name_folded, v.sort_key, u.kind, v.subkind, "
    "v.parent_id, v.path, u.valid_from, u.valid_to, u.path FROM unit_version v "
    "JOIN unit u ON u.id = v.unit_id WHERE coalesce(v.state_from, '') <= ? AND v.state_to > ?) "
    "AS unit";

inline constexpr const char* kTeamColumns =
    "t.id, t.unit_id, t.level, t.name, t.status, t.established_by";

inline constexpr const char* kPersonColumns =
    "id, full_name, phone, zalo, occupation, gender, birth_year";

inline constexpr const char* kMembershipSelect =
    "SELECT m.id, m.team_id, m.role, m.since, m.until, p.id, p.full_name, p.phone, p.zalo, "
    "p.occupation, p.gender, p.birth_year FROM membership m JOIN person p ON p.id = m.person_id ";

// A WHERE fragment limiting rows to a Scope, with the values to bind in order.
struct SqlFilter {
  std::string sql;
  std::vector<std::variant<std::int64_t, std::string>> args;
  // Binds the args from parameter `first` on; returns the next free parameter index.
  int Bind(Statement& s, int first) const;

  // Appends " AND " and `other`, with its values.
  SqlFilter& And(const SqlFilter& other);
  // Appends " AND <condition>" and its one value, when a list is asked for one.
  template <typename T>
  SqlFilter& AndIf(std::string_view condition, const std::optional<T>& value) {
    if (value) {
      sql += " AND ";
      sql += condition;
      args.emplace_back(*value);
    }
    return *this;
  }
  // Keeps the rows whose `path_column` lies in the subtree at `path`, when there is one.
  SqlFilter& AndWithin(std::string_view path_column, const std::optional<std::string>& path);
};
// `path_column` holds unit paths; `team_column` (may be empty) holds team ids.
SqlFilter ScopeFilter(const Scope& scope, std::string_view path_column,
                      std::string_view team_column);
// The WHERE of a list of field work, from FROM on: `from` names the rows `alias`, joined to their
// place's unit as `u`; then the rows in the caller's scope (by place or team), in the subtree, of
// the team, of the kind (`kind_column` = `kind`), between the dates.
SqlFilter FieldWorkFilter(const std::string& from, const std::string& alias,
                          const FieldWorkQuery& q, const std::string& kind_column,
                          const std::optional<std::string>& kind);

class SqlTransaction final : public Transaction {
 public:
  // Begins a transaction on `db`; `release` gives the connection back to its pool at the end.
  SqlTransaction(Connection& db, Access access, std::function<void()> release)
      : db_(db), release_(std::move(release)) {
    try {
      db_.Begin(access);
    } catch (...) {
      release_();
      throw;
    }
  }
  ~SqlTransaction() override {
    if (open_) {
      try {
        db_.Rollback();
      } catch (...) {  // the connection is unusable anyway; nothing more to undo
      }
    }
    release_();
  }
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;

  void Commit() override {
    db_.Commit();
    open_ = false;
  }

  std::optional<Unit> FindUnit(Id id) override {
    return FirstRow(db_, std::string("SELECT ") + kUnitColumns + " FROM unit WHERE id = ?",
                    ReadRow<Unit>, id);
  }

  std::optional<Unit> FindUnitByCode(UnitKind kind, const std::string& code,
                                     const std::optional<std::string>& valid_from) override {
    return FirstRow(db_,
                    std::string("SELECT ") + kUnitColumns +
                        " FROM unit WHERE kind = ? AND code = ? AND "
                        "coalesce(valid_from, '') = coalesce(?, '')",
                    ReadRow<Unit>, ToString(kind), code, valid_from);
  }

  Unit InsertUnit(const NewUnit& n) override {
    std::string parent_path = "/";
    if (n.parent_id) {
      auto parent = FindUnit(*n.parent_id);
      if (!parent) throw std::logic_error("InsertUnit: parent vanished");
      parent_path = parent->path;
    }
    Statement s = db_.Prepare(
        "INSERT INTO unit (code, name, name_folded, sort_key, kind, subkind, parent_id, path, "
        "valid_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)");
    s.Bind(1, n.code).Bind(2, n.name).Bind(3, text::Fold(n.name));
    s.BindBlob(4, text::CollationKey(n.name));
    s.Bind(5, ToString(n.kind)).Bind(6, n.subkind).Bind(7, n.parent_id).Bind(8, n.valid_from);
    s.Bind(9, Now());
    s.Run();
    const Id id = db_.LastInsertId();
    const std::string path = parent_path + std::to_string(id) + "/";
    Run(db_, "UPDATE unit SET path = ? WHERE id = ?", path, id);
    return Unit{id, n.code, n.name, n.kind, n.subkind, n.parent_id, path, n.valid_from, {}};
  }

  void UpdateUnitName(Id id, const std::string& name, const std::string& subkind) override {
    Statement s = db_.Prepare(
        "UPDATE unit SET name = ?, name_folded = ?, sort_key = ?, subkind = ? WHERE id = ?");
    s.Bind(1, name).Bind(2, text::Fold(name)).BindBlob(3, text::CollationKey(name));
    s.Bind(4, subkind).Bind(5, id);
    s.Run();
  }

  Page<Unit> ListUnits(const UnitQuery& q, const Scope& scope) override;

  // unit_history.cpp
  std::optional<Unit> FindUnitOn(Id id, const std::string& on) override;
  std::vector<Unit> AncestorsOn(const Unit& unit, const std::string& on) override;
  std::int64_t CountChildrenOn(Id id, const std::string& on) override;
  std::optional<std::string> StateSince(Id id) override;
  Unit ReshapeUnit(Id id, const std::string& name, const std::string& subkind,
                   std::optional<Id> parent_id, const std::string& effective) override;
  std::int64_t MoveChildren(Id from, Id to, const std::string& effective) override;
  void CloseUnit(Id id, const std::string& day) override;
  Id InsertUnitEvent(const UnitEvent& event) override;
  std::vector<UnitEvent> UnitEventsOf(Id unit_id) override;
  MovedCounts MoveAttachments(Id from, Id to) override;
  MovedCounts CountAttachments(Id unit_id) override;
  void RebuildHelpedTotals() override;
  void RebuildHelpedTotalsOf(const std::vector<Id>& units) override;
  void CopyProvinceDefinitions(Id from_province, Id to_province) override;
  std::vector<HistoryPath> HistoryPaths(const std::string& path) override;

  std::vector<Unit> Ancestors(const Unit& unit) override {
    std::vector<Unit> out;
    std::optional<Id> next = unit.parent_id;
    while (next) {
      auto u = FindUnit(*next);
      if (!u) break;
      next = u->parent_id;
      out.insert(out.begin(), std::move(*u));
    }
    return out;
  }

  std::int64_t CountChildren(Id id) override {
    return Count(db_, "SELECT count(*) FROM unit WHERE parent_id = ? AND valid_to IS NULL", id);
  }

  void PutPopulation(Id unit_id, const Population& p) override {
    for (const auto& [cohort, n] : p.figures) {
      Run(db_,
          "INSERT INTO population (unit_id, year, cohort, n) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (unit_id, year, cohort) DO UPDATE SET n = excluded.n",
          unit_id, p.year, cohort, n);
    }
  }

  void DeletePopulation(Id unit_id, int year, const std::string& cohort) override {
    Run(db_, "DELETE FROM population WHERE unit_id = ? AND year = ? AND cohort = ?", unit_id, year,
        cohort);
  }

  std::vector<Population> ListPopulation(Id unit_id) override {
    Statement s = db_.Prepare(
        "SELECT year, cohort, n FROM population WHERE unit_id = ? ORDER BY year DESC, cohort");
    s.Bind(1, unit_id);
    std::vector<Population> out;
    while (s.Step()) {
      const int year = static_cast<int>(s.Int(0));
      if (out.empty() || out.back().year != year) out.push_back({year, {}});
      out.back().figures[s.Text(1)] = s.Int(2);
    }
    return out;
  }

  std::optional<CompositionPolicy> FindPolicy(Id unit_id) override {
    const auto found = PoliciesWhere("p.unit_id = ?", unit_id);
    if (found.empty()) return std::nullopt;
    return found.begin()->second;
  }

  std::map<Id, CompositionPolicy> PoliciesIn(const Unit& within) override {
    const auto [lo, hi] = PathRange(within.path);
    return PoliciesWhere("u.path >= ? AND u.path < ?", lo, hi);
  }

  void PutPolicy(Id unit_id, const CompositionPolicy& policy) override {
    Run(db_, "DELETE FROM policy WHERE unit_id = ?", unit_id);
    auto put = [&](const char* level, const std::optional<LevelPolicy>& lp) {
      if (!lp) return;
      Run(db_,
          "INSERT INTO policy (unit_id, level, min_members, max_members, require_leader, "
          "require_deputy, strict) VALUES (?, ?, ?, ?, ?, ?, ?)",
          unit_id, level, lp->min, lp->max, lp->require_leader ? 1 : 0, lp->require_deputy ? 1 : 0,
          lp->strict ? 1 : 0);
    };
    put("village", policy.village);
    put("commune", policy.commune);
  }

  Team InsertTeam(const Team& t) override {
    Statement s = db_.Prepare(
        "INSERT INTO team (unit_id, level, name, sort_key, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    s.Bind(1, t.unit_id).Bind(2, ToString(t.level)).Bind(3, t.name);
    s.BindBlob(4, text::CollationKey(t.name)).Bind(5, t.status).Bind(6, Now());
    s.Run();
    Team out = t;
    out.id = db_.LastInsertId();
    return out;
  }

  std::optional<Team> FindTeam(Id id) override {
    return FirstRow(db_, std::string("SELECT ") + kTeamColumns + " FROM team t WHERE t.id = ?",
                    ReadRow<Team>, id);
  }

  Page<Team> ListTeams(const Unit& within, const Scope& scope, int limit, int offset) override;
  void SetTeamEstablishedBy(Id team_id, Id decision_id) override;

  std::optional<Person> FindPersonByPhone(const std::string& phone) override {
    return FirstRow(db_, std::string("SELECT ") + kPersonColumns + " FROM person WHERE phone = ?",
                    ReadRow<Person>, phone);
  }

  Person InsertPerson(const Person& p) override {
    Statement s = db_.Prepare(
        "INSERT INTO person (full_name, full_name_folded, sort_key, phone, zalo, occupation, "
        "gender, birth_year, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.Bind(1, p.full_name).Bind(2, text::Fold(p.full_name));
    s.BindBlob(3, text::CollationKey(p.full_name));
    s.Bind(4, p.phone).Bind(5, p.zalo).Bind(6, p.occupation).Bind(7, p.gender);
    s.Bind(8, p.birth_year).Bind(9, Now());
    s.Run();
    Person out = p;
    out.id = db_.LastInsertId();
    return out;
  }

  Membership InsertMembership(Id team_id, Id person_id, Role role,
                              const std::string& since) override {
    Run(db_,
        "INSERT INTO membership (team_id, person_id, role, since, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        team_id, person_id, ToString(role), since, Now());
    return *FindMembership(db_.LastInsertId());
  }

  std::optional<Membership> FindMembership(Id id) override {
    return FirstRow(db_, std::string(kMembershipSelect) + "WHERE m.id = ?", ReadRow<Membership>,
                    id);
  }

  std::vector<Membership> CurrentMembers(Id team_id) override {
    return AllRows(db_,
                   std::string(kMembershipSelect) +
                       "WHERE m.team_id = ? AND m.until IS NULL ORDER BY CASE m.role WHEN "
                       "'leader' THEN 0 WHEN 'deputy' THEN 1 WHEN 'member' THEN 2 ELSE 3 END, "
                       "p.sort_key, m.id",
                   ReadRow<Membership>, team_id);
  }

  void EndMembership(Id id, const std::string& until) override {
    Run(db_, "UPDATE membership SET until = ? WHERE id = ? AND until IS NULL", until, id);
  }

  std::vector<TeamComposition> Compositions(const Unit& within) override {
    const auto [lo, hi] = PathRange(within.path);
    Statement s = db_.Prepare(
        "SELECT t.id, t.unit_id, t.level, t.name, t.status, t.established_by, m.role, "
        "count(m.id), u.path "
        "FROM team t JOIN unit u ON u.id = t.unit_id "
        "LEFT JOIN membership m ON m.team_id = t.id AND m.until IS NULL "
        "WHERE u.path >= ? AND u.path < ? AND t.status = 'active' "
        "GROUP BY t.id, m.role, u.path ORDER BY t.id");
    s.Bind(1, lo).Bind(2, hi);
    std::vector<TeamComposition> out;
    while (s.Step()) {
      if (out.empty() || out.back().team.id != s.Int(0)) {
        out.push_back({ReadRow<Team>(s), {}, s.Text(8)});
      }
      if (auto role = s.OptText(6)) {
        out.back().counts.Add(ParseRole(*role).value_or(Role::kMember), static_cast<int>(s.Int(7)));
      }
    }
    return out;
  }

  Coverage CountCoverage(const Unit& within) override {
    return CoverageBy(within, "CAST(? AS TEXT)", within.path)[within.path];
  }

  std::map<std::string, Coverage> CountCoverageOfChildren(const Unit& parent) override {
    // A unit's path cut after the segment that follows the parent's: its child's path.
    const auto n = static_cast<std::int64_t>(parent.path.size());
    return CoverageBy(parent,
                      "substr(u.path, 1, CAST(? AS INTEGER) + instr(substr(u.path, CAST(? AS "
                      "INTEGER) + 1), '/'))",
                      n, n);
  }

  // accounts.cpp
  std::optional<Account> FindAccountByUsername(const std::string& username) override;
  std::optional<Account> FindAccount(Id id) override;
  Account InsertAccount(const Account& account) override;
  void UpdatePasswordHash(Id account_id, const std::string& hash) override;
  void SetDisabled(Id account_id, bool disabled) override;
  Page<Account> ListAccounts(const Scope& scope, Id created_by, int limit, int offset) override;
  Grant InsertGrant(Id account_id, const Grant& grant) override;
  std::optional<Grant> FindGrant(Id grant_id) override;
  void DeleteGrant(Id grant_id) override;
  std::vector<Grant> Grants(Id account_id) override;
  void InsertToken(Id account_id, const std::string& token_hash,
                   const std::string& expires_at) override;
  std::optional<Id> FindTokenAccount(const std::string& token_hash,
                                     const std::string& now) override;
  void DeleteToken(const std::string& token_hash) override;
  void DeleteTokensOf(Id account_id, const std::string& keep) override;
  void RecordLoginFailure(const std::string& key, const std::string& at) override;
  int CountLoginFailures(const std::string& key, const std::string& since) override;
  void ClearLoginFailures(const std::string& key) override;

  // people (transaction.cpp)
  std::optional<Person> FindPerson(Id id) override;
  void UpdatePersonContacts(const Person& person) override;

  // requests.cpp
  MembershipRequest InsertRequest(const MembershipRequest& request) override;
  std::optional<MembershipRequest> FindRequest(Id id) override;
  void UpdateRequest(const MembershipRequest& request) override;
  Page<MembershipRequest> ListRequests(const RequestQuery& query) override;

  // decisions.cpp
  Decision InsertDecision(const Decision& decision) override;
  std::optional<Decision> FindDecision(Id id) override;
  std::optional<Decision> FindDecisionByNumber(Id commune_id, const std::string& number,
                                               const std::string& date) override;
  Page<Decision> ListDecisions(const Scope& scope, std::optional<Id> commune_id, int limit,
                               int offset) override;

  // team_list.cpp
  std::vector<TeamListRow> TeamList(const Unit& within, const Scope& scope) override;

  // chat_groups.cpp
  std::optional<ChatGroup> FindChatGroup(const std::string& owner_type, Id owner_id) override;
  void PutChatGroup(const ChatGroup& group) override;
  std::vector<ChatGroup> ChatGroupsIn(const Unit& within) override;

  // support.cpp
  bool InsertSupportRecord(const SupportRecord& record) override;
  std::optional<SupportRecord> FindSupportRecord(const std::string& id) override;
  void VoidSupportRecord(const std::string& id, const std::string& at) override;
  Page<SupportRecord> ListSupportRecords(const SupportQuery& query) override;
  std::map<std::string, std::int64_t> HelpedCounts(const Unit& within,
                                                   const std::string& until) override;
  std::int64_t RebuildCounters() override;
  std::string SecretKey(const std::string& name, const std::string& fresh_if_missing) override;

  // targets.cpp
  void PutTarget(const TargetRow& target) override;
  void DeleteTarget(Id unit_id, int year, const std::string& indicator) override;
  std::vector<TargetRow> TargetsOf(Id unit_id, int year) override;

  // trainings.cpp
  std::map<std::string, TrainedCount> TrainedCounts(const Unit& within,
                                                    const std::string& until) override;

  // --- catalogue (catalogue.cpp) ---
  void InsertProvinceService(const ProvinceServiceRow& row) override;
  std::vector<ProvinceServiceRow> ProvinceServices(Id province_id) override;
  void InsertProvinceIndicator(const ProvinceIndicatorRow& row) override;
  std::vector<ProvinceIndicatorRow> ProvinceIndicators(Id province_id) override;
  // --- end catalogue ---

  // --- trainings (trainings.cpp) ---
  bool InsertTrainingSession(const TrainingSession& session) override;
  std::optional<TrainingSession> FindTrainingSession(const std::string& id) override;
  void VoidTrainingSession(const std::string& id, const std::string& at) override;
  Page<TrainingSession> ListTrainingSessions(const ActivityQuery& query) override;
  bool InsertPropagandaEvent(const PropagandaEvent& event) override;
  std::optional<PropagandaEvent> FindPropagandaEvent(const std::string& id) override;
  void VoidPropagandaEvent(const std::string& id, const std::string& at) override;
  Page<PropagandaEvent> ListPropagandaEvents(const ActivityQuery& query) override;
  std::int64_t RebuildTrainedCounts() override;
  // --- end trainings ---

  // --- reports (reports.cpp) ---
  std::vector<ReportingPolicyRow> ReportingPolicies(Id province_id) override;
  void PutReportingPolicy(const ReportingPolicyRow& policy) override;
  Report InsertReport(const Report& report) override;
  std::optional<Report> FindReport(Id id) override;
  std::optional<Report> FindReportOf(const std::string& kind, Id unit_id, std::optional<Id> team_id,
                                     const std::string& period) override;
  void UpdateReport(const Report& report) override;
  Page<Report> ListReports(const ReportQuery& query) override;
  std::vector<Reporter> Reporters(const Unit& within, const std::string& of,
                                  const std::string& kind, const std::string& period,
                                  const std::string& last_day, const Scope& scope) override;
  std::vector<ActivityRow> Activity(const Unit& within, std::optional<Id> team_id,
                                    const std::string& from, const std::string& to) override;
  // --- end reports ---

  // --- allowances (allowances.cpp) ---
  void PutAllowanceRate(const AllowanceRateRow& rate) override;
  std::vector<AllowanceRateRow> AllowanceRatesOf(Id unit_id) override;
  std::vector<Team> AllowanceTeams(const Unit& commune, const std::string& month) override;
  std::vector<AllowanceLine> AllowanceLines(const Unit& commune, const std::string& month) override;
  // --- end allowances ---

  // --- cashless places (cashless_places.cpp) ---
  CashlessPlace InsertCashlessPlace(const CashlessPlace& place) override;
  std::optional<CashlessPlace> FindCashlessPlace(Id id) override;
  std::optional<CashlessPlace> FindLiveCashlessPlace(Id unit_id, const std::string& kind,
                                                     const std::string& name_folded) override;
  void VoidCashlessPlace(Id id, const std::string& at) override;
  Page<CashlessPlace> ListCashlessPlaces(const CashlessPlaceQuery& query) override;
  std::map<std::string, std::int64_t> CashlessPlaceCounts(const Unit& within,
                                                          const std::string& until) override;
  // --- end cashless places ---

  // audit.cpp
  void AppendAudit(const AuditEntry& entry) override;
  Page<AuditEntry> ListAudit(const AuditQuery& query) override;

 private:
  // A row's own time, or the transaction's when it brings none.
  std::string OwnOrNow(const std::string& at) const { return at.empty() ? Now() : at; }

  // A page of a filtered list: the total count, then `limit` rows from `offset` in `order`.
  // `where` starts at FROM; `bind` binds its parameters from the first on and returns the next
  // free one, which takes the limit, and the one after it the offset.
  template <typename T, typename Binder, typename Read>
  Page<T> PageOf(std::string_view columns, const std::string& where, Binder bind,
                 std::string_view order, int limit, int offset, Read read) {
    Page<T> page;
    {
      Statement c = db_.Prepare("SELECT count(*)" + where);
      bind(c);
      c.Step();
      page.total = c.Int(0);
    }
    Statement s = db_.Prepare("SELECT " + std::string(columns) + where + " ORDER BY " +
                              std::string(order) + " LIMIT ? OFFSET ?");
    const int next = bind(s);
    s.Bind(next, limit).Bind(next + 1, offset);
    while (s.Step()) page.items.push_back(read(s));
    return page;
  }

  // The same, for a filter whose args are all its parameters.
  template <typename T, typename Read>
  Page<T> PageOf(std::string_view columns, const SqlFilter& where, std::string_view order,
                 int limit, int offset, Read read) {
    return PageOf<T>(
        columns, where.sql, [&where](Statement& s) { return where.Bind(s, 1); }, order, limit,
        offset, read);
  }

  // The policies set on the units `where` picks (a condition on `policy p` and its `unit u`).
  template <typename... Values>
  std::map<Id, CompositionPolicy> PoliciesWhere(std::string_view where, const Values&... values) {
    Statement s = db_.Prepare(
        "SELECT p.unit_id, p.level, p.min_members, p.max_members, p.require_leader, "
        "p.require_deputy, p.strict FROM policy p JOIN unit u ON u.id = p.unit_id WHERE " +
        std::string(where));
    s.BindAll(values...);
    std::map<Id, CompositionPolicy> out;
    while (s.Step()) {
      LevelPolicy lp;
      if (auto v = s.OptInt(2)) lp.min = static_cast<int>(*v);
      if (auto v = s.OptInt(3)) lp.max = static_cast<int>(*v);
      lp.require_leader = s.Int(4) != 0;
      lp.require_deputy = s.Int(5) != 0;
      lp.strict = s.Int(6) != 0;
      CompositionPolicy& policy = out[s.Int(0)];
      (s.Text(1) == "commune" ? policy.commune : policy.village) = lp;
    }
    return out;
  }

  // The coverage of `within`'s subtree in groups: `key` is an SQL expression over `u.path` (its
  // parameters `key_args`) naming each unit's group, the subtree whole or each child's.
  template <typename... KeyArgs>
  std::map<std::string, Coverage> CoverageBy(const Unit& within, std::string_view key,
                                             const KeyArgs&... key_args) {
    const auto range = PathRange(within.path);  // a lambda captures no structured binding
    const std::string select = "SELECT " + std::string(key) + ", ";
    const std::string teams = " FROM team t JOIN unit u ON u.id = t.unit_id";
    const std::string where = " WHERE u.path >= ? AND u.path < ? AND ";
    std::map<std::string, Coverage> out;
    auto rows = [&](const std::string& sql, auto fill) {
      Statement s = db_.Prepare(sql);
      s.BindAll(key_args..., range.first, range.second);
      while (s.Step()) fill(out[s.Text(0)], s);
    };
    rows(select +
             "count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM team t WHERE t.unit_id = u.id "
             "AND t.level = 'village' AND t.status = 'active')) FROM unit u" +
             where + "u.kind = 'village' AND u.valid_to IS NULL GROUP BY 1",
         [](Coverage& c, const Statement& s) {
           c.villages = s.Int(1);
           c.villages_with_team = s.Int(2);
         });
    rows(select + "count(*)" + teams + where + "t.status = 'active' GROUP BY 1",
         [](Coverage& c, const Statement& s) { c.teams = s.Int(1); });
    rows(select +
             "count(DISTINCT m.person_id) FILTER (WHERE m.role <> 'collaborator'), "
             "count(DISTINCT m.person_id) FILTER (WHERE m.role = 'collaborator')" +
             teams + " JOIN membership m ON m.team_id = t.id" + where +
             "m.until IS NULL AND t.status = 'active' GROUP BY 1",
         [](Coverage& c, const Statement& s) {
           c.members = s.Int(1);
           c.collaborators = s.Int(2);
         });
    return out;
  }

  Connection& db_;
  std::function<void()> release_;
  bool open_ = true;
};

}  // namespace cnscd::store::sql
