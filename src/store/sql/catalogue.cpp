// A province's own services and indicators (migration 0006). Creation order is rowid order.
#include "store/sql/transaction.hpp"

namespace cnscd::store::sql {

void SqlTransaction::InsertProvinceService(const ProvinceServiceRow& row) {
  Statement s = db_.Prepare(
      "INSERT INTO province_service (province_id, code, name_vi, name_en, subject, cohort, "
      "min_age, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const Service& v = row.service;
  s.Bind(1, row.province_id).Bind(2, v.code).Bind(3, v.name_vi).Bind(4, v.name_en);
  s.Bind(5, ToString(v.subject)).Bind(6, v.cohort).Bind(7, v.min_age).Bind(8, row.created_at);
  s.Run();
}

std::vector<ProvinceServiceRow> SqlTransaction::ProvinceServices(Id province_id) {
  Statement s = db_.Prepare(
      "SELECT code, name_vi, name_en, subject, cohort, min_age, created_at FROM province_service "
      "WHERE province_id = ? ORDER BY rowid");
  s.Bind(1, province_id);
  std::vector<ProvinceServiceRow> out;
  while (s.Step()) {
    ProvinceServiceRow r;
    r.province_id = province_id;
    r.service.code = s.Text(0);
    r.service.name_vi = s.Text(1);
    r.service.name_en = s.Text(2);
    r.service.subject = ParseSubject(s.Text(3)).value_or(Subject::kPeople);
    r.service.cohort = s.Text(4);
    r.service.min_age = static_cast<int>(s.Int(5));
    r.created_at = s.Text(6);
    out.push_back(std::move(r));
  }
  return out;
}

void SqlTransaction::InsertProvinceIndicator(const ProvinceIndicatorRow& row) {
  Statement s = db_.Prepare(
      "INSERT INTO province_indicator (province_id, code, name_vi, name_en, source, service, "
      "topic, count_of, cohort, measure, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, row.province_id).Bind(2, row.code).Bind(3, row.name_vi).Bind(4, row.name_en);
  s.Bind(5, row.source).Bind(6, row.service).Bind(7, row.topic).Bind(8, row.count_of);
  s.Bind(9, row.cohort).Bind(10, row.measure).Bind(11, row.created_at);
  s.Run();
}

std::vector<ProvinceIndicatorRow> SqlTransaction::ProvinceIndicators(Id province_id) {
  Statement s = db_.Prepare(
      "SELECT code, name_vi, name_en, source, service, topic, count_of, cohort, measure, "
      "created_at FROM province_indicator WHERE province_id = ? ORDER BY rowid");
  s.Bind(1, province_id);
  std::vector<ProvinceIndicatorRow> out;
  while (s.Step()) {
    ProvinceIndicatorRow r;
    r.province_id = province_id;
    r.code = s.Text(0);
    r.name_vi = s.Text(1);
    r.name_en = s.Text(2);
    r.source = s.Text(3);
    r.service = s.OptText(4);
    r.topic = s.OptText(5);
    r.count_of = s.OptText(6);
    r.cohort = s.OptText(7);
    r.measure = s.Text(8);
    r.created_at = s.Text(9);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace cnscd::store::sql
