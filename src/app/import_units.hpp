#pragma once
// Loads an official unit list into the store: idempotent (a second run changes nothing), all or
// nothing per file, codes kept, names NFC.
#include <functional>
#include <string>

#include "app/context.hpp"
#include "documents/unit_lists.hpp"

namespace cnscd::app {

struct UnitImportReport {
  int rows_read = 0;
  int created = 0;
  int updated = 0;  // same code, new name
  int unchanged = 0;
  std::map<UnitKind, int> by_kind;  // units in the file per kind
  std::vector<documents::Refusal> refused;
};

// The edition a list belongs to: the two-level list of 2025 is valid from 1 July 2025; the GSO
// lists before the reform carry no date. Codes are unique within an edition.
std::optional<std::string> EditionOf(documents::UnitListFormat format);

// `progress(done, total)` is called now and then for long lists.
UnitImportReport ImportUnits(Context& ctx, const Caller& caller, const documents::UnitList& list,
                             const std::function<void(int, int)>& progress = {});

}  // namespace cnscd::app
