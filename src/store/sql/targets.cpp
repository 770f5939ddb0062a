// Targets per unit, year and indicator (migration 0005).
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

void SqlTransaction::PutTarget(const TargetRow& t) {
  Run(db_,
      "INSERT INTO target (unit_id, year, indicator, min, max, strict) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (unit_id, year, indicator) DO UPDATE SET min = excluded.min, "
      "max = excluded.max, strict = excluded.strict",
      t.unit_id, t.year, t.indicator, t.min, t.max, t.strict ? 1 : 0);
}

void SqlTransaction::DeleteTarget(Id unit_id, int year, const std::string& indicator) {
  Run(db_, "DELETE FROM target WHERE unit_id = ? AND year = ? AND indicator = ?", unit_id, year,
      indicator);
}

std::vector<TargetRow> SqlTransaction::TargetsOf(Id unit_id, int year) {
  return AllRows(
      db_,
      "SELECT indicator, min, max, strict FROM target WHERE unit_id = ? AND year = ? "
      "ORDER BY indicator",
      [unit_id, year](const Statement& s) {
        TargetRow t{unit_id, year};
        Columns(s) >> t.indicator >> t.min >> t.max >> t.strict;
        return t;
      },
      unit_id, year);
}

}  // namespace cnscd::store::sql
