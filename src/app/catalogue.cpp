// A province's own services and indicators: stored rows turned into core's types, and the use
// cases that add and list them.
#include "app/catalogue.hpp"

#include "app/access.hpp"
#include "app/audit.hpp"
#include "app/units.hpp"
#include "core/error.hpp"

namespace cnscd::app {
namespace {

Json OrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }

// A stored row was checked by core on the way in: parse it back without refusing.
indicators::Indicator FromRow(const store::ProvinceIndicatorRow& r) {
  indicators::Indicator i;
  i.code = r.code;
  i.name_vi = r.name_vi;
  i.name_en = r.name_en;
  i.source = indicators::ParseSource(r.source);
  i.service = r.service.value_or("");
  i.topic = r.topic.value_or("");
  if (r.count_of) i.count_of = indicators::ParseCountOf(*r.count_of);
  i.cohort = r.cohort.value_or("");
  i.measure = r.measure == "count" ? Measure::kCount : Measure::kPercent;
  return i;
}

store::ProvinceIndicatorRow ToRow(store::Id province_id, const indicators::Indicator& i,
                                  const std::string& now) {
  const auto opt = [](const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
  };
  store::ProvinceIndicatorRow r;
  r.province_id = province_id;
  r.code = i.code;
  r.name_vi = i.name_vi;
  r.name_en = i.name_en;
  r.source = std::string(indicators::ToString(i.source.value_or(indicators::Source::kService)));
  r.service = opt(i.service);
  r.topic = opt(i.topic);
  if (i.count_of) r.count_of = std::string(indicators::ToString(*i.count_of));
  r.cohort = opt(i.cohort);
  r.measure = std::string(ToString(i.measure));
  r.created_at = now;
  return r;
}

// The province a definition is added to: kManage on it, and it must be a province.
store::Unit RequireProvince(store::Transaction& tx, const Caller& caller, store::Id unit_id) {
  store::Unit unit = RequireUnit(tx, unit_id);
  Require(caller, Ability::kManage, UnitTarget(unit));
  if (unit.kind != UnitKind::kProvince) {
    throw RuleBroken("not_a_province",
                     "Chỉ cấp tỉnh mới bổ sung dịch vụ và chỉ số riêng: hãy dùng đơn vị tỉnh.",
                     "Only a province adds its own services and indicators: use the province's "
                     "unit.",
                     "unit_id");
  }
  return unit;
}

}  // namespace

Json ToJson(const CatalogueService& s) {
  Json j{{"code", s.service.code},       {"name", s.service.name_vi},
         {"name_en", s.service.name_en}, {"subject", std::string(ToString(s.service.subject))},
         {"cohort", s.service.cohort},   {"min_age", s.service.min_age},
         {"builtin", !s.province_id}};
  if (s.province_id) j["province_id"] = *s.province_id;
  return j;
}

Json ToJson(const CatalogueIndicator& c) {
  const indicators::Indicator& i = c.indicator;
  Json j{{"code", i.code},
         {"name", i.name_vi},
         {"name_en", i.name_en},
         {"builtin", !c.province_id},
         {"source", i.source ? Json(std::string(indicators::ToString(*i.source))) : Json()},
         {"service", OrNull(i.service)},
         {"topic", OrNull(i.topic)},
         {"count_of", i.count_of ? Json(std::string(indicators::ToString(*i.count_of))) : Json()},
         {"cohort", OrNull(i.cohort)},
         {"measure", std::string(ToString(i.measure))}};
  if (c.province_id) j["province_id"] = *c.province_id;
  return j;
}

std::optional<store::Unit> ProvinceOf(store::Transaction& tx, const store::Unit& unit) {
  if (unit.kind == UnitKind::kProvince) return unit;
  const std::vector<store::Unit> up = tx.Ancestors(unit);
  if (!up.empty() && up.front().kind == UnitKind::kProvince) return up.front();
  return std::nullopt;
}

