// A province's own services and indicators (migration 0006). Creation order is rowid order.
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

namespace {

// A province's own definitions, `select` giving their columns from their table, in creation
// order, each read by `read` and marked as the province's.
template <typename Read>
auto OfProvince(Connection& db, const std::string& select, Id province_id, Read read) {
  auto rows = AllRows(db, select + " WHERE province_id = ? ORDER BY rowid", read, province_id);
  for (auto& row : rows) row.province_id = province_id;
  return rows;
}

ProvinceServiceRow ReadService(const Statement& s) {
  ProvinceServiceRow r;
  Service& v = r.service;
  Columns(s) >> v.code >> v.name_vi >> v.name_en >> v.subject >> v.cohort >> v.min_age >>
      r.created_at;
  return r;
}

ProvinceIndicatorRow ReadIndicator(const Statement& s) {
  ProvinceIndicatorRow r;
  Columns(s) >> r.code >> r.name_vi >> r.name_en >> r.source >> r.service >> r.topic >>
      r.count_of >> r.cohort >> r.measure >> r.created_at;
  return r;
}

}  // namespace

void SqlTransaction::InsertProvinceService(const ProvinceServiceRow& row) {
  const Service& v = row.service;
  Run(db_,
      "INSERT INTO province_service (province_id, code, name_vi, name_en, subject, cohort, "
      "min_age, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      row.province_id, v.code, v.name_vi, v.name_en, ToString(v.subject), v.cohort, v.min_age,
      row.created_at);
}

std::vector<ProvinceServiceRow> SqlTransaction::ProvinceServices(Id province_id) {
  return OfProvince(
      db_,
      "SELECT code, name_vi, name_en, subject, cohort, min_age, created_at FROM province_service",
      province_id, ReadService);
}

void SqlTransaction::InsertProvinceIndicator(const ProvinceIndicatorRow& row) {
  Run(db_,
      "INSERT INTO province_indicator (province_id, code, name_vi, name_en, source, service, "
      "topic, count_of, cohort, measure, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      row.province_id, row.code, row.name_vi, row.name_en, row.source, row.service, row.topic,
      row.count_of, row.cohort, row.measure, row.created_at);
}

std::vector<ProvinceIndicatorRow> SqlTransaction::ProvinceIndicators(Id province_id) {
  return OfProvince(db_,
                    "SELECT code, name_vi, name_en, source, service, topic, count_of, cohort, "
                    "measure, created_at FROM province_indicator",
                    province_id, ReadIndicator);
}

}  // namespace cnscd::store::sql
