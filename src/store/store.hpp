#pragma once
// Persistence behind one interface. A use case opens one transaction, reads and writes through
// it, and commits; a transaction dropped without Commit() rolls back, so a refusal writes nothing.
// SQLite and PostgreSQL fill it with the same SQL (store/sql over store/sqlite, store/postgresql).
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/records.hpp"

namespace cnscd::store {

class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual void Commit() = 0;

  // The moment the use case acts at (its clock, app::Context::Begin), stamped on every row this
  // transaction writes, so that a test on a fixed clock reads back the times it set.
  void SetNow(std::string timestamp) { now_ = std::move(timestamp); }
  // That moment, or the system clock's where none was set (migrations, maintenance commands).
  std::string Now() const;

  // Units
  virtual std::optional<Unit> FindUnit(Id id) = 0;
  virtual std::optional<Unit> FindUnitByCode(UnitKind kind, const std::string& code,
                                             const std::optional<std::string>& valid_from) = 0;
  virtual Unit InsertUnit(const NewUnit& unit) = 0;
  // Renames or re-describes a unit in place (same parent); used by idempotent imports.
  virtual void UpdateUnitName(Id id, const std::string& name, const std::string& subkind) = 0;
  virtual Page<Unit> ListUnits(const UnitQuery& query, const Scope& scope) = 0;
  virtual std::vector<Unit> Ancestors(const Unit& unit) = 0;  // province first, unit excluded
  virtual std::int64_t CountChildren(Id id) = 0;

  // Units through time (unit_history.cpp, issue 8). The unit row holds today's state; each
  // change keeps the state it ends in unit_version.
  // The unit as it was on `on` (name and place then); nullopt when it did not exist that day.
  virtual std::optional<Unit> FindUnitOn(Id id, const std::string& on) = 0;
  virtual std::vector<Unit> AncestorsOn(const Unit& unit, const std::string& on) = 0;
  virtual std::int64_t CountChildrenOn(Id id, const std::string& on) = 0;
  // The day the unit's current name and place began (valid_from when never changed; nullopt:
  // since ever).
  virtual std::optional<std::string> StateSince(Id id) = 0;
  // Gives the unit a name, subkind and parent from `effective` on; the state it leaves is kept,
  // and with a new parent the current units of its subtree get their new paths (their old ones
  // kept too). Returns the unit as it is now.
  virtual Unit ReshapeUnit(Id id, const std::string& name, const std::string& subkind,
                           std::optional<Id> parent_id, const std::string& effective) = 0;
  // Moves the current children of `from` under `to` from `effective` on, with their subtrees'
  // paths (the old states kept); returns how many children moved.
  virtual std::int64_t MoveChildren(Id from, Id to, const std::string& effective) = 0;
  // Ends the unit's validity (merged away, split, dissolved): valid_to = `day`.
  virtual void CloseUnit(Id id, const std::string& day) = 0;
  virtual Id InsertUnitEvent(const UnitEvent& event) = 0;
  // The events that concern the unit, oldest first.
  virtual std::vector<UnitEvent> UnitEventsOf(Id unit_id) = 0;
  // Moves what hangs on `from` to `to`: its teams, and for a village its support records and
  // their distinct pairs (a citizen helped in both counts once in `to`), trainings, propaganda
  // events and their counters, cashless places. Children are re-parented by the caller.
  virtual MovedCounts MoveAttachments(Id from, Id to) = 0;
  // Counts what still hangs on a unit (to refuse dissolving a unit that holds something).
  virtual MovedCounts CountAttachments(Id unit_id) = 0;
  // Recomputes helped_total for every current unit from helped_count over today's tree; the
  // totals of closed units stay as they were when they closed.
  virtual void RebuildHelpedTotals() = 0;
  // The same for the given current units only (after one event: the chains it touched).
  virtual void RebuildHelpedTotalsOf(const std::vector<Id>& units) = 0;
  // Where what lies within `path` today was filed before (for reading its audit trail): the
  // earlier paths of its current units, and the paths of closed units merged into (`whole`) or
  // split into (`whole` false: the unit's own path only) units of the subtree.
  struct HistoryPath {
    std::string path;
    bool whole = true;
  };
  virtual std::vector<HistoryPath> HistoryPaths(const std::string& path) = 0;
  // A province's own catalogue and reporting policy copied into another province that lacks
  // those codes (a merged-away province's definitions follow its communes).
  virtual void CopyProvinceDefinitions(Id from_province, Id to_province) = 0;

  // Population per unit and year
  virtual void PutPopulation(Id unit_id, const Population& population) = 0;
  virtual void DeletePopulation(Id unit_id, int year, const std::string& cohort) = 0;
  virtual std::vector<Population> ListPopulation(Id unit_id) = 0;

