#pragma once
// The rows that cross the Store interface: plain data, no behaviour.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/policy.hpp"
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
  int limit = 100;
  int offset = 0;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

// Cohorts that are the denominators of the targets (DOMAIN.md §2, §7).
inline const std::vector<std::string>& PopulationCohorts() {
  static const std::vector<std::string> kCohorts{"age14plus",   "age15plus",  "age18plus",
                                                 "working_age", "households", "business_households",
                                                 "businesses"};
  return kCohorts;
}

struct Population {
  int year = 0;
  std::map<std::string, std::int64_t> figures;  // cohort -> number; absent when unknown
};

struct Team {
  Id id = 0;
  Id unit_id = 0;
  TeamLevel level = TeamLevel::kVillage;
  std::string name;
  std::string status;  // active
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
};

struct Account {
  Id id = 0;
  std::string username;
  std::string password_hash;
  std::string full_name;
  bool disabled = false;
};

}  // namespace cnscd::store
