#pragma once
// Use cases on targets (chỉ tiêu) per unit, year and indicator, and the indicators measured
// against them (issue 5 item 3, docs/indicators.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
};

struct IndicatorValue {
  const indicators::Indicator* indicator = nullptr;
  std::int64_t numerator = 0;
  std::optional<std::int64_t> denominator;  // nullopt: no population figure known
  std::optional<double> percent;
  std::optional<EffectiveTarget> target;
  indicators::Status status = indicators::Status::kNoTarget;
};

struct UnitIndicators {
  store::Unit unit;
  std::vector<IndicatorValue> values;  // one per built-in indicator, in catalogue order
};

// Sets (or, with neither min nor max, removes) the unit's own target; returns the effective
// targets of that year afterwards.
std::vector<TargetItem> PutTarget(Context& ctx, const Caller& caller, store::Id unit_id,
                                  const TargetInput& in);
std::vector<TargetItem> EffectiveTargets(Context& ctx, const Caller& caller, store::Id unit_id,
                                         int year);
// The unit's indicators for the year, or each direct child's (in the caller's scope).
std::vector<UnitIndicators> Indicators(Context& ctx, const Caller& caller, store::Id unit_id,
                                       int year, bool by_children);

}  // namespace cnscd::app