  // Composition policy set on a unit (nullopt: the unit sets none)
  virtual std::optional<CompositionPolicy> FindPolicy(Id unit_id) = 0;
  virtual void PutPolicy(Id unit_id, const CompositionPolicy& policy) = 0;

  // Teams, people, memberships
  virtual Team InsertTeam(const Team& team) = 0;
  virtual std::optional<Team> FindTeam(Id id) = 0;
  virtual Page<Team> ListTeams(const Unit& within, const Scope& scope, int limit, int offset) = 0;
  virtual void SetTeamEstablishedBy(Id team_id, Id decision_id) = 0;
  virtual std::optional<Person> FindPersonByPhone(const std::string& phone) = 0;
  virtual Person InsertPerson(const Person& person) = 0;
  virtual std::optional<Person> FindPerson(Id id) = 0;
  virtual void UpdatePersonContacts(const Person& person) = 0;  // phone, zalo, occupation
  virtual Membership InsertMembership(Id team_id, Id person_id, Role role,
                                      const std::string& since) = 0;
  virtual std::optional<Membership> FindMembership(Id id) = 0;
  virtual std::vector<Membership> CurrentMembers(Id team_id) = 0;
  virtual void EndMembership(Id id, const std::string& until) = 0;
  virtual std::vector<TeamComposition> Compositions(const Unit& within) = 0;
  virtual Coverage CountCoverage(const Unit& within) = 0;
  // The coverage of each child of `parent` over its own subtree, by the child's path, in a fixed
  // number of queries (a child with nothing to count is absent).
  virtual std::map<std::string, Coverage> CountCoverageOfChildren(const Unit& parent) = 0;
  // The policies set on `within` and on the units below it, by unit.
  virtual std::map<Id, CompositionPolicy> PoliciesIn(const Unit& within) = 0;

  // Accounts and sessions
  virtual std::optional<Account> FindAccountByUsername(const std::string& username) = 0;
  virtual std::optional<Account> FindAccount(Id id) = 0;
  virtual Account InsertAccount(const Account& account) = 0;
  virtual void UpdatePasswordHash(Id account_id, const std::string& hash) = 0;
  virtual void SetDisabled(Id account_id, bool disabled) = 0;
  // Accounts holding a grant within `scope`, or created by `created_by`.
  virtual Page<Account> ListAccounts(const Scope& scope, Id created_by, int limit, int offset) = 0;
  virtual Grant InsertGrant(Id account_id, const Grant& grant) = 0;
  virtual std::optional<Grant> FindGrant(Id grant_id) = 0;
  virtual void DeleteGrant(Id grant_id) = 0;
  virtual std::vector<Grant> Grants(Id account_id) = 0;
  virtual void InsertToken(Id account_id, const std::string& token_hash,
                           const std::string& expires_at) = 0;
  // The account of an unexpired token; nullopt when unknown or expired at `now`.
  virtual std::optional<Id> FindTokenAccount(const std::string& token_hash,
                                             const std::string& now) = 0;
  virtual void DeleteToken(const std::string& token_hash) = 0;
  // Ends every session of the account but the one whose hash is `keep` (empty: all).
  virtual void DeleteTokensOf(Id account_id, const std::string& keep) = 0;

  // Login throttling: failures per key ("user:NAME", "addr:IP") since a timestamp.
  virtual void RecordLoginFailure(const std::string& key, const std::string& at) = 0;
  virtual int CountLoginFailures(const std::string& key, const std::string& since) = 0;
  virtual void ClearLoginFailures(const std::string& key) = 0;

  // Join and leave requests
  virtual MembershipRequest InsertRequest(const MembershipRequest& request) = 0;
  virtual std::optional<MembershipRequest> FindRequest(Id id) = 0;
  virtual void UpdateRequest(const MembershipRequest& request) = 0;  // state and its stamps
  virtual Page<MembershipRequest> ListRequests(const RequestQuery& query) = 0;

  // Decisions
  virtual Decision InsertDecision(const Decision& decision) = 0;
  virtual std::optional<Decision> FindDecision(Id id) = 0;
  virtual std::optional<Decision> FindDecisionByNumber(Id commune_id, const std::string& number,
                                                       const std::string& date) = 0;
  virtual Page<Decision> ListDecisions(const Scope& scope, std::optional<Id> commune_id, int limit,
                                       int offset) = 0;

  // Form 2: current members of the active teams in a subtree (and scope), grouped by commune
  // (Vietnamese order), then team, then role (leader first) and name.
  virtual std::vector<TeamListRow> TeamList(const Unit& within, const Scope& scope) = 0;

  // Chat groups
  virtual std::optional<ChatGroup> FindChatGroup(const std::string& owner_type, Id owner_id) = 0;
  virtual void PutChatGroup(const ChatGroup& group) = 0;
  // Every recorded group of units and teams within the subtree.
  virtual std::vector<ChatGroup> ChatGroupsIn(const Unit& within) = 0;

