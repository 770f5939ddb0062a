// Targets per unit, year and indicator (migration 0005).
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

void SqlTransaction::PutTarget(const TargetRow& t) {
  Statement s = db_.Prepare(
      "INSERT INTO target (unit_id, year, indicator, min, max, strict) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (unit_id, year, indicator) DO UPDATE SET min = excluded.min, "
      "max = excluded.max, strict = excluded.strict");
  s.Bind(1, t.unit_id).Bind(2, t.year).Bind(3, t.indicator).Bind(4, t.min).Bind(5, t.max);
  s.Bind(6, t.strict ? 1 : 0);
  s.Run();
}

void SqlTransaction::DeleteTarget(Id unit_id, int year, const std::string& indicator) {
  Statement s = db_.Prepare("DELETE FROM target WHERE unit_id = ? AND year = ? AND indicator = ?");
  s.Bind(1, unit_id).Bind(2, year).Bind(3, indicator);
  s.Run();
}

std::vector<TargetRow> SqlTransaction::TargetsOf(Id unit_id, int year) {
  Statement s = db_.Prepare(
      "SELECT indicator, min, max, strict FROM target WHERE unit_id = ? AND year = ? "
      "ORDER BY indicator");
  s.Bind(1, unit_id).Bind(2, year);
  std::vector<TargetRow> out;
  while (s.Step()) {
    out.push_back({unit_id, year, s.Text(0), s.OptDouble(1), s.OptDouble(2), s.Int(3) != 0});
  }
  return out;
}

}  // namespace cnscd::store::sql
