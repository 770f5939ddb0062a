#pragma once
// `cnscd reform` (issue 8 item 3): the official conversion table turned into a plan for this
// database, shown as a dry run, and applied all or nothing.
#include <string>
#include <vector>

#include "app/context.hpp"
#include "core/reform.hpp"

namespace cnscd::app {

struct ReformInput {
  std::string table_csv;      // the conversion table, as published
  std::string decisions_csv;  // --decisions: what the table leaves open (may be empty)
  bool dissolve_unmapped = false;
  std::string effective;  // YYYY-MM-DD
  std::string basis;      // the legal basis written on every event
  bool apply = false;
};

struct ReformSummary {
  bool applied = false;
  int table_pairs = 0, pairs_outside = 0;
  int provinces = 0, provinces_kept = 0, provinces_merged_away = 0;
  int communes = 0, communes_kept = 0, communes_created = 0, communes_merged_away = 0;
  int communes_split = 0, villages_assigned = 0, unmapped_merged = 0, dissolved = 0;
  int districts_dissolved = 0;
  std::int64_t villages_moved = 0, teams_moved = 0, records_moved = 0;
  std::vector<reform::Question> questions;  // apply refuses while any remain
};

// Reads the table and decisions, plans against the current tree, and with `apply` (and no
// question left) applies the plan in one transaction: new provinces and communes (or those of
// the imported new list, same code and effective date), merges, splits, dissolutions, counters
// rebuilt for today's tree, one audit entry. Without `apply` nothing is written.
ReformSummary RunReform(Context& ctx, const Caller& caller, const ReformInput& in);

}  // namespace cnscd::app
