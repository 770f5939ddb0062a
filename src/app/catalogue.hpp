#pragma once
// A province's own catalogue (issue 5 items 1, 3): the services and indicators it adds to the
// built-in ones, and the lookups that support records, targets and indicators share.
#include <optional>
#include <vector>

#include "app/context.hpp"
#include "app/snapshot.hpp"
#include "core/indicator.hpp"
#include "core/service.hpp"

namespace cnscd::app {

// A service of the catalogue and the province that defined it (nullopt: built in).
struct CatalogueService {
  Service service;
  std::optional<store::Id> province_id;
};

// An indicator of the catalogue and the province that defined it (nullopt: built in).
struct CatalogueIndicator {
  indicators::Indicator indicator;
  std::optional<store::Id> province_id;
};

// The API's shape of each, also what the audit trail records:
// {"code", "name", "name_en", "builtin", "province_id"?, ...}.
Json ToJson(const CatalogueService& s);
Json ToJson(const CatalogueIndicator& i);

// The province at the top of the unit's tree (the unit itself when it is one); nullopt when the
// top is not a province.
std::optional<store::Unit> ProvinceOf(store::Transaction& tx, const store::Unit& unit);

// The built-in services, then the province's own in creation order (only the built-ins when
// `province_id` is nullopt).
std::vector<CatalogueService> ServicesOf(store::Transaction& tx,
                                         std::optional<store::Id> province_id);
// Likewise for indicators: built-ins first, then the province's own in creation order.
std::vector<CatalogueIndicator> IndicatorsOf(store::Transaction& tx,
                                             std::optional<store::Id> province_id);

// POST /units/ID/services: kManage on a province unit (else 422 `not_a_province`); 409
// `service_exists` when the province has the code already; audited.
CatalogueService AddProvinceService(Context& ctx, const Caller& caller, store::Id unit_id,
                                    const ServiceDefinition& definition);

// GET /services: the built-ins; with a unit (kRead on it), also its province's own.
std::vector<CatalogueService> ListServices(Context& ctx, const Caller& caller,
                                           std::optional<store::Id> unit_id);

// POST /units/ID/indicator-definitions: kManage on a province unit (else 422 `not_a_province`);
// the service named must be a built-in or the province's own; 409 `indicator_exists`; audited.
CatalogueIndicator AddIndicatorDefinition(Context& ctx, const Caller& caller, store::Id unit_id,
                                          const indicators::IndicatorDefinition& definition);

// GET /units/ID/indicator-definitions: kRead on any unit; the built-ins, then its province's.
std::vector<CatalogueIndicator> IndicatorDefinitions(Context& ctx, const Caller& caller,
                                                     store::Id unit_id);

}  // namespace cnscd::app
