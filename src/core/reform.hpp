#pragma once
// The plan of a reform of the tree read from a conversion table (issue 8): which old provinces and
// communes go whole into which new ones, which are kept, which are split (their villages need an
// assignment), which the table does not map, and what a human must still decide. Pure: the
// caller reads the table and the tree, and applies the plan.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/unit.hpp"

namespace cnscd::reform {

using Id = std::int64_t;

// One row of the table: an old commune (or, without a code, an island district) and the new
// commune it went into, whole or in part.
struct Pair {
  int line = 0;
  std::string new_province_code, new_province_name;
  std::string new_commune_code, new_commune_name;
  std::string old_commune_code;  // empty: the row names no old commune
  std::string old_commune_name;
  bool whole = true;  // false: "nhập một phần"
};

// A current unit of the tree before the reform.
struct OldUnit {
  Id id = 0;
  UnitKind kind = UnitKind::kVillage;
  std::string code;
  std::string name;
  std::optional<Id> parent_id;
};

// A line of the decisions file: an old unit ("12345": an old commune, its own teams and the
// villages not decided one by one; "id:N": any unit by id) and where it goes (a new commune code)
// or "dissolve".
struct Decision {
  int line = 0;
  std::string old_key;
  std::string new_code;  // empty with dissolve
  bool dissolve = false;
};

struct Options {
  bool dissolve_unmapped = false;  // --unmapped dissolve
};

struct NewProvince {
  std::string code, name;
  std::optional<Id> keep;  // the old province of that code, which goes on under the new name
  std::vector<Id> merged;  // old provinces merged into it (closed)
};

struct NewCommune {
  std::string code, name, province_code;
  std::optional<Id> keep;  // the one old commune of that code that went in whole, alone
  std::vector<Id> wholes;  // old communes merged into it whole (closed), their villages with them
  std::vector<Id> parts;   // split old communes that gave it a part
  std::vector<std::string> areas;  // rows naming no old commune (island districts, areas)
};

struct Split {
  Id commune = 0;
  std::vector<std::string> into;              // the new communes named by the table
  std::map<Id, std::string> villages;         // village -> new commune code, as decided
  std::optional<std::string> attachments_to;  // where its own teams and activity go
};

struct Question {
  std::string kind;  // split_village, split_commune, unmapped, bad_decision
  Id unit_id = 0;    // 0 for a decision line
  int line = 0;      // the decision's line, if any
  std::string message_vi, message_en;
};

struct Plan {
  std::vector<NewProvince> provinces;
  std::vector<NewCommune> communes;
  std::vector<Split> splits;
  std::map<Id, std::string> unmapped_into;  // unmapped old communes merged whole by decision
  std::vector<Id> dissolved;                // unmapped units dissolved (they hold nothing)
  std::vector<Id> districts;                // every current district: dissolved
  std::vector<Question> questions;          // the apply refuses while any remain
  int pairs_outside = 0;  // pairs whose old commune is not in this database (another province)
};

// `holds(id)`: true when teams, records, trainings, events or places hang on the unit itself.
Plan MakePlan(const std::vector<Pair>& table, const std::vector<OldUnit>& tree,
              const std::vector<Decision>& decisions, const Options& options,
              const std::function<bool(Id)>& holds);

// Throws a 422 Error (field `field`) unless `effective` is a date (YYYY-MM-DD), not after
// `today` (the unit row holds today's state, so a change is entered on or after its day), and not
// before `since`, the day the unit's current state began.
void CheckEventDate(const std::string& effective, const std::string& today,
                    const std::optional<std::string>& since, const std::string& field);

}  // namespace cnscd::reform