  // Field work (support.cpp). Insert returns false when the id exists already (a resend).
  // Counters of distinct (citizen, service) pairs per village are kept in the same transaction.
  virtual bool InsertSupportRecord(const SupportRecord& record) = 0;
  virtual std::optional<SupportRecord> FindSupportRecord(const std::string& id) = 0;
  virtual void VoidSupportRecord(const std::string& id, const std::string& at) = 0;
  virtual Page<SupportRecord> ListSupportRecords(const SupportQuery& query) = 0;
  // Distinct citizens (or businesses) helped per service in the subtree, by records dated up to
  // and including `until` (YYYY-MM-DD), read from the counters.
  virtual std::map<std::string, std::int64_t> HelpedCounts(const Unit& within,
                                                           const std::string& until) = 0;
  // Rebuilds every counter from the records (cnscd recount); returns the pairs counted.
  virtual std::int64_t RebuildCounters() = 0;
  // The deployment's secret key for citizen hashes, made once.
  virtual std::string SecretKey(const std::string& name, const std::string& fresh_if_missing) = 0;

  // Targets (targets.cpp)
  virtual void PutTarget(const TargetRow& target) = 0;
  virtual void DeleteTarget(Id unit_id, int year, const std::string& indicator) = 0;
  virtual std::vector<TargetRow> TargetsOf(Id unit_id, int year) = 0;

  // Residents trained per topic in the subtree, by residents' sessions dated up to and
  // including `until`, read from the counters (trainings.cpp).
  virtual std::map<std::string, TrainedCount> TrainedCounts(const Unit& within,
                                                            const std::string& until) = 0;

  // --- catalogue (catalogue.cpp): catalogue helper ---
  // A province's own services and indicators, each list in creation order. Inserting a code the
  // province has already is the caller's to refuse first (the primary key would throw).
  virtual void InsertProvinceService(const ProvinceServiceRow& row) = 0;
  virtual std::vector<ProvinceServiceRow> ProvinceServices(Id province_id) = 0;
  virtual void InsertProvinceIndicator(const ProvinceIndicatorRow& row) = 0;
  virtual std::vector<ProvinceIndicatorRow> ProvinceIndicators(Id province_id) = 0;
  // --- end catalogue ---

  // --- trainings and propaganda events (trainings.cpp): trainings helper ---
  // Inserts return false when the id exists already (a resend) and then change nothing. A
  // residents' session adds its attendance and households to trained_count (its place, topic
  // and month) in the same transaction; voiding subtracts them.
  virtual bool InsertTrainingSession(const TrainingSession& session) = 0;
  virtual std::optional<TrainingSession> FindTrainingSession(const std::string& id) = 0;
  virtual void VoidTrainingSession(const std::string& id, const std::string& at) = 0;
  virtual Page<TrainingSession> ListTrainingSessions(const ActivityQuery& query) = 0;
  virtual bool InsertPropagandaEvent(const PropagandaEvent& event) = 0;
  virtual std::optional<PropagandaEvent> FindPropagandaEvent(const std::string& id) = 0;
  virtual void VoidPropagandaEvent(const std::string& id, const std::string& at) = 0;
  virtual Page<PropagandaEvent> ListPropagandaEvents(const ActivityQuery& query) = 0;
  // Rebuilds trained_count from the sessions (cnscd recount); returns the rows written.
  virtual std::int64_t RebuildTrainedCounts() = 0;
  // --- end trainings ---

  // --- reports (reports.cpp): reports helper ---
  virtual std::vector<ReportingPolicyRow> ReportingPolicies(Id province_id) = 0;
  virtual void PutReportingPolicy(const ReportingPolicyRow& policy) = 0;
  virtual Report InsertReport(const Report& report) = 0;
  virtual std::optional<Report> FindReport(Id id) = 0;
  // The report of one reporter and period (team_id nullopt: the unit's own report).
  virtual std::optional<Report> FindReportOf(const std::string& kind, Id unit_id,
                                             std::optional<Id> team_id,
                                             const std::string& period) = 0;
  // Writes the text, figures, status and their stamps.
  virtual void UpdateReport(const Report& report) = 0;
  virtual Page<Report> ListReports(const ReportQuery& query) = 0;
  // Who is expected to report `kind` for `period` below `within` (in `scope`), in one query:
  // `of` "teams" (active teams of the subtree), "communes" or "districts" (units of that kind
  // strictly below), each with its report of that kind and period if any; in name order. Only
  // those that existed at some time in the period (its last day `last_day`, YYYY-MM-DD, in
  // Vietnam): teams created by its end, units valid from that day at the latest; and any that
  // reported for the period all the same.
  virtual std::vector<Reporter> Reporters(const Unit& within, const std::string& of,
                                          const std::string& kind, const std::string& period,
                                          const std::string& last_day, const Scope& scope) = 0;
  // What was done in the subtree between two dates (inclusive), grouped by place and team; with
  // `team_id`, that team's work only (its citizens: those it helped first).
  virtual std::vector<ActivityRow> Activity(const Unit& within, std::optional<Id> team_id,
                                            const std::string& from, const std::string& to) = 0;
  // --- end reports ---

