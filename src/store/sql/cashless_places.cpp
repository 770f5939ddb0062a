// Cashless streets and markets a commune declares (migration 0010): the numerators of the
// cashless_street and cashless_market counts, read with one query over a subtree.
#include <string>

#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {
namespace {

constexpr const char* kPlaceColumns =
    "p.id, p.unit_id, u.path, p.kind, p.name, p.name_folded, p.declared_on, p.decision_ref, "
    "p.created_by, p.created_at, p.voided_at";

constexpr const char* kPlaceFrom = " FROM cashless_place p JOIN unit u ON u.id = p.unit_id";

CashlessPlace ReadPlace(const Statement& s) {
  CashlessPlace p;
  Columns(s) >> p.id >> p.unit_id >> p.unit_path >> p.kind >> p.name >> p.name_folded >>
      p.declared_on >> p.decision_ref >> p.created_by >> p.created_at >> p.voided_at;
  return p;
}

}  // namespace

CashlessPlace SqlTransaction::InsertCashlessPlace(const CashlessPlace& place) {
  Run(db_,
      "INSERT INTO cashless_place (unit_id, kind, name, name_folded, declared_on, decision_ref, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      place.unit_id, place.kind, place.name, place.name_folded, place.declared_on,
      place.decision_ref, place.created_by, OwnOrNow(place.created_at));
  return *FindCashlessPlace(db_.LastInsertId());
}

std::optional<CashlessPlace> SqlTransaction::FindCashlessPlace(Id id) {
  return FirstRow(db_, std::string("SELECT ") + kPlaceColumns + kPlaceFrom + " WHERE p.id = ?",
                  ReadPlace, id);
}

std::optional<CashlessPlace> SqlTransaction::FindLiveCashlessPlace(Id unit_id,
                                                                   const std::string& kind,
                                                                   const std::string& name_folded) {
  return FirstRow(db_,
                  std::string("SELECT ") + kPlaceColumns + kPlaceFrom +
                      " WHERE p.unit_id = ? AND p.kind = ? AND p.name_folded = ? "
                      "AND p.voided_at IS NULL",
                  ReadPlace, unit_id, kind, name_folded);
}

void SqlTransaction::VoidCashlessPlace(Id id, const std::string& at) {
  Run(db_, "UPDATE cashless_place SET voided_at = ? WHERE id = ? AND voided_at IS NULL", at, id);
}

Page<CashlessPlace> SqlTransaction::ListCashlessPlaces(const CashlessPlaceQuery& q) {
  const auto [lo, hi] = PathRange(q.within_path);
  SqlFilter where{std::string(kPlaceFrom) + " WHERE u.path >= ? AND u.path < ?", {lo, hi}};
  where.AndIf("p.kind = ?", q.kind);
  if (!q.include_voided) where.sql += " AND p.voided_at IS NULL";
  return PageOf<CashlessPlace>(kPlaceColumns, where, "p.declared_on, p.name_folded, p.id", q.limit,
                               q.offset, ReadPlace);
}

std::map<std::string, std::int64_t> SqlTransaction::CashlessPlaceCounts(const Unit& within,
                                                                        const std::string& until) {
  const auto [lo, hi] = PathRange(within.path);
  return CountsByKey(db_,
                     std::string("SELECT p.kind, count(*)") + kPlaceFrom +
                         " WHERE u.path >= ? AND u.path < ? AND p.voided_at IS NULL "
                         "AND p.declared_on <= ? GROUP BY p.kind",
                     lo, hi, until);
}

}  // namespace cnscd::store::sql
