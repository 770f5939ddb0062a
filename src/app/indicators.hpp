#pragma once
// Use cases on targets (chỉ tiêu) per unit, year and indicator, and the indicators measured
// against them (issue 5 item 3, docs/indicators.md).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/catalogue.hpp"
#include "app/context.hpp"
#include "core/indicator.hpp"
#include "core/target.hpp"

namespace cnscd::app {

struct TargetInput {
  int year = 0;
  std::string indicator;
  std::optional<double> min, max;
  std::optional<bool> strict;
};

// The target that applies to a unit: its own, or the nearest ancestor's.
struct EffectiveTarget {
  TargetBound bound;
  std::string text;  // Describe(bound, measure): "80–90 %", "≥ 1"
  store::Id source_unit_id = 0;
};

struct TargetItem {
  std::string indicator;
  std::optional<EffectiveTarget> target;  // nullopt: none set up the tree
  bool builtin = true;                    // false: the province's own indicator
};

struct IndicatorValue {
  // Points into UnitIndicators::catalogue (or the built-ins), which outlives the value.
  const indicators::Indicator* indicator = nullptr;
  bool builtin = true;  // false: the province's own
  std::int64_t numerator = 0;
  std::optional<std::int64_t> denominator;  // nullopt: no population figure known
  std::optional<double> percent;
  std::optional<EffectiveTarget> target;
  indicators::Status status = indicators::Status::kNoTarget;
};

struct UnitIndicators {
  store::Unit unit;
  // One per indicator of the unit's catalogue: the built-ins, then its province's own in
  // creation order.
  std::vector<IndicatorValue> values;
  // Owns the indicators the values point to (shared by the units of one answer).
  std::shared_ptr<const std::vector<CatalogueIndicator>> catalogue;
  // In a list of communes at any depth: the commune's parent (a district or a province), so that
  // the list reads "Xã X (huyện Y)".
  std::optional<store::Unit> parent;
};

// Sets (or, with neither min nor max, removes) the unit's own target; returns the effective
// targets of that year afterwards. The indicator is a built-in or one of the unit's province
// (422 `unknown_indicator` otherwise).
std::vector<TargetItem> PutTarget(Context& ctx, const Caller& caller, store::Id unit_id,
                                  const TargetInput& in);
std::vector<TargetItem> EffectiveTargets(Context& ctx, const Caller& caller, store::Id unit_id,
                                         int year);
// The unit's indicators for the year, or each direct child's (in the caller's scope).
std::vector<UnitIndicators> Indicators(Context& ctx, const Caller& caller, store::Id unit_id,
                                       int year, bool by_children);
// The indicators of every current commune in the unit's subtree and in the caller's scope, at
// whatever depth (a province's communes through its districts), in name order, one page.
store::Page<UnitIndicators> CommuneIndicators(Context& ctx, const Caller& caller, store::Id unit_id,
                                              int year, int limit, int offset);

}  // namespace cnscd::app