std::vector<CatalogueService> ServicesOf(store::Transaction& tx,
                                         std::optional<store::Id> province_id) {
  std::vector<CatalogueService> out;
  for (const Service& s : BuiltinServices()) out.push_back({s, std::nullopt});
  if (province_id) {
    for (store::ProvinceServiceRow& r : tx.ProvinceServices(*province_id)) {
      out.push_back({std::move(r.service), *province_id});
    }
  }
  return out;
}

std::vector<CatalogueIndicator> IndicatorsOf(store::Transaction& tx,
                                             std::optional<store::Id> province_id) {
  std::vector<CatalogueIndicator> out;
  for (const indicators::Indicator& i : indicators::BuiltinIndicators()) {
    out.push_back({i, std::nullopt});
  }
  if (province_id) {
    for (const store::ProvinceIndicatorRow& r : tx.ProvinceIndicators(*province_id)) {
      out.push_back({FromRow(r), *province_id});
    }
  }
  return out;
}

CatalogueService AddProvinceService(Context& ctx, const Caller& caller, store::Id unit_id,
                                    const ServiceDefinition& definition) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit province = RequireProvince(*tx, caller, unit_id);
  CatalogueService added{CheckServiceDefinition(definition), province.id};
  for (const store::ProvinceServiceRow& r : tx->ProvinceServices(province.id)) {
    if (r.service.code == added.service.code) {
      throw Conflict(
          "service_exists", "Tỉnh đã có dịch vụ mã \"" + added.service.code + "\".",
          "The province already has a service with the code \"" + added.service.code + "\".",
          "code");
    }
  }
  tx->InsertProvinceService({province.id, added.service, ctx.NowTimestamp()});
  // The row has no numeric id: the code is in the snapshot.
  Audit(*tx, ctx, caller, "create", {"province_service", 0, province.path}, std::nullopt,
        ToJson(added));
  tx->Commit();
  return added;
}

std::vector<CatalogueService> ListServices(Context& ctx, const Caller& caller,
                                           std::optional<store::Id> unit_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  if (!unit_id) return ServicesOf(*tx, std::nullopt);
  const store::Unit unit = RequireUnit(*tx, *unit_id, "unit_id");
  Require(caller, Ability::kRead, UnitTarget(unit));
  const std::optional<store::Unit> province = ProvinceOf(*tx, unit);
  return ServicesOf(*tx, province ? std::optional<store::Id>(province->id) : std::nullopt);
}

CatalogueIndicator AddIndicatorDefinition(Context& ctx, const Caller& caller, store::Id unit_id,
                                          const indicators::IndicatorDefinition& definition) {
  auto tx = ctx.Begin(store::Access::kWrite);
  const store::Unit province = RequireProvince(*tx, caller, unit_id);
  std::vector<Service> known;
  for (CatalogueService& s : ServicesOf(*tx, province.id)) known.push_back(std::move(s.service));
  CatalogueIndicator added{indicators::CheckIndicatorDefinition(definition, known), province.id};
  for (const store::ProvinceIndicatorRow& r : tx->ProvinceIndicators(province.id)) {
    if (r.code == added.indicator.code) {
      throw Conflict(
          "indicator_exists", "Tỉnh đã có chỉ số mã \"" + added.indicator.code + "\".",
          "The province already has an indicator with the code \"" + added.indicator.code + "\".",
          "code");
    }
  }
  tx->InsertProvinceIndicator(ToRow(province.id, added.indicator, ctx.NowTimestamp()));
  Audit(*tx, ctx, caller, "create", {"province_indicator", 0, province.path}, std::nullopt,
        ToJson(added));
  tx->Commit();
  return added;
}

std::vector<CatalogueIndicator> IndicatorDefinitions(Context& ctx, const Caller& caller,
                                                     store::Id unit_id) {
  auto tx = ctx.Begin(store::Access::kRead);
  const store::Unit unit = RequireUnit(*tx, unit_id);
  Require(caller, Ability::kRead, UnitTarget(unit));
  const std::optional<store::Unit> province = ProvinceOf(*tx, unit);
  return IndicatorsOf(*tx, province ? std::optional<store::Id>(province->id) : std::nullopt);
}

}  // namespace cnscd::app
