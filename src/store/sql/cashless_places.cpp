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
  p.id = s.Int(0);
  p.unit_id = s.Int(1);
  p.unit_path = s.Text(2);
  p.kind = s.Text(3);
  p.name = s.Text(4);
  p.name_folded = s.Text(5);
  p.declared_on = s.Text(6);
  p.decision_ref = s.OptText(7);
  p.created_by = s.OptInt(8);
  p.created_at = s.Text(9);
  p.voided_at = s.OptText(10);
  return p;
}

}  // namespace

CashlessPlace SqlTransaction::InsertCashlessPlace(const CashlessPlace& place) {
  Statement s = db_.Prepare(
      "INSERT INTO cashless_place (unit_id, kind, name, name_folded, declared_on, decision_ref, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, place.unit_id).Bind(2, place.kind).Bind(3, place.name).Bind(4, place.name_folded);
  s.Bind(5, place.declared_on).Bind(6, place.decision_ref).Bind(7, place.created_by);
  s.Bind(8, place.created_at.empty() ? Now() : place.created_at);
  s.Run();
  return *FindCashlessPlace(db_.LastInsertId());
}

std::optional<CashlessPlace> SqlTransaction::FindCashlessPlace(Id id) {
  Statement s =
      db_.Prepare(std::string("SELECT ") + kPlaceColumns + kPlaceFrom + " WHERE p.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadPlace(s);
}

std::optional<CashlessPlace> SqlTransaction::FindLiveCashlessPlace(Id unit_id,
                                                                   const std::string& kind,
                                                                   const std::string& name_folded) {
  Statement s = db_.Prepare(std::string("SELECT ") + kPlaceColumns + kPlaceFrom +
                            " WHERE p.unit_id = ? AND p.kind = ? AND p.name_folded = ? "
                            "AND p.voided_at IS NULL");
  s.Bind(1, unit_id).Bind(2, kind).Bind(3, name_folded);
  if (!s.Step()) return std::nullopt;
  return ReadPlace(s);
}

void SqlTransaction::VoidCashlessPlace(Id id, const std::string& at) {
  Statement s =
      db_.Prepare("UPDATE cashless_place SET voided_at = ? WHERE id = ? AND voided_at IS NULL");
  s.Bind(1, at).Bind(2, id);
  s.Run();
}

Page<CashlessPlace> SqlTransaction::ListCashlessPlaces(const CashlessPlaceQuery& q) {
  const auto [lo, hi] = PathRange(q.within_path);
  std::string where = std::string(kPlaceFrom) + " WHERE u.path >= ? AND u.path < ?";
  std::vector<std::variant<std::int64_t, std::string>> args{lo, hi};
  if (q.kind) {
    where += " AND p.kind = ?";
    args.emplace_back(*q.kind);
  }
  if (!q.include_voided) where += " AND p.voided_at IS NULL";
  return PageOf<CashlessPlace>(kPlaceColumns, {where, args}, "p.declared_on, p.name_folded, p.id",
                               q.limit, q.offset, ReadPlace);
}

std::map<std::string, std::int64_t> SqlTransaction::CashlessPlaceCounts(const Unit& within,
                                                                        const std::string& until) {
  const auto [lo, hi] = PathRange(within.path);
  Statement s = db_.Prepare(std::string("SELECT p.kind, count(*)") + kPlaceFrom +
                            " WHERE u.path >= ? AND u.path < ? AND p.voided_at IS NULL "
                            "AND p.declared_on <= ? GROUP BY p.kind");
  s.Bind(1, lo).Bind(2, hi).Bind(3, until);
  std::map<std::string, std::int64_t> counts;
  while (s.Step()) counts[s.Text(0)] = s.Int(1);
  return counts;
}

}  // namespace cnscd::store::sql
