#pragma once
// Indicators (chỉ số) measured against targets (DOMAIN.md §7, issue 5 item 3): what is counted,
// over which cohort, and the status of a value against its target at a point of the year.
// Pure rules; the numerators (support records, counters) and the stored targets are not here.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/target.hpp"

namespace cnscd::indicators {

struct Indicator {
  std::string code;  // stable: clients and stored targets rely on it
  std::string name_vi;
  std::string name_en;
  std::string
      service;         // the service whose helped citizens/businesses are counted; empty for counts
  std::string cohort;  // the denominator's population cohort; empty for counts
  Measure measure = Measure::kPercent;
};

// The built-in indicators: one per people service (same code and cohort as the service),
// qr_payment over businesses, and seed 004 #8's counts cashless_street and cashless_market.
// Seed 003's (payment accounts among working-age people, households trained in e-commerce,
// working-age people trained in digital skills) are NOT built in: a province defines them on its
// own cohorts and on trainings, which are not built yet.
const std::vector<Indicator>& BuiltinIndicators();

// nullptr when `code` is not a built-in indicator's.
const Indicator* FindBuiltinIndicator(std::string_view code);

enum class Status {
  kMet,           // the value meets the target
  kOnTrack,       // not yet, but at least the year's elapsed share of the target's floor
  kBehind,        // below that share, or the year is over and the target is not met
  kNoTarget,      // no target set for the unit (nor inherited)
  kNoPopulation,  // a percentage without its cohort's population figure
};
std::string_view ToString(
    Status status);  // "met", "on_track", "behind", "no_target", "no_population"

// numerator / denominator as a percentage rounded to one decimal: 8100 of 9000 -> 90.0.
// nullopt when the denominator is missing or not positive.
std::optional<double> Percent(double numerator, std::optional<double> denominator);

// The status of an indicator's value. For a percent measure the value is Percent(numerator,
// denominator), the figure shown beside the status, so the two never disagree; a missing or zero
// denominator is no_population (checked first: without a population no target can be judged).
// For a count measure the value is the numerator and the denominator is ignored.
// `elapsed_fraction_of_year` is the share of the target's year already gone (0..1, clamped):
// on_track when the value has reached at least min × elapsed; at 1 (the year is over) a target
// not met is behind. A ceiling-only target has no pace to keep: not met is behind.
Status Evaluate(const std::optional<TargetBound>& target, double numerator,
                std::optional<double> denominator, Measure measure,
                double elapsed_fraction_of_year);

}  // namespace cnscd::indicators
