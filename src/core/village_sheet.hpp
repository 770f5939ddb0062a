#pragma once
// Villages and their population from a sheet (the commune's Excel list of its thôn, ấp, bản…):
// for each row, whether it creates a village, updates a village's population, is already true,
// or is refused and why. Decided over what the store holds, loaded beforehand by the use case
// (app/village_import), which then applies the plan. Pure: no store, no clock.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cnscd::village_sheet {

using Id = std::int64_t;

struct Reason {
  std::string vi;
  std::string en;
};

// One row of the sheet as typed (cleaned), in the sheet's order.
struct SheetRow {
  int line = 0;
  std::string commune;  // above a commune: the commune's code or name
  std::string name;     // "Thôn 3", "3", "Ấp Mỹ Phước"
  std::string kind;     // the type word: "thôn", "Ấp", …; may be blank when the name has one
  std::string code;
  std::string year;
  std::map<std::string, std::string> figures;  // cohort -> as typed; blank ones left out
  std::optional<Reason> refused;               // the reader could not read the row
};

struct Village {
  Id id = 0;
  std::string name;
  std::optional<std::string> code;
  std::map<int, std::map<std::string, std::int64_t>> population;  // year -> cohort -> figure
};

struct Commune {
  Id id = 0;
  std::string name;  // "Xã Nhơn Mỹ"
  std::optional<std::string> code;
  std::vector<Village> villages;  // current
};

// What the decision needs from the store.
struct Known {
  bool above_commune = false;     // imported into a district or province: rows name the commune
  std::vector<Commune> communes;  // of the unit's subtree (the unit itself when a commune)
  // Village codes the rows name that belong to a village elsewhere (not in the row's commune),
  // with that village's name.
  std::map<std::string, std::string> codes_elsewhere;
};

// One row of the outcome.
struct Row {
  int line = 0;
  std::string action;   // create, update, match, refuse
  std::string commune;  // the commune's name when found, else as written
  std::string name;     // the village's name: as it is or as it will be created
  std::optional<Reason> reason;
};

struct NewVillage {
  Id commune_id = 0;
  std::string name;
  std::string subkind;
  std::optional<std::string> code;
};

// Population to store: on an existing village (`village_id`), or on one of Plan::new_villages.
struct Figures {
  Id village_id = 0;
  int new_village = -1;
  int year = 0;
  std::map<std::string, std::int64_t> figures;  // only those given
};

struct Plan {
  std::vector<Row> rows;
  int created = 0;
  int updated = 0;
  int matched = 0;
  int refused = 0;
  std::vector<NewVillage> new_villages;
  std::vector<Figures> population;
};

// The commune a cell names among `communes`: by code, else by name folded without its type word
// ("Xã Nhơn Mỹ", "nhon my"); nullptr when none or several (Reason says which).
const Commune* FindCommune(const std::vector<Commune>& communes, const std::string& cell,
                           Reason& why);

// Every row's outcome, in order. A village is matched by code, else by VillageNameKey within
// its commune. A row is refused when: the reader refused it; its commune is missing (above a
// commune), unknown or ambiguous; its name is blank or over 200 characters; it names a village
// an earlier row named; its code belongs to a village elsewhere, or to a village of another
// name, or differs from its village's recorded code; a new village has no known type word (in
// the kind cell or leading its name) or a code over 20 characters; its year is not 1900–2200,
// or it has figures but no year; a figure is not a whole number (thousands may be separated by
// '.', ',' or a space). A year without figures changes nothing. A new village is named by its
// type word then the rest ("Thôn 3"), its subkind the type word.
Plan PlanVillageImport(const std::vector<SheetRow>& rows, const Known& known);

}  // namespace cnscd::village_sheet