  // --- allowances (allowances.cpp): allowances helper ---
  // Inserts the unit's rate, or replaces its row with the same valid_from.
  virtual void PutAllowanceRate(const AllowanceRateRow& rate) = 0;
  // The unit's own rows, oldest first.
  virtual std::vector<AllowanceRateRow> AllowanceRatesOf(Id unit_id) = 0;
  // The active teams of a commune's subtree that existed by the end of `month` (YYYY-MM), in
  // Vietnamese order.
  virtual std::vector<Team> AllowanceTeams(const Unit& commune, const std::string& month) = 0;
  // The sheet's lines for a commune and month, by team then name (Vietnamese order), each person
  // once, with their activity days from support records, training sessions and propaganda
  // events of the commune's teams: one query, not one per member.
  virtual std::vector<AllowanceLine> AllowanceLines(const Unit& commune,
                                                    const std::string& month) = 0;
  // --- end allowances ---

  // --- cashless places (cashless_places.cpp): cashless helper ---
  // Inserts the declaration (created_at stamped by the caller) and returns it with its id.
  virtual CashlessPlace InsertCashlessPlace(const CashlessPlace& place) = 0;
  virtual std::optional<CashlessPlace> FindCashlessPlace(Id id) = 0;
  // The declaration of that unit, kind and folded name that is not voided, if any.
  virtual std::optional<CashlessPlace> FindLiveCashlessPlace(Id unit_id, const std::string& kind,
                                                             const std::string& name_folded) = 0;
  virtual void VoidCashlessPlace(Id id, const std::string& at) = 0;
  // By declared_on, then folded name.
  virtual Page<CashlessPlace> ListCashlessPlaces(const CashlessPlaceQuery& query) = 0;
  // Places per kind (street, market) in the subtree, not voided, declared up to and including
  // `until` (YYYY-MM-DD): the numerators of cashless_street and cashless_market. One query.
  virtual std::map<std::string, std::int64_t> CashlessPlaceCounts(const Unit& within,
                                                                  const std::string& until) = 0;
  // --- end cashless places ---

  // The audit trail: append and read, never edit.
  virtual void AppendAudit(const AuditEntry& entry) = 0;
  virtual Page<AuditEntry> ListAudit(const AuditQuery& query) = 0;

 private:
  std::string now_;
};

enum class Access { kRead, kWrite };

class Store {
 public:
  virtual ~Store() = default;
  virtual std::unique_ptr<Transaction> Begin(Access access) = 0;
};

// Opens (creating if needed) the SQLite database at `path` and applies pending migrations.
std::unique_ptr<Store> OpenSqlite(const std::string& path, int connections = 4);
// Opens the PostgreSQL database at `url` (postgresql://user@host:port/db?options) with a pool of
// `connections`, and applies pending migrations (postgresql/postgres_store.cpp).
std::unique_ptr<Store> OpenPostgres(const std::string& url, int connections = 4);
// True when `db` names a PostgreSQL database (postgresql:// or postgres://), not a SQLite file.
bool IsPostgresUrl(const std::string& db);
// The database `db` names, by IsPostgresUrl: `--db` of every command.
std::unique_ptr<Store> Open(const std::string& db, int connections = 4);

// Backup and restore of a SQLite database file (sqlite/backup.cpp; `cnscd backup`/`restore`).
// Copies the live database `from` into the new file `to` with SQLite's online backup API,
// `pages_per_step` pages per step, so that writers on `from` (a running `cnscd serve`) keep going
// between steps; `to` ends as one self-contained file (journal mode DELETE). `progress` gets
// (pages left, pages in all) after each step.
void BackupSqlite(const std::string& from, const std::string& to, int pages_per_step = 1024,
                  const std::function<void(int, int)>& progress = {});
// What a database file holds, read without changing a byte of it (no migration, no journal).
struct SqliteFileFacts {
  bool readable = false;    // a SQLite database whose integrity check passes
  std::string problem;      // SQLite's own words when not readable
  bool has_schema = false;  // it has cnscd's schema_migration table
  std::int64_t schema_version = 0;
  std::int64_t units = 0, teams = 0, members = 0, support_records = 0;
};
SqliteFileFacts InspectSqlite(const std::string& path);
// True when another connection (a running `cnscd serve`) holds the database open.
bool SqliteInUse(const std::string& path);
// The newest migration this binary knows.
std::int64_t SqliteSchemaVersion();

}  // namespace cnscd::store
