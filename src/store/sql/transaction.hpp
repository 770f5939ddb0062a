#pragma once
// The store's transaction, written once in SQL both engines run: one class whose methods are
// spread over the files of this folder by subject (transaction.cpp: units, teams, people;
// accounts.cpp; requests.cpp; ...). The drivers (store/sqlite, store/postgresql) hand it a
// Connection. Internal to the store: nothing outside src/store includes it.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
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

inline constexpr const char* kUnitColumns =
    "id, code, name, kind, subkind, parent_id, path, valid_from, valid_to";

inline Unit ReadUnit(const Statement& s, int c = 0) {
  Unit u;
  u.id = s.Int(c);
  u.code = s.OptText(c + 1);
  u.name = s.Text(c + 2);
  u.kind = ParseUnitKind(s.Text(c + 3)).value_or(UnitKind::kVillage);
  u.subkind = s.Text(c + 4);
  u.parent_id = s.OptInt(c + 5);
  u.path = s.Text(c + 6);
  u.valid_from = s.OptText(c + 7);
  u.valid_to = s.OptText(c + 8);
  return u;
}

// The units as they were on a day, with the columns of `unit`: a derived table to select from
// as `unit`, whose four parameters are that day. A unit's row holds its state since state_from;
// unit_version holds the states before.
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

inline Team ReadTeam(const Statement& s) {
  return Team{s.Int(0),  s.Int(1),  ParseTeamLevel(s.Text(2)).value_or(TeamLevel::kVillage),
              s.Text(3), s.Text(4), s.OptInt(5)};
}

inline Person ReadPerson(const Statement& s, int c) {
  Person p;
  p.id = s.Int(c);
  p.full_name = s.Text(c + 1);
  p.phone = s.OptText(c + 2);
  p.zalo = s.OptText(c + 3);
  p.occupation = s.OptText(c + 4);
  p.gender = s.OptText(c + 5);
  if (auto y = s.OptInt(c + 6)) p.birth_year = static_cast<int>(*y);
  return p;
}

inline constexpr const char* kMembershipSelect =
    "SELECT m.id, m.team_id, m.role, m.since, m.until, p.id, p.full_name, p.phone, p.zalo, "
    "p.occupation, p.gender, p.birth_year FROM membership m JOIN person p ON p.id = m.person_id ";

inline Membership ReadMembership(const Statement& s) {
  Membership m;
  m.id = s.Int(0);
  m.team_id = s.Int(1);
  m.role = ParseRole(s.Text(2)).value_or(Role::kMember);
  m.since = s.Text(3);
  m.until = s.OptText(4);
  m.person = ReadPerson(s, 5);
  return m;
}

