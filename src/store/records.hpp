#pragma once
// The rows that cross the Store interface: plain data, no behaviour.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/policy.hpp"
#include "core/service.hpp"
#include "core/team.hpp"
#include "core/unit.hpp"

namespace cnscd::store {

using Id = std::int64_t;

struct Unit {
  Id id = 0;
  std::optional<std::string> code;  // GSO code; villages usually have none
  std::string name;
  UnitKind kind = UnitKind::kVillage;
  std::string subkind;
  std::optional<Id> parent_id;
  std::string path;  // materialised: "/12/345/6789/", ancestors first, for subtree queries
  std::optional<std::string> valid_from;  // YYYY-MM-DD; unit history arrives with the reform
  std::optional<std::string> valid_to;
};

struct NewUnit {
  std::optional<std::string> code;
  std::string name;
  UnitKind kind = UnitKind::kVillage;
  std::string subkind;
  std::optional<Id> parent_id;
  std::optional<std::string> valid_from;
};

struct UnitQuery {
  std::optional<Id> parent_id;
  std::optional<UnitKind> kind;
  std::string folded_text;                // text::Fold of the search; empty for none
  std::optional<std::string> valid_from;  // only units of this edition (nullopt: any)
  std::optional<std::string> on;          // the tree as it was that day (nullopt: today's)
  int limit = 100;
  int offset = 0;
};

// A change of the tree (issue 8): what happened, from when, on what legal basis.
struct UnitEvent {
  Id id = 0;
  std::string kind;       // create, rename, reparent, merge, split, dissolve
  std::string effective;  // YYYY-MM-DD
  std::string basis;      // resolution number and date
  std::string detail;     // JSON: names before and after, what moved
  std::vector<Id> from;   // units renamed, re-parented, merged away, split or dissolved
  std::vector<Id> to;     // units merged into, parts of a split, a new parent
  std::vector<Id> moved;  // children that moved with a merge or by a split's assignment
  std::optional<Id> account_id;
  std::string created_at;
};

// What followed a unit into another when it was merged away or split (MoveAttachments).
struct MovedCounts {
  std::int64_t children = 0, teams = 0, support_records = 0, trainings = 0, events = 0,
               cashless_places = 0;
  // What hangs on the unit itself (its children aside).
  std::int64_t Attached() const {
    return teams + support_records + trainings + events + cashless_places;
  }
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

// Cohorts that are the denominators of the targets (DOMAIN.md §2, §7).
inline const std::vector<std::string>& PopulationCohorts() { return Cohorts(); }

struct Population {
  int year = 0;
  std::map<std::string, std::int64_t> figures;  // cohort -> number; absent when unknown
};

struct Team {
  Id id = 0;
  Id unit_id = 0;
  TeamLevel level = TeamLevel::kVillage;
  std::string name;
  std::string status;                // active
  std::optional<Id> established_by;  // the decision that established it
};

struct Person {
  Id id = 0;
  std::string full_name;
  std::optional<std::string> phone;  // ten digits
  std::optional<std::string> zalo;
  std::optional<std::string> occupation;
  std::optional<std::string> gender;  // male, female, other
  std::optional<int> birth_year;
};

struct Membership {
  Id id = 0;
  Id team_id = 0;
  Role role = Role::kMember;
  std::string since;                 // YYYY-MM-DD
  std::optional<std::string> until;  // set when it ends; the row stays
  Person person;
};

// A team and its current members by role: what policy evaluation needs.
struct TeamComposition {
  Team team;
  RoleCounts counts;
  std::string unit_path;  // the path of the team's unit: where it sits in the subtree
};

struct Coverage {
  std::int64_t villages = 0;
  std::int64_t villages_with_team = 0;
  std::int64_t teams = 0;
  std::int64_t members = 0;  // distinct people in a current non-collaborator membership
  std::int64_t collaborators = 0;
};

struct Grant {
  std::string role;
  std::optional<Id> unit_id;
  std::optional<Id> team_id;
  Id id = 0;
  Id account_id = 0;
};

struct Account {
  Id id = 0;
  std::string username;
  std::string password_hash;
  std::string full_name;
  bool disabled = false;
  std::optional<Id> created_by;
};

// What a list may hold: whole subtrees (unit paths) and single teams; `everything` for admins.
// A list filtered by an empty, non-everything scope is empty.
struct Scope {
  bool everything = false;
  std::vector<std::string> unit_paths;
  std::vector<Id> team_ids;
  std::vector<std::string> single_unit_paths;  // units readable alone (a team's village)
};

// A join or leave request (seed 002 §3.1.4).
struct MembershipRequest {
  Id id = 0;
  std::string kind;  // join, leave
  Id team_id = 0;
  std::string state;                       // submitted, nominated, approved, rejected, withdrawn
  std::optional<std::string> person_json;  // join: the applicant
  std::optional<Id> membership_id;         // leave: the membership to end
  Role role = Role::kMember;
  std::string note;
  Id submitted_by = 0;
  std::string submitted_at;
  std::optional<Id> nominated_by;
  std::optional<std::string> nominated_at;
  std::optional<Id> decided_by;
  std::optional<std::string> decided_at;
  std::optional<std::string> reason;
  std::optional<Id> result_membership_id;
};

struct RequestQuery {
  Scope scope;                                  // teams the caller may see
  std::optional<std::string> within_unit_path;  // ?unit=
  std::vector<std::string> states;              // empty: any
  std::vector<Id> team_ids;                     // empty: any (within scope)
  int limit = 100;
  int offset = 0;
};

// A chairman's decision with its frozen snapshot of teams and members (JSON).
struct Decision {
  Id id = 0;
  Id commune_id = 0;
  std::string number;
  std::string date;
  std::string signer;
  std::string kind;  // establish, amend
  std::string snapshot_json;
  std::optional<Id> created_by;
  std::string created_at;
};

// One line of Form 2 (seed 001, Mẫu 2): a current member of a team, with the commune the team
// belongs to (the team's own commune, or the commune of its village).
struct TeamListRow {
  Unit commune;
  Team team;
  Membership membership;
};

// A chat group (nhóm Zalo) of a unit or a team: its link and which required participants joined.
struct ChatGroup {
  std::string owner_type;  // unit, team
  Id owner_id = 0;
  std::string link;                                        // empty until an officer records it
  std::vector<std::pair<std::string, bool>> participants;  // participant key -> joined
  std::string updated_at;
};

// A support record (field work): one citizen or business helped with one service by one member.
// The citizen is kept only as a keyed hash (Decree 13/2023/NĐ-CP).
struct SupportRecord {
  std::string id;  // the client's UUID: a resend of the same id is a duplicate, not a new record
  Id team_id = 0;
  Id member_id = 0;  // the member's person id
  Id village_id = 0;
  std::string service;
  std::string date;         // YYYY-MM-DD
  std::string citizen_key;  // HMAC of the normalised phone / ID number / household key
  std::optional<int> age;
  std::optional<std::string> sex;
  std::optional<Id> recorded_by;
  std::string recorded_at;
  std::optional<std::string> voided_at;
};

// Filters every list of field work has (support records, training sessions, propaganda events).
struct FieldWorkQuery {
  Scope scope;
  std::optional<std::string> within_unit_path;  // the place of the work in this subtree
  std::optional<Id> team_id;
  std::optional<std::string> from, to;  // dates, inclusive
  int limit = 100;
  int offset = 0;
};

struct SupportQuery : FieldWorkQuery {
  std::optional<std::string> service;
};

// A target set on a unit for a year and indicator (bounds as core/target.hpp reads them).
struct TargetRow {
  Id unit_id = 0;
  int year = 0;
  std::string indicator;
  std::optional<double> min, max;
  bool strict = false;
};

// Residents trained on one topic (training indicators' numerators, 0007 trained_count).
struct TrainedCount {
  std::int64_t people = 0;
  std::int64_t households = 0;
};

// --- catalogue rows (province services and indicators): catalogue helper ---
// A province's own service (0006 province_service); the built-ins are code.
struct ProvinceServiceRow {
  Id province_id = 0;
  Service service;
  std::string created_at;
};

// A province's own indicator (0006 province_indicator), as stored: core checked it on the way in.
struct ProvinceIndicatorRow {
  Id province_id = 0;
  std::string code;
  std::string name_vi;
  std::string name_en;
  std::string source;  // service, training
  std::optional<std::string> service, topic, count_of, cohort;
  std::string measure;  // percent, count
  std::string created_at;
};
// --- end catalogue rows ---

// --- training and propaganda rows: trainings helper ---
// A training session (tập huấn) a team held, for its members or for residents. Like a support
// record it carries the client's UUID (a resend is a no-op) and is voided, never deleted.
struct TrainingSession {
  std::string id;  // the client's UUID
  Id team_id = 0;
  Id unit_id = 0;  // where it was held: the team's village, or its commune or a village of it
  std::string date;
  std::string audience;  // members, residents
  std::string topic;
  std::string title;
  std::int64_t attendance = 0;
  std::int64_t households = 0;  // production/business households among the residents
  std::vector<Id> member_ids;   // person ids of the members who ran or attended it
  std::optional<Id> recorded_by;
  std::string recorded_at;
  std::optional<std::string> voided_at;
};

// A propaganda event (tuyên truyền): a meeting, a loudspeaker broadcast, a post, a festival…
struct PropagandaEvent {
  std::string id;  // the client's UUID
  Id team_id = 0;
  Id unit_id = 0;
  std::string date;
  std::string kind;
  std::int64_t attendance = 0;  // 0 when unknown
  std::optional<std::string> note;
  std::vector<Id> member_ids;
  std::optional<Id> recorded_by;
  std::string recorded_at;
  std::optional<std::string> voided_at;
};

// Filters of the session and event lists.
struct ActivityQuery : FieldWorkQuery {
  std::optional<std::string> code;  // a training topic, or a propaganda kind
};
// --- end training rows ---

// --- report rows: reports helper ---
// A province's due-date rule for one kind of report (0008 reporting_policy).
struct ReportingPolicyRow {
  Id province_id = 0;
  std::string kind;
  std::optional<int> due_day;  // nullopt: the month's last day
  int month_offset = 0;
  std::optional<int> due_month;  // annual kinds
};

// A periodic report (0008 report); figures are JSON text.
struct Report {
  Id id = 0;
  std::string kind;
  Id unit_id = 0;  // a team report: the team's unit
  std::optional<Id> team_id;
  std::string period;
  std::string status;
  std::string figures;
  std::string results, difficulties, proposals;
  std::string due_date;
  std::optional<Id> created_by;
  std::string created_at, updated_at;
  std::optional<std::string> first_submitted_at;
  std::optional<Id> submitted_by;
  std::optional<std::string> submitted_at;
  std::optional<Id> decided_by;
  std::optional<std::string> decided_at;
  std::optional<std::string> return_reason;
  std::string unit_path;  // read only: the unit's path, for scope checks and the audit
};

struct ReportQuery {
  Scope scope;
  std::optional<std::string> within_unit_path;  // reports of units in this subtree
  Scope within_history;  // and of the units its history holds (closed units merged into it)
  std::optional<Id> unit_id;
  std::optional<std::string> period, kind, status;
  int limit = 100;
  int offset = 0;
};

// One expected reporter (a team or a unit) of a period, with its report when one exists.
struct Reporter {
  Id unit_id = 0;
  std::string unit_path;
  std::optional<Id> team_id;
  std::string name;
  std::optional<Report> report;
};

// Work done in a period, per place and team: `what` names the figure ("records:<service>",
// "citizens:<service>", "sessions:<audience>", "attendance:<audience>", "events",
// "event_attendance", "teams", "members", "collaborators"); `path` is the unit where it happened
// (a team's figures: its unit).
struct ActivityRow {
  std::string path;
  std::optional<Id> team_id;
  std::string what;
  std::int64_t n = 0;
};
// --- end report rows ---

// --- allowance rows: allowances helper ---
// A rate set on a unit (0009 allowance_rate): valid from its month until the same unit's next.
struct AllowanceRateRow {
  Id unit_id = 0;
  std::string valid_from;  // YYYY-MM
  std::optional<std::int64_t> per_team_month, per_member_day, max_days;
  std::string created_at;
};

// One line of a commune's monthly allowance sheet: a person who was a member of one of its
// teams during the month, or who has activity days in its teams. `role` is nullopt for someone
// with activity days and no membership overlapping the month.
struct AllowanceLine {
  Id person_id = 0;
  std::string full_name;
  Id team_id = 0;
  std::string team_name;
  std::optional<Role> role;
  std::int64_t activity_days = 0;  // distinct dates of non-voided activities in the month
};
// --- end allowance rows ---

// --- cashless place rows: cashless helper ---
// A street or market a commune declared cashless (0010 cashless_place); voided, never deleted.
struct CashlessPlace {
  Id id = 0;
  Id unit_id = 0;         // the commune or village it lies in
  std::string unit_path;  // that unit's path (read with the row, for scope and the audit)
  std::string kind;       // street, market
  std::string name;
  std::string name_folded;  // text::Fold(name)
  std::string declared_on;  // YYYY-MM-DD
  std::optional<std::string> decision_ref;
  std::optional<Id> created_by;
  std::string created_at;
  std::optional<std::string> voided_at;
};

struct CashlessPlaceQuery {
  std::string within_path;          // places of units in this subtree
  std::optional<std::string> kind;  // street, market
  bool include_voided = false;
  int limit = 100;
  int offset = 0;
};
// --- end cashless place rows ---

struct AuditEntry {
  Id id = 0;
  std::string at;
  std::optional<Id> account_id;
  std::string username;
  std::string address;
  std::string action;  // create, update, end, read_phones, login, ...
  std::string entity_type;
  Id entity_id = 0;
  std::optional<Id> team_id;
  std::string unit_path;
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
};

struct AuditQuery {
  Scope scope;
  std::optional<std::string> entity_type;  // with entity_id: that entity (a team: and its parts)
  std::optional<Id> entity_id;
  std::optional<std::string> within_unit_path;
  // Earlier paths of what lies within within_unit_path today (a unit's history): subtrees, and
  // single units (a split unit's own entries).
  std::vector<std::string> within_history_paths;
  std::vector<std::string> within_history_units;
  std::optional<std::string> from;  // inclusive timestamps or dates
  std::optional<std::string> to;
  int limit = 100;
  int offset = 0;
};

}  // namespace cnscd::store
