#pragma once
// Cashless streets and markets (seed 004 target 8): a commune declares them on itself or on one
// of its villages, lists them, and voids a declaration made in error; the indicators
// cashless_street and cashless_market count them (app/indicators.cpp).
#include <optional>
#include <string>

#include "app/context.hpp"
#include "app/snapshot.hpp"
#include "core/cashless_place.hpp"

namespace cnscd::app {

// kManage on the unit, which must be a commune or a village (422 not_a_commune_or_village); the
// fields are core's (cashless::CheckPlace); the same kind and folded name declared and not
// voided in that unit is 409 place_exists. Audited (entity cashless_place).
store::CashlessPlace DeclareCashlessPlace(Context& ctx, const Caller& caller, store::Id unit_id,
                                          const cashless::PlaceDraft& draft);

struct CashlessPlaceFilters {
  std::optional<std::string> kind;  // street, market (422 unknown_kind otherwise)
  bool include_voided = false;
  int limit = 100;
  int offset = 0;
};

// The places of the unit's subtree (kRead on the unit), by declared_on then name.
store::Page<store::CashlessPlace> ListCashlessPlaces(Context& ctx, const Caller& caller,
                                                     store::Id unit_id,
                                                     const CashlessPlaceFilters& filters);

// kManage on the place's unit, audited; 404 unknown id, 409 already_voided.
store::CashlessPlace VoidCashlessPlace(Context& ctx, const Caller& caller, store::Id id);

// The row as the API answers it and the audit trail records it.
Json ToJson(const store::CashlessPlace& place);

}  // namespace cnscd::app