// A WHERE fragment limiting rows to a Scope, with the values to bind in order.
struct SqlFilter {
  std::string sql;
  std::vector<std::variant<std::int64_t, std::string>> args;
  // Binds the args from parameter `first` on; returns the next free parameter index.
  int Bind(Statement& s, int first) const;
};
// `path_column` holds unit paths; `team_column` (may be empty) holds team ids.
SqlFilter ScopeFilter(const Scope& scope, std::string_view path_column,
                      std::string_view team_column);

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
    Statement s = db_.Prepare(std::string("SELECT ") + kUnitColumns + " FROM unit WHERE id = ?");
    s.Bind(1, id);
    if (!s.Step()) return std::nullopt;
    return ReadUnit(s);
  }

  std::optional<Unit> FindUnitByCode(UnitKind kind, const std::string& code,
                                     const std::optional<std::string>& valid_from) override {
    Statement s = db_.Prepare(std::string("SELECT ") + kUnitColumns +
                              " FROM unit WHERE kind = ? AND code = ? AND "
                              "coalesce(valid_from, '') = coalesce(?, '')");
    s.Bind(1, ToString(kind)).Bind(2, code).Bind(3, valid_from);
    if (!s.Step()) return std::nullopt;
    return ReadUnit(s);
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
    Statement p = db_.Prepare("UPDATE unit SET path = ? WHERE id = ?");
    p.Bind(1, path).Bind(2, id);
    p.Run();
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
    Statement s = db_.Prepare("SELECT count(*) FROM unit WHERE parent_id = ? AND valid_to IS NULL");
    s.Bind(1, id);
    s.Step();
    return s.Int(0);
  }

  void PutPopulation(Id unit_id, const Population& p) override {
    for (const auto& [cohort, n] : p.figures) {
      Statement s = db_.Prepare(
          "INSERT INTO population (unit_id, year, cohort, n) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (unit_id, year, cohort) DO UPDATE SET n = excluded.n");
      s.Bind(1, unit_id).Bind(2, p.year).Bind(3, cohort).Bind(4, n);
      s.Run();
    }
  }

  void DeletePopulation(Id unit_id, int year, const std::string& cohort) override {
    Statement s =
        db_.Prepare("DELETE FROM population WHERE unit_id = ? AND year = ? AND cohort = ?");
    s.Bind(1, unit_id).Bind(2, year).Bind(3, cohort);
    s.Run();
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
    Statement s = db_.Prepare(
        "SELECT level, min_members, max_members, require_leader, require_deputy, strict "
        "FROM policy WHERE unit_id = ?");
    s.Bind(1, unit_id);
    std::optional<CompositionPolicy> out;
    while (s.Step()) {
      if (!out) out.emplace();
      LevelPolicy lp;
      if (auto v = s.OptInt(1)) lp.min = static_cast<int>(*v);
      if (auto v = s.OptInt(2)) lp.max = static_cast<int>(*v);
      lp.require_leader = s.Int(3) != 0;
      lp.require_deputy = s.Int(4) != 0;
      lp.strict = s.Int(5) != 0;
      (s.Text(0) == "commune" ? out->commune : out->village) = lp;
    }
    return out;
  }

  void PutPolicy(Id unit_id, const CompositionPolicy& policy) override {
    {
      Statement d = db_.Prepare("DELETE FROM policy WHERE unit_id = ?");
      d.Bind(1, unit_id);
      d.Run();
    }
    auto put = [&](const char* level, const std::optional<LevelPolicy>& lp) {
      if (!lp) return;
      Statement s = db_.Prepare(
          "INSERT INTO policy (unit_id, level, min_members, max_members, require_leader, "
          "require_deputy, strict) VALUES (?, ?, ?, ?, ?, ?, ?)");
      s.Bind(1, unit_id).Bind(2, level).Bind(3, lp->min).Bind(4, lp->max);
      s.Bind(5, lp->require_leader ? 1 : 0).Bind(6, lp->require_deputy ? 1 : 0);
      s.Bind(7, lp->strict ? 1 : 0);
      s.Run();
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
    Statement s =
        db_.Prepare(std::string("SELECT ") + kTeamColumns + " FROM team t WHERE t.id = ?");
    s.Bind(1, id);
    if (!s.Step()) return std::nullopt;
    return ReadTeam(s);
  }

  Page<Team> ListTeams(const Unit& within, const Scope& scope, int limit, int offset) override;
  void SetTeamEstablishedBy(Id team_id, Id decision_id) override;

  std::optional<Person> FindPersonByPhone(const std::string& phone) override {
    Statement s = db_.Prepare(
        "SELECT id, full_name, phone, zalo, occupation, gender, birth_year FROM person "
        "WHERE phone = ?");
    s.Bind(1, phone);
    if (!s.Step()) return std::nullopt;
    return ReadPerson(s, 0);
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
    Statement s = db_.Prepare(
        "INSERT INTO membership (team_id, person_id, role, since, created_at) "
        "VALUES (?, ?, ?, ?, ?)");
    s.Bind(1, team_id).Bind(2, person_id).Bind(3, ToString(role)).Bind(4, since);
    s.Bind(5, Now());
    s.Run();
    return *FindMembership(db_.LastInsertId());
  }

  std::optional<Membership> FindMembership(Id id) override {
    Statement s = db_.Prepare(std::string(kMembershipSelect) + "WHERE m.id = ?");
    s.Bind(1, id);
    if (!s.Step()) return std::nullopt;
    return ReadMembership(s);
  }

  std::vector<Membership> CurrentMembers(Id team_id) override {
    Statement s = db_.Prepare(
        std::string(kMembershipSelect) +
        "WHERE m.team_id = ? AND m.until IS NULL ORDER BY CASE m.role WHEN 'leader' THEN 0 "
        "WHEN 'deputy' THEN 1 WHEN 'member' THEN 2 ELSE 3 END, p.sort_key, m.id");
    s.Bind(1, team_id);
    std::vector<Membership> out;
    while (s.Step()) out.push_back(ReadMembership(s));
    return out;
  }

  void EndMembership(Id id, const std::string& until) override {
    Statement s = db_.Prepare("UPDATE membership SET until = ? WHERE id = ? AND until IS NULL");
    s.Bind(1, until).Bind(2, id);
    s.Run();
  }

  std::vector<TeamComposition> Compositions(const Unit& within) override {
    const auto [lo, hi] = PathRange(within.path);
    Statement s = db_.Prepare(
        "SELECT t.id, t.unit_id, t.level, t.name, t.status, t.established_by, m.role, "
        "count(m.id) "
        "FROM team t JOIN unit u ON u.id = t.unit_id "
        "LEFT JOIN membership m ON m.team_id = t.id AND m.until IS NULL "
        "WHERE u.path >= ? AND u.path < ? AND t.status = 'active' "
        "GROUP BY t.id, m.role ORDER BY t.id");
    s.Bind(1, lo).Bind(2, hi);
    std::vector<TeamComposition> out;
    while (s.Step()) {
      if (out.empty() || out.back().team.id != s.Int(0)) out.push_back({ReadTeam(s), {}});
      if (auto role = s.OptText(6)) {
        out.back().counts.Add(ParseRole(*role).value_or(Role::kMember), static_cast<int>(s.Int(7)));
      }
    }
    return out;
  }

  Coverage CountCoverage(const Unit& within) override {
    const auto [lo, hi] = PathRange(within.path);
    Coverage c;
    Statement v = db_.Prepare(
        "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM team t WHERE "
        "t.unit_id = u.id AND t.level = 'village' AND t.status = 'active')) "
        "FROM unit u WHERE u.kind = 'village' AND u.valid_to IS NULL AND u.path >= ? "
        "AND u.path < ?");
    v.Bind(1, lo).Bind(2, hi);
    v.Step();
    c.villages = v.Int(0);
    c.villages_with_team = v.Int(1);
    c.teams = CountInSubtree(
        "SELECT count(*) FROM team t JOIN unit u ON u.id = t.unit_id "
        "WHERE t.status = 'active' AND u.path >= ? AND u.path < ?",
        within);
    Statement m = db_.Prepare(
        "SELECT count(DISTINCT m.person_id) FILTER (WHERE m.role <> 'collaborator'), "
        "count(DISTINCT m.person_id) FILTER (WHERE m.role = 'collaborator') "
        "FROM membership m JOIN team t ON t.id = m.team_id JOIN unit u ON u.id = t.unit_id "
        "WHERE m.until IS NULL AND t.status = 'active' AND u.path >= ? AND u.path < ?");
    m.Bind(1, lo).Bind(2, hi);
    m.Step();
    c.members = m.Int(0);
    c.collaborators = m.Int(1);
    return c;
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
                                  const Scope& scope) override;
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
  // A page of a filtered list: the total count, then `limit` rows from `offset` in `order`.
  // `where` starts at FROM; its args bind first, then the limit and the offset.
  template <typename T, typename Read>
  Page<T> PageOf(std::string_view columns, const SqlFilter& where, std::string_view order,
                 int limit, int offset, Read read) {
    Page<T> page;
    {
      Statement c = db_.Prepare("SELECT count(*)" + where.sql);
      where.Bind(c, 1);
      c.Step();
      page.total = c.Int(0);
    }
    Statement s = db_.Prepare("SELECT " + std::string(columns) + where.sql + " ORDER BY " +
                              std::string(order) + " LIMIT ? OFFSET ?");
    const int next = where.Bind(s, 1);
    s.Bind(next, limit).Bind(next + 1, offset);
    while (s.Step()) page.items.push_back(read(s));
    return page;
  }

  // A count whose statement takes the subtree's path range as its two parameters.
  std::int64_t CountInSubtree(std::string_view sql, const Unit& within) {
    const auto [lo, hi] = PathRange(within.path);
    Statement s = db_.Prepare(sql);
    s.Bind(1, lo).Bind(2, hi);
    s.Step();
    return s.Int(0);
  }

  Connection& db_;
  std::function<void()> release_;
  bool open_ = true;
};

}  // namespace cnscd::store::sql
